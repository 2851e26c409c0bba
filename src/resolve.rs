//! Citation wording: how one document names another (NĐ30), and the
//! document as the layouts print it, with the documents it cites by file
//! (`thuc_hien: [../kh.yaml]`, `kem_theo: ../qd.yaml`) worded. This is the
//! stage between loading (which keeps citations as loaded documents) and
//! rendering.

use std::borrow::Cow;

use crate::load::{Citation, Loaded};
use crate::model::{KemTheo, VanBan};
use crate::vndate::Ngay;

/// The document of `loaded` with its citations worded: each cited file of
/// `thuc_hien` as [`citation`], `kem_theo: x.yaml` as [`kem_theo`] of it.
pub fn worded(loaded: &Loaded) -> Cow<'_, VanBan> {
    let by_file = loaded
        .thuc_hien
        .iter()
        .any(|c| matches!(c, Citation::Document(_)));
    if !by_file && loaded.kem_theo.is_none() {
        return Cow::Borrowed(&loaded.doc);
    }
    let mut doc = loaded.doc.clone();
    doc.thuc_hien = loaded
        .thuc_hien
        .iter()
        .map(|c| match c {
            Citation::Text(t) => t.clone(),
            Citation::Document(cited) => citation(&cited.doc),
        })
        .collect();
    if let Some(parent) = &loaded.kem_theo {
        doc.kem_theo = Some(KemTheo::Chu(kem_theo(&parent.doc)));
    }
    Cow::Owned(doc)
}

/// How another document cites this one on first mention (NĐ30: type,
/// number and symbol, date, issuer, subject):
/// `Kế hoạch số 2772/KH-UBND ngày 29/9/2023 của Ủy ban nhân dân tỉnh Long An về …`.
pub fn citation(doc: &VanBan) -> String {
    let info = doc.loai.info();
    let mut s = reference(doc, |d| format!("ngày {}", d.ngan()));
    if let Some(t) = doc
        .trich_yeu
        .as_deref()
        .map(str::trim)
        .filter(|t| !t.is_empty())
    {
        let t = t.strip_prefix("V/v ").unwrap_or(t);
        s.push_str(if info.ten.is_empty() {
            " về việc "
        } else {
            " về "
        });
        s.push_str(&lower_first(t));
    }
    s
}

/// Lower-cases the first letter unless the first word is an acronym.
fn lower_first(s: &str) -> String {
    let first_word = s.split_whitespace().next().unwrap_or("");
    if first_word.chars().filter(|c| c.is_uppercase()).count() > 1 {
        return s.to_owned();
    }
    let mut c = s.chars();
    match c.next() {
        Some(f) => f.to_lowercase().chain(c).collect(),
        None => String::new(),
    }
}

/// The caption of a document issued (ban hành, phê duyệt) with `doc`, or
/// of an appendix of it, worded as in NĐ30 Phụ lục III (the form after
/// Mẫu 1.3):
/// `(Kèm theo Quyết định số 128/QĐ-PGDĐT ngày 13 tháng 11 năm 2023 của …)`.
pub fn kem_theo(doc: &VanBan) -> String {
    format!("(Kèm theo {})", reference(doc, Ngay::dai))
}

/// `(Kèm theo Văn bản số 05/PGDĐT ngày … của …)`: the caption of an
/// appendix issued as its own file that gives the number, date and issuer
/// of the document it belongs to itself (Phụ lục III, Mẫu 2.1).
pub fn kem_theo_van_ban(doc: &VanBan) -> String {
    let own = reference(doc, Ngay::dai);
    let rest = own.strip_prefix(doc.loai.info().ten_thuong).unwrap_or(&own);
    format!("(Kèm theo Văn bản{rest})")
}

/// `Công văn số 05/PGDĐT <date> của <issuer>`: type, number and symbol,
/// date (in the form `date` gives) and issuer, as NĐ30 cites a document.
fn reference(doc: &VanBan, date: impl Fn(&Ngay) -> String) -> String {
    let mut s = format!("{} số {}", doc.loai.info().ten_thuong, doc.so_ky_hieu());
    if let Some(d) = &doc.ngay {
        s.push(' ');
        s.push_str(&date(d));
    }
    let issuer = doc
        .ten_co_quan
        .clone()
        .unwrap_or_else(|| sentence_case(&doc.co_quan));
    if !issuer.is_empty() {
        s.push_str(" của ");
        s.push_str(&issuer);
    }
    s
}

/// `SỞ GIÁO DỤC VÀ ĐÀO TẠO` → `Sở giáo dục và đào tạo`: a fallback when the
/// data gives no `ten_co_quan`.
fn sentence_case(s: &str) -> String {
    let lower = s.to_lowercase();
    let mut c = lower.chars();
    match c.next() {
        Some(f) => f.to_uppercase().chain(c).collect(),
        None => String::new(),
    }
}
