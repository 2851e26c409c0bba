//! Features the real documents of `/work/shared/realdocs` need beyond the
//! seeds (Nơi nhận groups, footnotes, signature images, layout options,
//! table cells), each read back from the laid-out frames.

use crate::common::*;

fn text_left() -> f64 {
    mm(30.0)
}
fn text_centre() -> f64 {
    (mm(30.0) + mm(210.0 - 15.0)) / 2.0
}

fn ke_hoach(extra: &str) -> String {
    format!("{KE_HOACH_HEAD}trich_yeu: Phòng, chống bạo hành trẻ\n{extra}")
}

/// The lines of the left column (Nơi nhận) from the `Nơi nhận:` label on.
fn noi_nhan_lines(ls: &[Line]) -> Vec<&Line> {
    let i = line_index(ls, "Nơi nhận:");
    ls[i..]
        .iter()
        .filter(|l| l.page == ls[i].page && l.x < text_centre())
        .collect()
}

// ─── Nơi nhận groups ───────────────────────────────────────────────────

#[test]
fn noi_nhan_group_has_its_label_and_its_own_final_full_stop() {
    let yaml = ke_hoach(
        "noi_dung:\n  - Nội dung./.\nnguoi_ky:\n  quyen_han: KT. GIÁM ĐỐC\n  chuc_vu: PHÓ GIÁM ĐỐC\n  ho_ten: Nguyễn Văn A\nnoi_nhan:\n  - Lưu: VT, GDMN\n  - Bản điện tử:\n      - Vụ GDMN (báo cáo);\n      - UBND các huyện (phối hợp)\n      - Lãnh đạo Sở.\n",
    );
    let (_, ls) = lines_of(&yaml);
    let rows = noi_nhan_lines(&ls);
    let texts: Vec<&str> = rows.iter().map(|l| l.text.as_str()).collect();
    assert_eq!(
        texts,
        [
            "Nơi nhận:",
            "- Lưu: VT, GDMN.",
            "Bản điện tử:",
            "- Vụ GDMN (báo cáo);",
            "- UBND các huyện (phối hợp);",
            "- Lãnh đạo Sở.",
        ],
        "{}",
        dump(&ls)
    );
    let label = rows[2];
    assert!(label.all_bold() && label.all_italic(), "{label:?}");
    assert_close(label.size(), 12.0, 0.01, "group label size");
    for l in rows.iter().filter(|l| l.text.starts_with('-')) {
        assert_close(l.size(), 11.0, 0.01, "item size");
        assert!(l.visible().all(|t| !t.bold() && !t.italic), "{l:?}");
        assert_close(l.x, text_left(), 0.5, "items flush left");
    }
    // One line after another, evenly spaced.
    for w in rows.windows(2) {
        assert!(w[1].y - w[0].y < 20.0, "{:?} → {:?}", w[0].text, w[1].text);
    }
}

#[test]
fn noi_nhan_items_after_a_group_continue_its_list() {
    let yaml = ke_hoach(
        "nguoi_ky:\n  chuc_vu: CHỦ TỊCH\n  ho_ten: Nguyễn Văn A\nnoi_nhan:\n  - TT Huyện ủy\n  - Trưởng đoàn\n  - \"Bản điện tử:\": [UBND các xã, Các trường]\n  - \"Lưu: VT\"\n",
    );
    let (_, ls) = lines_of(&yaml);
    let texts: Vec<String> = noi_nhan_lines(&ls).iter().map(|l| l.text.clone()).collect();
    assert_eq!(
        texts,
        [
            "Nơi nhận:",
            "- TT Huyện ủy;",
            "- Trưởng đoàn.",
            "Bản điện tử:",
            "- UBND các xã;",
            "- Các trường;",
            "- Lưu: VT.",
        ]
    );
}

#[test]
fn noi_nhan_group_with_two_labels_is_a_located_error() {
    let yaml = ke_hoach("noi_nhan:\n  - Như trên\n  - Bản điện tử: [A]\n    Bản giấy: [B]\n");
    let e = try_build_yaml(&yaml).err().expect("two labels in one item");
    assert!(e.contains("doc.yaml:"), "{e}");
    assert!(e.contains("one label"), "{e}");
}

// ─── Footnotes ─────────────────────────────────────────────────────────

/// The raised, smaller `1` just after `x`, above the baseline `y`.
fn footnote_number(flat: &Flat, x: f64, y: f64) -> &Text {
    flat.texts
        .iter()
        .find(|t| t.text.trim() == "1" && (t.x - x).abs() < 8.0 && t.y < y - 1.0 && t.y > y - 12.0)
        .unwrap_or_else(|| panic!("no footnote number near ({x:.1}, {y:.1}): {:?}", flat.texts))
}

