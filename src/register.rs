//! The register of issued documents (sổ đăng ký văn bản đi): every document
//! under a folder, sorted by date, with duplicate numbers flagged; and,
//! in the submodules, the register database that issues numbers.

pub mod audit;
pub mod combine;
pub mod db;
pub mod export;
pub mod import;
pub mod issue;
pub mod merge;
pub mod msg;
pub mod yaml_text;

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use serde::Serialize;

use crate::diag::Error;
use crate::load;

/// One row of the register.
#[derive(Debug, Clone, Serialize)]
pub struct Entry {
    /// `11/HD-VHTT`, or `/HD-VHTT` for a draft.
    pub so_ky_hieu: String,
    /// ISO date (possibly partial).
    pub ngay: String,
    /// Kind key.
    pub loai: String,
    /// The kind's name (`Công văn`).
    pub ten_loai: String,
    /// Subject.
    pub trich_yeu: String,
    /// Issuing body.
    pub co_quan: String,
    /// The YAML file.
    pub file: PathBuf,
    /// Another document of the same issuer and year has the same number.
    pub trung_so: bool,
}

/// Reads every document under `dir`; returns the register sorted by date
/// and the documents that failed to load.
pub fn list(dir: &Path) -> Result<(Vec<Entry>, Vec<Error>), Error> {
    let files = crate::commands::build::expand_inputs(&[dir.to_path_buf()])?;
    let mut rows = Vec::new();
    let mut secret = Vec::new();
    let mut errors = Vec::new();
    for f in files {
        match load::load(&f) {
            Ok(d) => {
                let doc = &d.doc;
                rows.push(Entry {
                    so_ky_hieu: doc.so_ky_hieu(),
                    ngay: doc.ngay.map(|n| n.to_string()).unwrap_or_default(),
                    loai: doc.loai.key(),
                    ten_loai: doc.loai.info().ten_thuong.to_owned(),
                    trich_yeu: doc.trich_yeu.clone().unwrap_or_default().replace('\n', " "),
                    co_quan: doc.co_quan.replace('\n', " "),
                    file: f,
                    trung_so: false,
                });
                secret.push(doc.do_mat.is_some());
            }
            Err(e) => errors.push(e),
        }
    }
    let mut rows: Vec<(Entry, bool)> = rows.into_iter().zip(secret).collect();
    rows.sort_by(|(a, _), (b, _)| (&a.ngay, &a.file).cmp(&(&b.ngay, &b.file)));
    let (mut rows, secret): (Vec<Entry>, Vec<bool>) = rows.into_iter().unzip();
    // One series per issuer, year and secrecy (Điều 15): the same number
    // is a duplicate whatever the ký hiệu (`5/KH` and `5/QĐ`).
    type Key = (String, String, bool, String);
    let mut seen: BTreeMap<Key, Vec<usize>> = BTreeMap::new();
    for (i, r) in rows.iter().enumerate() {
        let number = r.so_ky_hieu.split('/').next().unwrap_or("");
        if !number.is_empty() {
            let year = r.ngay.get(..4).unwrap_or("").to_owned();
            let number = number.trim_start_matches('0').to_owned();
            seen.entry((db::issuer_key(&r.co_quan), year, secret[i], number))
                .or_default()
                .push(i);
        }
    }
    for idx in seen.values().filter(|v| v.len() > 1) {
        for &i in idx {
            rows[i].trung_so = true;
        }
    }
    Ok((rows, errors))
}

/// The column heads of [`to_csv`] and [`to_table`], in the language of
/// the process.
fn heads<const N: usize>(ids: [&str; N]) -> [String; N] {
    ids.map(|id| crate::i18n::t(id, &[]))
}

/// The register as CSV (RFC 4180 quoting), its heads in the language of
/// the process.
pub fn to_csv(rows: &[Entry]) -> String {
    let q = |s: &str| {
        if s.contains([',', '"', '\n']) {
            format!("\"{}\"", s.replace('"', "\"\""))
        } else {
            s.to_owned()
        }
    };
    let head = heads([
        "list-col-number",
        "list-col-date",
        "list-col-kind",
        "list-col-subject",
        "list-col-issuer",
        "list-col-file",
        "list-col-duplicate",
    ]);
    let (yes, no) = (
        crate::i18n::t("word-yes", &[]),
        crate::i18n::t("word-no", &[]),
    );
    let mut out = head.map(|h| q(&h)).join(",");
    out.push('\n');
    for r in rows {
        let cells = [
            q(&r.so_ky_hieu),
            q(&r.ngay),
            q(&r.ten_loai),
            q(&r.trich_yeu),
            q(&r.co_quan),
            q(&r.file.display().to_string()),
            if r.trung_so { yes.clone() } else { no.clone() },
        ];
        out.push_str(&cells.join(","));
        out.push('\n');
    }
    out
}

/// The register as an aligned text table.
pub fn to_table(rows: &[Entry]) -> String {
    let header = heads([
        "list-col-number",
        "list-col-date",
        "list-col-kind",
        "list-col-subject",
        "list-col-issuer",
        "list-col-file",
    ]);
    let mark = crate::i18n::t("list-duplicate-mark", &[]);
    let body: Vec<[String; 6]> = rows
        .iter()
        .map(|r| {
            [
                if r.trung_so {
                    format!("{} {mark}", r.so_ky_hieu)
                } else {
                    r.so_ky_hieu.clone()
                },
                r.ngay.clone(),
                r.ten_loai.clone(),
                cut(&r.trich_yeu, 40),
                cut(&r.co_quan, 28),
                r.file.display().to_string(),
            ]
        })
        .collect();
    aligned_table(&header, &body)
}

/// Rows of text as a table: columns padded to their widest cell, two
/// spaces apart, no trailing spaces.
pub fn aligned_table<const N: usize>(header: &[String; N], body: &[[String; N]]) -> String {
    let mut widths = header.clone().map(|h| h.chars().count());
    for row in body {
        for (w, c) in widths.iter_mut().zip(row) {
            *w = (*w).max(c.chars().count());
        }
    }
    let line = |cells: &[String]| {
        let padded: Vec<String> = cells
            .iter()
            .zip(widths)
            .map(|(c, w)| format!("{c}{}", " ".repeat(w - c.chars().count())))
            .collect();
        format!("{}\n", padded.join("  ").trim_end())
    };
    let mut out = line(header);
    for row in body {
        out.push_str(&line(row));
    }
    out
}

/// `s` cut to `n` characters, the last one an ellipsis when it was longer.
pub fn cut(s: &str, n: usize) -> String {
    if s.chars().count() > n {
        format!("{}…", s.chars().take(n - 1).collect::<String>())
    } else {
        s.to_owned()
    }
}
