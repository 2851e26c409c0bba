//! `vanban serve`: the HTTP API and its safety rules over real sockets, and
//! the page in a real headless Chromium driven through chromedriver.

use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use fantoccini::actions::{InputSource, KeyAction, KeyActions};
use fantoccini::{Client, ClientBuilder, Locator};
use serde_json::{json, Value};

use crate::common::{root, vanban};

/// The seed the tests edit, relative to `data/`.
const SEED: &str = "2023/thu-thua/pgddt-cong-van-tuan-le-hoc-tap.yaml";
/// Where it is put in the served folder.
const DOC: &str = "thu-thua/cong-van.yaml";

/// A running `vanban serve` over a temporary folder holding one seed
/// document; stopped when dropped.
struct Server {
    child: Child,
    /// `127.0.0.1:PORT`.
    host: String,
    /// The served folder.
    dir: PathBuf,
    _tmp: tempfile::TempDir,
}

impl Server {
    fn start() -> Self {
        Self::with(&[(SEED, DOC)])
    }

    /// A server over a folder holding copies of `files` (seed under
    /// `data/`, place in the served folder), with no `vanban.toml` or
    /// `.git` anywhere: a folder as a user copies or unzips it.
    fn with(files: &[(&str, &str)]) -> Self {
        Self::with_env(files, &[])
    }

    /// [`Server::with`], the server run with the environment variables `env`.
    fn with_env(files: &[(&str, &str)], env: &[(&str, &str)]) -> Self {
        let tmp = tempfile::tempdir().unwrap();
        let dir = tmp.path().join("docs");
        for (seed, place) in files {
            let to = dir.join(place);
            std::fs::create_dir_all(to.parent().unwrap()).unwrap();
            std::fs::copy(root().join("data").join(seed), to).unwrap();
        }
        let mut child = vanban()
            .args(["serve", "--port", "0"])
            .arg(&dir)
            .envs(env.iter().copied())
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .expect("vanban serve starts");
        let mut line = String::new();
        BufReader::new(child.stdout.take().unwrap())
            .read_line(&mut line)
            .unwrap();
        let host = line
            .trim()
            .strip_prefix("http://")
            .and_then(|s| s.strip_suffix('/'))
            .unwrap_or_else(|| panic!("first line is the URL, got {line:?}"))
            .to_owned();
        assert!(host.starts_with("127.0.0.1:"), "{host}");
        Self {
            child,
            host,
            dir,
            _tmp: tmp,
        }
    }

    fn url(&self) -> String {
        format!("http://{}/", self.host)
    }

    /// One HTTP/1.1 request with the right `Host` unless `headers` give
    /// another; returns the status and the body.
    fn request(
        &self,
        method: &str,
        path: &str,
        headers: &[(&str, &str)],
        body: &[u8],
    ) -> (u16, String) {
        let mut s = TcpStream::connect(&self.host).unwrap();
        s.set_read_timeout(Some(Duration::from_secs(60))).unwrap();
        let mut head = format!("{method} {path} HTTP/1.1\r\nConnection: close\r\n");
        if !headers.iter().any(|(k, _)| k.eq_ignore_ascii_case("host")) {
            head.push_str(&format!("Host: {}\r\n", self.host));
        }
        for (k, v) in headers {
            head.push_str(&format!("{k}: {v}\r\n"));
        }
        if !body.is_empty() {
            head.push_str(&format!(
                "Content-Type: application/json\r\nContent-Length: {}\r\n",
                body.len()
            ));
        }
        head.push_str("\r\n");
        s.write_all(head.as_bytes()).unwrap();
        // The server may answer (413) before reading a large body and close
        // the connection: a failed write is not the test's concern.
        let _ = s.write_all(body);
        let mut raw = Vec::new();
        let _ = s.read_to_end(&mut raw);
        let text = String::from_utf8_lossy(&raw).into_owned();
        let status = text
            .split(' ')
            .nth(1)
            .and_then(|c| c.parse().ok())
            .unwrap_or_else(|| panic!("no status in {text:?}"));
        let body = text
            .split_once("\r\n\r\n")
            .map_or("", |(_, b)| b)
            .to_owned();
        (status, body)
    }

    fn get(&self, path: &str) -> (u16, Value) {
        let (status, body) = self.request("GET", path, &[], b"");
        (status, serde_json::from_str(&body).unwrap_or(Value::Null))
    }

    fn post(&self, path: &str, body: &Value) -> (u16, Value) {
        let origin = format!("http://{}", self.host);
        let (status, body) = self.request(
            "POST",
            path,
            &[("Origin", origin.as_str())],
            body.to_string().as_bytes(),
        );
        (status, serde_json::from_str(&body).unwrap_or(Value::Null))
    }