#[test]
fn footnote_mark_in_the_text_and_its_note_at_the_foot_of_the_page() {
    let yaml = ke_hoach(
        "noi_dung:\n  - \"Theo Quyết định số 5886/QĐ-BGDĐT của Bộ GD&ĐT^[Đánh giá các cấp quản lý, **giai đoạn 2017-2021**.] và các văn bản hướng dẫn.\"\n  - Đoạn sau.\n",
    );
    let (flat, ls) = lines_of(&yaml);
    assert_eq!(flat.pages.len(), 1);
    let body = find_line(&ls, "Theo Quyết định");
    // The mark: a smaller `1` raised above the baseline, right after the word.
    let word = body
        .items
        .iter()
        .find(|t| t.text.contains("GD&ĐT"))
        .unwrap();
    let mark = footnote_number(&flat, word.ink_right(), word.y);
    assert!(mark.size < 0.8 * word.size, "{mark:?}");
    assert!(mark.x - word.ink_right() < 1.0, "mark right after the word");
    // The note: at the foot of the page, below the body, 11 pt, numbered.
    let note = find_line(&ls, "Đánh giá các cấp quản lý");
    assert!(note.text.ends_with("giai đoạn 2017-2021."));
    let number = footnote_number(&flat, note.x - 6.0, note.y);
    // Indented 1 cm like the body, then a space before the note's text.
    assert_close(
        number.ink_x(),
        text_left() + mm(10.0),
        0.5,
        "note number indent",
    );
    assert!(
        note.x - number.ink_right() >= 2.0,
        "no space after the number"
    );
    assert!(
        note.y > find_line(&ls, "Đoạn sau").y + 100.0,
        "{}",
        dump(&ls)
    );
    assert!(note.y <= mm(297.0 - 20.0));
    let words: Vec<&Text> = note.visible().filter(|t| t.text.trim() != "1").collect();
    assert!(
        words.iter().all(|t| (t.size - 11.0).abs() < 0.01),
        "{note:?}"
    );
    assert!(note.visible().any(|t| t.bold()), "bold inside the note");
    // A short rule separates it from the body.
    let rules = rules_between(&flat, 0, find_line(&ls, "Đoạn sau").y, note.y);
    assert_eq!(rules.len(), 1, "{rules:?}");
    assert_close(rules[0].x, text_left(), 0.5, "separator at the left edge");
    assert!(rules[0].length() < mm(165.0) / 2.0);
}

#[test]
fn footnote_text_is_escaped_like_all_text() {
    let yaml =
        ke_hoach("noi_dung:\n  - \"Câu^[#set text(red) $x$ ]] và \\\\^[không phải chú thích].\"\n");
    let (flat, ls) = lines_of(&yaml);
    let note = find_line(&ls, "#set text(red) $x$");
    assert_eq!(note.text, "#set text(red) $x$");
    footnote_number(&flat, note.x - 6.0, note.y);
    let body = find_line(&ls, "Câu");
    assert_eq!(body.text, "Câu ] và ^[không phải chú thích].");
    assert!(flat.texts.iter().all(|t| !t.text.contains("footnote")));
}

// ─── Tables ────────────────────────────────────────────────────────────

#[test]
fn table_cells_accept_numbers_printed_as_yaml_reads_them() {
    let yaml = ke_hoach(
        "noi_dung:\n  - bang:\n      cot: [1, 4, 2, 2]\n      dau: [TT, Đơn vị, Số lớp, Điểm]\n      dong:\n        - [1, Trường TH Mỹ An, 12, 8.5]\n        - [2, Trường TH Mỹ Lạc, -3, 9.0]\n        - [3, Trường TH Tân Thành, ~, \"8.50\"]\n",
    );
    let (_, ls) = lines_of(&yaml);
    for (name, cells) in [
        ("Trường TH Mỹ An", ["1", "12", "8.5"]),
        ("Trường TH Mỹ Lạc", ["2", "-3", "9.0"]),
        ("Trường TH Tân Thành", ["3", "", "8.50"]),
    ] {
        let row = find_line(&ls, name);
        let same: Vec<&str> = ls
            .iter()
            .filter(|l| l.page == row.page && (l.y - row.y).abs() < 1.0)
            .map(|l| l.text.as_str())
            .collect();
        let want: Vec<&str> = [cells[0], name, cells[1], cells[2]]
            .into_iter()
            .filter(|c| !c.is_empty())
            .collect();
        assert_eq!(same, want, "{}", dump(&ls));
    }
}

/// Builds `yaml` through the loader from a file and returns the error.
fn build_error(yaml: &str) -> String {
    match try_build_via_file(yaml) {
        Ok(_) => panic!("built without error:\n{yaml}"),
        Err(e) => e,
    }
}

