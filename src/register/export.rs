//! The register written out: CSV (UTF-8 with a byte-order mark, so that
//! Excel reads Vietnamese), XLSX, and the printed register as a PDF laid
//! out by Typst (`layouts/so-dang-ky.typ`).

use std::path::Path;

use rust_xlsxwriter::{Format, FormatAlign, FormatBorder, Workbook, XlsxError};

use super::db::{iso_to_vn, Record, Series, Status};
use super::msg;
use crate::diag::Error;
use crate::i18n::{tr, Lang};
use crate::output::{self, PdfSettings};
use crate::world::{DocWorld, Engine};

/// The columns of the spreadsheet exports, in order: the number and
/// ký hiệu apart (so that the file can be imported back), the columns of
/// Phụ lục IV, then what the register knows about each row. Catalogue ids
/// of their heads (see [`headers`]).
pub const HEADER_IDS: [&str; 18] = [
    "register-col-number",
    "register-col-symbol",
    "register-col-date",
    "register-col-title",
    "register-col-signer",
    "register-col-recipients",
    "register-col-file-copy",
    "register-col-copies",
    "register-col-sent-on",
    "register-col-received-by",
    "register-col-note",
    "register-col-issuer",
    "register-col-parent",
    "register-col-year",
    "register-col-series",
    "register-col-status",
    "register-col-source",
    "register-col-sha256",
];

/// The column heads in `lang`.
pub fn headers(lang: Lang) -> [String; 18] {
    HEADER_IDS.map(|id| tr(lang, id, &[]))
}

/// Catalogue ids of the words of the `Sổ` column (ordinary, secret, copy).
pub const SERIES_WORDS: [&str; 3] = [
    "register-series-ordinary",
    "register-series-secret",
    "register-series-copy",
];
/// Catalogue ids of the words of the `Trạng thái` column (issued, withdrawn).
pub const STATUS_WORDS: [&str; 2] = ["register-status-issued", "register-status-withdrawn"];

/// The cells of one row, as text, in the order of [`HEADER_IDS`], the
/// words in `lang`.
pub fn cells(r: &Record, lang: Lang) -> [String; 18] {
    [
        r.so(),
        r.symbol.clone(),
        r.date_vn(),
        r.title.clone(),
        r.signer.clone(),
        r.recipients.clone(),
        r.file_copy.clone(),
        r.copies.map(|c| c.to_string()).unwrap_or_default(),
        iso_to_vn(&r.sent_on),
        r.received_by.clone(),
        r.note.clone(),
        r.issuer.clone(),
        r.parent_body.clone(),
        r.year.to_string(),
        tr(
            lang,
            match r.series {
                Series::Ordinary => SERIES_WORDS[0],
                Series::Secret => SERIES_WORDS[1],
                Series::Copy => SERIES_WORDS[2],
            },
            &[],
        ),
        tr(
            lang,
            match r.status {
                Status::Issued => STATUS_WORDS[0],
                Status::Withdrawn => STATUS_WORDS[1],
            },
            &[],
        ),
        r.source.clone(),
        r.pdf_sha256.clone(),
    ]
}

/// The register as CSV, UTF-8 with a byte-order mark, in the language of
/// the process.
pub fn csv(records: &[Record]) -> Result<Vec<u8>, Error> {
    let lang = crate::i18n::current();
    let mut w = csv::Writer::from_writer(b"\xEF\xBB\xBF".to_vec());
    let err = |e: csv::Error| Error::Other(e.to_string());
    w.write_record(headers(lang)).map_err(err)?;
    for r in records {
        w.write_record(cells(r, lang)).map_err(err)?;
    }
    w.into_inner().map_err(|e| Error::Other(e.to_string()))
}

/// Column widths of the spreadsheet, in characters.
const WIDTHS: [f64; 18] = [
    6.0, 14.0, 12.0, 50.0, 22.0, 40.0, 18.0, 8.0, 12.0, 12.0, 24.0, 30.0, 30.0, 6.0, 6.0, 11.0,
    30.0, 20.0,
];

