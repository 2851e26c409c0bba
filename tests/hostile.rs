//! Large and hostile input (issue 22): nothing lost from the PDF, nothing
//! crashes, every limit a located message.

use std::path::Path;

use crate::common::*;

/// The text pdftotext reads back from `pdf`, one line per line.
fn pdf_text(pdf: &Path) -> String {
    let o = std::process::Command::new("pdftotext")
        .arg(pdf)
        .arg("-")
        .output()
        .expect("pdftotext (poppler-utils)");
    assert!(o.status.success(), "pdftotext failed on {}", pdf.display());
    String::from_utf8_lossy(&o.stdout).into_owned()
}

/// The example công văn with `tail` in place of its `noi_nhan:` and
/// `nguoi_ky:` keys.
fn cong_van_with(tail: &str) -> String {
    let text = std::fs::read_to_string(root().join("data/examples/cong-van.yaml")).unwrap();
    let head = text.split("nguoi_ky:").next().unwrap();
    format!("{head}{tail}")
}

/// Builds `yaml` with the command line; returns the PDF's text.
fn build_text(yaml: &str) -> String {
    let dir = tempfile::tempdir().unwrap();
    let doc = dir.path().join("doc.yaml");
    std::fs::write(&doc, yaml).unwrap();
    let o = run(vanban().arg("build").arg(&doc));
    assert_exit(&o, 0);
    pdf_text(&dir.path().join("doc.pdf"))
}

#[test]
fn every_recipient_and_the_luu_line_print_however_long_the_list() {
    for n in [1, 20, 45, 60, 120, 500] {
        let mut tail = String::from(
            "nguoi_ky:\n  quyen_han: KT. TRƯỞNG PHÒNG\n  chuc_vu: PHÓ TRƯỞNG PHÒNG\n  ho_ten: Bùi Văn Nhựt\nnoi_nhan:\n",
        );
        for i in 1..=n {
            tail.push_str(&format!("  - Trường Tiểu học số {i}\n"));
        }
        tail.push_str("  - \"Lưu: VT, GDTX\"\n");
        let text = build_text(&cong_van_with(&tail));
        let lines: Vec<&str> = text.lines().map(str::trim).collect();
        for i in 1..=n {
            let want = format!("- Trường Tiểu học số {i};");
            assert!(
                lines.contains(&want.as_str()),
                "{n} recipients: {want:?} missing from the PDF:\n{text}"
            );
        }
        assert!(
            lines.contains(&"- Lưu: VT, GDTX."),
            "{n} recipients: the Lưu line is missing:\n{text}"
        );
        assert!(text.contains("Bùi Văn Nhựt"), "{n}: signer missing");
    }
}

#[test]
fn every_line_of_a_long_signer_block_prints() {
    let mut tail = String::from("nguoi_ky:\n  quyen_han:\n");
    for i in 1..=70 {
        tail.push_str(&format!("    - THỪA LỆNH SỐ {i}\n"));
    }
    tail.push_str(
        "  chuc_vu: PHÓ TRƯỞNG PHÒNG\n  ho_ten: Bùi Văn Nhựt\nnoi_nhan:\n  - Như trên\n  - \"Lưu: VT, GDTX\"\n",
    );
    let text = build_text(&cong_van_with(&tail));
    for i in 1..=70 {
        assert!(
            text.contains(&format!("THỪA LỆNH SỐ {i}\n")),
            "signer line {i} missing:\n{text}"
        );
    }
    for want in ["PHÓ TRƯỞNG PHÒNG", "Bùi Văn Nhựt", "Lưu: VT, GDTX."] {
        assert!(text.contains(want), "{want:?} missing:\n{text}");
    }
}
