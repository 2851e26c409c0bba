//! The `vanban` binary, run in temporary folders: outputs, exit codes,
//! error locations, and the PDF as poppler reads it.

use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;

use crate::common::*;

const EXAMPLE: &str = "data/examples/cong-van.yaml";

/// A temporary folder holding a copy of the example as `doc.yaml`.
fn workdir() -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let doc = dir.path().join("doc.yaml");
    fs::copy(root().join(EXAMPLE), &doc).unwrap();
    (dir, doc)
}

#[test]
fn build_writes_a_pdf_beside_the_input() {
    let (dir, doc) = workdir();
    let o = run(vanban().arg("build").arg(&doc).current_dir(dir.path()));
    assert_exit(&o, 0);
    let pdf = dir.path().join("doc.pdf");
    let bytes = fs::read(&pdf).expect("doc.pdf written");
    assert!(bytes.starts_with(b"%PDF-"));
    assert!(stdout(&o).contains("doc.pdf"), "{}", stdout(&o));
    assert_eq!(listing(dir.path()), ["doc.pdf", "doc.yaml"]);
}

#[test]
fn build_with_typst_also_writes_the_source() {
    let (dir, doc) = workdir();
    let o = run(vanban()
        .args(["build", "--typst"])
        .arg(&doc)
        .current_dir(dir.path()));
    assert_exit(&o, 0);
    assert_eq!(listing(dir.path()), ["doc.pdf", "doc.typ", "doc.yaml"]);
    let typ = fs::read_to_string(dir.path().join("doc.typ")).unwrap();
    assert!(typ.contains("/layouts/nd30.typ"), "{typ}");
    assert!(typ.contains("PHÒNG GIÁO DỤC VÀ ĐÀO TẠO"));
}

#[test]
fn build_into_an_output_folder() {
    let (dir, doc) = workdir();
    let other = dir.path().join("second.yaml");
    fs::copy(&doc, &other).unwrap();
    let out = dir.path().join("out");
    let o = run(vanban()
        .arg("build")
        .arg(&doc)
        .arg(&other)
        .arg("-o")
        .arg(&out));
    assert_exit(&o, 0);
    assert_eq!(listing(&out), ["doc.pdf", "second.pdf"]);
    assert_eq!(listing(dir.path()), ["doc.yaml", "out", "second.yaml"]);
}

#[test]
fn check_writes_nothing() {
    let (dir, doc) = workdir();
    let before = listing(dir.path());
    let o = run(vanban().arg("check").arg(&doc).current_dir(dir.path()));
    assert_exit(&o, 0);
    assert!(stdout(&o).contains("ok"), "{}", stdout(&o));
    assert_eq!(listing(dir.path()), before);
}

#[test]
fn unknown_key_is_located_with_a_suggestion() {
    let dir = tempfile::tempdir().unwrap();
    let doc = dir.path().join("file.yaml");
    fs::write(
        &doc,
        "loai: ke_hoach\nco_quan: PHÒNG GIÁO DỤC VÀ ĐÀO TẠO\ntrich_yue: Kế hoạch\n",
    )
    .unwrap();
    for cmd in ["build", "check"] {
        let o = run(vanban().arg(cmd).arg("file.yaml").current_dir(dir.path()));
        assert_exit(&o, 1);
        let err = stderr(&o);
        assert!(err.contains("file.yaml:3:1"), "{cmd}: {err}");
        assert!(err.contains("trich_yue"), "{cmd}: {err}");
        assert!(err.contains("did you mean"), "{cmd}: {err}");
        assert!(err.contains("trich_yeu"), "{cmd}: {err}");
        assert!(!err.contains("\u{1b}["), "colour codes in a pipe: {err}");
    }
    assert_eq!(listing(dir.path()), ["file.yaml"]);
}

#[test]
fn nested_unknown_key_is_located() {
    let dir = tempfile::tempdir().unwrap();
    let doc = dir.path().join("file.yaml");
    fs::write(
        &doc,
        "loai: cong_van\nco_quan: PHÒNG GD&ĐT\nnguoi_ky:\n  chuc_vu: TRƯỞNG PHÒNG\n  ho_tne: Nguyễn Văn A\n",
    )
    .unwrap();
    let o = run(vanban()
        .arg("check")
        .arg("file.yaml")
        .current_dir(dir.path()));
    assert_exit(&o, 1);
    let err = stderr(&o);
    assert!(err.contains("file.yaml:5:3"), "{err}");
    assert!(err.contains("did you mean"), "{err}");
}

#[test]
fn usage_errors_exit_2() {
    let o = run(&mut vanban());
    assert_exit(&o, 2);
    assert!(
        stderr(&o).to_lowercase().contains("usage"),
        "{}",
        stderr(&o)
    );
    let o = run(vanban().arg("build"));
    assert_exit(&o, 2);
    let o = run(vanban().arg("nonsense"));
    assert_exit(&o, 2);
    let o = run(vanban().args(["build", "--no-such-flag", "x.yaml"]));
    assert_exit(&o, 2);
}

#[test]
fn missing_input_is_a_document_error() {
    let dir = tempfile::tempdir().unwrap();
    let o = run(vanban()
        .args(["build", "nowhere.yaml"])
        .current_dir(dir.path()));
    assert_exit(&o, 1);
    assert!(stderr(&o).contains("nowhere.yaml"), "{}", stderr(&o));
}

#[test]
fn works_without_fontconfig_from_another_folder() {
    let (dir, _) = workdir();
    let sub = dir.path().join("elsewhere");
    fs::create_dir(&sub).unwrap();
    let o = run(vanban()
        .args(["build", "../doc.yaml"])
        .env("FONTCONFIG_FILE", "/dev/null")
        .env("HOME", &sub)
        .env_remove("XDG_DATA_HOME")
        .current_dir(&sub));
    assert_exit(&o, 0);
    let bytes = fs::read(dir.path().join("doc.pdf")).expect("PDF beside the input");
    assert!(bytes.starts_with(b"%PDF-"));
    assert!(listing(&sub).is_empty(), "wrote into the current folder");
}

