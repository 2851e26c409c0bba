//! Electronic copies (`vanban sao`): the original's pages and text kept,
//! the copy's page with its mark and number, and the copying
//! organisation's signature at the top right of page 1, valid for pdfsig
//! and pyHanko.

use std::path::Path;
use std::process::Command;

use crate::sign::{ok, pdfsig, pki, pyhanko, signed_both, vanban_in, Project, P12_PASSWORD};

fn text(pdf: &Path, page: usize) -> String {
    let o = Command::new("pdftotext")
        .args(["-layout", "-f", &page.to_string(), "-l", &page.to_string()])
        .arg(pdf)
        .arg("-")
        .output()
        .expect("pdftotext (poppler-utils)");
    String::from_utf8_lossy(&o.stdout).into_owned()
}

fn pages(pdf: &Path) -> usize {
    let o = Command::new("pdfinfo").arg(pdf).output().unwrap();
    String::from_utf8_lossy(&o.stdout)
        .lines()
        .find_map(|l| l.strip_prefix("Pages:"))
        .unwrap()
        .trim()
        .parse()
        .unwrap()
}

fn sao(dir: &Path, pdf: &Path, form: &str, out: &str) -> std::process::Output {
    vanban_in(dir, Some(P12_PASSWORD))
        .env("LANGUAGE", "en")
        .arg("sao")
        .arg(pdf)
        .args(["--hinh-thuc", form])
        .args(["--co-quan", "VĂN PHÒNG HĐND VÀ UBND"])
        .args(["--co-quan-chu-quan", "UBND HUYỆN THỦ THỪA"])
        .args(["--so", "5", "--ky-hieu", "VP"])
        .args(["--dia-danh", "Thủ Thừa", "--ngay", "2026-11-30"])
        .args([
            "--quyen-han",
            "TL. CHỦ TỊCH",
            "--chuc-vu",
            "CHÁNH VĂN PHÒNG",
        ])
        .args(["--ho-ten", "Trần Văn Bình"])
        .args([
            "--noi-nhan",
            "UBND xã An Thạnh",
            "--noi-nhan",
            "Trường THCS Thủ Thừa",
        ])
        .arg("--p12")
        .arg(&pki().org_p12)
        .args(["-o", out])
        .output()
        .unwrap()
}

#[test]
fn a_sao_y_keeps_the_original_adds_its_page_and_is_signed() {
    let p = Project::new();
    let original = signed_both(&p, false);
    let original_bytes = std::fs::read(&original).unwrap();
    let n = pages(&original);
    ok(&sao(p.dir.path(), &original, "sao-y", "ban-sao.pdf"));
    let copy = p.path("ban-sao.pdf");
    assert_eq!(
        std::fs::read(&original).unwrap(),
        original_bytes,
        "original untouched"
    );
    // The original's bytes are the copy's first bytes (an update appended).
    assert!(std::fs::read(&copy).unwrap().starts_with(&original_bytes));

    // Every page of the original, its text still there; one page more.
    assert_eq!(pages(&copy), n + 1);
    let norm = |s: &str| s.split_whitespace().collect::<Vec<_>>().join(" ");
    for page in 1..=n {
        let before = norm(&text(&original, page));
        let after = norm(&text(&copy, page));
        assert!(!before.is_empty());
        for word in before.split(' ') {
            assert!(after.contains(word), "page {page}: `{word}` lost");
        }
    }
    // The copy's page: mark, organisation, number, place and date, signer,
    // Nơi nhận.
    let last = norm(&text(&copy, n + 1));
    for needle in [
        "UBND HUYỆN THỦ THỪA",
        "VĂN PHÒNG HĐND VÀ UBND",
        "SAO Y",
        "Số: 05/SY-VP",
        "Thủ Thừa, ngày 30 tháng 11 năm 2026",
        "TL. CHỦ TỊCH",
        "CHÁNH VĂN PHÒNG",
        "Trần Văn Bình",
        "Nơi nhận:",
        "- UBND xã An Thạnh;",
        "- Trường THCS Thủ Thừa;",
        "- Lưu: VT.",
    ] {
        assert!(
            last.contains(needle),
            "`{needle}` not on the copy's page:\n{last}"
        );
    }
    // Page 1, top right: the copying organisation's signature as text.
    let first = text(&copy, 1);
    let top: Vec<&str> = first
        .lines()
        .filter(|l| !l.trim().is_empty())
        .take(6)
        .collect();
    let top = top.join("\n");
    assert!(top.contains("SAO Y"), "{top}");
    assert!(top.contains("Số, ký hiệu: 05/SY-VP"), "{top}");
    let time =
        regex::Regex::new(r"Thời gian ký: \d{2}/\d{2}/\d{4}; \d{2}:\d{2}:\d{2} \+07:00").unwrap();
    assert!(time.is_match(&top), "{top}");

    // The block sits above the original's text, in the top margin.
    let before = crate::attached::words(&original);
    let after = crate::attached::words(&copy);
    let top_of_text = before.iter().map(|w| w.2).fold(f64::MAX, f64::min);
    let added: Vec<_> = after.iter().filter(|w| !before.contains(w)).collect();
    assert!(added.iter().any(|w| w.0 == "SAO"), "{added:?}");
    for w in &added {
        assert!(
            w.4 <= top_of_text + 0.5,
            "{w:?} overlaps the original's text"
        );
    }

    // vanban's own check: the original's two signatures hold for what they
    // signed, the copy's for the whole file.
    let (good, report) = crate::sign::xac_minh(p.dir.path(), &copy, Some(&pki().ca_pem));
    assert!(good, "{report}");
    assert_eq!(report.matches("HỢP LỆ").count(), 3, "{report}");
    let sao_part = report.split("sao: ").nth(1).unwrap_or_default();
    assert!(sao_part.contains("toàn bộ tệp"), "{report}");
    // Three signatures, all valid; the copy's covers the whole file.
    let out = pdfsig(&copy);
    assert_eq!(out.matches("Signature is Valid").count(), 3, "{out}");
    assert!(out.contains("Total document signed"), "{out}");
    let (good, report) = pyhanko(&copy);
    assert!(good, "{report}");
    assert!(
        report.contains("sao: intact=True valid=True trusted=True coverage=ENTIRE_FILE"),
        "{report}"
    );
}

#[test]
fn sao_luc_and_trich_sao_carry_their_own_mark_and_abbreviation() {
    let p = Project::new();
    let original = signed_both(&p, false);
    for (form, mark, abbr) in [
        ("sao-luc", "SAO LỤC", "05/SL-VP"),
        ("trich-sao", "TRÍCH SAO", "05/TrS-VP"),
    ] {
        let out = format!("{form}.pdf");
        ok(&sao(p.dir.path(), &original, form, &out));
        let copy = p.path(&out);
        let last = text(&copy, pages(&copy));
        assert!(last.contains(mark) && last.contains(abbr), "{last}");
        assert!(text(&copy, 1).contains(&format!("Số, ký hiệu: {abbr}")));
        assert_eq!(pdfsig(&copy).matches("Signature is Valid").count(), 3);
    }
}

#[test]
fn a_file_that_is_not_a_pdf_is_refused_and_nothing_is_written() {
    let p = Project::new();
    let bad = p.path("khong-phai.pdf");
    std::fs::write(&bad, "không phải PDF").unwrap();
    let o = sao(p.dir.path(), &bad, "sao-y", "ra.pdf");
    assert!(!o.status.success());
    let e = String::from_utf8_lossy(&o.stderr);
    assert!(e.contains("cannot read the PDF"), "{e}");
    assert!(!p.path("ra.pdf").exists());
}
