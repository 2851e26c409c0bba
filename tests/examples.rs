//! Every page of every example under `data/examples/`, read off the
//! laid-out frames: the rules NĐ30 sets for the whole page (margins,
//! justification, the rule under the subject) hold on real documents, not
//! only on the short ones of `layout.rs`.

use vanban::model::KINDS;

use crate::common::*;

/// Liberation Serif's descender (443/2048 em): how far below its baseline
/// the ink of a line may reach.
const DESCENDER: f64 = 0.216;

/// Every example, laid out and flattened, with its file name.
fn examples() -> Vec<(String, Flat)> {
    KINDS
        .iter()
        .map(|row| {
            let built = layout_file(&format!("data/examples/{}", row.example));
            (row.example.to_owned(), flatten(&built.document))
        })
        .collect()
}

fn text_left() -> f64 {
    mm(30.0)
}

fn text_right() -> f64 {
    mm(210.0 - 15.0)
}

#[test]
fn nothing_reaches_into_the_bottom_margin_descenders_included() {
    let bottom = mm(297.0 - 20.0);
    let mut worst = (f64::MIN, String::new());
    for (name, flat) in examples() {
        for t in flat.texts.iter().filter(|t| !t.text.trim().is_empty()) {
            let ink = t.y + DESCENDER * t.size;
            if ink > worst.0 {
                worst = (ink, format!("{name} p{}: {:?}", t.page + 1, t.text));
            }
        }
    }
    assert!(
        worst.0 <= bottom + 0.1,
        "ink {:.2} mm from the bottom edge (margin 20 mm): {}",
        to_mm(mm(297.0) - worst.0),
        worst.1
    );
}

/// Lines of body size that start at the left edge or at the first-line
/// indent and are followed, at line pitch, by a line at the left edge:
/// non-final lines of a justified paragraph.
fn non_final_lines(ls: &[Line]) -> Vec<(&Line, &Line)> {
    ls.windows(2)
        .filter(|w| {
            let (a, b) = (&w[0], &w[1]);
            let starts =
                (a.x - text_left()).abs() < 0.5 || (a.x - text_left() - mm(10.0)).abs() < 0.5;
            starts
                && a.size() >= 13.0
                && b.size() >= 13.0
                && a.page == b.page
                && (b.x - text_left()).abs() < 0.5
                && b.y - a.y < 1.9 * a.size()
        })
        .map(|w| (&w[0], &w[1]))
        .collect()
}

#[test]
fn every_non_final_line_of_a_body_paragraph_ends_at_the_right_edge() {
    let mut short = Vec::new();
    let mut seen = 0;
    for (name, flat) in examples() {
        let ls = lines(&flat);
        for (a, _) in non_final_lines(&ls) {
            seen += 1;
            if a.right < text_right() - 1.0 {
                short.push(format!(
                    "{name} p{}: {:.1} pt short: {}",
                    a.page + 1,
                    text_right() - a.right,
                    a.text
                ));
            }
        }
    }
    assert!(seen > 100, "only {seen} non-final lines found");
    assert!(
        short.is_empty(),
        "lines short of the right edge:\n{}",
        short.join("\n")
    );
}

#[test]
fn rule_under_the_subject_is_a_third_to_a_half_of_its_widest_line() {
    let mut bad = Vec::new();
    for row in KINDS.iter().filter(|r| !r.ten.is_empty()) {
        let built = layout_file(&format!("data/examples/{}", row.example));
        let flat = flatten(&built.document);
        let ls = lines(&flat);
        let name = &ls[line_index(&ls, row.ten)];
        let rule = flat
            .rules
            .iter()
            .filter(|r| r.page == 0 && r.horizontal() && r.y > name.y)
            .min_by(|a, b| a.y.total_cmp(&b.y))
            .unwrap_or_else(|| panic!("{}: no rule under the subject", row.key));
        let subject: Vec<&Line> = ls
            .iter()
            .filter(|l| l.page == 0 && l.y > name.y && l.y < rule.y)
            .collect();
        if subject.is_empty() {
            // A type name without subject (giấy ủy quyền): its own rule.
            continue;
        }
        let widest = subject.iter().map(|l| l.width()).fold(0.0, f64::max);
        let ratio = rule.length() / widest;
        if !(1.0 / 3.0..=0.5).contains(&ratio) {
            bad.push(format!(
                "{}: {} lines, widest {widest:.1} pt, rule {:.1} pt ({ratio:.2})",
                row.key,
                subject.len(),
                rule.length()
            ));
        }
    }
    assert!(bad.is_empty(), "{}", bad.join("\n"));
}

#[test]
fn wrapped_bold_headings_are_justified_to_the_right_edge() {
    let yaml = format!(
        "{KE_HOACH_HEAD}trich_yeu: Thử\nnoi_dung:\n  - muc: I. TỔ CHỨC CÁC HOẠT ĐỘNG HƯỞNG ỨNG TUẦN LỄ HỌC TẬP SUỐT ĐỜI VÀ NGÀY HỘI KHUYẾN HỌC TRÊN ĐỊA BÀN TOÀN HUYỆN\n  - khoan: 1. Tổ chức các hoạt động hưởng ứng Tuần lễ học tập suốt đời và Ngày hội khuyến học năm 2023 trên địa bàn toàn huyện Thủ Thừa\n  - Nội dung.\n"
    );
    let (_, ls) = lines_of(&yaml);
    let pairs = non_final_lines(&ls);
    let bold: Vec<&&Line> = pairs
        .iter()
        .map(|(a, _)| a)
        .filter(|a| a.all_bold())
        .collect();
    assert_eq!(bold.len(), 2, "{}", dump(&ls));
    for l in bold {
        assert!(
            l.right >= text_right() - 1.0,
            "{:.1} pt short: {}",
            text_right() - l.right,
            l.text
        );
    }
}
