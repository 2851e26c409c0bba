//! vanban: Vietnamese official documents (Nghị định 30/2020/NĐ-CP) from
//! YAML to PDF, in one process.
//!
//! The pipeline, one module per stage:
//! [`load`] (YAML → [`load::Loaded`]) → [`resolve`] (citations worded) →
//! [`render`] (minijinja templates in `layouts/` → Typst source) →
//! [`world`] (embedded fonts and layouts) → [`output`] (Typst layout, PDF,
//! atomic writes); [`pipeline`] runs the stages after loading. [`cli`]
//! only parses arguments and calls [`Builder`]; [`serve`] is the local web
//! editor.

pub mod assets;
pub mod cli;
pub mod diag;
pub mod embed;
pub mod evolve;
pub mod filters;
pub mod load;
pub mod locate;
pub mod model;
pub mod output;
pub mod pipeline;
pub mod register;
pub mod render;
pub mod resolve;
pub mod serve;
pub mod vndate;
pub mod watch;
pub mod world;

use std::path::{Path, PathBuf};

use crate::diag::Error;
use crate::load::Loaded;
use crate::output::Format;

pub use crate::pipeline::{Builder, Built};

/// What `vanban build` should write.
#[derive(Debug, Clone)]
pub struct BuildOptions {
    /// Output folder (default: beside the input).
    pub out_dir: Option<PathBuf>,
    /// Also write the generated `.typ`.
    pub typst: bool,
    /// PDF/A-2b.
    pub pdf_a: bool,
    /// What to write: the PDF and/or per-page pictures.
    pub formats: Vec<Format>,
    /// Resolution of PNG pictures, in dots per inch.
    pub dpi: f32,
}

impl Default for BuildOptions {
    fn default() -> Self {
        Self {
            out_dir: None,
            typst: false,
            pdf_a: false,
            formats: vec![Format::Pdf],
            dpi: output::DEFAULT_DPI,
        }
    }
}

/// Loads, lays out and writes one document; returns the files written and
/// the warnings. Every output is produced in memory first and then renamed
/// into place, so a failing document leaves the files of its previous build
/// untouched.
pub fn build_file(
    builder: &Builder<'_>,
    input: &Path,
    opts: &BuildOptions,
) -> Result<(Vec<PathBuf>, String), Error> {
    let doc = load::load(input)?;
    build_loaded(builder, input, &doc, opts)
}

/// Like [`build_file`] for a document already loaded from `input`.
pub fn build_loaded(
    builder: &Builder<'_>,
    input: &Path,
    doc: &Loaded,
    opts: &BuildOptions,
) -> Result<(Vec<PathBuf>, String), Error> {
    let lints = lint(doc, builder.color);
    let stem = doc.stem();
    let dir = output::target(input, opts.out_dir.as_deref(), &stem, "pdf")
        .parent()
        .map(Path::to_path_buf)
        .unwrap_or_default();
    let typ = dir.join(format!("{stem}.typ"));
    let built = match builder.layout_at(doc, opts.typst.then_some(typ.as_path())) {
        Ok(b) => b,
        Err(e) => {
            if opts.typst {
                // Keep the source so that the reported line can be opened.
                refuse_overwriting_input(input, &typ)?;
                let src = builder.source(doc)?;
                output::write_atomic(&typ, src.as_bytes())?;
            }
            return Err(e);
        }
    };
    let pages = built.document.pages().len();
    let mut files: Vec<(PathBuf, Vec<u8>)> = Vec::new();
    let mut formats = opts.formats.clone();
    formats.sort();
    formats.dedup();
    for &format in &formats {
        let bytes = match format {
            Format::Pdf => vec![builder.pdf(doc, &built, opts.pdf_a)?],
            Format::Png => output::png_pages(&built.document, opts.dpi)?,
            Format::Svg => output::svg_pages(&built.document)
                .into_iter()
                .map(String::into_bytes)
                .collect(),
        };
        let paths = output::page_targets(&dir, &stem, format, pages);
        files.extend(paths.into_iter().zip(bytes));
    }
    if opts.typst {
        files.push((typ, built.source.clone().into_bytes()));
    }
    for (path, _) in &files {
        refuse_overwriting_input(input, path)?;
    }
    for (path, bytes) in &files {
        output::write_atomic(path, bytes)?;
    }
    for &format in &formats {
        output::remove_stale_pages(&dir, &stem, format, pages);
    }
    Ok((
        files.into_iter().map(|(p, _)| p).collect(),
        lints + &built.warnings,
    ))
}

/// The model's warnings for a loaded document, rendered.
pub fn lint(doc: &Loaded, color: bool) -> String {
    doc.doc
        .warnings()
        .iter()
        .map(|w| diag::render_warning(&doc.path, &doc.text, w, color))
        .collect()
}

/// Expands folders into the YAML documents under them (sorted); files are
/// kept as given.
pub fn expand_inputs(inputs: &[PathBuf]) -> Result<Vec<PathBuf>, Error> {
    Ok(expand_inputs_with_dirs(inputs)?
        .into_iter()
        .map(|(p, _)| p)
        .collect())
}

/// Like [`expand_inputs`], each document with its folder relative to the
/// folder it was found under (empty for files given directly), so that
/// `build DIR -o OUT` mirrors the tree and same-named documents in
/// different folders never overwrite each other.
pub fn expand_inputs_with_dirs(inputs: &[PathBuf]) -> Result<Vec<(PathBuf, PathBuf)>, Error> {
    let mut out = Vec::new();
    for p in inputs {
        if p.is_dir() {
            let mut found = Vec::new();
            collect_yaml(p, &mut found, 0)?;
            found.sort();
            for f in found {
                let rel = f
                    .parent()
                    .and_then(|d| d.strip_prefix(p).ok())
                    .map(Path::to_path_buf)
                    .unwrap_or_default();
                out.push((f, rel));
            }
        } else {
            out.push((p.clone(), PathBuf::new()));
        }
    }
    Ok(out)
}

fn collect_yaml(dir: &Path, out: &mut Vec<PathBuf>, depth: usize) -> Result<(), Error> {
    if depth > 32 {
        return Ok(());
    }
    for entry in std::fs::read_dir(dir).map_err(|e| Error::io(dir, e))? {
        let path = entry.map_err(|e| Error::io(dir, e))?.path();
        let name = path
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        if name.starts_with('.') {
            continue;
        }
        if path.is_dir() {
            collect_yaml(&path, out, depth + 1)?;
        } else if name.ends_with(".yaml") || name.ends_with(".yml") {
            out.push(path);
        }
    }
    Ok(())
}

fn refuse_overwriting_input(input: &Path, out: &Path) -> Result<(), Error> {
    let same = match (input.canonicalize(), out.canonicalize()) {
        (Ok(a), Ok(b)) => a == b,
        _ => false,
    };
    if same {
        return Err(Error::Other(format!(
            "refusing to write `{}` over the input document",
            out.display()
        )));
    }
    Ok(())
}
