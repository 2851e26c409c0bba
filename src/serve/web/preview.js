// vanban serve: the preview's pages. One <img> per page, sized from the
// page's dimensions; its picture (/api/page/HASH, SVG) is fetched only when
// the page is near the view, and only for pages whose hash changed. A page
// that changed while its old picture is in view keeps the old picture until
// the new one is decoded (no blank flash while typing).

// Each page also has marks: boxes (in points) where the values of the
// YAML are drawn, with their lines. A click on a page calls `onJump(line)`;
// `highlight(line)` outlines on the pages the value at that YAML line.

// How far outside the view a page is drawn ahead (above and below).
const AHEAD = "100% 0px";

export class PagesView {
  // `host` holds the pages; `scroller` is the element that scrolls them;
  // `onMissing` is called when the server no longer has a page's picture.
  constructor(host, scroller, { onMissing, onJump }) {
    this.host = host;
    this.scroller = scroller;
    this.onJump = onJump;
    this.line = 0;
    // The outlines of the highlighted value, over the pages.
    this.layer = document.createElement("div");
    this.layer.className = "page-marks";
    this.layer.setAttribute("aria-hidden", "true");
    host.after(this.layer);
    host.addEventListener("click", (ev) => this.click(ev));
    new ResizeObserver(() => this.highlight(this.line)).observe(host);
    this.entries = [];
    this.near = new Set();
    this.onMissing = onMissing;
    this.observer = new IntersectionObserver((seen) => {
      for (const s of seen) {
        const e = s.target.__entry;
        if (!e) continue;
        if (s.isIntersecting) {
          this.near.add(e);
          this.load(e);
        } else {
          this.near.delete(e);
        }
      }
    }, { root: scroller, rootMargin: AHEAD });
  }

  // Removes every page.
  clear() {
    for (const e of this.entries) this.observer.unobserve(e.img);
    this.entries = [];
    this.near.clear();
    this.host.replaceChildren();
    this.layer.replaceChildren();
  }

  // The hashes of the pages shown.
  hashes() {
    return this.entries.map((e) => e.hash);
  }

  // Shows `pages` ({ hash, width, height, text } each) of the text laid
  // out as `version`, keeping the pictures of pages that did not change.
  // Returns how many pages changed. The marks come after, apart, once the
  // pictures in view are drawn (they are not on the way to the picture).
  show(pages, version) {
    this.version = version;
    const old = new Map(this.entries.map((e) => [e.hash, e]));
    const used = new Set();
    let changed = 0;
    const next = pages.map((p, i) => {
      let e = old.get(p.hash);
      if (!e || used.has(e)) {
        changed++;
        const img = document.createElement("img");
        img.style.aspectRatio = `${p.width} / ${p.height}`;
        img.decoding = "async";
        e = { hash: p.hash, img, drawn: false, loading: null, stand: null };
        img.__entry = e;
      }
      used.add(e);
      e.img.alt = p.text;
      // Until the new marks come, those of the last text (lines may have
      // moved a little).
      e.marks = e.marks || [];
      e.width = p.width;
      e.img.dataset.page = String(i + 1);
      e.img.title = `Trang ${i + 1}`;
      return e;
    });
    const prev = this.entries;
    next.forEach((e, i) => {
      let el = e.img;
      const before = prev[i];
      // A changed page in view: its old picture stays until the new one
      // is ready.
      if (!e.img.isConnected && !e.stand && before && !used.has(before) && before.drawn && this.near.has(before)) {
        e.stand = before.img;
        el = before.img;
        this.load(e).then(() => {
          if (e.stand && e.stand.isConnected && this.entries.includes(e)) e.stand.replaceWith(e.img);
          e.stand = null;
          this.observer.observe(e.img);
        });
      } else if (e.stand && e.stand.isConnected) {
        el = e.stand;
      }
      if (this.host.children[i] !== el) this.host.insertBefore(el, this.host.children[i] || null);
    });
    while (this.host.children.length > next.length) this.host.lastChild.remove();
    for (const e of prev) {
      if (!used.has(e)) {
        this.observer.unobserve(e.img);
        this.near.delete(e);
      }
    }
    for (const e of next) if (!e.stand) this.observer.observe(e.img);
    this.entries = next;
    this.highlight(this.line);
    this.fetchMarks(version);
    return changed;
  }

  async fetchMarks(version) {
    // After the pictures near the view (the observer fires after layout).
    await new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
    await Promise.allSettled(this.entries.map((e) => e.loading));
    if (this.version !== version) return;
    try {
      const res = await fetch("/api/marks/" + version);
      if (!res.ok || this.version !== version) return;
      const marks = await res.json();
      if (this.version !== version) return;
      this.entries.forEach((e, i) => {
        e.marks = marks.pages[i] || [];
      });
      this.highlight(this.line);
    } catch {
      // Only the jump and the outline are missing.
    }
  }

  // The entry whose picture `el` is (or stands for).
  entryOf(el) {
    return this.entries.find((e) => e.img === el || e.stand === el);
  }

  // A click on a page: the YAML line of the value drawn nearest the point.
  click(ev) {
    const e = this.entryOf(ev.target);
    if (!e || !e.marks.length) return;
    const r = ev.target.getBoundingClientRect();
    const scale = r.width / e.width;
    const x = (ev.clientX - r.left) / scale;
    const y = (ev.clientY - r.top) / scale;
    // Inside a box, else the nearest one (a gap between lines).
    let best = null;
    let bestDist = Infinity;
    for (const m of e.marks) {
      const dx = Math.max(m.x - x, 0, x - (m.x + m.w));
      const dy = Math.max(m.y - y, 0, y - (m.y + m.h));
      const d = dx * dx + dy * dy * 4;
      if (d < bestDist) {
        bestDist = d;
        best = m;
      }
    }
    if (best && bestDist < 40 * 40) this.onJump(best.line);
  }

  // Outlines the value at YAML line `line` wherever it is drawn.
  highlight(line) {
    this.line = line;
    const boxes = [];
    for (const e of this.entries) {
      const img = e.stand && e.stand.isConnected ? e.stand : e.img;
      if (!img.isConnected || !e.width) continue;
      const hits = e.marks.filter((m) => m.line <= line && line <= m.end);
      if (!hits.length) continue;
      const scale = img.clientWidth / e.width;
      for (const m of hits) {
        const b = document.createElement("div");
        b.className = "page-mark";
        b.dataset.page = img.dataset.page;
        b.style.left = `${img.offsetLeft + m.x * scale - 2}px`;
        b.style.top = `${img.offsetTop + m.y * scale - 1}px`;
        b.style.width = `${m.w * scale + 4}px`;
        b.style.height = `${m.h * scale + 2}px`;
        boxes.push(b);
      }
    }
    this.layer.replaceChildren(...boxes);
  }

  // Fetches and decodes the picture of `e` (once).
  load(e) {
    if (e.loading) return e.loading;
    e.img.src = "/api/page/" + e.hash;
    e.loading = e.img.decode().then(
      () => {
        e.drawn = true;
        e.img.dataset.drawn = "1";
      },
      () => {
        // Gone from the server (or not an image): lay the text out again.
        if (this.entries.includes(e)) this.onMissing();
      },
    );
    return e.loading;
  }
}
