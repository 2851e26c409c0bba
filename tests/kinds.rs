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
            // A thư công names itself (`THƯ CHÚC MỪNG`), an appendix
            // numbers itself (`Phụ lục II`).
            if row.key == "thu_cong" || row.key == "phu_luc" {
                assert!(title.text.starts_with(row.ten), "{}", title.text);
            } else {
                assert_eq!(title.text, row.ten, "{}", row.key);
            }
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

/// The two signers of a two-party document side by side: the left one's
/// position and name centred in the left 45 %, the right one's in the
/// right 55 %, each pair on one baseline.
#[track_caller]
fn assert_side_by_side(ls: &[Line], left: (&str, &str), right: (&str, &str)) {
    let exact = |t: &str| {
        ls.iter()
            .find(|l| l.text == t)
            .unwrap_or_else(|| panic!("{t}:\n{}", dump(ls)))
    };
    let (lq, rq) = (exact(left.0), exact(right.0));
    let (ln, rn) = (exact(left.1), exact(right.1));
    assert!(lq.all_bold() && rq.all_bold() && ln.all_bold() && rn.all_bold());
    assert_close(lq.y, rq.y, 0.5, "positions on one baseline");
    assert_close(ln.y, rn.y, 0.5, "names on one baseline");
    assert_eq!((lq.page, ln.page), (rq.page, rn.page));
    assert!(ln.y - lq.y > mm(20.0), "room to sign:\n{}", dump(ls));
    let (x0, width) = (mm(30.0), mm(165.0));
    for (l, want, what) in [
        (lq, 0.225, "left position"),
        (ln, 0.225, "left name"),
        (rq, 0.725, "right position"),
        (rn, 0.725, "right name"),
    ] {
        assert_close(l.centre(), x0 + width * want, 1.0, what);
    }
}

#[test]
fn contract_kinds_are_signed_by_both_parties_side_by_side() {
    for (file, abbr, left, right) in [
        (
            "hop-dong.yaml",
            "Số: 03/HĐ-THTT",
            ("ĐẠI DIỆN BÊN B", "Võ Văn K"),
            ("ĐẠI DIỆN BÊN A", "Trần Thị L"),
        ),
        (
            "ban-ghi-nho.yaml",
            "Số: 01/BGN-PGDĐT",
            ("ĐẠI DIỆN BÊN B", "Phan Thị N"),
            ("ĐẠI DIỆN BÊN A", "Bùi Văn Nhựt"),
        ),
        (
            "ban-thoa-thuan.yaml",
            "Số: 02/BTT-THCSTT",
            ("TRƯỜNG TIỂU HỌC THỊ TRẤN", "Trần Thị L"),
            ("TRƯỜNG THCS THỊ TRẤN", "Nguyễn Văn H"),
        ),
    ] {
        let ls = example_lines(file);
        let so = find_line(&ls, "Số:");
        assert_eq!(so.text, abbr, "{file}");
        assert_side_by_side(&ls, left, right);
        // Nơi nhận, when there is one, under both signers at the left edge.
        if let Some(nn) = ls.iter().find(|l| l.text == "Nơi nhận:") {
            let name = ls.iter().find(|l| l.text == left.1).unwrap();
            assert!(nn.y > name.y && nn.page == name.page, "{file}");
            assert_close(nn.x, mm(30.0), 0.5, "Nơi nhận at the left edge");
        }
    }
}

