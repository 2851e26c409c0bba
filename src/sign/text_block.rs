//! The organisation's signature on a file attached to a document (an
//! appendix issued as a separate file, NĐ30 Phụ lục I): no image, but a
//! text block at the top right of page 1 giving the document's số and ký
//! hiệu and the signing time (ngày tháng năm; giờ phút giây, Việt Nam's
//! offset as ISO 8601 writes it), Times New Roman 10 pt, regular, black.
//!
//! Times New Roman cannot be shipped; the text is set in the embedded
//! Liberation Serif, which has its metrics, shaped by `rustybuzz` as Typst
//! shapes, and embedded as a subset (`subsetter`) CID font with a
//! `/ToUnicode` map so that the text can be searched and copied.

use std::collections::BTreeMap;
use std::fmt::Write as _;

use chrono::{DateTime, FixedOffset};
use lopdf::{dictionary, Document, Object, ObjectId, Stream};

use super::fields::{real, Slot};
use super::pdf::{err, media_box, signature_fields};
use super::Role;
use crate::diag::{Error, Message, MessageId};

/// The size NĐ30 gives the block's text, in pt.
pub const SIZE: f64 = 10.0;
/// Line spacing, in pt.
const LEADING: f64 = 12.0;
/// Room around the text inside the field, in pt.
const PAD: f64 = 2.0;
/// From the page's right edge to the block's right edge (NĐ30's smallest
/// right margin, 15 mm), and from the top edge to the block's top (in the
/// top margin, above the first line of the text).
const RIGHT: f64 = 15.0 * 72.0 / 25.4;
const TOP: f64 = 8.0 * 72.0 / 25.4;

/// The block's lines: the số and ký hiệu, and the signing time.
pub fn lines(so_ky_hieu: &str, time: &DateTime<FixedOffset>) -> Vec<String> {
    vec![
        format!("Số, ký hiệu: {}", so_ky_hieu.trim()),
        format!("Thời gian ký: {}", time.format("%d/%m/%Y; %H:%M:%S %:z")),
    ]
}

/// A laid-out line: its glyphs (id, advance in font units, the text they
/// stand for) and its width in pt.
struct Shaped {
    glyphs: Vec<(u16, i32, String)>,
    width: f64,
}

fn face() -> Result<rustybuzz::Face<'static>, Error> {
    rustybuzz::Face::from_slice(crate::assets::FONTS[0], 0)
        .ok_or_else(|| Error::Other("internal: the embedded font does not load".into()))
}

fn shape(face: &rustybuzz::Face<'_>, text: &str) -> Shaped {
    let mut buffer = rustybuzz::UnicodeBuffer::new();
    buffer.push_str(text);
    let out = rustybuzz::shape(face, &[], buffer);
    let infos = out.glyph_infos();
    let positions = out.glyph_positions();
    let mut glyphs = Vec::with_capacity(infos.len());
    for (i, (info, pos)) in infos.iter().zip(positions).enumerate() {
        // The text of the glyph's cluster, given to its first glyph.
        let start = info.cluster as usize;
        let first = i == 0 || infos[i - 1].cluster != info.cluster;
        let end = infos[i..]
            .iter()
            .map(|g| g.cluster as usize)
            .find(|&c| c != start)
            .unwrap_or(text.len());
        let chars = if first {
            text.get(start.min(end)..end.max(start))
                .unwrap_or_default()
                .to_owned()
        } else {
            String::new()
        };
        glyphs.push((info.glyph_id as u16, pos.x_advance, chars));
    }
    let units: i64 = positions.iter().map(|p| i64::from(p.x_advance)).sum();
    let width = units as f64 * SIZE / f64::from(face.units_per_em());
    Shaped { glyphs, width }
}

/// The field's size for `lines`: (width, height) in pt.
pub fn size(lines: &[String]) -> Result<(f64, f64), Error> {
    let face = face()?;
    let w = lines
        .iter()
        .map(|l| shape(&face, l).width)
        .fold(0.0, f64::max);
    Ok((w + 2.0 * PAD, lines.len() as f64 * LEADING + 2.0 * PAD))
}

