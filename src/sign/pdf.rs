//! Small helpers over `lopdf` shared by the signing modules.

use lopdf::{Dictionary, Document, Object, ObjectId};

use crate::diag::Error;

/// A `lopdf` failure as one of our errors.
pub fn err(what: &str, e: impl std::fmt::Display) -> Error {
    Error::Other(format!("{what}: {e}"))
}

/// A PDF text string: PDFDocEncoding is not enough for Vietnamese, so
/// UTF-16BE with its byte-order mark.
pub fn text_string(s: &str) -> Object {
    let mut bytes = vec![0xfe, 0xff];
    for u in s.encode_utf16() {
        bytes.extend_from_slice(&u.to_be_bytes());
    }
    Object::String(bytes, lopdf::StringFormat::Hexadecimal)
}

/// Decodes a PDF text string (UTF-16BE with a byte-order mark, or
/// PDFDocEncoding taken as Latin-1, which covers ASCII names).
pub fn decode_text(bytes: &[u8]) -> String {
    if let Some(rest) = bytes.strip_prefix(&[0xfe, 0xff]) {
        let units: Vec<u16> = rest
            .chunks_exact(2)
            .map(|c| u16::from_be_bytes([c[0], c[1]]))
            .collect();
        String::from_utf16_lossy(&units)
    } else {
        bytes.iter().map(|&b| b as char).collect()
    }
}

/// Follows a reference (once or more) to the object it names.
pub fn resolve<'a>(doc: &'a Document, obj: &'a Object) -> Result<&'a Object, Error> {
    match obj {
        Object::Reference(id) => doc
            .get_object(*id)
            .map_err(|e| err(&crate::i18n::t("sign-broken-pdf", &[]), e)),
        o => Ok(o),
    }
}

/// A number, integer or real.
pub fn number(obj: &Object) -> Option<f64> {
    match obj {
        Object::Integer(i) => Some(*i as f64),
        Object::Real(r) => Some(f64::from(*r)),
        _ => None,
    }
}

/// A rectangle `[x0 y0 x1 y1]`, normalised so that x0 ≤ x1 and y0 ≤ y1.
pub fn rect(doc: &Document, obj: &Object) -> Option<[f64; 4]> {
    let arr = resolve(doc, obj).ok()?.as_array().ok()?;
    let v: Vec<f64> = arr
        .iter()
        .filter_map(|o| number(resolve(doc, o).ok()?))
        .collect();
    let [a, b, c, d] = v[..] else { return None };
    Some([a.min(c), b.min(d), a.max(c), b.max(d)])
}

/// The page's media box, looked up through the page tree if inherited.
pub fn media_box(doc: &Document, page: ObjectId) -> Option<[f64; 4]> {
    let mut id = page;
    for _ in 0..32 {
        let dict = doc.get_dictionary(id).ok()?;
        if let Ok(mb) = dict.get(b"MediaBox") {
            return rect(doc, mb);
        }
        id = dict.get(b"Parent").ok()?.as_reference().ok()?;
    }
    None
}

/// The document catalogue's object id.
pub fn catalog_id(doc: &Document) -> Result<ObjectId, Error> {
    doc.trailer
        .get(b"Root")
        .and_then(Object::as_reference)
        .map_err(|e| err(&crate::i18n::t("sign-no-root", &[]), e))
}

/// The `/AcroForm` dictionary, following a reference.
pub fn acroform(doc: &Document) -> Option<&Dictionary> {
    let cat = doc.get_dictionary(catalog_id(doc).ok()?).ok()?;
    resolve(doc, cat.get(b"AcroForm").ok()?)
        .ok()?
        .as_dict()
        .ok()
}

/// The signature fields of a document: (field id, its dictionary), in the
/// order of `/AcroForm /Fields`.
pub fn signature_fields(doc: &Document) -> Vec<(ObjectId, &Dictionary)> {
    let Some(form) = acroform(doc) else {
        return Vec::new();
    };
    let Some(fields) = form
        .get(b"Fields")
        .ok()
        .and_then(|f| resolve(doc, f).ok())
        .and_then(|f| f.as_array().ok())
    else {
        return Vec::new();
    };
    fields
        .iter()
        .filter_map(|f| {
            let id = f.as_reference().ok()?;
            let dict = doc.get_dictionary(id).ok()?;
            (dict.get(b"FT").ok()?.as_name().ok()? == b"Sig").then_some((id, dict))
        })
        .collect()
}

/// A field's name (`/T`).
pub fn field_name(dict: &Dictionary) -> String {
    dict.get(b"T")
        .and_then(Object::as_str)
        .map(decode_text)
        .unwrap_or_default()
}
