//! Issuing (cấp số): the next number of the document's series, written
//! into its YAML (`so:` and `ngay:`), recorded in the register and built
//! into the PDF, all or nothing; and withdrawal (thu hồi).

use std::path::{Path, PathBuf};

use chrono::{Datelike, NaiveDate};
use sha2::{Digest, Sha256};

use super::db::{self, Allocation, Record, Register, Series, SeriesKey, Status, Withdrawal};
use super::{msg, yaml_text};
use crate::commands::build::lint;
use crate::diag::{Diagnostic, Error, Message};
use crate::load::{self, Loaded};
use crate::locate::{Positions, Step};
use crate::model::VanBan;
use crate::vndate::Ngay;
use crate::{output, Builder};

/// Keys that follow `so` in the usual order, for inserting it.
const AFTER_SO: [&str; 4] = ["ky_hieu", "dia_danh", "ngay", "trich_yeu"];
/// Keys that follow `ngay` in the usual order, for inserting it.
const AFTER_NGAY: [&str; 8] = [
    "ten_loai",
    "trich_yeu",
    "kem_theo",
    "chu_thich",
    "do_khan",
    "do_mat",
    "kinh_gui",
    "noi_dung",
];

/// How to issue.
#[derive(Debug, Clone, Default)]
pub struct IssueOptions {
    /// Date of issue (default: today).
    pub date: Option<NaiveDate>,
    /// Folder for the PDF (default: beside the YAML).
    pub out_dir: Option<PathBuf>,
    /// Do not build the PDF (the register then holds no hash).
    pub no_pdf: bool,
    /// PDF/A.
    pub pdf_a: bool,
    /// Số lượng bản, if known.
    pub copies: Option<u32>,
}

/// A number issued.
#[derive(Debug)]
pub struct Issued {
    /// The register's row.
    pub record: Record,
    /// The PDF written, if any.
    pub pdf: Option<PathBuf>,
    /// Warnings of the document (model and Typst), rendered.
    pub warnings: String,
}

/// Parses a date option: `2026-10-02` or `02/10/2026`.
pub fn parse_date(s: &str) -> Result<NaiveDate, String> {
    Ngay::parse(s)
        .ok()
        .and_then(|n| n.date())
        .ok_or_else(|| msg::bad_date(s))
}

/// The path of `path` relative to the project root, with `/` separators,
/// as the register stores it (works for a file deleted since).
pub fn source_of(root: &Path, path: &Path) -> String {
    let name = path.file_name().map(PathBuf::from).unwrap_or_default();
    let dir = path
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    let full = dir
        .canonicalize()
        .unwrap_or_else(|_| dir.to_owned())
        .join(name);
    let root = root.canonicalize().unwrap_or_else(|_| root.to_owned());
    let rel = full.strip_prefix(&root).unwrap_or(&full);
    rel.components()
        .map(|c| c.as_os_str().to_string_lossy())
        .collect::<Vec<_>>()
        .join("/")
}

/// A message at the value of the top-level `key` of a loaded document
/// (at its first line when the key is absent).
pub fn at_key(doc: &Loaded, key: &str, message: String, help: Option<&str>) -> Error {
    Error::Source(Box::new(located(&doc.path, &doc.text, key, message, help)))
}

/// Like [`at_key`], as a [`Diagnostic`].
pub fn located(
    path: &Path,
    text: &str,
    key: &str,
    message: String,
    help: Option<&str>,
) -> Diagnostic {
    let pos = Positions::of(text);
    let place = pos.value(&[Step::Key(key.to_owned())]);
    let d = Diagnostic::error(
        path,
        text,
        place.map_or(1, |p| p.line),
        place.map_or(1, |p| p.column),
        Message::text(message),
    );
    match help {
        Some(h) => d.with_hint(Message::text(h)),
        None => d,
    }
}

