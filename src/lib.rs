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
pub mod world;

use minijinja::Environment;
use typst::foundations::Datetime;
use typst_layout::PagedDocument;

use crate::diag::Error;
use crate::load::Loaded;
use crate::output::PdfSettings;
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
