//! Electronic copies (bản sao điện tử, NĐ30 Điều 25–27 and Phụ lục I):
//! a sao y, sao lục or trích sao of a signed PDF.
//!
//! The original's bytes stay as they are (so its own signatures still
//! verify for their revision, and its text layer is untouched); an
//! incremental update appends one page with the copy's form — the copying
//! organisation, the copy's số and ký hiệu (`05/SY-VP`), the copy mark, the
//! place and date, Nơi nhận and the signer — and a signature field at the
//! top right of page 1 (ô 14), which the copying organisation then signs
//! with a text block: the copy mark, the organisation, the copy's number and
//! the signing time.

use std::collections::BTreeSet;

use chrono::{DateTime, FixedOffset};
use lopdf::{dictionary, Document, Object, ObjectId};

use super::fields::real;
use super::pdf::{catalog_id, err, media_box, resolve, text_string};
use crate::diag::{Error, Message, MessageId};
use crate::render::escape_str;

/// The three forms of copy (Điều 25).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Form {
    /// Sao y: the whole text, from the original or the master copy.
    SaoY,
    /// Sao lục: the whole text, from a sao y.
    SaoLuc,
    /// Trích sao: part of the text.
    TrichSao,
}

impl Form {
    /// The mark printed on the copy.
    pub fn mark(self) -> &'static str {
        match self {
            Form::SaoY => "SAO Y",
            Form::SaoLuc => "SAO LỤC",
            Form::TrichSao => "TRÍCH SAO",
        }
    }

    /// The kind key recorded in the register (`sao_y`).
    pub fn key(self) -> &'static str {
        match self {
            Form::SaoY => "sao_y",
            Form::SaoLuc => "sao_luc",
            Form::TrichSao => "trich_sao",
        }
    }

    /// The abbreviation in the copy's ký hiệu (Phụ lục III).
    pub fn abbreviation(self) -> &'static str {
        match self {
            Form::SaoY => "SY",
            Form::SaoLuc => "SL",
            Form::TrichSao => "TrS",
        }
    }
}

/// What the copy says about itself.
pub struct Copy {
    /// Sao y, sao lục or trích sao.
    pub form: Form,
    /// Cơ quan chủ quản of the copying organisation, if any.
    pub parent: Option<String>,
    /// The copying organisation.
    pub organisation: String,
    /// The copy's number in its yearly series.
    pub number: u32,
    /// The organisation's abbreviation after the form's (`VP` in `SY-VP`).
    pub symbol: String,
    /// Địa danh.
    pub place: String,
    /// The date of the copy.
    pub date: chrono::NaiveDate,
    /// Quyền hạn (`TL. CHỦ TỊCH`), if any.
    pub authority: Option<String>,
    /// Chức vụ of the signer.
    pub position: String,
    /// Họ tên of the signer.
    pub name: String,
    /// Nơi nhận (without `Lưu: VT`, added last).
    pub recipients: Vec<String>,
}

impl Copy {
    /// The copy's ký hiệu, `SY-VP`.
    pub fn ky_hieu(&self) -> String {
        let sym = self.symbol.trim();
        if sym.is_empty() {
            self.form.abbreviation().to_owned()
        } else {
            format!("{}-{sym}", self.form.abbreviation())
        }
    }

    /// `05/SY-VP`.
    pub fn so_ky_hieu(&self) -> String {
        format!("{:02}/{}", self.number, self.ky_hieu())
    }

    /// The lines of the signature's text block at the top right of page 1.
    pub fn signature_lines(&self, time: &DateTime<FixedOffset>) -> Vec<String> {
        // Three lines fit in the smallest top margin (20 mm) from 5 mm down.
        vec![
            format!("{} – Số, ký hiệu: {}", self.form.mark(), self.so_ky_hieu()),
            self.organisation.trim().to_owned(),
            format!("Thời gian ký: {}", time.format("%d/%m/%Y; %H:%M:%S %:z")),
        ]
    }