/// Issues the next number of the document at `path`: see the module.
/// Refuses a document that already has a number, in its YAML or in the
/// register. On any error nothing is changed: no number taken, the YAML
/// as it was, no PDF written.
pub fn issue(builder: &Builder<'_>, path: &Path, opts: &IssueOptions) -> Result<Issued, Error> {
    let loaded = load::load(path)?;
    let doc = &loaded.doc;
    if !doc.so_in().is_empty() {
        return Err(at_key(
            &loaded,
            "so",
            msg::already_numbered(&doc.so_ky_hieu()),
            Some(msg::already_numbered_help().as_str()),
        ));
    }
    if doc.dong_ngay.is_some() {
        return Err(at_key(&loaded, "dong_ngay", msg::dong_ngay(), None));
    }
    if doc.co_quan.trim().is_empty() {
        return Err(at_key(&loaded, "co_quan", msg::no_issuer(), None));
    }
    let date = opts
        .date
        .unwrap_or_else(|| chrono::Local::now().date_naive());
    let key = SeriesKey {
        issuer_key: db::issuer_key(&doc.co_quan),
        year: date.year(),
        series: series_of(doc),
    };
    let root = loaded.root();
    let source = source_of(&root, path);
    let mut register = Register::open(&root)?;
    let original = loaded.text.clone();
    let mut wrote = false;
    let allocated = register.allocate(&key, &source, |number| {
        let text = yaml_text::set_top_level(&original, "so", &number.to_string(), &AFTER_SO);
        let iso = date.format("%Y-%m-%d").to_string();
        let text = yaml_text::set_top_level(&text, "ngay", &iso, &AFTER_NGAY);
        let numbered = load::check_text(path, text.clone()).map_err(|mut e| e.swap_remove(0))?;
        if numbered.doc.so_in() != db::format_number(number)
            || numbered.doc.ngay != Some(Ngay::from_date(date))
        {
            return Err(at_key(&loaded, "so", msg::edit_failed("so"), None));
        }
        // Everything that can fail is done before the YAML is written.
        let mut warnings = lint(&numbered, builder.color);
        let pdf = if opts.no_pdf {
            None
        } else {
            let built = builder.layout(&numbered)?;
            warnings.push_str(&built.warnings);
            Some(builder.pdf(&numbered, &built, opts.pdf_a)?)
        };
        let mut record = record_of(&numbered.doc, date, opts.copies);
        if let Some(bytes) = &pdf {
            record.pdf_sha256 = sha256_hex(bytes);
        }
        output::write_atomic(path, text.as_bytes())?;
        wrote = true;
        Ok((record, (pdf, warnings, numbered.stem())))
    });
    let (record, (pdf, warnings, stem)) = match allocated {
        Ok(Allocation::Issued(record, extra)) => (record, extra),
        Ok(Allocation::AlreadyIssued(r)) => {
            return Err(at_key(
                &loaded,
                "so",
                msg::registered_elsewhere(&r.so_ky_hieu(), &r.date_vn()),
                None,
            ))
        }
        Err(e) => {
            if wrote {
                // The register refused the row: the YAML goes back.
                if let Err(undo) = output::write_atomic(path, original.as_bytes()) {
                    return Err(Error::Other(format!("{e}\n{undo}")));
                }
            }
            return Err(e);
        }
    };
    let mut written = None;
    if let Some(bytes) = pdf {
        let target = output::target(path, opts.out_dir.as_deref(), &stem, "pdf");
        // The number stands (it is in the register and the YAML); only the
        // PDF is missing, and `vanban build` makes the same bytes.
        output::write_atomic(&target, &bytes).map_err(|e| {
            Error::Other(format!(
                "{}\n{e}",
                msg::issued(path, &record.so_ky_hieu(), &record.date_vn(), false)
            ))
        })?;
        written = Some(target);
    }
    Ok(Issued {
        record,
        pdf: written,
        warnings,
    })
}

