//! Plausible mistakes that still build, as warnings at their line and
//! column: a weekday that does not match its date, a số holding the ký
//! hiệu, a trích yếu that repeats `V/v`, two recipients merged into one
//! item, a Nơi nhận group label without its colon, a year that is not the
//! document's outside citations.

use std::path::Path;
use std::sync::LazyLock;

use regex::Regex;

use crate::diag::{Diagnostic, Message, MessageId, Severity};
use crate::load::Loaded;
use crate::locate::{Positions, Step};
use crate::model::{NoiNhan, VanBan};
use crate::vndate;

/// Messages shown to the user, from the catalogue (`lint-*`).
mod msg {
    use crate::i18n::t;

    pub fn weekday(written: &str, date: &str, expected: &str) -> String {
        t(
            "lint-weekday",
            &[("written", written), ("date", date), ("expected", expected)],
        )
    }
    pub fn so_has_ky_hieu(so: &str, ky_hieu: &str) -> String {
        t("lint-so-has-ky-hieu", &[("so", so), ("ky_hieu", ky_hieu)])
    }
    pub fn so_has_slash(so: &str) -> String {
        t("lint-so-has-slash", &[("so", so)])
    }
    pub fn trich_yeu_vv(start: &str) -> String {
        t("lint-trich-yeu-vv", &[("start", start)])
    }
    pub fn trich_yeu_abbreviation() -> String {
        t("lint-trich-yeu-abbreviation", &[])
    }
    /// `what`: the catalogue id of the part ([`KINH_GUI`], [`NOI_NHAN`]).
    pub fn merged(what: &str, item: &str, sep: &str) -> String {
        t(
            "lint-merged",
            &[("what", &t(what, &[])), ("item", item), ("sep", sep)],
        )
    }
    pub fn label_without_colon(item: &str) -> String {
        t("lint-label-without-colon", &[("item", item)])
    }
    pub fn other_year(found: &str, year: i32) -> String {
        t(
            "lint-other-year",
            &[("found", found), ("year", &year.to_string())],
        )
    }
    pub fn parent_changed(parent: &str, now: &str) -> String {
        t("lint-parent-changed", &[("parent", parent), ("now", now)])
    }
    pub const KINH_GUI: &str = "lint-part-kinh-gui";
    pub const NOI_NHAN: &str = "lint-part-noi-nhan";
}

/// A warning at a place of the YAML text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Lint {
    /// 1-based line.
    pub line: usize,
    /// 1-based column (characters).
    pub column: usize,
    /// What looks wrong.
    pub message: String,
}

/// Every warning of a loaded document ([`lints`], then a parent changed
/// since the document was derived from it), as diagnostics.
pub fn of(doc: &Loaded) -> Vec<Diagnostic> {
    let mut out = diagnostics(&doc.path, &doc.text, &doc.doc);
    out.extend(parent_changed(doc));
    out
}

/// A warning when the parent's text is no longer the one the document was
/// derived from (`extends_sha256`), at that key.
pub fn parent_changed(doc: &Loaded) -> Option<Diagnostic> {
    let recorded = doc.doc.extends_sha256.as_deref()?.trim();
    let parent = doc.sources.get(1)?;
    if doc.doc.extends.is_none() || parent.sha256 == recorded {
        return None;
    }
    let place = Positions::of(&doc.text).value(&[key("extends_sha256")])?;
    let parent_name = doc.doc.extends.as_deref().unwrap_or_default();
    Some(Diagnostic {
        severity: Severity::Warning,
        ..Diagnostic::error(
            &doc.path,
            &doc.text,
            place.line,
            place.column,
            Message::new(
                MessageId::Warning,
                &[("text", msg::parent_changed(parent_name, &parent.sha256))],
            ),
        )
    })
}

/// The warnings of [`lints`] as diagnostics of the file `path`.
pub fn diagnostics(path: &Path, text: &str, doc: &VanBan) -> Vec<Diagnostic> {
    lints(text, doc)
        .into_iter()
        .map(|l| Diagnostic {
            severity: Severity::Warning,
            ..Diagnostic::error(
                path,
                text,
                l.line,
                l.column,
                Message::new(MessageId::Warning, &[("text", l.message)]),
            )
        })
        .collect()
}

/// Labels of Nơi nhận groups.
const GROUP_LABELS: [&str; 4] = ["bản điện tử", "bản giấy", "gửi bản điện tử", "gửi bản giấy"];

/// The warnings for the document `doc` typed from `text` (its own text:
/// what it inherits is checked in its parent).
pub fn lints(text: &str, doc: &VanBan) -> Vec<Lint> {
    let positions = Positions::of(text);
    let mut out = Vec::new();
    // Comment lines are not printed: blank them, keeping line numbers.
    let printed: String = text
        .lines()
        .map(|l| {
            if l.trim_start().starts_with('#') {
                ""
            } else {
                l
            }
        })
        .collect::<Vec<_>>()
        .join("\n");
    let year = doc.ngay.map(|n| n.nam);
    for w in vndate::wrong_weekdays(&printed, year) {
        out.push(Lint {
            line: w.line,
            column: w.column,
            message: msg::weekday(&w.written, &w.date_text, w.expected),
        });
    }
    model_lints(text, doc, &[], &positions, &mut out);
    if let Some(year) = year {
        other_years(&printed, year, &mut out);
    }
    out.sort_by_key(|l| (l.line, l.column));
    out.dedup();
    out
}

fn key(k: &str) -> Step {
    Step::Key(k.to_owned())
}

