//! Data never becomes Typst code: text with every character that means
//! something in Typst markup reads back from the laid-out pages exactly as
//! written, wherever it is placed.

use proptest::prelude::*;

use crate::common::*;

/// Every character and sequence with a meaning in Typst markup (or in our
/// templates), separated by spaces.
const NASTY: &str = r#"# $ * _ @ < > [ ] { } ` \ \\ = // /* ~ ... -- 'x' "y" https://a.b/c"#;

/// Words that open and close the text under test, so that its lines can be
/// found on the page.
const BEGIN: &str = "BEGINX";
const END: &str = "XEND";

fn marked(s: &str) -> String {
    format!("{BEGIN} {s} {END}")
}

/// Checks that `parts` (consecutive lines of laid-out text) spell
/// `expected` once joined: a line break may stand for a space of
/// `expected` or fall between two characters. Whitespace is normalised.
pub fn spells(parts: &[String], expected: &str) -> Result<(), String> {
    let exp: Vec<char> = norm(expected).chars().collect();
    let mut at = 0;
    for (i, part) in parts.iter().enumerate() {
        let p: Vec<char> = norm(part).chars().collect();
        if i > 0 && exp.get(at) == Some(&' ') {
            at += 1;
        }
        if exp.len() < at + p.len() || exp[at..at + p.len()] != p[..] {
            return Err(format!(
                "line {i} {part:?} does not continue {:?} at {:?}",
                norm(expected),
                exp[at.min(exp.len())..].iter().collect::<String>()
            ));
        }
        at += p.len();
    }
    if at != exp.len() {
        return Err(format!(
            "read back {parts:?}, missing {:?}",
            exp[at..].iter().collect::<String>()
        ));
    }
    Ok(())
}

/// The lines from the one containing `BEGIN` to the one containing `END`,
/// among lines whose left edge lies in `cols` (a column of the page).
fn between_markers(lines: &[Line], cols: (f64, f64)) -> Vec<String> {
    let col: Vec<&Line> = lines
        .iter()
        .filter(|l| l.x >= cols.0 && l.x < cols.1)
        .collect();
    let start = col
        .iter()
        .position(|l| l.text.contains(BEGIN))
        .unwrap_or_else(|| panic!("no {BEGIN} in\n{}", dump(lines)));
    let end = start
        + col[start..]
            .iter()
            .position(|l| l.text.contains(END))
            .unwrap_or_else(|| panic!("no {END} in\n{}", dump(lines)));
    col[start..=end].iter().map(|l| l.text.clone()).collect()
}

/// Lays out `yaml` both from text (`load::parse`) and through the full
/// loader, and checks that the marked text in `cols` reads `expected`.
#[track_caller]
fn check(yaml: &str, cols: (f64, f64), expected: &str) {
    let built = [
        ("parse", try_build_yaml(yaml)),
        ("load", try_build_via_file(yaml)),
    ];
    for (how, b) in built {
        let b = b.unwrap_or_else(|e| panic!("{how}: layout failed:\n{e}\n{yaml}"));
        let flat = flatten(&b.document);
        let ls = lines(&flat);
        let parts = between_markers(&ls, cols);
        if let Err(e) = spells(&parts, &marked(expected)) {
            panic!("{how}: {e}\nlines:\n{}", dump(&ls));
        }
        assert!(
            flat.texts.iter().all(|t| !t.text.contains('•')),
            "{how}: a bullet appeared:\n{}",
            dump(&ls)
        );
    }
}

/// Whole page width.
const ANY: (f64, f64) = (0.0, 1000.0);
/// The left half of the page (header left column, Nơi nhận).
const LEFT: (f64, f64) = (0.0, 297.0);

#[test]
fn nasty_text_in_a_body_paragraph() {
    let yaml = format!("{KE_HOACH_HEAD}noi_dung:\n  - {}\n", yq(&marked(NASTY)));
    check(&yaml, ANY, NASTY);
}