/// Records the number of `path` as withdrawn on `date` (default: today).
pub fn withdraw(
    path: &Path,
    date: Option<NaiveDate>,
    reason: Option<&str>,
) -> Result<Record, Error> {
    let root = load::project_root(path);
    let Some(mut register) = Register::open_existing(&root)? else {
        return Err(Error::Other(msg::no_register(&Register::path_in(&root))));
    };
    let date = date.unwrap_or_else(|| chrono::Local::now().date_naive());
    let source = source_of(&root, path);
    let note = msg::withdrawal_note(&date.format("%d/%m/%Y").to_string(), reason);
    match register.withdraw(&source, &date.format("%Y-%m-%d").to_string(), &note)? {
        Withdrawal::Done(r) => Ok(r),
        Withdrawal::Already(r) => Err(Error::Other(msg::already_withdrawn(path, &r.so_ky_hieu()))),
        Withdrawal::NotFound => Err(Error::Other(msg::not_registered(path))),
    }
}

/// Secret documents have their own series.
pub fn series_of(doc: &VanBan) -> Series {
    if doc.do_mat.is_some() {
        Series::Secret
    } else {
        Series::Ordinary
    }
}

/// The SHA-256 of `bytes`, hex.
pub fn sha256_hex(bytes: &[u8]) -> String {
    Sha256::digest(bytes)
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

/// The register's row for a numbered document (series and number are set
/// by the register).
pub fn record_of(doc: &VanBan, date: NaiveDate, copies: Option<u32>) -> Record {
    let one_line = |s: &str| s.split_whitespace().collect::<Vec<_>>().join(" ");
    let (recipients, file_copy) = recipients(doc);
    Record {
        id: 0,
        issuer: one_line(&doc.co_quan),
        parent_body: one_line(doc.co_quan_chu_quan.as_deref().unwrap_or("")),
        year: date.year(),
        series: series_of(doc),
        number: 0,
        symbol: doc.ky_hieu_day_du(),
        date: date.format("%Y-%m-%d").to_string(),
        kind: doc.loai.key(),
        title: one_line(&title(doc)),
        signer: doc
            .nguoi_ky
            .as_ref()
            .map(|k| one_line(&k.ho_ten))
            .unwrap_or_default(),
        recipients,
        file_copy,
        copies,
        sent_on: String::new(),
        received_by: String::new(),
        note: String::new(),
        source: String::new(),
        pdf_sha256: String::new(),
        status: Status::Issued,
        withdrawn_on: String::new(),
        recorded_at: String::new(),
    }
}

/// Tên loại và trích yếu: `Kế hoạch Tổ chức …`, `Công văn V/v …`.
fn title(doc: &VanBan) -> String {
    let kind = doc.loai.info().ten_thuong;
    let subject = doc.trich_yeu.as_deref().unwrap_or("").trim();
    match (doc.loai.info().viet_tat.is_empty(), subject.is_empty()) {
        (_, true) => kind.to_owned(),
        (true, false) => format!("{kind} V/v {subject}"),
        (false, false) => format!("{kind} {subject}"),
    }
}

/// Nơi nhận (the Kính gửi recipients and those of Nơi nhận, without
/// `Như trên` and the file copy) and the file copy (`Lưu: VT, VX` → `VT, VX`).
fn recipients(doc: &VanBan) -> (String, String) {
    let mut to: Vec<String> = doc.kinh_gui.iter().map(|s| s.trim().to_owned()).collect();
    let mut kept = Vec::new();
    for item in doc.noi_nhan.iter().flat_map(|n| n.items()) {
        let item = item.trim().trim_end_matches([';', '.']).trim();
        let head: String = item.chars().take(3).collect();
        if head.to_lowercase() == "lưu" {
            let rest = &item[head.len()..];
            kept.push(rest.trim_start_matches([':', ' ']).trim().to_owned());
        } else if item.to_lowercase() != "như trên" && !item.is_empty() {
            to.push(item.to_owned());
        }
    }
    to.dedup();
    (to.join("; "), kept.join("; "))
}