#[test]
fn table_row_with_the_wrong_number_of_cells_is_an_error_at_that_row() {
    let head = ke_hoach("noi_dung:\n  - bang:\n      dau: [TT, Họ và tên, Nhiệm vụ]\n      dong:\n        - [1, Lê Thị B, Trưởng ban]\n");
    let row_line = head.lines().count() + 1;
    // Flow row with one cell too few.
    let e = build_error(&format!("{head}        - [2, Nguyễn Văn A]\n"));
    assert!(
        e.contains(&format!("doc.yaml:{row_line}:11")),
        "not located at the row: {e}"
    );
    assert!(
        e.contains("hàng 2 của bảng có 2 ô, nhưng bảng có 3 cột"),
        "{e}"
    );
    // Block row with one cell too many, columns from `cot`.
    let head = ke_hoach("noi_dung:\n  - bang:\n      cot: [1, 5]\n      dong:\n        - [1, a]\n        -\n          - 2\n          - b\n          - c\n");
    let e = build_error(&head);
    // A block row starts at its first cell.
    let row_line = head.lines().position(|l| l.trim() == "- 2").unwrap() + 1;
    assert!(e.contains(&format!("doc.yaml:{row_line}:")), "{e}");
    assert!(
        e.contains("có 3 ô, nhưng bảng có 2 cột (bằng số độ rộng cột `cot`)"),
        "{e}"
    );
    // Header and widths that disagree.
    let e = build_error(&ke_hoach(
        "noi_dung:\n  - bang:\n      cot: [1, 5]\n      dau: [a, b, c]\n",
    ));
    assert!(
        e.contains("3 header cells (`dau`) but 2 column widths"),
        "{e}"
    );
}

// ─── Presentation options (trinh_bay) ──────────────────────────────────

