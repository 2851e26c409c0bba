//! Header choices and layouts of real documents of other offices, written
//! in vanban's vocabulary: each size on its own key, the date line of a
//! tall issuer, a Kính gửi recipient on two lines, issuer names wrapped
//! between words. Read off the laid-out frames.

use crate::common::*;

const TIEU_NGU: &str = "Độc lập - Tự do - Hạnh phúc";

#[test]
fn each_header_size_has_its_own_key() {
    // (Quốc hiệu, Tiêu ngữ, issuer, date, V/v): offices' 13/14/13/13/12,
    // and another combination the decree's pairs did not allow.
    for (qh, tn, cq, ngay, vv) in [
        (13.0, 14.0, 13.0, 13.0, 12.0),
        (12.0, 14.0, 12.0, 14.0, 13.0),
    ] {
        let yaml = format!(
            "{CONG_VAN_HEAD}trich_yeu: Hướng dẫn thực hiện nhiệm vụ năm học\ntrinh_bay:\n  co_chu_quoc_hieu: {qh}\n  co_chu_tieu_ngu: {tn}\n  co_chu_co_quan: {cq}\n  co_chu_ngay: {ngay}\n  co_chu_vv: {vv}\n"
        );
        let (_, ls) = lines_of(&yaml);
        let what = format!("{qh}/{tn}/{cq}/{ngay}/{vv}:\n{}", dump(&ls));
        assert_close(find_line(&ls, "CỘNG HÒA").size(), qh, 0.01, &what);
        assert_close(find_line(&ls, TIEU_NGU).size(), tn, 0.01, &what);
        assert_close(find_line(&ls, "UBND HUYỆN").size(), cq, 0.01, &what);
        assert_close(find_line(&ls, "PHÒNG GIÁO DỤC").size(), cq, 0.01, &what);
        assert_close(find_line(&ls, "ngày 02 tháng 10").size(), ngay, 0.01, &what);
        assert_close(find_line(&ls, "V/v").size(), vv, 0.01, &what);
        assert_close(find_line(&ls, "Số:").size(), 13.0, 0.01, &what);
        // The Quốc hiệu stays on one line.
        assert_eq!(
            find_line(&ls, "CỘNG HÒA").text,
            "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
        );
    }
}

#[test]
fn a_size_outside_its_range_is_an_error() {
    // The message names the key and the range, in the language of this
    // process (Vietnamese by default).
    for (key, value, range) in [
        ("co_chu_tieu_ngu", 12, "từ 13 đến 14 pt"),
        ("co_chu_co_quan", 14, "từ 12 đến 13 pt"),
        ("co_chu_ngay", 15, "từ 13 đến 14 pt"),
        ("co_chu_vv", 14, "từ 12 đến 13 pt"),
        ("co_chu_quoc_hieu", 14, "từ 12 đến 13 pt"),
    ] {
        let e = try_build_yaml(&format!(
            "{CONG_VAN_HEAD}trich_yeu: x\ntrinh_bay:\n  {key}: {value}\n"
        ))
        .err()
        .unwrap_or_else(|| panic!("{key}: {value} built"));
        let says =
            format!("Tại `trinh_bay.{key}`: {value} pt nằm ngoài khoảng NĐ30 cho phép, {range}");
        assert!(e.contains(&says), "{key}: {e}");
    }
}

/// An issuer of four lines (two for the parent body, two for the issuer).
const TALL: &str = "\
loai: ke_hoach
co_quan_chu_quan: \"UBND TỈNH BẮC GIANG\\nSỞ GIÁO DỤC VÀ ĐÀO TẠO\"
co_quan: \"HỘI ĐỒNG XÉT THĂNG HẠNG\\nCHỨC DANH GIÁO VIÊN\"
so: 5
ky_hieu: HĐ
dia_danh: Bắc Giang
ngay: 2023-10-02
trich_yeu: Thử nghiệm
noi_dung:
  - Nội dung.
";

#[test]
fn date_line_of_a_four_line_issuer_stays_under_the_tieu_ngu() {
    let (_, ls) = lines_of(TALL);
    let tn = find_line(&ls, TIEU_NGU);
    let date = find_line(&ls, "ngày 02 tháng 10");
    let so = find_line(&ls, "Số:");
    assert!(date.y < so.y - 10.0, "date level with Số:\n{}", dump(&ls));
    // One date line's pitch and a little under the Tiêu ngữ (its rule between).
    assert!(date.y - tn.y < 2.6 * date.size(), "{}", dump(&ls));
    assert_close(
        date.centre(),
        tn.centre(),
        1.0,
        "date centred under the Tiêu ngữ",
    );
    // A usual two-line issuer keeps the date level with `Số:`.
    let (_, ls) = lines_of(&format!("{KE_HOACH_HEAD}trich_yeu: Thử\n"));
    assert_close(
        find_line(&ls, "ngày 02 tháng 10").y,
        find_line(&ls, "Số:").y,
        0.6,
        "date level with Số:",
    );
}

