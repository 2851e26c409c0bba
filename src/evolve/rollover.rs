//! Next year's draft of a document that keeps its citations.
//!
//! The document's own dates move (issue date, the events it organises,
//! deadlines, school years, `năm 2022` in any letter case); a date that
//! belongs to a citation of another document never moves: a `số …/…`
//! reference and the rest of its clause, a `thuc_hien`/`can_cu` item, a
//! quoted document title. Weekdays next to a moved date are recomputed.
//! Every change and every spot left for review is reported by line.
//!
//! Works on the YAML text line by line, so key order, comments and line
//! numbers are kept: the report's lines are those of both files.

use std::fmt::Write as _;
use std::sync::LazyLock;

use chrono::NaiveDate;
use regex::{Captures, Regex};

use crate::vndate::{parse_thu, thu_nhu, Ngay, THU_PATTERN};

/// Messages shown to the user, from the catalogue (`rollover-*`).
mod msg {
    use crate::i18n::t;

    pub fn changed() -> String {
        t("rollover-changed", &[])
    }
    pub fn review() -> String {
        t("rollover-review", &[])
    }
    pub fn nothing() -> String {
        t("rollover-nothing", &[])
    }
    pub fn number_cleared() -> String {
        t("rollover-number-cleared", &[])
    }
    pub fn weekday_of(date: &str) -> String {
        t("rollover-weekday-of", &[("date", date)])
    }
    pub fn draft_date(after: &str) -> String {
        t("rollover-draft-date", &[("after", after)])
    }
    pub fn summary(from: i32, to: i32, changes: usize, reviews: usize) -> String {
        t(
            "rollover-summary",
            &[
                ("from", &from.to_string()),
                ("to", &to.to_string()),
                ("changes", &changes.to_string()),
                ("reviews", &reviews.to_string()),
            ],
        )
    }
    pub fn cited(what: &str, to: i32) -> String {
        t("rollover-cited", &[("what", what), ("to", &to.to_string())])
    }
    pub fn cited_undated(what: &str, to: i32) -> String {
        t(
            "rollover-cited-undated",
            &[("what", what), ("to", &to.to_string())],
        )
    }
    pub fn cited_file(file: &str, to: i32) -> String {
        t(
            "rollover-cited-file",
            &[("file", file), ("to", &to.to_string())],
        )
    }
    pub fn year_left(year: &str, to: i32) -> String {
        t(
            "rollover-year-left",
            &[("year", year), ("to", &to.to_string())],
        )
    }
}

/// What kind of thing a change moved.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Kind {
    /// The top-level `so:`, cleared.
    Number,
    /// The top-level `ngay:`, made a draft (day blank).
    IssueDate,
    /// A date in the text (`07/10/2022`, `2022-10-07`, `ngày 25 tháng 10 năm 2022`).
    Date,
    /// A year (`năm 2022`, `NĂM 2022`, `.../.../2022`, `nam: 2022`).
    Year,
    /// A span of years (`năm học 2022-2023`).
    Years,
    /// A weekday next to a moved date.
    Weekday,
}

/// One change made to the text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Change {
    /// 1-based line.
    pub line: usize,
    /// 1-based column (characters).
    pub column: usize,
    /// What was moved.
    pub kind: Kind,
    /// The text before.
    pub before: String,
    /// The text after.
    pub after: String,
    /// For a weekday: the (new) date it goes with.
    pub date: Option<NaiveDate>,
}

/// A spot left as it is that the writer must check.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Review {
    /// 1-based line.
    pub line: usize,
    /// 1-based column (characters).
    pub column: usize,
    /// What is left, and the question.
    pub note: String,
}

/// Next year's draft and what was done to get it.
#[derive(Debug, Clone)]
pub struct Rollover {
    /// The year moved from.
    pub from: i32,
    /// The year moved to.
    pub to: i32,
    /// The new YAML text (same lines as the old one).
    pub text: String,
    /// Every change, in text order.
    pub changes: Vec<Change>,
    /// Every spot left for review, in text order.
    pub reviews: Vec<Review>,
    /// Citations of other documents left unchanged.
    pub citations_kept: usize,
}