/// Adds the organisation's empty signature field at the top right of page
/// 1, sized for `lines`, to a PDF that has no signature field yet.
pub fn add_field(pdf: &[u8], lines: &[String]) -> Result<Vec<u8>, Error> {
    let doc = Document::load_mem(pdf).map_err(|e| {
        Error::Other(Message::new(MessageId::PdfUnreadable, &[("detail", e.to_string())]).encoded())
    })?;
    let fields = signature_fields(&doc);
    if !fields.is_empty() {
        // An appendix built with `--ky-so` holds only the organisation's
        // empty field vanban reserved at the top right: the text block
        // takes its place, sized for its lines. Any other field (or a
        // signed one) is refused.
        let reserved = fields.len() == 1
            && super::pdf::field_name(fields[0].1) == Role::CoQuan.field_name()
            && fields[0].1.get(b"V").is_err();
        if !reserved {
            return Err(Error::Other(
                Message::bare(MessageId::AttachedHasFields).encoded(),
            ));
        }
        let field = fields[0].0;
        return add_field(&without_field(doc, field)?, lines);
    }
    let page = *doc
        .get_pages()
        .get(&1)
        .ok_or_else(|| err("PDF", "no page"))?;
    let mb = media_box(&doc, page).unwrap_or([0.0, 0.0, 595.276, 841.89]);
    let (w, h) = size(lines)?;
    let slot = Slot {
        role: Role::CoQuan,
        page: 1,
        x: (mb[2] - mb[0]) - RIGHT - w,
        y: TOP,
        w,
        h,
    };
    super::fields::add_fields(pdf, &[slot])
}

/// `doc` without the unsigned signature field `field`: out of the form
/// and off its page.
fn without_field(mut doc: Document, field: ObjectId) -> Result<Vec<u8>, Error> {
    for (_, page) in doc.get_pages() {
        let annots = match doc.get_dictionary(page).and_then(|d| d.get(b"Annots")) {
            Ok(Object::Array(a)) => Some((None, a.clone())),
            Ok(Object::Reference(r)) => doc
                .get_object(*r)
                .and_then(Object::as_array)
                .ok()
                .map(|a| (Some(*r), a.clone())),
            _ => None,
        };
        let Some((at, mut annots)) = annots else {
            continue;
        };
        annots.retain(|a| a.as_reference().ok() != Some(field));
        match at {
            Some(r) => {
                doc.objects.insert(r, Object::Array(annots));
            }
            None => {
                doc.get_dictionary_mut(page)
                    .map_err(|e| err("PDF", e))?
                    .set("Annots", Object::Array(annots));
            }
        }
    }
    let catalog = doc
        .trailer
        .get(b"Root")
        .and_then(Object::as_reference)
        .map_err(|e| err("PDF", e))?;
    doc.get_dictionary_mut(catalog)
        .map_err(|e| err("PDF", e))?
        .remove(b"AcroForm");
    doc.objects.remove(&field);
    let mut out = Vec::new();
    doc.save_to(&mut out).map_err(|e| err("PDF", e))?;
    Ok(out)
}

/// The appearance stream of a `w` × `h` pt field showing `lines`, right
/// aligned, black, in [`SIZE`] pt.
pub fn appearance(doc: &mut Document, w: f64, h: f64, lines: &[String]) -> Result<ObjectId, Error> {
    let face = face()?;
    let upem = f64::from(face.units_per_em());
    let shaped: Vec<Shaped> = lines.iter().map(|l| shape(&face, l)).collect();

    // The subset: .notdef, then every glyph used, renumbered in order.
    let mut remapper = subsetter::GlyphRemapper::new();
    remapper.remap(0);
    let mut to_unicode: BTreeMap<u16, String> = BTreeMap::new();
    for s in &shaped {
        for (gid, _, text) in &s.glyphs {
            let cid = remapper.remap(*gid);
            if !text.is_empty() {
                to_unicode.entry(cid).or_insert_with(|| text.clone());
            }
        }
    }
    let data = crate::assets::FONTS[0];
    let subset = subsetter::subset(data, 0, &remapper)
        .map_err(|e| Error::Other(format!("internal: font subset: {e:?}")))?;
    let font = add_font(doc, &face, &remapper, &to_unicode, subset)?;

    // One line after another from the top, each right aligned; TJ moves
    // each glyph by the shaper's advance (kerning) where it differs from
    // the font's own width.
    let mut content = String::from("q BT 0 g\n");
    let _ = writeln!(content, "/F0 {SIZE} Tf");
    for (i, s) in shaped.iter().enumerate() {
        let x = w - PAD - s.width;
        let y = h - PAD - (i as f64) * LEADING - LEADING * 0.8;
        let _ = write!(content, "1 0 0 1 {x:.3} {y:.3} Tm [");
        for (gid, advance, _) in &s.glyphs {
            let cid = remapper.get(*gid).unwrap_or(0);
            let _ = write!(content, "<{cid:04X}>");
            let own = i32::from(
                face.glyph_hor_advance(rustybuzz::ttf_parser::GlyphId(*gid))
                    .unwrap_or(0),
            );
            if own != *advance {
                let adjust = f64::from(own - advance) * 1000.0 / upem;
                let _ = write!(content, "{adjust:.2}");
            }
        }
        content.push_str("] TJ\n");
    }
    content.push_str("ET Q\n");
    let mut stream = Stream::new(
        dictionary! {
            "Type" => "XObject",
            "Subtype" => "Form",
            "BBox" => vec![0.into(), 0.into(), real(w), real(h)],
            "Resources" => dictionary! {
                "Font" => dictionary! { "F0" => Object::Reference(font) },
            },
        },
        content.into_bytes(),
    );
    let _ = stream.compress();
    Ok(doc.add_object(stream))
}

