//! Laying out with Typst, exporting the PDF, and writing files atomically.

use std::io::Write;
use std::path::{Path, PathBuf};

use rayon::prelude::*;
use sha2::{Digest, Sha256};
use typst::diag::{SourceDiagnostic, Warned};
use typst::foundations::{Datetime, Smart};
use typst::{World, WorldExt};
use typst_kit::diagnostics::DiagnosticWorld;
use typst_layout::PagedDocument;
use typst_pdf::{PdfOptions, PdfStandard, PdfStandards, Timestamp};

use crate::diag::{Diagnostic, Error, Message, MessageId, Related, Severity};
use crate::world::DocWorld;

/// A laid-out document with the warnings Typst gave.
pub struct Compiled {
    /// The pages.
    pub document: PagedDocument,
    /// Typst's warnings.
    pub warnings: Vec<Diagnostic>,
}

/// Lays out the world's main file.
pub fn compile(world: &DocWorld<'_>) -> Result<Compiled, Error> {
    compile_explained(world, |_| None)
}

/// Lays out the world's main file; `explain` may report an error at its
/// origin (the YAML field whose text caused it) instead of in the
/// generated source.
pub fn compile_explained(
    world: &DocWorld<'_>,
    explain: impl Fn(&SourceDiagnostic) -> Option<Diagnostic>,
) -> Result<Compiled, Error> {
    let Warned { output, warnings } = typst::compile::<PagedDocument>(world);
    match output {
        Ok(document) => Ok(Compiled {
            document,
            warnings: warnings.iter().map(|d| diagnostic(world, d)).collect(),
        }),
        Err(errors) => Err(Error::Typst(
            errors
                .iter()
                .chain(&warnings)
                .map(|d| explain(d).unwrap_or_else(|| diagnostic(world, d)))
                .collect(),
        )),
    }
}

/// A Typst diagnostic as ours: at its place in the generated source or the
/// layouts (named as the world names them), with Typst's hints and trace.
pub fn diagnostic(world: &DocWorld<'_>, d: &SourceDiagnostic) -> Diagnostic {
    let place = |span: typst::syntax::DiagSpan| {
        let id = span.id()?;
        let source = world.source(id).ok()?;
        let range = world.range(span)?;
        let text = source.text();
        let start = range.start.min(text.len());
        let line_start = text[..start].rfind('\n').map_or(0, |i| i + 1);
        Some((
            PathBuf::from(world.name(id)),
            text.to_owned(),
            text[..start].matches('\n').count() + 1,
            text.get(line_start..start).map_or(0, |s| s.chars().count()) + 1,
        ))
    };
    let (path, text, line, column) = place(d.span).unwrap_or_default();
    let mut out = Diagnostic::error(
        &path,
        &text,
        line,
        column,
        Message::new(MessageId::Typst, &[("detail", d.message.to_string())]),
    );
    if d.severity == typst::diag::Severity::Warning {
        out.severity = Severity::Warning;
    }
    out.hints = d
        .hints
        .iter()
        .map(|h| Message::new(MessageId::TypstHint, &[("text", h.v.to_string())]))
        .collect();
    out.related = d
        .trace
        .iter()
        .filter_map(|point| {
            let (path, _, line, column) = place(point.span.into())?;
            Some(Related {
                path: Some(path),
                line,
                column,
                message: Message::new(MessageId::TypstTrace, &[("detail", point.v.to_string())]),
            })
        })
        .collect();
    out
}

/// PDF export settings.
#[derive(Debug, Clone, Default)]
pub struct PdfSettings {
    /// Produce PDF/A: PDF/A-2b, or PDF/A-3b when files are attached
    /// (PDF/A-2 forbids attachments that are not PDF/A themselves).
    pub pdf_a: bool,
    /// The document attaches files (`pdf.attach`).
    pub attachments: bool,
    /// Creation date written into the PDF.
    pub timestamp: Option<Datetime>,
}

/// Exports `doc` as PDF bytes. The identifier is derived from `source`, so
/// the same input always gives the same bytes.
pub fn pdf(doc: &PagedDocument, source: &str, settings: &PdfSettings) -> Result<Vec<u8>, Error> {
    let ident: String = Sha256::digest(source.as_bytes())
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect();
    let standards = if settings.pdf_a {
        let standard = if settings.attachments {
            PdfStandard::A_3b
        } else {
            PdfStandard::A_2b
        };
        PdfStandards::new(&[standard]).map_err(|e| Error::Other(e.message().to_string()))?
    } else {
        PdfStandards::default()
    };
    let options = PdfOptions {
        ident: Smart::Custom(ident),
        creator: Smart::Custom(Some(format!("vanban {}", env!("CARGO_PKG_VERSION")))),
        timestamp: settings.timestamp.map(Timestamp::new_utc),
        standards,
        ..PdfOptions::default()
    };
    typst_pdf::pdf(doc, &options).map_err(|diags| {
        Error::Other(
            diags
                .iter()
                .map(|d| d.message.to_string())
                .collect::<Vec<_>>()
                .join("\n"),
        )
    })
}

