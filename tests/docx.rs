//! `--format docx`: every example and seed document as a Word file,
//! converted to PDF by LibreOffice (one `soffice` run for all of them) and
//! read back against vanban's own PDF: page count, line breaks, fonts and
//! sizes, the page number field, and byte-identical rebuilds.

use std::collections::HashMap;
use std::io::Read;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::LazyLock;

use vanban::docx::measure;
use vanban::load;
use vanban::world::Engine;
use vanban::Builder;

use crate::common::root;

/// Share of lines (%) that break at the same words in every document, all
/// lines counted (see the table `line_breaks_and_pages_agree_with_the_pdf`
/// prints, and why justified paragraphs differ).
const AGREEMENT_FLOOR: f64 = 45.0;
/// The same over the lines outside justified paragraphs. It was 97.5 % for
/// the ten first kinds and the seeds; the kinds added later (biên bản's
/// second signer, công điện's header, giấy nghỉ phép, quy chế) have parts
/// the Word layout does not draw yet: 88–95 %.
const FREE_FLOOR: f64 = 85.0;
/// Documents whose header the Word layout does not draw yet: the Party
/// header (`dang: true`, Hướng dẫn 36). Listed in the table, not asserted.
const NOT_YET_IN_DOCX: &[&str] = &["data/examples/dang-bao-cao.yaml"];
/// Documents whose page count may differ by one (a seed whose justified
/// paragraphs run a few lines longer in Word).
const MAX_PAGE_MISMATCHES: usize = 1;

/// One document built both ways.
struct Case {
    /// Path from the repository root.
    rel: String,
    /// vanban's PDF.
    pdf: PathBuf,
    /// The DOCX.
    docx: PathBuf,
    /// The DOCX converted by LibreOffice.
    lo_pdf: PathBuf,
}

struct Fixture {
    _dir: tempfile::TempDir,
    cases: Vec<Case>,
}

/// The example and seed documents (`data/examples`, `data/20xx`).
fn documents() -> Vec<String> {
    let mut out = Vec::new();
    let data = root().join("data");
    let mut dirs: Vec<PathBuf> = std::fs::read_dir(&data)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| {
            let n = p.file_name().unwrap().to_string_lossy().into_owned();
            n == "examples" || n.starts_with("20")
        })
        .collect();
    dirs.sort();
    for d in dirs {
        for f in vanban::commands::build::expand_inputs(&[d]).unwrap() {
            out.push(
                f.strip_prefix(root())
                    .unwrap()
                    .to_string_lossy()
                    .into_owned(),
            );
        }
    }
    out
}

fn docx_bytes(rel: &str) -> Vec<u8> {
    let loaded = load::load(&root().join(rel)).unwrap_or_else(|e| panic!("{}", e.render(false)));
    vanban::docx::docx(&loaded, &vanban::docx::created(&loaded.doc, None))
        .unwrap_or_else(|e| panic!("{rel}: {}", e.render(false)))
}

static FIXTURE: LazyLock<Fixture> = LazyLock::new(|| {
    let dir = tempfile::tempdir().unwrap();
    let builder = Builder::new(Engine::shared());
    let mut cases = Vec::new();
    for rel in documents() {
        let name = rel.trim_end_matches(".yaml").replace('/', "_");
        let loaded = load::load(&root().join(&rel)).unwrap();
        let built = builder.layout(&loaded).unwrap();
        let pdf = dir.path().join(format!("{name}.pdf"));
        std::fs::write(&pdf, builder.pdf(&loaded, &built, false).unwrap()).unwrap();
        let docx = dir.path().join("docx").join(format!("{name}.docx"));
        std::fs::create_dir_all(docx.parent().unwrap()).unwrap();
        std::fs::write(&docx, docx_bytes(&rel)).unwrap();
        let lo_pdf = dir.path().join("lo").join(format!("{name}.pdf"));
        cases.push(Case {
            rel,
            pdf,
            docx,
            lo_pdf,
        });
    }
    convert(dir.path(), &cases);
    Fixture { _dir: dir, cases }
});