#[test]
fn a_contract_has_each_partys_images_in_its_own_column() {
    let built = layout_file("data/examples/hop-dong.yaml");
    let flat = flatten(&built.document);
    let ls = lines(&flat);
    let left_pos = ls.iter().find(|l| l.text == "GIÁM ĐỐC").unwrap();
    let right_pos = ls.iter().find(|l| l.text == "HIỆU TRƯỞNG").unwrap();
    let left_name = ls.iter().find(|l| l.text == "Võ Văn K").unwrap();
    // Two seals and one signature, between the positions and the names.
    assert_eq!(flat.images.len(), 3, "{:?}", flat.images);
    let split = mm(30.0) + mm(165.0) * 0.45;
    let (left, right): (Vec<_>, Vec<_>) = flat.images.iter().partition(|i| i.centre_x() < split);
    assert_eq!((left.len(), right.len()), (1, 2), "{:?}", flat.images);
    for i in &flat.images {
        assert_close(
            i.centre_y(),
            left_pos.y + (left_name.y - left_pos.y) / 2.0,
            mm(5.0),
            "image in the signature space",
        );
    }
    // The left seal over its own signer, left of the centre line as the
    // right one is over the right signer.
    assert!(left[0].centre_x() < left_pos.centre() && left[0].x + left[0].width > left_pos.x);
    assert!(right.iter().all(|i| i.x + i.width > right_pos.x));
}

#[test]
fn thu_cong_has_its_own_title_and_no_number_line() {
    let ls = example_lines("thu-cong.yaml");
    assert!(
        find_lines(&ls, "Số")
            .iter()
            .all(|l| !l.text.starts_with("Số")),
        "{}",
        dump(&ls)
    );
    let title = find_line(&ls, "THƯ CHÚC MỪNG");
    assert_eq!(title.text, "THƯ CHÚC MỪNG");
    assert!(title.all_bold());
    // The subject on the office's two lines, under the title.
    let s1 = find_line(&ls, "Nhân dịp kỷ niệm 41 năm Ngày Nhà giáo Việt Nam");
    let s2 = find_line(&ls, "(20/11/1982 - 20/11/2023)");
    assert!(title.y < s1.y && s1.y < s2.y);
    // The date under the Tiêu ngữ, Kính gửi, a signer and no Nơi nhận.
    find_line(&ls, "Thủ Thừa, ngày 16 tháng 11 năm 2023");
    find_line(&ls, "Kính gửi:");
    assert!(find_lines(&ls, "Nơi nhận").is_empty());
    find_line(&ls, "Bùi Văn Nhựt");
    // With a number: the ký hiệu alone after the slash (no type part).
    let yaml = std::fs::read_to_string(root().join("data/examples/thu-cong.yaml"))
        .unwrap()
        .replace("dia_danh:", "so: 7\nky_hieu: PGDĐT\ndia_danh:");
    let (_, numbered) = lines_of(&yaml);
    assert_eq!(find_line(&numbered, "Số:").text, "Số: 07/PGDĐT");
}

#[test]
fn a_second_signer_outside_its_kinds_is_refused() {
    let signer = "nguoi_ky:\n  chuc_vu: HIỆU TRƯỞNG\n  ho_ten: A\n";
    let other = "ben_kia:\n  chuc_vu: GIÁM ĐỐC\n  ho_ten: B\n";
    let e = try_build_via_file(&format!("{KE_HOACH_HEAD}{signer}{other}"))
        .err()
        .expect("ben_kia on a kế hoạch");
    assert!(e.contains("ben_kia") && e.contains("doc.yaml:"), "{e}");
    let contract = KE_HOACH_HEAD.replace("ke_hoach", "hop_dong");
    let e = try_build_via_file(&format!("{contract}{other}"))
        .err()
        .expect("ben_kia without nguoi_ky");
    assert!(e.contains("ben_kia"), "{e}");
    try_build_via_file(&format!("{contract}{signer}{other}")).unwrap();
}

