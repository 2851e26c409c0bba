//! Reading documents: YAML text → inheritance (`extends`, [`merge`]) →
//! templated text (`{{ nam }}`, [`templates`]) → [`VanBan`], with errors
//! that point to the file, line and column ([`problems`]); the documents
//! it cites by file are loaded too ([`cite`]).
//!
//! The product is a [`Loaded`]: the typed document, every file read (with
//! its text and hash) and the cited documents. Nothing after loading reads
//! the disk for the document again.

pub mod address_book;
mod cite;
mod images;
pub mod limits;
mod merge;
mod problems;
mod read;
mod templates;

use std::path::{Path, PathBuf};

use crate::diag::{Error, MessageId};
use crate::locate::{self, Positions};
use crate::model::VanBan;

pub use merge::{merge, merged_value};
pub use problems::yaml_error;
pub use read::{
    declare_project, declare_unmarked, in_project, marked_root, parse_value, project_root,
    read_limited, read_text, resolve_ref, Source, MAX_BYTES, WHAT_IS_A_PROJECT,
};

/// Largest file the layout may read from the project (an image, or a
/// file an SVG image names).
pub const MAX_FILE_BYTES: u64 = 16 * 1024 * 1024;

/// A document as loaded, with everything it was built from.
#[derive(Debug, Clone)]
pub struct Loaded {
    /// The YAML file.
    pub path: PathBuf,
    /// Its text.
    pub text: String,
    /// The project folder ([`project_root`]), where its files lie.
    pub root: PathBuf,
    /// The typed document (parents merged, templates rendered); its
    /// `thuc_hien` and `kem_theo` are as written, the documents they name
    /// are in [`Loaded::thuc_hien`] and [`Loaded::kem_theo`].
    pub doc: VanBan,
    /// The files it was built from (canonical paths), as they were read:
    /// this file first, then its parents (`extends`), then the documents it
    /// cites by file and their own sources.
    pub sources: Vec<Source>,
    /// One entry per item of `doc.thuc_hien`: a text, or the document a
    /// `.yaml` item names.
    pub thuc_hien: Vec<Citation>,
    /// The document `kem_theo: ../qd.yaml` names, if it names one.
    pub kem_theo: Option<Box<Loaded>>,
}

/// One item of `thuc_hien`.
#[derive(Debug, Clone)]
pub enum Citation {
    /// A citation written out.
    Text(String),
    /// A document cited by its file (`../tinh/kh.yaml`), loaded.
    Document(Box<Loaded>),
}

impl Loaded {
    /// A document typed from `text` alone, standing for the file `path`:
    /// no parents, citations kept as written.
    pub fn standalone(path: &Path, text: &str, doc: VanBan) -> Self {
        Self {
            path: path.to_owned(),
            text: text.to_owned(),
            root: project_root(path),
            thuc_hien: doc.thuc_hien.iter().cloned().map(Citation::Text).collect(),
            kem_theo: None,
            doc,
            sources: vec![Source::new(path.to_owned(), text.to_owned())],
        }
    }

    /// The folder the document may read files from.
    pub fn root(&self) -> PathBuf {
        self.root.clone()
    }

    /// File name without extension (`ke-hoach` for `ke-hoach.yaml`).
    pub fn stem(&self) -> String {
        self.path
            .file_stem()
            .map_or_else(|| "van-ban".into(), |s| s.to_string_lossy().into_owned())
    }

    /// The canonical paths of the files it was built from.
    pub fn source_paths(&self) -> impl Iterator<Item = &Path> {
        self.sources.iter().map(|s| s.path.as_path())
    }
}

/// Reads, merges, renders and types the document at `path`; the first
/// problem is the error (see [`check`] for all of them).
pub fn load(path: &Path) -> Result<Loaded, Error> {
    check(path).map_err(|mut all| all.swap_remove(0))
}

/// Like [`load`], but reports every problem of the document's own text, not
/// only the first: each wrong key or value is set aside in turn and the
/// rest typed again. Never returns an empty list of errors.
pub fn check(path: &Path) -> Result<Loaded, Vec<Error>> {
    let text = read_text(path).map_err(|e| vec![e])?;
    check_text(path, text)
}

/// Like [`check`], with `text` standing for the contents of `path` (an
/// edit not saved yet); `path` must exist, its parents are read from disk.
pub fn check_text(path: &Path, text: String) -> Result<Loaded, Vec<Error>> {
    check_citing(path, text, &[], &std::cell::Cell::new(0))
}

/// [`check_text`] for a document cited by the documents `citing` (canonical
/// paths, outermost first), which it must not cite back.
/// `visits` counts the documents cited in the whole build.
fn check_citing(
    path: &Path,
    text: String,
    citing: &[PathBuf],
    visits: &std::cell::Cell<usize>,
) -> Result<Loaded, Vec<Error>> {
    read::check_size(path, text.len()).map_err(|e| vec![e])?;
    let own = parse_value(path, &text).map_err(|e| vec![e])?;
    let mut chain = Vec::new();
    let mut read = Vec::new();
    let loaded = merge::merged_value_of(path, Some((&text, own.clone())), &mut chain, &mut read)
        .and_then(|merged| cite::finish(path, &text, merged, read, citing, visits));
    match loaded {
        Ok(doc) => Ok(doc),
        // Only a document that fails is typed again, key by key, so that
        // every problem of its own text is reported, not only the first.
        // An id of the child its parent lacks: the typing is not in question.
        Err(Error::Source(d)) if d.message.id == MessageId::UnknownId => {
            Err(vec![Error::Source(d)])
        }
        Err(first) => {
            let partial = own.get("extends").is_some();
            let problems = problems::own_problems(path, &text, own, partial);
            Err(if problems.is_empty() {
                vec![first]
            } else {
                problems
            })
        }
    }
}

/// The files `path` is built from as far as they can be followed, even
/// when one of them fails to load: itself, then its parents up to the first
/// that is missing or broken (included when it exists).
pub fn sources_so_far(path: &Path) -> Vec<PathBuf> {
    if let Ok(doc) = load(path) {
        return doc.sources.into_iter().map(|s| s.path).collect();
    }
    let mut chain = Vec::new();
    let _ = merged_value(path, &mut chain);
    chain
}

/// Types `text` (the contents of `path`) without inheritance or templates.
pub fn parse(path: &Path, text: &str) -> Result<VanBan, Error> {
    let value = parse_value(path, text)?;
    problems::type_value(&value).map_err(|e| {
        let at = locate::from_serde(e.path());
        problems::located(
            path,
            text,
            &Positions::of(text),
            &at,
            &e.inner().to_string(),
        )
    })
}