#[test]
fn trinh_bay_sets_body_size_size_pair_and_margins() {
    let yaml = ke_hoach(
        "trinh_bay:\n  co_chu: 13\n  co_chu_quoc_hieu: 13\n  le: {tren: 25, duoi: 22, trai: 35, phai: 20}\nnoi_dung:\n  - Phòng Giáo dục và Đào tạo yêu cầu thủ trưởng các đơn vị tổ chức các hoạt động hưởng ứng với nội dung phong phú, thiết thực, hiệu quả.\nnguoi_ky:\n  chuc_vu: TRƯỞNG PHÒNG\n  ho_ten: Nguyễn Văn A\n",
    );
    let (flat, ls) = lines_of(&yaml);
    let (left, right) = (mm(35.0), mm(210.0 - 20.0));
    let qh = find_line(&ls, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM");
    assert_eq!(qh.text, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "one line");
    assert_close(qh.size(), 13.0, 0.01, "Quốc hiệu");
    assert_close(find_line(&ls, "Độc lập").size(), 14.0, 0.01, "Tiêu ngữ");
    let date = find_line(&ls, "Thủ Thừa, ngày");
    assert_close(date.size(), 14.0, 0.01, "date line");
    assert!(qh.right <= right + 0.5 && date.right <= right + 0.5);
    // Beside a 13 pt Quốc hiệu the names take 12 pt.
    assert_close(
        find_line(&ls, "PHÒNG GIÁO").size(),
        12.0,
        0.01,
        "issuing body",
    );
    let body = find_line(&ls, "Phòng Giáo dục và Đào tạo yêu cầu");
    assert_close(body.size(), 13.0, 0.01, "body");
    assert_close(
        body.x,
        left + mm(10.0),
        0.5,
        "first-line indent from the 35 mm margin",
    );
    let next = &ls[line_index(&ls, "Phòng Giáo dục và Đào tạo yêu cầu") + 1];
    assert_close(next.x, left, 0.5, "left margin 35 mm");
    assert_close(
        body.right,
        right,
        0.5,
        "justified to the 20 mm right margin",
    );
    assert_close(find_line(&ls, "KẾ HOẠCH").size(), 13.0, 0.01, "type name");
    assert_close(find_line(&ls, "Nguyễn Văn A").size(), 13.0, 0.01, "signer");
    // The top margin: 5 mm lower than with the default 20 mm.
    let first = |ls: &[Line]| ls.iter().map(|l| l.y).fold(f64::MAX, f64::min);
    let (_, plain) = lines_of(&ke_hoach("trinh_bay:\n  co_chu_quoc_hieu: 13\n"));
    assert_close(first(&ls) - first(&plain), mm(5.0), 0.1, "top margin 25 mm");
    // With the default margins (165 mm of text) a usual name keeps to one line.
    let name = find_line(&plain, "PHÒNG GIÁO DỤC");
    assert_eq!(name.text, "PHÒNG GIÁO DỤC VÀ ĐÀO TẠO", "{}", dump(&plain));
    assert!(name.right < find_line(&plain, "CỘNG HÒA").x);
    assert_eq!(flat.pages.len(), 1);
}

#[test]
fn trinh_bay_outside_the_decree_ranges_is_a_located_error() {
    for (value, line_col, says) in [
        (
            "trinh_bay:\n  le:\n    trai: 40\n",
            ":11:",
            "Tại `trinh_bay.le.trai`: 40 mm nằm ngoài khoảng NĐ30 cho phép, từ 30 đến 35 mm",
        ),
        (
            "trinh_bay:\n  co_chu: 12\n",
            ":10:",
            "Tại `trinh_bay.co_chu`: 12 pt nằm ngoài",
        ),
        (
            "trinh_bay:\n  co_chu_quoc_hieu: 14\n",
            ":10:",
            "Tại `trinh_bay.co_chu_quoc_hieu`: 14 pt nằm ngoài khoảng NĐ30 cho phép, từ 12 đến 13 pt",
        ),
        (
            "trinh_bay:\n  le: {duoi: 15}\n",
            ":10:",
            "Tại `trinh_bay.le.duoi`: 15 mm nằm ngoài",
        ),
    ] {
        let yaml = ke_hoach(value);
        let e = build_error(&yaml);
        assert!(e.contains(&format!("doc.yaml{line_col}")), "{value}: {e}");
        assert!(e.contains(says), "{value}: {e}");
    }
}

#[test]
fn trinh_bay_partial_keeps_the_other_defaults() {
    let (_, ls) = lines_of(&ke_hoach(
        "trinh_bay:\n  le: {trai: 32}\nnoi_dung:\n  - Nội dung.\n",
    ));
    assert_close(find_line(&ls, "CỘNG HÒA").size(), 12.0, 0.01, "Quốc hiệu");
    assert_close(find_line(&ls, "Nội dung.").size(), 14.0, 0.01, "body");
    assert_close(
        find_line(&ls, "Nội dung.").x,
        mm(32.0) + mm(10.0),
        0.5,
        "left",
    );
}

// ─── Signature and seal images ─────────────────────────────────────────

/// Builds `yaml` as `doc/doc.yaml` in a project folder (with a
/// `vanban.toml`) that also holds the test images under `doc/anh/`, plus
/// `outside.svg` next to the project folder.
pub(crate) fn build_with_images(yaml: &str) -> Result<vanban::Built, String> {
    use vanban::load;
    use vanban::world::Engine;
    let dir = tempfile::tempdir().map_err(|e| e.to_string())?;
    let project = dir.path().join("project");
    let images = project.join("doc/anh");
    std::fs::create_dir_all(&images).unwrap();
    std::fs::write(project.join("vanban.toml"), "").unwrap();
    let fixtures = root().join("tests/fixtures/images");
    for f in ["chu-ky.png", "dau.svg"] {
        std::fs::copy(fixtures.join(f), images.join(f)).unwrap();
    }
    std::fs::copy(fixtures.join("dau.svg"), dir.path().join("outside.svg")).unwrap();
    let path = project.join("doc/doc.yaml");
    std::fs::write(&path, yaml).unwrap();
    let loaded = load::load(&path).map_err(|e| e.render(false))?;
    vanban::Builder::new(Engine::shared())
        .layout(&loaded)
        .map_err(|e| e.render(false))
}

fn signed_with(images: &str) -> String {
    ke_hoach(&format!(
        "noi_dung:\n  - Nội dung./.\nnguoi_ky:\n  quyen_han: KT. TRƯỞNG PHÒNG\n  chuc_vu: PHÓ TRƯỞNG PHÒNG\n  ho_ten: Nguyễn Văn A\n{images}noi_nhan:\n  - \"Lưu: VT\"\n"
    ))
}

#[test]
fn signature_and_seal_images_sit_between_position_and_name() {
    let built = build_with_images(&signed_with(
        "  chu_ky: anh/chu-ky.png\n  dau: anh/dau.svg\n",
    ))
    .unwrap_or_else(|e| panic!("{e}"));
    let flat = flatten(&built.document);
    let ls = lines(&flat);
    let pos = ls.iter().find(|l| l.text == "PHÓ TRƯỞNG PHÒNG").unwrap();
    let name = ls.iter().find(|l| l.text == "Nguyễn Văn A").unwrap();
    let sig = flat
        .images
        .iter()
        .find(|i| i.format.contains("png"))
        .unwrap();
    let seal = flat
        .images
        .iter()
        .find(|i| i.format.contains("svg"))
        .unwrap();
    // The signature: centred under the position, inside the space.
    assert_close(sig.centre_x(), pos.centre(), 1.0, "signature centred");
    assert!(sig.y > pos.y && sig.y + sig.height < name.y - name.size() * 0.7);
    assert!(
        sig.height >= mm(15.0),
        "signature {:.1} mm tall",
        to_mm(sig.height)
    );
    // The seal: 35 mm, its centre over the signature's left part, at the
    // middle of the space.
    assert_close(to_mm(seal.width), 35.0, 0.1, "seal width (mm)");
    assert!(seal.centre_x() < sig.centre_x() && seal.centre_x() > sig.x - mm(5.0));
    assert_close(
        seal.centre_y(),
        sig.centre_y(),
        1.0,
        "seal at the middle of the space",
    );
    // The images take no room: the name stays where it is without them.
    let (_, plain) = lines_of(&signed_with(""));
    let plain_name = plain.iter().find(|l| l.text == "Nguyễn Văn A").unwrap();
    assert_close(name.y, plain_name.y, 0.01, "name position");
}

#[test]
fn seal_width_can_be_given() {
    let built = build_with_images(&signed_with("  dau: anh/dau.svg\n  dau_rong: 40\n"))
        .unwrap_or_else(|e| panic!("{e}"));
    let flat = flatten(&built.document);
    assert_eq!(flat.images.len(), 1);
    assert_close(to_mm(flat.images[0].width), 40.0, 0.1, "seal width (mm)");
}

#[test]
fn images_outside_the_project_missing_or_of_another_format_are_located_errors() {
    for (value, says) in [
        ("../../outside.svg", "nằm ngoài thư mục dự án"),
        ("anh/khong-co.png", "không mở được ảnh `anh/khong-co.png`"),
        ("anh/chu-ky.gif", "PNG, JPG hoặc SVG"),
        ("/etc/passwd.png", "không mở được ảnh"),
    ] {
        let yaml = signed_with(&format!("  chu_ky: {value}\n"));
        let line = yaml.lines().position(|l| l.contains("chu_ky:")).unwrap() + 1;
        let e = build_with_images(&yaml).err().expect(value);
        assert!(e.contains(&format!("doc.yaml:{line}:11")), "{value}: {e}");
        assert!(e.contains("nguoi_ky.chu_ky"), "{value}: {e}");
        assert!(e.contains(says), "{value}: {e}");
    }
}

// ─── A document issued with another (kem_theo) ─────────────────────────

const QUYET_DINH: &str = "\
loai: quyet_dinh
co_quan_chu_quan: UBND HUYỆN THỦ THỪA
co_quan: PHÒNG GIÁO DỤC VÀ ĐÀO TẠO
ten_co_quan: Phòng Giáo dục và Đào tạo huyện Thủ Thừa
so: 7
ky_hieu: PGDĐT
dia_danh: Thủ Thừa
ngay: 2024-02-05
trich_yeu: Về việc ban hành Quy định sử dụng thư điện tử công vụ
";

fn quy_dinh(kem_theo: &str) -> String {
    format!(
        "loai: quy_dinh\nco_quan_chu_quan: UBND HUYỆN THỦ THỪA\nco_quan: PHÒNG GIÁO DỤC VÀ ĐÀO TẠO\nky_hieu: PGDĐT\ndia_danh: Thủ Thừa\nngay: 2024-02-05\nkem_theo: {kem_theo}\ntrich_yeu: Sử dụng thư điện tử công vụ\nnoi_dung:\n  - tieu_de: Chương I\n"
    )
}

/// Checks the title block of an attached quy định on `page`: type name,
/// subject, the italic caption, then the rule; no number or date line
/// (NĐ30 Phụ lục III, the form of a document issued with a decision).
fn check_attached_title(flat: &Flat, ls: &[Line], page: usize, caption: &str) {
    let on = |s: &str| {
        ls.iter()
            .find(|l| l.page == page && l.text.contains(s))
            .unwrap_or_else(|| panic!("no {s:?} on page {}:\n{}", page + 1, dump(ls)))
    };
    let name = on("QUY ĐỊNH");
    let subject = on("Sử dụng thư điện tử công vụ");
    let cap: Vec<&Line> = ls
        .iter()
        .filter(|l| l.page == page && l.y > subject.y && l.all_italic() && l.y < on("Chương I").y)
        .collect();
    let text = all_text(cap.iter().copied());
    assert_eq!(text, caption, "{}", dump(ls));
    assert!(name.y < subject.y && name.all_bold() && subject.all_bold());
    for l in &cap {
        assert_close(l.centre(), subject.centre(), 1.0, "caption centred");
    }
    // The short rule comes under the caption.
    let last = cap.last().unwrap();
    let rules = rules_between(flat, page, subject.y, on("Chương I").y);
    assert_eq!(rules.len(), 1, "{rules:?}");
    assert!(rules[0].y > last.y, "rule above the caption");
    assert_close(rules[0].centre(), subject.centre(), 1.0, "rule centred");
    // No number or date line of its own.
    assert!(
        !ls.iter()
            .any(|l| l.page == page && l.text.starts_with("Số:")),
        "{}",
        dump(ls)
    );
    assert!(!ls
        .iter()
        .any(|l| l.page == page && l.text.contains(", ngày")));
}

#[test]
fn quy_dinh_issued_with_a_quyet_dinh_cites_it_under_its_title() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("qd.yaml"), QUYET_DINH).unwrap();
    let path = dir.path().join("quy-dinh.yaml");
    std::fs::write(&path, quy_dinh("qd.yaml")).unwrap();
    let loaded = vanban::load::load(&path).unwrap_or_else(|e| panic!("{}", e.render(false)));
    let built = vanban::Builder::new(vanban::world::Engine::shared())
        .layout(&loaded)
        .unwrap_or_else(|e| panic!("{}", e.render(false)));
    let flat = flatten(&built.document);
    check_attached_title(
        &flat,
        &lines(&flat),
        0,
        "(Kèm theo Quyết định số 07/QĐ-PGDĐT ngày 05 tháng 02 năm 2024 của Phòng Giáo dục và Đào tạo huyện Thủ Thừa)",
    );
    // The decision it cites is a source of the document (rebuilt on change).
    assert!(loaded.source_paths().any(|s| s.ends_with("qd.yaml")));
}