    fn doc_on_disk(&self) -> String {
        std::fs::read_to_string(self.dir.join(DOC)).unwrap()
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

#[test]
fn serves_the_page_and_the_register() {
    let s = Server::start();
    let (status, html) = s.request("GET", "/", &[], b"");
    assert_eq!(status, 200);
    assert!(
        html.contains("<html lang=\"vi\" data-messages=\"en\">") && html.contains("Văn bản mới"),
        "{html}"
    );
    assert!(
        !html.contains("http://") && !html.contains("https://"),
        "the page needs no network"
    );
    let (status, docs) = s.get("/api/docs");
    assert_eq!(status, 200);
    assert_eq!(docs[0]["path"], DOC);
    assert_eq!(docs[0]["loai"], "cong_van");
    assert!(docs[0]["trich_yeu"]
        .as_str()
        .unwrap()
        .starts_with("Triển khai kế hoạch số 5758"));
}

#[test]
fn serves_the_pages_words_in_both_languages() {
    let s = Server::start();
    let (status, vi) = s.get("/api/words?lang=vi");
    assert_eq!(status, 200);
    let (_, en) = s.get("/api/words?lang=en");
    assert_eq!(vi["web-btn-save"], "Lưu");
    assert_eq!(en["web-btn-save"], "Save");
    // Placeables are left for the page to fill.
    assert_eq!(en["web-saved-at"], "Saved at { $time }");
    let (vi, en) = (vi.as_object().unwrap(), en.as_object().unwrap());
    assert!(vi.len() > 100, "{}", vi.len());
    assert!(vi.keys().eq(en.keys()), "the same words in both languages");
    assert!(vi.keys().all(|k| k.starts_with("web-")));
    // Every word the page's HTML names is served.
    let (_, html) = s.request("GET", "/", &[], b"");
    let named: Vec<&str> = html
        .split("data-w")
        .skip(1)
        .filter_map(|a| a.split('"').nth(1))
        .collect();
    assert!(named.len() > 30, "{named:?}");
    for id in named {
        assert!(vi.contains_key(id) && en.contains_key(id), "{id}");
    }
}

#[test]
fn serves_the_schema_in_the_requests_language() {
    let s = Server::start();
    let schema = |lang: &str| {
        let (status, body) = s.request("GET", "/api/schema", &[("X-Vanban-Lang", lang)], b"");
        assert_eq!(status, 200);
        serde_json::from_str::<Value>(&body).unwrap()
    };
    let (vi, en) = (schema("vi"), schema("en"));
    // Asked in turn, each answer keeps its own language (nothing cached in one).
    let vi_again = schema("vi");
    let tip = |s: &Value| s["$defs"]["NguoiKy"]["properties"]["ho_ten"]["description"].clone();
    assert_eq!(tip(&vi), "Họ và tên, in đậm, không ghi học hàm, học vị.");
    assert_eq!(tip(&vi_again), tip(&vi));
    assert!(
        tip(&en).as_str().unwrap().starts_with("Full name"),
        "{}",
        tip(&en)
    );
    assert!(vi["properties"]["trich_yeu"]["description"]
        .as_str()
        .unwrap()
        .starts_with("Trích yếu"));
}

#[test]
fn refuses_foreign_host_and_origin() {
    let s = Server::start();
    let before = s.doc_on_disk();
    // DNS rebinding: a foreign name resolving to 127.0.0.1.
    let port = s.host.rsplit(':').next().unwrap();
    let evil_host = format!("evil.example:{port}");
    let (status, _) = s.request("GET", "/api/docs", &[("Host", evil_host.as_str())], b"");
    assert_eq!(status, 403);
    let (status, _) = s.request("GET", "/", &[("Host", evil_host.as_str())], b"");
    assert_eq!(status, 403);
    // localhost names the same server.
    let local = format!("localhost:{port}");
    assert_eq!(
        s.request("GET", "/", &[("Host", local.as_str())], b"").0,
        200
    );
    // A cross-site write.
    let (_, doc) = s.get(&format!("/api/doc?path={DOC}"));
    let body = json!({"path": DOC, "text": "loai: cong_van\n", "version": doc["version"]});
    let lookalike = format!("http://127.0.0.1:{port}.evil.example");
    for origin in ["http://evil.example", "null", lookalike.as_str()] {
        let (status, _) = s.request(
            "POST",
            "/api/save",
            &[("Origin", origin)],
            body.to_string().as_bytes(),
        );
        assert_eq!(status, 403, "{origin}");
    }
    let (status, _) = s.request(
        "POST",
        "/api/save",
        &[("Sec-Fetch-Site", "cross-site")],
        body.to_string().as_bytes(),
    );
    assert_eq!(status, 403);
    assert_eq!(s.doc_on_disk(), before, "nothing was written");
}

#[test]
fn refuses_paths_outside_the_folder() {
    let s = Server::start();
    let outside = s.dir.parent().unwrap().join("secret.yaml");
    std::fs::write(&outside, "loai: cong_van\n").unwrap();
    #[cfg(unix)]
    std::os::unix::fs::symlink(&outside, s.dir.join("link.yaml")).unwrap();
    let abs = outside.display().to_string();
    for path in [
        "../secret.yaml",
        "thu-thua/../../secret.yaml",
        abs.as_str(),
        "link.yaml",
    ] {
        let (status, body) = s.get(&format!("/api/doc?path={path}"));
        assert_eq!(status, 403, "{path}: {body}");
        let (status, _) = s.post(
            "/api/save",
            &json!({"path": path, "text": "x: 1\n", "version": "", "force": true}),
        );
        assert_eq!(status, 403, "{path}");
    }
    let (status, _) = s.post(
        "/api/new",
        &json!({"loai": "cong_van", "path": "../new.yaml"}),
    );
    assert_eq!(status, 403);
    let (status, _) = s.post(
        "/api/derive",
        &json!({"path": DOC, "out": "../../child.yaml"}),
    );
    assert_eq!(status, 403);
    assert_eq!(
        std::fs::read_to_string(&outside).unwrap(),
        "loai: cong_van\n"
    );
    assert!(!s.dir.parent().unwrap().join("new.yaml").exists());
    // Only YAML documents.
    std::fs::write(s.dir.join("notes.txt"), "x").unwrap();
    assert_eq!(s.get("/api/doc?path=notes.txt").0, 400);
}

#[test]
fn refuses_oversized_bodies() {
    let s = Server::start();
    let before = s.doc_on_disk();
    let text = "a".repeat(vanban::serve::MAX_BODY + 1);
    let (status, _) = s.post(
        "/api/save",
        &json!({"path": DOC, "text": text, "version": "", "force": true}),
    );
    assert_eq!(status, 413);
    assert_eq!(s.doc_on_disk(), before);
}

#[test]
fn save_refuses_a_file_changed_on_disk() {
    let s = Server::start();
    let (_, doc) = s.get(&format!("/api/doc?path={DOC}"));
    let opened = doc["version"].as_str().unwrap().to_owned();
    let text = doc["text"].as_str().unwrap();
    // Someone else edits the file.
    let theirs = text.replace("dia_danh: Thủ Thừa", "dia_danh: Tân An");
    std::fs::write(s.dir.join(DOC), &theirs).unwrap();
    let mine = text.replace("ky_hieu: PGDDĐT", "ky_hieu: PGDĐT");
    let (status, body) = s.post(
        "/api/save",
        &json!({"path": DOC, "text": mine, "version": opened}),
    );
    assert_eq!(status, 409, "{body}");
    assert_eq!(s.doc_on_disk(), theirs, "their change is kept");
    // After reloading, saving works.
    let (_, doc) = s.get(&format!("/api/doc?path={DOC}"));
    assert_eq!(doc["version"], body["version"]);
    let mine = doc["text"]
        .as_str()
        .unwrap()
        .replace("ky_hieu: PGDDĐT", "ky_hieu: PGDĐT");
    let (status, saved) = s.post(
        "/api/save",
        &json!({"path": DOC, "text": mine, "version": doc["version"]}),
    );
    assert_eq!(status, 200);
    assert_eq!(s.doc_on_disk(), mine);
    assert_ne!(saved["version"], doc["version"]);
    // No temporary files left behind.
    let names: Vec<_> = std::fs::read_dir(s.dir.join("thu-thua")).unwrap().collect();
    assert_eq!(names.len(), 1);
}

#[test]
fn preview_gives_pages_or_located_errors() {
    let s = Server::start();
    let (_, doc) = s.get(&format!("/api/doc?path={DOC}"));
    let text = doc["text"].as_str().unwrap();
    let (status, p) = s.post("/api/preview", &json!({"path": DOC, "text": text}));
    assert_eq!(status, 200);
    assert_eq!(p["ok"], true);
    let pages = p["pages"].as_array().unwrap();
    assert!(pages.len() >= 3, "{}", pages.len());
    // The pictures are fetched apart, by hash.
    let hash = pages[0]["hash"].as_str().unwrap();
    let (status, svg) = s.request("GET", &format!("/api/page/{hash}"), &[], b"");
    assert_eq!(status, 200);
    assert!(svg.starts_with("<svg"), "{}", &svg[..svg.len().min(200)]);
    assert!(pages[0]["width"].as_f64().unwrap() > 590.0, "A4 in points");
    let (status, _) = s.request("GET", &format!("/api/page/{}", "0".repeat(32)), &[], b"");
    assert_eq!(status, 404);
    assert!(pages[0]["text"]
        .as_str()
        .unwrap()
        .contains("PHÒNG GIÁO DỤC VÀ ĐÀO TẠO"));
    // An unsaved change shows in the preview, not on disk.
    let changed = text.replace("trich_yeu: \"Triển khai", "trich_yeu: \"Hưởng ứng");
    let (_, p) = s.post("/api/preview", &json!({"path": DOC, "text": changed}));
    assert!(p["pages"][0]["text"]
        .as_str()
        .unwrap()
        .contains("Hưởng ứng kế hoạch"));
    assert_eq!(s.doc_on_disk(), text);
    // An unknown key: the same located diagnostic as the command line.
    let line = text
        .lines()
        .position(|l| l.starts_with("dia_danh:"))
        .unwrap()
        + 2;
    let bad = text.replace("dia_danh: Thủ Thừa\n", "dia_danh: Thủ Thừa\ntrich_yue: x\n");
    let (_, p) = s.post("/api/preview", &json!({"path": DOC, "text": bad}));
    assert_eq!(p["ok"], false);
    let d = &p["diagnostics"][0];
    assert_eq!(d["line"], line);
    assert_eq!(d["column"], 1);
    assert!(
        d["message"]
            .as_str()
            .unwrap()
            .contains("unknown key `trich_yue`"),
        "{d}"
    );
    // The editor speaks the language of the server (`vanban()` runs it in
    // English).
    assert_eq!(d["help"], "did you mean `trich_yeu`?");
}

/// The hostile documents of issue 22 (`scripts/bench-hostile.sh`) made from
/// `text`, the seed, with the files they name put in the served folder.
fn hostile_documents(s: &Server, text: &str) -> Vec<String> {
    // Files the hostile documents name, and a folder that lists them.
    let mut png = b"\x89PNG\r\n\x1a\n\0\0\0\x0dIHDR".to_vec();
    png.extend(50_000u32.to_be_bytes());
    png.extend(50_000u32.to_be_bytes());
    png.extend([1, 0, 0, 0, 0, 0, 0, 0, 0]);
    std::fs::write(s.dir.join("thu-thua/ck.png"), png).unwrap();
    let fifo = s.dir.join("thu-thua/cha.yaml");
    assert!(Command::new("mkfifo")
        .arg(&fifo)
        .status()
        .unwrap()
        .success());
    std::os::unix::fs::symlink("/dev/zero", s.dir.join("zero.yaml")).unwrap();
    std::os::unix::fs::symlink(".", s.dir.join("loop")).unwrap();
    let para = |p: &str| text.replacen("noi_dung:\n", &format!("noi_dung:\n  - {p}\n"), 1);
    let mut aliases = format!("  - &lon {}\n", "x".repeat(1_000_000));
    aliases.push_str(&"  - *lon\n".repeat(1000));
    vec![
        para(&format!("\"{}x{}\"", "^[".repeat(5000), "]".repeat(5000))),
        para("\"{{ 'x' * 3000000 }}\""),
        para("\"{{ '2023-10-02' | cong_ngay(100000000) }}\""),
        text.replacen("noi_dung:\n", &format!("noi_dung:\n{aliases}"), 1),
        format!("extends: cha.yaml\n{text}"),
        text.replacen("nguoi_ky:\n", "nguoi_ky:\n  chu_ky: ck.png\n", 1),
    ]
}

#[test]
fn hostile_previews_are_errors_and_the_server_keeps_answering() {
    let s = Server::start();
    let (_, doc) = s.get(&format!("/api/doc?path={DOC}"));
    let text = doc["text"].as_str().unwrap().to_owned();
    let hostile = hostile_documents(&s, &text);
    for (i, h) in hostile.iter().enumerate() {
        let (status, p) = s.post("/api/preview", &json!({"path": DOC, "text": h}));
        assert_eq!(status, 200, "hostile document {i}: {p}");
        assert_eq!(p["ok"], false, "hostile document {i}");
        assert!(p["diagnostics"][0]["message"].is_string(), "{i}: {p}");
    }
    // The server still answers: the list, and a normal preview.
    let (status, list) = s.get("/api/docs");
    assert_eq!(status, 200, "{list}");
    let (status, p) = s.post("/api/preview", &json!({"path": DOC, "text": text}));
    assert_eq!(status, 200);
    assert_eq!(p["ok"], true, "{p}");
}

/// Resident memory of a process, in MiB.
fn rss_mb(pid: u32) -> u64 {
    let status = std::fs::read_to_string(format!("/proc/{pid}/status")).unwrap();
    let kb: u64 = status
        .lines()
        .find_map(|l| l.strip_prefix("VmRSS:"))
        .and_then(|v| v.split_whitespace().next())
        .and_then(|v| v.parse().ok())
        .unwrap();
    kb / 1024
}

/// The processes `pid` started (from any of its threads) that are still
/// running.
fn children(pid: u32) -> Vec<u32> {
    let mut all = String::new();
    for task in std::fs::read_dir(format!("/proc/{pid}/task"))
        .unwrap()
        .flatten()
    {
        all += &std::fs::read_to_string(task.path().join("children")).unwrap_or_default();
        all.push(' ');
    }
    all.split_whitespace()
        .filter_map(|p| p.parse().ok())
        .filter(|p| {
            // A zombie is not running.
            std::fs::read_to_string(format!("/proc/{p}/stat")).is_ok_and(|s| {
                !s.rsplit_once(')')
                    .is_some_and(|(_, r)| r.trim_start().starts_with('Z'))
            })
        })
        .collect()
}

/// A document of 3 000 long paragraphs (about 600 pages): within every
/// budget, but long and large to lay out.
fn huge(text: &str) -> String {
    let para = format!("  - {}\n", "chữ ".repeat(200));
    text.replacen(
        "noi_dung:\n",
        &format!("noi_dung:\n{}", para.repeat(3000)),
        1,
    )
}

#[test]
fn previews_over_their_time_or_memory_are_stopped_and_the_server_stays_small() {
    for (env, what) in [
        ("VANBAN_PREVIEW_TIMEOUT_MS", "2000"),
        ("VANBAN_PREVIEW_MEMORY_MB", "160"),
    ] {
        let s = Server::with_env(&[(SEED, DOC)], &[(env, what)]);
        let pid = s.child.id();
        let (_, doc) = s.get(&format!("/api/doc?path={DOC}"));
        let text = doc["text"].as_str().unwrap().to_owned();
        let (status, p) = s.post("/api/preview", &json!({"path": DOC, "text": text}));
        assert_eq!((status, &p["ok"]), (200, &json!(true)), "{env}: {p}");
        let before = children(pid);
        assert_eq!(before.len(), 1, "{env}: one preview process: {before:?}");
        // Over the limit: an error, and the preview's process is gone
        // (it no longer takes CPU or memory).
        let start = Instant::now();
        let (status, p) = s.post("/api/preview", &json!({"path": DOC, "text": huge(&text)}));
        let took = start.elapsed();
        assert_eq!(status, 503, "{env}: {p}");
        let message = p["error"].as_str().unwrap();
        if env.ends_with("TIMEOUT_MS") {
            assert!(message.contains("2 s"), "{message}");
            assert!(took < Duration::from_secs(10), "{took:?}");
        } else {
            assert!(message.contains("160 MB"), "{message}");
        }
        // (SIGKILL is sent before the answer; the kernel may take a moment.)
        let stopped = Instant::now();
        while children(pid).iter().any(|c| before.contains(c)) {
            assert!(
                stopped.elapsed() < Duration::from_secs(2),
                "{env}: the preview process was stopped"
            );
            std::thread::sleep(Duration::from_millis(20));
        }
        // The hostile documents: errors, each.
        for (i, h) in hostile_documents(&s, &text).iter().enumerate() {
            let (status, p) = s.post("/api/preview", &json!({"path": DOC, "text": h}));
            assert_eq!(
                (status, &p["ok"]),
                (200, &json!(false)),
                "{env}: hostile {i}: {p}"
            );
        }
        // A normal preview still answers; the server itself stayed small.
        let (status, p) = s.post("/api/preview", &json!({"path": DOC, "text": text}));
        assert_eq!((status, &p["ok"]), (200, &json!(true)), "{env}: {p}");
        let rss = rss_mb(pid);
        assert!(rss < 150, "{env}: the server holds {rss} MiB");
    }
}

#[test]
fn slow_clients_are_timed_out_and_do_not_block_others() {
    let s = Server::start();
    // More silent connections than the server serves at once, and one
    // sending its headers a byte at a time.
    let silent: Vec<TcpStream> = (0..vanban::serve::MAX_CONNECTIONS + 6)
        .map(|_| TcpStream::connect(&s.host).unwrap())
        .collect();
    let mut slow = TcpStream::connect(&s.host).unwrap();
    slow.write_all(b"GET / HT").unwrap();
    let start = Instant::now();
    let (status, _) = s.get("/api/docs");
    assert_eq!(status, 200);
    assert!(
        start.elapsed() < Duration::from_secs(40),
        "{:?}",
        start.elapsed()
    );
    // The slow client was dropped: its read ends (EOF or reset).
    slow.set_read_timeout(Some(Duration::from_secs(30)))
        .unwrap();
    let mut buf = [0u8; 64];
    let r = slow.read(&mut buf);
    assert!(
        !matches!(&r, Err(e) if e.kind() == std::io::ErrorKind::WouldBlock || e.kind() == std::io::ErrorKind::TimedOut),
        "{r:?}"
    );
    drop(silent);
}

#[test]
fn pdf_new_next_year_and_derive() {
    let s = Server::start();
    let text = s.doc_on_disk();
    let origin = format!("http://{}", s.host);
    let (status, body) = s.request(
        "POST",
        "/api/pdf",
        &[("Origin", origin.as_str())],
        json!({"path": DOC, "text": text}).to_string().as_bytes(),
    );
    assert_eq!(status, 200);
    assert!(body.starts_with("%PDF-"));
    // The same text as a Word file (a ZIP package).
    let (status, body) = s.request(
        "POST",
        "/api/docx",
        &[("Origin", origin.as_str())],
        json!({"path": DOC, "text": text}).to_string().as_bytes(),
    );
    assert_eq!(status, 200);
    assert!(
        body.starts_with("PK"),
        "{}",
        body.chars().take(80).collect::<String>()
    );

    let (status, r) = s.post(
        "/api/next-year",
        &json!({"path": DOC, "out": "thu-thua/cong-van-2024.yaml"}),
    );
    assert_eq!(status, 200, "{r}");
    let next = std::fs::read_to_string(s.dir.join("thu-thua/cong-van-2024.yaml")).unwrap();
    assert!(next.contains("\nngay: 2024-10\n"), "{next}");
    // The plan it cites keeps its date, and is listed for review; the
    // editor gets the same report as the command line.
    assert!(next.contains("Kế hoạch số 5758/KH-UBND ngày 02/10/2023"));
    let line = next
        .lines()
        .position(|l| l.contains("Thực hiện Kế hoạch số 5758/KH-UBND"))
        .unwrap()
        + 1;
    let items: Vec<&str> = r["report"]
        .as_array()
        .unwrap()
        .iter()
        .map(|v| v.as_str().unwrap())
        .collect();
    assert!(
        items.contains(&format!(
            "thu-thua/cong-van-2024.yaml:{line}: Kế hoạch số 5758/KH-UBND ngày 02/10/2023 → kept (a citation of another document): still the right basis for 2024?"
        ).as_str()),
        "{items:#?}"
    );
    assert!(
        r["summary"].as_str().unwrap().contains("Draft for 2024"),
        "{r}"
    );
    // Never over an existing file.
    let (status, _) = s.post("/api/next-year", &json!({"path": DOC, "out": DOC}));
    assert_eq!(status, 409);

    std::fs::create_dir(s.dir.join("xa")).unwrap();
    let (status, r) = s.post(
        "/api/derive",
        &json!({"path": DOC, "out": "xa/cong-van.yaml"}),
    );
    assert_eq!(status, 200, "{r}");
    let child = std::fs::read_to_string(s.dir.join("xa/cong-van.yaml")).unwrap();
    assert!(
        child.contains("extends: ../thu-thua/cong-van.yaml"),
        "{child}"
    );

    let (status, r) = s.post(
        "/api/new",
        &json!({"loai": "ke_hoach", "path": "ke-hoach-moi.yaml"}),
    );
    assert_eq!(status, 200, "{r}");
    let (_, docs) = s.get("/api/docs");
    let row = docs
        .as_array()
        .unwrap()
        .iter()
        .find(|d| d["path"] == "ke-hoach-moi.yaml")
        .expect("listed");
    assert_eq!(row["loai"], "ke_hoach");
    assert!(row["error"].is_null(), "{row}");
}

#[test]
fn cap_so_numbers_the_saved_document_once() {
    let s = Server::start();
    let (status, doc) = s.get(&format!("/api/doc?path={DOC}"));
    assert_eq!(status, 200, "{doc}");
    let version = doc["version"].as_str().unwrap().to_owned();
    // Not a file changed since it was opened.
    let (status, _) = s.post("/api/cap-so", &json!({"path": DOC, "version": "cu"}));
    assert_eq!(status, 409);
    let (status, r) = s.post("/api/cap-so", &json!({"path": DOC, "version": version}));
    assert_eq!(status, 200, "{r}");
    let so = r["so_ky_hieu"].as_str().unwrap();
    assert!(so.starts_with("01/"), "{r}");
    // The YAML carries the number; the register is the project's (the
    // served folder), the PDF beside the document.
    let text = s.doc_on_disk();
    assert!(text.lines().any(|l| l == "so: 1"), "{text}");
    assert!(s.dir.join("so-van-ban.sqlite").is_file());
    assert!(!s.dir.join("thu-thua/so-van-ban.sqlite").exists());
    assert!(s.dir.join("thu-thua/cong-van.pdf").is_file());
    // Once only: the refusal names the number.
    let (_, doc) = s.get(&format!("/api/doc?path={DOC}"));
    let (status, r) = s.post(
        "/api/cap-so",
        &json!({"path": DOC, "version": doc["version"]}),
    );
    assert_eq!(status, 422, "{r}");
    assert!(r["error"].as_str().unwrap().contains(so), "{r}");
    assert_eq!(s.doc_on_disk(), text);
}

#[test]
fn form_sets_one_field_and_keeps_the_rest() {
    let s = Server::start();
    let text = s.doc_on_disk();
    let (status, r) = s.post(
        "/api/form",
        &json!({"text": text, "key": "kinh_gui", "value": ["Hiệu trưởng các trường THCS"]}),
    );
    assert_eq!(status, 200);
    let new = r["text"].as_str().unwrap();
    assert_eq!(
        r["fields"]["kinh_gui"],
        json!(["Hiệu trưởng các trường THCS"])
    );
    assert_eq!(r["fields"]["co_quan"], "PHÒNG GIÁO DỤC VÀ ĐÀO TẠO");
    // Everything else is the same text, comments included.
    let removed: Vec<&str> = text
        .lines()
        .filter(|l| !new.lines().any(|n| n == *l))
        .collect();
    assert_eq!(
        removed,
        [
            "  - Hiệu trưởng các trường MN-MG, TH và THCS",
            "  - Hiệu trưởng trường TH và THCS Tân Thành"
        ]
    );
}

// ---- In a real browser ------------------------------------------------------

/// chromedriver on a free port, stopped when dropped.
struct Driver {
    child: Child,
    port: u16,
    _profile: tempfile::TempDir,
}

impl Driver {
    fn start() -> Self {
        let port = std::net::TcpListener::bind("127.0.0.1:0")
            .unwrap()
            .local_addr()
            .unwrap()
            .port();
        let child = Command::new(chromedriver())
            .arg(format!("--port={port}"))
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("chromedriver starts (apt-get install chromium-driver)");
        let start = Instant::now();
        while TcpStream::connect(("127.0.0.1", port)).is_err() {
            assert!(
                start.elapsed() < Duration::from_secs(30),
                "chromedriver does not listen"
            );
            std::thread::sleep(Duration::from_millis(50));
        }
        Self {
            child,
            port,
            _profile: tempfile::tempdir().unwrap(),
        }
    }

    async fn client(&self) -> Client {
        let mut caps = serde_json::Map::new();
        caps.insert(
            "goog:chromeOptions".into(),
            json!({
                "binary": chromium(),
                "args": [
                    "--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                    "--disable-background-networking", "--disable-component-update",
                    "--disable-sync", "--no-first-run", "--window-size=1400,900",
                    format!("--user-data-dir={}", self._profile.path().display()),
                ],
            }),
        );
        ClientBuilder::new(hyper_util::client::legacy::connect::HttpConnector::new())
            .capabilities(caps)
            .connect(&format!("http://127.0.0.1:{}", self.port))
            .await
            .expect("a Chromium session")
    }
}

impl Drop for Driver {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn which(names: &[&str]) -> PathBuf {
    for n in names {
        for dir in ["/usr/bin", "/usr/local/bin", "/usr/lib/chromium"] {
            let p = Path::new(dir).join(n);
            if p.is_file() {
                return p;
            }
        }
    }
    panic!("none of {names:?} is installed (.ci/run installs chromium and chromium-driver)");
}

fn chromedriver() -> PathBuf {
    which(&["chromedriver"])
}

fn chromium() -> PathBuf {
    which(&["chromium", "chromium-browser"])
}

/// Polls `f` until it gives `Some`, for up to 30 seconds.
async fn until<T, F, Fut>(what: &str, mut f: F) -> T
where
    F: FnMut() -> Fut,
    Fut: std::future::Future<Output = Option<T>>,
{
    let start = Instant::now();
    loop {
        if let Some(v) = f().await {
            return v;
        }
        assert!(
            start.elapsed() < Duration::from_secs(30),
            "timed out waiting for {what}"
        );
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
}

/// The text of the preview's pages (the `alt` of each page picture).
/// Clicks the element with this id.
async fn click(c: &Client, id: &str) {
    c.find(Locator::Id(id))
        .await
        .unwrap_or_else(|e| panic!("#{id}: {e}"))
        .click()
        .await
        .unwrap_or_else(|e| panic!("click #{id}: {e}"));
}

/// The text of the element with this id, if it is there.
async fn text_of(c: &Client, id: &str) -> Option<String> {
    c.find(Locator::Id(id)).await.ok()?.text().await.ok()
}

/// Waits until the preview shows `needle`.
async fn preview_shows(c: &Client, needle: &str) {
    until(&format!("`{needle}` in the preview"), || async {
        preview_text(c).await.contains(needle).then_some(())
    })
    .await;
}

async fn preview_text(c: &Client) -> String {
    let v = c
        .execute(
            "return [...document.querySelectorAll('#pages img')].map(i => i.alt).join('\\n')",
            vec![],
        )
        .await
        .unwrap();
    v.as_str().unwrap_or("").to_owned()
}

async fn js(c: &Client, script: &str, args: Vec<Value>) -> Value {
    c.execute(script, args).await.unwrap()
}

/// Selects characters `from..to` of the editor's text (JavaScript string
/// indices) so that typed keys replace them.
async fn select(c: &Client, from: usize, to: usize) {
    js(
        c,
        "const t = document.querySelector('.editor textarea'); t.focus(); t.setSelectionRange(arguments[0], arguments[1]);",
        vec![json!(from), json!(to)],
    )
    .await;
}

/// Types `text` into the focused element with keyboard actions, at its
/// caret or over its selection. (An element's send_keys may move the caret
/// to the end first, as ChromeDriver 148 does.)
async fn type_keys(c: &Client, text: &str) {
    let mut keys = KeyActions::new("keyboard".into());
    for ch in text.chars() {
        keys = keys
            .then(KeyAction::Down { value: ch })
            .then(KeyAction::Up { value: ch });
    }
    c.perform_actions(keys).await.expect("typing");
}

/// UTF-16 offset of the start of line `n` (0-based) of `text`.
fn line_offset(text: &str, n: usize) -> usize {
    text.split_inclusive('\n')
        .take(n)
        .map(|l| l.encode_utf16().count())
        .sum()
}

/// Selects the whole value of a form field, so that typed keys replace it
/// in one edit (as a user selecting the text and typing over it).
async fn replace_all(c: &Client, field: &fantoccini::elements::Element) {
    let arg = serde_json::to_value(field).unwrap();
    js(c, "arguments[0].focus(); arguments[0].select();", vec![arg]).await;
}

/// A server over a copy of the seed, a browser, and the seed open in it.
/// Keep the driver alive as long as the client.
async fn opened() -> (Server, Driver, Client) {
    let s = Server::start();
    let driver = Driver::start();
    let c = driver.client().await;
    c.goto(&format!("{}#{DOC}", s.url())).await.unwrap();
    c.wait()
        .at_most(Duration::from_secs(30))
        .for_element(Locator::Css("body[data-ready] #pages img"))
        .await
        .expect("the document opens with a preview");
    (s, driver, c)
}

#[tokio::test]
async fn browser_edit_yaml_preview_error_and_save() {
    let (s, _driver, c) = opened().await;
    let text = s.doc_on_disk();
    assert!(preview_text(&c)
        .await
        .contains("Triển khai kế hoạch số 5758/KH-UBND"));
    let editor = c.find(Locator::Css(".editor textarea")).await.unwrap();
    assert_eq!(editor.prop("value").await.unwrap().unwrap(), text);

    // Change the trích yếu by typing over it.
    let row = text
        .lines()
        .position(|l| l.starts_with("trich_yeu:"))
        .unwrap();
    let line = text.lines().nth(row).unwrap();
    let value_end = line.find(" # ").unwrap();
    let start = line_offset(&text, row) + "trich_yeu: ".len();
    select(
        &c,
        start,
        start + line[..value_end].encode_utf16().count() - "trich_yeu: ".len(),
    )
    .await;
    type_keys(&c, "Tổ chức Ngày hội đọc sách").await;
    let shown = until("the new trích yếu in the preview", || async {
        let t = preview_text(&c).await;
        t.contains("Tổ chức Ngày hội đọc sách").then_some(t)
    })
    .await;
    assert!(
        !shown.contains("Triển khai kế hoạch số 5758/KH-UBND ngày"),
        "{shown}"
    );

    // An unknown key: marked inline at its line, the last good preview kept.
    let row = text
        .lines()
        .position(|l| l.starts_with("dia_danh:"))
        .unwrap();
    let current = editor.prop("value").await.unwrap().unwrap();
    let at = line_offset(&current, row + 1);
    select(&c, at, at).await;
    type_keys(&c, "trich_yue: x\n").await;
    // The error line is read in one script: the editor redraws its lines
    // as results arrive, so an element found first may be gone when read.
    let (line, msg, mark) = until("the error marked in the editor", || async {
        let v = js(
            &c,
            "const l = document.querySelector('.editor .l.error'); \
             const m = l && l.querySelector('.mark'); \
             return l && m ? [l.dataset.line, l.dataset.message, m.textContent] : null;",
            vec![],
        )
        .await;
        let v: Option<(String, String, String)> = serde_json::from_value(v).ok()?;
        v
    })
    .await;
    assert_eq!(line, (row + 2).to_string());
    assert!(msg.contains("unknown key `trich_yue`"), "{msg}");
    assert_eq!(mark, "t", "the caret column is the key's first letter");
    let listed = c
        .find(Locator::Css("#diagnostics li.error"))
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(
        listed.starts_with(&format!("Dòng {}, cột 1:", row + 2)),
        "{listed}"
    );
    assert!(listed.contains("did you mean `trich_yeu`"), "{listed}");
    assert!(
        !listed.contains("expected one of"),
        "the key list is left to the tooltip: {listed}"
    );
    assert!(preview_text(&c).await.contains("Tổ chức Ngày hội đọc sách"));
    let stale = js(
        &c,
        "return document.getElementById('pages').classList.contains('stale')",
        vec![],
    )
    .await;
    assert_eq!(stale, json!(true));

    // Remove it again: the error goes away.
    let len = "trich_yue: x\n".len();
    select(&c, at, at + len).await;
    type_keys(&c, "\u{E003}").await; // Backspace
    until("the error to clear", || async {
        c.find_all(Locator::Css(".editor .l.error"))
            .await
            .unwrap()
            .is_empty()
            .then_some(())
    })
    .await;

    // Completion of keys from the schema, for the map the caret is in.
    let current = editor.prop("value").await.unwrap().unwrap();
    let row = current
        .lines()
        .position(|l| l.starts_with("nguoi_ky:"))
        .unwrap();
    let at = line_offset(&current, row + 1);
    select(&c, at, at).await;
    type_keys(&c, "  ho").await;
    let popup = c
        .wait()
        .at_most(Duration::from_secs(10))
        .for_element(Locator::Css(".complete:not([hidden])"))
        .await
        .unwrap();
    let offered = popup.text().await.unwrap();
    assert!(offered.starts_with("ho_ten"), "{offered}");
    assert!(
        !offered.contains("co_quan"),
        "only keys of `nguoi_ky`: {offered}"
    );
    type_keys(&c, "\u{E00C}").await; // Escape
    assert!(!popup.is_displayed().await.unwrap());
    select(&c, at, at + 4).await;
    type_keys(&c, "\u{E003}").await;
    assert_eq!(editor.prop("value").await.unwrap().unwrap(), current);

    // Completion of fixed values: the kinds after `loai:`.
    let row = current
        .lines()
        .position(|l| l.starts_with("loai:"))
        .unwrap();
    let (from, to) = (
        line_offset(&current, row),
        line_offset(&current, row + 1) - 1,
    );
    select(&c, from, to).await;
    type_keys(&c, "loai: quy").await;
    let offered = c
        .wait()
        .at_most(Duration::from_secs(10))
        .for_element(Locator::Css(".complete:not([hidden])"))
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(
        offered.contains("quyet_dinh") && offered.contains("quy_dinh"),
        "{offered}"
    );
    assert!(!offered.contains("ke_hoach"), "{offered}");
    type_keys(&c, "\u{E00C}").await; // Escape
    select(&c, from, from + "loai: quy".len()).await;
    editor
        .send_keys(current.lines().nth(row).unwrap())
        .await
        .unwrap();
    assert_eq!(editor.prop("value").await.unwrap().unwrap(), current);

    // Save: the file on disk changes, comments and the rest kept. (The
    // status line may already show a later preview's note: watch the disk.)
    let expected = text.replace(
        "trich_yeu: \"Triển khai kế hoạch số 5758/KH-UBND\\nngày 02/10/2023\" #",
        "trich_yeu: Tổ chức Ngày hội đọc sách #",
    );
    assert_ne!(expected, text);
    click(&c, "btn-save").await;
    let saved = until("saved", || async {
        let on_disk = s.doc_on_disk();
        (on_disk != text).then_some(on_disk)
    })
    .await;
    assert_eq!(saved, expected);
    c.close().await.unwrap();
}

#[tokio::test]
async fn browser_form_mode() {
    let (s, _driver, c) = opened().await;
    let text = s.doc_on_disk();
    click(&c, "tab-form").await;
    let co_quan = c.find(Locator::Id("f-co_quan")).await.unwrap();
    until("the form to fill", || async {
        let v = co_quan.prop("value").await.ok()??;
        (v == "PHÒNG GIÁO DỤC VÀ ĐÀO TẠO").then_some(())
    })
    .await;
    let kinh_gui = c.find(Locator::Id("f-kinh_gui")).await.unwrap();
    assert_eq!(
        kinh_gui.prop("value").await.unwrap().unwrap(),
        "Hiệu trưởng các trường MN-MG, TH và THCS\nHiệu trưởng trường TH và THCS Tân Thành"
    );
    assert!(!c
        .find(Locator::Id("editor-host"))
        .await
        .unwrap()
        .is_displayed()
        .await
        .unwrap());

    // The trích yếu, through the form.
    let trich_yeu = c.find(Locator::Id("f-trich_yeu")).await.unwrap();
    replace_all(&c, &trich_yeu).await;
    trich_yeu
        .send_keys("Hưởng ứng Tuần lễ học tập")
        .await
        .unwrap();
    preview_shows(&c, "Hưởng ứng Tuần lễ học tập").await;
    // The signer's name, a field of a nested map.
    let ho_ten = c.find(Locator::Id("f-nguoi_ky.ho_ten")).await.unwrap();
    replace_all(&c, &ho_ten).await;
    ho_ten.send_keys("Nguyễn Thị Hoa").await.unwrap();
    preview_shows(&c, "Nguyễn Thị Hoa").await;

    // A wrong date: the error is shown at the `ngay` line of the YAML.
    let ngay = c.find(Locator::Id("f-ngay")).await.unwrap();
    replace_all(&c, &ngay).await;
    ngay.send_keys("2023-02-30").await.unwrap();
    let row = text.lines().position(|l| l.starts_with("ngay:")).unwrap() + 1;
    let item = until("the date error", || async {
        let t = c
            .find(Locator::Css("#diagnostics li.error"))
            .await
            .ok()?
            .text()
            .await
            .ok()?;
        Some(t)
    })
    .await;
    assert!(item.starts_with(&format!("Dòng {row}, cột 7:")), "{item}");
    assert!(item.contains("day 30 does not exist"), "{item}");
    let marked = js(
        &c,
        "return document.querySelector('.editor .l.error').dataset.line",
        vec![],
    )
    .await;
    assert_eq!(marked, json!(row.to_string()));
    replace_all(&c, &ngay).await;
    ngay.send_keys("2023-10-05").await.unwrap();
    until("the error to clear", || async {
        c.find_all(Locator::Css("#diagnostics li.error"))
            .await
            .unwrap()
            .is_empty()
            .then_some(())
    })
    .await;
    preview_shows(&c, "ngày 05 tháng 10 năm 2023").await;

    click(&c, "btn-save").await;
    until("saved", || async {
        let t = text_of(&c, "status").await?;
        t.starts_with("Đã lưu").then_some(())
    })
    .await;
    let saved = s.doc_on_disk();
    let expected = text
        .replace(
            "trich_yeu: \"Triển khai kế hoạch số 5758/KH-UBND\\nngày 02/10/2023\" #",
            "trich_yeu: Hưởng ứng Tuần lễ học tập #",
        )
        .replace("\nngay: 2023-10\n", "\nngay: 2023-10-05\n")
        .replace("ho_ten: Bùi Văn Nhựt", "ho_ten: Nguyễn Thị Hoa");
    assert_eq!(saved, expected);
    c.close().await.unwrap();
}

#[tokio::test]
async fn browser_new_document_from_a_kind() {
    let (s, _driver, c) = opened().await;
    click(&c, "btn-new").await;
    let kind = c
        .find(Locator::Css("#dialog select[name=loai]"))
        .await
        .unwrap();
    kind.select_by_value("ke_hoach").await.unwrap();
    let name = c
        .find(Locator::Css("#dialog input[name=path]"))
        .await
        .unwrap();
    assert_eq!(
        name.prop("value").await.unwrap().unwrap(),
        "thu-thua/ke-hoach-moi.yaml"
    );
    click(&c, "dlg-ok").await;
    until("the new document to open", || async {
        let t = text_of(&c, "doc-name").await?;
        (t == "thu-thua/ke-hoach-moi.yaml").then_some(())
    })
    .await;
    let made = std::fs::read_to_string(s.dir.join("thu-thua/ke-hoach-moi.yaml")).unwrap();
    assert!(made.contains("loai: ke_hoach"), "{made}");
    let year = chrono_year();
    until("the plan's preview", || async {
        let t = preview_text(&c).await;
        (t.contains("KẾ HOẠCH") && t.contains(&format!("năm {year}"))).then_some(())
    })
    .await;
    // The register lists it.
    let listed = js(
        &c,
        "return [...document.querySelectorAll('#doc-list li')].map(l => l.dataset.path)",
        vec![],
    )
    .await;
    assert!(
        listed
            .as_array()
            .unwrap()
            .contains(&json!("thu-thua/ke-hoach-moi.yaml")),
        "{listed}"
    );
    c.close().await.unwrap();
}

#[tokio::test]
async fn browser_cap_so_button_numbers_the_document() {
    let (s, _driver, c) = opened().await;
    let editor = c.find(Locator::Css(".editor textarea")).await.unwrap();
    click(&c, "btn-cap-so").await;
    // The văn thư confirms: a number, once given, is never given again.
    until("the confirmation", || async { c.accept_alert().await.ok() }).await;
    until("the numbered text in the editor", || async {
        let v: String = editor.prop("value").await.ok()??;
        v.lines().any(|l| l == "so: 1").then_some(())
    })
    .await;
    let status = until("the status", || async {
        let t = text_of(&c, "status").await?;
        t.contains("issued number 01/").then_some(t)
    })
    .await;
    assert!(status.contains(DOC), "{status}");
    assert!(s.doc_on_disk().lines().any(|l| l == "so: 1"));
    c.close().await.unwrap();
}

#[tokio::test]
async fn browser_save_conflict_offers_reload() {
    let (s, _driver, c) = opened().await;
    let text = s.doc_on_disk();
    let editor = c.find(Locator::Css(".editor textarea")).await.unwrap();
    let end = text.encode_utf16().count();
    select(&c, end, end).await;
    type_keys(&c, "# mine\n").await;
    // Someone else changes the file meanwhile.
    let theirs = text.replace("dia_danh: Thủ Thừa", "dia_danh: Tân An");
    std::fs::write(s.dir.join(DOC), &theirs).unwrap();
    click(&c, "btn-save").await;
    let banner = c
        .wait()
        .at_most(Duration::from_secs(30))
        .for_element(Locator::Css("#conflict:not([hidden])"))
        .await
        .unwrap();
    assert!(banner
        .text()
        .await
        .unwrap()
        .contains("Tệp đã bị thay đổi trên đĩa"));
    assert_eq!(s.doc_on_disk(), theirs, "not overwritten");
    // Reload: the page shows their version, the banner goes.
    click(&c, "btn-reload").await;
    until("the reloaded text", || async {
        let v = editor.prop("value").await.ok()??;
        (v == theirs).then_some(())
    })
    .await;
    assert!(!banner.is_displayed().await.unwrap());
    c.close().await.unwrap();
}

/// The two levels of the example chain, copied without any marker.
const CHAIN: [(&str, &str); 2] = [
    (
        "chuoi/2023/tinh-long-an/ke-hoach.yaml",
        "2023/tinh-long-an/ke-hoach.yaml",
    ),
    (
        "chuoi/2023/huyen-thu-thua/ke-hoach.yaml",
        "2023/huyen-thu-thua/ke-hoach.yaml",
    ),
];

/// A browser on `s` with `doc` open and previewed.
async fn open_in(s: &Server, driver: &Driver, doc: &str) -> Client {
    let c = driver.client().await;
    c.goto(&format!("{}#{doc}", s.url())).await.unwrap();
    c.wait()
        .at_most(Duration::from_secs(30))
        .for_element(Locator::Css("body[data-ready] #pages img"))
        .await
        .unwrap_or_else(|e| panic!("{doc} opens with a preview: {e}"));
    c
}

/// Sets the value of the dialog's field `name`.
async fn dialog_field(c: &Client, name: &str, value: &str) {
    js(
        c,
        "const el = document.querySelector(`#dialog [name=\"${arguments[0]}\"]`); el.value = arguments[1];",
        vec![json!(name), json!(value)],
    )
    .await;
}

#[tokio::test]
async fn browser_next_year_into_a_new_folder() {
    let s = Server::with(&CHAIN);
    let driver = Driver::start();
    let from = "2023/huyen-thu-thua/ke-hoach.yaml";
    let c = open_in(&s, &driver, from).await;
    click(&c, "btn-next-year").await;
    let out = c
        .find(Locator::Css("#dialog input[name=out]"))
        .await
        .unwrap();
    let proposed = out.prop("value").await.unwrap().unwrap();
    assert_eq!(proposed, "2024/huyen-thu-thua/ke-hoach.yaml");
    assert!(!s.dir.join("2024").exists());

    // A name taken already: the dialog stays open and says why, in full.
    dialog_field(&c, "out", "2023/tinh-long-an/ke-hoach.yaml").await;
    click(&c, "dlg-ok").await;
    let why = until("the error in the dialog", || async {
        let t = text_of(&c, "dlg-error").await?;
        (!t.is_empty()).then_some(t)
    })
    .await;
    assert!(
        why.contains("Không tạo được tệp “2023/tinh-long-an/ke-hoach.yaml”"),
        "{why}"
    );
    assert!(why.contains("Đã có tệp hoặc thư mục trùng tên"), "{why}");
    assert!(c.find(Locator::Css("#dialog[open]")).await.is_ok());

    // The proposed name: its folders are made, the draft opens.
    dialog_field(&c, "out", &proposed).await;
    click(&c, "dlg-ok").await;
    until("the draft to open", || async {
        let t = text_of(&c, "doc-name").await?;
        (t == proposed).then_some(())
    })
    .await;
    // The dialog now shows what changed and what to check; closed, it goes.
    until("the report of the draft", || async {
        let n = js(
            &c,
            "return document.querySelectorAll('#dialog[open] ul.report li').length",
            vec![],
        )
        .await;
        n.as_u64().filter(|n| *n > 0)
    })
    .await;
    click(&c, "dlg-ok").await;
    until("the dialog to close", || async {
        c.find(Locator::Css("#dialog[open]"))
            .await
            .is_err()
            .then_some(())
    })
    .await;
    let made = std::fs::read_to_string(s.dir.join(&proposed)).unwrap();
    assert!(made.contains("ngay: 2024-10"), "{made}");
    // It still inherits from the province's plan of 2023.
    assert!(
        made.contains("extends: ../../2023/tinh-long-an/ke-hoach.yaml"),
        "{made}"
    );
    until("the draft's preview", || async {
        let t = preview_text(&c).await;
        (t.contains("THỦ THỪA") && t.contains("năm 2024")).then_some(())
    })
    .await;
    c.close().await.unwrap();
}

#[tokio::test]
async fn browser_derived_plan_in_an_unmarked_copied_folder() {
    let s = Server::with(&CHAIN);
    let driver = Driver::start();
    // The district's plan inherits from the province's, in a sibling folder.
    let c = open_in(&s, &driver, "2023/huyen-thu-thua/ke-hoach.yaml").await;
    preview_shows(&c, "ỦY BAN NHÂN DÂN HUYỆN THỦ THỪA").await;
    let shown = preview_text(&c).await;
    assert!(
        shown.contains("Xây dựng năng lực tự học"),
        "the province's theme is inherited: {shown}"
    );
    assert!(
        js(
            &c,
            "return document.querySelectorAll('#diagnostics li.error').length",
            vec![]
        )
        .await
            == json!(0)
    );

    // A commune's plan derived from it, in a folder made for it.
    click(&c, "btn-derive").await;
    let child = "2023/xa-tan-thanh/ke-hoach.yaml";
    dialog_field(&c, "out", child).await;
    click(&c, "dlg-ok").await;
    until("the derived plan to open", || async {
        let t = text_of(&c, "doc-name").await?;
        (t == child).then_some(())
    })
    .await;
    let made = std::fs::read_to_string(s.dir.join(child)).unwrap();
    assert!(
        made.contains("extends: ../huyen-thu-thua/ke-hoach.yaml"),
        "{made}"
    );
    preview_shows(&c, "Xây dựng năng lực tự học").await;
    c.close().await.unwrap();
}

#[tokio::test]
async fn browser_search_in_unaccented_text() {
    let mut files = vec![
        (SEED, DOC),
        (
            "2022/hai-phong/sgddt-cong-van-tuan-le-hoc-tap.yaml",
            "hai-phong/cong-van.yaml",
        ),
    ];
    files.extend(CHAIN);
    let s = Server::with(&files);
    let driver = Driver::start();
    let c = open_in(&s, &driver, DOC).await;
    let search = c.find(Locator::Id("search")).await.unwrap();
    let listed = || async {
        js(
            &c,
            "return [...document.querySelectorAll('#doc-list li[data-path]')].map(l => l.dataset.path)",
            vec![],
        )
        .await
        .as_array()
        .unwrap()
        .iter()
        .map(|v| v.as_str().unwrap().to_owned())
        .collect::<Vec<_>>()
    };
    let find = |q: &'static str| {
        let search = search.clone();
        async move {
            search.clear().await.unwrap();
            search.send_keys(q).await.unwrap();
        }
    };
    assert_eq!(listed().await.len(), 4);
    // No accents, any case, words in any field: the Thủ Thừa công văn first.
    find("thu thua CONG VAN").await;
    let found = listed().await;
    assert_eq!(found.first().map(String::as_str), Some(DOC), "{found:?}");
    // The place, in the text of the document.
    find("hai phong").await;
    assert_eq!(listed().await, ["hai-phong/cong-van.yaml"]);
    // A kind's name in Vietnamese and a year.
    find("ke hoach 2023").await;
    let found = listed().await;
    assert!(
        found.len() >= 2 && found.iter().take(2).all(|p| p.ends_with("ke-hoach.yaml")),
        "the plans first: {found:?}"
    );
    // The số.
    find("5758").await;
    assert!(listed()
        .await
        .contains(&"2023/huyen-thu-thua/ke-hoach.yaml".to_owned()));
    // Nothing: said so.
    find("khong co van ban nay").await;
    assert!(listed().await.is_empty());
    let said = text_of(&c, "doc-list").await.unwrap();
    assert!(said.contains("Không tìm thấy"), "{said}");
    c.close().await.unwrap();
}

#[tokio::test]
async fn browser_saving_errors_asks_first() {
    let (s, _driver, c) = opened().await;
    let text = s.doc_on_disk();
    let row = text
        .lines()
        .position(|l| l.starts_with("dia_danh:"))
        .unwrap();
    let at = line_offset(&text, row + 1);
    select(&c, at, at).await;
    type_keys(&c, "trich_yue: x\n").await;
    c.wait()
        .at_most(Duration::from_secs(30))
        .for_element(Locator::Css("#diagnostics li.error"))
        .await
        .unwrap();
    let note = text_of(&c, "preview-note").await.unwrap();
    assert!(note.contains("dưới khung soạn thảo"), "{note}");
    assert!(!note.contains("bên trái"), "{note}");

    // Save: a question says what is wrong; cancelling writes nothing.
    click(&c, "btn-save").await;
    let dialog = c
        .wait()
        .at_most(Duration::from_secs(30))
        .for_element(Locator::Css("#dialog[open]"))
        .await
        .unwrap();
    let asked = dialog.text().await.unwrap();
    assert!(asked.contains("Văn bản đang có 1 lỗi"), "{asked}");
    assert!(
        asked.contains(&format!("Dòng {}, cột 1:", row + 2)),
        "{asked}"
    );
    assert!(asked.contains("trich_yue"), "{asked}");
    click(&c, "dlg-cancel").await;
    until("the status", || async {
        let t = text_of(&c, "status").await?;
        (t == "Chưa lưu").then_some(())
    })
    .await;
    assert_eq!(s.doc_on_disk(), text);

    // The PDF cannot be made: a dialog says why, in full.
    click(&c, "btn-pdf").await;
    let dialog = c
        .wait()
        .at_most(Duration::from_secs(30))
        .for_element(Locator::Css("#dialog[open]"))
        .await
        .unwrap();
    let said = dialog.text().await.unwrap();
    assert!(said.contains("Không tạo được PDF"), "{said}");
    assert!(
        said.contains(&format!("Dòng {}, cột 1:", row + 2)),
        "{said}"
    );
    click(&c, "dlg-ok").await;
    until("the dialog to close", || async {
        c.find(Locator::Css("#dialog[open]"))
            .await
            .is_err()
            .then_some(())
    })
    .await;

    // Saving anyway writes it.
    click(&c, "btn-save").await;
    c.wait()
        .at_most(Duration::from_secs(30))
        .for_element(Locator::Css("#dialog[open]"))
        .await
        .unwrap();
    click(&c, "dlg-ok").await;
    until("saved", || async {
        let t = text_of(&c, "status").await?;
        t.starts_with("Đã lưu").then_some(())
    })
    .await;
    assert!(s.doc_on_disk().contains("trich_yue: x\n"));
    c.close().await.unwrap();
}

#[tokio::test]
async fn browser_zoom_and_only_changed_pages_redrawn() {
    let doc = "hai-phong/cong-van.yaml";
    let s = Server::with(&[("2022/hai-phong/sgddt-cong-van-tuan-le-hoc-tap.yaml", doc)]);
    let driver = Driver::start();
    let c = open_in(&s, &driver, doc).await;
    let width = |id: &'static str| {
        let c = c.clone();
        async move {
            click(&c, id).await;
            js(
                &c,
                "return document.querySelector('#pages img').getBoundingClientRect().width",
                vec![],
            )
            .await
            .as_f64()
            .unwrap()
        }
    };
    let real = width("zoom-100").await;
    assert!((real - 793.7).abs() < 2.0, "A4 at its real size: {real}");
    let big = width("zoom-150").await;
    assert!((big - 1190.6).abs() < 3.0, "150 %: {big}");
    let fit = width("zoom-fit").await;
    let pane = js(
        &c,
        "return document.getElementById('pages').clientWidth",
        vec![],
    )
    .await;
    assert!(
        (fit - pane.as_f64().unwrap()).abs() < 2.0,
        "fit: {fit} in {pane}"
    );
    let pressed = js(
        &c,
        "return document.getElementById('zoom-fit').getAttribute('aria-pressed')",
        vec![],
    )
    .await;
    assert_eq!(pressed, json!("true"));

    // Mark the pictures shown, then change the signer's name (the signature's page).
    let pages = js(
        &c,
        "const imgs = [...document.querySelectorAll('#pages img')]; imgs.forEach(i => i.dataset.mark = 'old'); return imgs.length",
        vec![],
    )
    .await
    .as_u64()
    .unwrap() as usize;
    assert!(pages >= 3, "{pages} pages");
    let text = s
        .request("GET", &format!("/api/doc?path={doc}"), &[], b"")
        .1;
    let text = serde_json::from_str::<Value>(&text).unwrap()["text"]
        .as_str()
        .unwrap()
        .to_owned();
    let line = text
        .lines()
        .position(|l| l.trim_start().starts_with("ho_ten:"))
        .unwrap();
    let raw = text.lines().nth(line).unwrap();
    let at = line_offset(&text, line) + raw.encode_utf16().count();
    select(&c, at, at).await;
    type_keys(&c, " Hoa").await;
    until("the new name", || async {
        preview_text(&c).await.contains(" Hoa").then_some(())
    })
    .await;
    let marks = js(
        &c,
        "return [...document.querySelectorAll('#pages img')].map(i => i.dataset.mark || 'new')",
        vec![],
    )
    .await;
    let marks: Vec<&str> = marks
        .as_array()
        .unwrap()
        .iter()
        .map(|v| v.as_str().unwrap())
        .collect();
    assert_eq!(marks.len(), pages);
    assert_eq!(
        marks.iter().filter(|m| **m == "new").count(),
        1,
        "{marks:?}"
    );
    let said = text_of(&c, "status").await.unwrap();
    assert!(said.contains(&format!("vẽ lại 1/{pages} trang")), "{said}");
    c.close().await.unwrap();
}

/// Pictures of the pages drawn (decoded) and fetched from the server.
async fn drawn_and_fetched(c: &Client) -> (u64, u64) {
    let v = js(
        c,
        "return [document.querySelectorAll('#pages img[data-drawn]').length, \
         performance.getEntriesByType('resource').filter(r => r.name.includes('/api/page/')).length]",
        vec![],
    )
    .await;
    (v[0].as_u64().unwrap(), v[1].as_u64().unwrap())
}

#[tokio::test]
async fn browser_pages_out_of_view_are_drawn_when_scrolled_near() {
    let doc = "hai-phong/cong-van.yaml";
    let s = Server::with(&[("2022/hai-phong/sgddt-cong-van-tuan-le-hoc-tap.yaml", doc)]);
    let driver = Driver::start();
    let c = open_in(&s, &driver, doc).await;
    click(&c, "zoom-100").await;
    let pages = js(
        &c,
        "return document.querySelectorAll('#pages img').length",
        vec![],
    )
    .await
    .as_u64()
    .unwrap();
    assert!(pages >= 6, "{pages} pages");
    // Every page has its place and its text, only those near the view a picture.
    let first = until("the first page drawn", || async {
        let (drawn, fetched) = drawn_and_fetched(&c).await;
        (drawn >= 1).then_some((drawn, fetched))
    })
    .await;
    tokio::time::sleep(Duration::from_millis(500)).await;
    let (drawn, fetched) = drawn_and_fetched(&c).await;
    assert_eq!((drawn, fetched), first, "nothing more drawn while still");
    assert!(
        drawn < pages / 2,
        "{drawn} of {pages} pages drawn before scrolling"
    );
    assert_eq!(fetched, drawn, "only the pictures drawn are fetched");
    assert!(
        preview_text(&c).await.contains("Nơi nhận"),
        "the last page's text is there"
    );
    // Scrolled to the end: the last pages are drawn, the middle ones not.
    js(
        &c,
        "const p = document.getElementById('preview'); p.scrollTop = p.scrollHeight;",
        vec![],
    )
    .await;
    let last = format!("#pages img[data-page='{pages}'][data-drawn]");
    until("the last page drawn", || async {
        js(
            &c,
            "return document.querySelector(arguments[0]) !== null",
            vec![json!(last)],
        )
        .await
        .as_bool()
        .unwrap()
        .then_some(())
    })
    .await;
    let (after, fetched) = drawn_and_fetched(&c).await;
    assert!(
        after > drawn,
        "{after} pages drawn after scrolling, {drawn} before"
    );
    assert!(
        after < pages,
        "pages in the middle are still not drawn: {after} of {pages}"
    );
    assert_eq!(fetched, after);
    c.close().await.unwrap();
}

/// The caret's line (1-based) in the YAML editor.
async fn caret_line(c: &Client) -> u64 {
    js(
        c,
        "const t = document.querySelector('.editor textarea'); return t.value.slice(0, t.selectionStart).split('\\n').length",
        vec![],
    )
    .await
    .as_u64()
    .unwrap()
}

/// Clicks page `page` (1-based) of the preview at `(x, y)` points from its
/// top left, with the mouse.
async fn click_page(c: &Client, page: usize, width: f64, x: f64, y: f64) {
    use fantoccini::actions::{MouseActions, PointerAction};
    let at = js(
        c,
        "const img = document.querySelector(`#pages img[data-page='${arguments[0]}']`); \
         img.scrollIntoView({block: 'center'}); const r = img.getBoundingClientRect(); \
         const s = r.width / arguments[1]; return [Math.round(r.left + arguments[2] * s), Math.round(r.top + arguments[3] * s)]",
        vec![json!(page), json!(width), json!(x), json!(y)],
    )
    .await;
    let (vx, vy) = (at[0].as_f64().unwrap(), at[1].as_f64().unwrap());
    let mouse = MouseActions::new("mouse".into())
        .then(PointerAction::MoveTo {
            duration: None,
            x: vx,
            y: vy,
        })
        .then(PointerAction::Down {
            button: fantoccini::actions::MOUSE_BUTTON_LEFT,
        })
        .then(PointerAction::Up {
            button: fantoccini::actions::MOUSE_BUTTON_LEFT,
        });
    c.perform_actions(mouse).await.expect("clicking");
}

#[tokio::test]
async fn browser_click_on_a_page_jumps_to_its_yaml_and_the_caret_is_outlined() {
    let doc = "hai-phong/cong-van.yaml";
    let s = Server::with(&[("2022/hai-phong/sgddt-cong-van-tuan-le-hoc-tap.yaml", doc)]);
    let driver = Driver::start();
    let c = open_in(&s, &driver, doc).await;
    let text = std::fs::read_to_string(s.dir.join(doc)).unwrap();
    let lines: Vec<&str> = text.lines().collect();
    let (_, p) = s.post("/api/preview", &json!({"path": doc, "text": text}));
    let (status, marks) = s.get(&format!("/api/marks/{}", p["version"].as_str().unwrap()));
    assert_eq!(status, 200, "{marks}");
    let pages: Vec<Value> = p["pages"]
        .as_array()
        .unwrap()
        .iter()
        .zip(marks["pages"].as_array().unwrap())
        .map(|(pg, m)| json!({"width": pg["width"], "marks": m}))
        .collect();
    let line_of = |key: &str| {
        lines
            .iter()
            .position(|l| l.trim_start().starts_with(key))
            .unwrap()
            + 1
    };
    // Where a YAML line's value is drawn: its page (1-based) and the
    // centre of its first box, per the server's marks.
    let drawn = |line: usize| {
        pages.iter().enumerate().find_map(|(i, pg)| {
            let m = pg["marks"]
                .as_array()
                .unwrap()
                .iter()
                .find(|m| m["line"] == json!(line))?;
            let f = |k: &str| m[k].as_f64().unwrap();
            Some((
                i + 1,
                pg["width"].as_f64().unwrap(),
                f("x") + f("w") / 2.0,
                f("y") + f("h") / 2.0,
            ))
        })
    };

    // The trích yếu, on page 1.
    let trich_yeu = line_of("trich_yeu:");
    let (page, width, x, y) = drawn(trich_yeu).expect("the trích yếu is marked");
    assert_eq!(page, 1);
    select(&c, 0, 0).await;
    click_page(&c, page, width, x, y).await;
    until("the caret on the trích yếu", || async {
        (caret_line(&c).await == trich_yeu as u64).then_some(())
    })
    .await;

    // A paragraph of the body on page 2: the caret goes to a line whose
    // text is on that page.
    let para = pages[1]["marks"]
        .as_array()
        .unwrap()
        .iter()
        .map(|m| m["line"].as_u64().unwrap() as usize)
        .find(|l| lines[l - 1].trim_start().starts_with("- ") && lines[l - 1].len() > 60)
        .expect("a body paragraph on page 2");
    let (page, width, x, y) = drawn(para).unwrap();
    assert_eq!(page, 2);
    click_page(&c, page, width, x, y).await;
    until("the caret on the paragraph", || async {
        (caret_line(&c).await == para as u64).then_some(())
    })
    .await;
    let words: String = lines[para - 1].trim_start()[2..].chars().take(25).collect();
    let alt = js(
        &c,
        "return document.querySelector(`#pages img[data-page='2']`).alt",
        vec![],
    )
    .await;
    assert!(
        alt.as_str().unwrap().contains(words.trim()),
        "{words:?} on page 2"
    );

    // The caret on the signer's name: its value is outlined on its page
    // (the one showing the name).
    let ho_ten = line_of("ho_ten:");
    let name = lines[ho_ten - 1]
        .split_once(':')
        .unwrap()
        .1
        .split(" #")
        .next()
        .unwrap()
        .trim()
        .trim_matches('"')
        .to_owned();
    let offset = line_offset(&text, ho_ten - 1) + lines[ho_ten - 1].encode_utf16().count();
    let (signer_page, ..) = drawn(ho_ten).expect("the name is marked");
    select(&c, offset, offset).await;
    let outlined = until("the signer's name outlined", || async {
        let v = js(
            &c,
            "return [...document.querySelectorAll('.page-mark')].map(b => { \
               const img = document.querySelector(`#pages img[data-page='${b.dataset.page}']`); \
               const r = b.getBoundingClientRect(), i = img.getBoundingClientRect(); \
               return [Number(b.dataset.page), img.alt, r.top >= i.top && r.bottom <= i.bottom && r.left >= i.left && r.right <= i.right]; })",
            vec![],
        )
        .await;
        let v = v.as_array().unwrap().clone();
        // The paragraph's outline goes when the page hears of the new
        // caret: wait for the outlines of the name.
        (!v.is_empty() && v.iter().all(|b| b[0] == json!(signer_page))).then_some(v)
    })
    .await;
    for b in &outlined {
        assert_eq!(b[0], json!(signer_page), "on the signer's page: {b:?}");
        assert!(
            b[1].as_str().unwrap().contains(&name),
            "{name} on that page"
        );
        assert_eq!(b[2], json!(true), "inside the page");
    }
    // Back on the trích yếu: the outline moves to page 1.
    let offset = line_offset(&text, trich_yeu - 1) + 12;
    select(&c, offset, offset).await;
    until("the trích yếu outlined", || async {
        let v = js(
            &c,
            "return [...document.querySelectorAll('.page-mark')].map(b => b.dataset.page)",
            vec![],
        )
        .await;
        let v: Vec<String> = serde_json::from_value(v).unwrap();
        (!v.is_empty() && v.iter().all(|p| p == "1")).then_some(())
    })
    .await;
    c.close().await.unwrap();
}

#[tokio::test]
async fn browser_form_shows_inherited_values_and_the_signers_authority() {
    let s = Server::with(&CHAIN);
    let driver = Driver::start();
    let doc = "2023/huyen-thu-thua/ke-hoach.yaml";
    let c = open_in(&s, &driver, doc).await;
    click(&c, "tab-form").await;
    // Its own values, the full name of the issuer included.
    let ten = c.find(Locator::Id("f-ten_co_quan")).await.unwrap();
    until("the form to fill", || async {
        let v = ten.prop("value").await.ok()??;
        (v == "Ủy ban nhân dân huyện Thủ Thừa").then_some(())
    })
    .await;
    // The trích yếu is the province's: shown greyed, with its source.
    let trich_yeu = c.find(Locator::Id("f-trich_yeu")).await.unwrap();
    assert_eq!(trich_yeu.prop("value").await.unwrap().unwrap(), "");
    let shown = trich_yeu.attr("placeholder").await.unwrap().unwrap();
    assert!(shown.starts_with("Tổ chức Tuần lễ hưởng ứng"), "{shown}");
    let note = js(
        &c,
        "return document.getElementById('f-trich_yeu').parentElement.querySelector('.inherit').textContent",
        vec![],
    )
    .await;
    assert!(
        note.as_str()
            .unwrap()
            .contains("Kế thừa từ 2023/tinh-long-an/ke-hoach.yaml"),
        "{note}"
    );
    // One click makes it the document's own.
    js(
        &c,
        "document.getElementById('f-trich_yeu').parentElement.querySelector('.inherit button').click()",
        vec![],
    )
    .await;
    until("the trích yếu written in the YAML", || async {
        let v = js(
            &c,
            "return document.querySelector('.editor textarea').value",
            vec![],
        )
        .await;
        v.as_str()?
            .contains("\ntrich_yeu: Tổ chức Tuần lễ")
            .then_some(())
    })
    .await;

    // The signer's authority.
    let quyen_han = c.find(Locator::Id("f-nguoi_ky.quyen_han")).await.unwrap();
    assert_eq!(
        quyen_han.prop("value").await.unwrap().unwrap(),
        "KT. CHỦ TỊCH"
    );
    replace_all(&c, &quyen_han).await;
    quyen_han.send_keys("TL. CHỦ TỊCH").await.unwrap();
    preview_shows(&c, "TL. CHỦ TỊCH").await;
    let v = js(
        &c,
        "return document.querySelector('.editor textarea').value",
        vec![],
    )
    .await;
    assert!(
        v.as_str().unwrap().contains("  quyen_han: TL. CHỦ TỊCH\n"),
        "{v}"
    );
    c.close().await.unwrap();
}

#[tokio::test]
async fn browser_giay_moi_through_the_form() {
    let (s, _driver, c) = opened().await;
    click(&c, "btn-new").await;
    let kind = c
        .find(Locator::Css("#dialog select[name=loai]"))
        .await
        .unwrap();
    kind.select_by_value("giay_moi").await.unwrap();
    click(&c, "dlg-ok").await;
    let path = "thu-thua/giay-moi-moi.yaml";
    until("the new giấy mời to open", || async {
        let t = text_of(&c, "doc-name").await?;
        (t == path).then_some(())
    })
    .await;
    preview_shows(&c, "GIẤY MỜI").await;
    click(&c, "tab-form").await;
    let time = c.find(Locator::Id("f-moi.thoi_gian")).await.unwrap();
    until("the points to show", || async {
        time.is_displayed().await.ok()?.then_some(())
    })
    .await;
    for (id, value, shown) in [
        (
            "f-moi.thoi_gian",
            "14 giờ 00 phút, thứ Hai, ngày 03/6/2024",
            "14 giờ 00 phút, thứ Hai",
        ),
        (
            "f-moi.dia_diem",
            "Phòng họp số 2, Ủy ban nhân dân huyện",
            "Phòng họp số 2",
        ),
        (
            "f-moi.thanh_phan",
            "Hiệu trưởng các trường\nKế toán các trường",
            "Kế toán các trường",
        ),
    ] {
        let field = c.find(Locator::Id(id)).await.unwrap();
        replace_all(&c, &field).await;
        field.send_keys(value).await.unwrap();
        preview_shows(&c, shown).await;
    }
    click(&c, "btn-save").await;
    until("saved", || async {
        let t = text_of(&c, "status").await?;
        t.starts_with("Đã lưu").then_some(())
    })
    .await;
    let made = std::fs::read_to_string(s.dir.join(path)).unwrap();
    assert!(
        made.contains("- khoan: 1. Thời gian\n  - 14 giờ 00 phút, thứ Hai, ngày 03/6/2024\n"),
        "{made}"
    );
    assert!(
        made.contains("  - gach:\n    - Hiệu trưởng các trường\n    - Kế toán các trường\n"),
        "{made}"
    );
    c.close().await.unwrap();
}

/// This year, as the server sees it.
fn chrono_year() -> i32 {
    use chrono::Datelike;
    chrono::Local::now().year()
}

#[tokio::test]
async fn browser_next_year_shows_what_changed_and_what_to_check() {
    let (s, _driver, c) = opened().await;
    click(&c, "btn-next-year").await;
    let out = c
        .find(Locator::Css("#dialog input[name=out]"))
        .await
        .unwrap()
        .prop("value")
        .await
        .unwrap()
        .unwrap();
    click(&c, "dlg-ok").await;
    let items = until("the list of changes", || async {
        let v = js(
            &c,
            "const d = document.getElementById('dialog'); return d.open ? [...d.querySelectorAll('ul.report li')].map(l => l.textContent) : []",
            vec![],
        )
        .await;
        let items: Vec<String> = v
            .as_array()?
            .iter()
            .filter_map(|i| i.as_str().map(str::to_owned))
            .collect();
        (!items.is_empty()).then_some(items)
    })
    .await;
    // The cited plan is kept and listed at its line of the new file.
    let made = std::fs::read_to_string(s.dir.join(&out)).unwrap();
    let line = made
        .lines()
        .position(|l| l.contains("Thực hiện Kế hoạch số 5758/KH-UBND ngày 02/10/2023"))
        .unwrap()
        + 1;
    let cited = format!("{out}:{line}: Kế hoạch số 5758/KH-UBND ngày 02/10/2023 → kept");
    assert!(items.iter().any(|i| i.starts_with(&cited)), "{items:#?}");
    // And every change is there, as in the file.
    let ngay = made.lines().position(|l| l.starts_with("ngay:")).unwrap() + 1;
    assert!(
        items
            .iter()
            .any(|i| i.starts_with(&format!("{out}:{ngay}: ngay:"))),
        "{items:#?}"
    );
    c.close().await.unwrap();
}

/// Saves a 1400×900 screenshot of the page as `NAME.png` in the folder
/// `VANBAN_SHOTS` names, when it is set (to look at the screens).
async fn shot(c: &Client, name: &str) {
    if let Some(dir) = std::env::var_os("VANBAN_SHOTS") {
        let png = c.screenshot().await.unwrap();
        std::fs::write(Path::new(&dir).join(format!("{name}.png")), png).unwrap();
    }
}

/// The editor's YAML text.
async fn yaml_text(c: &Client) -> String {
    js(
        c,
        "return document.querySelector('.editor textarea').value",
        vec![],
    )
    .await
    .as_str()
    .unwrap_or("")
    .to_owned()
}

/// Waits until the editor's YAML contains `needle`.
async fn yaml_has(c: &Client, needle: &str) {
    until(&format!("`{needle}` in the YAML"), || async {
        yaml_text(c).await.contains(needle).then_some(())
    })
    .await;
}

/// How many blocks the body editor shows.
async fn body_blocks(c: &Client) -> usize {
    js(
        c,
        "return document.querySelectorAll('#blocks > li').length",
        vec![],
    )
    .await
    .as_u64()
    .unwrap_or(0) as usize
}

/// Adds a block of `kind` at the end of the body with the form's "Thêm
/// khối" and types `text` in it (lines separated by Enter).
async fn add_block(c: &Client, kind: &str, text: &str) {
    let before = body_blocks(c).await;
    c.find(Locator::Id("body-add-kind"))
        .await
        .unwrap()
        .select_by_value(kind)
        .await
        .unwrap();
    click(c, "body-add").await;
    until("the new block", || async {
        (body_blocks(c).await == before + 1).then_some(())
    })
    .await;
    let focused = js(
        c,
        "return document.activeElement.closest('#blocks > li')?.dataset.index ?? null",
        vec![],
    )
    .await;
    assert_eq!(
        focused,
        json!(before.to_string()),
        "the new block has the caret"
    );
    type_keys(c, &text.replace('\n', "\u{E007}")).await;
    // (A table's last cell.)
    yaml_has(c, text.rsplit(['\n', '|']).next().unwrap().trim()).await;
}

/// Types `value` over the whole form field `id` (lines separated by Enter).
async fn fill_field(c: &Client, id: &str, value: &str) {
    let field = c
        .find(Locator::Id(id))
        .await
        .unwrap_or_else(|e| panic!("#{id}: {e}"));
    replace_all(c, &field).await;
    if value.is_empty() {
        type_keys(c, "\u{E003}").await; // Backspace
    } else {
        type_keys(c, &value.replace('\n', "\u{E007}")).await;
        yaml_has(c, value.lines().last().unwrap()).await;
    }
}

#[tokio::test]
async fn browser_giay_moi_written_through_the_form_alone() {
    let (s, _driver, c) = opened().await;
    click(&c, "btn-new").await;
    c.find(Locator::Css("#dialog select[name=loai]"))
        .await
        .unwrap()
        .select_by_value("giay_moi")
        .await
        .unwrap();
    click(&c, "dlg-ok").await;
    let path = "thu-thua/giay-moi-moi.yaml";
    until("the new giấy mời to open", || async {
        (text_of(&c, "doc-name").await? == path).then_some(())
    })
    .await;
    click(&c, "tab-form").await;
    until("the body's blocks", || async {
        (body_blocks(&c).await > 0).then_some(())
    })
    .await;
    // Empty the starter's body, block by block.
    while body_blocks(&c).await > 0 {
        let n = body_blocks(&c).await;
        c.find(Locator::Css("#blocks > li .block-remove"))
            .await
            .unwrap()
            .click()
            .await
            .unwrap();
        until("a block removed", || async {
            (body_blocks(&c).await == n - 1).then_some(())
        })
        .await;
    }
    assert!(!yaml_text(&c).await.contains("noi_dung"));
    // Every field the starter has, typed over.
    for (id, value) in [
        ("f-co_quan_chu_quan", "UBND HUYỆN THỦ THỪA"),
        ("f-co_quan", "PHÒNG GIÁO DỤC VÀ ĐÀO TẠO"),
        ("f-ten_co_quan", "Phòng Giáo dục và Đào tạo huyện Thủ Thừa"),
        ("f-ky_hieu", "PGDĐT"),
        ("f-dia_danh", "Thủ Thừa"),
        ("f-ngay", "2024-05-27"),
        ("f-trich_yeu", "Họp tổng kết năm học 2023-2024"),
        (
            "f-kinh_gui",
            "Hiệu trưởng các trường mầm non\nHiệu trưởng các trường tiểu học",
        ),
        ("f-nguoi_ky.quyen_han", "KT. TRƯỞNG PHÒNG"),
        ("f-nguoi_ky.chuc_vu", "PHÓ TRƯỞNG PHÒNG"),
        ("f-nguoi_ky.ho_ten", "Lê Văn Bình"),
        ("f-noi_nhan", "Như trên\nLưu: VT, PGDĐT"),
    ] {
        fill_field(&c, id, value).await;
    }
    // The body, block by block; the closing sentence is added too early
    // and moved down.
    add_block(
        &c,
        "doan",
        "Phòng Giáo dục và Đào tạo tổ chức họp tổng kết năm học, cụ thể như sau:",
    )
    .await;
    add_block(&c, "khoan", "1. Thời gian").await;
    add_block(&c, "doan", "14 giờ 00 phút, thứ Hai, ngày 03/6/2024.").await;
    add_block(&c, "khoan", "2. Địa điểm").await;
    add_block(&c, "doan", "Phòng họp số 2, Ủy ban nhân dân huyện.").await;
    add_block(&c, "khoan", "3. Thành phần").await;
    add_block(
        &c,
        "doan",
        "Rất mong quý đại biểu dự đúng thành phần, thời gian./.",
    )
    .await;
    add_block(&c, "gach", "Hiệu trưởng các trường\nKế toán các trường").await;
    c.find(Locator::Css("#blocks > li[data-index='6'] .block-down"))
        .await
        .unwrap()
        .click()
        .await
        .unwrap();
    until("the closing sentence last", || async {
        let t = yaml_text(&c).await;
        let (a, b) = (t.find("Kế toán các trường")?, t.find("Rất mong")?);
        (a < b).then_some(())
    })
    .await;
    add_block(&c, "khoan", "4. Chương trình").await;
    add_block(
        &c,
        "bang",
        "Thời gian | Nội dung\n14 giờ 00 | Khai mạc\n14 giờ 15 | Báo cáo tổng kết",
    )
    .await;
    // The heading and the table go before the closing sentence.
    for (from, to, kind) in [(8, 7, "khoan"), (9, 8, "bang")] {
        c.find(Locator::Css(&format!(
            "#blocks > li[data-index='{from}'] .block-up"
        )))
        .await
        .unwrap()
        .click()
        .await
        .unwrap();
        let kind_now = kind;
        until("the block moved up", || async {
            let kind = js(
                &c,
                "return document.querySelector(`#blocks > li[data-index='${arguments[0]}']`)?.dataset.kind ?? null",
                vec![json!(to)],
            )
            .await;
            (kind == json!(kind_now)).then_some(())
        })
        .await;
    }
    preview_shows(&c, "Báo cáo tổng kết").await;
    // The giấy mời's points follow the body.
    until("the time point filled from the body", || async {
        let v = js(
            &c,
            "return document.getElementById('f-moi.thoi_gian').value",
            vec![],
        )
        .await;
        (v == json!("14 giờ 00 phút, thứ Hai, ngày 03/6/2024.")).then_some(())
    })
    .await;
    shot(&c, "serve-noi-dung").await;
    click(&c, "btn-save").await;
    until("saved", || async {
        text_of(&c, "status")
            .await?
            .starts_with("Đã lưu")
            .then_some(())
    })
    .await;
    let file = s.dir.join(path);
    let made = std::fs::read_to_string(&file).unwrap();
    for starter in ["Huỳnh Thị N", "tuyên dương", "Đài Truyền thanh", "so: 52"] {
        assert!(!made.contains(starter), "`{starter}` left in\n{made}");
    }
    assert!(
        made.contains("  - khoan: 1. Thời gian\n  - 14 giờ 00 phút, thứ Hai, ngày 03/6/2024.\n"),
        "{made}"
    );
    assert!(
        made.contains("  - gach:\n    - Hiệu trưởng các trường\n    - Kế toán các trường\n  - khoan: 4. Chương trình\n  - bang:\n"),
        "{made}"
    );
    assert!(made.trim_end().ends_with("- 'Lưu: VT, PGDĐT'"), "{made}");
    let check = vanban().arg("check").arg(&file).output().unwrap();
    assert!(
        check.status.success(),
        "{}\n{made}",
        String::from_utf8_lossy(&check.stderr)
    );
    let out = tempfile::tempdir().unwrap();
    let build = vanban()
        .arg("build")
        .arg(&file)
        .arg("-o")
        .arg(out.path())
        .output()
        .unwrap();
    assert!(
        build.status.success(),
        "{}",
        String::from_utf8_lossy(&build.stderr)
    );
    let pdf = out.path().join("giay-moi-moi.pdf");
    let text = Command::new("pdftotext")
        .args(["-layout"])
        .arg(&pdf)
        .arg("-")
        .output()
        .unwrap();
    let text = String::from_utf8_lossy(&text.stdout).replace(char::is_whitespace, " ");
    let text = text.split_whitespace().collect::<Vec<_>>().join(" ");
    for typed in [
        "PHÒNG GIÁO DỤC VÀ ĐÀO TẠO",
        "Họp tổng kết năm học 2023-2024",
        "Hiệu trưởng các trường mầm non",
        "1. Thời gian",
        "14 giờ 00 phút, thứ Hai, ngày 03/6/2024.",
        "Phòng họp số 2",
        "- Kế toán các trường",
        "Khai mạc",
        "Báo cáo tổng kết",
        "KT. TRƯỞNG PHÒNG",
        "Lê Văn Bình",
    ] {
        assert!(text.contains(typed), "`{typed}` not in the PDF:\n{text}");
    }
    c.close().await.unwrap();
}

/// Replaces the value of the document's `trich_yeu` in the editor by
/// typing `value` over it (the rest of its line kept).
async fn type_trich_yeu(c: &Client, value: &str) {
    let text = yaml_text(c).await;
    let row = text
        .lines()
        .position(|l| l.starts_with("trich_yeu:"))
        .unwrap();
    let line = text.lines().nth(row).unwrap();
    let end = line.find(" # ").unwrap_or(line.len());
    let start = line_offset(&text, row) + "trich_yeu: ".len();
    select(
        c,
        start,
        start + line[..end].encode_utf16().count() - "trich_yeu: ".len(),
    )
    .await;
    type_keys(c, value).await;
}

/// Clicks "Lưu" and waits for "Đã lưu".
async fn save_now(c: &Client) {
    click(c, "btn-save").await;
    until("saved", || async {
        text_of(c, "status")
            .await?
            .starts_with("Đã lưu")
            .then_some(())
    })
    .await;
}

#[tokio::test]
async fn browser_unsaved_draft_is_offered_after_the_browser_closes() {
    let (s, driver, c) = opened().await;
    let on_disk = s.doc_on_disk();
    type_trich_yeu(&c, "Tổ chức Ngày hội đọc sách").await;
    let draft = s.dir.join(".vanban/nhap").join(format!("{DOC}.nhap"));
    until("the draft beside the document", || async {
        let t = std::fs::read_to_string(&draft).ok()?;
        t.contains("trich_yeu: Tổ chức Ngày hội đọc sách")
            .then_some(())
    })
    .await;
    // The browser goes away without saving.
    c.close().await.unwrap();
    assert_eq!(s.doc_on_disk(), on_disk);
    // The draft is not a document: the register lists the one document.
    let (status, docs) = s.get("/api/docs");
    assert_eq!(status, 200);
    assert_eq!(docs.as_array().unwrap().len(), 1, "{docs}");
    let c = open_in(&s, &driver, DOC).await;
    let banner = c.find(Locator::Id("draft")).await.unwrap();
    until("the draft offered", || async {
        banner.is_displayed().await.ok()?.then_some(())
    })
    .await;
    assert!(banner.text().await.unwrap().contains("bản nháp chưa lưu"));
    shot(&c, "serve-ban-nhap").await;
    assert!(!yaml_text(&c).await.contains("Ngày hội đọc sách"));
    click(&c, "btn-draft-restore").await;
    yaml_has(&c, "trich_yeu: Tổ chức Ngày hội đọc sách").await;
    preview_shows(&c, "Tổ chức Ngày hội đọc sách").await;
    save_now(&c).await;
    assert!(s
        .doc_on_disk()
        .contains("trich_yeu: Tổ chức Ngày hội đọc sách"));
    assert!(!draft.exists(), "the draft goes once saved");
    c.close().await.unwrap();
    // Opened again: nothing to offer.
    let c = open_in(&s, &driver, DOC).await;
    tokio::time::sleep(Duration::from_millis(500)).await;
    assert!(!c
        .find(Locator::Id("draft"))
        .await
        .unwrap()
        .is_displayed()
        .await
        .unwrap());
    c.close().await.unwrap();
}

#[tokio::test]
async fn browser_save_keeps_the_previous_version() {
    let (s, _driver, c) = opened().await;
    let first = s.doc_on_disk();
    type_trich_yeu(&c, "Bản thứ hai").await;
    yaml_has(&c, "trich_yeu: Bản thứ hai").await;
    save_now(&c).await;
    let second = s.doc_on_disk();
    assert!(second.contains("trich_yeu: Bản thứ hai"));
    // Wait for the first "Đã lưu" to leave before saving again.
    type_trich_yeu(&c, "Bản thứ ba").await;
    yaml_has(&c, "trich_yeu: Bản thứ ba").await;
    js(
        &c,
        "document.getElementById('status').textContent = ''",
        vec![],
    )
    .await;
    save_now(&c).await;
    assert!(s.doc_on_disk().contains("trich_yeu: Bản thứ ba"));
    let backups = s.dir.join(".vanban/sao-luu");
    assert_eq!(
        std::fs::read_to_string(backups.join(format!("{DOC}.1"))).unwrap(),
        second
    );
    assert_eq!(
        std::fs::read_to_string(backups.join(format!("{DOC}.2"))).unwrap(),
        first
    );
    click(&c, "btn-backups").await;
    let items = until("the kept versions", || async {
        let n = js(
            &c,
            "return document.querySelectorAll('#backup-list button.backup').length",
            vec![],
        )
        .await;
        (n == json!(2)).then_some(())
    })
    .await;
    let () = items;
    shot(&c, "serve-ban-truoc").await;
    c.find(Locator::Css("#backup-list button[data-n='1']"))
        .await
        .unwrap()
        .click()
        .await
        .unwrap();
    yaml_has(&c, "trich_yeu: Bản thứ hai").await;
    assert_eq!(yaml_text(&c).await, second);
    js(
        &c,
        "document.getElementById('status').textContent = ''",
        vec![],
    )
    .await;
    save_now(&c).await;
    assert_eq!(s.doc_on_disk(), second);
    // The version it replaced is kept in turn.
    assert!(std::fs::read_to_string(backups.join(format!("{DOC}.1")))
        .unwrap()
        .contains("trich_yeu: Bản thứ ba"));
    c.close().await.unwrap();
}

/// The rows of the diff tab: (where, parent's value, child's value).
async fn diff_rows(c: &Client) -> Vec<(String, String, String)> {
    let v = js(
        c,
        "return [...document.querySelectorAll('#diff-table tbody tr')].map(r => [r.dataset.path, r.cells[1].textContent, r.cells[2].textContent])",
        vec![],
    )
    .await;
    serde_json::from_value(v).unwrap_or_default()
}

#[tokio::test]
async fn browser_derived_plan_diff_against_its_parent() {
    let s = Server::with(&CHAIN);
    let driver = Driver::start();
    let c = open_in(&s, &driver, "2023/huyen-thu-thua/ke-hoach.yaml").await;
    let parent: serde_yaml::Value = serde_yaml::from_str(
        &std::fs::read_to_string(s.dir.join("2023/tinh-long-an/ke-hoach.yaml")).unwrap(),
    )
    .unwrap();
    let tab = c.find(Locator::Id("tab-diff")).await.unwrap();
    until("the diff tab of a derived document", || async {
        tab.is_displayed().await.ok()?.then_some(())
    })
    .await;
    tab.click().await.unwrap();
    let rows = until("the differences", || async {
        let r = diff_rows(&c).await;
        (!r.is_empty()).then_some(r)
    })
    .await;
    let row = |path: &str| {
        rows.iter()
            .find(|r| r.0 == path)
            .unwrap_or_else(|| panic!("no row {path} in {rows:#?}"))
            .clone()
    };
    let co_quan = row("co_quan");
    assert_eq!(co_quan.1, parent["co_quan"].as_str().unwrap());
    assert_eq!(co_quan.2, "ỦY BAN NHÂN DÂN HUYỆN THỦ THỪA");
    let signer = row("nguoi_ky.ho_ten");
    assert_eq!(signer.1, parent["nguoi_ky"]["ho_ten"].as_str().unwrap());
    assert_eq!(signer.2, "Trần Văn B");
    // The task the province did not have: added, not a shift of the rest.
    let added: Vec<_> = rows
        .iter()
        .filter(|r| r.2.contains("Phòng Văn hóa và Thông tin phối hợp"))
        .collect();
    assert_eq!(added.len(), 1, "{rows:#?}");
    assert_eq!(added[0].1, "(không có)");
    // What the child inherits unchanged is not listed.
    assert!(
        rows.iter().all(|r| !r.0.starts_with("trich_yeu")),
        "{rows:#?}"
    );
    assert!(text_of(&c, "diff-caption")
        .await
        .unwrap()
        .contains("tinh-long-an/ke-hoach.yaml"),);
    shot(&c, "serve-khac-van-ban-cha").await;
    // An edit (in the YAML tab) shows in the diff.
    click(&c, "tab-yaml").await;
    let text = yaml_text(&c).await;
    let row_n = text
        .lines()
        .position(|l| l.contains("ho_ten: Trần Văn B"))
        .unwrap();
    let start = line_offset(&text, row_n) + "  ho_ten: ".len();
    select(&c, start, start + "Trần Văn B".chars().count()).await;
    type_keys(&c, "Lê Thị C").await;
    click(&c, "tab-diff").await;
    until("the edit in the diff", || async {
        let r = diff_rows(&c).await;
        r.iter()
            .any(|r| r.0 == "nguoi_ky.ho_ten" && r.2 == "Lê Thị C")
            .then_some(())
    })
    .await;
    c.close().await.unwrap();
}

/// The `data-message` of the first error marked in the editor, if any.
async fn first_error(c: &Client) -> Option<String> {
    c.find(Locator::Css(".editor .l.error"))
        .await
        .ok()?
        .attr("data-message")
        .await
        .ok()?
}

#[tokio::test]
async fn browser_language_choice_words_the_servers_errors() {
    let (_s, _driver, c) = opened().await;
    // Without a choice, and a server started in English (as in the tests)
    // while the page's words are Vietnamese, no language shows as chosen:
    // picking either one changes something.
    let lang = c.find(Locator::Id("lang")).await.unwrap();
    assert_eq!(lang.prop("value").await.unwrap().as_deref(), Some(""));
    // Vietnamese chosen: the next preview's errors come in Vietnamese.
    lang.select_by_value("vi").await.unwrap();
    let editor = c.find(Locator::Css(".editor textarea")).await.unwrap();
    let current = editor.prop("value").await.unwrap().unwrap();
    let row = current
        .lines()
        .position(|l| l.starts_with("dia_danh:"))
        .unwrap();
    let at = line_offset(&current, row);
    select(&c, at, at).await;
    type_keys(&c, "trich_yue: x\n").await;
    until("an error in Vietnamese", || async {
        first_error(&c)
            .await
            .filter(|m| m.contains("không có khóa `trich_yue`"))
    })
    .await;
    // English chosen, then a change: the error comes in English.
    c.find(Locator::Id("lang"))
        .await
        .unwrap()
        .select_by_value("en")
        .await
        .unwrap();
    select(&c, at, at).await;
    type_keys(&c, "a").await;
    until("the error in English", || async {
        first_error(&c)
            .await
            .filter(|m| m.contains("unknown key `atrich_yue`"))
    })
    .await;
    // The choice is kept in this browser, for the next visit.
    let kept = js(&c, "return localStorage.getItem('vanban-lang');", vec![]).await;
    assert_eq!(kept, json!("en"));
    c.close().await.unwrap();
}

/// The page's own words (buttons, tabs, status lines, form labels) once
/// read: `#status`, `#btn-save`, `#tab-form` and the label of `trich_yeu`.
async fn page_words(c: &Client) -> Option<(String, String, String, String, String)> {
    let v = c
        .execute(
            "if (!document.body.dataset.ready) return null;
             const l = document.querySelector('label[for=\"f-trich_yeu\"]');
             return [document.getElementById('status').textContent,
                     document.getElementById('btn-save').textContent,
                     document.getElementById('tab-form').textContent,
                     l ? l.textContent : '',
                     document.documentElement.lang];",
            vec![],
        )
        .await
        .ok()?;
    let a = v.as_array()?;
    let s = |i: usize| a.get(i).and_then(Value::as_str).unwrap_or("").to_owned();
    Some((s(0), s(1), s(2), s(3), s(4)))
}

#[tokio::test]
async fn browser_language_choice_words_the_page() {
    let (_s, _driver, c) = opened().await;
    // No choice: the page's words are Vietnamese.
    let (_, save, tab, label, _) = until("the page's words", || page_words(&c)).await;
    assert_eq!((save.as_str(), tab.as_str()), ("Lưu", "Biểu mẫu"));
    assert_eq!(label, "Trích yếu");
    // English straight away (the server's messages are English in the
    // tests, the page's words Vietnamese: nothing shows as chosen), then
    // back to Vietnamese, then English again.
    for (lang, save, tab, label, status) in [
        ("en", "Save", "Form", "Subject (Trích yếu)", "Preview: "),
        ("vi", "Lưu", "Biểu mẫu", "Trích yếu", "Xem trước: "),
        ("en", "Save", "Form", "Subject (Trích yếu)", "Preview: "),
    ] {
        c.find(Locator::Id("lang"))
            .await
            .unwrap()
            .select_by_value(lang)
            .await
            .unwrap();
        // The page reloads in the chosen language, the document open again
        // and previewed.
        let words = until(&format!("the page in `{lang}`"), || async {
            page_words(&c)
                .await
                .filter(|w| w.4 == lang && w.1 == save && w.0.starts_with(status))
        })
        .await;
        assert_eq!(words.2, tab, "{words:?}");
        assert_eq!(words.3, label, "{words:?}");
        let value = js(&c, "return document.getElementById('lang').value;", vec![]).await;
        assert_eq!(value, json!(lang));
        // The field's tip, the schema's description, in that language too.
        let tip = js(
            &c,
            "return document.getElementById('f-trich_yeu').title;",
            vec![],
        )
        .await;
        let tip = tip.as_str().unwrap_or_default();
        let want = if lang == "en" {
            "Subject line"
        } else {
            "Trích yếu nội dung"
        };
        assert!(tip.starts_with(want), "{lang}: {tip}");
    }
    c.close().await.unwrap();
}