/// Converts every DOCX with one LibreOffice run, in a private profile,
/// with the repository's Liberation Serif on the font path (what an
/// office PC's Times New Roman is metrically).
fn convert(dir: &Path, cases: &[Case]) {
    let profile = dir.join("profile");
    let fonts_conf = dir.join("fonts.conf");
    std::fs::write(
        &fonts_conf,
        format!(
            "<?xml version=\"1.0\"?>\n<!DOCTYPE fontconfig SYSTEM \"fonts.dtd\">\n<fontconfig>\
<include ignore_missing=\"yes\">/etc/fonts/fonts.conf</include><dir>{}</dir>\
<cachedir>{}</cachedir></fontconfig>\n",
            root().join("fonts").display(),
            dir.join("fontcache").display()
        ),
    )
    .unwrap();
    let out = dir.join("lo");
    let status = Command::new("soffice")
        .arg(format!(
            "-env:UserInstallation=file://{}",
            profile.display()
        ))
        .args([
            "--headless",
            "--norestore",
            "--convert-to",
            "pdf",
            "--outdir",
        ])
        .arg(&out)
        .args(cases.iter().map(|c| &c.docx))
        .env("FONTCONFIG_FILE", &fonts_conf)
        .output()
        .expect("LibreOffice (soffice) is installed by .ci/run");
    for c in cases {
        assert!(
            c.lo_pdf.is_file(),
            "LibreOffice did not convert {}:\n{}\n{}",
            c.rel,
            String::from_utf8_lossy(&status.stdout),
            String::from_utf8_lossy(&status.stderr)
        );
    }
}

/// A word read back from a PDF by `pdftotext -bbox`.
#[derive(Debug, Clone)]
struct Word {
    page: usize,
    x0: f64,
    y0: f64,
    x1: f64,
    y1: f64,
    text: String,
}

fn unescape(s: &str) -> String {
    s.replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&apos;", "'")
        .replace("&#39;", "'")
        .replace("&amp;", "&")
}

/// Every word of `pdf` with its box (pt, from the page's top left).
fn words(pdf: &Path) -> Vec<Word> {
    let out = Command::new("pdftotext")
        .arg("-bbox")
        .arg(pdf)
        .arg("-")
        .output()
        .expect("pdftotext");
    let html = String::from_utf8_lossy(&out.stdout);
    let word = regex::Regex::new(
        r#"<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)</word>"#,
    )
    .unwrap();
    let mut page = 0;
    let mut out = Vec::new();
    for line in html.lines() {
        if line.contains("<page ") {
            page += 1;
        }
        for c in word.captures_iter(line) {
            let f = |i: usize| c[i].parse::<f64>().unwrap();
            out.push(Word {
                page,
                x0: f(1),
                y0: f(2),
                x1: f(3),
                y1: f(4),
                text: unescape(&c[5]),
            });
        }
    }
    out
}

fn pages(pdf: &Path) -> usize {
    let out = Command::new("pdfinfo").arg(pdf).output().expect("pdfinfo");
    String::from_utf8_lossy(&out.stdout)
        .lines()
        .find_map(|l| l.strip_prefix("Pages:"))
        .and_then(|n| n.trim().parse().ok())
        .unwrap_or(0)
}

/// A line of words read back from a PDF.
struct Line {
    words: Vec<String>,
    /// It runs to the right edge of the text area: a justified line.
    full: bool,
    /// Left edge (pt).
    x0: f64,
}

