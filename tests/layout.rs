//! One test per rule of Nghị định 30/2020/NĐ-CP (see
//! `/work/shared/nd30-spec.md`), read off the laid-out frames: positions,
//! sizes, weights and rules.

use crate::common::*;

const QUOC_HIEU: &str = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM";
const TIEU_NGU: &str = "Độc lập - Tự do - Hạnh phúc";

/// Left and right edges of the text area: margins 30 and 15 mm on A4.
fn text_left() -> f64 {
    mm(30.0)
}
fn text_right() -> f64 {
    mm(210.0 - 15.0)
}
fn text_centre() -> f64 {
    (text_left() + text_right()) / 2.0
}

/// A signed kế hoạch with a short body, for tests that need a whole page.
fn ke_hoach(extra: &str) -> String {
    format!(
        "{KE_HOACH_HEAD}trich_yeu: Tổ chức Tuần lễ hưởng ứng học tập suốt đời năm 2023\n{extra}"
    )
}

const SIGNED: &str = "\
nguoi_ky:
  quyen_han: KT. TRƯỞNG PHÒNG
  chuc_vu: PHÓ TRƯỞNG PHÒNG
  ho_ten: Nguyễn Văn A
noi_nhan:
  - UBND huyện
  - \"Lưu: VT\"
";

/// The Quốc hiệu line, asserted to hold the whole Quốc hiệu and nothing
/// else (so it did not wrap).
fn quoc_hieu(ls: &[Line]) -> &Line {
    let l = find_line(ls, QUOC_HIEU);
    assert_eq!(l.text, QUOC_HIEU, "Quốc hiệu line:\n{}", dump(ls));
    l
}

// ─── Header ────────────────────────────────────────────────────────────

#[test]
fn quoc_hieu_is_one_bold_line_of_12_to_13_pt() {
    for yaml in [ke_hoach(""), CONG_VAN_HEAD.to_owned()] {
        let (_, ls) = lines_of(&yaml);
        let qh = quoc_hieu(&ls);
        assert!(qh.all_bold(), "{qh:?}");
        assert!((12.0..=13.0).contains(&qh.size()), "{}", qh.size());
        assert_eq!(qh.page, 0);
        // In the right column: right of the page centre, inside the margin.
        assert!(qh.x > text_centre() - mm(20.0) && qh.right <= text_right() + 0.5);
        // No other text of the Quốc hiệu elsewhere (a wrapped piece).
        assert_eq!(find_lines(&ls, "CHỦ NGHĨA").len(), 1);
    }
}

#[test]
fn tieu_ngu_is_bold_13_to_14_pt_with_a_rule_as_long_as_itself() {
    let (flat, ls) = lines_of(&ke_hoach(""));
    let qh = quoc_hieu(&ls);
    let tn = find_line(&ls, TIEU_NGU);
    assert_eq!(tn.text, TIEU_NGU);
    assert!(tn.all_bold());
    assert!((13.0..=14.0).contains(&tn.size()), "{}", tn.size());
    // Under the Quốc hiệu and centred on it.
    assert!(tn.y > qh.y);
    assert_close(
        tn.centre(),
        qh.centre(),
        1.0,
        "Tiêu ngữ centred under Quốc hiệu",
    );
    // Hyphens, not dashes (NĐ30: ` - `).
    assert!(!tn.text.contains('–') && !tn.text.contains('—'));
    let rules = rules_between(&flat, 0, tn.y, tn.y + 12.0);
    let rule = rules
        .iter()
        .find(|r| r.x < tn.right && r.x2 > tn.x)
        .unwrap_or_else(|| panic!("no rule under the Tiêu ngữ: {:?}", flat.rules));
    assert_close(
        rule.length(),
        tn.width(),
        1.0,
        "rule length vs Tiêu ngữ width",
    );
    assert_close(
        rule.centre(),
        tn.centre(),
        1.0,
        "rule centred under Tiêu ngữ",
    );
    assert!(rule.thickness > 0.0);
}

/// The issuing body: the bold lines of the left column above `Số:`.
fn issuing_body_lines(ls: &[Line]) -> Vec<&Line> {
    let qh = quoc_hieu(ls);
    let so = find_line(ls, "Số:");
    ls.iter()
        .filter(|l| l.page == 0 && l.right < qh.x && l.y < so.y && l.all_bold())
        .collect()
}