/// The register as an XLSX workbook: one sheet, a bold header row kept in
/// view, numbers as numbers; in the language of the process.
pub fn xlsx(records: &[Record]) -> Result<Vec<u8>, Error> {
    let lang = crate::i18n::current();
    let build = || -> Result<Vec<u8>, XlsxError> {
        let mut book = Workbook::new();
        let sheet = book.add_worksheet();
        sheet.set_name(tr(lang, "register-sheet-name", &[]))?;
        let head = Format::new()
            .set_bold()
            .set_text_wrap()
            .set_align(FormatAlign::Center)
            .set_align(FormatAlign::VerticalCenter)
            .set_border(FormatBorder::Thin);
        let text = Format::new()
            .set_text_wrap()
            .set_align(FormatAlign::Top)
            .set_border(FormatBorder::Thin);
        for (c, (h, w)) in headers(lang).iter().zip(WIDTHS).enumerate() {
            sheet.write_string_with_format(0, c as u16, h, &head)?;
            sheet.set_column_width(c as u16, w)?;
        }
        for (i, r) in records.iter().enumerate() {
            let row = i as u32 + 1;
            for (c, cell) in cells(r, lang).into_iter().enumerate() {
                let numeric = matches!(c, 0 | 7 | 13) && !cell.is_empty();
                match cell.parse::<f64>() {
                    Ok(n) if numeric => sheet.write_number_with_format(row, c as u16, n, &text)?,
                    _ => sheet.write_string_with_format(row, c as u16, cell, &text)?,
                };
            }
        }
        sheet.set_freeze_panes(1, 0)?;
        sheet.set_landscape();
        sheet.set_repeat_rows(0, 0)?;
        if !records.is_empty() {
            sheet.autofilter(0, 0, records.len() as u32, HEADER_IDS.len() as u16 - 1)?;
        }
        book.save_to_buffer()
    };
    build().map_err(|e| Error::Other(e.to_string()))
}

/// One printed register: an issuer's series of one year.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct Book {
    /// Cơ quan ban hành.
    pub issuer: String,
    /// Cơ quan chủ quản.
    pub parent_body: String,
    /// The year.
    pub year: i32,
    /// Ordinary or secret.
    pub series: Series,
}

impl Book {
    /// The books `records` belong to, in order.
    pub fn of(records: &[Record]) -> Vec<Book> {
        let mut out: Vec<Book> = Vec::new();
        for r in records {
            let b = Book {
                issuer: r.issuer.clone(),
                parent_body: r.parent_body.clone(),
                year: r.year,
                series: r.series,
            };
            if !out.iter().any(|o| o.same(&b)) {
                out.push(b);
            }
        }
        out
    }

    fn same(&self, other: &Book) -> bool {
        super::db::issuer_key(&self.issuer) == super::db::issuer_key(&other.issuer)
            && self.year == other.year
            && self.series == other.series
    }

    /// `UBND XÃ A, 2026` for messages.
    pub fn describe(&self) -> String {
        crate::i18n::t(
            "reg-book",
            &[
                ("issuer", &self.issuer),
                ("year", &self.year.to_string()),
                ("series", self.series.word()),
            ],
        )
    }
}

/// The printed register of one book as PDF bytes. `root` is the folder the
/// layout may read from (the project).
pub fn pdf(
    engine: &Engine,
    root: &Path,
    book: &Book,
    records: &[Record],
) -> Result<Vec<u8>, Error> {
    let source = typst_source(engine, book, records)?;
    let world = DocWorld::new(
        engine,
        source.clone(),
        "so-dang-ky.typ".into(),
        root.to_owned(),
        None,
    );
    let compiled = output::compile(&world)?;
    output::pdf(&compiled.document, &source, &PdfSettings::default())
}

/// The Typst source of the printed register.
pub fn typst_source(engine: &Engine, book: &Book, records: &[Record]) -> Result<String, Error> {
    if records.is_empty() {
        return Err(Error::Other(msg::empty()));
    }
    let rows: Vec<[String; 10]> = records
        .iter()
        .map(|r| {
            [
                r.so_ky_hieu(),
                r.date_vn(),
                r.title.clone(),
                r.signer.clone(),
                r.recipients.clone(),
                r.file_copy.clone(),
                r.copies.map(|c| c.to_string()).unwrap_or_default(),
                iso_to_vn(&r.sent_on),
                r.received_by.clone(),
                r.note.clone(),
            ]
        })
        .collect();
    let first = records.iter().map(|r| r.number).min().unwrap_or(0);
    let last = records.iter().map(|r| r.number).max().unwrap_or(0);
    let from = records.iter().map(|r| r.date.as_str()).min().unwrap_or("");
    let to = records.iter().map(|r| r.date.as_str()).max().unwrap_or("");
    let env = crate::render::environment();
    let tmpl = env
        .get_template("so-dang-ky.typ.j2")
        .map_err(|e| Error::Other(format!("layouts/so-dang-ky.typ.j2: {e:#}")))?;
    tmpl.render(minijinja::context! {
        font => engine.family(),
        issuer => book.issuer.as_str(),
        parent => book.parent_body.as_str(),
        year => book.year,
        secret => book.series == Series::Secret,
        copies => book.series == Series::Copy,
        first => super::db::format_number(first),
        last => super::db::format_number(last),
        from => iso_to_vn(from),
        to => iso_to_vn(to),
        rows => minijinja::Value::from(minijinja::value::Serde(&rows)),
    })
    .map_err(|e| Error::Other(format!("layouts/so-dang-ky.typ.j2: {e:#}")))
}