#[test]
fn nasty_text_in_every_kind_of_block() {
    for block in ["doan", "muc", "khoan", "diem", "ghi", "giua", "tieu_de"] {
        let yaml = format!(
            "{KE_HOACH_HEAD}noi_dung:\n  - {block}: {}\n",
            yq(&marked(NASTY))
        );
        check(&yaml, ANY, NASTY);
    }
    for block in ["gach", "cong"] {
        let yaml = format!(
            "{KE_HOACH_HEAD}noi_dung:\n  - {block}:\n      - {}\n",
            yq(&marked(NASTY))
        );
        let sign = if block == "gach" { "-" } else { "+" };
        let (_, ls) = lines_of(&yaml);
        let parts = between_markers(&ls, ANY);
        let first = parts[0].clone();
        let rest: Vec<String> = std::iter::once(
            first
                .strip_prefix(&format!("{sign} "))
                .unwrap_or_else(|| panic!("{block} item without `{sign} `: {first:?}"))
                .to_owned(),
        )
        .chain(parts[1..].iter().cloned())
        .collect();
        spells(&rest, &marked(NASTY)).unwrap();
    }
}

#[test]
fn nasty_text_in_the_trich_yeu_of_a_ke_hoach() {
    let yaml = format!("{KE_HOACH_HEAD}trich_yeu: {}\n", yq(&marked(NASTY)));
    check(&yaml, ANY, NASTY);
}

#[test]
fn nasty_text_in_the_v_v_of_a_cong_van() {
    let yaml = format!("{CONG_VAN_HEAD}trich_yeu: {}\n", yq(&marked(NASTY)));
    let b = try_build_yaml(&yaml).unwrap();
    let ls = lines(&flatten(&b.document));
    let parts = between_markers(&ls, LEFT);
    let mut parts = parts;
    parts[0] = parts[0]
        .strip_prefix("V/v ")
        .unwrap_or_else(|| panic!("no `V/v ` before the subject: {:?}", parts[0]))
        .to_owned();
    spells(&parts, &marked(NASTY)).unwrap();
}

#[test]
fn nasty_text_in_a_noi_nhan_item() {
    let yaml = format!(
        "{KE_HOACH_HEAD}nguoi_ky:\n  chuc_vu: TRƯỞNG PHÒNG\n  ho_ten: Nguyễn Văn A\nnoi_nhan:\n  - {}\n  - \"Lưu: VT\"\n",
        yq(&marked(NASTY))
    );
    let (_, ls) = lines_of(&yaml);
    let mut parts = between_markers(&ls, LEFT);
    parts[0] = parts[0]
        .strip_prefix("- ")
        .unwrap_or_else(|| panic!("Nơi nhận item without `- `: {:?}", parts[0]))
        .to_owned();
    let last = parts.len() - 1;
    parts[last] = parts[last]
        .strip_suffix(';')
        .unwrap_or_else(|| panic!("Nơi nhận item not ending with `;`: {:?}", parts[last]))
        .to_owned();
    spells(&parts, &marked(NASTY)).unwrap();
    // Through the full loader too.
    let b = try_build_via_file(&yaml).unwrap();
    let all = all_text(&lines(&flatten(&b.document)));
    assert!(all.contains(END), "{all}");
}

#[test]
fn nasty_text_in_a_kinh_gui_recipient() {
    let yaml = format!("{CONG_VAN_HEAD}kinh_gui: {}\n", yq(&marked(NASTY)));
    let (_, ls) = lines_of(&yaml);
    let mut parts = between_markers(&ls, ANY);
    parts[0] = parts[0]
        .strip_prefix("Kính gửi: ")
        .unwrap_or_else(|| panic!("no `Kính gửi: `: {:?}", parts[0]))
        .to_owned();
    spells(&parts, &marked(NASTY)).unwrap();
}

#[test]
fn nasty_text_in_a_table_cell() {
    let yaml = format!(
        "{KE_HOACH_HEAD}noi_dung:\n  - bang:\n      dau: [Nội dung]\n      dong:\n        - [{}]\n",
        yq(&marked(NASTY))
    );
    check(&yaml, ANY, NASTY);
}

#[test]
fn nasty_text_in_a_table_header_and_narrow_column() {
    let yaml = format!(
        "{KE_HOACH_HEAD}noi_dung:\n  - bang:\n      cot: [1, 3]\n      dau: [STT, {}]\n      dong:\n        - [\"1\", {}]\n",
        yq(&marked(NASTY)),
        yq(&marked(NASTY))
    );
    let (_, ls) = lines_of(&yaml);
    // Second column starts at 30 mm + 165/4 mm.
    let col = (mm(30.0 + 165.0 / 4.0), 1000.0);
    let header = between_markers(&ls, col);
    spells(&header, &marked(NASTY)).unwrap();
    let after: Vec<Line> = ls
        .iter()
        .filter(|l| l.y > ls.iter().find(|l| l.text.contains(END)).unwrap().y)
        .cloned()
        .collect();
    let cell = between_markers(&after, col);
    spells(&cell, &marked(NASTY)).unwrap();
}