#[test]
fn quy_dinh_as_a_form_of_its_quyet_dinh_takes_the_caption_from_it() {
    let form = quy_dinh("true")
        .lines()
        .map(|l| format!("      {l}\n"))
        .collect::<String>();
    let yaml = format!(
        "{QUYET_DINH}noi_dung:\n  - dieu: Điều 1. Ban hành kèm theo Quyết định này Quy định sử dụng thư điện tử công vụ.\nnguoi_ky:\n  chuc_vu: TRƯỞNG PHÒNG\n  ho_ten: Nguyễn Văn A\nphu_luc:\n  - mau:\n{form}"
    );
    let (flat, ls) = lines_of(&yaml);
    let page = ls.iter().find(|l| l.text == "QUY ĐỊNH").unwrap().page;
    assert_eq!(page, 1, "the form starts a new page");
    check_attached_title(
        &flat,
        &ls,
        page,
        "(Kèm theo Quyết định số 07/QĐ-PGDĐT ngày 05 tháng 02 năm 2024 của Phòng Giáo dục và Đào tạo huyện Thủ Thừa)",
    );
}

#[test]
fn kem_theo_as_written() {
    let (flat, ls) = lines_of(&quy_dinh(
        "\"(Ban hành kèm theo Quyết định số …/QĐ-PGDĐT)\"",
    ));
    check_attached_title(
        &flat,
        &ls,
        0,
        "(Ban hành kèm theo Quyết định số …/QĐ-PGDĐT)",
    );
}