impl Rollover {
    /// How many changes of this kind.
    pub fn count(&self, kind: Kind) -> usize {
        self.changes.iter().filter(|c| c.kind == kind).count()
    }

    /// The report: a summary line, then every change and every review
    /// spot as `file:line: before → after`.
    pub fn report(&self, file: &str) -> String {
        let mut out = msg::summary(self.from, self.to, self.changes.len(), self.reviews.len());
        out.push('\n');
        let _ = writeln!(out, "{}:", msg::changed());
        for c in &self.changes {
            let _ = writeln!(out, "  {}", self.change_line(file, c));
        }
        if self.changes.is_empty() {
            let _ = writeln!(out, "  {}", msg::nothing());
        }
        let _ = writeln!(out, "{}:", msg::review());
        for r in &self.reviews {
            let _ = writeln!(out, "  {file}:{}: {}", r.line, r.note);
        }
        if self.reviews.is_empty() {
            let _ = writeln!(out, "  {}", msg::nothing());
        }
        out
    }

    /// One change as `file:line: before → after`.
    pub fn change_line(&self, file: &str, c: &Change) -> String {
        let with = c
            .date
            .map(|d| format!(" {}", msg::weekday_of(&Ngay::from_date(d).ngan())))
            .unwrap_or_default();
        format!("{file}:{}: {} → {}{with}", c.line, c.before, c.after)
    }

    /// Every line of the report after the summary, changes then reviews,
    /// each `file:line: …` (for the editor).
    pub fn items(&self, file: &str) -> Vec<String> {
        self.changes
            .iter()
            .map(|c| self.change_line(file, c))
            .chain(
                self.reviews
                    .iter()
                    .map(|r| format!("{file}:{}: {}", r.line, r.note)),
            )
            .collect()
    }
}

/// Keys whose items cite other documents: they never move.
const CITING_KEYS: [&str; 2] = ["thuc_hien", "can_cu"];

/// Kinds of documents a citation names (lower case).
const DOC_TYPES: &str = "công văn|kế hoạch|quyết định|thông tư liên tịch|thông tư|nghị định|nghị quyết|chỉ thị|hướng dẫn|thông báo|tờ trình|báo cáo|chương trình|đề án|dự án|phương án|quy chế|quy định|luật|pháp lệnh|văn bản|công điện|giấy mời|biên bản|điều lệ|chiến lược";