/// Checks the rule under the issuing body `co_quan` (1/3 to 1/2 of its
/// longest line, centred under it).
fn check_issuing_body_rule(chu_quan: &str, co_quan: &str) {
    let yaml = format!(
        "loai: ke_hoach\nco_quan_chu_quan: {chu_quan}\nco_quan: {co_quan}\nso: 1\nky_hieu: X\ndia_danh: Hà Nội\nngay: 2023-01-01\n"
    );
    let (flat, ls) = lines_of(&yaml);
    let qh = quoc_hieu(&ls);
    let so = find_line(&ls, "Số:");
    let body = issuing_body_lines(&ls);
    assert!(!body.is_empty(), "{}", dump(&ls));
    assert_eq!(all_text(body.iter().copied()), co_quan);
    let longest = body.iter().map(|l| l.width()).fold(0.0, f64::max);
    let last = body.last().unwrap();
    let rule = rules_between(&flat, 0, last.y, so.y)
        .into_iter()
        .find(|r| r.x2 < qh.x)
        .unwrap_or_else(|| panic!("no rule under {co_quan}: {:?}", flat.rules));
    let ratio = rule.length() / longest;
    assert!(
        (1.0 / 3.0..=0.5).contains(&ratio),
        "{co_quan}: rule {:.1} pt is {ratio:.2} of the name's longest line, {longest:.1} pt",
        rule.length()
    );
    assert_close(
        rule.centre(),
        last.centre(),
        1.0,
        "rule centred under the name",
    );
    assert!(rule.thickness > 0.0);
    // The parent body is regular, not bold.
    let parent = find_line(&ls, chu_quan);
    assert_eq!(parent.text, chu_quan);
    assert!(parent.visible().all(|t| !t.bold()), "{parent:?}");
}

#[test]
fn rule_under_the_issuing_body_is_a_third_to_a_half_of_its_width() {
    check_issuing_body_rule("UBND HUYỆN THỦ THỪA", "PHÒNG GIÁO DỤC VÀ ĐÀO TẠO");
    check_issuing_body_rule("UBND HUYỆN THỦ THỪA", "TRƯỜNG TH TÂN THÀNH");
}

#[test]
fn rule_under_a_wrapped_issuing_body_follows_its_longest_line() {
    check_issuing_body_rule(
        "UBND THÀNH PHỐ HẢI PHÒNG",
        "SỞ GIÁO DỤC VÀ ĐÀO TẠO HẢI PHÒNG",
    );
}

#[test]
fn date_line_is_italic_and_padded_as_the_decree_says() {
    for (date, shown) in [
        ("2021-01-01", "ngày 01 tháng 01 năm 2021"),
        ("2021-02-05", "ngày 05 tháng 02 năm 2021"),
        ("2021-03-09", "ngày 09 tháng 3 năm 2021"),
        ("2023-10-10", "ngày 10 tháng 10 năm 2023"),
        ("2023-12-31", "ngày 31 tháng 12 năm 2023"),
        ("29/02/2024", "ngày 29 tháng 02 năm 2024"),
        ("07/11/2022", "ngày 07 tháng 11 năm 2022"),
    ] {
        let yaml = format!(
            "loai: ke_hoach\nco_quan: PHÒNG GIÁO DỤC VÀ ĐÀO TẠO\nky_hieu: PGDĐT\ndia_danh: Thủ Thừa\nngay: {date}\n"
        );
        let (_, ls) = lines_of(&yaml);
        let qh = quoc_hieu(&ls);
        let line = find_line(&ls, "Thủ Thừa, ngày");
        assert_eq!(line.text, format!("Thủ Thừa, {shown}"), "from {date}");
        assert!(line.all_italic(), "{line:?}");
        assert!(!line.visible().any(Text::bold));
        assert!((13.0..=14.0).contains(&line.size()));
        // In the right column, centred under the Quốc hiệu, on the row of Số.
        assert_close(line.centre(), qh.centre(), 1.0, "date centred");
        let so = find_line(&ls, "Số:");
        assert_close(line.y, so.y, 1.0, "date on the row of Số");
    }
}

#[test]
fn draft_with_blank_day_leaves_a_gap() {
    let yaml = "loai: ke_hoach\nco_quan: PHÒNG GIÁO DỤC VÀ ĐÀO TẠO\nky_hieu: PGDĐT\ndia_danh: Thủ Thừa\nngay: 2023-10\n";
    let (_, ls) = lines_of(yaml);
    let line = find_line(&ls, "Thủ Thừa, ngày");
    assert_eq!(line.text, "Thủ Thừa, ngày tháng 10 năm 2023");
    assert!(line.all_italic());
    // The blank is wide enough to write a day by hand: the gap between
    // "ngày" and "tháng" is at least two digits wide.
    let words = words_of(line);
    let ngay = words.iter().find(|w| w.0 == "ngày").unwrap();
    let thang = words.iter().find(|w| w.0 == "tháng").unwrap();
    let gap = thang.1 - ngay.2;
    assert!(gap >= line.size(), "gap of {gap:.1} pt for the day");
}