#[test]
fn the_secretary_signs_with_images_like_the_chair() {
    let yaml = std::fs::read_to_string(root().join("data/examples/bien-ban.yaml"))
        .unwrap()
        .replace(
            "  ho_ten: Lê Văn P\n",
            "  ho_ten: Lê Văn P\n  chu_ky: anh/chu-ky.png\n",
        );
    assert!(yaml.contains("chu_ky: anh/chu-ky.png"));
    let built = crate::features::build_with_images(&yaml).unwrap_or_else(|e| panic!("{e}"));
    let flat = flatten(&built.document);
    let ls = lines(&flat);
    let pos = ls.iter().find(|l| l.text == "THƯ KÝ").unwrap();
    let name = ls.iter().find(|l| l.text == "Lê Văn P").unwrap();
    let sig = flat
        .images
        .iter()
        .find(|i| i.format.contains("png"))
        .unwrap_or_else(|| panic!("no signature image: {:?}", flat.images));
    assert_close(sig.centre_x(), pos.centre(), 1.0, "signature under THƯ KÝ");
    assert!(sig.y > pos.y && sig.y + sig.height < name.y - name.size() * 0.7);
    // The images take no room: the names stay where they were.
    let plain = example_lines("bien-ban.yaml");
    let plain_name = plain.iter().find(|l| l.text == "Lê Văn P").unwrap();
    assert_close(name.y, plain_name.y, 0.01, "secretary's name position");
}

/// The rectangles (x, y, w, h in pt from the page's top left) the layout
/// recorded under `label`.
fn recorded(doc: &typst_layout::PagedDocument, label: &str) -> Vec<(f64, f64, f64, f64)> {
    use typst::foundations::{Label, Selector, Value};
    use typst::introspection::{Introspector, MetadataElem};
    use typst::utils::PicoStr;
    let label = Label::new(PicoStr::intern(label)).unwrap();
    doc.introspector()
        .query(&Selector::Label(label))
        .iter()
        .filter_map(|c| {
            let Value::Dict(d) = &c.to_packed::<MetadataElem>()?.value else {
                return None;
            };
            let num = |k: &str| match d.get(k).ok()? {
                Value::Float(f) => Some(*f),
                Value::Int(i) => Some(*i as f64),
                _ => None,
            };
            Some((num("x")?, num("y")?, num("w")?, num("h")?))
        })
        .collect()
}

