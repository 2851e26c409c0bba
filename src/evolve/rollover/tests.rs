use super::*;

fn rolled(text: &str) -> Rollover {
    roll(text, 2022, 2023)
}

#[test]
fn own_dates_move_and_citations_stay() {
    let text = "loai: cong_van\nngay: 2022-09-29\nthuc_hien:\n  - Công văn số 4342/BGDĐT-GDTEX ngày 07/9/2022 của Bộ về việc tổ chức Tuần lễ năm 2022\nnoi_dung:\n  - Căn cứ Công văn số 3201/VP-VX ngày 14/9/2022 về việc tổ chức Tuần lễ năm 2022 trên địa bàn, trong đó “giao Sở tổ chức năm 2022”; Tuần lễ năm 2022 tổ chức từ ngày 01/10/2022.\n";
    let r = rolled(text);
    assert!(
        r.text
            .contains("  - Công văn số 4342/BGDĐT-GDTEX ngày 07/9/2022 của Bộ về việc tổ chức Tuần lễ năm 2022\n"),
        "{}",
        r.text
    );
    assert!(
        r.text.contains("Căn cứ Công văn số 3201/VP-VX ngày 14/9/2022 về việc tổ chức Tuần lễ năm 2022 trên địa bàn, trong đó “giao Sở tổ chức năm 2022”; Tuần lễ năm 2023 tổ chức từ ngày 01/10/2023."),
        "{}",
        r.text
    );
    assert!(r.text.contains("ngay: 2023-09\n"), "{}", r.text);
    assert_eq!(r.citations_kept, 2);
    let notes: Vec<&str> = r.reviews.iter().map(|r| r.note.as_str()).collect();
    assert_eq!(notes.len(), 2, "{notes:?}");
    assert!(
        notes[0].starts_with("Công văn số 4342/BGDĐT-GDTEX ngày 07/9/2022 → giữ nguyên"),
        "{notes:?}"
    );
    assert_eq!(r.reviews[0].line, 4);
    assert_eq!(r.reviews[1].line, 6);
}

#[test]
fn years_in_every_letter_case_school_years_and_blank_dates() {
    let r = rolled("ten_loai: \"BÁO CÁO\\nSUỐT ĐỜI NĂM 2022\"\nchu_thich: (Kèm theo Công văn số..... /....., ngày...../.../2022)\ndong_ngay: '....., ngày.....tháng.....năm 2022'\nx: năm học 2022-2023, Năm 2022, giai đoạn 2021-2030, trước ngày 25 tháng 10 năm** 2022\n");
    assert_eq!(
        r.text,
        "ten_loai: \"BÁO CÁO\\nSUỐT ĐỜI NĂM 2023\"\nchu_thich: (Kèm theo Công văn số..... /....., ngày...../.../2023)\ndong_ngay: '....., ngày.....tháng.....năm 2023'\nx: năm học 2023-2024, Năm 2023, giai đoạn 2021-2030, trước ngày 25 tháng 10 năm** 2023\n"
    );
    assert_eq!(r.count(Kind::Years), 1);
    assert!(r.reviews.is_empty(), "{:?}", r.reviews);
}

#[test]
fn weekdays_next_to_moved_dates_are_recomputed() {
    let r = roll(
        "a: 07 giờ 30, *thứ Sáu, ngày 31/5/2024* (buổi sáng).\nb: nghỉ học ngày 06/10/2023 (thứ Sáu) và Thứ Hai, ngày 02/10\nc: Thông tư số 07/2023/TT-BTC ngày 31/5/2024 (thứ Sáu)\n",
        2024,
        2026,
    );
    assert!(r.text.contains("*Chủ nhật, ngày 31/5/2026*"), "{}", r.text);
    // 2023 is near 2024: it moves by the same two years.
    assert!(r.text.contains("ngày 06/10/2025 (thứ Hai)"), "{}", r.text);
    assert!(r.text.contains("Thứ Sáu, ngày 02/10"), "{}", r.text);
    assert!(
        r.text.contains("ngày 31/5/2024 (thứ Sáu)"),
        "a citation's weekday stays: {}",
        r.text
    );
    assert_eq!(r.count(Kind::Weekday), 3);
    let w = r.changes.iter().find(|c| c.kind == Kind::Weekday).unwrap();
    assert_eq!((w.line, w.column), (1, 16));
    assert_eq!(
        (w.before.as_str(), w.after.as_str()),
        ("thứ Sáu", "Chủ nhật")
    );
    let report = r.report("x.yaml");
    assert!(
        report.contains("x.yaml:1: thứ Sáu → Chủ nhật (thứ của ngày 31/5/2026)"),
        "{report}"
    );
}