#[test]
fn failed_build_leaves_the_previous_pdf_untouched() {
    let (dir, doc) = workdir();
    let o = run(vanban().arg("build").arg(&doc));
    assert_exit(&o, 0);
    let pdf = dir.path().join("doc.pdf");
    let before = fs::read(&pdf).unwrap();
    let good = fs::read_to_string(&doc).unwrap();
    for broken in [
        format!("{good}\nkhong_co: 1\n"),
        good.replace("loai: cong_van", "loai: cong_vn"),
        good.replace("ngay: 2023-10-02", "ngay: 2023-02-30"),
        "loai: [\n".to_owned(),
    ] {
        fs::write(&doc, &broken).unwrap();
        let o = run(vanban().args(["build", "--typst"]).arg(&doc));
        assert_exit(&o, 1);
        assert!(
            fs::read(&pdf).unwrap() == before,
            "the PDF changed after a failed build"
        );
        let names = listing(dir.path());
        assert!(
            names.iter().all(|n| !n.starts_with(".vanban-")),
            "temporary files left: {names:?}"
        );
    }
}

#[test]
fn one_bad_document_does_not_stop_the_others() {
    let (dir, doc) = workdir();
    let bad = dir.path().join("bad.yaml");
    fs::write(&bad, "loai: ke_hoach\nxyz: 1\n").unwrap();
    let o = run(vanban().arg("build").arg(&bad).arg(&doc));
    assert_exit(&o, 1);
    assert!(dir.path().join("doc.pdf").is_file());
    assert!(!dir.path().join("bad.pdf").exists());
    assert!(stderr(&o).contains("bad.yaml"), "{}", stderr(&o));
}

#[test]
fn source_date_epoch_gives_identical_pdfs() {
    let (dir, doc) = workdir();
    let mut outputs = Vec::new();
    for _ in 0..2 {
        let o = run(vanban()
            .arg("build")
            .arg(&doc)
            .env("SOURCE_DATE_EPOCH", "1700000000"));
        assert_exit(&o, 0);
        outputs.push(fs::read(dir.path().join("doc.pdf")).unwrap());
    }
    assert!(outputs[0] == outputs[1], "PDFs differ between runs");
}

#[test]
fn schema_is_json_with_the_vocabulary() {
    let o = run(vanban().arg("schema"));
    assert_exit(&o, 0);
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).expect("JSON");
    let props = v["properties"].as_object().expect("properties");
    for key in [
        "loai",
        "co_quan",
        "so",
        "ky_hieu",
        "trich_yeu",
        "noi_dung",
        "noi_nhan",
    ] {
        assert!(props.contains_key(key), "schema lacks {key}");
    }
}

/// Runs a poppler tool; panics with an install hint when it is missing.
fn poppler(tool: &str, args: &[&Path]) -> String {
    let o = Command::new(tool)
        .args(args)
        .output()
        .unwrap_or_else(|e| panic!("{tool} not runnable ({e}): install poppler-utils"));
    assert!(o.status.success(), "{tool} failed: {}", stderr(&o));
    stdout(&o)
}

fn built_example() -> (tempfile::TempDir, PathBuf) {
    let (dir, doc) = workdir();
    let o = run(vanban().arg("build").arg(&doc));
    assert_exit(&o, 0);
    let pdf = dir.path().join("doc.pdf");
    (dir, pdf)
}

#[test]
fn pdffonts_lists_only_embedded_liberation_serif() {
    let (_dir, pdf) = built_example();
    let out = poppler("pdffonts", &[&pdf]);
    // name type encoding emb sub uni object ID, after two header lines.
    let rows: Vec<&str> = out
        .lines()
        .skip(2)
        .filter(|l| !l.trim().is_empty())
        .collect();
    assert!(!rows.is_empty(), "{out}");
    for row in &rows {
        let name = row.split_whitespace().next().unwrap();
        let base = name.split_once('+').map_or(name, |(_, b)| b);
        assert!(
            base.starts_with("LiberationSerif"),
            "font {name} is not Liberation Serif:\n{out}"
        );
        let cols: Vec<&str> = row.split_whitespace().collect();
        let n = cols.len();
        // emb, sub, uni are the three columns before the object id.
        assert_eq!(cols[n - 5], "yes", "not embedded: {row}");
        assert_eq!(cols[n - 3], "yes", "no ToUnicode map: {row}");
    }
    // Regular, bold and italic are all used by the example.
    for style in ["LiberationSerif-Bold", "LiberationSerif-Italic"] {
        assert!(out.contains(style), "{style} missing:\n{out}");
    }
}

#[test]
fn pdftotext_reads_vietnamese_with_diacritics() {
    let (dir, pdf) = built_example();
    let txt = dir.path().join("doc.txt");
    poppler("pdftotext", &[&pdf, &txt]);
    let text = fs::read_to_string(&txt).unwrap();
    let flat = norm(&text);
    for needle in [
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "Độc lập - Tự do - Hạnh phúc",
        "PHÒNG GIÁO DỤC VÀ ĐÀO TẠO",
        "Số: 05/PGDĐT",
        "Bùi Văn Nhựt",
    ] {
        assert!(flat.contains(needle), "{needle:?} not in:\n{text}");
    }
    // NFC: precomposed letters, no combining marks split off.
    assert!(
        !text.chars().any(|c| ('\u{300}'..='\u{36f}').contains(&c)),
        "combining marks in the text layer"
    );
}
