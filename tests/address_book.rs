//! The address book (`so-dia-chi.yaml`): `"@key"` recipients printed with
//! their full names, checked with located errors and suggestions, recorded
//! by their names in the register; organisation codes validated.

use std::fs;
use std::path::Path;

use crate::common::{assert_exit, run, stderr, vanban};
use crate::register::{pdftotext, project, rows};

/// Two offices and two schools, the schools in one group.
pub(crate) const BOOK: &str = "\
# Sổ địa chỉ của phòng
so-gddt:
  ten: Sở Giáo dục và Đào tạo tỉnh Bắc Giang
  ma_dinh_danh: 000.00.12.H06
  nhom: [cap-tren]
ubnd-huyen:
  ten: Ủy ban nhân dân huyện Hiệp Hòa
  nhom: cap-tren
thpt-1: {ten: Trường THPT Hiệp Hòa số 1, nhom: [truong], dia_chi: xã Hương Lâm}
thpt-2: {ten: Trường THPT Hiệp Hòa số 2, nhom: [truong]}
thpt-3: Trường THPT Hiệp Hòa số 3
";

const LETTER: &str = "\
loai: cong_van
co_quan_chu_quan: UBND HUYỆN HIỆP HÒA
co_quan: PHÒNG GIÁO DỤC VÀ ĐÀO TẠO
ky_hieu: PGDĐT
dia_danh: Hiệp Hòa
ngay: 2026-03-02
trich_yeu: kiểm tra cơ sở vật chất
kinh_gui:
  - \"@truong\"
  - \"@thpt-3\"
noi_dung:
  - Đề nghị các trường chuẩn bị hồ sơ.
nguoi_ky:
  chuc_vu: TRƯỞNG PHÒNG
  ho_ten: Nguyễn Văn A
noi_nhan:
  - Như trên
  - \"@so-gddt (b/c)\"
  - \"@ubnd-huyen\"
  - \"Lưu: VT\"
";