#[test]
fn draft_without_number_leaves_a_gap_before_the_slash() {
    let yaml = "loai: ke_hoach\nco_quan: PHÒNG GIÁO DỤC VÀ ĐÀO TẠO\nky_hieu: PGDĐT\ndia_danh: Thủ Thừa\nngay: 2023-10\n";
    let (_, ls) = lines_of(yaml);
    let qh = quoc_hieu(&ls);
    let so = find_line(&ls, "Số:");
    // The gap may split the row into two pieces; take the left column's.
    let row: Vec<&Line> = ls
        .iter()
        .filter(|l| l.page == so.page && (l.y - so.y).abs() < 0.6 && l.right < qh.x)
        .collect();
    let text = all_text(row.iter().copied());
    assert_eq!(text, "Số: /KH-PGDĐT", "{}", dump(&ls));
    let words: Vec<(String, f64, f64)> = row.iter().flat_map(|l| words_of(l)).collect();
    let (_, _, so_end) = words.iter().find(|w| w.0 == "Số:").unwrap();
    let (_, slash, _) = words.iter().find(|w| w.0.starts_with('/')).unwrap();
    assert!(
        slash - so_end >= 1.5 * so.size(),
        "gap of {:.1} pt for the number",
        slash - so_end
    );
}

#[test]
fn number_below_ten_gets_a_leading_zero() {
    let yaml = format!("{CONG_VAN_HEAD}trich_yeu: x\n");
    let (_, ls) = lines_of(&yaml);
    assert_eq!(find_line(&ls, "Số:").text, "Số: 05/PGDĐT");
    let yaml = KE_HOACH_HEAD.replace("so: 12", "so: 7");
    let (_, ls) = lines_of(&yaml);
    let so = find_line(&ls, "Số:");
    assert_eq!(so.text, "Số: 07/KH-PGDĐT");
    assert!(so.visible().all(|t| !t.bold() && !t.italic));
    assert!((12.0..=13.0).contains(&so.size()));
}

#[test]
fn long_names_stay_on_one_line_or_wrap_evenly() {
    // Both fit the left column at 13 pt.
    let (_, ls) = lines_of(&ke_hoach(""));
    let qh = quoc_hieu(&ls);
    for name in ["UBND HUYỆN THỦ THỪA", "PHÒNG GIÁO DỤC VÀ ĐÀO TẠO"] {
        let l = find_line(&ls, name);
        assert_eq!(l.text, name, "{}", dump(&ls));
        assert!(l.right < qh.x, "{name} runs into the right column");
        assert!((12.0..=13.0).contains(&l.size()));
    }
    assert!(find_line(&ls, "PHÒNG GIÁO DỤC VÀ ĐÀO TẠO").all_bold());

    // Too long for one line: two lines of similar length, the Quốc hiệu
    // untouched.
    let name = "SỞ GIÁO DỤC VÀ ĐÀO TẠO HẢI PHÒNG";
    let yaml = format!(
        "loai: ke_hoach\nco_quan_chu_quan: UBND THÀNH PHỐ HẢI PHÒNG\nco_quan: {name}\nso: 1\nky_hieu: SGDĐT\ndia_danh: Hải Phòng\nngay: 2022-09-20\n"
    );
    let (_, ls) = lines_of(&yaml);
    let body = issuing_body_lines(&ls);
    assert_eq!(body.len(), 2, "{}", dump(&ls));
    assert_eq!(format!("{} {}", body[0].text, body[1].text), name);
    let (a, b) = (body[0].width(), body[1].width());
    assert!(
        a.min(b) / a.max(b) > 0.7,
        "unbalanced lines {a:.1} / {b:.1}: {:?} / {:?}",
        body[0].text,
        body[1].text
    );
    assert_close(
        body[0].centre(),
        body[1].centre(),
        1.0,
        "both lines centred",
    );
    assert_eq!(
        find_line(&ls, "UBND THÀNH PHỐ HẢI PHÒNG").text,
        "UBND THÀNH PHỐ HẢI PHÒNG"
    );
}

#[test]
fn explicit_line_break_in_a_name_is_kept() {
    let yaml = "loai: cong_van\nco_quan_chu_quan: UBND HUYỆN CHƯ PĂH\nco_quan: \"BAN CHỈ ĐẠO XÂY DỰNG\\nXÃ HỘI HỌC TẬP\"\nky_hieu: BCĐ\ndia_danh: Chư Păh\nngay: 2021-09-28\n";
    let (_, ls) = lines_of(yaml);
    assert_eq!(find_line(&ls, "BAN CHỈ ĐẠO").text, "BAN CHỈ ĐẠO XÂY DỰNG");
    assert_eq!(find_line(&ls, "XÃ HỘI HỌC TẬP").text, "XÃ HỘI HỌC TẬP");
    quoc_hieu(&ls);
}

// ─── Page ──────────────────────────────────────────────────────────────

fn long_document() -> String {
    let mut yaml = ke_hoach("noi_dung:\n");
    for i in 1..=40 {
        yaml.push_str(&format!(
            "  - {}\n",
            yq(&format!("Đoạn {i}: Phòng Giáo dục và Đào tạo yêu cầu thủ trưởng các đơn vị tổ chức các hoạt động hưởng ứng Tuần lễ học tập suốt đời với nội dung phong phú, thiết thực."))
        ));
    }
    yaml.push_str(SIGNED);
    yaml
}