/// A document number: `4342/BGDĐT-GDTEX`, `07/2018/TT-BTC`, `211/KH-UBND`.
static NUMBER: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"\b\d+[a-z]?/(?:\d{4}/)?\p{Lu}[\p{L}\d&.\-]*").expect("regex"));
/// The kind and `số` written before a number, at the end of the text before it.
static BEFORE_NUMBER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"(?i)\b(?:{DOC_TYPES})(?:\s+số)?\s*$|(?i)\bsố\s*$"
    ))
    .expect("regex")
});
/// A law named by its year: `Luật Giáo dục năm 2019`, `Bộ luật Lao động
/// năm 2019` (up to the year, within the clause).
static LAW: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"\b(?:Luật|Bộ luật|Pháp lệnh|Hiến pháp)\b[^;.,“”()]{0,80}?\bnăm\s+\d{4}\b")
        .expect("regex")
});
/// A quoted document title: `Đề án “Xây dựng … 2021-2030”`.
static QUOTED_TITLE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r#"(?i)\b(?:{DOC_TYPES})\s*[*_]*\s*(?:“[^”]*”|"[^"]*"|«[^»]*»)"#
    ))
    .expect("regex")
});
static RANGE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"\b(\d{4})(\s*[-–]\s*)(\d{4})\b").expect("regex"));
static ISO: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"\b(\d{4})-(\d{2})-(\d{2})\b").expect("regex"));
static SHORT: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"\b(\d{1,2})/(\d{1,2})/(\d{4})\b").expect("regex"));
static LONG: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\bngày\s+(\d{1,2})\s+tháng\s+(\d{1,2})\s+năm[\s*_]*(\d{4})\b").expect("regex")
});
static BLANK_DATE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?:\.+|…)\s*/\s*(\d{4})\b").expect("regex"));
static MONTH_YEAR: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?i)\btháng\s+(\d{1,2})\s*/\s*(\d{4})\b").expect("regex"));
static YEAR_WORD: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?i)\b(?:năm|nam:)(?:\s+học)?[\s*_]*(\d{4})\b").expect("regex"));
/// A day and month without a year (`02/10`), for a weekday next to it.
static DAY_MONTH: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"\b(\d{1,2})/(\d{1,2})\b").expect("regex"));
static ANY_YEAR: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"\b(\d{4})\b").expect("regex"));
/// A weekday right before a date: `thứ Sáu, ngày `, `Thứ 2 (`.
pub(crate) static THU_BEFORE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(r"({THU_PATTERN})[\s,]*\(?\s*(?:(?i:ngày)\s+)?$")).expect("regex")
});
/// A weekday right after a date: ` (thứ Sáu)`, `, thứ Sáu`.
pub(crate) static THU_AFTER: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(&format!(r"^\s*[(,]\s*({THU_PATTERN})")).expect("regex"));
static TOP_SO: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^so:\s*([^#\n]*?)\s*(#.*)?$").expect("regex"));
static TOP_NGAY: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^ngay:\s*([^#\n]*?)\s*(#.*)?$").expect("regex"));
static KEY: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^([A-Za-z_][A-Za-z0-9_]*)\s*:(?:\s|$)").expect("regex"));
static PATH_VALUE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r#"(?i)\.(?:ya?ml|png|jpe?g|svg|pdf|gif|webp)["']?\s*$"#).expect("regex")
});

/// Next year's draft of the YAML `text` of a document of year `from`.
pub fn roll(text: &str, from: i32, to: i32) -> Rollover {
    let mut r = Rollover {
        from,
        to,
        text: String::with_capacity(text.len()),
        changes: Vec::new(),
        reviews: Vec::new(),
        citations_kept: 0,
    };
    let mut keys = KeyStack::default();
    let mut carry = false;
    for (i, raw) in text.split_inclusive('\n').enumerate() {
        let line_no = i + 1;
        let (body, nl) = match raw.strip_suffix('\n') {
            Some(b) => (b, "\n"),
            None => (raw, ""),
        };
        let (body, cr) = match body.strip_suffix('\r') {
            Some(b) => (b, "\r"),
            None => (body, ""),
        };
        let shape = keys.enter(body);
        let new = match shape {
            Shape::Blank => body.to_owned(),
            _ if body.starts_with("so:") => {
                carry = false;
                top_so(body, line_no, &mut r)
            }
            _ if body.starts_with("ngay:") => {
                carry = false;
                top_ngay(body, line_no, &mut r)
            }
            Shape::Content { continuation } => {
                let (value, comment) = split_comment(body);
                if PATH_VALUE.is_match(value) {
                    carry = false;
                    // A parent or a cited document named by its file: it
                    // stays, and may be last year's.
                    let item = value.trim_start().trim_start_matches("- ").trim_start();
                    let file = item.strip_prefix("extends:").map(str::trim);
                    if file.is_some() || (keys.citing() && !KEY.is_match(item)) {
                        let file = file.unwrap_or(item).trim_matches(['"', '\'']);
                        r.citations_kept += 1;
                        r.reviews.push(Review {
                            line: line_no,
                            column: column(value, value.len() - item.len()),
                            note: msg::cited_file(file, r.to),
                        });
                    }
                    body.to_owned()
                } else {
                    let at = Place {
                        line: line_no,
                        citing: keys.citing(),
                        continuation,
                        open: carry && continuation,
                    };
                    let (new, still_open) = roll_value(value, at, &mut r);
                    carry = still_open;
                    format!("{new}{comment}")
                }
            }
        };
        r.text.push_str(&new);
        r.text.push_str(cr);
        r.text.push_str(nl);
    }
    r.reviews.sort_by_key(|v| (v.line, v.column));
    r
}

/// A line's number (1-based), its text before any comment, and the byte
/// ranges in it that cite other documents.
pub(crate) type CitedLine<'a> = (usize, &'a str, Vec<(usize, usize)>);

/// Every line of a YAML text (1-based number, text) with the byte ranges
/// that cite other documents: a `thuc_hien`/`can_cu` item whole, else
/// what [`roll`] keeps. Comment and blank lines are left out.
pub(crate) fn cited_spans(text: &str) -> Vec<CitedLine<'_>> {
    let mut keys = KeyStack::default();
    let mut carry = false;
    let mut out = Vec::new();
    for (i, line) in text.lines().enumerate() {
        let Shape::Content { continuation } = keys.enter(line) else {
            continue;
        };
        let (value, _) = split_comment(line);
        if keys.citing() {
            out.push((i + 1, value, vec![(0, value.len())]));
            carry = false;
            continue;
        }
        let spans = citations(value, carry && continuation);
        carry = spans.last().is_some_and(|s| s.open);
        out.push((
            i + 1,
            value,
            spans.iter().map(|s| (s.start, s.end)).collect(),
        ));
    }
    out
}

