//! The kinds table (`vanban::model::KINDS`): every row's example builds and
//! shows that row's type name and abbreviation, read back from the page.

use vanban::model::KINDS;

use crate::common::*;

#[test]
fn every_kind_builds_its_example_with_its_name_and_abbreviation() {
    for row in KINDS {
        let built = layout_file(&format!("data/examples/{}", row.example));
        let flat = flatten(&built.document);
        let first: Vec<Line> = lines(&flat).into_iter().filter(|l| l.page == 0).collect();
        if row.ten.is_empty() {
            // A công văn: no type name, its subject under the number.
            find_line(&first, "V/v");
        } else {
            let title = find_line(&first, row.ten);
            assert_eq!(title.text, row.ten, "{}", row.key);
            assert!(title.items.iter().all(|t| t.bold()), "{}", row.key);
        }
        // The number line (absent from a document issued with another one)
        // carries the abbreviation after the slash; a draft's blank number
        // may split it from `Số:`, so the whole page is read.
        let text = all_text(&first);
        if text.contains("Số:") && !row.viet_tat.is_empty() {
            let abbr = format!("/{}-", row.viet_tat);
            assert!(text.contains(&abbr), "{}: no {abbr} in {text}", row.key);
        }
    }
}

/// Page 1 of an example, as lines.
fn example_lines(file: &str) -> Vec<Line> {
    let built = layout_file(&format!("data/examples/{file}"));
    lines(&flatten(&built.document))
}

#[test]
fn bien_ban_has_two_signers_level_with_each_other() {
    let ls = example_lines("bien-ban.yaml");
    let (secretary, chair) = (find_line(&ls, "THƯ KÝ"), find_line(&ls, "CHỦ TỌA"));
    assert_eq!(
        (secretary.text.as_str(), chair.text.as_str()),
        ("THƯ KÝ", "CHỦ TỌA")
    );
    assert!(secretary.all_bold() && chair.all_bold());
    assert_close(secretary.y, chair.y, 0.5, "positions on one baseline");
    let exact = |t: &str| {
        ls.iter()
            .find(|l| l.text == t)
            .unwrap_or_else(|| panic!("{t}:\n{}", dump(&ls)))
    };
    let (p, l) = (exact("Lê Văn P"), exact("Trần Thị L"));
    assert_close(p.y, l.y, 0.5, "names on one baseline");
    assert_eq!(p.page, l.page);
    // Space for the signatures between each position and its name.
    assert!(p.y - secretary.y > mm(20.0), "{}", dump(&ls));
    // The secretary centred in the left 45 %, the chair in the right 55 %.
    let (left, width) = (mm(30.0), mm(165.0));
    assert_close(
        secretary.centre(),
        left + width * 0.225,
        1.0,
        "secretary centred on the left",
    );
    assert_close(
        chair.centre(),
        left + width * 0.725,
        1.0,
        "chair centred on the right",
    );
    assert_close(
        p.centre(),
        secretary.centre(),
        1.0,
        "secretary's name under its position",
    );
    // Nơi nhận under both signatures, at the left edge.
    let nn = find_line(&ls, "Nơi nhận:");
    assert!(nn.y > p.y && nn.page == p.page, "{}", dump(&ls));
    assert_close(nn.x, left, 0.5, "Nơi nhận at the left edge");
}

#[test]
fn cong_dien_has_its_sender_line_and_recipients_without_kinh_gui() {
    let ls = example_lines("cong-dien.yaml");
    assert!(find_lines(&ls, "Kính gửi").is_empty(), "{}", dump(&ls));
    assert!(all_text(&ls).contains("Số: 03/CĐ-UBND"));
    let title = line_index(&ls, "CÔNG ĐIỆN");
    let sender = line_index(&ls, "điện:");
    assert!(sender > title);
    let s = &ls[sender];
    assert_eq!(s.text, "CHỦ TỊCH ỦY BAN NHÂN DÂN HUYỆN điện:");
    // The sender bold, `điện:` not; the line centred.
    assert!(s
        .items
        .iter()
        .filter(|t| t.text.contains("CHỦ TỊCH"))
        .all(|t| t.bold()));
    assert!(s
        .items
        .iter()
        .filter(|t| t.text.contains("điện"))
        .all(|t| !t.bold()));
    assert_close(
        s.centre(),
        mm(30.0 + 165.0 / 2.0),
        1.0,
        "sender line centred",
    );
    let want = [
        "- Trưởng phòng Giáo dục và Đào tạo huyện;",
        "- Chủ tịch Ủy ban nhân dân các xã, thị trấn;",
        "- Hiệu trưởng các trường mầm non, tiểu học, trung học cơ sở.",
    ];
    for (l, w) in ls[sender + 1..].iter().zip(want) {
        assert_eq!(l.text, w, "{}", dump(&ls));
        assert_close(l.x, mm(40.0), 0.5, "recipient at the paragraph indent");
    }
    // The urgency stamp in the header.
    find_line(&ls, "HỎA TỐC");
}

#[test]
fn party_document_has_its_heading_star_number_and_t_m() {
    let built = layout_file("data/examples/dang-bao-cao.yaml");
    let flat = flatten(&built.document);
    let ls = lines(&flat);
    assert!(find_lines(&ls, "CỘNG HÒA").is_empty() && find_lines(&ls, "Độc lập").is_empty());
    let h = find_line(&ls, "ĐẢNG CỘNG SẢN VIỆT NAM");
    assert_eq!(h.text, "ĐẢNG CỘNG SẢN VIỆT NAM");
    assert!(h.all_bold());
    assert_close(h.size(), 15.0, 0.01, "Party heading size");
    // Underlined: a rule as long as the heading, centred under it.
    let rule = rules_between(&flat, 0, h.y, h.y + 12.0)
        .into_iter()
        .next()
        .unwrap_or_else(|| panic!("no rule under the heading: {:?}", flat.rules));
    assert_close(rule.length(), h.width(), 1.0, "rule as long as the heading");
    assert_close(
        rule.centre(),
        h.centre(),
        1.0,
        "rule centred under the heading",
    );
    // A star under the issuer, then the number in the Party form.
    let issuer = find_line(&ls, "CƠ SỞ BÌNH THẠNH");
    let star = ls
        .iter()
        .find(|l| l.text == "*")
        .unwrap_or_else(|| panic!("{}", dump(&ls)));
    assert!(star.y > issuer.y);
    assert_close(
        star.centre(),
        issuer.centre(),
        2.0,
        "star centred under the issuer",
    );
    let so = find_line(&ls, "Số 12-BC/CB");
    assert_eq!(so.text, "Số 12-BC/CB");
    assert!(so.y > star.y);
    // The date under the heading, above the number.
    let date = find_line(&ls, "ngày 20 tháng 12 năm 2023");
    assert!(date.y > h.y && date.y < so.y, "{}", dump(&ls));
    assert_close(
        date.centre(),
        h.centre(),
        1.0,
        "date centred under the heading",
    );
    // T/M signature.
    let tm = find_line(&ls, "T/M CHI BỘ");
    assert!(tm.all_bold());
    assert!(find_line(&ls, "BÍ THƯ").y > tm.y);
}