#[test]
fn pages_are_a4_with_the_decree_margins() {
    let (flat, ls) = lines_of(&long_document());
    assert!(flat.pages.len() >= 2);
    for (w, h) in &flat.pages {
        assert_close(to_mm(*w), 210.0, 0.1, "page width (mm)");
        assert_close(to_mm(*h), 297.0, 0.1, "page height (mm)");
    }
    let body: Vec<&Line> = ls.iter().filter(|l| l.text.starts_with("Đoạn")).collect();
    for t in &flat.texts {
        if t.text.trim().is_empty() {
            continue;
        }
        assert!(t.ink_x() >= text_left() - 0.5, "left of the margin: {t:?}");
        assert!(
            t.ink_right() <= text_right() + 0.5,
            "right of the margin: {t:?}"
        );
        assert!(t.y <= mm(297.0 - 20.0), "in the bottom margin: {t:?}");
    }
    // Body text starts at the top margin on page 2.
    let first = ls.iter().find(|l| l.page == 1 && l.y > mm(20.0)).unwrap();
    assert!(first.y - first.size() < mm(20.0) + 12.0, "{first:?}");
    assert!(!body.is_empty());
}

#[test]
fn page_number_hidden_on_page_1_and_centred_in_the_top_margin_after() {
    let (flat, _) = lines_of(&long_document());
    assert!(flat.pages.len() >= 2, "document too short to test");
    let in_top_margin = |page: usize| -> Vec<&Text> {
        flat.texts
            .iter()
            .filter(|t| t.page == page && t.y < mm(20.0) && !t.text.trim().is_empty())
            .collect()
    };
    assert!(
        in_top_margin(0).is_empty(),
        "text in page 1's top margin: {:?}",
        in_top_margin(0)
    );
    for page in 1..flat.pages.len() {
        let nums = in_top_margin(page);
        assert_eq!(nums.len(), 1, "page {}: {nums:?}", page + 1);
        let n = nums[0];
        assert_eq!(n.text.trim(), (page + 1).to_string());
        assert_close(
            (n.ink_x() + n.ink_right()) / 2.0,
            text_centre(),
            0.5,
            "page number centred over the text",
        );
        assert!((13.0..=14.0).contains(&n.size), "{n:?}");
        assert!(!n.bold() && !n.italic);
    }
}

#[test]
fn body_text_is_14_pt_regular_liberation_serif() {
    let (flat, ls) = lines_of(&long_document());
    for l in ls.iter().filter(|l| l.text.starts_with("Đoạn")) {
        assert_close(l.size(), 14.0, 0.01, "body size");
        assert!(l.visible().all(|t| !t.bold() && !t.italic));
    }
    for t in &flat.texts {
        assert_eq!(t.family, "Liberation Serif", "{t:?}");
    }
}

#[test]
fn body_paragraph_has_a_1_cm_first_line_indent_and_is_justified() {
    let long = "Thực hiện Kế hoạch số 5758/KH-UBND ngày 02/10/2023 của Ủy ban nhân dân huyện Thủ Thừa về tổ chức Tuần lễ hưởng ứng học tập suốt đời năm 2023, Phòng Giáo dục và Đào tạo yêu cầu thủ trưởng các đơn vị tổ chức Tuần lễ với những nội dung chủ yếu sau đây, bảo đảm thiết thực và hiệu quả.";
    let (_, ls) = lines_of(&ke_hoach(&format!("noi_dung:\n  - {}\n", yq(long))));
    let first = line_index(&ls, "Thực hiện Kế hoạch");
    let para: Vec<&Line> = ls[first..]
        .iter()
        .take_while(|l| l.size() == 14.0)
        .collect();
    assert!(para.len() >= 3, "{}", dump(&ls));
    assert_eq!(all_text(para.iter().copied()), long);
    let indent = para[0].x - para[1].x;
    assert!(
        (indent - mm(10.0)).abs() < 0.5 || (indent - mm(12.7)).abs() < 0.5,
        "first-line indent {:.2} mm",
        to_mm(indent)
    );
    for l in &para[1..] {
        assert_close(l.x, text_left(), 0.5, "continuation lines at the margin");
    }
    for l in &para[..para.len() - 1] {
        assert_close(
            l.right,
            text_right(),
            0.5,
            "justified line reaches the margin",
        );
    }
    let last = para.last().unwrap();
    assert!(
        last.right < text_right() - 10.0,
        "last line is not stretched"
    );
}