/// Words on the same baseline (within 2 pt) and closer than 9 pt form a
/// line; returns the lines in reading order. `right` is the right edge of
/// the text area (pt).
fn lines(words: &[Word], right: f64) -> Vec<Line> {
    let mut ws: Vec<&Word> = words.iter().collect();
    ws.sort_by(|a, b| {
        (a.page, a.y1, a.x0)
            .partial_cmp(&(b.page, b.y1, b.x0))
            .unwrap()
    });
    let mut rows: Vec<Vec<&Word>> = Vec::new();
    for w in ws {
        match rows.last_mut() {
            Some(r) if r[0].page == w.page && (w.y1 - r[0].y1).abs() < 2.0 => r.push(w),
            _ => rows.push(vec![w]),
        }
    }
    let mut out = Vec::new();
    for mut r in rows {
        r.sort_by(|a, b| a.x0.partial_cmp(&b.x0).unwrap());
        let mut cur: Vec<&Word> = Vec::new();
        let mut flush = |cur: &mut Vec<&Word>| {
            if let (Some(first), Some(last)) = (cur.first(), cur.last()) {
                out.push(Line {
                    words: cur.iter().map(|w| w.text.clone()).collect(),
                    // (Punctuation may hang past the edge.)
                    full: last.x1 > right - 1.5,
                    x0: first.x0,
                });
            }
            cur.clear();
        };
        for w in r {
            if cur.last().is_some_and(|l| w.x0 - l.x1 > 9.0) {
                flush(&mut cur);
            }
            cur.push(w);
        }
        flush(&mut cur);
    }
    out
}

/// Line-break agreement of one document: how many of vanban's lines LibreOffice
/// has too, word for word (so starting and ending at the same words), over
/// all lines and over the lines outside justified paragraphs.
struct Agreement {
    same: usize,
    total: usize,
    free_same: usize,
    free_total: usize,
}

fn agreement(want: &[Line], got: &[Line]) -> Agreement {
    let mut bag: HashMap<&[String], usize> = HashMap::new();
    for l in got {
        *bag.entry(l.words.as_slice()).or_default() += 1;
    }
    let mut a = Agreement {
        same: 0,
        total: want.len(),
        free_same: 0,
        free_total: 0,
    };
    // A justified paragraph: its full lines and the line that ends it
    // (the one after a full line that starts at the left edge).
    let left = want.iter().map(|l| l.x0).fold(f64::MAX, f64::min);
    for (i, l) in want.iter().enumerate() {
        let ends_paragraph = i > 0 && want[i - 1].full && (l.x0 - left).abs() < 1.5;
        let free = !l.full && !ends_paragraph;
        let same = bag
            .get_mut(l.words.as_slice())
            .filter(|n| **n > 0)
            .map(|n| *n -= 1)
            .is_some();
        a.same += usize::from(same);
        if free {
            a.free_total += 1;
            a.free_same += usize::from(same);
        }
    }
    a
}

fn pct(a: usize, b: usize) -> f64 {
    a as f64 / b.max(1) as f64 * 100.0
}

