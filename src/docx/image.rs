//! Signature and seal pictures: read from the project folder, SVG drawn to
//! PNG (Word's own SVG support needs a PNG fallback anyway), and placed as
//! floating pictures over the signature space.

use std::path::Path;

use typst::foundations::Bytes;
use typst::visualize::{ExchangeFormat, RasterImage};

use super::xml::emu;

/// Longest side of an SVG drawn to PNG, in pixels (about 600 dpi over
/// the 50 mm of a signature).
const SVG_PIXELS: f64 = 1200.0;

/// A picture stored in the package.
#[derive(Debug, Clone)]
pub struct Media {
    /// 1-based number: `word/media/image{n}.{ext}`, relationship `rIdImg{n}`.
    pub n: usize,
    /// File extension: `png` or `jpeg`.
    pub ext: &'static str,
    /// The bytes.
    pub bytes: Vec<u8>,
    /// Natural width (any unit; only the proportions count).
    pub width: f64,
    /// Natural height.
    pub height: f64,
}

impl Media {
    /// Reads the image at the project-relative `path` (`/anh/dau.svg`).
    pub fn load(root: &Path, path: &str, n: usize) -> Result<Self, String> {
        let file = root.join(path.trim_start_matches('/'));
        let data =
            std::fs::read(&file).map_err(|e| format!("{}: cannot be read: {e}", file.display()))?;
        let ext = file
            .extension()
            .map(|e| e.to_string_lossy().to_lowercase())
            .unwrap_or_default();
        let bad = |e: String| format!("{}: {e}", file.display());
        match ext.as_str() {
            "png" | "jpg" | "jpeg" => {
                let (format, ext) = if ext == "png" {
                    (ExchangeFormat::Png, "png")
                } else {
                    (ExchangeFormat::Jpg, "jpeg")
                };
                let img = RasterImage::plain(Bytes::new(data.clone()), format)
                    .map_err(|e| bad(e.to_string()))?;
                Ok(Self {
                    n,
                    ext,
                    bytes: data,
                    width: f64::from(img.width()),
                    height: f64::from(img.height()),
                })
            }
            _ => {
                let (bytes, width, height) = svg_to_png(&data).map_err(bad)?;
                Ok(Self {
                    n,
                    ext: "png",
                    bytes,
                    width,
                    height,
                })
            }
        }
    }

    /// Name inside the package.
    pub fn part(&self) -> String {
        format!("media/image{}.{}", self.n, self.ext)
    }

    /// Relationship id.
    pub fn rid(&self) -> String {
        format!("rIdImg{}", self.n)
    }

    /// A run holding this picture floating in front of the text, `x` pt
    /// from the left of its column (table cell) and `y` pt under the top of
    /// its paragraph, `w`×`h` pt; `z` orders overlapping pictures.
    pub fn anchor(&self, x: f64, y: f64, w: f64, h: f64, z: u32) -> String {
        let (cx, cy) = (emu(w), emu(h));
        let id = self.n;
        let rid = self.rid();
        format!(
            "<w:r><w:drawing><wp:anchor distT=\"0\" distB=\"0\" distL=\"0\" distR=\"0\" simplePos=\"0\" relativeHeight=\"{z}\" behindDoc=\"0\" locked=\"0\" layoutInCell=\"1\" allowOverlap=\"1\">\
<wp:simplePos x=\"0\" y=\"0\"/>\
<wp:positionH relativeFrom=\"column\"><wp:posOffset>{}</wp:posOffset></wp:positionH>\
<wp:positionV relativeFrom=\"paragraph\"><wp:posOffset>{}</wp:posOffset></wp:positionV>\
<wp:extent cx=\"{cx}\" cy=\"{cy}\"/><wp:effectExtent l=\"0\" t=\"0\" r=\"0\" b=\"0\"/><wp:wrapNone/>\
<wp:docPr id=\"{id}\" name=\"Picture {id}\"/>\
<wp:cNvGraphicFramePr><a:graphicFrameLocks xmlns:a=\"http://schemas.openxmlformats.org/drawingml/2006/main\" noChangeAspect=\"1\"/></wp:cNvGraphicFramePr>\
<a:graphic xmlns:a=\"http://schemas.openxmlformats.org/drawingml/2006/main\"><a:graphicData uri=\"http://schemas.openxmlformats.org/drawingml/2006/picture\">\
<pic:pic xmlns:pic=\"http://schemas.openxmlformats.org/drawingml/2006/picture\"><pic:nvPicPr><pic:cNvPr id=\"{id}\" name=\"image{id}.{}\"/><pic:cNvPicPr/></pic:nvPicPr>\
<pic:blipFill><a:blip r:embed=\"{rid}\"/><a:stretch><a:fillRect/></a:stretch></pic:blipFill>\
<pic:spPr><a:xfrm><a:off x=\"0\" y=\"0\"/><a:ext cx=\"{cx}\" cy=\"{cy}\"/></a:xfrm><a:prstGeom prst=\"rect\"><a:avLst/></a:prstGeom></pic:spPr></pic:pic>\
</a:graphicData></a:graphic></wp:anchor></w:drawing></w:r>",
            emu(x),
            emu(y),
            self.ext
        )
    }
}

/// Draws an SVG to a transparent PNG; returns it with the SVG's size.
fn svg_to_png(data: &[u8]) -> Result<(Vec<u8>, f64, f64), String> {
    use resvg::{tiny_skia, usvg};
    let tree = usvg::Tree::from_data(data, &usvg::Options::default())
        .map_err(|e| format!("is not a readable SVG image ({e})"))?;
    let size = tree.size();
    let (w, h) = (f64::from(size.width()), f64::from(size.height()));
    let scale = SVG_PIXELS / w.max(h).max(1.0);
    let (pw, ph) = (
        ((w * scale).round() as u32).max(1),
        ((h * scale).round() as u32).max(1),
    );
    let mut pixmap = tiny_skia::Pixmap::new(pw, ph).ok_or("has no size")?;
    resvg::render(
        &tree,
        tiny_skia::Transform::from_scale(scale as f32, scale as f32),
        &mut pixmap.as_mut(),
    );
    let out =
        crate::output::rgba_png(&pixmap, None).map_err(|e| format!("PNG encoding failed: {e}"))?;
    Ok((out, w, h))
}