#[test]
fn paragraphs_that_look_like_markup_stay_text() {
    for p in [
        "- không phải danh sách",
        "1. không phải danh sách đánh số",
        "= không phải tiêu đề",
        "+ không phải danh sách",
        "/ không phải: thuật ngữ",
        "#không-phải-lệnh",
        "$x$ không phải công thức",
        "// không phải chú thích",
        "<nhan> @nhan",
        "10. Mười",
    ] {
        let yaml = format!("{KE_HOACH_HEAD}noi_dung:\n  - {}\n", yq(p));
        let (flat, ls) = lines_of(&yaml);
        let line = find_line(&ls, p);
        assert_eq!(line.text, p, "{}", dump(&ls));
        assert!(flat.texts.iter().all(|t| !t.text.contains('•')));
        // Still a body paragraph: 14 pt, indented 1 cm from the margin.
        assert_close(line.size(), 14.0, 0.01, "size");
        assert_close(line.x - mm(30.0), mm(10.0), 1.0, "first-line indent");
    }
}

#[test]
fn star_pairs_are_inline_styles_in_body_text() {
    let yaml = format!(
        "{KE_HOACH_HEAD}noi_dung:\n  - {}\n",
        yq("Có **đậm** và *nghiêng* và ***cả hai*** ở đây")
    );
    let (_, ls) = lines_of(&yaml);
    let line = find_line(&ls, "Có đậm và nghiêng và cả hai ở đây");
    assert_eq!(line.text, "Có đậm và nghiêng và cả hai ở đây");
    let run = |s: &str| {
        line.items
            .iter()
            .find(|t| t.text.trim() == s)
            .unwrap_or_else(|| panic!("no run {s:?} in {:?}", line.items))
    };
    assert!(run("đậm").bold() && !run("đậm").italic);
    assert!(!run("nghiêng").bold() && run("nghiêng").italic);
    assert!(run("cả hai").bold() && run("cả hai").italic);
    assert!(line
        .items
        .iter()
        .filter(|t| t.text.contains("Có"))
        .all(|t| !t.bold() && !t.italic));
}

#[test]
fn lone_and_escaped_stars_are_literal() {
    for (data, shown) in [
        ("2 * 3 = 6", "2 * 3 = 6"),
        ("a * b * c", "a * b * c"),
        ("** không đóng", "** không đóng"),
        ("**không đóng", "**không đóng"),
        ("5 ** 2", "5 ** 2"),
        ("\\*chữ\\* thường", "*chữ* thường"),
        ("* ", "*"),
    ] {
        let yaml = format!("{KE_HOACH_HEAD}noi_dung:\n  - {}\n", yq(data));
        let (_, ls) = lines_of(&yaml);
        let line = find_line(&ls, shown);
        assert_eq!(line.text, shown, "from {data:?}");
        assert!(
            line.visible().all(|t| !t.bold() && !t.italic),
            "{data:?} styled: {:?}",
            line.items
        );
    }
}

#[test]
fn stars_in_other_places_are_literal() {
    // Only body blocks take inline styles; headers print stars as written.
    let yaml = format!(
        "{CONG_VAN_HEAD}trich_yeu: {}\nkinh_gui: {}\n",
        yq("*a* **b**"),
        yq("**Bộ** *Nội vụ*")
    );
    let (_, ls) = lines_of(&yaml);
    assert_eq!(find_line(&ls, "V/v").text, "V/v *a* **b**");
    assert_eq!(find_line(&ls, "Kính gửi").text, "Kính gửi: **Bộ** *Nội vụ*");
}

/// Characters that Unicode writes right to left: read back in visual order
/// from the frames, so they are left out of the property below.
fn rtl(c: char) -> bool {
    matches!(c as u32,
        0x0590..=0x08FF | 0xFB1D..=0xFDFF | 0xFE70..=0xFEFF | 0x10800..=0x10FFF | 0x1E800..=0x1EFFF)
}

