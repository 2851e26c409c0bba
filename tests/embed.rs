//! `build --embed-source` and `extract`: the YAML travels inside the PDF,
//! and building what comes out gives the same PDF byte for byte.

use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;

use vanban::embed::{embedded_files, IMAGE, MAIN, MIME, PARENT};

use crate::common::{assert_exit, run, stderr, stdout, vanban};
use crate::common::{norm, root};

/// The example chain copied into a fresh project: province plan ←
/// district plan ← office công văn. Returns the folder and the công văn.
fn chain() -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let proj = dir.path().join("proj");
    fs::create_dir_all(&proj).unwrap();
    fs::write(proj.join("vanban.toml"), "").unwrap();
    for rel in [
        "tinh-long-an/ke-hoach.yaml",
        "huyen-thu-thua/ke-hoach.yaml",
        "huyen-thu-thua/pgddt-cong-van.yaml",
    ] {
        let to = proj.join(rel);
        fs::create_dir_all(to.parent().unwrap()).unwrap();
        fs::copy(root().join("data/chuoi/2023").join(rel), &to).unwrap();
    }
    let doc = proj.join("huyen-thu-thua/pgddt-cong-van.yaml");
    (dir, doc)
}

/// Builds `doc` into `out` with `flags`; returns the PDF's bytes.
fn build(doc: &Path, out: &Path, flags: &[&str]) -> Vec<u8> {
    let o = run(vanban()
        .arg("build")
        .args(flags)
        .arg(doc)
        .arg("-o")
        .arg(out));
    assert_exit(&o, 0);
    let stem = doc.file_stem().unwrap().to_string_lossy();
    fs::read(out.join(format!("{stem}.pdf"))).unwrap()
}

fn text_of(pdf: &[u8]) -> String {
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path().join("a.pdf");
    fs::write(&p, pdf).unwrap();
    let o = Command::new("pdftotext").arg(&p).arg("-").output().unwrap();
    norm(&String::from_utf8_lossy(&o.stdout))
}

/// Build with `flags` plus `--embed-source`, extract, rebuild what was
/// extracted with the command `extract` prints, and compare.
fn round_trip(dir: &Path, proj: &Path, doc: &Path, flags: &[&str], expect: &[&str]) {
    let mut all = vec!["--embed-source"];
    all.extend_from_slice(flags);
    let first = build(doc, &dir.join("out1"), &all);

    // What is inside: every source, named by its path from the project
    // folder, with its bytes unchanged.
    let files = embedded_files(&first).unwrap();
    let mut names: Vec<&str> = files.iter().map(|f| f.name.as_str()).collect();
    names.sort();
    assert_eq!(names, expect);
    for f in &files {
        let mime = match f.name.rsplit('.').next() {
            Some("png") => "image/png",
            Some("svg") => "image/svg+xml",
            _ => MIME,
        };
        assert_eq!(f.mime, mime, "{}", f.name);
        if f.description == MAIN {
            assert_eq!(proj.join(&f.name), doc);
        } else if f.name.ends_with(".yaml") {
            assert_eq!(f.description, PARENT);
        } else {
            assert_eq!(f.description, IMAGE);
        }
        let on_disk = fs::read(proj.join(&f.name)).unwrap();
        assert!(f.data == on_disk, "{} differs from the file", f.name);
    }
    assert_eq!(files.iter().filter(|f| f.description == MAIN).count(), 1);

    let x = dir.join("extracted");
    let pdf1 = dir.join("out1").join(format!(
        "{}.pdf",
        doc.file_stem().unwrap().to_string_lossy()
    ));
    let o = run(vanban().arg("extract").arg(&pdf1).arg("-o").arg(&x));
    assert_exit(&o, 0);
    for n in expect {
        assert!(stdout(&o).contains(n), "{n} not reported: {}", stdout(&o));
    }
    // `extract` says how to rebuild; follow it to the letter.
    let err = stderr(&o);
    let cmd = err
        .lines()
        .find_map(|l| l.split_once("with: vanban "))
        .map(|(_, c)| c.to_owned())
        .unwrap_or_else(|| panic!("no rebuild command in: {err}"));
    let mut words: Vec<&str> = cmd.split_whitespace().collect();
    let extracted_doc = PathBuf::from(words.pop().unwrap());
    assert!(extracted_doc.starts_with(&x), "{}", extracted_doc.display());
    assert_eq!(words[0], "build");
    let second = build(&extracted_doc, &dir.join("out2"), &words[1..]);
    assert!(first == second, "the rebuilt PDF differs ({flags:?})");
}

#[test]
fn single_document_round_trip_is_byte_identical() {
    let dir = tempfile::tempdir().unwrap();
    let doc = dir.path().join("src/cong-van.yaml");
    fs::create_dir_all(doc.parent().unwrap()).unwrap();
    fs::copy(root().join("data/examples/cong-van.yaml"), &doc).unwrap();
    round_trip(
        dir.path(),
        doc.parent().unwrap(),
        &doc,
        &[],
        &["cong-van.yaml"],
    );
}