/// What `vanban build` writes for a document: the PDF, pictures of its
/// pages, or a Word file (`--format`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, clap::ValueEnum)]
pub enum OutputFormat {
    /// One PDF for the whole document (`NAME.pdf`).
    Pdf,
    /// One PNG picture per page (`NAME-1.png`, `NAME-2.png`, …).
    Png,
    /// One SVG picture per page (`NAME-1.svg`, `NAME-2.svg`, …).
    Svg,
    /// An editable Word file laid out as the PDF (`NAME.docx`).
    Docx,
}

impl OutputFormat {
    /// The file extension.
    pub fn extension(self) -> &'static str {
        match self {
            OutputFormat::Pdf => "pdf",
            OutputFormat::Png => "png",
            OutputFormat::Svg => "svg",
            OutputFormat::Docx => "docx",
        }
    }
}

/// Default resolution of PNG previews, in dots per inch.
pub const DEFAULT_DPI: f32 = 150.0;
/// Largest picture a PNG preview may have, in pixels (about 600 dpi on A4).
pub const MAX_PIXELS: f64 = 40_000_000.0;

/// Each page of `doc` as an SVG document. Text is drawn from the
/// embedded glyph outlines, so the pictures need no fonts to display.
pub fn svg_pages(doc: &PagedDocument) -> Vec<String> {
    let opts = typst_svg::SvgOptions::default();
    doc.pages()
        .par_iter()
        .map(|page| typst_svg::svg(page, &opts))
        .collect()
}

/// Each page of `doc` as a PNG picture at `dpi` dots per inch, on a white
/// background, with the resolution recorded in the file (`pHYs`) so that it
/// prints at its real size.
pub fn png_pages(doc: &PagedDocument, dpi: f32) -> Result<Vec<Vec<u8>>, Error> {
    if !(dpi.is_finite() && dpi > 0.0) {
        return Err(Error::Other(crate::i18n::t(
            "dpi-not-positive",
            &[("dpi", &dpi.to_string())],
        )));
    }
    let per_pt = f64::from(dpi) / 72.0;
    for (i, page) in doc.pages().iter().enumerate() {
        let size = page.frame.size();
        let pixels = size.x.to_pt() * per_pt * size.y.to_pt() * per_pt;
        if pixels > MAX_PIXELS {
            return Err(Error::Other(crate::i18n::t(
                "dpi-too-many-pixels",
                &[
                    ("page", &(i + 1).to_string()),
                    ("dpi", &dpi.to_string()),
                    ("megapixels", &format!("{:.0}", pixels / 1e6)),
                    ("max", &format!("{:.0}", MAX_PIXELS / 1e6)),
                ],
            )));
        }
    }
    let opts = typst_render::RenderOptions {
        pixel_per_pt: typst::utils::Scalar::new(per_pt),
        render_bleed: false,
    };
    // Pages are independent: render them in parallel (order is kept).
    doc.pages()
        .par_iter()
        .map(|page| encode_png(&typst_render::render(page, &opts), dpi))
        .collect()
}

/// Encodes a rendered page as an 8-bit RGBA PNG with its resolution.
fn encode_png(pixmap: &tiny_skia::Pixmap, dpi: f32) -> Result<Vec<u8>, Error> {
    rgba_png(pixmap, Some(dpi)).map_err(|e| Error::Other(format!("PNG encoding failed: {e}")))
}

/// Encodes a pixmap (premultiplied, as tiny-skia draws) as an 8-bit RGBA
/// PNG, recording `dpi` in the file (`pHYs`) when given. Pages and the
/// pictures put in Word copies share it.
pub(crate) fn rgba_png(
    pixmap: &tiny_skia::Pixmap,
    dpi: Option<f32>,
) -> Result<Vec<u8>, png::EncodingError> {
    let rgba: Vec<u8> = pixmap
        .pixels()
        .iter()
        .flat_map(|p| {
            let c = p.demultiply();
            [c.red(), c.green(), c.blue(), c.alpha()]
        })
        .collect();
    let mut out = Vec::new();
    let mut enc = png::Encoder::new(&mut out, pixmap.width(), pixmap.height());
    enc.set_color(png::ColorType::Rgba);
    enc.set_depth(png::BitDepth::Eight);
    if let Some(dpi) = dpi {
        let per_metre = (f64::from(dpi) / 0.0254).round() as u32;
        enc.set_pixel_dims(Some(png::PixelDimensions {
            xppu: per_metre,
            yppu: per_metre,
            unit: png::Unit::Meter,
        }));
    }
    let mut w = enc.write_header()?;
    w.write_image_data(&rgba)?;
    w.finish()?;
    Ok(out)
}