/// The Type 0 font (CIDFontType2, Identity-H) with the subset embedded.
fn add_font(
    doc: &mut Document,
    face: &rustybuzz::Face<'_>,
    remapper: &subsetter::GlyphRemapper,
    to_unicode: &BTreeMap<u16, String>,
    subset: Vec<u8>,
) -> Result<ObjectId, Error> {
    let upem = f64::from(face.units_per_em());
    let scale = |v: f64| (v * 1000.0 / upem).round() as i64;
    // A subset's name starts with six capitals drawn from its glyphs.
    let tag: String = {
        use sha2::Digest;
        let mut h = sha2::Sha256::new();
        for g in remapper.remapped_gids() {
            h.update(g.to_be_bytes());
        }
        h.finalize()
            .iter()
            .take(6)
            .map(|b| char::from(b'A' + b % 26))
            .collect()
    };
    let name = format!("{tag}+LiberationSerif");
    let len = subset.len() as i64;
    let mut file = Stream::new(dictionary! { "Length1" => len }, subset);
    let _ = file.compress();
    let file = doc.add_object(file);
    let bbox = face.global_bounding_box();
    let descriptor = doc.add_object(dictionary! {
        "Type" => "FontDescriptor",
        "FontName" => Object::Name(name.clone().into_bytes()),
        // Serif, non-symbolic.
        "Flags" => 34,
        "FontBBox" => vec![
            scale(f64::from(bbox.x_min)).into(),
            scale(f64::from(bbox.y_min)).into(),
            scale(f64::from(bbox.x_max)).into(),
            scale(f64::from(bbox.y_max)).into(),
        ],
        "ItalicAngle" => 0,
        "Ascent" => scale(f64::from(face.ascender())),
        "Descent" => scale(f64::from(face.descender())),
        "CapHeight" => scale(f64::from(face.capital_height().unwrap_or(1341))),
        "StemV" => 80,
        "FontFile2" => Object::Reference(file),
    });
    let mut widths: Vec<Object> = Vec::new();
    for (new, old) in remapper.remapped_gids().enumerate() {
        let adv = face
            .glyph_hor_advance(rustybuzz::ttf_parser::GlyphId(old))
            .unwrap_or(0);
        widths.push((new as i64).into());
        widths.push(vec![scale(f64::from(adv)).into()].into());
    }
    let cid_font = doc.add_object(dictionary! {
        "Type" => "Font",
        "Subtype" => "CIDFontType2",
        "BaseFont" => Object::Name(name.clone().into_bytes()),
        "CIDSystemInfo" => dictionary! {
            "Registry" => Object::string_literal("Adobe"),
            "Ordering" => Object::string_literal("Identity"),
            "Supplement" => 0,
        },
        "FontDescriptor" => Object::Reference(descriptor),
        "CIDToGIDMap" => "Identity",
        "W" => widths,
    });
    let mut cmap = String::from(
        "/CIDInit /ProcSet findresource begin\n12 dict begin\nbegincmap\n\
         /CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def\n\
         /CMapName /Adobe-Identity-UCS def\n/CMapType 2 def\n\
         1 begincodespacerange\n<0000> <FFFF>\nendcodespacerange\n",
    );
    let entries: Vec<_> = to_unicode.iter().collect();
    for chunk in entries.chunks(100) {
        let _ = writeln!(cmap, "{} beginbfchar", chunk.len());
        for (cid, text) in chunk {
            let hex: String = text.encode_utf16().map(|u| format!("{u:04X}")).collect();
            let _ = writeln!(cmap, "<{cid:04X}> <{hex}>");
        }
        cmap.push_str("endbfchar\n");
    }
    cmap.push_str("endcmap\nCMapName currentdict /CMap defineresource pop\nend\nend\n");
    let mut cmap = Stream::new(dictionary! {}, cmap.into_bytes());
    let _ = cmap.compress();
    let cmap = doc.add_object(cmap);
    Ok(doc.add_object(dictionary! {
        "Type" => "Font",
        "Subtype" => "Type0",
        "BaseFont" => Object::Name(name.into_bytes()),
        "Encoding" => "Identity-H",
        "DescendantFonts" => vec![Object::Reference(cid_font)],
        "ToUnicode" => Object::Reference(cmap),
    }))
}