fn model_lints(text: &str, doc: &VanBan, at: &[Step], positions: &Positions, out: &mut Vec<Lint>) {
    let path = |rest: &[Step]| -> Vec<Step> { at.iter().chain(rest).cloned().collect() };
    let mut warn = |p: Vec<Step>, message: String| {
        if positions.has(&p) {
            if let Some(place) = positions.value(&p) {
                out.push(Lint {
                    line: place.line,
                    column: place.column,
                    message,
                });
            }
        }
    };
    if let Some(so) = &doc.so {
        let so = so.trim();
        match doc.ky_hieu.as_deref().map(str::trim) {
            Some(kh) if !kh.is_empty() && so.ends_with(kh) => {
                warn(path(&[key("so")]), msg::so_has_ky_hieu(so, kh))
            }
            _ if so.contains('/') => warn(path(&[key("so")]), msg::so_has_slash(so)),
            _ => {}
        }
    }
    if let Some(t) = &doc.trich_yeu {
        let t = t.trim_start();
        let lower = t.to_lowercase();
        let cong_van = doc.loai.info().ten.is_empty();
        if lower.starts_with("v/v") {
            let m = if cong_van {
                msg::trich_yeu_vv(&t[..3])
            } else {
                msg::trich_yeu_abbreviation()
            };
            warn(path(&[key("trich_yeu")]), m);
        } else if cong_van && lower.starts_with("về việc") {
            let start: String = t.chars().take(7).collect();
            warn(path(&[key("trich_yeu")]), msg::trich_yeu_vv(&start));
        }
    }
    let deeper = |p: &[Step]| positions.value(p).is_some_and(|at| deeper_item(text, at));
    for (i, item) in doc.kinh_gui.iter().enumerate() {
        let p = path(&[key("kinh_gui"), Step::Index(i)]);
        if let Some(sep) = merged(item).or(deeper(&p).then_some(" - ")) {
            warn(p, msg::merged(msg::KINH_GUI, item, sep));
        }
    }
    for (i, entry) in doc.noi_nhan.iter().enumerate() {
        match entry {
            NoiNhan::Muc(item) => {
                let p = path(&[key("noi_nhan"), Step::Index(i)]);
                if let Some(sep) = merged(item).or(deeper(&p).then_some(" - ")) {
                    warn(p.clone(), msg::merged(msg::NOI_NHAN, item, sep));
                }
                let bare = item.trim().trim_end_matches([';', ':', '.']).trim();
                if GROUP_LABELS.contains(&bare.to_lowercase().as_str()) {
                    warn(p, msg::label_without_colon(bare));
                }
            }
            NoiNhan::Nhom(groups) => {
                for (label, items) in groups {
                    for (j, item) in items.iter().enumerate() {
                        let p =
                            path(&[key("noi_nhan"), Step::Index(i), key(label), Step::Index(j)]);
                        if let Some(sep) = merged(item).or(deeper(&p).then_some(" - ")) {
                            warn(p, msg::merged(msg::NOI_NHAN, item, sep));
                        }
                    }
                }
            }
        }
    }
    for (i, p) in doc.phu_luc.iter().enumerate() {
        if let Some(mau) = &p.mau {
            let inner = path(&[key("phu_luc"), Step::Index(i), key("mau")]);
            model_lints(text, mau, &inner, positions, out);
        }
    }
}

/// The separator that suggests two items merged into one: `; -` (pasted
/// from a word processor), ` - ` before the usual first words of a
/// recipient. (` - ` alone is common inside names: `Phòng Tài chính - Kế
/// hoạch`; an item indented too deep is found by [`deeper_item`].)
fn merged(item: &str) -> Option<&'static str> {
    if item.contains("; -") {
        return Some("; -");
    }
    const STARTS: [&str; 4] = [" - Lưu", " - Như trên", " - Như kg", " - Như Kính gửi"];
    STARTS.iter().any(|s| item.contains(s)).then_some(" - ")
}

/// Whether the item whose value starts at `place` goes on over a line
/// that starts with `- `: a list item indented one level too deep, which
/// YAML reads as more text of the item above.
fn deeper_item(text: &str, place: crate::locate::Place) -> bool {
    let dash_col = place.column.saturating_sub(3);
    text.lines()
        .skip(place.line)
        .take_while(|l| {
            let indent = l.len() - l.trim_start().len();
            !l.trim().is_empty() && indent > dash_col
        })
        .any(|l| l.trim_start().starts_with("- "))
}

/// Years before the document's own, outside citations of other documents
/// and spans of years.
fn other_years(text: &str, year: i32, out: &mut Vec<Lint>) {
    static FOUND: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(
            r"(?i)\b(?:năm(?:\s+học)?[\s*_]*|\d{1,2}/\d{1,2}/|tháng\s+\d{1,2}\s*/\s*)(\d{4})\b",
        )
        .expect("regex")
    });
    static RANGE: LazyLock<Regex> =
        LazyLock::new(|| Regex::new(r"\b\d{4}\s*[-–]\s*\d{4}\b").expect("regex"));
    for (i, line, citations) in crate::evolve::rollover::cited_spans(text) {
        for c in FOUND.captures_iter(line) {
            let (Some(whole), Some(y)) = (c.get(0), c.get(1)) else {
                continue;
            };
            let found: i32 = y.as_str().parse().unwrap_or(0);
            let inside = |a: usize, b: usize| citations.iter().any(|&(s, e)| a < e && b > s);
            let in_range = RANGE
                .find_iter(line)
                .any(|r| y.start() < r.end() && y.end() > r.start());
            if (year - 3..year).contains(&found) && !inside(whole.start(), whole.end()) && !in_range
            {
                out.push(Lint {
                    line: i,
                    column: line[..whole.start()].chars().count() + 1,
                    message: msg::other_year(whole.as_str(), year),
                });
            }
        }
    }
}
