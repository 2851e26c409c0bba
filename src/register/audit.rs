//! What `vanban check` adds about numbers: a YAML whose số or date
//! disagrees with the register, two documents of one series with the same
//! number (whatever their ký hiệu), and gaps in a series.

use std::collections::{BTreeMap, HashMap};
use std::path::PathBuf;

use super::db::{self, Register, SeriesKey, Status};
use super::issue::{located, series_of, source_of};
use super::msg;
use crate::diag::{Diagnostic, Error, Severity};
use crate::load::Loaded;

/// One problem found.
#[derive(Debug, Clone)]
pub struct Finding {
    /// Error or warning.
    pub severity: Severity,
    /// Where in a YAML, if it concerns one.
    pub located: Option<Diagnostic>,
    /// The message, for a finding about the register itself (with its path).
    pub message: String,
}

impl Finding {
    /// The report, with the offending line when there is one.
    pub fn render(&self, color: bool) -> String {
        match &self.located {
            Some(d) => d.render(color),
            None => {
                let word = match self.severity {
                    Severity::Error => "error",
                    Severity::Warning => "warning",
                };
                format!("{word}: {}\n", self.message)
            }
        }
    }
}

/// A numbered document: its series and number.
struct Numbered<'a> {
    doc: &'a Loaded,
    key: SeriesKey,
    number: u32,
    root: PathBuf,
    /// The issuing office in full: its governing body and its name. Two
    /// offices of one name under different bodies (the Phòng Giáo dục of
    /// two districts) keep two series; the register, one per office,
    /// needs only the name.
    office: (String, String),
}

fn numbered(doc: &Loaded) -> Option<Numbered<'_>> {
    let number: u32 = doc.doc.so.as_deref()?.trim().parse().ok()?;
    let year = doc.doc.ngay?.nam;
    if number == 0 || doc.doc.co_quan.trim().is_empty() {
        return None;
    }
    Some(Numbered {
        key: SeriesKey {
            issuer_key: db::issuer_key(&doc.doc.co_quan),
            year,
            series: series_of(&doc.doc),
        },
        number,
        root: doc.root(),
        office: (
            db::issuer_key(doc.doc.co_quan_chu_quan.as_deref().unwrap_or("")),
            db::issuer_key(&doc.doc.co_quan),
        ),
        doc,
    })
}

fn error_at(n: &Numbered<'_>, key: &str, message: String, help: Option<&str>) -> Finding {
    Finding {
        severity: Severity::Error,
        located: Some(located(&n.doc.path, &n.doc.text, key, message, help)),
        message: String::new(),
    }
}

/// Checks the numbers of `docs` against each other and against the
/// registers of their projects (where one exists; none is created).
pub fn audit(docs: &[Loaded]) -> Result<Vec<Finding>, Error> {
    let docs: Vec<Numbered<'_>> = docs.iter().filter_map(numbered).collect();
    let mut registers: BTreeMap<PathBuf, Option<Register>> = BTreeMap::new();
    for n in &docs {
        if !registers.contains_key(&n.root) {
            registers.insert(n.root.clone(), Register::open_existing(&n.root)?);
        }
    }
    let mut out = Vec::new();
    // Against the register.
    for n in &docs {
        let Some(Some(reg)) = registers.get(&n.root) else {
            continue;
        };
        let source = source_of(&n.root, &n.doc.path);
        let rows = reg.by_source(&source)?;
        if let Some(r) = rows.iter().find(|r| r.status == Status::Issued) {
            let doc = &n.doc.doc;
            if r.number != n.number || doc.ky_hieu_day_du() != r.symbol {
                out.push(error_at(
                    n,
                    "so",
                    msg::disagrees("so", &doc.so_ky_hieu(), &r.so_ky_hieu()),
                    Some(msg::disagrees_help().as_str()),
                ));
            }
            let date = doc
                .ngay
                .and_then(|d| d.date())
                .map(|d| d.format("%Y-%m-%d").to_string());
            if date.as_deref() != Some(r.date.as_str()) {
                let shown = doc.ngay.map(|d| d.ngan()).unwrap_or_default();
                out.push(error_at(
                    n,
                    "ngay",
                    msg::disagrees("ngay", &shown, &r.date_vn()),
                    Some(msg::disagrees_help().as_str()),
                ));
            }
            continue;
        }
        if let Some(r) = reg.find(&n.key, n.number)? {
            let message = if r.source == source {
                msg::withdrawn_in_register(&r.so_ky_hieu())
            } else if r.status == Status::Withdrawn {
                msg::duplicate(
                    &db::format_number(n.number),
                    &n.doc.doc.co_quan,
                    n.key.year,
                    &[msg::withdrawn_in_register(&r.so_ky_hieu())],
                )
            } else {
                msg::duplicate(
                    &db::format_number(n.number),
                    &n.doc.doc.co_quan,
                    n.key.year,
                    &[msg::taken_in_register(&r.so_ky_hieu(), &r.source)],
                )
            };
            let mut finding = error_at(n, "so", message, Some(msg::disagrees_help().as_str()));
            if r.source == source {
                // The withdrawn document itself: kept, but no longer valid.
                finding.severity = Severity::Warning;
                if let Some(d) = &mut finding.located {
                    d.severity = Severity::Warning;
                }
            }
            out.push(finding);
        }
    }
    // Among the documents.
    type Office<'a> = (&'a PathBuf, &'a (String, String), &'a SeriesKey);
    let mut by_number: HashMap<(Office<'_>, u32), Vec<&Numbered<'_>>> = HashMap::new();
    for n in &docs {
        by_number
            .entry(((&n.root, &n.office, &n.key), n.number))
            .or_default()
            .push(n);
    }
    let mut groups: Vec<_> = by_number.into_values().filter(|g| g.len() > 1).collect();
    groups.sort_by(|a, b| a[0].doc.path.cmp(&b[0].doc.path));
    for group in groups {
        for n in &group {
            let others: Vec<String> = group
                .iter()
                .filter(|o| o.doc.path != n.doc.path)
                .map(|o| format!("{} ({})", o.doc.path.display(), o.doc.doc.so_ky_hieu()))
                .collect();
            out.push(error_at(
                n,
                "so",
                msg::duplicate(
                    &db::format_number(n.number),
                    &n.doc.doc.co_quan,
                    n.key.year,
                    &others,
                ),
                None,
            ));
        }
    }
    // Gaps: in each register; among the documents of a series the register
    // does not keep.
    let mut kept: Vec<(PathBuf, SeriesKey)> = Vec::new();
    for (root, reg) in &registers {
        let Some(reg) = reg else { continue };
        for r in reg.records(&db::Filter::default())? {
            let k = (root.clone(), r.key());
            if kept.last() != Some(&k) {
                kept.push(k);
            }
        }
        for (issuer, key, missing) in reg.gaps()? {
            out.push(Finding {
                severity: Severity::Error,
                located: None,
                message: format!(
                    "{}: {}",
                    reg.path().display(),
                    msg::register_gaps(&issuer, key.year, &key.series.label(), &list(&missing))
                ),
            });
        }
    }
    let mut series: BTreeMap<Office<'_>, Vec<&Numbered<'_>>> = BTreeMap::new();
    for n in &docs {
        if !kept.contains(&(n.root.clone(), n.key.clone())) {
            series
                .entry((&n.root, &n.office, &n.key))
                .or_default()
                .push(n);
        }
    }
    for mut ns in series.into_values() {
        ns.sort_by_key(|n| n.number);
        if !looks_like_a_series(&ns) {
            continue;
        }
        for pair in ns.windows(2) {
            let (a, b) = (pair[0], pair[1]);
            if b.number > a.number + 1 {
                let missing: Vec<u32> = (a.number + 1..b.number).collect();
                let before = format!("{} ({})", db::format_number(a.number), a.doc.path.display());
                let mut d = located(
                    &b.doc.path,
                    &b.doc.text,
                    "so",
                    msg::file_gap(&list(&missing), &before),
                    Some(msg::file_gap_help().as_str()),
                );
                d.severity = Severity::Warning;
                out.push(Finding {
                    severity: Severity::Warning,
                    located: Some(d),
                    message: String::new(),
                });
            }
        }
    }
    Ok(out)
}