// ─── Line breaks chosen by the author ──────────────────────────────────

#[test]
fn line_breaks_in_names_and_subjects_are_kept_from_escapes_and_block_scalars() {
    // A công văn with a three-line V/v and a four-line issuer, as written.
    let yaml = "loai: cong_van\nco_quan_chu_quan: UBND HUYỆN HIỆP HÒA\nco_quan: |\n  HĐST HỒ SƠ THĂNG\n  HẠNG CHỨC DANH\n  NGHỀ NGHIỆP\n  GIÁO VIÊN\nso: 309\nky_hieu: HĐST\ndia_danh: Hiệp Hòa\nngay: 2020-10-02\ntrich_yeu: \"Ban hành Khung phân phối chương\\ntrình và hướng dẫn thực hiện điều chỉnh\\nnội dung dạy học cấp THCS, THPT\"\n";
    let (_, ls) = lines_of(yaml);
    for l in [
        "HĐST HỒ SƠ THĂNG",
        "HẠNG CHỨC DANH",
        "NGHỀ NGHIỆP",
        "GIÁO VIÊN",
    ] {
        let line = ls
            .iter()
            .find(|x| x.text == l)
            .unwrap_or_else(|| panic!("{l}:\n{}", dump(&ls)));
        assert!(line.all_bold());
    }
    let vv = line_index(&ls, "V/v Ban hành Khung phân phối chương");
    assert_eq!(ls[vv].text, "V/v Ban hành Khung phân phối chương");
    let rest: Vec<&str> = ls[vv + 1..]
        .iter()
        .filter(|l| l.x < mm(100.0))
        .take(2)
        .map(|l| l.text.as_str())
        .collect();
    assert_eq!(
        rest,
        [
            "trình và hướng dẫn thực hiện điều chỉnh",
            "nội dung dạy học cấp THCS, THPT"
        ]
    );
    // The trailing newline of a `|` block scalar adds no empty line: Số
    // follows the rule under the name as closely as without it.
    let so = find_line(&ls, "Số:");
    let last = find_line(&ls, "GIÁO VIÊN");
    assert!(so.y - last.y < 2.5 * last.size(), "{}", dump(&ls));
    // A kế hoạch subject broken with a block scalar.
    let yaml = ke_hoach("").replace(
        "trich_yeu: Phòng, chống bạo hành trẻ\n",
        "trich_yeu: |-\n  Đẩy mạnh phòng, chống bạo hành trẻ\n  trong các cơ sở giáo dục mầm non\n",
    );
    let (_, ls) = lines_of(&yaml);
    let i = line_index(&ls, "Đẩy mạnh phòng, chống bạo hành trẻ");
    assert_eq!(ls[i].text, "Đẩy mạnh phòng, chống bạo hành trẻ");
    assert_eq!(ls[i + 1].text, "trong các cơ sở giáo dục mầm non");
    assert!(ls[i].all_bold() && ls[i + 1].all_bold());
}

