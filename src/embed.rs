//! The YAML sources inside the PDF (`build --embed-source`) and back out
//! (`vanban extract`).
//!
//! The document and every file it is built from (its `extends` parents and
//! the documents it cites by file) are attached to the PDF as embedded
//! files through Typst's `pdf.attach`. Each is named by its path relative to
//! the folder that holds them all (for a document without parents in other
//! folders: its own folder), so that the extracted tree builds again, and
//! gives the same PDF byte for byte.

use std::collections::BTreeMap;
use std::path::{Component, Path, PathBuf};

use serde::Serialize;

use crate::diag::Error;
use crate::load::{self, Loaded};

/// Description of the document's own attachment.
pub const MAIN: &str = "vanban: the document";
/// Description of the other attachments.
pub const PARENT: &str = "vanban: a file the document is built from (extends, thuc_hien)";
/// MIME type of the attachments.
pub const MIME: &str = "application/yaml";
/// Marker that makes a folder a vanban project (see [`load::project_root`]).
pub const PROJECT_MARKER: &str = "vanban.toml";

/// One file to attach.
#[derive(Debug, Clone, Serialize)]
pub struct Attachment {
    /// Name inside the PDF: a relative path with `/`.
    pub name: String,
    /// The file's text, exactly as on disk.
    pub text: String,
    /// [`MAIN`] or [`PARENT`].
    pub description: &'static str,
}

/// The attachments for a loaded document: the document first, then the
/// files it is built from.
pub fn attachments(doc: &Loaded) -> Result<Vec<Attachment>, Error> {
    let main = doc
        .path
        .canonicalize()
        .map_err(|e| Error::io(&doc.path, e))?;
    let mut files = vec![main.clone()];
    files.extend(doc.sources.iter().filter(|s| **s != main).cloned());
    let base = common_folder(&files);
    files
        .iter()
        .map(|f| {
            let rel = f.strip_prefix(&base).unwrap_or(f);
            let name = rel
                .components()
                .map(|c| c.as_os_str().to_string_lossy())
                .collect::<Vec<_>>()
                .join("/");
            Ok(Attachment {
                name,
                text: if *f == main {
                    doc.text.clone()
                } else {
                    load::read_text(f)?
                },
                description: if *f == main { MAIN } else { PARENT },
            })
        })
        .collect()
}

/// The deepest folder holding every file of `files` (absolute paths).
fn common_folder(files: &[PathBuf]) -> PathBuf {
    let mut base = files
        .first()
        .and_then(|f| f.parent())
        .map(Path::to_path_buf)
        .unwrap_or_default();
    for f in files {
        while !f.starts_with(&base) {
            if !base.pop() {
                break;
            }
        }
    }
    base
}

/// What [`extract`] wrote.
#[derive(Debug, Clone)]
pub struct Extracted {
    /// Every file written.
    pub files: Vec<PathBuf>,
    /// The document itself (build this one).
    pub document: PathBuf,
    /// The PDF claims PDF/A conformance (it was built with `--pdf-a`).
    pub pdf_a: bool,
}

/// Writes the sources embedded in the PDF at `pdf` into `dir`, keeping
/// their relative paths; writes a `vanban.toml` marker too when they span
/// several folders, so that `extends: ../…` resolves inside `dir`.
/// Refuses to overwrite any existing file.
pub fn extract(pdf: &Path, dir: &Path) -> Result<Extracted, Error> {
    let bytes = std::fs::read(pdf).map_err(|e| Error::io(pdf, e))?;
    let files = embedded_files(&bytes)
        .map_err(|e| Error::Other(format!("{}: not a readable PDF ({e})", pdf.display())))?;
    let ours: Vec<&EmbeddedFile> = files
        .iter()
        .filter(|f| f.description == MAIN || f.description == PARENT)
        .collect();
    let Some(main) = ours.iter().find(|f| f.description == MAIN) else {
        return Err(Error::Other(format!(
            "{}: no vanban source is embedded (build it with `vanban build --embed-source`)",
            pdf.display()
        )));
    };
    let mut plan: BTreeMap<PathBuf, &[u8]> = BTreeMap::new();
    for f in &ours {
        let rel = safe_relative(&f.name).ok_or_else(|| {
            Error::Other(format!(
                "{}: refusing the embedded file name `{}` (not a plain relative path)",
                pdf.display(),
                f.name
            ))
        })?;
        plan.insert(dir.join(rel), &f.data);
    }
    let marker = dir.join(PROJECT_MARKER);
    let several_folders = ours.iter().any(|f| f.name.contains('/'));
    if several_folders && !marker.exists() {
        plan.insert(marker, b"");
    }
    let existing: Vec<String> = plan
        .keys()
        .filter(|p| p.exists())
        .map(|p| p.display().to_string())
        .collect();
    if !existing.is_empty() {
        return Err(Error::Other(format!(
            "not overwriting existing files: {}",
            existing.join(", ")
        )));
    }
    for (path, data) in &plan {
        crate::output::write_atomic(path, data)?;
    }
    Ok(Extracted {
        files: plan.keys().cloned().collect(),
        document: dir.join(safe_relative(&main.name).unwrap_or_default()),
        pdf_a: is_pdf_a(&bytes),
    })
}