#[test]
fn paragraphs_are_spaced_at_least_6_pt_more_than_lines() {
    let p = "Phòng Giáo dục và Đào tạo yêu cầu thủ trưởng các đơn vị tổ chức các hoạt động hưởng ứng Tuần lễ học tập suốt đời với nội dung phong phú.";
    let (_, ls) = lines_of(&ke_hoach(&format!(
        "noi_dung:\n  - {}\n  - {}\n",
        yq(&format!("A {p}")),
        yq(&format!("B {p}"))
    )));
    let a = line_index(&ls, "A Phòng");
    let b = line_index(&ls, "B Phòng");
    assert!(b >= a + 2, "paragraph A should wrap:\n{}", dump(&ls));
    let leading = ls[a + 1].y - ls[a].y;
    let gap = ls[b].y - ls[b - 1].y;
    assert!(
        gap - leading >= 6.0 - 0.01,
        "paragraph gap {gap:.2} vs line gap {leading:.2}"
    );
    // Line spacing between single and 1.5 lines (Word single ≈ 1.15 em).
    assert!(
        (1.1 * 14.0..=1.55 * 14.0).contains(&leading),
        "line spacing {leading:.2} pt"
    );
}

#[test]
fn no_bullet_anywhere() {
    let yaml = ke_hoach(
        "noi_dung:\n  - muc: I. MỤC ĐÍCH, YÊU CẦU\n  - khoan: 1. Mục đích\n  - diem: a) Điểm\n  - gach: [Một, Hai]\n  - cong: [Ba, Bốn]\n  - \"- Gạch viết tay\"\n",
    ) + SIGNED;
    let (flat, ls) = lines_of(&yaml);
    assert!(
        flat.texts
            .iter()
            .all(|t| !t.text.contains('•') && !t.text.contains('‣')),
        "{}",
        dump(&ls)
    );
    for (line, bold) in [
        ("I. MỤC ĐÍCH, YÊU CẦU", true),
        ("1. Mục đích", true),
        ("a) Điểm", false),
        ("- Một", false),
        ("- Hai", false),
        ("+ Ba", false),
        ("+ Bốn", false),
        ("- Gạch viết tay", false),
    ] {
        let l = find_line(&ls, line);
        assert_eq!(l.text, line);
        assert_eq!(l.all_bold(), bold, "{line}");
        assert_close(l.size(), 14.0, 0.01, line);
        assert_close(
            l.x,
            text_left() + mm(10.0),
            1.0,
            "indented like a paragraph",
        );
    }
}

// ─── Title, subject, recipients ────────────────────────────────────────

#[test]
fn cong_van_has_v_v_under_the_number_and_no_type_name() {
    let yaml = format!(
        "{CONG_VAN_HEAD}trich_yeu: triển khai Tuần lễ hưởng ứng học tập suốt đời năm 2023\nkinh_gui: Hiệu trưởng các trường\nnoi_dung:\n  - Nội dung.\n"
    );
    let (_, ls) = lines_of(&yaml);
    let qh = quoc_hieu(&ls);
    let so = find_line(&ls, "Số:");
    let i = line_index(&ls, "V/v");
    let vv = &ls[i];
    assert!(vv.text.starts_with("V/v triển khai"), "{vv:?}");
    assert!(vv.y > so.y, "V/v above Số");
    assert!(vv.y - so.y < 2.5 * so.size(), "V/v far from Số");
    assert!(vv.right < qh.x, "V/v outside the left column");
    assert_close(vv.centre(), so.centre(), 2.0, "V/v centred under Số");
    // The wrapped subject stays in the left column and reads back whole.
    let vv_lines: Vec<&Line> = ls[i..]
        .iter()
        .take_while(|l| l.right < qh.x && !l.text.contains("Kính gửi"))
        .collect();
    assert_eq!(
        all_text(vv_lines.iter().copied()),
        "V/v triển khai Tuần lễ hưởng ứng học tập suốt đời năm 2023"
    );
    for l in &vv_lines {
        assert!((12.0..=13.0).contains(&l.size()));
        assert!(l.visible().all(|t| !t.bold() && !t.italic), "{l:?}");
    }
    for name in ["CÔNG VĂN", "KẾ HOẠCH"] {
        assert!(find_lines(&ls, name).is_empty(), "{name} on a công văn");
    }
}