#[test]
fn chain_round_trip_is_byte_identical_with_and_without_pdf_a() {
    let expect = [
        "huyen-thu-thua/ke-hoach.yaml",
        "huyen-thu-thua/pgddt-cong-van.yaml",
        "tinh-long-an/ke-hoach.yaml",
    ];
    let (dir, doc) = chain();
    let proj = dir.path().join("proj");
    round_trip(&dir.path().join("plain"), &proj, &doc, &[], &expect);
    round_trip(&dir.path().join("pdfa"), &proj, &doc, &["--pdf-a"], &expect);
}

#[test]
fn signature_and_seal_images_travel_with_the_document() {
    let (dir, doc) = chain();
    let proj = dir.path().join("proj");
    fs::create_dir_all(proj.join("anh")).unwrap();
    for f in ["chu-ky.png", "dau.svg"] {
        fs::copy(
            root().join("tests/fixtures/images").join(f),
            proj.join("anh").join(f),
        )
        .unwrap();
    }
    let text = fs::read_to_string(&doc).unwrap();
    let with = text.replace(
        "  ho_ten: Bùi Văn C\n",
        "  ho_ten: Bùi Văn C\n  chu_ky: ../anh/chu-ky.png\n  dau: ../anh/dau.svg\n",
    );
    assert_ne!(text, with);
    fs::write(&doc, with).unwrap();
    let expect = [
        "anh/chu-ky.png",
        "anh/dau.svg",
        "huyen-thu-thua/ke-hoach.yaml",
        "huyen-thu-thua/pgddt-cong-van.yaml",
        "tinh-long-an/ke-hoach.yaml",
    ];
    round_trip(&dir.path().join("pdfa"), &proj, &doc, &["--pdf-a"], &expect);
}

#[test]
fn embedding_changes_neither_pages_nor_text() {
    let (dir, doc) = chain();
    let plain = build(&doc, &dir.path().join("a"), &[]);
    let embedded = build(&doc, &dir.path().join("b"), &["--embed-source"]);
    assert!(embedded_files(&plain).unwrap().is_empty());
    assert_eq!(embedded_files(&embedded).unwrap().len(), 3);
    let pages = |pdf: &[u8]| lopdf::Document::load_mem(pdf).unwrap().get_pages().len();
    assert_eq!(pages(&plain), pages(&embedded));
    assert_eq!(text_of(&plain), text_of(&embedded));
}

#[test]
fn pdf_a_with_embedded_source_is_pdf_a_3b_and_passes_qpdf() {
    let (dir, doc) = chain();
    let out = dir.path().join("out");
    let bytes = build(&doc, &out, &["--pdf-a", "--embed-source"]);
    crate::common::assert_qpdf_check(&out.join("pgddt-cong-van.pdf"));
    let text = String::from_utf8_lossy(&bytes);
    assert!(
        text.contains("pdfaid:part>3<") || text.contains("pdfaid:part=\"3\""),
        "not PDF/A-3"
    );
    assert!(text.contains("pdfaid:conformance>B<") || text.contains("pdfaid:conformance=\"B\""));
    // PDF/A-3 wants each attachment's relationship to the document.
    assert_eq!(
        text.matches("/AFRelationship/Source").count(),
        3,
        "relationships"
    );
    // Without attachments, --pdf-a stays PDF/A-2b.
    let plain = build(&doc, &dir.path().join("plain"), &["--pdf-a"]);
    let plain = String::from_utf8_lossy(&plain);
    assert!(plain.contains("pdfaid:part>2<") || plain.contains("pdfaid:part=\"2\""));
}

#[test]
fn extract_refuses_to_overwrite_and_needs_embedded_sources() {
    let (dir, doc) = chain();
    let out = dir.path().join("out");
    build(&doc, &out, &["--embed-source"]);
    let pdf = out.join("pgddt-cong-van.pdf");
    // Into the project itself: the files exist, nothing is touched.
    let proj = doc.parent().unwrap().parent().unwrap();
    let before = fs::read(&doc).unwrap();
    let o = run(vanban().arg("extract").arg(&pdf).arg("-o").arg(proj));
    assert_exit(&o, 1);
    assert!(stderr(&o).contains("not overwriting"), "{}", stderr(&o));
    assert!(fs::read(&doc).unwrap() == before);
    // The default folder is NAME-source beside the PDF.
    let o = run(vanban().arg("extract").arg(&pdf));
    assert_exit(&o, 0);
    assert!(out
        .join("pgddt-cong-van-source/tinh-long-an/ke-hoach.yaml")
        .is_file());
    // A PDF without sources.
    build(&doc, &dir.path().join("plain"), &[]);
    let o = run(vanban()
        .arg("extract")
        .arg(dir.path().join("plain/pgddt-cong-van.pdf")));
    assert_exit(&o, 1);
    assert!(stderr(&o).contains("no vanban source"), "{}", stderr(&o));
    // Not a PDF at all.
    let o = run(vanban().arg("extract").arg(&doc));
    assert_exit(&o, 1);
    assert!(stderr(&o).contains("not a readable PDF"), "{}", stderr(&o));
}