fn flat(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[test]
fn references_print_the_full_names_of_entries_and_groups() {
    let (dir, files) = project(&["cv.yaml"], LETTER);
    fs::write(dir.path().join("so-dia-chi.yaml"), BOOK).unwrap();
    let o = run(vanban().arg("build").arg(&files[0]));
    assert_exit(&o, 0);
    let text = pdftotext(&files[0].with_extension("pdf"), "-layout");
    let lines: Vec<String> = text.lines().map(flat).collect();
    // The group expands to its members in the order of the book, each its
    // own Kính gửi line; the tail after the key is kept.
    for want in [
        "- Trường THPT Hiệp Hòa số 1;",
        "- Trường THPT Hiệp Hòa số 2;",
        "- Trường THPT Hiệp Hòa số 3.",
        "- Sở Giáo dục và Đào tạo tỉnh Bắc Giang (b/c);",
        "- Ủy ban nhân dân huyện Hiệp Hòa;",
    ] {
        assert!(lines.iter().any(|l| l.contains(want)), "{want}\n{text}");
    }
    assert!(!text.contains('@'), "{text}");
    let at = |needle: &str| lines.iter().position(|l| l.contains(needle)).unwrap();
    assert!(at("số 1;") < at("số 2;") && at("số 2;") < at("số 3."));
    // A folder check passes: the book is no document of the folder.
    let o = run(vanban().arg("check").arg(dir.path()));
    assert_exit(&o, 0);
    assert!(!stderr(&o).contains("so-dia-chi.yaml"), "{}", stderr(&o));
}

#[test]
fn an_unknown_key_is_located_with_the_closest_one() {
    let letter = LETTER.replace("\"@ubnd-huyen\"", "\"@ubnd-huyn\"");
    let (dir, files) = project(&["cv.yaml"], &letter);
    fs::write(dir.path().join("so-dia-chi.yaml"), BOOK).unwrap();
    let o = run(vanban().arg("check").arg(&files[0]));
    assert_exit(&o, 1);
    let err = stderr(&o);
    let line = letter
        .lines()
        .position(|l| l.contains("@ubnd-huyn"))
        .unwrap()
        + 1;
    assert!(err.contains(&format!("cv.yaml:{line}:5")), "{err}");
    assert!(err.contains("no entry or group `ubnd-huyn`"), "{err}");
    assert!(err.contains("did you mean `@ubnd-huyen`?"), "{err}");
    // In Vietnamese too.
    let o = run(vanban().env("LANGUAGE", "vi").arg("check").arg(&files[0]));
    assert!(
        stderr(&o).contains("có phải ý bạn là `@ubnd-huyen`?"),
        "{}",
        stderr(&o)
    );
    // Without an address book, the error says how to start one.
    fs::remove_file(dir.path().join("so-dia-chi.yaml")).unwrap();
    let o = run(vanban().arg("check").arg(&files[0]));
    assert_exit(&o, 1);
    let err = stderr(&o);
    let line = line_of(&letter, "@truong");
    assert!(err.contains(&format!("cv.yaml:{line}:5")), "{err}");
    assert!(err.contains("has no address book"), "{err}");
    assert!(err.contains("create so-dia-chi.yaml"), "{err}");
}

#[test]
fn an_unquoted_reference_gets_the_quoted_line_as_help() {
    let letter = LETTER.replace("  - \"@ubnd-huyen\"", "  - @ubnd-huyen");
    let (dir, files) = project(&["cv.yaml"], &letter);
    fs::write(dir.path().join("so-dia-chi.yaml"), BOOK).unwrap();
    let o = run(vanban().arg("check").arg(&files[0]));
    assert_exit(&o, 1);
    let err = stderr(&o);
    let line = line_of(&letter, "@ubnd-huyen");
    assert!(err.contains(&format!("cv.yaml:{line}:5")), "{err}");
    assert!(err.contains("double quotes: - \"@ubnd-huyen\""), "{err}");
}

#[test]
fn the_register_records_the_full_names() {
    let (dir, files) = project(&["cv.yaml"], LETTER);
    fs::write(dir.path().join("so-dia-chi.yaml"), BOOK).unwrap();
    let o = run(vanban()
        .arg("cap-so")
        .args(["--no-pdf", "--date", "2026-03-05"])
        .arg(&files[0]));
    assert_exit(&o, 0);
    let rows = rows(dir.path());
    assert_eq!(rows.len(), 1);
    assert_eq!(
        rows[0].recipients,
        "Trường THPT Hiệp Hòa số 1; Trường THPT Hiệp Hòa số 2; Trường THPT Hiệp Hòa số 3; \
         Sở Giáo dục và Đào tạo tỉnh Bắc Giang (b/c); Ủy ban nhân dân huyện Hiệp Hòa"
    );
    // The YAML keeps its references: the book stays the one place to edit.
    let text = fs::read_to_string(&files[0]).unwrap();
    assert!(text.contains("\"@so-gddt (b/c)\""), "{text}");
}

/// `vanban check` of the letter with `book` as the address book: the
/// error output.
fn check_with_book(book: &str) -> (String, tempfile::TempDir) {
    let (dir, files) = project(&["cv.yaml"], LETTER);
    fs::write(dir.path().join("so-dia-chi.yaml"), book).unwrap();
    let o = run(vanban().arg("check").arg(&files[0]));
    assert_exit(&o, 1);
    (stderr(&o), dir)
}

fn line_of(text: &str, needle: &str) -> usize {
    text.lines().position(|l| l.contains(needle)).unwrap() + 1
}

#[test]
fn organisation_codes_have_thirteen_characters_of_the_official_form() {
    for bad in [
        "000.00.12.H6",
        "00.00.12.H06X",
        "000.00.12.h06",
        "000-00-12-H06",
    ] {
        let book = BOOK.replace("000.00.12.H06", bad);
        let (err, _dir) = check_with_book(&book);
        let line = line_of(&book, bad);
        assert!(
            err.contains(&format!("so-dia-chi.yaml:{line}:17")),
            "{bad}: {err}"
        );
        assert!(
            err.contains(&format!("organisation code `{bad}` of `so-gddt`")),
            "{err}"
        );
        assert!(err.contains("13 characters like 000.00.00.H00"), "{err}");
    }
    // A correct code loads.
    let (dir, files) = project(&["cv.yaml"], LETTER);
    fs::write(dir.path().join("so-dia-chi.yaml"), BOOK).unwrap();
    assert_exit(&run(vanban().arg("check").arg(&files[0])), 0);
}

#[test]
fn address_book_mistakes_are_located_in_the_book() {
    // An unknown field, with the closest one.
    let book = BOOK.replace("  ma_dinh_danh:", "  ma_dinh_dan:");
    let (err, _dir) = check_with_book(&book);
    let line = line_of(&book, "ma_dinh_dan:");
    assert!(err.contains(&format!("so-dia-chi.yaml:{line}:3")), "{err}");
    assert!(err.contains("ma_dinh_danh"), "{err}");
    // A key with accents or capitals.
    let book = format!("{BOOK}Sở-Y-tế: Sở Y tế\n");
    let (err, _dir) = check_with_book(&book);
    let line = line_of(&book, "Sở-Y-tế");
    assert!(err.contains(&format!("so-dia-chi.yaml:{line}:1")), "{err}");
    assert!(err.contains("only lower-case letters"), "{err}");
    // A group named like an entry.
    let book = BOOK.replace("nhom: [truong]}", "nhom: [thpt-3]}");
    let (err, _dir) = check_with_book(&book);
    assert!(err.contains("the group `thpt-3` has the name"), "{err}");
    // An entry without a name.
    let book = format!("{BOOK}so-yte: {{ma_dinh_danh: 000.00.13.H06}}\n");
    let (err, _dir) = check_with_book(&book);
    assert!(err.contains("so-dia-chi.yaml:"), "{err}");
    assert!(err.contains("ten"), "{err}");
}

/// The book's own lines are where the PDF's names come from: editing the
/// book changes the next build.
#[test]
fn editing_the_book_changes_the_next_build() {
    let (dir, files) = project(&["cv.yaml"], LETTER);
    let book_path = dir.path().join("so-dia-chi.yaml");
    fs::write(&book_path, BOOK).unwrap();
    assert_exit(&run(vanban().arg("build").arg(&files[0])), 0);
    fs::write(
        &book_path,
        BOOK.replace("Ủy ban nhân dân huyện Hiệp Hòa", "UBND huyện Hiệp Hòa"),
    )
    .unwrap();
    assert_exit(&run(vanban().arg("build").arg(&files[0])), 0);
    let text = flat(&pdftotext(Path::new(&files[0].with_extension("pdf")), ""));
    assert!(text.contains("- UBND huyện Hiệp Hòa;"), "{text}");
}

// Mail merge over a group of the address book, and one merged PDF.

/// The number of pages of a PDF, by `pdfinfo`.
fn pages(pdf: &Path) -> usize {
    let o = std::process::Command::new("pdfinfo")
        .arg(pdf)
        .output()
        .expect("pdfinfo");
    String::from_utf8_lossy(&o.stdout)
        .lines()
        .find_map(|l| l.strip_prefix("Pages:"))
        .and_then(|n| n.trim().parse().ok())
        .unwrap()
}

/// The text of each page of a PDF (`pdftotext` ends pages with a form feed).
fn page_texts(pdf: &Path) -> Vec<String> {
    let mut all: Vec<String> = pdftotext(pdf, "").split('\u{c}').map(flat).collect();
    if all.last().is_some_and(String::is_empty) {
        all.pop();
    }
    all
}

#[test]
fn mail_merge_of_50_rows_writes_50_pdfs_and_one_merged_pdf() {
    let (dir, files) = project(&["gm.yaml"], crate::register::INVITATION);
    let csv = dir.path().join("khach.csv");
    let mut data = String::from("ho_ten,don_vi\n");
    for i in 1..=50 {
        data.push_str(&format!("Bà Lê Khách {i},Trường số {i}\n"));
    }
    fs::write(&csv, data).unwrap();
    let merged = dir.path().join("in-mot-lan.pdf");
    let o = run(vanban()
        .arg("tron-thu")
        .arg(&files[0])
        .arg(&csv)
        .args(["--numbers", "none", "--gop"])
        .arg(&merged));
    assert_exit(&o, 0);
    let pdfs: Vec<std::path::PathBuf> = stdout_lines(&o);
    assert_eq!(pdfs.len(), 50);
    assert!(
        stderr(&o).contains("merged 50 documents into"),
        "{}",
        stderr(&o)
    );
    // As many pages as the 50 PDFs together, in their order, each page of
    // the merged PDF the same text as the page it comes from.
    let mut want = Vec::new();
    for pdf in &pdfs {
        want.extend(page_texts(pdf));
    }
    assert_eq!(pages(&merged), want.len());
    let got = page_texts(&merged);
    assert_eq!(got, want);
    for i in 1..=50 {
        let name = format!("Bà Lê Khách {i} (Trường số {i})");
        let at = got.iter().position(|p| p.contains(&name)).unwrap();
        let before = got
            .iter()
            .position(|p| p.contains(&format!("Khách {} ", i + 1)));
        assert!(before.is_none_or(|b| b > at), "page order of {i}");
    }
    crate::common::assert_qpdf_check(&merged);
    assert!(rows(dir.path()).is_empty(), "drafts take no number");
}

fn stdout_lines(o: &std::process::Output) -> Vec<std::path::PathBuf> {
    crate::common::stdout(o)
        .lines()
        .map(std::path::PathBuf::from)
        .collect()
}

const GROUP_INVITATION: &str = "\
loai: giay_moi
co_quan_chu_quan: UBND HUYỆN HIỆP HÒA
co_quan: PHÒNG GIÁO DỤC VÀ ĐÀO TẠO
ky_hieu: PGDĐT
dia_danh: Hiệp Hòa
ngay: 2026-05
trich_yeu: dự hội nghị tổng kết năm học
bien:
  ten: Trường mẫu
  ma_dinh_danh: ''
noi_dung:
  - \"Trân trọng kính mời đại diện {{ ten }} (mã định danh: {{ ma_dinh_danh or 'chưa có' }}) dự hội nghị.\"
nguoi_ky:
  chuc_vu: TRƯỞNG PHÒNG
  ho_ten: Nguyễn Văn A
noi_nhan:
  - Như trên
  - \"Lưu: VT\"
";

#[test]
fn mail_merge_over_a_group_numbers_each_and_merges_them() {
    let (dir, files) = project(&["gm.yaml"], GROUP_INVITATION);
    let book = BOOK.replace(
        "thpt-2: {ten: Trường THPT Hiệp Hòa số 2, nhom: [truong]}",
        "thpt-2: {ten: Trường THPT Hiệp Hòa số 2, nhom: [truong], ma_dinh_danh: 000.21.12.H06}",
    );
    fs::write(dir.path().join("so-dia-chi.yaml"), book).unwrap();
    let o = run(vanban()
        .arg("tron-thu")
        .arg(&files[0])
        .arg("@truong")
        .args(["--date", "2026-05-10", "--gop"]));
    assert_exit(&o, 0);
    let pdfs = stdout_lines(&o);
    assert_eq!(pdfs.len(), 2);
    let merged = pdfs[0].parent().unwrap().join("gm-gop.pdf");
    let got = page_texts(&merged);
    assert_eq!(got.len(), pages(&merged));
    let rows = rows(dir.path());
    assert_eq!(rows.len(), 2);
    for (i, (name, code)) in [
        ("Trường THPT Hiệp Hòa số 1", "chưa có"),
        ("Trường THPT Hiệp Hòa số 2", "000.21.12.H06"),
    ]
    .iter()
    .enumerate()
    {
        let page = &got[i];
        assert!(page.contains(&format!("Kính gửi: {name}")), "{page}");
        assert!(
            page.contains(&format!("đại diện {name} (mã định danh: {code})")),
            "{page}"
        );
        assert!(page.contains(&format!("Số: 0{}/GM-PGDĐT", i + 1)), "{page}");
        let row = rows.iter().find(|r| r.number == i as u32 + 1).unwrap();
        assert_eq!(&row.recipients, name);
    }
    // A group the book lacks: refused with the closest one.
    let o = run(vanban().arg("tron-thu").arg(&files[0]).arg("@truon"));
    assert_exit(&o, 1);
    assert!(stderr(&o).contains("no group `truon`"), "{}", stderr(&o));
    assert!(stderr(&o).contains("`@truong`"), "{}", stderr(&o));
}

#[test]
fn a_book_linked_from_outside_the_project_is_refused() {
    let (dir, files) = project(&["cv.yaml"], LETTER);
    let outside = tempfile::tempdir().unwrap();
    fs::write(outside.path().join("so-dia-chi.yaml"), BOOK).unwrap();
    std::os::unix::fs::symlink(
        outside.path().join("so-dia-chi.yaml"),
        dir.path().join("so-dia-chi.yaml"),
    )
    .unwrap();
    let o = run(vanban().arg("check").arg(&files[0]));
    assert_exit(&o, 1);
    assert!(stderr(&o).contains("so-dia-chi.yaml"), "{}", stderr(&o));
    assert!(stderr(&o).contains("outside"), "{}", stderr(&o));
}