/// `name` as a relative path without `..`, root or prefix, if it is one.
fn safe_relative(name: &str) -> Option<PathBuf> {
    let p = Path::new(name);
    let ok = !name.is_empty()
        && !name.contains('\\')
        && p.components().all(|c| matches!(c, Component::Normal(_)));
    ok.then(|| p.to_path_buf())
}

/// An embedded file read back from a PDF.
#[derive(Debug, Clone)]
pub struct EmbeddedFile {
    /// Its name (`/UF`, else `/F`).
    pub name: String,
    /// Its description (`/Desc`), empty if none.
    pub description: String,
    /// The MIME type (`/Subtype` of the stream), empty if none.
    pub mime: String,
    /// The file's bytes, decompressed.
    pub data: Vec<u8>,
}

/// Every embedded file of a PDF (the `/EmbeddedFiles` name tree).
pub fn embedded_files(pdf: &[u8]) -> Result<Vec<EmbeddedFile>, lopdf::Error> {
    let doc = lopdf::Document::load_mem(pdf)?;
    let mut out = Vec::new();
    let tree = doc
        .catalog()?
        .get_deref(b"Names", &doc)
        .and_then(lopdf::Object::as_dict)
        .and_then(|names| names.get_deref(b"EmbeddedFiles", &doc))
        .and_then(lopdf::Object::as_dict);
    if let Ok(tree) = tree {
        walk_name_tree(&doc, tree, &mut out, 0)?;
    }
    Ok(out)
}

fn walk_name_tree(
    doc: &lopdf::Document,
    node: &lopdf::Dictionary,
    out: &mut Vec<EmbeddedFile>,
    depth: usize,
) -> Result<(), lopdf::Error> {
    if depth > 32 {
        return Ok(());
    }
    if let Ok(kids) = node
        .get_deref(b"Kids", doc)
        .and_then(lopdf::Object::as_array)
    {
        for kid in kids {
            let (_, kid) = doc.dereference(kid)?;
            walk_name_tree(doc, kid.as_dict()?, out, depth + 1)?;
        }
    }
    if let Ok(names) = node
        .get_deref(b"Names", doc)
        .and_then(lopdf::Object::as_array)
    {
        for pair in names.chunks(2) {
            let [_, spec] = pair else { continue };
            let (_, spec) = doc.dereference(spec)?;
            let spec = spec.as_dict()?;
            let text = |key: &[u8]| {
                spec.get_deref(key, doc)
                    .ok()
                    .and_then(|o| lopdf::decode_text_string(o).ok())
            };
            let name = text(b"UF").or_else(|| text(b"F")).unwrap_or_default();
            let description = text(b"Desc").unwrap_or_default();
            let stream = spec
                .get_deref(b"EF", doc)
                .and_then(lopdf::Object::as_dict)
                .and_then(|ef| ef.get_deref(b"F", doc))
                .and_then(lopdf::Object::as_stream)?;
            let mime = stream
                .dict
                .get(b"Subtype")
                .and_then(lopdf::Object::as_name)
                .map(|n| String::from_utf8_lossy(n).into_owned())
                .unwrap_or_default();
            let data = if stream.dict.get(b"Filter").is_ok() {
                stream.decompressed_content()?
            } else {
                stream.content.clone()
            };
            out.push(EmbeddedFile {
                name,
                description,
                mime,
                data,
            });
        }
    }
    Ok(())
}

/// Whether the PDF's XMP metadata claims PDF/A conformance.
fn is_pdf_a(pdf: &[u8]) -> bool {
    let Ok(doc) = lopdf::Document::load_mem(pdf) else {
        return false;
    };
    doc.catalog()
        .and_then(|c| c.get_deref(b"Metadata", &doc))
        .and_then(lopdf::Object::as_stream)
        .map(|s| {
            let xmp = s
                .decompressed_content()
                .unwrap_or_else(|_| s.content.clone());
            String::from_utf8_lossy(&xmp).contains("pdfaid:part")
        })
        .unwrap_or(false)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_plain_relative_names_are_extracted() {
        assert!(safe_relative("a.yaml").is_some());
        assert!(safe_relative("tinh/kh.yaml").is_some());
        for bad in [
            "",
            "../a.yaml",
            "/etc/passwd",
            "a/../../b.yaml",
            "a\\..\\b",
            "./a",
        ] {
            assert!(safe_relative(bad).is_none(), "{bad}");
        }
    }

    #[test]
    fn common_folder_of_a_chain() {
        let f = |s: &str| PathBuf::from(s);
        assert_eq!(
            common_folder(&[
                f("/p/huyen/cv.yaml"),
                f("/p/huyen/kh.yaml"),
                f("/p/tinh/kh.yaml")
            ]),
            f("/p")
        );
        assert_eq!(common_folder(&[f("/p/huyen/cv.yaml")]), f("/p/huyen"));
    }
}