#[test]
fn a_digital_signature_stamp_has_its_box_clear_of_the_name() {
    let signed = |extra: &str| {
        format!(
            "{KE_HOACH_HEAD}trich_yeu: Thử\nnoi_dung:\n  - Nội dung./.\nnguoi_ky:\n  quyen_han: KT. TRƯỞNG PHÒNG\n  chuc_vu: PHÓ TRƯỞNG PHÒNG\n  ho_ten: Nguyễn Văn A\n  chu_ky: anh/chu-ky.png\n  dau: anh/dau.svg\n{extra}noi_nhan:\n  - \"Lưu: VT\"\n"
        )
    };
    let built = crate::features::build_with_images(&signed("  khung_ky_so: true\n"))
        .unwrap_or_else(|e| panic!("{e}"));
    let flat = flatten(&built.document);
    let ls = lines(&flat);
    let pos = ls.iter().find(|l| l.text == "PHÓ TRƯỞNG PHÒNG").unwrap();
    let name = ls.iter().find(|l| l.text == "Nguyễn Văn A").unwrap();
    let boxes = recorded(&built.document, "vanban-khung-ky-so");
    assert_eq!(boxes.len(), 1, "{boxes:?}");
    let (x, y, w, h) = boxes[0];
    assert_close(to_mm(w), 50.0, 0.1, "box width (mm)");
    assert_close(to_mm(h), 10.0, 0.1, "box height (mm)");
    // Under the position and the signature, above the name's capitals.
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
    assert!(y > pos.y && y >= sig.y + sig.height, "box top {y:.1}");
    assert!(
        y + h < name.y - name.size() * 0.75,
        "box bottom {:.1} reaches the name at {:.1}",
        y + h,
        name.y
    );
    // Right of the seal, inside the signature's column and the page.
    assert!(
        x >= seal.x + seal.width - 0.5,
        "box left {x:.1}, seal right {:.1}",
        seal.x + seal.width
    );
    assert!(x > mm(30.0) + mm(165.0) * 0.45 && x + w <= mm(195.0) + 0.5);
    // The name moves down by the box, nothing else does.
    let plain = crate::features::build_with_images(&signed("")).unwrap();
    let plain_flat = flatten(&plain.document);
    let pl = lines(&plain_flat);
    assert!(recorded(&plain.document, "vanban-khung-ky-so").is_empty());
    let plain_name = pl.iter().find(|l| l.text == "Nguyễn Văn A").unwrap();
    let plain_pos = pl.iter().find(|l| l.text == "PHÓ TRƯỞNG PHÒNG").unwrap();
    assert_close(pos.y, plain_pos.y, 0.01, "position line");
    assert_close(
        name.y - plain_name.y,
        mm(11.0),
        0.05,
        "name moved by the box",
    );
    // Sign-ready output keeps the box clear of the two signature fields.
    let loaded = {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("doc.yaml");
        std::fs::write(
            &p,
            signed("  khung_ky_so: true\n")
                .replace("  chu_ky: anh/chu-ky.png\n  dau: anh/dau.svg\n", ""),
        )
        .unwrap();
        vanban::load::load(&p).unwrap_or_else(|e| panic!("{}", e.render(false)))
    };
    let mut b = vanban::Builder::new(vanban::world::Engine::shared());
    b.ky_so = true;
    let ready = b
        .layout(&loaded)
        .unwrap_or_else(|e| panic!("{}", e.render(false)));
    let fields = recorded(&ready.document, "vanban-ky-so");
    let (bx, by, bw, bh) = recorded(&ready.document, "vanban-khung-ky-so")[0];
    assert_eq!(fields.len(), 2);
    for (fx, fy, fw, fh) in fields {
        let apart = fx + fw <= bx + 0.5
            || bx + bw <= fx + 0.5
            || fy + fh <= by + 0.5
            || by + bh <= fy + 0.5;
        assert!(
            apart,
            "field ({fx:.1}, {fy:.1}, {fw:.1}, {fh:.1}) over the box ({bx:.1}, {by:.1})"
        );
    }
}

#[test]
fn an_appendix_in_its_own_file_has_its_head_and_no_header_or_signature() {
    let built = layout_file("data/examples/phu-luc.yaml");
    let flat = flatten(&built.document);
    let ls: Vec<Line> = lines(&flat).into_iter().filter(|l| l.page == 0).collect();
    for absent in [
        "CỘNG HÒA",
        "Độc lập",
        "Số:",
        "Nơi nhận",
        "PHÒNG GIÁO DỤC VÀ ĐÀO TẠO",
    ] {
        assert!(
            find_lines(&ls, absent).is_empty(),
            "{absent}:\n{}",
            dump(&ls)
        );
    }
    // The label first, bold, centred; then the title, bold; then the
    // caption citing the công văn, italic.
    let centre = mm(30.0 + 165.0 / 2.0);
    let label = &ls[0];
    assert_eq!(label.text, "Phụ lục II");
    assert!(label.all_bold());
    assert_close(label.centre(), centre, 1.0, "label centred");
    let t1 = find_line(&ls, "DANH SÁCH CÁC ĐIỂM");
    assert!(t1.all_bold() && t1.y > label.y);
    assert_close(t1.centre(), centre, 1.0, "title centred");
    let cap = line_index(&ls, "(Kèm theo Văn bản số 05/PGDĐT");
    let caption = all_text(&ls[cap..cap + 2]);
    assert!(
        caption.starts_with("(Kèm theo Văn bản số 05/PGDĐT ngày 02 tháng 10 năm 2023 của Phòng Giáo dục và Đào tạo huyện Thủ Thừa)"),
        "{caption}"
    );
    assert!(ls[cap].all_italic() && ls[cap].y > t1.y);
    // A short rule under the caption, centred, a third of its longest line.
    let widest = ls[cap].width().max(ls[cap + 1].width());
    let rule = rules_between(&flat, 0, ls[cap + 1].y, ls[cap + 1].y + 15.0)
        .into_iter()
        .next()
        .unwrap_or_else(|| panic!("no rule: {:?}", flat.rules));
    assert_close(
        rule.length(),
        widest / 3.0,
        2.0,
        &format!("rule a third of the caption\n{}", dump(&ls)),
    );
    assert_close(rule.centre(), centre, 1.0, "rule centred");
    // No signature block, no signature fields to reserve but the
    // organisation's.
    assert!(find_lines(&ls, "TRƯỞNG PHÒNG").is_empty());
}

