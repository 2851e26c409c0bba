//! The register's messages to the văn thư, worded by the message
//! catalogue (`reg-*` in `i18n/*/vanban.ftl`) in the language of the
//! process.

use std::path::Path;

use crate::i18n::t;

fn p(path: &Path) -> String {
    path.display().to_string()
}

/// The document already carries a number.
pub fn already_numbered(so_ky_hieu: &str) -> String {
    t("reg-already-numbered", &[("number", so_ky_hieu)])
}

/// Help for [`already_numbered`].
pub fn already_numbered_help() -> String {
    t("reg-already-numbered-help", &[])
}

/// The register holds an issued number for this file although the YAML
/// has none (the number was erased from the file).
pub fn registered_elsewhere(so_ky_hieu: &str, ngay: &str) -> String {
    t(
        "reg-registered-elsewhere",
        &[("number", so_ky_hieu), ("date", ngay)],
    )
}

/// No issuing body to number for.
pub fn no_issuer() -> String {
    t("reg-no-issuer", &[])
}

/// A blank form with a literal date line cannot be numbered.
pub fn dong_ngay() -> String {
    t("reg-dong-ngay", &[])
}

/// The edit could not be written into the YAML in a form that reads back.
pub fn edit_failed(key: &str) -> String {
    t("reg-edit-failed", &[("key", key)])
}

/// The register file could not be opened or updated.
pub fn database(path: &Path, e: impl std::fmt::Display) -> String {
    t(
        "reg-database",
        &[("path", &p(path)), ("detail", &e.to_string())],
    )
}

/// The file has no number in the register (withdrawal).
pub fn not_registered(path: &Path) -> String {
    t("reg-not-registered", &[("path", &p(path))])
}

/// The register file does not exist.
pub fn no_register(path: &Path) -> String {
    t("reg-no-register", &[("path", &p(path))])
}

/// A number was issued.
pub fn issued(path: &Path, so_ky_hieu: &str, ngay: &str, secret: bool) -> String {
    t(
        "reg-issued",
        &[
            ("path", &p(path)),
            ("number", so_ky_hieu),
            ("date", ngay),
            ("secret", if secret { "yes" } else { "no" }),
        ],
    )
}

/// A number was withdrawn.
pub fn withdrawn(path: &Path, so_ky_hieu: &str) -> String {
    t(
        "reg-withdrawn",
        &[("path", &p(path)), ("number", so_ky_hieu)],
    )
}

/// The number is already withdrawn.
pub fn already_withdrawn(path: &Path, so_ky_hieu: &str) -> String {
    t(
        "reg-already-withdrawn",
        &[("path", &p(path)), ("number", so_ky_hieu)],
    )
}

/// The note written into Ghi chú on withdrawal: text of the register
/// itself (an official record), always in Vietnamese.
pub fn withdrawal_note(ngay: &str, reason: Option<&str>) -> String {
    let lang = crate::i18n::Lang::Vi;
    match reason {
        Some(r) if !r.trim().is_empty() => crate::i18n::tr(
            lang,
            "reg-withdrawal-note-reason",
            &[("date", ngay), ("reason", r.trim())],
        ),
        _ => crate::i18n::tr(lang, "reg-withdrawal-note", &[("date", ngay)]),
    }
}

/// Number and date in the YAML disagree with the register.
pub fn disagrees(key: &str, in_file: &str, in_register: &str) -> String {
    t(
        "reg-disagrees",
        &[("key", key), ("file", in_file), ("register", in_register)],
    )
}

/// Help for [`disagrees`].
pub fn disagrees_help() -> String {
    t("reg-disagrees-help", &[])
}

/// Two documents of one series share a number.
pub fn duplicate(number: &str, issuer: &str, year: i32, others: &[String]) -> String {
    t(
        "reg-duplicate",
        &[
            ("number", number),
            ("issuer", issuer),
            ("year", &year.to_string()),
            ("others", &others.join("; ")),
        ],
    )
}

/// The register holds the number for another file.
pub fn taken_in_register(so_ky_hieu: &str, source: &str) -> String {
    t(
        "reg-taken-in-register",
        &[("number", so_ky_hieu), ("source", source)],
    )
}

/// The register records the number as withdrawn.
pub fn withdrawn_in_register(so_ky_hieu: &str) -> String {
    t("reg-withdrawn-in-register", &[("number", so_ky_hieu)])
}

/// Gaps in a series of the register.
pub fn register_gaps(issuer: &str, year: i32, series: &str, missing: &str) -> String {
    t(
        "reg-register-gaps",
        &[
            ("issuer", issuer),
            ("year", &year.to_string()),
            ("series", series),
            ("missing", missing),
        ],
    )
}

