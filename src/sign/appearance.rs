//! What a signature shows (Phụ lục I): the signer's image (blue, on a
//! transparent background) or the seal (red, real size), drawn in the
//! signature field's rectangle as its appearance stream.

use lopdf::{dictionary, Document, Object, ObjectId, Stream};

use super::fields::real;
use crate::diag::Error;

/// A decoded picture: 8-bit RGB samples and an optional 8-bit alpha.
pub struct Picture {
    /// Width in pixels.
    pub width: u32,
    /// Height in pixels.
    pub height: u32,
    rgb: Vec<u8>,
    alpha: Option<Vec<u8>>,
}

/// Decodes a PNG picture (the format NĐ30 names for both images).
pub fn decode_png(bytes: &[u8]) -> Result<Picture, Error> {
    let bad = |e: &dyn std::fmt::Display| {
        Error::Other(crate::i18n::t(
            "sign-bad-png",
            &[("detail", &e.to_string())],
        ))
    };
    let mut decoder = png::Decoder::new(std::io::Cursor::new(bytes));
    decoder.set_transformations(png::Transformations::normalize_to_color8());
    let mut reader = decoder.read_info().map_err(|e| bad(&e))?;
    let size = reader
        .output_buffer_size()
        .ok_or_else(|| Error::Other(crate::i18n::t("sign-png-too-large", &[])))?;
    let mut buf = vec![0; size];
    let info = reader.next_frame(&mut buf).map_err(|e| bad(&e))?;
    let buf = &buf[..info.buffer_size()];
    let n = (info.width * info.height) as usize;
    let (mut rgb, mut alpha) = (Vec::with_capacity(n * 3), Vec::with_capacity(n));
    let channels = info.color_type.samples();
    for px in buf.chunks_exact(channels) {
        match channels {
            1 => rgb.extend_from_slice(&[px[0]; 3]),
            2 => {
                rgb.extend_from_slice(&[px[0]; 3]);
                alpha.push(px[1]);
            }
            3 => rgb.extend_from_slice(px),
            _ => {
                rgb.extend_from_slice(&px[..3]);
                alpha.push(px[3]);
            }
        }
    }
    let alpha = (!alpha.is_empty() && alpha.iter().any(|&a| a != 255)).then_some(alpha);
    Ok(Picture {
        width: info.width,
        height: info.height,
        rgb,
        alpha,
    })
}

/// Adds `pic` as an image XObject (with a soft mask for its transparency).
fn add_image(doc: &mut Document, pic: &Picture) -> ObjectId {
    let mut smask = None;
    if let Some(alpha) = &pic.alpha {
        let mut s = Stream::new(
            dictionary! {
                "Type" => "XObject",
                "Subtype" => "Image",
                "Width" => pic.width,
                "Height" => pic.height,
                "ColorSpace" => "DeviceGray",
                "BitsPerComponent" => 8,
            },
            alpha.clone(),
        );
        let _ = s.compress();
        smask = Some(doc.add_object(s));
    }
    let mut dict = dictionary! {
        "Type" => "XObject",
        "Subtype" => "Image",
        "Width" => pic.width,
        "Height" => pic.height,
        "ColorSpace" => "DeviceRGB",
        "BitsPerComponent" => 8,
    };
    if let Some(m) = smask {
        dict.set("SMask", Object::Reference(m));
    }
    let mut s = Stream::new(dict, pic.rgb.clone());
    let _ = s.compress();
    doc.add_object(s)
}

/// The appearance stream of a field `w` × `h` pt: `pic`, if any, as large
/// as fits with its proportions, centred; otherwise nothing drawn.
pub fn image_appearance(doc: &mut Document, w: f64, h: f64, pic: Option<&Picture>) -> ObjectId {
    let mut resources = dictionary! {};
    let mut content = Vec::new();
    if let Some(pic) = pic {
        let img = add_image(doc, pic);
        let s = (w / f64::from(pic.width)).min(h / f64::from(pic.height));
        let (iw, ih) = (f64::from(pic.width) * s, f64::from(pic.height) * s);
        let (x, y) = ((w - iw) / 2.0, (h - ih) / 2.0);
        content = format!("q {iw:.3} 0 0 {ih:.3} {x:.3} {y:.3} cm /Im0 Do Q").into_bytes();
        resources.set("XObject", dictionary! { "Im0" => Object::Reference(img) });
    }
    doc.add_object(Stream::new(
        dictionary! {
            "Type" => "XObject",
            "Subtype" => "Form",
            "BBox" => vec![0.into(), 0.into(), real(w), real(h)],
            "Resources" => resources,
        },
        content,
    ))
}