/// The files of one format for a document named `stem` in `dir`: `NAME.pdf`,
/// or one picture per page, `NAME-1.png` … `NAME-N.png`.
pub fn page_targets(dir: &Path, stem: &str, format: OutputFormat, pages: usize) -> Vec<PathBuf> {
    let ext = format.extension();
    match format {
        OutputFormat::Pdf | OutputFormat::Docx => vec![dir.join(format!("{stem}.{ext}"))],
        OutputFormat::Png | OutputFormat::Svg => (1..=pages)
            .map(|n| dir.join(format!("{stem}-{n}.{ext}")))
            .collect(),
    }
}

/// Removes the pictures a previous, longer version of the document left
/// behind: `NAME-(N+1).ext`, `NAME-(N+2).ext`, … as long as they follow
/// each other (a gap ends the run, so unrelated files are left alone).
pub fn remove_stale_pages(dir: &Path, stem: &str, format: OutputFormat, pages: usize) {
    if matches!(format, OutputFormat::Pdf | OutputFormat::Docx) {
        return;
    }
    let ext = format.extension();
    for n in pages + 1.. {
        let p = dir.join(format!("{stem}-{n}.{ext}"));
        if !p.is_file() || std::fs::remove_file(&p).is_err() {
            break;
        }
    }
}

/// Writes `bytes` to `path` through a temporary file in the same folder,
/// renamed into place: an existing file is never left half-written.
pub fn write_atomic(path: &Path, bytes: &[u8]) -> Result<(), Error> {
    let dir = path
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    std::fs::create_dir_all(dir).map_err(|e| Error::io(dir, e))?;
    let mut builder = tempfile::Builder::new();
    builder.prefix(".vanban-").suffix(".tmp");
    // A temporary file is private (0600); the file it becomes gets the
    // permissions of the file it replaces, or those of a new file (0666
    // less the umask), like any file a program writes.
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        builder.permissions(std::fs::Permissions::from_mode(0o666));
    }
    let mut tmp = builder.tempfile_in(dir).map_err(|e| Error::io(dir, e))?;
    if let Ok(meta) = std::fs::metadata(path) {
        tmp.as_file()
            .set_permissions(meta.permissions())
            .map_err(|e| Error::io(path, e))?;
    }
    tmp.write_all(bytes).map_err(|e| Error::io(path, e))?;
    tmp.as_file().sync_all().map_err(|e| Error::io(path, e))?;
    tmp.persist(path).map_err(|e| Error::io(path, e.error))?;
    Ok(())
}

/// `DIR/NAME.ext`, or beside the input when no folder is given.
pub fn target(input: &Path, out_dir: Option<&Path>, stem: &str, ext: &str) -> PathBuf {
    let dir = match out_dir {
        Some(d) => d.to_path_buf(),
        None => input.parent().map(Path::to_path_buf).unwrap_or_default(),
    };
    dir.join(format!("{stem}.{ext}"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stale_pages_removed_up_to_a_gap() {
        let dir = tempfile::tempdir().unwrap();
        for n in [1, 2, 3, 4, 6] {
            std::fs::write(dir.path().join(format!("kh-{n}.png")), b"x").unwrap();
        }
        std::fs::write(dir.path().join("kh-3.svg"), b"x").unwrap();
        remove_stale_pages(dir.path(), "kh", OutputFormat::Png, 2);
        let mut left: Vec<String> = std::fs::read_dir(dir.path())
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        left.sort();
        assert_eq!(left, ["kh-1.png", "kh-2.png", "kh-3.svg", "kh-6.png"]);
    }

    #[test]
    fn atomic_write_replaces_whole_file() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("a.pdf");
        write_atomic(&p, b"one").unwrap();
        write_atomic(&p, b"two").unwrap();
        assert_eq!(std::fs::read(&p).unwrap(), b"two");
        let leftovers = std::fs::read_dir(dir.path()).unwrap().count();
        assert_eq!(leftovers, 1);
    }
}
