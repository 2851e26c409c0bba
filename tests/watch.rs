//! `vanban watch`, run as a process while its files are edited.

use std::fs;
use std::io::{BufRead, BufReader};
use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::sync::mpsc::{self, Receiver};
use std::time::{Duration, Instant};

use crate::common::vanban;
use crate::common::{norm, root};

/// How long a rebuild may take to show up (a debug binary on a busy
/// machine).
const PATIENCE: Duration = Duration::from_secs(60);

/// The running `vanban watch`, killed when dropped (also when a test
/// fails).
struct Watching {
    child: Child,
    lines: Receiver<String>,
    /// Everything printed so far, for failure messages.
    seen: Vec<String>,
}

impl Watching {
    fn start(cmd: &mut Command) -> Self {
        let mut child = cmd
            .stdout(Stdio::null())
            .stderr(Stdio::piped())
            .spawn()
            .expect("vanban watch starts");
        let (tx, lines) = mpsc::channel();
        let err = child.stderr.take().unwrap();
        std::thread::spawn(move || {
            for l in BufReader::new(err).lines().map_while(Result::ok) {
                let _ = tx.send(l);
            }
        });
        Self {
            child,
            lines,
            seen: Vec::new(),
        }
    }

    /// Waits for a line matching `pred`; returns every line read meanwhile.
    #[track_caller]
    fn wait_for(&mut self, pred: impl Fn(&str) -> bool) -> Vec<String> {
        let start = Instant::now();
        let mut got = Vec::new();
        loop {
            let left = PATIENCE.saturating_sub(start.elapsed());
            match self.lines.recv_timeout(left) {
                Ok(l) => {
                    self.seen.push(l.clone());
                    let hit = pred(&l);
                    got.push(l);
                    if hit {
                        return got;
                    }
                }
                Err(_) => panic!(
                    "no matching line within {PATIENCE:?}; output so far:\n{}",
                    self.seen.join("\n")
                ),
            }
        }
    }
}