// ─── Issue 4 rules that had no test yet ────────────────────────────────

#[test]
fn urgency_and_secrecy_stamps_sit_under_the_number_in_bold() {
    let yaml = format!("{CONG_VAN_HEAD}trich_yeu: Về việc phòng, chống bão\ndo_khan: thuong_khan\ndo_mat: mat\nluu_hanh: LƯU HÀNH NỘI BỘ\n");
    let (_, ls) = lines_of(&yaml);
    let so = find_line(&ls, "Số:");
    let khan = ls
        .iter()
        .find(|l| l.text == "THƯỢNG KHẨN")
        .unwrap_or_else(|| panic!("{}", dump(&ls)));
    let mat = ls
        .iter()
        .find(|l| l.text == "MẬT")
        .unwrap_or_else(|| panic!("{}", dump(&ls)));
    for stamp in [khan, mat] {
        assert!(stamp.all_bold());
        assert!((13.0..=14.0).contains(&stamp.size()));
        assert!(stamp.y > so.y, "under Số");
        assert!(stamp.right < text_centre(), "left column");
    }
    assert_close(khan.y, mat.y, 0.5, "on one row");
    let lh = find_line(&ls, "LƯU HÀNH NỘI BỘ");
    assert!(
        lh.all_bold() && lh.y < find_line(&ls, "CỘNG HÒA").y,
        "above the Quốc hiệu"
    );
    assert!(lh.right > mm(210.0 - 15.0) - 5.0, "at the right");
}

#[test]
fn quyet_dinh_has_italic_bases_a_centred_decision_line_and_bold_article_labels() {
    let yaml = format!(
        "{QUYET_DINH}tham_quyen: TRƯỞNG PHÒNG GIÁO DỤC VÀ ĐÀO TẠO\ncan_cu:\n  - Căn cứ Quyết định số 15/2021/QĐ-UBND;\n  - Theo đề nghị của Tổ chuyên môn\nnoi_dung:\n  - dieu: Điều 1. Ban hành kèm theo Quyết định này Quy định.\n  - dieu: Điều 2. Quyết định có hiệu lực kể từ ngày ký./.\n"
    );
    let (_, ls) = lines_of(&yaml);
    let tq = find_line(&ls, "TRƯỞNG PHÒNG GIÁO DỤC VÀ ĐÀO TẠO");
    assert!(tq.all_bold());
    assert_close(tq.centre(), text_centre(), 1.0, "authority centred");
    let c1 = find_line(&ls, "Căn cứ Quyết định số");
    let c2 = find_line(&ls, "Theo đề nghị");
    assert_eq!(c1.text, "Căn cứ Quyết định số 15/2021/QĐ-UBND;");
    assert_eq!(c2.text, "Theo đề nghị của Tổ chuyên môn.");
    assert!(c1.all_italic() && c2.all_italic());
    assert!(c1.y > tq.y && c2.y > c1.y);
    let qd = ls.iter().find(|l| l.text == "QUYẾT ĐỊNH:").unwrap();
    assert!(qd.all_bold() && qd.y > c2.y);
    assert_close(qd.centre(), text_centre(), 1.0, "QUYẾT ĐỊNH: centred");
    let d1 = find_line(&ls, "Điều 1.");
    assert!(d1.y > qd.y);
    let label = d1
        .items
        .iter()
        .find(|t| t.text.contains("Điều 1."))
        .unwrap();
    assert!(label.bold());
    let rest = d1
        .items
        .iter()
        .find(|t| t.text.contains("Ban hành"))
        .unwrap();
    assert!(!rest.bold());
    assert_close(
        d1.x,
        text_left() + mm(10.0),
        0.5,
        "article indented like a paragraph",
    );
}

