//! `vanban build`: documents to PDFs (and pictures, and Typst sources),
//! many at once on worker threads of our own ([`super::batch`]).

use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};

use crate::commands::{batch, Tally};
use crate::diag::Error;
use crate::load::{self, Loaded};
use crate::output::{self, OutputFormat};
use crate::{diag, Builder};

/// Builds every document under `inputs` (folders: every YAML document
/// under them, the tree mirrored under the output folder), printing the
/// files written on stdout and warnings and errors on stderr, with a
/// progress bar on a terminal. A document that fails, even by a panic, is
/// reported and the others go on.
pub fn run(builder: &Builder<'_>, inputs: &[PathBuf], opts: &BuildOptions) -> Result<Tally, Error> {
    let color = builder.color;
    load::declare_unmarked(inputs);
    let files = expand_inputs_with_dirs(inputs)?;
    let bar = progress(files.len(), color);
    let failed = AtomicUsize::new(0);
    // Documents are independent: build them in parallel, sharing the fonts,
    // the Typst library and the templates.
    batch::run(
        &files,
        batch::default_workers(),
        |(f, rel)| {
            batch::test_panic_hook(f);
            let opts = BuildOptions {
                out_dir: opts.out_dir.as_ref().map(|o| o.join(rel)),
                ..opts.clone()
            };
            build_file(builder, f, &opts)
        },
        |(f, _), outcome| {
            bar.suspend(|| match outcome {
                Ok(Ok((written, warnings))) => {
                    eprint!("{warnings}");
                    for path in &written {
                        println!("{}", path.display());
                    }
                }
                Ok(Err(e)) => {
                    failed.fetch_add(1, Ordering::Relaxed);
                    eprint!("{}", e.render(color));
                }
                Err(panic) => {
                    failed.fetch_add(1, Ordering::Relaxed);
                    eprint!("{}", batch::crashed(f, &panic).render(color));
                }
            });
            bar.inc(1);
        },
    )
    .map_err(|e| {
        Error::Other(crate::i18n::t(
            "threads-cannot-start",
            &[("detail", &e.to_string())],
        ))
    })?;
    bar.finish_and_clear();
    Ok(Tally {
        failed: failed.into_inner(),
        total: files.len(),
    })
}

/// A progress bar on a terminal, hidden otherwise (plain lines are printed
/// per document either way).
fn progress(len: usize, terminal: bool) -> indicatif::ProgressBar {
    if terminal && len > 1 {
        indicatif::ProgressBar::new(len as u64)
    } else {
        indicatif::ProgressBar::hidden()
    }
}

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
    pub formats: Vec<OutputFormat>,
    /// Resolution of PNG pictures, in dots per inch.
    pub dpi: f32,
}

impl Default for BuildOptions {
    fn default() -> Self {
        Self {
            out_dir: None,
            typst: false,
            pdf_a: false,
            formats: vec![OutputFormat::Pdf],
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
            OutputFormat::Pdf => vec![builder.pdf(doc, &built, opts.pdf_a)?],
            OutputFormat::Png => output::png_pages(&built.document, opts.dpi)?,
            OutputFormat::Svg => output::svg_pages(&built.document)
                .into_iter()
                .map(String::into_bytes)
                .collect(),
            OutputFormat::Docx => vec![crate::docx::docx(
                doc,
                &crate::docx::created(&doc.doc, builder.source_date_epoch),
            )?],
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

/// The model's warnings for a loaded document, then the plausible
/// mistakes found in its text ([`crate::lints`]), rendered.
pub fn lint(doc: &Loaded, color: bool) -> String {
    let model: String = doc
        .doc
        .warnings()
        .iter()
        .map(|w| diag::render_warning(&doc.path, &doc.text, w, color))
        .collect();
    model + &diag::render_all(&crate::lints::of(doc), color)
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
            let mut seen = std::collections::HashSet::new();
            collect_yaml(p, &mut found, 0, &mut seen)?;
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

/// The documents under `dir`. Each folder is walked once, by its real
/// path (`seen`): a symlink to a folder already walked (`ln -s . x`) is
/// skipped, so loops end. Entries that are neither folders nor files
/// (devices, FIFOs, sockets) are left out; what a document may be is
/// checked again when it is read.
fn collect_yaml(
    dir: &Path,
    out: &mut Vec<PathBuf>,
    depth: usize,
    seen: &mut std::collections::HashSet<PathBuf>,
) -> Result<(), Error> {
    if depth > 32 || !seen.insert(dir.canonicalize().map_err(|e| Error::io(dir, e))?) {
        return Ok(());
    }
    for entry in std::fs::read_dir(dir).map_err(|e| Error::io(dir, e))? {
        let path = entry.map_err(|e| Error::io(dir, e))?.path();
        let name = path
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        // The address book is no document.
        if name.starts_with('.') || name == crate::load::address_book::FILE {
            continue;
        }
        // Follows symlinks: a document may be a link to a file.
        let Ok(meta) = std::fs::metadata(&path) else {
            continue;
        };
        if meta.is_dir() {
            collect_yaml(&path, out, depth + 1, seen)?;
        } else if meta.is_file() && (name.ends_with(".yaml") || name.ends_with(".yml")) {
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