fn top_so(body: &str, line: usize, r: &mut Rollover) -> String {
    let Some(c) = TOP_SO.captures(body) else {
        return body.to_owned();
    };
    let old = c[1].trim();
    if old.is_empty() || old == "~" || old == "null" || old == "''" || old == "\"\"" {
        return body.to_owned();
    }
    r.changes.push(Change {
        line,
        column: 1,
        kind: Kind::Number,
        before: format!("so: {old}"),
        after: format!("so: {}", msg::number_cleared()),
        date: None,
    });
    match c.get(2) {
        Some(comment) => format!("so: {}", comment.as_str()),
        None => "so:".to_owned(),
    }
}

fn top_ngay(body: &str, line: usize, r: &mut Rollover) -> String {
    let Some(c) = TOP_NGAY.captures(body) else {
        return body.to_owned();
    };
    let v = c[1].trim_matches(['"', '\'']);
    let Ok(d) = Ngay::parse(v) else {
        return body.to_owned();
    };
    let d = d.cong_nam(r.to - r.from);
    let draft = match d.thang {
        Some(m) => format!("{}-{m:02}", d.nam),
        None => d.nam.to_string(),
    };
    r.changes.push(Change {
        line,
        column: 1,
        kind: Kind::IssueDate,
        before: format!("ngay: {v}"),
        after: msg::draft_date(&format!("ngay: {draft}")),
        date: None,
    });
    let comment = c
        .get(2)
        .map(|m| format!(" {}", m.as_str()))
        .unwrap_or_default();
    format!("ngay: {draft}{comment}")
}

/// Where a line is, for [`roll_value`].
#[derive(Debug, Clone, Copy)]
struct Place {
    /// 1-based line.
    line: usize,
    /// Inside a `thuc_hien`/`can_cu` list.
    citing: bool,
    /// Neither a key nor a list item: the value above goes on.
    continuation: bool,
    /// The line above ended inside a citation that goes on here.
    open: bool,
}

/// One edit of a line: the byte range in the old text and its new text.
struct Edit {
    start: usize,
    end: usize,
    after: String,
    kind: Kind,
    /// For a weekday: the date it goes with.
    date: Option<NaiveDate>,
}

/// A part of a line that belongs to a citation.
#[derive(Debug)]
struct Span {
    start: usize,
    end: usize,
    /// Whether it runs on past the end of the line.
    open: bool,
}

