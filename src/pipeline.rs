//! From a loaded document to Typst source, pages and PDF bytes: the
//! [`Builder`] holds what documents share (fonts, the Typst library, the
//! templates) and runs the stages after loading: citation wording
//! ([`crate::resolve`]), templates ([`crate::render`]), layout and export
//! ([`crate::output`]). It reads nothing from disk for the document: what
//! it needs is in the [`Loaded`].

use std::path::Path;

use minijinja::Environment;
use typst::foundations::Datetime;
use typst_layout::PagedDocument;

use crate::diag::{self, Diagnostic, Error, Message, MessageId};
use crate::load::Loaded;
use crate::output::{self, PdfSettings};
use crate::world::{DocWorld, Engine};
use crate::{embed, render, resolve};

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
    /// Sign-ready PDF: empty signature fields where the signature and seal
    /// go, instead of their images ([`crate::sign::fields`]).
    pub ky_so: bool,
}

/// The result of building one document.
pub struct Built {
    /// The generated Typst source.
    pub source: String,
    /// The laid-out pages.
    pub document: PagedDocument,
    /// Typst's warnings.
    pub diagnostics: Vec<Diagnostic>,
    /// Typst's warnings, rendered for the command line.
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
            ky_so: false,
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
        let name = doc.doc.loai.info().template;
        let tmpl = self
            .env
            .get_template(name)
            .map_err(|e| template_error(format!("{e:#}"), &e))?;
        let worded = resolve::worded(doc);
        tmpl.render(minijinja::context! {
            doc => minijinja::Value::from(minijinja::value::Serde(render::View::new(&worded))),
            font => self.engine.family(),
            source_name => doc.path.file_name().map(|n| n.to_string_lossy().into_owned()),
            attachments => minijinja::Value::from(minijinja::value::Serde(&attachments)),
            ky_so => self.ky_so,
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
        .map_err(|e| template_error(format!("{}: {e:#}", doc.path.display()), &e))
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

    /// Lays out a loaded document whose generated source is not written.
    pub fn layout(&self, doc: &Loaded) -> Result<Built, Error> {
        self.layout_at(doc, None)
    }

    /// Lays out a loaded document; `typ` is where its generated source is
    /// written (`--typst`), if it is, so that diagnostics name that file.
    pub fn layout_at(&self, doc: &Loaded, typ: Option<&Path>) -> Result<Built, Error> {
        let source = self.source(doc)?;
        let name = match typ {
            Some(p) => p.display().to_string(),
            None => format!("<generated>/{}.typ", doc.stem()),
        };
        let world = DocWorld::new(
            self.engine,
            source.clone(),
            name,
            doc.root(),
            self.pdf_date(doc),
        );
        let compiled = output::compile_explained(&world, |d| explain(doc, &world, d, typ))?;
        let warnings = diag::render_all(&compiled.warnings, self.color);
        Ok(Built {
            source,
            document: compiled.document,
            diagnostics: compiled.warnings,
            warnings,
        })
    }

    /// PDF bytes of a laid-out document.
    pub fn pdf(&self, doc: &Loaded, built: &Built, pdf_a: bool) -> Result<Vec<u8>, Error> {
        let settings = PdfSettings {
            pdf_a,
            attachments: self.embed_source,
            timestamp: self.pdf_date(doc),
        };
        let pdf = output::pdf(&built.document, &built.source, &settings)?;
        if self.ky_so {
            let slots = crate::sign::fields::slots(&built.document);
            return crate::sign::fields::add_fields(&pdf, &slots);
        }
        Ok(pdf)
    }
}

/// A layout template's failure, at its line of the template when known.
fn template_error(detail: String, e: &minijinja::Error) -> Error {
    let message = Message::new(MessageId::LayoutTemplate, &[("detail", detail)]);
    let place = e.name().and_then(|name| {
        let text = crate::assets::layout(name)?;
        Some((name, text, e.line()?))
    });
    Error::Template(Box::new(match place {
        Some((name, text, line)) => Diagnostic::error(
            Path::new(&format!("layouts/{name}")),
            text,
            line,
            1,
            message,
        ),
        None => Diagnostic::error(Path::new(""), "", 0, 0, message),
    }))
}

/// A Typst error whose span lies in text that came from the YAML,
/// reported at that text in the YAML file (this one, a parent or a cited
/// document), with the generated line as a related place.
fn explain(
    doc: &Loaded,
    world: &DocWorld<'_>,
    d: &typst::diag::SourceDiagnostic,
    typ: Option<&Path>,
) -> Option<Diagnostic> {
    use typst::{World, WorldExt};
    let main = world.main();
    // Only text in the generated source can have come from the YAML;
    // errors inside the layout library are ours (files the layout reads,
    // such as images, are checked when the document is loaded).
    if d.span.id() != Some(main) {
        return None;
    }
    let source = world.source(main).ok()?;
    let generated = source.text();
    let files = std::iter::once((doc.path.as_path(), doc.text.as_str())).chain(
        doc.sources
            .iter()
            .skip(1)
            .map(|s| (s.path.as_path(), s.text.as_str())),
    );
    let hints: Vec<&str> = d.hints.iter().map(|h| h.v.as_str()).collect();
    let range = world.range(d.span)?;
    let line = generated[..range.start].matches('\n').count() + 1;
    diag::typst_in_yaml(files, generated.get(range)?, &d.message, &hints, line, typ)
}