impl Drop for Watching {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn pdftotext(pdf: &Path) -> String {
    let o = Command::new("pdftotext")
        .arg(pdf)
        .arg("-")
        .output()
        .expect("pdftotext runs");
    norm(&String::from_utf8_lossy(&o.stdout))
}

/// Saves `text` into `path` as many editors do: a new file renamed over
/// the old one.
fn save_by_rename(path: &Path, text: &str) {
    let tmp = path.with_extension("yaml.swp");
    fs::write(&tmp, text).unwrap();
    fs::rename(&tmp, path).unwrap();
}

#[test]
fn rebuilds_on_saves_of_the_file_and_its_parents_and_keeps_the_last_good_pdf() {
    // The example chain: province plan ← district plan ← office công văn.
    let dir = tempfile::tempdir().unwrap();
    fs::write(dir.path().join("vanban.toml"), "").unwrap();
    for rel in [
        "tinh-long-an/ke-hoach.yaml",
        "huyen-thu-thua/ke-hoach.yaml",
        "huyen-thu-thua/pgddt-cong-van.yaml",
    ] {
        let to = dir.path().join(rel);
        fs::create_dir_all(to.parent().unwrap()).unwrap();
        fs::copy(root().join("data/chuoi/2023").join(rel), &to).unwrap();
    }
    let doc = dir.path().join("huyen-thu-thua/pgddt-cong-van.yaml");
    let province = dir.path().join("tinh-long-an/ke-hoach.yaml");
    let pdf = dir.path().join("huyen-thu-thua/pgddt-cong-van.pdf");

    let mut w = Watching::start(vanban().arg("watch").arg(&doc));
    w.wait_for(|l| l.contains("built") && l.contains("pgddt-cong-van.pdf"));
    let watching = w.wait_for(|l| l.starts_with("watching"));
    let listed = watching.last().unwrap();
    for name in [
        "pgddt-cong-van.yaml",
        "huyen-thu-thua/ke-hoach.yaml",
        "tinh-long-an/ke-hoach.yaml",
    ] {
        assert!(listed.contains(name), "{name} not watched: {listed}");
    }
    let first = fs::read(&pdf).unwrap();
    assert!(pdftotext(&pdf).contains("kỷ nguyên số"));

    // The theme lives in the province plan, two levels up.
    let text = fs::read_to_string(&province).unwrap();
    let changed = text.replace(
        "Xây dựng năng lực tự học trong kỷ nguyên số",
        "Học tập không ngừng cùng cộng đồng",
    );
    assert_ne!(text, changed);
    fs::write(&province, &changed).unwrap();
    w.wait_for(|l| l.contains("built"));
    w.wait_for(|l| l.starts_with("watching"));
    let second = fs::read(&pdf).unwrap();
    assert_ne!(first, second, "the PDF was not rebuilt");
    let words = pdftotext(&pdf);
    assert!(words.contains("Học tập không ngừng"), "{words}");

    // An error in the document: the error is printed with its place, and
    // the PDF stays byte for byte the last good one.
    let good = fs::read_to_string(&doc).unwrap();
    fs::write(&doc, format!("{good}nguoi_kyy: x\n")).unwrap();
    let err = w.wait_for(|l| l.contains("not rebuilt"));
    let err = err.join("\n");
    assert!(err.contains("unknown key `nguoi_kyy`"), "{err}");
    assert!(err.contains("pgddt-cong-van.yaml:"), "{err}");
    assert!(err.contains("did you mean `nguoi_ky`"), "{err}");
    w.wait_for(|l| l.starts_with("watching"));
    assert!(fs::read(&pdf).unwrap() == second, "the PDF changed");

    // A broken parent is reported too, and the PDF is still kept.
    let district = dir.path().join("huyen-thu-thua/ke-hoach.yaml");
    let district_text = fs::read_to_string(&district).unwrap();
    fs::write(&doc, &good).unwrap();
    w.wait_for(|l| l.contains("built"));
    w.wait_for(|l| l.starts_with("watching"));
    fs::write(&district, format!("{district_text}\nnoi_dung: [\n")).unwrap();
    let err = w.wait_for(|l| l.contains("not rebuilt")).join("\n");
    assert!(err.contains("huyen-thu-thua/ke-hoach.yaml"), "{err}");
    w.wait_for(|l| l.starts_with("watching"));
    assert!(fs::read(&pdf).unwrap() == second, "the PDF changed");

    // Fixing the parent the way an editor saves rebuilds the document.
    save_by_rename(&district, &district_text);
    w.wait_for(|l| l.contains("built"));
    w.wait_for(|l| l.starts_with("watching"));
    // And the saved-by-rename file is still watched afterwards.
    save_by_rename(&doc, &good.replace("Bùi Văn C", "Nguyễn Thị D"));
    w.wait_for(|l| l.contains("built"));
    assert!(pdftotext(&pdf).contains("Nguyễn Thị D"));
}

#[test]
fn rebuilds_when_the_seal_image_changes() {
    let dir = tempfile::tempdir().unwrap();
    let doc = dir.path().join("doc.yaml");
    let text = fs::read_to_string(root().join("data/examples/cong-van.yaml")).unwrap();
    let with = text.replace(
        "  ho_ten: Bùi Văn Nhựt\n",
        "  ho_ten: Bùi Văn Nhựt\n  dau: dau.svg\n",
    );
    assert_ne!(text, with);
    fs::write(&doc, with).unwrap();
    let seal = dir.path().join("dau.svg");
    fs::copy(root().join("tests/fixtures/images/dau.svg"), &seal).unwrap();
    let pdf = dir.path().join("doc.pdf");

    let mut w = Watching::start(vanban().arg("watch").arg(&doc));
    w.wait_for(|l| l.contains("built"));
    let listed = w.wait_for(|l| l.starts_with("watching")).pop().unwrap();
    assert!(listed.contains("dau.svg"), "{listed}");
    let first = fs::read(&pdf).unwrap();
    let svg = fs::read_to_string(&seal).unwrap();
    fs::write(&seal, svg.replace("#d11", "#11d")).unwrap();
    w.wait_for(|l| l.contains("built"));
    assert!(fs::read(&pdf).unwrap() != first, "the PDF was not rebuilt");
}

#[test]
fn a_first_build_that_fails_says_nothing_was_written() {
    let dir = tempfile::tempdir().unwrap();
    let doc = dir.path().join("doc.yaml");
    fs::write(&doc, "loai: ke_hoach\nco_quan: X\nngay: 2023-02-30\n").unwrap();
    let mut w = Watching::start(vanban().arg("watch").arg(&doc));
    let said = w.wait_for(|l| l.contains("not rebuilt")).pop().unwrap();
    assert!(
        said.contains("nothing is written until it builds"),
        "{said}"
    );
    assert!(!dir.path().join("doc.pdf").exists());
}