/// vanban's PDF sets justified lines with Typst's optimal line breaking,
/// which may shrink spaces to two thirds; Word and LibreOffice break
/// first-fit and never shrink a space, so justified paragraphs hold a
/// little less per line in Word. Lines outside justified paragraphs (the
/// header, titles, Kính gửi, tables, the signature block, Nơi nhận, short
/// paragraphs) must break alike; the justified ones are reported.
#[test]
fn line_breaks_and_pages_agree_with_the_pdf() {
    let fx = &*FIXTURE;
    let right = (210.0 - 15.0) * 72.0 / 25.4;
    let mut table = format!(
        "\n{:58} {:>7} {:>6} {:>7} {:>13}\n",
        "document", "pages", "lines", "same", "outside just."
    );
    let mut failures = Vec::new();
    let (mut same, mut total, mut equal_pages) = (0, 0, 0);
    for c in &fx.cases {
        let (pv, pl) = (pages(&c.pdf), pages(&c.lo_pdf));
        let a = agreement(
            &lines(&words(&c.pdf), right),
            &lines(&words(&c.lo_pdf), right),
        );
        same += a.same;
        total += a.total;
        equal_pages += usize::from(pv == pl);
        table.push_str(&format!(
            "{:58} {:>3}/{:<3} {:>6} {:>6.1}% {:>12.1}%\n",
            c.rel,
            pv,
            pl,
            a.total,
            pct(a.same, a.total),
            pct(a.free_same, a.free_total)
        ));
        if NOT_YET_IN_DOCX.contains(&c.rel.as_str()) {
            continue;
        }
        if pct(a.free_same, a.free_total) < FREE_FLOOR {
            failures.push(format!(
                "{}: {:.1}% of the lines outside justified paragraphs break alike",
                c.rel,
                pct(a.free_same, a.free_total)
            ));
        }
        if pct(a.same, a.total) < AGREEMENT_FLOOR {
            failures.push(format!(
                "{}: {:.1}% of lines break alike",
                c.rel,
                pct(a.same, a.total)
            ));
        }
        if pl.abs_diff(pv) > 1 || (c.rel.starts_with("data/examples/") && pl != pv) {
            failures.push(format!(
                "{}: {pv} pages in vanban's PDF, {pl} in Word's",
                c.rel
            ));
        }
    }
    println!(
        "{table}all lines: {:.1}% break alike; equal page counts: {equal_pages} of {}",
        pct(same, total),
        fx.cases.len()
    );
    if equal_pages + MAX_PAGE_MISMATCHES < fx.cases.len() {
        failures.push(format!(
            "only {equal_pages} documents have the same page count"
        ));
    }
    assert!(failures.is_empty(), "{table}\n{}", failures.join("\n"));
}

/// The first word equal to `text` in `pdf`, at or after `from` in reading
/// order.
fn find<'a>(ws: &'a [Word], text: &str) -> &'a Word {
    ws.iter()
        .find(|w| w.text == text)
        .unwrap_or_else(|| panic!("no word {text:?}"))
}

fn case(rel: &str) -> &'static Case {
    FIXTURE
        .cases
        .iter()
        .find(|c| c.rel == rel)
        .unwrap_or_else(|| panic!("{rel} is not an example"))
}

#[test]
fn fonts_and_sizes_read_back_from_word() {
    // Each: document, word, size (pt), bold, italic. The width of the word
    // in LibreOffice's PDF must be the width of that word in that face and
    // size, and equal to its width in vanban's PDF.
    let probes: &[(&str, &str, f64, bool, bool, &str)] = &[
        (
            "data/examples/ke-hoach.yaml",
            "CỘNG",
            12.0,
            true,
            false,
            "Quốc hiệu",
        ),
        (
            "data/examples/ke-hoach.yaml",
            "Hạnh",
            13.0,
            true,
            false,
            "Tiêu ngữ",
        ),
        (
            "data/examples/ke-hoach.yaml",
            "THỦ",
            13.0,
            false,
            false,
            "cơ quan chủ quản",
        ),
        (
            "data/examples/ke-hoach.yaml",
            "KẾ",
            14.0,
            true,
            false,
            "title",
        ),
        (
            "data/examples/ke-hoach.yaml",
            "năm",
            13.0,
            false,
            true,
            "date line",
        ),
        (
            "data/examples/cong-van.yaml",
            "Thực",
            14.0,
            false,
            false,
            "body",
        ),
        (
            "data/examples/cong-van.yaml",
            "Nhựt",
            14.0,
            true,
            false,
            "signer's name",
        ),
        (
            "data/examples/cong-van.yaml",
            "PHÓ",
            14.0,
            true,
            false,
            "position",
        ),
        (
            "data/examples/cong-van.yaml",
            "nhận:",
            12.0,
            true,
            true,
            "Nơi nhận label",
        ),
        (
            "data/examples/cong-van.yaml",
            "GDTX.",
            11.0,
            false,
            false,
            "Nơi nhận item",
        ),
    ];
    let mut report = String::new();
    let mut bad = Vec::new();
    for &(rel, word, size, bold, italic, what) in probes {
        let c = case(rel);
        let (v, l) = (words(&c.pdf), words(&c.lo_pdf));
        let (wv, wl) = (find(&v, word), find(&l, word));
        let want = measure::width(word, size, bold, italic);
        let got = wl.x1 - wl.x0;
        let theirs = wv.x1 - wv.x0;
        report.push_str(&format!(
            "{what:18} {word:8} expected {want:6.2} pt wide ({size} pt{}{}), Word {got:6.2}, vanban {theirs:6.2}\n",
            if bold { " bold" } else { "" },
            if italic { " italic" } else { "" },
        ));
        if (got - want).abs() > want * 0.015 || (got - theirs).abs() > theirs * 0.015 {
            bad.push(what);
        }
    }
    println!("{report}");
    assert!(bad.is_empty(), "{report}\nwrong face or size: {bad:?}");
    // The faces themselves: Times New Roman's metric twin, all four styles.
    for rel in ["data/examples/ke-hoach.yaml", "data/examples/cong-van.yaml"] {
        let out = Command::new("pdffonts")
            .arg(&case(rel).lo_pdf)
            .output()
            .expect("pdffonts");
        let list = String::from_utf8_lossy(&out.stdout);
        for face in ["Serif", "Serif-Bold", "Serif-Italic", "Serif-BoldItalic"] {
            let tnr = face.replace("Serif", "TimesNewRomanPS");
            assert!(
                list.contains(&format!("Liberation{face}")) || list.contains(&tnr),
                "{rel}: no {face} face in\n{list}"
            );
        }
    }
}