#[test]
fn ke_hoach_has_a_centred_bold_type_name_and_subject_with_a_rule() {
    let (flat, ls) = lines_of(&ke_hoach("noi_dung:\n  - Nội dung.\n"));
    let kh = find_line(&ls, "KẾ HOẠCH");
    assert_eq!(kh.text, "KẾ HOẠCH");
    assert!(kh.all_bold());
    assert!((13.0..=14.0).contains(&kh.size()));
    assert_close(kh.centre(), text_centre(), 1.0, "KẾ HOẠCH centred");
    let so = find_line(&ls, "Số:");
    assert!(kh.y > so.y, "type name above the number row");
    let ty = find_line(&ls, "Tổ chức Tuần lễ");
    assert_eq!(
        ty.text,
        "Tổ chức Tuần lễ hưởng ứng học tập suốt đời năm 2023"
    );
    assert!(ty.all_bold() && !ty.visible().any(|t| t.italic));
    assert!((13.0..=14.0).contains(&ty.size()));
    assert!(ty.y > kh.y);
    assert_close(ty.centre(), text_centre(), 1.0, "subject centred");
    let body = find_line(&ls, "Nội dung.");
    let rule = rules_between(&flat, 0, ty.y, body.y)
        .into_iter()
        .next()
        .unwrap_or_else(|| panic!("no rule under the subject: {:?}", flat.rules));
    let ratio = rule.length() / ty.width();
    assert!(
        (1.0 / 3.0..=0.5).contains(&ratio),
        "subject rule is {ratio:.2} of the subject"
    );
    assert_close(rule.centre(), text_centre(), 1.0, "subject rule centred");
    // Clear of the descenders: at least half an em under the baseline.
    let gap = rule.y.min(rule.y2) - ty.y;
    assert!(
        gap >= 0.5 * ty.size(),
        "subject rule {gap:.1} pt under the baseline"
    );
    assert!(find_lines(&ls, "V/v").is_empty());
}

#[test]
fn rule_under_a_wrapped_subject_follows_its_longest_line() {
    for subject in [
        "Tổ chức các hoạt động hưởng ứng Tuần lễ học tập suốt đời và Ngày hội khuyến học năm 2023 trên địa bàn huyện Thủ Thừa",
        // Just too long for one line: two short lines.
        "Tổ chức Tuần lễ hưởng ứng học tập suốt đời năm 2023 trên toàn huyện Thủ Thừa",
    ] {
        check_subject_rule(subject);
    }
}

fn check_subject_rule(subject: &str) {
    let yaml = format!("{KE_HOACH_HEAD}trich_yeu: {subject}\nnoi_dung:\n  - Nội dung.\n");
    let (flat, ls) = lines_of(&yaml);
    let kh = line_index(&ls, "KẾ HOẠCH");
    let body = find_line(&ls, "Nội dung.");
    let subj: Vec<&Line> = ls[kh + 1..].iter().filter(|l| l.y < body.y).collect();
    assert!(subj.len() >= 2, "subject should wrap:\n{}", dump(&ls));
    assert_eq!(all_text(subj.iter().copied()), subject);
    for l in &subj {
        assert!(l.all_bold());
        assert_close(l.centre(), text_centre(), 1.0, "subject lines centred");
    }
    let (a, b) = (subj[0].width(), subj[1].width());
    assert!(
        a.min(b) / a.max(b) > 0.7,
        "unbalanced subject lines {a:.1} / {b:.1}"
    );
    let longest = subj.iter().map(|l| l.width()).fold(0.0, f64::max);
    let rule = rules_between(&flat, 0, subj.last().unwrap().y, body.y)
        .into_iter()
        .next()
        .unwrap_or_else(|| panic!("no rule under the subject: {:?}", flat.rules));
    let ratio = rule.length() / longest;
    assert!(
        (1.0 / 3.0..=0.5).contains(&ratio),
        "subject rule {:.1} pt is {ratio:.2} of the longest line, {longest:.1} pt",
        rule.length()
    );
}

#[test]
fn kinh_gui_one_recipient_stays_on_the_line() {
    let yaml = format!("{CONG_VAN_HEAD}trich_yeu: x\nkinh_gui: Bộ Nội vụ\n");
    let (_, ls) = lines_of(&yaml);
    let l = find_line(&ls, "Kính gửi");
    assert_eq!(l.text, "Kính gửi: Bộ Nội vụ");
    assert!((13.0..=14.0).contains(&l.size()));
    assert!(l.visible().all(|t| !t.bold() && !t.italic));
}

#[test]
fn kinh_gui_several_recipients_one_per_line() {
    let yaml = format!(
        "{CONG_VAN_HEAD}trich_yeu: x\nkinh_gui:\n  - Trưởng phòng GDĐT các huyện\n  - Hiệu trưởng các trường THPT\n  - Giám đốc các trung tâm GDTX\n"
    );
    let (_, ls) = lines_of(&yaml);
    let i = line_index(&ls, "Kính gửi");
    assert_eq!(ls[i].text, "Kính gửi:");
    let items = &ls[i + 1..i + 4];
    let want = [
        "- Trưởng phòng GDĐT các huyện;",
        "- Hiệu trưởng các trường THPT;",
        "- Giám đốc các trung tâm GDTX.",
    ];
    for (l, w) in items.iter().zip(want) {
        assert_eq!(l.text, w, "{}", dump(&ls));
        assert!((13.0..=14.0).contains(&l.size()));
    }
    // The dashes are aligned with each other, right of `Kính gửi:`'s start.
    for l in items {
        assert_close(l.x, items[0].x, 0.5, "dashes aligned");
    }
    assert!(items[0].x > ls[i].x);
    assert!(ls[i + 4..].iter().all(|l| !l.text.starts_with("- Giám")));
}