#[test]
fn an_appendix_file_cites_its_document_from_its_own_keys_and_refuses_a_signer() {
    let yaml = "loai: phu_luc\nten_loai: Phụ lục I\ntrich_yeu: BIỂU MẪU\nso: 5\nky_hieu: PGDĐT\nngay: 2023-10-02\nten_co_quan: Phòng Giáo dục và Đào tạo huyện Thủ Thừa\nnoi_dung: [Nội dung./.]\n";
    let (_, ls) = lines_of(yaml);
    let text = all_text(&ls);
    assert!(
        text.contains("(Kèm theo Văn bản số 05/PGDĐT ngày 02 tháng 10 năm 2023 của Phòng Giáo dục và Đào tạo huyện Thủ Thừa)"),
        "{text}"
    );
    // `kem_theo: cong-van.yaml` cites that document by its kind.
    let dir = tempfile::tempdir().unwrap();
    std::fs::copy(
        root().join("data/examples/cong-van.yaml"),
        dir.path().join("cong-van.yaml"),
    )
    .unwrap();
    let text = std::fs::read_to_string(root().join("data/examples/phu-luc.yaml"))
        .unwrap()
        .replace("so: 5\n", "kem_theo: cong-van.yaml\n");
    std::fs::write(dir.path().join("phu-luc.yaml"), text).unwrap();
    let loaded = vanban::load::load(&dir.path().join("phu-luc.yaml"))
        .unwrap_or_else(|e| panic!("{}", e.render(false)));
    let by_file = vanban::Builder::new(vanban::world::Engine::shared())
        .layout(&loaded)
        .unwrap();
    let cited = all_text(&lines(&flatten(&by_file.document)));
    assert!(
        cited.contains("(Kèm theo Công văn số 05/PGDĐT ngày 02 tháng 10 năm 2023 của Phòng Giáo dục và Đào tạo huyện Thủ Thừa)"),
        "{cited}"
    );
    let e = try_build_via_file(&format!(
        "{yaml}nguoi_ky:\n  chuc_vu: TRƯỞNG PHÒNG\n  ho_ten: A\n"
    ))
    .err()
    .expect("a signer on an appendix file");
    assert!(e.contains("doc.yaml:9:") && e.contains("`nguoi_ky`"), "{e}");
}

#[test]
fn a_sign_ready_appendix_file_has_the_organisations_field_at_the_top_right() {
    let loaded = vanban::load::load(&root().join("data/examples/phu-luc.yaml"))
        .unwrap_or_else(|e| panic!("{}", e.render(false)));
    let mut b = vanban::Builder::new(vanban::world::Engine::shared());
    b.ky_so = true;
    let built = b
        .layout(&loaded)
        .unwrap_or_else(|e| panic!("{}", e.render(false)));
    let slots = vanban::sign::fields::slots(&built.document);
    assert_eq!(slots.len(), 1, "{slots:?}");
    let s = &slots[0];
    assert_eq!((s.role, s.page), (vanban::sign::Role::CoQuan, 1));
    // At the top right of the text area of page 1, above the label.
    assert_close(s.x + s.w, mm(210.0 - 15.0), 0.5, "right edge at the margin");
    assert_close(s.y, mm(20.0), 0.5, "top at the margin");
    let label = find_line(&lines(&flatten(&built.document)), "Phụ lục II").clone();
    assert!(s.x > label.right, "field clear of the centred label");
    // The PDF gets the field.
    let pdf = b.pdf(&loaded, &built, false).unwrap();
    let raw = String::from_utf8_lossy(&pdf);
    assert!(
        raw.contains("/FT /Sig") || raw.contains("/FT/Sig"),
        "no signature field"
    );
}

