//! Laying out with Typst, exporting the PDF, and writing files atomically.

use std::io::Write;
use std::path::{Path, PathBuf};

use sha2::{Digest, Sha256};
use typst::diag::{SourceDiagnostic, Warned};
use typst::foundations::{Datetime, Smart};
use typst_kit::diagnostics::{emit, termcolor::Buffer, DiagnosticFormat};
use typst_layout::PagedDocument;
use typst_pdf::{PdfOptions, PdfStandard, PdfStandards, Timestamp};

use crate::diag::Error;
use crate::world::DocWorld;

/// A laid-out document with the warnings Typst gave.
pub struct Compiled {
    /// The pages.
    pub document: PagedDocument,
    /// Rendered warnings (empty when none).
    pub warnings: String,
}

fn render_diags(world: &DocWorld<'_>, diags: &[SourceDiagnostic], color: bool) -> String {
    let mut buf = if color {
        Buffer::ansi()
    } else {
        Buffer::no_color()
    };
    let _ = emit(&mut buf, world, diags, DiagnosticFormat::Human);
    String::from_utf8_lossy(buf.as_slice()).into_owned()
}

/// Lays out the world's main file.
pub fn compile(world: &DocWorld<'_>, color: bool) -> Result<Compiled, Error> {
    let Warned { output, warnings } = typst::compile::<PagedDocument>(world);
    match output {
        Ok(document) => Ok(Compiled {
            document,
            warnings: render_diags(world, &warnings, color),
        }),
        Err(errors) => {
            let all: Vec<SourceDiagnostic> = errors.iter().chain(&warnings).cloned().collect();
            Err(Error::Typst(render_diags(world, &all, color)))
        }
    }
}

/// Each page of `doc` as an SVG document.
pub fn svg_pages(doc: &PagedDocument) -> Vec<String> {
    let opts = typst_svg::SvgOptions::default();
    doc.pages()
        .iter()
        .map(|page| typst_svg::svg(page, &opts))
        .collect()
}

/// PDF export settings.
#[derive(Debug, Clone, Default)]
pub struct PdfSettings {
    /// Produce PDF/A-2b.
    pub pdf_a: bool,
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
        PdfStandards::new(&[PdfStandard::A_2b])
            .map_err(|e| Error::Other(e.message().to_string()))?
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

/// Writes `bytes` to `path` through a temporary file in the same folder,
/// renamed into place: an existing file is never left half-written.
pub fn write_atomic(path: &Path, bytes: &[u8]) -> Result<(), Error> {
    let dir = path
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    std::fs::create_dir_all(dir).map_err(|e| Error::io(dir, e))?;
    let mut tmp = tempfile::Builder::new()
        .prefix(".vanban-")
        .suffix(".tmp")
        .tempfile_in(dir)
        .map_err(|e| Error::io(dir, e))?;
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