/// Default-ignorable characters that are not format controls (variation
/// selectors, Hangul fillers, …): Typst drops them from the laid-out text,
/// which is right (they have no glyph) but means they cannot be read back.
fn ignorable(c: char) -> bool {
    matches!(c as u32,
        0x034F | 0x115F | 0x1160 | 0x17B4 | 0x17B5 | 0x180B..=0x180F | 0x3164
        | 0xFE00..=0xFE0F | 0xFFA0 | 0xE0000..=0xE0FFF)
}

fn printable() -> impl Strategy<Value = String> {
    // No combining marks: a mark with no precomposed form is drawn as a
    // second glyph, and Typst then repeats the cluster's text for each glyph
    // in the text it records (`a` + U+0312 reads back `a̒a̒`, in the frames and
    // in the PDF alike). The loader composes what can be composed (NFC).
    let any = proptest::string::string_regex("[\\PC&&[^*]&&\\P{M}]").expect("valid regex");
    // Typst markup characters and Vietnamese text, so that a case often
    // mixes them.
    let markup = proptest::string::string_regex(r#"[#$_@<>\[\]{}`\\=/~.\-'"+:,;!?^&%|() ]"#)
        .expect("valid regex");
    let viet =
        proptest::string::string_regex("[a-zA-ZàáảãạăắằẳẵặâấầẩẫậđĐêếềểễệôốồổỗộơớờởỡợưứừửữựỨỰ ]")
            .expect("valid regex");
    proptest::collection::vec(prop_oneof![any, markup, viet], 1..48)
        .prop_map(|v| v.concat())
        .prop_map(|s| {
            s.chars()
                .filter(|&c| !rtl(c) && !ignorable(c))
                .collect::<String>()
        })
        .prop_map(|s| s.trim().to_owned())
        .prop_filter("empty", |s| !s.is_empty())
}

/// The trích yếu lines of a kế hoạch: every line after `KẾ HOẠCH`.
fn trich_yeu_lines(yaml: &str) -> Result<Vec<String>, String> {
    let b = try_build_yaml(yaml)?;
    let ls = lines(&flatten(&b.document));
    let i = ls
        .iter()
        .position(|l| l.text == "KẾ HOẠCH")
        .ok_or_else(|| format!("no KẾ HOẠCH line:\n{}", dump(&ls)))?;
    Ok(ls[i + 1..].iter().map(|l| l.text.clone()).collect())
}

proptest! {
    // 200 cases by default; `PROPTEST_CASES=5000` for a deeper run.
    #![proptest_config(ProptestConfig {
        cases: std::env::var("PROPTEST_CASES").ok().and_then(|v| v.parse().ok()).unwrap_or(200),
        failure_persistence: None,
        ..ProptestConfig::default()
    })]

    #[test]
    fn any_printable_trich_yeu_reads_back(s in printable()) {
        let yaml = format!("{KE_HOACH_HEAD}trich_yeu: {}\n", yq(&s));
        let parts = trich_yeu_lines(&yaml).map_err(TestCaseError::fail)?;
        let composed: String = unicode_normalization::UnicodeNormalization::nfc(s.as_str()).collect();
        spells(&parts, &composed).map_err(TestCaseError::fail)?;
    }
}

#[test]
fn text_typed_with_combining_accents_prints_composed() {
    // "Kế hoạch Việt Nam" as typed with "Unicode tổ hợp": base letters and
    // combining marks.
    let decomposed: String =
        unicode_normalization::UnicodeNormalization::nfd("Kế hoạch Việt Nam").collect();
    assert_ne!(decomposed, "Kế hoạch Việt Nam");
    let yaml = format!("{KE_HOACH_HEAD}trich_yeu: {}\n", yq(&decomposed));
    let parts = trich_yeu_lines(&yaml).unwrap();
    assert_eq!(parts, ["Kế hoạch Việt Nam"]);
}

#[test]
fn spells_accepts_breaks_at_spaces_and_between_letters() {
    let v = |a: &[&str]| a.iter().map(|s| s.to_string()).collect::<Vec<_>>();
    assert!(spells(&v(&["a b", "c"]), "a b c").is_ok());
    assert!(spells(&v(&["ab", "c"]), "abc").is_ok());
    assert!(spells(&v(&["a b", "d"]), "a b c").is_err());
    assert!(spells(&v(&["a b"]), "a b c").is_err());
    assert!(spells(&v(&["a b c d"]), "a b c").is_err());
}
