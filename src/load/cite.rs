//! The last step of loading: templates rendered, the merged value typed,
//! and the documents it cites by file (`thuc_hien: [../tinh/kh.yaml]`,
//! `kem_theo: ../qd.yaml`) loaded in turn. A cycle of citations is refused:
//! the chain of citing documents is passed down the recursion.

use std::cell::Cell;
use std::path::{Path, PathBuf};

use serde_yaml::Value;

use super::address_book;
use super::limits::MAX_CITED;
use super::merge::strip_directives;
use super::problems::{located, type_value};
use super::read::{project_root, read_text, resolve_ref, Source};
use super::{check_citing, templates, Citation, Loaded};
use crate::diag::{Diagnostic, Error, Message, MessageId};
use crate::locate::{self, Positions};
use crate::model::{KemTheo, VanBan};

/// Renders the templates of `merged` (the document at `path`, whose own
/// text is `text`, with its parents merged in; `sources` are the files
/// read), types it and loads what it cites. `citing` are the documents
/// citing this one, outermost first.
pub(super) fn finish(
    path: &Path,
    text: &str,
    mut merged: Value,
    mut sources: Vec<Source>,
    citing: &[PathBuf],
    visits: &Cell<usize>,
) -> Result<Loaded, Error> {
    strip_directives(&mut merged);
    templates::render(path, text, &mut merged)?;
    // `"@so-gddt"` in kinh_gui / noi_nhan: the address book's full names.
    let book = {
        let holder = |at: &[locate::Step]| {
            let own = std::iter::once((path, text));
            let parents = sources
                .iter()
                .skip(1)
                .map(|s| (s.path.as_path(), s.text.as_str()));
            own.chain(parents)
                .map(|(p, t)| (p, t, Positions::of(t)))
                .find(|(_, _, pos)| pos.has(at))
                .map(|(p, t, pos)| (p.to_owned(), t.to_owned(), pos))
                .unwrap_or_else(|| (path.to_owned(), text.to_owned(), Positions::of(text)))
        };
        address_book::resolve(&project_root(path), &mut merged, &holder)?
    };
    super::limits::check_value(path, text, &merged)?;
    // The merged document is wrong: show the problem in the file (this
    // one or a parent) that holds the offending key.
    let holder = |at: &[locate::Step]| {
        let own = std::iter::once((path, text));
        let parents = sources
            .iter()
            .skip(1)
            .map(|s| (s.path.as_path(), s.text.as_str()));
        own.chain(parents)
            .map(|(p, t)| (p, t, Positions::of(t)))
            .find(|(_, _, pos)| pos.has(at))
            .unwrap_or_else(|| (path, text, Positions::of(text)))
    };
    let doc: VanBan = type_value(&merged).map_err(|e| {
        let at = locate::from_serde(e.path());
        let (p, t, pos) = holder(&at);
        located(p, t, &pos, &at, &e.inner().to_string())
    })?;
    // A key the kind would not print is refused, at the key.
    if let Some(r) = doc.refused_keys().first() {
        let (p, t, pos) = holder(&r.at);
        let place = pos
            .key(&r.at)
            .unwrap_or(locate::Place { line: 1, column: 1 });
        return Err(Diagnostic::error(
            p,
            t,
            place.line,
            place.column,
            Message::new(MessageId::KeyNotPrinted, &[("text", r.message.clone())]),
        )
        .into());
    }
    if let Some(book) = book {
        add_sources(&mut sources, &[book]);
    }
    let mut chain = citing.to_vec();
    chain.push(path.canonicalize().unwrap_or_else(|_| path.to_owned()));
    let mut thuc_hien = Vec::new();
    for entry in &doc.thuc_hien {
        if is_yaml(entry) {
            count_citation(path, text, entry, visits)?;
            let cited = load_cited(path, &resolve_ref(path, entry)?, &chain, visits)?;
            add_sources(&mut sources, &cited.sources);
            thuc_hien.push(Citation::Document(Box::new(cited)));
        } else {
            thuc_hien.push(Citation::Text(entry.clone()));
        }
    }
    // `kem_theo: ../quyet-dinh.yaml`: a document issued with that one.
    let kem_theo = match &doc.kem_theo {
        Some(KemTheo::Chu(entry)) if is_yaml(entry.trim()) => {
            count_citation(path, text, entry, visits)?;
            let cited = load_cited(path, &resolve_ref(path, entry.trim())?, &chain, visits)?;
            add_sources(&mut sources, &cited.sources);
            Some(Box::new(cited))
        }
        _ => None,
    };
    Ok(Loaded {
        path: path.to_owned(),
        text: text.to_owned(),
        root: project_root(path),
        doc,
        sources,
        thuc_hien,
        kem_theo,
    })
}

/// Counts one more cited document of the build (`visits`), refusing more
/// than [`MAX_CITED`]: a document citing the next one three times, level
/// after level (a "diamond"), would otherwise load 3ⁿ documents.
fn count_citation(path: &Path, text: &str, entry: &str, visits: &Cell<usize>) -> Result<(), Error> {
    visits.set(visits.get() + 1);
    if visits.get() > MAX_CITED {
        return Err(super::limits::located(
            path,
            text,
            entry,
            super::limits::message("cited-documents", MAX_CITED, visits.get()),
        ));
    }
    Ok(())
}

/// Whether a citation names a document file.
fn is_yaml(entry: &str) -> bool {
    entry.ends_with(".yaml") || entry.ends_with(".yml")
}

/// Adds the sources of a cited document not yet among `sources`.
fn add_sources(sources: &mut Vec<Source>, cited: &[Source]) {
    for s in cited {
        if !sources.iter().any(|known| known.path == s.path) {
            sources.push(s.clone());
        }
    }
}

/// Loads the document `target` cited by the document at `from`; `chain`
/// holds the citing documents, `from` last. A document already in the
/// chain would cite itself through the others: refused, which also ends
/// the recursion.
fn load_cited(
    from: &Path,
    target: &Path,
    chain: &[PathBuf],
    visits: &Cell<usize>,
) -> Result<Loaded, Error> {
    if let Some(at) = chain.iter().position(|p| p == target) {
        let cycle: Vec<String> = chain[at..]
            .iter()
            .map(|p| p.as_path())
            .chain(std::iter::once(target))
            .map(|p| p.display().to_string())
            .collect();
        return Err(Error::Other(crate::i18n::t(
            "cite-cycle",
            &[
                ("path", &from.display().to_string()),
                ("cycle", &cycle.join(" → ")),
            ],
        )));
    }
    let text = read_text(target)?;
    check_citing(target, text, chain, visits).map_err(|mut all| all.swap_remove(0))
}
