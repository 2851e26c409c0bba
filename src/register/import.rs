//! Importing an existing register (an office starting mid-year) from the
//! CSV or XLSX that `vanban so-dang-ky -o` writes, or one with the same
//! column heads typed by hand. All rows go in in one transaction, or none.

use std::path::Path;

use calamine::{Data, Reader};
use chrono::Datelike;
use unicode_normalization::UnicodeNormalization;

use super::db::{Record, Register, Series, Status};
use super::export::{HEADER_IDS, SERIES_WORDS, STATUS_WORDS};
use super::msg;
use crate::diag::Error;
use crate::i18n::Lang;
use crate::vndate::Ngay;

/// A spreadsheet as text: the head row, then the rows.
type Table = Vec<Vec<String>>;

/// Reads a `.csv` (UTF-8, with or without a byte-order mark) or an `.xlsx`
/// (its first sheet) as text cells.
pub fn read_table(path: &Path) -> Result<Table, Error> {
    let ext = path
        .extension()
        .map(|e| e.to_string_lossy().to_lowercase())
        .unwrap_or_default();
    let bad = |e: &dyn std::fmt::Display| Error::Other(msg::import_unreadable(path, e));
    match ext.as_str() {
        "csv" => {
            let bytes = std::fs::read(path).map_err(|e| Error::io(path, e))?;
            let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(&bytes);
            let mut rd = csv::ReaderBuilder::new()
                .has_headers(false)
                .flexible(true)
                .from_reader(bytes);
            rd.records()
                .map(|r| {
                    r.map(|r| r.iter().map(str::to_owned).collect())
                        .map_err(|e| bad(&e))
                })
                .collect()
        }
        "xlsx" | "xlsm" | "xls" | "ods" => {
            let mut book = calamine::open_workbook_auto(path).map_err(|e| bad(&e))?;
            let range = book
                .worksheet_range_at(0)
                .ok_or_else(|| bad(&msg::import_no_sheet()))?
                .map_err(|e| bad(&e))?;
            Ok(range
                .rows()
                .map(|r| r.iter().map(cell_text).collect())
                .collect())
        }
        _ => Err(Error::Other(msg::unknown_format(path))),
    }
}

fn cell_text(c: &Data) -> String {
    match c {
        Data::Empty => String::new(),
        Data::Float(f) if f.fract() == 0.0 && f.abs() < 1e15 => format!("{}", *f as i64),
        Data::DateTime(d) => {
            let (y, m, day, ..) = d.to_ymd_hms_milli();
            format!("{day:02}/{m:02}/{y}")
        }
        other => other.to_string(),
    }
}

/// The column heads, compared without case and in NFC.
fn norm(s: &str) -> String {
    s.nfc().collect::<String>().trim().to_lowercase()
}

/// Whether `cell` is the catalogue word `id` in some language.
fn is_word(cell: &str, id: &str) -> bool {
    Lang::ALL
        .iter()
        .any(|l| norm(cell) == norm(&crate::i18n::tr(*l, id, &[])))
}

/// Which column holds what; `None` where the spreadsheet has no such column.
struct Columns {
    number: Option<usize>,
    symbol: Option<usize>,
    number_symbol: Option<usize>,
    date: usize,
    cols: [Option<usize>; 13],
}

/// Heads accepted for the plain text columns, in the order of `Columns::cols`.
const TEXT_HEADS: [&[&str]; 13] = [
    &[
        "tên loại và trích yếu nội dung văn bản",
        "tên loại và trích yếu",
        "trích yếu",
    ],
    &["người ký"],
    &["nơi nhận văn bản", "nơi nhận"],
    &["đơn vị, người nhận bản lưu", "bản lưu"],
    &["số lượng bản"],
    &["ngày chuyển"],
    &["ký nhận"],
    &["ghi chú"],
    &["cơ quan ban hành", "cơ quan"],
    &["cơ quan chủ quản"],
    &["sổ"],
    &["trạng thái"],
    &["tệp nguồn"],
];

/// The catalogue ids of the export's heads of [`TEXT_HEADS`], in order.
const TEXT_HEAD_IDS: [&str; 13] = [
    HEADER_IDS[3],
    HEADER_IDS[4],
    HEADER_IDS[5],
    HEADER_IDS[6],
    HEADER_IDS[7],
    HEADER_IDS[8],
    HEADER_IDS[9],
    HEADER_IDS[10],
    HEADER_IDS[11],
    HEADER_IDS[12],
    HEADER_IDS[14],
    HEADER_IDS[15],
    HEADER_IDS[16],
];