#[test]
fn appendix_starts_a_page_with_its_own_numbering_and_a_caption_from_the_document() {
    let mut yaml = format!(
        "{KE_HOACH_HEAD}ten_co_quan: Phòng Giáo dục và Đào tạo huyện Thủ Thừa\ntrich_yeu: Hội thi\nnoi_dung:\n  - Nội dung./.\nphu_luc:\n  - nhan: Phụ lục I\n    tieu_de: DANH SÁCH GIÁO VIÊN\n    kem_theo: true\n    noi_dung:\n"
    );
    for i in 1..=45 {
        yaml.push_str(&format!(
            "      - Giáo viên số {i} của danh sách dự thi cấp huyện.\n"
        ));
    }
    let (flat, ls) = lines_of(&yaml);
    assert!(flat.pages.len() >= 3, "{} pages", flat.pages.len());
    let label = find_line(&ls, "Phụ lục I");
    assert_eq!(label.page, 1, "the appendix starts a new page");
    assert!(label.all_bold());
    assert_close(label.size(), 14.0, 0.01, "Phụ lục label");
    assert_close(label.centre(), text_centre(), 1.0, "label centred");
    let title = find_line(&ls, "DANH SÁCH GIÁO VIÊN");
    assert!(title.all_bold() && title.y > label.y);
    let cap: Vec<&Line> = ls
        .iter()
        .filter(|l| l.page == 1 && l.all_italic() && l.y > title.y && l.y < title.y + 60.0)
        .collect();
    let text = all_text(cap.iter().copied());
    assert_eq!(
        text,
        "(Kèm theo Kế hoạch số 12/KH-PGDĐT ngày 02 tháng 10 năm 2023 của Phòng Giáo dục và Đào tạo huyện Thủ Thừa)"
    );
    // Page numbers: none on the first page of each part, `2` on the
    // appendix's second page.
    let number = |page: usize| -> Vec<String> {
        flat.texts
            .iter()
            .filter(|t| t.page == page && t.y < mm(20.0) && !t.text.trim().is_empty())
            .map(|t| t.text.trim().to_owned())
            .collect()
    };
    assert!(
        number(0).is_empty() && number(1).is_empty(),
        "{:?} {:?}",
        number(0),
        number(1)
    );
    assert_eq!(number(2), ["2"]);
}

#[test]
fn a_derived_document_never_inherits_the_signature_or_seal() {
    let dir = tempfile::tempdir().unwrap();
    let project = dir.path();
    std::fs::write(project.join("vanban.toml"), "").unwrap();
    std::fs::create_dir_all(project.join("anh")).unwrap();
    std::fs::copy(
        root().join("tests/fixtures/images/dau.svg"),
        project.join("anh/dau.svg"),
    )
    .unwrap();
    std::fs::copy(
        root().join("tests/fixtures/images/chu-ky.png"),
        project.join("anh/chu-ky.png"),
    )
    .unwrap();
    std::fs::write(
        project.join("tinh.yaml"),
        signed_with("  chu_ky: anh/chu-ky.png\n  dau: anh/dau.svg\n"),
    )
    .unwrap();
    std::fs::create_dir_all(project.join("huyen")).unwrap();
    let child = project.join("huyen/kh.yaml");
    std::fs::write(
        &child,
        "extends: ../tinh.yaml\nco_quan: PHÒNG GIÁO DỤC VÀ ĐÀO TẠO HUYỆN\nngay: 2023-10-05\n",
    )
    .unwrap();
    let loaded = vanban::load::load(&child).unwrap_or_else(|e| panic!("{}", e.render(false)));
    let signer = loaded.doc.nguoi_ky.as_ref().unwrap();
    assert_eq!(
        signer.ho_ten, "Nguyễn Văn A",
        "the rest of the signer is inherited"
    );
    assert!(
        signer.chu_ky.is_none() && signer.dau.is_none(),
        "{signer:?}"
    );
    // The parent itself keeps them, resolved inside the project folder.
    let parent = vanban::load::load(&project.join("tinh.yaml")).unwrap();
    let signer = parent.doc.nguoi_ky.unwrap();
    assert_eq!(signer.chu_ky.as_deref(), Some("/anh/chu-ky.png"));
    assert_eq!(signer.dau.as_deref(), Some("/anh/dau.svg"));
}