#[test]
fn kinh_gui_recipient_on_two_lines_aligns_under_its_first_line() {
    let yaml = format!(
        "{CONG_VAN_HEAD}trich_yeu: x\nkinh_gui: \"Sở Giáo dục và Đào tạo\\ntỉnh Long An\"\nnoi_dung:\n  - Nội dung.\n"
    );
    let (_, ls) = lines_of(&yaml);
    let first = find_line(&ls, "Kính gửi:");
    assert_eq!(first.text, "Kính gửi: Sở Giáo dục và Đào tạo");
    let second = find_line(&ls, "tỉnh Long An");
    assert_eq!(second.text, "tỉnh Long An");
    let recipient = first
        .items
        .iter()
        .find(|t| t.text.contains("Sở"))
        .map(|t| {
            let at = t.text.find("Sở").unwrap();
            t.glyphs.iter().find(|g| g.0.start == at).unwrap().1
        })
        .unwrap();
    assert_close(
        second.x,
        recipient,
        0.5,
        &format!("second line under the recipient's first: {:?}", first.items),
    );
    // The whole block is centred: as much room left as right of it.
    let (l, r) = (first.x - mm(30.0), mm(195.0) - first.right);
    assert_close(l, r, 1.0, "Kính gửi block centred");
}

/// The words of each line of the issuer's name (bold lines of the left
/// column above `Số:`).
fn issuer_lines(ls: &[Line]) -> Vec<String> {
    let so = find_line(ls, "Số:");
    ls.iter()
        .filter(|l| l.y < so.y && l.all_bold() && l.right < mm(110.0))
        .map(|l| l.text.clone())
        .collect()
}

#[test]
fn issuer_names_wrap_between_words_not_inside_one() {
    let yaml = "loai: ke_hoach\nco_quan_chu_quan: SỞ GIÁO DỤC VÀ ĐÀO TẠO\nco_quan: HỘI ĐỒNG XÉT THĂNG HẠNG CHỨC DANH NGHỀ NGHIỆP GIÁO VIÊN\nso: 5\nky_hieu: HĐ\ndia_danh: Bắc Giang\nngay: 2023-10-02\ntrich_yeu: Thử\n";
    let (_, ls) = lines_of(yaml);
    let lines = issuer_lines(&ls);
    assert!(lines.len() >= 2, "{}", dump(&ls));
    for pair in [
        "THĂNG HẠNG",
        "NGHỀ NGHIỆP",
        "CHỨC DANH",
        "GIÁO VIÊN",
        "HỘI ĐỒNG",
    ] {
        assert!(
            lines.iter().any(|l| l.contains(pair)),
            "{pair} split across lines: {lines:?}"
        );
    }
    // `\n` stays authoritative.
    let (_, ls) = lines_of(TALL);
    assert_eq!(
        issuer_lines(&ls),
        ["HỘI ĐỒNG XÉT THĂNG HẠNG", "CHỨC DANH GIÁO VIÊN"],
        "{}",
        dump(&ls)
    );
}

#[test]
fn v_v_keeps_the_office_line_breaks_beside_a_13_pt_quoc_hieu() {
    let yaml = format!(
        "{CONG_VAN_HEAD}trich_yeu: \"triển khai thực hiện nhiệm vụ năm\\nhọc 2023-2024 của giáo dục\"\ntrinh_bay:\n  co_chu_quoc_hieu: 13\n  co_chu_tieu_ngu: 14\n  co_chu_co_quan: 13\n  co_chu_ngay: 13\n  co_chu_vv: 12\n"
    );
    let (_, ls) = lines_of(&yaml);
    let first = find_line(&ls, "V/v");
    assert_eq!(
        first.text,
        "V/v triển khai thực hiện nhiệm vụ năm",
        "{}",
        dump(&ls)
    );
    let i = line_index(&ls, "V/v");
    let second = ls[i + 1..]
        .iter()
        .find(|l| l.x < mm(110.0))
        .unwrap_or_else(|| panic!("{}", dump(&ls)));
    assert_eq!(second.text, "học 2023-2024 của giáo dục", "{}", dump(&ls));
}