/// Rolls one line's value; returns it and whether a citation is still open
/// at its end (it goes on on the next line).
fn roll_value(value: &str, at: Place, r: &mut Rollover) -> (String, bool) {
    let from = r.from;
    let near = |y: i32| (from - 1..=from + 1).contains(&y);
    let (line, open) = (at.line, at.open);
    if at.citing {
        // A `thuc_hien`/`can_cu` item: all of it is a citation.
        let item = value.trim_start().trim_start_matches("- ").trim_start();
        if !at.continuation && !item.trim().is_empty() && !KEY.is_match(item) {
            review_citation(value, value.len() - item.len(), value.len(), line, r);
        }
        return (value.to_owned(), false);
    }
    let spans = citations(value, open);
    for s in &spans {
        if !(open && s.start == 0) {
            review_citation(value, s.start, s.end, line, r);
        }
    }
    let still_open = spans.last().is_some_and(|s| s.open);
    let inside = |a: usize, b: usize| spans.iter().any(|s| a < s.end && b > s.start);

    let delta = r.to - r.from;
    let mut edits: Vec<Edit> = Vec::new();
    let add = |edits: &mut Vec<Edit>, e: Edit| {
        if !inside(e.start, e.end) && !edits.iter().any(|o| e.start < o.end && e.end > o.start) {
            edits.push(e);
        }
    };
    let num = |c: &Captures, i: usize| c[i].parse::<i32>().unwrap_or(0);
    for c in RANGE.captures_iter(value) {
        let (a, b) = (num(&c, 1), num(&c, 3));
        if near(a) && near(b) && b > a {
            let m = c.get(0).expect("match");
            add(
                &mut edits,
                Edit {
                    start: m.start(),
                    end: m.end(),
                    after: format!("{}{}{}", a + delta, &c[2], b + delta),
                    kind: Kind::Years,
                    date: None,
                },
            );
        }
    }
    // Complete dates, with the date they become (for the weekday).
    let mut moved: Vec<(usize, usize, NaiveDate)> = Vec::new();
    for c in ISO.captures_iter(value) {
        let m = c.get(0).expect("match");
        if let (true, Ok(d)) = (near(num(&c, 1)), Ngay::parse(m.as_str())) {
            let d = d.cong_nam(delta);
            let before = edits.len();
            add(
                &mut edits,
                Edit {
                    start: m.start(),
                    end: m.end(),
                    after: d.to_string(),
                    kind: Kind::Date,
                    date: None,
                },
            );
            if edits.len() > before {
                moved.extend(d.date().map(|n| (m.start(), m.end(), n)));
            }
        }
    }
    for c in SHORT.captures_iter(value) {
        let m = c.get(0).expect("match");
        let (d, mo, y) = (num(&c, 1) as u32, num(&c, 2) as u32, num(&c, 3));
        if !near(y) || NaiveDate::from_ymd_opt(y, mo, d).is_none() {
            continue;
        }
        let new = Ngay {
            nam: y,
            thang: Some(mo),
            ngay: Some(d),
        }
        .cong_nam(delta);
        let nd = new.ngay.unwrap_or(d);
        let day = if c[1].len() == 2 {
            format!("{nd:02}")
        } else {
            nd.to_string()
        };
        let before = edits.len();
        add(
            &mut edits,
            Edit {
                start: m.start(),
                end: m.end(),
                after: format!("{day}/{}/{}", &c[2], y + delta),
                kind: Kind::Date,
                date: None,
            },
        );
        if edits.len() > before {
            moved.extend(new.date().map(|n| (m.start(), m.end(), n)));
        }
    }
    for c in LONG.captures_iter(value) {
        let m = c.get(0).expect("match");
        let y = c.get(3).expect("year");
        let (d, mo) = (num(&c, 1) as u32, num(&c, 2) as u32);
        let yv = num(&c, 3);
        let Some(date) = NaiveDate::from_ymd_opt(yv, mo, d) else {
            continue;
        };
        if !near(yv) || inside(m.start(), m.end()) {
            continue;
        }
        let new = Ngay::from_date(date).cong_nam(delta);
        let before = edits.len();
        let day = c.get(1).expect("day");
        // 29 February of a year that has none: the day moves too.
        let new_day = match new.ngay {
            Some(nd) if nd != d => format!("{nd:02}"),
            _ => day.as_str().to_owned(),
        };
        add(
            &mut edits,
            Edit {
                start: m.start(),
                end: m.end(),
                after: format!(
                    "{}{new_day}{}{}",
                    &value[m.start()..day.start()],
                    &value[day.end()..y.start()],
                    yv + delta
                ),
                kind: Kind::Date,
                date: None,
            },
        );
        if edits.len() > before {
            moved.extend(new.date().map(|n| (m.start(), m.end(), n)));
        }
    }
    for re in [&*BLANK_DATE, &*MONTH_YEAR, &*YEAR_WORD] {
        for c in re.captures_iter(value) {
            let y = c.get(c.len() - 1).expect("year");
            let yv: i32 = y.as_str().parse().unwrap_or(0);
            if near(yv) {
                let whole = c.get(0).expect("match");
                if inside(whole.start(), whole.end()) {
                    continue;
                }
                add(
                    &mut edits,
                    Edit {
                        start: whole.start(),
                        end: whole.end(),
                        after: format!(
                            "{}{}{}",
                            &value[whole.start()..y.start()],
                            yv + delta,
                            &value[y.end()..whole.end()]
                        ),
                        kind: if re.as_str() == MONTH_YEAR.as_str() {
                            Kind::Date
                        } else {
                            Kind::Year
                        },
                        date: None,
                    },
                );
            }
        }
    }
    // A day and month without a year takes the new year for its weekday.
    for c in DAY_MONTH.captures_iter(value) {
        let m = c.get(0).expect("match");
        let next = value[m.end()..].chars().next();
        let prev = value[..m.start()].chars().next_back();
        if matches!(next, Some('/') | Some('0'..='9')) || prev == Some('/') {
            continue;
        }
        if let Some(d) = NaiveDate::from_ymd_opt(r.to, num(&c, 2) as u32, num(&c, 1) as u32) {
            if !inside(m.start(), m.end()) {
                moved.push((m.start(), m.end(), d));
            }
        }
    }
    // Weekdays next to a moved date.
    for (start, end, date) in moved {
        let found = THU_BEFORE
            .captures(&value[..start])
            .and_then(|c| c.get(1))
            .map(|g| (g.start(), g.end()))
            .or_else(|| {
                THU_AFTER
                    .captures(&value[end..])
                    .and_then(|c| c.get(1))
                    .map(|g| (g.start() + end, g.end() + end))
            });
        let Some((ws, we)) = found else { continue };
        let written = &value[ws..we];
        if parse_thu(written).is_none() {
            continue;
        }
        let after = thu_nhu(written, date);
        if after != written {
            add(
                &mut edits,
                Edit {
                    start: ws,
                    end: we,
                    after,
                    kind: Kind::Weekday,
                    date: Some(date),
                },
            );
        }
    }
    edits.sort_by_key(|e| e.start);
    // Years of last year's neighbourhood left as they were, outside
    // citations and edits: the writer decides.
    for m in ANY_YEAR.find_iter(value) {
        let y: i32 = m.as_str().parse().unwrap_or(0);
        if y == r.from
            && !inside(m.start(), m.end())
            && !edits.iter().any(|e| m.start() < e.end && m.end() > e.start)
            && !part_of_number(value, m.start(), m.end())
        {
            r.reviews.push(Review {
                line,
                column: column(value, m.start()),
                note: msg::year_left(&context(value, m.start(), m.end()), r.to),
            });
        }
    }
    let mut out = String::with_capacity(value.len());
    let mut at = 0;
    for e in &edits {
        out.push_str(&value[at..e.start]);
        out.push_str(&e.after);
        at = e.end;
        r.changes.push(Change {
            line,
            column: column(value, e.start),
            kind: e.kind,
            before: value[e.start..e.end].to_owned(),
            after: e.after.clone(),
            date: e.date,
        });
    }
    out.push_str(&value[at..]);
    (out, still_open)
}

