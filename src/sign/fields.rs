//! Sign-ready PDFs: the places of the two signatures, read from the laid-out
//! document, become empty signature fields (`/FT /Sig` widgets) that
//! `vanban ky` (or any PAdES signing program) fills.
//!
//! The layout (`ky` in `layouts/nd30.typ`, with `ky-so: true`) records each
//! place as `<vanban-ky-so>` metadata: the field's name, its page and its
//! rectangle in pt from the page's top left. Typst cannot make form fields,
//! so they are added to its PDF with `lopdf`, keeping what PDF/A-2 asks of
//! annotations: the print flag, an appearance stream (`/AP` with `/N` only),
//! no `/NeedAppearances`.

use lopdf::{dictionary, Document, Object, ObjectId, Stream};
use typst::foundations::{Label, Selector, Value};
use typst::introspection::{Introspector, MetadataElem};
use typst::utils::PicoStr;
use typst_layout::PagedDocument;

use super::pdf::{catalog_id, err, media_box, resolve, text_string};
use super::Role;
use crate::diag::Error;

/// The label of the layout's signature places.
pub const LABEL: &str = "vanban-ky-so";

/// The place of one signature, in pt from the page's top left (as Typst
/// lays out).
#[derive(Debug, Clone, PartialEq)]
pub struct Slot {
    /// Whose signature goes here.
    pub role: Role,
    /// 1-based page number.
    pub page: usize,
    /// Left edge.
    pub x: f64,
    /// Top edge.
    pub y: f64,
    /// Width.
    pub w: f64,
    /// Height.
    pub h: f64,
}

/// The signature places the layout recorded, in document order.
pub fn slots(doc: &PagedDocument) -> Vec<Slot> {
    let Some(label) = Label::new(PicoStr::intern(LABEL)) else {
        return Vec::new();
    };
    doc.introspector()
        .query(&Selector::Label(label))
        .iter()
        .filter_map(|c| {
            let meta = c.to_packed::<MetadataElem>()?;
            let Value::Dict(d) = &meta.value else {
                return None;
            };
            let num = |k: &str| match d.get(k).ok()? {
                Value::Float(f) => Some(*f),
                Value::Int(i) => Some(*i as f64),
                _ => None,
            };
            let role = match d.get("field").ok()? {
                Value::Str(s) => Role::from_field_name(s.as_str())?,
                _ => None?,
            };
            Some(Slot {
                role,
                page: num("page")? as usize,
                x: num("x")?,
                y: num("y")?,
                w: num("w")?,
                h: num("h")?,
            })
        })
        .collect()
}

/// Adds an empty signature field for each slot to `pdf` (a whole new file,
/// not an incremental update: nothing is signed yet).
pub fn add_fields(pdf: &[u8], slots: &[Slot]) -> Result<Vec<u8>, Error> {
    if slots.is_empty() {
        return Err(Error::Other(crate::i18n::t("sign-no-signature-block", &[])));
    }
    let mut doc =
        Document::load_mem(pdf).map_err(|e| err(&crate::i18n::t("sign-typst-pdf", &[]), e))?;
    let pages = doc.get_pages();
    let mut fields: Vec<Object> = Vec::new();
    for slot in slots {
        let page_id = *pages.get(&(slot.page as u32)).ok_or_else(|| {
            Error::Other(crate::i18n::t(
                "sign-page-missing",
                &[("page", &slot.page.to_string())],
            ))
        })?;
        let mb = media_box(&doc, page_id).unwrap_or([0.0, 0.0, 595.276, 841.89]);
        // Typst measures down from the top left; PDF up from the bottom left.
        let x0 = mb[0] + slot.x;
        let y1 = mb[3] - slot.y;
        let rect = [x0, y1 - slot.h, x0 + slot.w, y1];
        let field = widget(&mut doc, slot.role, page_id, rect);
        append_annot(&mut doc, page_id, field)?;
        fields.push(Object::Reference(field));
    }
    let catalog = catalog_id(&doc)?;
    let form = doc.add_object(dictionary! { "Fields" => fields });
    doc.get_dictionary_mut(catalog)
        .map_err(|e| err("PDF", e))?
        .set("AcroForm", Object::Reference(form));
    let mut out = Vec::new();
    doc.save_to(&mut out).map_err(|e| err("ghi PDF", e))?;
    Ok(out)
}

/// A signature field merged with its widget annotation, with an empty
/// appearance (PDF/A wants one on every annotation).
fn widget(doc: &mut Document, role: Role, page: ObjectId, rect: [f64; 4]) -> ObjectId {
    let (w, h) = (rect[2] - rect[0], rect[3] - rect[1]);
    let ap = doc.add_object(Stream::new(
        dictionary! {
            "Type" => "XObject",
            "Subtype" => "Form",
            "BBox" => vec![0.into(), 0.into(), real(w), real(h)],
            "Resources" => dictionary! {},
        },
        Vec::new(),
    ));
    doc.add_object(dictionary! {
        "Type" => "Annot",
        "Subtype" => "Widget",
        "FT" => "Sig",
        "T" => Object::string_literal(role.field_name()),
        "TU" => text_string(role.description()),
        "Rect" => rect.iter().map(|&v| real(v)).collect::<Vec<_>>(),
        // Print; PDF/A forbids hidden annotations.
        "F" => 4,
        "P" => Object::Reference(page),
        "AP" => dictionary! { "N" => Object::Reference(ap) },
    })
}

/// A real number rounded to 1/1000 pt, as PDF writers do.
pub fn real(v: f64) -> Object {
    Object::Real(((v * 1000.0).round() / 1000.0) as f32)
}

/// Adds an annotation to a page's `/Annots` (direct or indirect array).
fn append_annot(doc: &mut Document, page: ObjectId, annot: ObjectId) -> Result<(), Error> {
    let existing = doc
        .get_dictionary(page)
        .map_err(|e| err("PDF", e))?
        .get(b"Annots")
        .ok()
        .cloned();
    match existing {
        Some(Object::Reference(id)) => {
            let arr = doc
                .get_object_mut(id)
                .and_then(Object::as_array_mut)
                .map_err(|e| err("PDF /Annots", e))?;
            arr.push(Object::Reference(annot));
        }
        other => {
            let mut arr = match other {
                Some(o) => resolve(doc, &o)?.as_array().cloned().unwrap_or_default(),
                None => Vec::new(),
            };
            arr.push(Object::Reference(annot));
            doc.get_dictionary_mut(page)
                .map_err(|e| err("PDF", e))?
                .set("Annots", arr);
        }
    }
    Ok(())
}
