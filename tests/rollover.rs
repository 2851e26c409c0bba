//! Next year's draft (`vanban new --year`): the document's own dates move,
//! citations of other documents stay, weekdays follow their dates, and the
//! report lists every change and every spot to review. Checked on the PDF
//! text of the seeds rolled forward, and on the command's report.

use std::path::Path;
use std::sync::LazyLock;

use regex::Regex;
use vanban::evolve::rollover::{roll, Kind, Rollover};
use vanban::load;
use vanban::vndate::wrong_weekdays;

use crate::common::*;

/// The five seeds: real documents of 2020–2023.
const SEEDS: [&str; 5] = [
    "data/2020/lang-son/ubnd-ke-hoach-tuan-le-hoc-tap.yaml",
    "data/2021/chu-pah/bcd-huong-dan-tuan-le-hoc-tap.yaml",
    "data/2022/hai-phong/sgddt-cong-van-tuan-le-hoc-tap.yaml",
    "data/2022/ngo-quyen/vhtt-huong-dan-tuan-le-hoc-tap.yaml",
    "data/2023/thu-thua/pgddt-cong-van-tuan-le-hoc-tap.yaml",
];

/// A document number with the date written after it, as a reader sees a
/// citation: `4342/BGDĐT-GDTEX ngày 07/9/2022`.
static CITATION: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"\d+/(?:\d{4}/)?\p{Lu}[\p{L}\d&\-]*(?:\s+ngày\s+(?:\d{1,2}/\d{1,2}/\d{4}|\d{1,2} tháng \d{1,2} năm \d{4}))?")
        .unwrap()
});
/// Two years joined by a dash: a school year or a longer period.
static PERIOD: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"(\d{4})\s*-\s*(\d{4})").unwrap());
static NUMBER: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"\d+/(?:\d{4}/)?\p{Lu}[\p{L}\d&\-]*").unwrap());

/// The PDF text of the document at `path`.
fn pdf_text(path: &Path) -> String {
    let doc = load::load(path).unwrap_or_else(|e| panic!("{}", e.render(false)));
    let built = vanban::Builder::new(vanban::world::Engine::shared())
        .layout(&doc)
        .unwrap_or_else(|e| panic!("{}", e.render(false)));
    all_text(&lines(&flatten(&built.document)))
}

/// Rolls `rel` forward to `to`, writes the draft beside a copy of its
/// folder's files, and returns the rollover and the old and new PDF texts.
fn rolled(rel: &str, to: i32) -> (Rollover, String, String) {
    let src = root().join(rel);
    let doc = load::load(&src).unwrap();
    let from = vanban::evolve::year_of(&doc).unwrap();
    let r = roll(&doc.text, from, to);
    let dir = tempfile::tempdir().unwrap();
    // The pictures the document shows (signature, seal), beside it.
    let pictures = src.parent().unwrap().join("anh");
    if pictures.is_dir() {
        std::fs::create_dir(dir.path().join("anh")).unwrap();
        for f in std::fs::read_dir(&pictures).unwrap() {
            let f = f.unwrap().path();
            std::fs::copy(&f, dir.path().join("anh").join(f.file_name().unwrap())).unwrap();
        }
    }
    let out = dir.path().join("draft.yaml");
    std::fs::write(&out, &r.text).unwrap();
    (r, pdf_text(&src), pdf_text(&out))
}

/// Clauses of a text: what lies between `;` and full stops.
fn clauses(text: &str) -> Vec<&str> {
    text.split(['.', ';']).flat_map(|c| c.split(". ")).collect()
}

#[test]
fn each_seed_rolled_forward_keeps_its_citations_and_moves_its_own_dates() {
    let mut counts = Vec::new();
    for rel in SEEDS {
        let src = root().join(rel);
        let from = vanban::evolve::year_of(&load::load(&src).unwrap()).unwrap();
        let to = from + 1;
        let (r, old, new) = rolled(rel, to);
        // Every citation of another document, with its date, is unchanged.
        // (The document's own number, `Số: 11/HD-VHTT`, is not a citation.)
        let cited: Vec<&str> = CITATION
            .find_iter(&old)
            .filter(|m| !old[..m.start()].ends_with("Số: "))
            .map(|m| m.as_str())
            .collect();
        assert!(!cited.is_empty(), "{rel}: the seed cites documents");
        for c in &cited {
            assert!(new.contains(c), "{rel}: citation `{c}` changed:\n{new}");
        }
        // No clause without a citation still names the old year.
        let year = Regex::new(&format!(r"\b{from}\b")).unwrap();
        for clause in clauses(&new) {
            if year.is_match(clause) {
                assert!(
                    NUMBER.is_match(clause) || clause.contains('“'),
                    "{rel}: an own date of {from} stayed: `{clause}`"
                );
            }
        }
        // Every own year of the old text moved: as many of the new year as
        // there were of the old one outside citations and longer periods
        // (`giai đoạn 2021 - 2030` stays).
        let old_own = PERIOD.replace_all(&old, |c: &regex::Captures| {
            let (a, b): (i32, i32) = (c[1].parse().unwrap(), c[2].parse().unwrap());
            if b - a == 1 {
                c[0].to_owned()
            } else {
                String::new()
            }
        });
        let own_old = clauses(&old_own)
            .iter()
            .filter(|c| !NUMBER.is_match(c))
            .map(|c| year.find_iter(c).count())
            .sum::<usize>();
        let next = Regex::new(&format!(r"\b{to}\b")).unwrap();
        assert!(
            next.find_iter(&new).count() >= own_old,
            "{rel}: {own_old} own mentions of {from}, fewer of {to}:\n{new}"
        );
        // Weekdays agree with their dates.
        assert!(wrong_weekdays(&new, Some(to)).is_empty(), "{rel}");
        // Every cited document of the old year is on the review list.
        let report = r.report("draft.yaml");
        for c in &cited {
            if c.contains(&from.to_string()) {
                let number = NUMBER.find(c).unwrap().as_str();
                assert!(
                    report
                        .lines()
                        .any(|l| l.contains(number) && l.contains("giữ nguyên")),
                    "{rel}: {number} not listed for review:\n{report}"
                );
            }
        }
        let moved = r.count(Kind::Date) + r.count(Kind::Year) + r.count(Kind::Years);
        counts.push(format!(
            "{rel}: {} dates and years moved (+ issue date), {} citations kept, {} weekdays recomputed, {} items for review",
            moved,
            r.citations_kept,
            r.count(Kind::Weekday),
            r.reviews.len()
        ));
    }
    eprintln!("{}", counts.join("\n"));
}