#[test]
fn kinh_gui_punctuation_typed_in_the_data_is_not_doubled() {
    // The decree prints `;` and `.`; writers copy them into the data. The
    // layout adds its own, as it does for Nơi nhận.
    let yaml = format!(
        "{CONG_VAN_HEAD}trich_yeu: x\nkinh_gui:\n  - Trưởng phòng GDĐT các huyện;\n  - Hiệu trưởng các trường THPT.\n"
    );
    let (_, ls) = lines_of(&yaml);
    let i = line_index(&ls, "Kính gửi");
    assert_eq!(ls[i + 1].text, "- Trưởng phòng GDĐT các huyện;");
    assert_eq!(ls[i + 2].text, "- Hiệu trưởng các trường THPT.");
    let yaml = format!("{CONG_VAN_HEAD}trich_yeu: x\nkinh_gui: Bộ Nội vụ.\n");
    let (_, ls) = lines_of(&yaml);
    assert_eq!(find_line(&ls, "Kính gửi").text, "Kính gửi: Bộ Nội vụ.");
}

// ─── Signature and Nơi nhận ────────────────────────────────────────────

#[test]
fn noi_nhan_label_and_items() {
    let yaml = ke_hoach(
        "noi_dung:\n  - Nội dung./.\nnguoi_ky:\n  quyen_han: KT. TRƯỞNG PHÒNG\n  chuc_vu: PHÓ TRƯỞNG PHÒNG\n  ho_ten: Bùi Văn Nhựt\nnoi_nhan:\n  - Như trên\n  - UBND huyện (b/c);\n  - Các trường MN, TH, THCS.\n  - \"Lưu: VT, GDTX\"\n",
    );
    let (_, ls) = lines_of(&yaml);
    let label = find_line(&ls, "Nơi nhận");
    assert_eq!(label.text, "Nơi nhận:");
    assert!(label.all_bold() && label.all_italic(), "{label:?}");
    assert_close(label.size(), 12.0, 0.01, "Nơi nhận label size");
    assert_close(label.x, text_left(), 0.5, "Nơi nhận flush left");
    let i = line_index(&ls, "Nơi nhận");
    let items: Vec<&Line> = ls[i + 1..]
        .iter()
        .filter(|l| l.x < text_centre())
        .take(4)
        .collect();
    let want = [
        "- Như trên;",
        "- UBND huyện (b/c);",
        "- Các trường MN, TH, THCS;",
        "- Lưu: VT, GDTX.",
    ];
    for (l, w) in items.iter().zip(want) {
        assert_eq!(l.text, w, "{}", dump(&ls));
        assert_close(l.size(), 11.0, 0.01, "Nơi nhận item size");
        assert!(l.visible().all(|t| !t.bold() && !t.italic), "{l:?}");
        assert_close(l.x, text_left(), 0.5, "Nơi nhận items flush left");
    }
    // Level with the first line of the signature block.
    let kt = find_line(&ls, "KT. TRƯỞNG PHÒNG");
    assert!(
        (label.y - kt.y).abs() <= 2.0,
        "Nơi nhận at {:.1}, KT. at {:.1}",
        label.y,
        kt.y
    );
}

#[test]
fn signature_block_three_lines_in_order() {
    let yaml = ke_hoach(
        "noi_dung:\n  - Nội dung./.\nnguoi_ky:\n  quyen_han: [TM. BAN CHỈ ĐẠO, KT. TRƯỞNG BAN]\n  chuc_vu: PHÓ TRƯỞNG BAN\n  ho_ten: Phạm Quang Long\nnoi_nhan:\n  - \"Lưu: VT\"\n",
    );
    let (_, ls) = lines_of(&yaml);
    let rows: Vec<&Line> = [
        "TM. BAN CHỈ ĐẠO",
        "KT. TRƯỞNG BAN",
        "PHÓ TRƯỞNG BAN",
        "Phạm Quang Long",
    ]
    .iter()
    .map(|s| {
        let l = ls
            .iter()
            .find(|l| l.text == *s)
            .unwrap_or_else(|| panic!("no line {s:?}:\n{}", dump(&ls)));
        assert!(l.all_bold(), "{s} not bold");
        assert!(!l.visible().any(|t| t.italic), "{s} italic");
        assert!((13.0..=14.0).contains(&l.size()), "{s}");
        assert!(
            l.x > text_centre() - mm(20.0),
            "{s} not in the right column"
        );
        l
    })
    .collect();
    for w in rows.windows(2) {
        assert!(w[0].y < w[1].y, "{:?} not above {:?}", w[0].text, w[1].text);
    }
    for l in &rows[1..] {
        assert_close(
            l.centre(),
            rows[0].centre(),
            1.0,
            "signature lines centred together",
        );
    }
    // Space for signature and seal (≈ 2.5 cm) between position and name.
    let space = rows[3].y - rows[2].y;
    assert!(
        space >= mm(20.0),
        "only {:.1} mm for the signature",
        to_mm(space)
    );
    // The position and the name are consecutive lines of the block.
    assert!(rows[1].y - rows[0].y < 2.0 * rows[0].size());
}