/// The citations in a line's value: from a document number (with the kind
/// and `số` before it) to the end of its clause (`;`, a full stop, a closing
/// bracket opened before it), quotations inside included; and quoted document
/// titles. With `open`, the line starts inside a citation.
fn citations(value: &str, open: bool) -> Vec<Span> {
    let mut spans: Vec<Span> = Vec::new();
    let push = |spans: &mut Vec<Span>, start: usize| {
        if spans.iter().any(|s| start >= s.start && start < s.end) {
            return;
        }
        let (end, open) = clause_end(value, start);
        spans.push(Span { start, end, open });
    };
    if open {
        push(&mut spans, 0);
    }
    for m in NUMBER.find_iter(value) {
        let start = BEFORE_NUMBER
            .find(&value[..m.start()])
            .map_or(m.start(), |b| b.start());
        push(&mut spans, start);
    }
    for m in QUOTED_TITLE.find_iter(value).chain(LAW.find_iter(value)) {
        if !spans
            .iter()
            .any(|s| m.start() >= s.start && m.start() < s.end)
        {
            spans.push(Span {
                start: m.start(),
                end: m.end(),
                open: false,
            });
        }
    }
    spans.sort_by_key(|s| s.start);
    spans
}

/// Where the clause that starts at `start` ends, and whether it runs past
/// the end of the line.
fn clause_end(value: &str, start: usize) -> (usize, bool) {
    let mut depth = 0usize;
    let mut chars = value[start..].char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        let at = start + i;
        match c {
            '“' | '«' => {
                let close = if c == '“' { '”' } else { '»' };
                for (_, d) in chars.by_ref() {
                    if d == close {
                        break;
                    }
                }
            }
            '(' => depth += 1,
            ')' if depth == 0 => return (at, false),
            ')' => depth -= 1,
            ';' => return (at, false),
            '.' => {
                let next = chars.peek().map(|&(_, n)| n);
                let ends = next.is_none_or(|n| n.is_whitespace() || "*_'\"".contains(n));
                let word = value[..at].rsplit(char::is_whitespace).next().unwrap_or("");
                let abbreviation = word.ends_with('.')
                    || (word.chars().count() <= 2 && word.chars().all(char::is_alphabetic));
                if ends && !abbreviation {
                    return (at, false);
                }
            }
            _ => {}
        }
    }
    let trimmed = value.trim_end();
    // A quoted YAML scalar closes on this line: the clause ends with it.
    let closed = trimmed.ends_with('\'') || trimmed.ends_with('"');
    (value.len(), !closed)
}