/// Gaps among the documents checked (no register for the series).
pub fn file_gap(missing: &str, before: &str) -> String {
    t("reg-file-gap", &[("missing", missing), ("before", before)])
}

/// Help for [`file_gap`].
pub fn file_gap_help() -> String {
    t("reg-file-gap-help", &[])
}

/// The printed register needs one book.
pub fn one_book(books: &[String]) -> String {
    t("reg-one-book", &[("books", &books.join("; "))])
}

/// Nothing matches the filters.
pub fn empty() -> String {
    t("reg-empty", &[])
}

/// Unknown export format.
pub fn unknown_format(path: &Path) -> String {
    t("reg-unknown-format", &[("path", &p(path))])
}

/// A date option that is not a full date.
pub fn bad_date(s: &str) -> String {
    t("reg-bad-date", &[("value", s)])
}

/// The series as named in messages (`văn bản mật `, `bản sao ` or
/// nothing).
pub fn series_label(series: super::db::Series) -> String {
    t("reg-series-label", &[("series", series.word())])
}

/// The register was written to a file.
pub fn exported(path: &Path, rows: usize) -> String {
    t(
        "reg-exported",
        &[("path", &p(path)), ("rows", &rows.to_string())],
    )
}

/// Rows were imported.
pub fn imported(path: &Path, rows: usize, register: &Path) -> String {
    t(
        "reg-imported",
        &[
            ("path", &p(path)),
            ("rows", &rows.to_string()),
            ("register", &p(register)),
        ],
    )
}

/// Documents with errors about their numbers.
pub fn audit_summary(errors: usize) -> String {
    t("reg-audit-summary", &[("errors", &errors.to_string())])
}

/// A spreadsheet row that cannot be imported.
pub fn import_row(path: &Path, row: usize, what: &str) -> String {
    t(
        "reg-import-row",
        &[
            ("path", &p(path)),
            ("row", &row.to_string()),
            ("what", what),
        ],
    )
}

/// A column the import needs (`column`: the catalogue id of its head).
pub fn import_missing_column(path: &Path, column: &str) -> String {
    t(
        "reg-import-missing-column",
        &[("path", &p(path)), ("column", &t(column, &[]))],
    )
}

/// Not a number.
pub fn import_bad_number(cell: &str) -> String {
    t("reg-import-bad-number", &[("value", cell)])
}

/// Not a date.
pub fn import_bad_date(cell: &str) -> String {
    t("reg-import-bad-date", &[("value", cell)])
}

/// No issuer.
pub fn import_no_issuer() -> String {
    t("reg-import-no-issuer", &[])
}

/// A spreadsheet without sheets.
pub fn import_no_sheet() -> String {
    t("reg-import-no-sheet", &[])
}

/// Unreadable spreadsheet.
pub fn import_unreadable(path: &Path, e: impl std::fmt::Display) -> String {
    t(
        "reg-import-unreadable",
        &[("path", &p(path)), ("detail", &e.to_string())],
    )
}

/// A mail-merge file exists already (it may carry a number).
pub fn merge_exists(path: &Path) -> String {
    t("reg-merge-exists", &[("path", &p(path))])
}

/// A mail-merge data file with no rows.
pub fn merge_empty(path: &Path) -> String {
    t("reg-merge-empty", &[("path", &p(path))])
}

/// A column head that cannot be a variable name.
pub fn merge_bad_head(path: &Path, head: &str) -> String {
    t("reg-merge-bad-head", &[("path", &p(path)), ("head", head)])
}

/// The mail merge wrote its documents.
pub fn merged(count: usize, dir: &Path) -> String {
    t(
        "reg-merged",
        &[("count", &count.to_string()), ("dir", &p(dir))],
    )
}

/// `--so` names a number of the series of copies that is already taken.
pub fn copy_number_taken(so_ky_hieu: &str, issuer: &str, year: i32, source: &str) -> String {
    t(
        "reg-copy-number-taken",
        &[
            ("number", so_ky_hieu),
            ("issuer", issuer),
            ("year", &year.to_string()),
            ("source", source),
        ],
    )
}

/// A copy was numbered and recorded.
pub fn copy_issued(path: &Path, so_ky_hieu: &str, ngay: &str, register: &Path) -> String {
    t(
        "reg-copy-issued",
        &[
            ("path", &p(path)),
            ("number", so_ky_hieu),
            ("date", ngay),
            ("register", &p(register)),
        ],
    )
}

/// The register's Tên loại và trích yếu of a copy: its form and what it
/// copies; text of the register itself, always in Vietnamese.
pub fn copy_title(form: &str, original: &str) -> String {
    crate::i18n::tr(
        crate::i18n::Lang::Vi,
        "reg-copy-title",
        &[("form", form), ("original", original)],
    )
}
