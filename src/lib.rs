//! vanban: Vietnamese official documents (Nghị định 30/2020/NĐ-CP) from
//! YAML to PDF, in one process.
//!
//! The pipeline, one module per stage:
//! [`load`] (YAML → [`model::VanBan`]) → [`render`] (minijinja templates in
//! `layouts/` → Typst source) → [`world`] (embedded fonts and layouts) →
//! [`output`] (Typst layout, PDF, atomic writes). [`cli`] only parses
//! arguments and calls [`Builder`]; [`serve`] is the local web editor.

pub mod assets;
pub mod cli;
pub mod commands;
pub mod diag;
pub mod embed;
pub mod evolve;
pub mod load;
pub mod locate;
pub mod model;
pub mod output;
pub mod register;
pub mod render;
pub mod serve;
pub mod vndate;
pub mod watch;
pub mod world;

use std::path::{Path, PathBuf};

use minijinja::Environment;
use typst::foundations::Datetime;
use typst_layout::PagedDocument;

use crate::diag::Error;
use crate::load::Loaded;
use crate::output::{Format, PdfSettings};
use crate::world::{DocWorld, Engine};

/// Turns loaded documents into Typst source, layouts and PDFs. Holds what
/// is shared between documents: fonts, the Typst library and templates.
pub struct Builder<'e> {
    engine: &'e Engine,
    env: Environment<'static>,
    /// Colour in rendered diagnostics.
    pub color: bool,
    /// `SOURCE_DATE_EPOCH`, overriding the document's own date in the PDF.
    pub source_date_epoch: Option<i64>,
    /// Attach the YAML sources to the PDF ([`embed`]).
    pub embed_source: bool,
}

/// The result of building one document.
pub struct Built {
    /// The generated Typst source.
    pub source: String,
    /// The laid-out pages.
    pub document: PagedDocument,
    /// Rendered Typst warnings.
    pub warnings: String,
}

impl<'e> Builder<'e> {
    /// A builder over `engine`.
    pub fn new(engine: &'e Engine) -> Self {
        Self {
            engine,
            env: render::environment(),
            color: false,
            source_date_epoch: None,
            embed_source: false,
        }
    }

    /// The Typst source for a loaded document.
    pub fn source(&self, doc: &Loaded) -> Result<String, Error> {
        let date = self.pdf_date(doc);
        let attachments = if self.embed_source {
            embed::attachments(doc)?
        } else {
            Vec::new()
        };
        let tmpl = self
            .env
            .get_template(doc.doc.loai.info().template)
            .map_err(|e| Error::Template(format!("{e:#}")))?;
        tmpl.render(minijinja::context! {
            doc => minijinja::Value::from(minijinja::value::Serde(render::View::new(&doc.doc))),
            font => self.engine.family(),
            source_name => doc.path.file_name().map(|n| n.to_string_lossy().into_owned()),
            attachments => minijinja::Value::from(minijinja::value::Serde(&attachments)),
            pdf_date => minijinja::Value::from_safe_string(match date {
                Some(d) => format!(
                    "datetime(year: {}, month: {}, day: {}, hour: 0, minute: 0, second: 0)",
                    d.year().unwrap_or(2000),
                    d.month().unwrap_or(1),
                    d.day().unwrap_or(1)
                ),
                None => "none".into(),
            }),
        })
        .map_err(|e| Error::Template(format!("{}: {e:#}", doc.path.display())))
    }

    /// The date written into the PDF: `SOURCE_DATE_EPOCH` if set, else the
    /// document's own date (blanks taken as the first day or month).
    fn pdf_date(&self, doc: &Loaded) -> Option<Datetime> {
        if let Some(epoch) = self.source_date_epoch {
            let dt = chrono::DateTime::from_timestamp(epoch, 0)?;
            use chrono::{Datelike, Timelike};
            return Datetime::from_ymd_hms(
                dt.year(),
                dt.month() as u8,
                dt.day() as u8,
                dt.hour() as u8,
                dt.minute() as u8,
                dt.second() as u8,
            );
        }
        let n = doc.doc.ngay?;
        Datetime::from_ymd_hms(
            n.nam,
            n.thang.unwrap_or(1) as u8,
            n.ngay.unwrap_or(1) as u8,
            0,
            0,
            0,
        )
    }

    /// Lays out a loaded document.
    pub fn layout(&self, doc: &Loaded) -> Result<Built, Error> {
        let source = self.source(doc)?;
        let name = doc.path.with_extension("typ").display().to_string();
        let world = DocWorld::new(
            self.engine,
            source.clone(),
            name,
            doc.root(),
            self.pdf_date(doc),
        );
        let compiled =
            output::compile_explained(&world, self.color, |d| self.explain(doc, &world, d))?;
        Ok(Built {
            source,
            document: compiled.document,
            warnings: compiled.warnings,
        })
    }

    /// A Typst error whose span lies in text that came from the YAML,
    /// reported at that text in the YAML file (this one or a parent).
    fn explain(
        &self,
        doc: &Loaded,
        world: &DocWorld<'_>,
        d: &typst::diag::SourceDiagnostic,
    ) -> Option<String> {
        use typst::{World, WorldExt};
        let main = world.main();
        let source = world.source(main).ok()?;
        let generated = source.text();
        let mut files = vec![(doc.path.clone(), doc.text.clone())];
        files.extend(
            doc.sources
                .iter()
                .skip(1)
                .filter_map(|p| Some((p.clone(), load::read_text(p).ok()?))),
        );
        let hints: Vec<&str> = d.hints.iter().map(|h| h.v.as_str()).collect();
        // Only text in the generated source can have come from the YAML;
        // errors inside the layout library are ours (files the layout reads,
        // such as images, are checked when the document is loaded).
        if d.span.id() != Some(main) {
            return None;
        }
        let range = world.range(d.span)?;
        let line = generated[..range.start].matches('\n').count() + 1;
        let located = diag::typst_in_yaml(&files, generated.get(range)?, &d.message, &hints, line);
        located.map(|l| l.render(diag::Severity::Error, self.color))
    }

    /// PDF bytes of a laid-out document.
    pub fn pdf(&self, doc: &Loaded, built: &Built, pdf_a: bool) -> Result<Vec<u8>, Error> {
        let settings = PdfSettings {
            pdf_a,
            attachments: self.embed_source,
            timestamp: self.pdf_date(doc),
        };
        output::pdf(&built.document, &built.source, &settings)
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
    let built = match builder.layout(doc) {
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