/// Counts the documents cited in `value[start..end]` and puts on the
/// review list those dated near the old year or not dated at all.
fn review_citation(value: &str, start: usize, end: usize, line: usize, r: &mut Rollover) {
    let text = &value[start..end];
    let from = r.from;
    let near = |y: i32| (from - 1..=from + 1).contains(&y);
    let mut found = 0;
    for m in NUMBER.find_iter(text) {
        found += 1;
        let kind_start = BEFORE_NUMBER
            .find(&text[..m.start()])
            .map_or(m.start(), |b| b.start());
        let (what, year) = cited_name(&text[kind_start..]);
        let parts: Vec<&str> = m.as_str().split('/').collect();
        let in_number = (parts.len() == 3)
            .then(|| parts[1].parse::<i32>().ok())
            .flatten();
        let note = match year.or(in_number) {
            Some(y) if near(y) => msg::cited(&what, r.to),
            Some(_) => continue,
            None => msg::cited_undated(&what, r.to),
        };
        r.reviews.push(Review {
            line,
            column: column(value, start + kind_start),
            note,
        });
    }
    r.citations_kept += found.max(1);
    if found > 0 {
        return;
    }
    // A quoted title or an item without number: on the list when it names
    // a year near the old one (not the end of a longer period).
    let periods = RANGE.replace_all(text, "");
    if ANY_YEAR
        .find_iter(&periods)
        .any(|m| near(m.as_str().parse().unwrap_or(0)))
    {
        let (what, _) = cited_name(text);
        r.reviews.push(Review {
            line,
            column: column(value, start),
            note: msg::cited(&what, r.to),
        });
    }
}

/// `Công văn số 4342/BGDĐT-GDTEX ngày 07/9/2022`: the kind, number and
/// date of a citation, else its first words.
fn cited_name(text: &str) -> (String, Option<i32>) {
    static DATE_AFTER: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"^\s*(?:\\n)?\s*,?\s*(?i:ngày)\s+(?:(\d{1,2})/(\d{1,2})/(\d{4})|(\d{1,2})\s+tháng\s+(\d{1,2})\s+năm\s+(\d{4}))")
            .expect("regex")
    });
    let text = text
        .trim()
        .trim_start_matches("- ")
        .trim_matches(['\'', '"']);
    if let Some(m) = NUMBER.find(text) {
        let start = BEFORE_NUMBER
            .find(&text[..m.start()])
            .map_or(m.start(), |b| b.start());
        let mut end = m.end();
        let mut year = None;
        if let Some(c) = DATE_AFTER.captures(&text[end..]) {
            year = c.get(3).or(c.get(6)).and_then(|y| y.as_str().parse().ok());
            end += c.get(0).map_or(0, |g| g.end());
        }
        let name = text[start..end].replace("\\n", " ");
        return (name, year);
    }
    let words: Vec<&str> = text.split_whitespace().collect();
    let name = if words.len() > 12 {
        format!("{} …", words[..12].join(" "))
    } else {
        words.join(" ")
    };
    (name, None)
}