    /// The Typst source of the copy's page (every value escaped).
    pub fn typst_source(&self, family: &str) -> String {
        let s = |t: &str| escape_str(t.trim());
        let date = crate::vndate::Ngay::from_date(self.date).dai();
        let parent = match &self.parent {
            Some(p) if !p.trim().is_empty() => format!("#text(size: 12pt)[#{}] \\\n", s(p)),
            _ => String::new(),
        };
        let mut noi_nhan = String::new();
        // Each line a string: a `- ` at the start of markup would make a
        // list with bullets, and NĐ30 writes a plain hyphen.
        for r in &self.recipients {
            noi_nhan.push_str(&format!("#{} \\\n", s(&format!("- {};", r.trim()))));
        }
        noi_nhan.push_str(&format!("#{}", s("- Lưu: VT.")));
        let authority = match &self.authority {
            Some(a) if !a.trim().is_empty() => format!("#{} \\\n", s(a)),
            _ => String::new(),
        };
        format!(
            r#"#set page(paper: "a4", margin: (top: 20mm, bottom: 20mm, left: 30mm, right: 15mm))
#set text(font: {font}, size: 13pt, lang: "vi")
#set par(leading: 0.5em)
#line(length: 100%, stroke: 0.5pt)
#v(4pt)
#grid(columns: (40%, 60%), column-gutter: 0pt,
  align(center)[
    {parent}#text(size: 12pt, weight: "bold")[#{org}]
    #v(-6pt)
    #line(length: 35%, stroke: 0.5pt)
    #v(-2pt)
    Số: #{so}
  ],
  align(center)[
    #text(weight: "bold")[#{mark}] \
    #emph[#{place}, #{date}]
  ],
)
#v(14pt)
#grid(columns: (38%, 62%), column-gutter: 0pt,
  [
    #text(size: 12pt, weight: "bold", style: "italic")[Nơi nhận:] \
    #text(size: 11pt)[{noi_nhan}]
  ],
  align(center)[
    #text(weight: "bold")[{authority}#{position}]
    #v(24mm)
    #text(weight: "bold")[#{name}]
  ],
)
"#,
            font = s(family),
            org = s(&self.organisation),
            so = s(&self.so_ky_hieu()),
            mark = s(self.form.mark()),
            place = s(&self.place),
            date = s(&date),
            position = s(&self.position),
            name = s(&self.name),
        )
    }
}

/// The title in the document information of a PDF (vanban writes the
/// document's kind and trích yếu there), if any.
pub fn title_of(pdf: &[u8]) -> Option<String> {
    let doc = Document::load_mem(pdf).ok()?;
    let info = resolve(&doc, doc.trailer.get(b"Info").ok()?).ok()?;
    let title = info.as_dict().ok()?.get(b"Title").ok()?;
    let title = lopdf::decode_text_string(resolve(&doc, title).ok()?).ok()?;
    let title = title.split_whitespace().collect::<Vec<_>>().join(" ");
    (!title.is_empty()).then_some(title)
}