#[test]
fn weekdays_are_recomputed_for_the_new_year() {
    for rel in [
        "data/examples/giay-moi.yaml",
        "data/examples/thong-bao.yaml",
        "data/examples/chuong-trinh.yaml",
    ] {
        let src = root().join(rel);
        let from = vanban::evolve::year_of(&load::load(&src).unwrap()).unwrap();
        let (r, old, new) = rolled(rel, from + 2);
        assert!(wrong_weekdays(&old, Some(from)).is_empty(), "{rel}: {old}");
        assert!(r.count(Kind::Weekday) > 0, "{rel}: {:?}", r.changes);
        assert!(
            wrong_weekdays(&new, Some(from + 2)).is_empty(),
            "{rel}: {:?}\n{new}",
            wrong_weekdays(&new, Some(from + 2))
        );
        for c in r.changes.iter().filter(|c| c.kind == Kind::Weekday) {
            assert!(new.contains(&c.after), "{rel}: {} not printed", c.after);
        }
    }
}

#[test]
fn the_command_reports_every_change_and_dry_run_writes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let src = root().join(SEEDS[3]);
    let text = std::fs::read_to_string(&src).unwrap();
    let out = dir.path().join("2023.yaml");
    let o = run(vanban()
        .args(["new", "--year", "2023", "--dry-run", "-o"])
        .arg(&out)
        .arg("--from")
        .arg(&src));
    assert_exit(&o, 0);
    assert!(!out.exists(), "--dry-run wrote the draft");
    let report = stdout(&o);
    let line_of = |needle: &str| text.lines().position(|l| l.contains(needle)).unwrap() + 1;
    let shown = out.display().to_string();
    // An own date: the end of the Tuần lễ.
    let own = line_of("đến ngày 07/10/2022");
    assert!(
        report.contains(&format!("{shown}:{own}: 07/10/2022 → 07/10/2023")),
        "{report}"
    );
    // A citation: kept, for review.
    let cited = line_of("Kế hoạch số 211/KH-UBND ngày 29/9/2022");
    assert!(
        report.contains(&format!(
            "{shown}:{cited}: Kế hoạch số 211/KH-UBND ngày 29/9/2022 → kept"
        )),
        "{report}"
    );
    // Written for real: same lines, the report on stderr.
    let o = run(vanban()
        .args(["new", "--year", "2023", "-o"])
        .arg(&out)
        .arg("--from")
        .arg(&src));
    assert_exit(&o, 0);
    assert_eq!(stderr(&o), report);
    let draft = std::fs::read_to_string(&out).unwrap();
    assert_eq!(draft.lines().count(), text.lines().count());
    assert!(draft.lines().nth(own - 1).unwrap().contains("07/10/2023"));
    assert!(draft
        .lines()
        .nth(cited - 1)
        .unwrap()
        .contains("211/KH-UBND ngày 29/9/2022"));
    let pdf = pdf_text(&out);
    assert!(
        pdf.contains("Kế hoạch số 211/KH-UBND ngày 29/9/2022"),
        "{pdf}"
    );
    assert!(pdf.contains("đến ngày 07/10/2023"), "{pdf}");
}

#[test]
fn years_in_capitals_and_blank_dates_of_a_form_move() {
    let (_, old, new) = rolled(SEEDS[2], 2023);
    assert!(old.contains("SUỐT ĐỜI NĂM 2022"), "{old}");
    assert!(new.contains("SUỐT ĐỜI NĂM 2023"), "{new}");
    assert!(new.contains("/2023 của Phòng Giáo dục"), "{new}");
    assert!(
        new.contains("Công văn số 4342/BGDĐT-GDTEX ngày 07/9/2022"),
        "{new}"
    );
    assert!(new.contains("năm học 2023-2024"), "{new}");
}