/// Whether the digits at `start..end` are part of a number such as
/// `07/2022/TT-BTC` or `0913575506`.
fn part_of_number(value: &str, start: usize, end: usize) -> bool {
    let prev = value[..start].chars().next_back();
    let prev2 = prev.and_then(|p| value[..start - p.len_utf8()].chars().next_back());
    let next = value[end..].chars().next();
    let next2 = next.and_then(|n| value[end + n.len_utf8()..].chars().next());
    let glued_before =
        matches!(prev, Some('/' | '.' | ',' | '-')) && prev2.is_some_and(|c| c.is_ascii_digit());
    let glued_after = matches!(next, Some('/' | '-')) && next2.is_some_and(char::is_alphanumeric);
    glued_before || glued_after
}

/// A few words around `start..end`, for a report line.
fn context(value: &str, start: usize, end: usize) -> String {
    let before: Vec<&str> = value[..start].split_whitespace().collect();
    let after: Vec<&str> = value[end..].split_whitespace().collect();
    let b = before[before.len().saturating_sub(4)..].join(" ");
    let a = after.iter().take(2).copied().collect::<Vec<_>>().join(" ");
    let sep_b = if value[..start].ends_with(char::is_whitespace) {
        " "
    } else {
        ""
    };
    let sep_a = if value[end..].starts_with(char::is_whitespace) {
        " "
    } else {
        ""
    };
    format!("…{b}{sep_b}{}{sep_a}{a}…", &value[start..end])
}

/// The 1-based character column of byte `at`.
fn column(value: &str, at: usize) -> usize {
    value[..at].chars().count() + 1
}

/// A line split before its comment (` #` outside quotes).
fn split_comment(body: &str) -> (&str, &str) {
    let mut quote: Option<char> = None;
    let mut prev = ' ';
    for (i, c) in body.char_indices() {
        match (quote, c) {
            (None, '#') if prev.is_whitespace() => return body.split_at(i),
            (None, '\'' | '"') if prev.is_whitespace() || prev == ':' || prev == '-' => {
                quote = Some(c)
            }
            (Some(q), c) if c == q => quote = None,
            _ => {}
        }
        prev = c;
    }
    (body, "")
}

/// What a line is, for the key stack.
#[derive(Debug, Clone, Copy)]
enum Shape {
    /// Empty or only a comment.
    Blank,
    /// A key, a list item, or the next line of a value.
    Content {
        /// Neither a key nor a list item: the value above goes on.
        continuation: bool,
    },
}

/// The keys enclosing the current line, by indentation.
#[derive(Debug, Default)]
struct KeyStack {
    stack: Vec<(usize, String)>,
}

impl KeyStack {
    /// Moves to `line`; returns its shape.
    fn enter(&mut self, line: &str) -> Shape {
        let rest = line.trim_start_matches(' ');
        if rest.is_empty() || rest.starts_with('#') {
            return Shape::Blank;
        }
        let indent = line.len() - rest.len();
        let item = rest.starts_with("- ") || rest == "-";
        // The key (if any) after the list dashes.
        let mut col = indent;
        let mut inner = rest;
        while let Some(r) = inner.strip_prefix("- ") {
            let r2 = r.trim_start_matches(' ');
            col += inner.len() - r2.len();
            inner = r2;
        }
        let key = KEY.captures(inner).map(|c| c[1].to_owned());
        let continuation = !item && key.is_none();
        if continuation {
            return Shape::Content { continuation };
        }
        while let Some((c, _)) = self.stack.last() {
            if *c > indent || (*c == indent && !item) {
                self.stack.pop();
            } else {
                break;
            }
        }
        if let Some(k) = key {
            self.stack.push((col, k));
        }
        Shape::Content { continuation }
    }

    /// Whether the line is inside a key whose items cite documents.
    fn citing(&self) -> bool {
        self.stack
            .iter()
            .any(|(_, k)| CITING_KEYS.contains(&k.as_str()))
    }
}

#[cfg(test)]
mod tests;