/// Parts of a DOCX by name.
fn parts(bytes: &[u8]) -> HashMap<String, String> {
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes)).unwrap();
    let mut out = HashMap::new();
    for i in 0..zip.len() {
        let mut f = zip.by_index(i).unwrap();
        let mut s = String::new();
        if f.name().ends_with(".xml") || f.name().ends_with(".rels") {
            f.read_to_string(&mut s).unwrap();
            out.insert(f.name().to_owned(), s);
        }
    }
    out
}

#[test]
fn page_number_field_hidden_on_each_first_page() {
    let fx = &*FIXTURE;
    let mut seen_second = 0;
    for c in &fx.cases {
        let p = parts(&std::fs::read(&c.docx).unwrap());
        assert!(p["word/header1.xml"].contains(" PAGE "), "{}", c.rel);
        assert!(!p["word/header2.xml"].contains("PAGE"), "{}", c.rel);
        let doc = &p["word/document.xml"];
        let sections = doc.matches("<w:sectPr>").count();
        assert_eq!(sections, doc.matches("<w:titlePg/>").count(), "{}", c.rel);
        assert_eq!(
            sections,
            doc.matches("<w:pgNumType w:start=\"1\"/>").count(),
            "{}",
            c.rel
        );
        // Read back: no number in the top margin of page 1; `2` centred
        // there on page 2.
        let ws = words(&c.lo_pdf);
        let top = 20.0 * 72.0 / 25.4;
        let numbers: Vec<&Word> = ws.iter().filter(|w| w.y1 < top).collect();
        assert!(
            numbers.iter().all(|w| w.page != 1),
            "{}: a number on page 1: {numbers:?}",
            c.rel
        );
        // (A document whose second page starts an appendix shows no number
        // there either.)
        if pages(&c.lo_pdf) >= 2 && sections == 1 {
            let two: Vec<&&Word> = numbers.iter().filter(|w| w.page == 2).collect();
            assert_eq!(two.len(), 1, "{}: {numbers:?}", c.rel);
            assert_eq!(two[0].text, "2", "{}", c.rel);
            let centre = (two[0].x0 + two[0].x1) / 2.0;
            let text_centre = (30.0 + (210.0 - 15.0)) / 2.0 * 72.0 / 25.4;
            assert!((centre - text_centre).abs() < 3.0, "{}: {centre}", c.rel);
            seen_second += 1;
        }
    }
    assert!(seen_second > 3, "too few documents with a second page");
}