#[test]
fn every_example_is_in_the_readme_gallery() {
    let readme = std::fs::read_to_string(root().join("README.md")).unwrap();
    // The gallery is in the Vietnamese part, before the English one.
    let english = readme.find("## In English").unwrap_or(readme.len());
    for entry in std::fs::read_dir(root().join("data/examples")).unwrap() {
        let path = entry.unwrap().path();
        if path.extension().and_then(|e| e.to_str()) != Some("yaml") {
            continue;
        }
        let name = path.file_stem().unwrap().to_string_lossy().into_owned();
        let png = root().join(format!("docs/gallery/{name}.png"));
        let size = std::fs::metadata(&png)
            .unwrap_or_else(|_| panic!("no {}: run scripts/gallery.sh", png.display()))
            .len();
        assert!(size < 60 * 1024, "{}: {size} bytes", png.display());
        let at = readme
            .find(&format!("(docs/gallery/{name}.png)"))
            .unwrap_or_else(|| panic!("README.md shows no docs/gallery/{name}.png"));
        assert!(
            at < english,
            "{name}: the gallery belongs to the Vietnamese part"
        );
    }
}

#[test]
fn a_collectives_decision_is_signed_for_it_by_its_head() {
    let ls = example_lines("quyet-dinh-tap-the.yaml");
    // The authority line names the collective, under the title.
    let title = find_line(&ls, "QUYẾT ĐỊNH");
    let authority = ls
        .iter()
        .find(|l| l.text == "ỦY BAN NHÂN DÂN HUYỆN THỦ THỪA" && l.y > title.y)
        .unwrap_or_else(|| panic!("{}", dump(&ls)));
    assert!(authority.all_bold());
    assert!(authority.y < find_line(&ls, "Căn cứ Luật").y);
    // `thay_mat` first as `TM. …`, then the acting head's line, then room
    // to sign and the name, all centred on one axis.
    let exact = |t: &str| {
        ls.iter()
            .find(|l| l.text == t)
            .unwrap_or_else(|| panic!("{t}:\n{}", dump(&ls)))
    };
    let (tm, q) = (exact("TM. ỦY BAN NHÂN DÂN"), exact("Q. CHỦ TỊCH"));
    assert!(tm.all_bold() && q.all_bold());
    assert!(q.y > tm.y && q.y - tm.y < 20.0, "one line after the other");
    let name = find_line(&ls, "Nguyễn Văn F");
    assert!(name.y - q.y > mm(20.0));
    assert_close(tm.centre(), q.centre(), 1.0, "TM. and Q. on one axis");
    assert_close(name.centre(), q.centre(), 1.0, "name under them");
    assert_close(
        q.centre(),
        mm(30.0) + mm(165.0) * 0.725,
        1.0,
        "in the right column",
    );
    // In a Party document the same key prints `T/M`.
    let yaml = std::fs::read_to_string(root().join("data/examples/dang-bao-cao.yaml"))
        .unwrap()
        .replace("quyen_han: T/M CHI BỘ", "thay_mat: CHI BỘ");
    assert!(yaml.contains("thay_mat: CHI BỘ"));
    let (_, party) = lines_of(&yaml);
    let tm = find_line(&party, "T/M");
    assert_eq!(tm.text, "T/M CHI BỘ");
    assert!(tm.all_bold() && find_line(&party, "BÍ THƯ").y > tm.y);
}