#[test]
fn leap_day_number_and_comments() {
    let r = roll(
        "# năm 2024 in a comment stays\nso: 12  # number\nx: 2024-02-29 29/02/2024 ngày 29 tháng 02 năm 2024\nanh: logo-2024-01-01.png\n",
        2024,
        2025,
    );
    assert_eq!(
        r.text,
        "# năm 2024 in a comment stays\nso: # number\nx: 2025-02-28 28/02/2025 ngày 28 tháng 02 năm 2025\nanh: logo-2024-01-01.png\n"
    );
    assert_eq!(r.count(Kind::Number), 1);
}

#[test]
fn a_year_left_alone_is_for_review() {
    let r = rolled("x: Tuần lễ 2022 và số 07/2022/TT-BTC\n");
    assert_eq!(r.text, "x: Tuần lễ 2022 và số 07/2022/TT-BTC\n");
    assert_eq!(r.reviews.len(), 2, "{:?}", r.reviews);
    assert!(
        r.reviews[0].note.contains("…x: Tuần lễ 2022 và số…"),
        "{:?}",
        r.reviews
    );
    assert!(
        r.reviews[1].note.contains("07/2022/TT-BTC"),
        "{:?}",
        r.reviews
    );
}

#[test]
fn report_lists_changes_and_reviews_by_line() {
    let r = rolled("ngay: 2022-10-03\nthuc_hien:\n  - Kế hoạch số 211/KH-UBND ngày 29/9/2022 của UBND quận\nx: đến ngày 07/10/2022\n");
    let rep = r.report("new.yaml");
    assert!(
        rep.contains("new.yaml:1: ngay: 2022-10-03 → ngay: 2023-10"),
        "{rep}"
    );
    assert!(rep.contains("new.yaml:4: 07/10/2022 → 07/10/2023"), "{rep}");
    assert!(
        rep.contains("new.yaml:3: Kế hoạch số 211/KH-UBND ngày 29/9/2022 → giữ nguyên"),
        "{rep}"
    );
}

#[test]
fn a_citation_goes_on_over_the_next_line() {
    let r = rolled("noi_dung:\n  - Thực hiện Công văn số 12/SGDĐT ngày 01/9/2022 của Sở về Tuần lễ\n    năm 2022; tổ chức năm 2022.\n");
    assert!(
        r.text.ends_with("    năm 2022; tổ chức năm 2023.\n"),
        "{}",
        r.text
    );
}

#[test]
fn a_law_named_by_its_year_is_a_citation() {
    let r = roll(
        "x: Căn cứ Luật Giáo dục năm 2019, tổ chức năm 2019.\n",
        2019,
        2020,
    );
    assert_eq!(
        r.text,
        "x: Căn cứ Luật Giáo dục năm 2019, tổ chức năm 2020.\n"
    );
    assert_eq!(r.citations_kept, 1);
}

#[test]
fn a_parent_or_cited_file_is_for_review() {
    let r = rolled(
        "extends: ../tinh/kh-2022.yaml\nthuc_hien:\n  - ../tinh/kh-2022.yaml\nngay: 2022-10-02\n",
    );
    let notes: Vec<(usize, &str)> = r
        .reviews
        .iter()
        .map(|v| (v.line, v.note.as_str()))
        .collect();
    assert_eq!(notes.len(), 2, "{notes:?}");
    assert!(
        notes[0].1.starts_with("../tinh/kh-2022.yaml → giữ nguyên"),
        "{notes:?}"
    );
    assert_eq!((notes[0].0, notes[1].0), (1, 3));
    assert!(r
        .text
        .starts_with("extends: ../tinh/kh-2022.yaml\nthuc_hien:\n  - ../tinh/kh-2022.yaml\n"));
}