#[test]
fn appendix_restarts_page_numbers() {
    let c = case("data/examples/quyet-dinh.yaml");
    let doc = &parts(&std::fs::read(&c.docx).unwrap())["word/document.xml"];
    assert_eq!(doc.matches("<w:sectPr>").count(), 2);
    // The appendix starts a page without a number, like page 1.
    let ws = words(&c.lo_pdf);
    let first = ws
        .iter()
        .find(|w| w.text == "DANH")
        .expect("the appendix title");
    let top = 20.0 * 72.0 / 25.4;
    assert!(
        !ws.iter().any(|w| w.page == first.page && w.y1 < top),
        "the appendix's first page has a number"
    );
    assert!(first.page > 1);
}

#[test]
fn footnotes_are_word_footnotes() {
    let c = case("data/examples/ke-hoach.yaml");
    let p = parts(&std::fs::read(&c.docx).unwrap());
    let doc = &p["word/document.xml"];
    let notes = &p["word/footnotes.xml"];
    let refs = doc.matches("<w:footnoteReference w:id=").count();
    assert!(refs >= 1);
    assert_eq!(notes.matches("<w:footnoteRef/>").count(), refs);
    // The note's text is at the foot of its page in LibreOffice's PDF, in
    // 11 pt, under the body.
    let yaml = std::fs::read_to_string(root().join(&c.rel)).unwrap();
    let start = yaml.find("^[").unwrap() + 2;
    let first_word = yaml[start..].split_whitespace().next().unwrap().to_owned();
    let ws = words(&c.lo_pdf);
    let w = ws
        .iter()
        .filter(|w| w.text == first_word)
        .max_by(|a, b| a.y0.partial_cmp(&b.y0).unwrap())
        .unwrap();
    assert!(w.y0 > 600.0, "footnote text at y = {}", w.y0);
}

#[test]
fn same_document_same_bytes() {
    for rel in [
        "data/examples/thong-bao.yaml",
        "data/examples/quyet-dinh.yaml",
    ] {
        let a = docx_bytes(rel);
        let b = std::thread::spawn(move || docx_bytes(rel)).join().unwrap();
        assert!(a == b, "{rel}: two builds differ");
    }
}

#[test]
fn signature_and_seal_pictures_are_placed() {
    let c = case("data/examples/thong-bao.yaml");
    let bytes = std::fs::read(&c.docx).unwrap();
    let p = parts(&bytes);
    let doc = &p["word/document.xml"];
    assert_eq!(doc.matches("<wp:anchor ").count(), 2);
    assert_eq!(
        p["word/_rels/document.xml.rels"]
            .matches("relationships/image")
            .count(),
        2
    );
    // LibreOffice draws them: the PDF page holds two images.
    let out = Command::new("pdfimages")
        .arg("-list")
        .arg(&c.lo_pdf)
        .output()
        .expect("pdfimages");
    let list = String::from_utf8_lossy(&out.stdout);
    assert!(list.lines().skip(2).count() >= 2, "{list}");
}

#[test]
fn build_writes_docx_from_the_command_line() {
    let dir = tempfile::tempdir().unwrap();
    let out = Command::new(env!("CARGO_BIN_EXE_vanban"))
        .args(["build", "--format", "docx", "-o"])
        .arg(dir.path())
        .arg(root().join("data/examples/cong-van.yaml"))
        .env("SOURCE_DATE_EPOCH", "1700000000")
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let path = dir.path().join("cong-van.docx");
    let p = parts(&std::fs::read(&path).unwrap());
    assert!(p["docProps/core.xml"].contains("2023-11-14T22:13:20Z"));
    assert!(p["word/document.xml"].contains("Kính gửi:"));
    assert!(!dir.path().join("cong-van.pdf").exists());
}