/// Appends `page_pdf`'s first page after the last page of `original` and
/// an empty signature field named `field` of `w` × `h` pt at the top right
/// of page 1, as an incremental update (the original's bytes unchanged).
pub fn append_page_and_field(
    original: &[u8],
    page_pdf: &[u8],
    field: &str,
    w: f64,
    h: f64,
) -> Result<Vec<u8>, Error> {
    let doc = Document::load_mem(original).map_err(|e| {
        Error::Other(Message::new(MessageId::PdfUnreadable, &[("detail", e.to_string())]).encoded())
    })?;
    if doc.is_encrypted() {
        return Err(Error::Other(
            Message::bare(MessageId::CopyEncrypted).encoded(),
        ));
    }
    let mut copy = Document::load_mem(page_pdf).map_err(|e| err("internal: the copy's page", e))?;
    copy.renumber_objects_with(doc.max_id + 1);
    let copy_page = *copy
        .get_pages()
        .get(&1)
        .ok_or_else(|| err("internal", "the copy has no page"))?;

    let mut upd = Document::new();
    upd.max_id = doc.max_id.max(copy.max_id);

    // The page and what it uses, without its old parent.
    let pages_root = doc
        .get_dictionary(catalog_id(&doc)?)
        .and_then(|c| c.get(b"Pages"))
        .and_then(Object::as_reference)
        .map_err(|e| err("PDF", e))?;
    let mut seen = BTreeSet::new();
    let mut todo = vec![copy_page];
    while let Some(id) = todo.pop() {
        if !seen.insert(id) {
            continue;
        }
        let Ok(obj) = copy.get_object(id) else {
            continue;
        };
        let mut obj = obj.clone();
        if id == copy_page {
            if let Object::Dictionary(d) = &mut obj {
                d.set("Parent", Object::Reference(pages_root));
                d.remove(b"Annots");
                d.remove(b"StructParents");
            }
        }
        collect_refs(&obj, &mut todo);
        upd.objects.insert(id, obj);
    }
    let mut root = doc
        .get_dictionary(pages_root)
        .map_err(|e| err("PDF", e))?
        .clone();
    let mut kids = root
        .get(b"Kids")
        .ok()
        .and_then(|k| resolve(&doc, k).ok())
        .and_then(|k| k.as_array().ok())
        .cloned()
        .unwrap_or_default();
    kids.push(Object::Reference(copy_page));
    root.set("Kids", kids);
    let count = root.get(b"Count").and_then(Object::as_i64).unwrap_or(0);
    root.set("Count", count + 1);
    upd.objects.insert(pages_root, Object::Dictionary(root));

    // The signature field at the top right of page 1 (ô 14).
    let first = *doc
        .get_pages()
        .get(&1)
        .ok_or_else(|| err("PDF", "no page"))?;
    let mb = media_box(&doc, first).unwrap_or([0.0, 0.0, 595.276, 841.89]);
    let right = mb[2] - 15.0 * 72.0 / 25.4;
    let top = mb[3] - 5.0 * 72.0 / 25.4;
    let rect = [right - w, top - h, right, top];
    let ap = upd.add_object(lopdf::Stream::new(
        dictionary! {
            "Type" => "XObject",
            "Subtype" => "Form",
            "BBox" => vec![0.into(), 0.into(), real(w), real(h)],
            "Resources" => dictionary! {},
        },
        Vec::new(),
    ));
    let widget = upd.add_object(dictionary! {
        "Type" => "Annot",
        "Subtype" => "Widget",
        "FT" => "Sig",
        "T" => Object::string_literal(field),
        "TU" => text_string("Chữ ký số của cơ quan, tổ chức sao văn bản"),
        "Rect" => rect.iter().map(|&v| real(v)).collect::<Vec<_>>(),
        "F" => 4,
        "P" => Object::Reference(first),
        "AP" => dictionary! { "N" => Object::Reference(ap) },
    });
    // Page 1's annotations, with the widget.
    let mut page1 = doc
        .get_dictionary(first)
        .map_err(|e| err("PDF", e))?
        .clone();
    match page1.get(b"Annots").ok().cloned() {
        Some(Object::Reference(arr_id)) => {
            let mut arr = doc
                .get_object(arr_id)
                .and_then(Object::as_array)
                .cloned()
                .unwrap_or_default();
            arr.push(Object::Reference(widget));
            upd.objects.insert(arr_id, Object::Array(arr));
        }
        other => {
            let mut arr = other
                .and_then(|o| o.as_array().ok().cloned())
                .unwrap_or_default();
            arr.push(Object::Reference(widget));
            page1.set("Annots", arr);
            upd.objects.insert(first, Object::Dictionary(page1));
        }
    }
    // The form's fields, with the new one.
    let cat_id = catalog_id(&doc)?;
    let mut cat = doc
        .get_dictionary(cat_id)
        .map_err(|e| err("PDF", e))?
        .clone();
    let (form_id, mut form) = match cat.get(b"AcroForm").ok() {
        Some(Object::Reference(id)) => (
            Some(*id),
            doc.get_dictionary(*id).cloned().unwrap_or_default(),
        ),
        Some(Object::Dictionary(d)) => (None, d.clone()),
        _ => (None, lopdf::Dictionary::new()),
    };
    let mut fields = form
        .get(b"Fields")
        .ok()
        .and_then(|f| resolve(&doc, f).ok())
        .and_then(|f| f.as_array().ok())
        .cloned()
        .unwrap_or_default();
    // First in the list: `pades::sign` fills the first unsigned field.
    fields.insert(0, Object::Reference(widget));
    form.set("Fields", fields);
    match form_id {
        Some(id) => {
            upd.objects.insert(id, Object::Dictionary(form));
        }
        None => {
            cat.set("AcroForm", Object::Dictionary(form));
            upd.objects.insert(cat_id, Object::Dictionary(cat));
        }
    }
    let mut out = original.to_vec();
    super::pades::append_update(&mut out, &doc, &upd)?;
    Ok(out)
}

fn collect_refs(obj: &Object, out: &mut Vec<ObjectId>) {
    match obj {
        Object::Reference(id) => out.push(*id),
        Object::Array(a) => a.iter().for_each(|o| collect_refs(o, out)),
        Object::Dictionary(d) => d.iter().for_each(|(_, o)| collect_refs(o, out)),
        Object::Stream(s) => s.dict.iter().for_each(|(_, o)| collect_refs(o, out)),
        _ => {}
    }
}
