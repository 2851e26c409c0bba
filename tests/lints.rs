//! Plausible mistakes that still build are warned about at their line and
//! column by `vanban check` (and `build`): a weekday that does not match
//! its date, a số holding the ký hiệu, a trích yếu repeating `V/v`, merged
//! recipients, a group label without its colon, a year of another year
//! outside citations. The committed documents give none.

use crate::common::*;

/// `vanban check` on `yaml` written to a temporary file: its path, text and
/// what it printed on stderr.
fn check(yaml: &str) -> (String, String) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("doc.yaml");
    std::fs::write(&path, yaml).unwrap();
    let o = run(vanban().arg("check").arg(&path));
    assert_exit(&o, 0);
    (path.display().to_string(), stderr(&o))
}

/// The `file:line:column` of the first `needle` in `text` (1-based,
/// characters).
fn place(path: &str, text: &str, needle: &str) -> String {
    let (i, line) = text
        .lines()
        .enumerate()
        .find(|(_, l)| l.contains(needle))
        .unwrap_or_else(|| panic!("`{needle}` not in the text"));
    let col = line[..line.find(needle).unwrap()].chars().count() + 1;
    format!("{path}:{}:{col}", i + 1)
}

/// Asserts that a warning containing `message` points at `needle`.
#[track_caller]
fn assert_warned(out: &str, path: &str, yaml: &str, needle: &str, message: &str) {
    let at = place(path, yaml, needle);
    let found = out.split("warning: ").any(|w| {
        w.contains(message)
            && w.lines()
                .any(|l| l.trim_start().starts_with(&format!("┌─ {at}")))
    });
    assert!(found, "no warning `{message}` at {at}:\n{out}");
}

const BASE: &str = "co_quan: PHÒNG GIÁO DỤC VÀ ĐÀO TẠO\ndia_danh: Thủ Thừa\nnguoi_ky: {chuc_vu: TRƯỞNG PHÒNG, ho_ten: Nguyễn Văn A}\n";

#[test]
fn a_weekday_that_does_not_match_its_date_is_warned_at_its_place() {
    let yaml = format!(
        "loai: giay_moi\n{BASE}ngay: 2026-05-20\nnoi_dung:\n  - 07 giờ 30 phút, *thứ Sáu, ngày 31/5/2026* (buổi sáng).\n  - Nghỉ học ngày 06/10/2026 (thứ Ba).\nnoi_nhan: [\"Lưu: VT\"]\n"
    );
    let (path, out) = check(&yaml);
    assert_warned(&out, &path, &yaml, "thứ Sáu", "that day is Chủ nhật");
    // 06/10/2026 is a Tuesday: nothing to say.
    assert_eq!(out.matches("that day is").count(), 1, "{out}");
}

#[test]
fn a_so_holding_the_ky_hieu_is_warned_and_prints_twice() {
    let yaml = format!(
        "loai: giay_moi\n{BASE}so: 215/GM-PGDĐT\nky_hieu: GM-PGDĐT\nngay: 2026-05-20\nnoi_dung: [Kính mời.]\nnoi_nhan: [\"Lưu: VT\"]\n"
    );
    let (path, out) = check(&yaml);
    assert_warned(
        &out,
        &path,
        &yaml,
        "215/GM-PGDĐT",
        "Số: 215/GM-PGDĐT/GM-PGDĐT",
    );
    // What it warns about is what prints.
    let t = all_text(&lines(&flatten(&layout_yaml(&yaml))));
    assert!(t.contains("Số: 215/GM-PGDĐT/GM-PGDĐT"), "{t}");
}

#[test]
fn a_trich_yeu_repeating_v_v_is_warned() {
    for start in ["V/v", "Về việc"] {
        let yaml = format!(
            "loai: cong_van\n{BASE}ky_hieu: PGDĐT\nngay: 2026-05-20\ntrich_yeu: {start} triển khai Tuần lễ\nkinh_gui: [Các trường]\nnoi_dung: [Nội dung.]\nnoi_nhan: [\"Lưu: VT\"]\n"
        );
        let (path, out) = check(&yaml);
        assert_warned(&out, &path, &yaml, start, &format!("“V/v {start} …”"));
        let t = all_text(&lines(&flatten(&layout_yaml(&yaml))));
        assert!(t.contains(&format!("V/v {start} triển khai")), "{t}");
    }
}

#[test]
fn merged_recipients_and_a_label_without_colon_are_warned() {
    let yaml = format!(
        "loai: cong_van\n{BASE}ky_hieu: PGDĐT\nngay: 2026-05-20\ntrich_yeu: triển khai\nkinh_gui:\n  - Các trường; - Phòng Tài chính - Kế hoạch\nnoi_dung: [Nội dung.]\nnoi_nhan:\n  - Như trên\n  - Bản điện tử\n  - Sở GD&ĐT\n    - UBND huyện\n  - Phòng Tài chính - Kế hoạch\n  - \"Lưu: VT\"\n"
    );
    let (path, out) = check(&yaml);
    assert_warned(&out, &path, &yaml, "Các trường; -", "“; -”");
    assert_warned(&out, &path, &yaml, "Bản điện tử", "lacks its colon");
    assert_warned(&out, &path, &yaml, "Sở GD&ĐT", "“ - ”");
    // A name with a dash is one recipient.
    assert!(
        !out.contains("“Phòng Tài chính - Kế hoạch” contains"),
        "{out}"
    );
    // What the merged item prints: two recipients on one line.
    let t = all_text(&lines(&flatten(&layout_yaml(&yaml))));
    assert!(t.contains("Sở GD&ĐT - UBND huyện"), "{t}");
}

#[test]
fn a_year_before_the_documents_outside_citations_is_warned() {
    let yaml = format!(
        "loai: ke_hoach\n{BASE}ngay: 2024-09-20\ntrich_yeu: Tuần lễ năm 2024\nnoi_dung:\n  - Thực hiện Công văn số 12/SGDĐT ngày 01/9/2023 của Sở về Tuần lễ năm 2023, tổ chức năm học 2023-2024.\n  - Báo cáo trước ngày 15/10/2023.\nnoi_nhan: [\"Lưu: VT\"]\n"
    );
    let (path, out) = check(&yaml);
    assert_warned(
        &out,
        &path,
        &yaml,
        "15/10/2023",
        "a year other than the document's (2024)",
    );
    assert_eq!(out.matches("a year other than").count(), 1, "{out}");
}

#[test]
fn the_committed_documents_give_no_warning() {
    let o = run(vanban().arg("check").arg(root().join("data")));
    assert_exit(&o, 0);
    // (The register's gaps between the numbers of the examples, `number …
    // is missing before`, are the register's question, issue 19: not counted here.)
    let err = stderr(&o);
    let warnings: Vec<&str> = err
        .split("warning: ")
        .skip(1)
        .filter(|w| !(w.starts_with("number ") && w.contains("is missing before")))
        .collect();
    assert!(warnings.is_empty(), "{warnings:#?}");
}
