#!/usr/bin/env python3
"""Preview latency of `vanban serve`, measured in a real browser (a
benchmark, not a test): for each document, 20 edits of one character at the
end of the signer's name, each timed in the page from the keystroke (the
editor's `input` event) to the page showing the new name decoded on screen
(debounce, request, layout, SVG, transfer and drawing included), with the
signer's page scrolled into view. Prints the
median and worst per document, with the pages drawn per edit.

Usage: scripts/bench-serve.py [DOC.yaml ...]   (default: a one-page công
văn, the 5-page Thủ Thừa công văn and the 8-page Hải Phòng công văn)
Needs chromium and chromedriver (as the browser tests); uses
target/release/vanban (built if missing) or VANBAN_BIN (e.g.
VANBAN_BIN=target/debug/vanban for the debug build).
Only the Python standard library: the WebDriver protocol over HTTP.
"""
import base64, json, os, shutil, socket, statistics, subprocess, sys, tempfile, time, urllib.request

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
DEFAULT = [
    "data/examples/cong-van.yaml",
    "data/2023/thu-thua/pgddt-cong-van-tuan-le-hoc-tap.yaml",
    "data/2022/hai-phong/sgddt-cong-van-tuan-le-hoc-tap.yaml",
]
EDITS = 20


def free_port():
    s = socket.socket()
    s.bind(("127.0.0.1", 0))
    port = s.getsockname()[1]
    s.close()
    return port


class Browser:
    """A Chromium session through chromedriver."""

    def __init__(self):
        port = free_port()
        self.proc = subprocess.Popen(["chromedriver", f"--port={port}"],
                                     stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        self.base = f"http://127.0.0.1:{port}"
        for _ in range(300):
            try:
                socket.create_connection(("127.0.0.1", port)).close()
                break
            except OSError:
                time.sleep(0.1)
        chromium = shutil.which("chromium") or shutil.which("chromium-browser")
        caps = {"capabilities": {"alwaysMatch": {"goog:chromeOptions": {"binary": chromium, "args": [
            "--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--window-size=1400,900"]}}}}
        self.sid = self._req("POST", "/session", caps)["sessionId"]

    def _req(self, method, path, body=None):
        data = json.dumps(body).encode() if body is not None else None
        r = urllib.request.Request(self.base + path, data=data, method=method,
                                   headers={"Content-Type": "application/json"})
        return json.load(urllib.request.urlopen(r, timeout=120))["value"]

    def cmd(self, method, path, body=None):
        return self._req(method, f"/session/{self.sid}{path}", body)

    def js(self, script, *args):
        return self.cmd("POST", "/execute/sync", {"script": script, "args": list(args)})

    def wait(self, script, timeout=60):
        start = time.time()
        while time.time() - start < timeout:
            v = self.js(script)
            if v:
                return v
            time.sleep(0.05)
        raise RuntimeError("timed out: " + script)

    def type(self, ch):
        self.cmd("POST", "/actions", {"actions": [{"type": "key", "id": "kb", "actions": [
            {"type": "keyDown", "value": ch}, {"type": "keyUp", "value": ch}]}]})

    def quit(self):
        try:
            self.cmd("DELETE", "")
        finally:
            self.proc.kill()


# In the page: note the time of each keystroke in the editor, and the time
# the page showing `window.__want` is decoded.
HOOK = """
window.__t0 = 0; window.__t1 = 0; window.__want = null;
document.querySelector('.editor textarea').addEventListener('input', () => { window.__t0 = performance.now(); }, true);
const check = () => {
  if (!window.__want || window.__t1) return;
  for (const img of document.querySelectorAll('#pages img')) {
    if (img.alt.includes(window.__want) && img.getAttribute('src')) {
      const want = window.__want;
      img.decode().then(() => { if (window.__want === want && !window.__t1) window.__t1 = performance.now(); });
      return;
    }
  }
};
new MutationObserver(check).observe(document.getElementById('pages'), { childList: true, subtree: true, attributes: true });
"""


def main():
    docs = sys.argv[1:] or DEFAULT
    binary = os.environ.get("VANBAN_BIN")
    if not binary:
        subprocess.run(["cargo", "build", "--release", "-q"], cwd=ROOT, check=True)
        binary = os.path.join(ROOT, "target/release/vanban")
    work = tempfile.mkdtemp()
    names = []
    for i, d in enumerate(docs):
        name = f"d{i}-{os.path.basename(d)}"
        shutil.copy(os.path.join(ROOT, d), os.path.join(work, name))
        names.append(name)
    server = subprocess.Popen([binary, "serve", "--port", "0", work], stdout=subprocess.PIPE,
                              stderr=subprocess.DEVNULL, text=True)
    url = server.stdout.readline().strip()
    b = Browser()
    print(f"{'document':60} pages  median   worst  (ms, {EDITS} edits; pages drawn per edit)")
    try:
        for d, name in zip(docs, names):
            b.cmd("POST", "/url", {"url": "about:blank"})
            b.cmd("POST", "/url", {"url": f"{url}#{name}"})
            b.wait("return document.querySelector('body[data-ready] #pages img')")
            time.sleep(0.5)
            b.js(HOOK)
            text = b.js("return document.querySelector('.editor textarea').value")
            lines = text.split("\n")
            row = next(i for i, l in enumerate(lines) if l.lstrip().startswith("ho_ten:"))
            name_now = lines[row].split("ho_ten:", 1)[1].split(" #")[0].strip().strip('"')
            # The signer's page in view (pages out of view are not drawn).
            b.js("const want = arguments[0]; const img = [...document.querySelectorAll('#pages img')].reverse().find(i => i.alt.includes(want)); img.scrollIntoView({block: 'center'});", name_now)
            b.wait("return [...document.querySelectorAll('#pages img')].some(i => i.dataset.drawn && i.getBoundingClientRect().top < innerHeight && i.getBoundingClientRect().bottom > 0 && i.alt.includes(arguments[0]))".replace("arguments[0]", json.dumps(name_now)))
            times, drawn = [], []
            for k in range(EDITS):
                text = b.js("return document.querySelector('.editor textarea').value")
                lines = text.split("\n")
                end = sum(len(l.encode("utf-16-le")) // 2 + 1 for l in lines[:row]) + len(lines[row].split(" #")[0].encode("utf-16-le")) // 2
                b.js("const t = document.querySelector('.editor textarea'); t.focus(); t.setSelectionRange(arguments[0], arguments[0]);", end)
                ch = "abcdefghijklmnopqrst"[k]
                name_now += ch
                b.js("window.__want = arguments[0]; window.__t0 = 0; window.__t1 = 0;", name_now)
                b.type(ch)
                b.wait("return window.__t1 > 0")
                times.append(b.js("return window.__t1 - window.__t0"))
                status = b.js("return document.getElementById('status').textContent")
                drawn.append(status.split("vẽ lại ")[-1].split(" trang")[0] if "vẽ lại" in status else "?")
                time.sleep(0.3)
            pages = b.js("return document.querySelectorAll('#pages img').length")
            print(f"{d:60} {pages:5} {statistics.median(times):7.0f} {max(times):7.0f}  ({', '.join(sorted(set(drawn)))})")
    finally:
        b.quit()
        server.kill()
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
