//! Archive-grade output: byte-identical rebuilds, metadata, PDF/A, register.

use std::path::{Path, PathBuf};
use std::process::Command;

use crate::common::{root, run, vanban};

fn vanban_in(dir: &Path, tz: &str, args: &[&str]) -> std::process::Output {
    run(vanban()
        .current_dir(dir)
        .env("TZ", tz)
        .env("LC_ALL", "C")
        .args(args))
}

fn documents() -> Vec<(PathBuf, PathBuf)> {
    vanban::commands::build::expand_inputs_with_dirs(&[root().join("data")]).unwrap()
}

#[test]
fn every_document_rebuilds_byte_identical_across_cwd_and_timezone() {
    let a = tempfile::tempdir().unwrap();
    let b = tempfile::tempdir().unwrap();
    let data = root().join("data");
    let data = data.to_str().unwrap();
    let out_a = a.path().join("out");
    let out_b = b.path().join("out");
    let ra = vanban_in(
        a.path(),
        "UTC",
        &["build", data, "-o", out_a.to_str().unwrap()],
    );
    assert!(
        ra.status.success(),
        "{}",
        String::from_utf8_lossy(&ra.stderr)
    );
    let rb = vanban_in(
        &root(),
        "Asia/Ho_Chi_Minh",
        &["build", data, "-o", out_b.to_str().unwrap()],
    );
    assert!(
        rb.status.success(),
        "{}",
        String::from_utf8_lossy(&rb.stderr)
    );
    let docs = documents();
    assert!(docs.len() >= 10, "{docs:?}");
    for (d, rel) in docs {
        // `build DIR -o OUT` mirrors the folders under DIR.
        let name = rel.join(format!("{}.pdf", d.file_stem().unwrap().to_string_lossy()));
        let x = std::fs::read(out_a.join(&name)).unwrap();
        let y = std::fs::read(out_b.join(&name)).unwrap();
        assert!(x == y, "{} differs between builds", name.display());
    }
}

fn pdfinfo(pdf: &Path) -> String {
    let out = Command::new("pdfinfo")
        .arg(pdf)
        .output()
        .expect("pdfinfo (poppler-utils)");
    String::from_utf8_lossy(&out.stdout).into_owned()
}

fn field<'a>(info: &'a str, key: &str) -> &'a str {
    info.lines()
        .find_map(|l| l.strip_prefix(&format!("{key}:")))
        .map(str::trim)
        .unwrap_or_else(|| panic!("no {key} in\n{info}"))
}

#[test]
fn metadata_reads_back_from_the_pdf() {
    let dir = tempfile::tempdir().unwrap();
    let src = root().join("data/chuoi/2023/huyen-thu-thua/ke-hoach.yaml");
    let r = vanban_in(
        dir.path(),
        "UTC",
        &["build", src.to_str().unwrap(), "-o", "."],
    );
    assert!(r.status.success(), "{}", String::from_utf8_lossy(&r.stderr));
    let pdf = dir.path().join("ke-hoach.pdf");
    let info = pdfinfo(&pdf);
    assert_eq!(
        field(&info, "Title"),
        "Kế hoạch Tổ chức Tuần lễ hưởng ứng học tập suốt đời năm 2023"
    );
    assert_eq!(field(&info, "Author"), "ỦY BAN NHÂN DÂN HUYỆN THỦ THỪA");
    assert!(field(&info, "Subject").starts_with(
        "Kế hoạch số 5758/KH-UBND ngày 02/10/2023 của Ủy ban nhân dân huyện Thủ Thừa"
    ));
    assert_eq!(field(&info, "Keywords"), "ke_hoach, 5758/KH-UBND");
    assert_eq!(
        field(&info, "Creator"),
        format!("vanban {}", env!("CARGO_PKG_VERSION"))
    );
    assert!(field(&info, "CreationDate").contains("2023"), "{info}");
    let doc = lopdf::Document::load(&pdf).unwrap();
    let catalog = doc.catalog().unwrap();
    let lang = catalog.get(b"Lang").unwrap().as_str().unwrap();
    assert_eq!(lang, b"vi-VN");
}

#[test]
fn pdf_a_passes_qpdf_and_declares_part_2b() {
    let dir = tempfile::tempdir().unwrap();
    let src = root().join("data/examples/cong-van.yaml");
    let r = vanban_in(
        dir.path(),
        "UTC",
        &["build", src.to_str().unwrap(), "-o", ".", "--pdf-a"],
    );
    assert!(r.status.success(), "{}", String::from_utf8_lossy(&r.stderr));
    let pdf = dir.path().join("cong-van.pdf");
    crate::common::assert_qpdf_check(&pdf);
    let bytes = std::fs::read(&pdf).unwrap();
    let text = String::from_utf8_lossy(&bytes);
    assert!(
        text.contains("pdfaid:part>2<") || text.contains("pdfaid:part=\"2\""),
        "no PDF/A id"
    );
    assert!(text.contains("pdfaid:conformance>B<") || text.contains("pdfaid:conformance=\"B\""));
}

#[test]
fn register_lists_by_date_and_flags_duplicate_numbers() {
    let dir = tempfile::tempdir().unwrap();
    let doc = |so: u32, ngay: &str| {
        format!("loai: ke_hoach\nco_quan: PHÒNG GD&ĐT\nso: {so}\nky_hieu: PGDĐT\nngay: {ngay}\ntrich_yeu: X\n")
    };
    std::fs::write(dir.path().join("b.yaml"), doc(12, "2023-10-05")).unwrap();
    std::fs::write(dir.path().join("a.yaml"), doc(12, "2023-03-01")).unwrap();
    std::fs::write(dir.path().join("c.yaml"), doc(12, "2022-01-01")).unwrap();
    let r = vanban_in(dir.path(), "UTC", &["list", ".", "--format", "csv"]);
    assert!(r.status.success());
    let csv = String::from_utf8_lossy(&r.stdout);
    let rows: Vec<&str> = csv.lines().skip(1).collect();
    assert_eq!(rows.len(), 3, "{csv}");
    assert!(
        rows[0].starts_with("12/KH-PGDĐT,2022-01-01,Kế hoạch,") && rows[0].ends_with(",no"),
        "{csv}"
    );
    assert!(
        rows[1].contains("2023-03-01") && rows[1].ends_with(",yes"),
        "{csv}"
    );
    assert!(
        rows[2].contains("2023-10-05") && rows[2].ends_with(",yes"),
        "{csv}"
    );
    let r = vanban_in(dir.path(), "UTC", &["list", ".", "--format", "json"]);
    let json: serde_json::Value = serde_json::from_slice(&r.stdout).unwrap();
    assert_eq!(json.as_array().unwrap().len(), 3);
}