fn columns(path: &Path, head: &[String]) -> Result<Columns, Error> {
    // A column is found by one of `names` or, when `id` is given, by the
    // head the export writes in any language.
    let find_by = |names: &[&str], id: Option<&str>| {
        head.iter().position(|h| {
            names.iter().any(|n| norm(h) == norm(n)) || id.is_some_and(|id| is_word(h, id))
        })
    };
    let find = |names: &[&str]| find_by(names, None);
    let number = find_by(&["số"], Some(HEADER_IDS[0]));
    let number_symbol = find(&["số, ký hiệu văn bản", "số, ký hiệu", "số/ký hiệu"]);
    if number.is_none() && number_symbol.is_none() {
        return Err(Error::Other(msg::import_missing_column(
            path,
            "register-col-number",
        )));
    }
    let date = find_by(
        &["ngày tháng văn bản", "ngày tháng", "ngày"],
        Some(HEADER_IDS[2]),
    )
    .ok_or_else(|| Error::Other(msg::import_missing_column(path, "register-col-date")))?;
    let mut cols = [None; 13];
    for (i, names) in TEXT_HEADS.iter().enumerate() {
        cols[i] = find_by(names, Some(TEXT_HEAD_IDS[i]));
    }
    Ok(Columns {
        number,
        symbol: find_by(&["ký hiệu"], Some(HEADER_IDS[1])),
        number_symbol,
        date,
        cols,
    })
}

/// The register rows of a spreadsheet; `issuer` stands for a missing
/// Cơ quan ban hành column or cell.
pub fn records(path: &Path, table: &Table, issuer: Option<&str>) -> Result<Vec<Record>, Error> {
    let Some((head, body)) = table.split_first() else {
        return Err(Error::Other(msg::import_missing_column(
            path,
            "register-col-number",
        )));
    };
    let c = columns(path, head)?;
    let mut out = Vec::new();
    for (i, row) in body.iter().enumerate() {
        let line = i + 2;
        let err = |what: String| Error::Other(msg::import_row(path, line, &what));
        let get = |col: Option<usize>| {
            col.and_then(|k| row.get(k))
                .map(|s| s.trim().to_owned())
                .unwrap_or_default()
        };
        if row.iter().all(|s| s.trim().is_empty()) {
            continue;
        }
        let combined = get(c.number_symbol);
        let (num_text, mut symbol) = match combined.split_once('/') {
            Some((n, s)) if c.number.is_none() => (n.trim().to_owned(), s.trim().to_owned()),
            _ if c.number.is_none() => (combined.clone(), String::new()),
            _ => (get(c.number), String::new()),
        };
        if c.symbol.is_some() {
            symbol = get(c.symbol);
        }
        let number: u32 = num_text
            .parse()
            .ok()
            .filter(|n| *n > 0)
            .ok_or_else(|| err(msg::import_bad_number(&num_text)))?;
        let date_text = get(Some(c.date));
        let date = Ngay::parse(&date_text)
            .ok()
            .and_then(|n| n.date())
            .ok_or_else(|| err(msg::import_bad_date(&date_text)))?;
        let [title, signer, recipients, file_copy, copies, sent_on, received_by, note, issuer_cell, parent, series, status, source] =
            c.cols.map(get);
        let issuer = match (issuer_cell.is_empty(), issuer) {
            (false, _) => issuer_cell,
            (true, Some(i)) => i.to_owned(),
            (true, None) => return Err(err(msg::import_no_issuer())),
        };
        let sent_on = match Ngay::parse(&sent_on).ok().and_then(|n| n.date()) {
            Some(d) => d.format("%Y-%m-%d").to_string(),
            None => sent_on,
        };
        out.push(Record {
            id: 0,
            issuer,
            parent_body: parent,
            year: date.year(),
            series: if is_word(&series, SERIES_WORDS[1]) {
                Series::Secret
            } else if is_word(&series, SERIES_WORDS[2]) {
                Series::Copy
            } else {
                Series::Ordinary
            },
            number,
            symbol,
            date: date.format("%Y-%m-%d").to_string(),
            kind: String::new(),
            title,
            signer,
            recipients,
            file_copy,
            copies: copies.parse().ok(),
            sent_on,
            received_by,
            note,
            source,
            pdf_sha256: String::new(),
            status: if is_word(&status, STATUS_WORDS[1]) {
                Status::Withdrawn
            } else {
                Status::Issued
            },
            withdrawn_on: String::new(),
            recorded_at: String::new(),
        });
    }
    Ok(out)
}

/// Imports `path` into the register of `root`; returns the rows added.
pub fn import(root: &Path, path: &Path, issuer: Option<&str>) -> Result<usize, Error> {
    let table = read_table(path)?;
    let rows = records(path, &table, issuer)?;
    let mut register = Register::open(root)?;
    register.insert_all(&rows)?;
    Ok(rows.len())
}