/// Whether documents of one office, year and series (sorted by number),
/// with no register behind them, look like the office's running series,
/// so that a number missing among them is news. A series is numbered in
/// the order of issue (Điều 15 NĐ30), so its numbers follow its dates; and
/// a folder that holds the series holds most of it. Documents whose
/// numbers go against their dates, or that hold fewer than half of the
/// numbers up to the highest, are a selection (examples, one person's
/// letters, documents received): numbers missing among them are expected.
fn looks_like_a_series(ns: &[&Numbered<'_>]) -> bool {
    let Some(last) = ns.last() else {
        return false;
    };
    let mut distinct: Vec<u32> = ns.iter().map(|n| n.number).collect();
    distinct.dedup();
    if distinct.len() * 2 < last.number as usize {
        return false;
    }
    let dates: Vec<_> = ns
        .iter()
        .filter_map(|n| n.doc.doc.ngay.and_then(|d| d.date()))
        .collect();
    dates.windows(2).all(|w| w[0] <= w[1])
}

/// The number checks of `vanban check` over the documents that loaded:
/// prints the findings on stderr and returns how many documents (or
/// registers) have errors.
pub fn report(docs: &[Loaded], color: bool) -> Result<usize, Error> {
    let findings = audit(docs)?;
    let mut failed: std::collections::BTreeSet<Option<PathBuf>> = Default::default();
    for f in &findings {
        eprint!("{}", f.render(color));
        if f.severity == Severity::Error {
            failed.insert(f.located.as_ref().map(|d| d.path.clone()));
        }
    }
    let errors = findings
        .iter()
        .filter(|f| f.severity == Severity::Error)
        .count();
    if errors > 0 {
        eprintln!("{}", msg::audit_summary(errors));
    }
    Ok(failed.len())
}

/// `04, 07–09`: numbers, runs shortened.
fn list(numbers: &[u32]) -> String {
    let mut parts: Vec<String> = Vec::new();
    let mut i = 0;
    while i < numbers.len() {
        let mut j = i;
        while j + 1 < numbers.len() && numbers[j + 1] == numbers[j] + 1 {
            j += 1;
        }
        parts.push(if j > i + 1 {
            format!(
                "{}–{}",
                db::format_number(numbers[i]),
                db::format_number(numbers[j])
            )
        } else {
            numbers[i..=j]
                .iter()
                .map(|&n| db::format_number(n))
                .collect::<Vec<_>>()
                .join(", ")
        });
        i = j + 1;
    }
    parts.join(", ")
}

#[cfg(test)]
mod tests {
    #[test]
    fn lists_runs() {
        assert_eq!(super::list(&[4, 7, 8, 9, 11, 12]), "04, 07–09, 11, 12");
    }
}