#[test]
fn signer_without_quyen_han() {
    // The head signs in their own name: position and name only.
    let yaml = ke_hoach(
        "nguoi_ky:\n  chuc_vu: TRƯỞNG PHÒNG\n  ho_ten: Nguyễn Văn A\nnoi_nhan:\n  - \"Lưu: VT\"\n",
    );
    let b = try_build_yaml(&yaml).unwrap_or_else(|e| panic!("{e}"));
    let ls = lines(&flatten(&b.document));
    let pos = ls.iter().find(|l| l.text == "TRƯỞNG PHÒNG").unwrap();
    let name = ls.iter().find(|l| l.text == "Nguyễn Văn A").unwrap();
    assert!(pos.all_bold() && name.all_bold());
    assert!(name.y - pos.y >= mm(20.0));
    let label = find_line(&ls, "Nơi nhận:");
    assert!(
        (label.y - pos.y).abs() <= 2.0,
        "Nơi nhận level with the position"
    );
}

#[test]
fn signature_block_lines_bold_and_upper_case_positions() {
    let yaml = ke_hoach(
        "nguoi_ky:\n  quyen_han: kt. giám đốc\n  chuc_vu: phó giám đốc\n  ho_ten: Nguyễn Văn A\n",
    );
    let (_, ls) = lines_of(&yaml);
    for s in ["KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC", "Nguyễn Văn A"] {
        let l = ls
            .iter()
            .find(|l| l.text == s)
            .unwrap_or_else(|| panic!("no line {s:?}:\n{}", dump(&ls)));
        assert!(l.all_bold(), "{s}");
    }
}

// ─── Tables ────────────────────────────────────────────────────────────

#[test]
fn table_header_repeats_on_the_next_page() {
    let mut yaml = ke_hoach("noi_dung:\n  - bang:\n      cot: [1, 6, 3]\n      dau: [STT, Nội dung công việc, Thời gian]\n      dong:\n");
    for i in 1..=60 {
        yaml.push_str(&format!(
            "        - [\"{i}\", \"Công việc số {i} của kế hoạch\", \"Tháng {}\"]\n",
            i % 12 + 1
        ));
    }
    let (flat, ls) = lines_of(&yaml);
    assert!(flat.pages.len() >= 2, "table too short:\n{}", dump(&ls));
    for page in 0..2 {
        let header = ls
            .iter()
            .find(|l| l.page == page && l.text == "Nội dung công việc")
            .unwrap_or_else(|| panic!("no header on page {}:\n{}", page + 1, dump(&ls)));
        assert!(header.all_bold());
        let stt = ls
            .iter()
            .find(|l| l.page == page && l.text == "STT")
            .unwrap();
        assert!(stt.all_bold());
        assert_close(stt.y, header.y, 1.0, "header cells on one row");
        // Above every row of the table on that page.
        let rows: Vec<&Line> = ls
            .iter()
            .filter(|l| l.page == page && l.text.starts_with("Công việc số"))
            .collect();
        assert!(!rows.is_empty());
        assert!(rows.iter().all(|r| r.y > header.y));
        assert!(rows.iter().all(|r| !r.all_bold()));
    }
    // Continuation: page 2 goes on where page 1 stopped.
    let last_p1 = ls
        .iter()
        .rev()
        .find(|l| l.page == 0 && l.text.starts_with("Công việc số"))
        .unwrap();
    let first_p2 = ls
        .iter()
        .find(|l| l.page == 1 && l.text.starts_with("Công việc số"))
        .unwrap();
    let n = |l: &Line| -> u32 { l.text.split_whitespace().nth(3).unwrap().parse().unwrap() };
    assert_eq!(n(first_p2), n(last_p1) + 1);
}

#[test]
fn table_cells_follow_column_alignment_and_size() {
    let yaml = ke_hoach(
        "noi_dung:\n  - bang:\n      cot: [1, 4]\n      can: [giua, trai]\n      co_chu: 12\n      dau: [STT, Nội dung]\n      dong:\n        - [\"1\", Một việc]\n",
    );
    let (_, ls) = lines_of(&yaml);
    let one = ls.iter().find(|l| l.text == "1").unwrap();
    let viec = ls.iter().find(|l| l.text == "Một việc").unwrap();
    assert_close(one.size(), 12.0, 0.01, "cell size");
    assert_close(viec.size(), 12.0, 0.01, "cell size");
    let col1 = (
        text_left(),
        text_left() + (text_right() - text_left()) / 5.0,
    );
    assert_close(one.centre(), (col1.0 + col1.1) / 2.0, 1.0, "centred column");
    assert!(
        viec.x < col1.1 + 8.0,
        "left-aligned column starts at its edge"
    );
}
