//! The YAML sources inside the PDF (`build --embed-source`) and back out
//! (`vanban extract`).
//!
//! The document and every file it is built from (its `extends` parents, the
//! documents it cites by file, its signature and seal images) are attached
//! to the PDF as embedded files through Typst's `pdf.attach`. Each is named
//! by its path from the project folder (for a document outside any project:
//! its own folder), so that the extracted tree builds again, and gives the
//! same PDF byte for byte.

use std::collections::BTreeMap;
use std::path::{Component, Path, PathBuf};

use serde::Serialize;

use crate::diag::Error;
use crate::load::Loaded;

/// Description of the document's own attachment.
pub const MAIN: &str = "vanban: the document";
/// Description of the other attachments.
pub const PARENT: &str = "vanban: a file the document is built from (extends, thuc_hien)";
/// MIME type of the attachments.
pub const MIME: &str = "application/yaml";
/// Marker that makes a folder a vanban project (see [`crate::load::project_root`]).
pub const PROJECT_MARKER: &str = "vanban.toml";

/// Description of the images the document shows (signature, seal).
pub const IMAGE: &str = "vanban: an image the document shows (nguoi_ky)";

/// One file to attach.
#[derive(Debug, Clone, Serialize)]
pub struct Attachment {
    /// Name inside the PDF: its path from the project folder, with `/`.
    pub name: String,
    /// The file's text, exactly as on disk; `None` for an image, which
    /// Typst reads itself from the project folder.
    pub text: Option<String>,
    /// Its MIME type.
    pub mime: &'static str,
    /// [`MAIN`], [`PARENT`] or [`IMAGE`].
    pub description: &'static str,
}

/// The attachments for a loaded document: the document first, then the
/// files it is built from, then its images. Names are paths from the
/// project folder (see [`crate::load::project_root`]), the folder every one of
/// them lies in, which is also how the layout names the images.
pub fn attachments(doc: &Loaded) -> Result<Vec<Attachment>, Error> {
    let root = doc.root();
    let name_of = |f: &Path| {
        f.strip_prefix(&root)
            .unwrap_or(f)
            .components()
            .map(|c| c.as_os_str().to_string_lossy())
            .collect::<Vec<_>>()
            .join("/")
    };
    // The document itself comes first among its sources, as it was read.
    let Some((main, others)) = doc.sources.split_first() else {
        return Err(Error::Other(format!(
            "{}: the document was not loaded from a file",
            doc.path.display()
        )));
    };
    let mut out = vec![Attachment {
        name: name_of(&main.path),
        text: Some(doc.text.clone()),
        mime: MIME,
        description: MAIN,
    }];
    for f in others.iter().filter(|s| s.path != main.path) {
        out.push(Attachment {
            name: name_of(&f.path),
            text: Some(f.text.clone()),
            mime: MIME,
            description: PARENT,
        });
    }
    for rel in image_names(doc) {
        if out.iter().any(|a| a.name == rel) {
            continue;
        }
        let ext = rel.rsplit('.').next().unwrap_or("").to_lowercase();
        out.push(Attachment {
            mime: match ext.as_str() {
                "svg" => "image/svg+xml",
                "jpg" | "jpeg" => "image/jpeg",
                _ => "image/png",
            },
            name: rel,
            text: None,
            description: IMAGE,
        });
    }
    Ok(out)
}

/// The images of the document (signatures, seals of every signer) as
/// paths from the project folder, without the leading `/`, each once.
fn image_names(doc: &Loaded) -> Vec<String> {
    let d = &doc.doc;
    let mut out: Vec<String> = Vec::new();
    for k in [&d.nguoi_ky, &d.thu_ky, &d.ben_kia].into_iter().flatten() {
        for p in [&k.chu_ky, &k.dau].into_iter().flatten() {
            let name = p.trim_start_matches('/').to_owned();
            if !out.contains(&name) {
                out.push(name);
            }
        }
    }
    out
}

/// The image files of the document on disk (for `vanban watch`).
pub fn images(doc: &Loaded) -> Vec<PathBuf> {
    let root = doc.root();
    image_names(doc).iter().map(|n| root.join(n)).collect()
}

/// Where `vanban extract NAME.pdf` writes by default: `NAME-source/`
/// beside the PDF.
pub fn default_dir(pdf: &Path) -> PathBuf {
    let stem = pdf.file_stem().unwrap_or_default().to_string_lossy();
    pdf.with_file_name(format!("{stem}-source"))
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
    let bytes = crate::load::read_limited(pdf, MAX_PDF_BYTES)
        .map_err(|m| Error::Other(format!("{}: {m}", pdf.display())))?;
    let files = embedded_files(&bytes).map_err(|e| match e {
        // The limits of [`embedded_files`] say what they refused.
        lopdf::Error::IO(io) => Error::Other(format!("{}: {io}", pdf.display())),
        e => Error::Other(crate::i18n::t(
            "extract-not-pdf",
            &[
                ("path", &pdf.display().to_string()),
                ("detail", &e.to_string()),
            ],
        )),
    })?;
    let ours: Vec<&EmbeddedFile> = files
        .iter()
        .filter(|f| [MAIN, PARENT, IMAGE].contains(&f.description.as_str()))
        .collect();
    let Some(main) = ours.iter().find(|f| f.description == MAIN) else {
        return Err(Error::Other(crate::i18n::t(
            "extract-no-source",
            &[("path", &pdf.display().to_string())],
        )));
    };
    let mut plan: BTreeMap<PathBuf, &[u8]> = BTreeMap::new();
    for f in &ours {
        let rel = safe_relative(&f.name).ok_or_else(|| {
            Error::Other(crate::i18n::t(
                "extract-bad-name",
                &[("path", &pdf.display().to_string()), ("name", &f.name)],
            ))
        })?;
        plan.insert(dir.join(rel), &f.data);
    }
    let marker = dir.join(PROJECT_MARKER);
    let several_folders = ours.iter().any(|f| f.name.contains('/'));
    if several_folders && !marker.exists() {
        plan.insert(marker, b"");
    }
    // Nothing is written through a symlink: not a folder under `dir`
    // (`dir/tinh -> /etc`), not the file itself.
    for path in plan.keys() {
        let rel = path.strip_prefix(dir).unwrap_or(path);
        let mut at = dir.to_path_buf();
        for c in rel.components() {
            at.push(c);
            if at
                .symlink_metadata()
                .is_ok_and(|m| m.file_type().is_symlink())
            {
                return Err(Error::Other(crate::i18n::t(
                    "embed-symlink",
                    &[("path", &at.display().to_string())],
                )));
            }
        }
    }
    let existing: Vec<String> = plan
        .keys()
        .filter(|p| p.symlink_metadata().is_ok())
        .map(|p| p.display().to_string())
        .collect();
    if !existing.is_empty() {
        return Err(Error::Other(crate::i18n::t(
            "extract-existing",
            &[("files", &existing.join(", "))],
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

/// `name` as a relative path without `..`, root or prefix, if it is one
/// of the names vanban writes: no hidden file or folder (`.bashrc`), no
/// control characters, a document or image extension.
fn safe_relative(name: &str) -> Option<PathBuf> {
    let p = Path::new(name);
    let ext = p
        .extension()
        .map(|e| e.to_string_lossy().to_lowercase())
        .unwrap_or_default();
    let ok = !name.is_empty()
        && name.len() <= 1024
        && !name.contains('\\')
        && !name.chars().any(char::is_control)
        && ["yaml", "yml", "png", "jpg", "jpeg", "svg"].contains(&ext.as_str())
        && p.components().all(|c| match c {
            Component::Normal(n) => !n.to_string_lossy().starts_with('.'),
            _ => false,
        });
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

/// Most files [`embedded_files`] reads from one PDF.
pub const MAX_EMBEDDED_FILES: usize = 1000;
/// Most bytes of one embedded file, decompressed.
pub const MAX_EMBEDDED_BYTES: u64 = 16 * 1024 * 1024;
/// Most bytes of all the embedded files of one PDF, decompressed.
pub const MAX_EMBEDDED_TOTAL: u64 = 64 * 1024 * 1024;
/// Largest PDF `extract` reads.
pub const MAX_PDF_BYTES: u64 = 512 * 1024 * 1024;

/// Every embedded file of a PDF (the `/EmbeddedFiles` name tree). The tree
/// is walked with a visited set (a node listing itself is read once), and
/// the files are bounded in number and size ([`MAX_EMBEDDED_FILES`],
/// [`MAX_EMBEDDED_BYTES`], [`MAX_EMBEDDED_TOTAL`]): a hostile PDF is an
/// error, never a memory exhaustion or a gigabyte written.
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
        let mut walk = Walk {
            doc: &doc,
            out: &mut out,
            seen: std::collections::HashSet::new(),
            total: 0,
        };
        walk.node(tree, 0)?;
    }
    Ok(out)
}

fn too_much(what: String) -> lopdf::Error {
    lopdf::Error::IO(std::io::Error::other(what))
}

/// A walk of the `/EmbeddedFiles` name tree.
struct Walk<'a> {
    doc: &'a lopdf::Document,
    out: &'a mut Vec<EmbeddedFile>,
    /// Nodes and file specifications already read (by object id).
    seen: std::collections::HashSet<lopdf::ObjectId>,
    /// Bytes read so far.
    total: u64,
}

impl Walk<'_> {
    fn node(&mut self, node: &lopdf::Dictionary, depth: usize) -> Result<(), lopdf::Error> {
        let doc = self.doc;
        if depth > 32 {
            return Ok(());
        }
        if let Ok(kids) = node
            .get_deref(b"Kids", doc)
            .and_then(lopdf::Object::as_array)
        {
            for kid in kids {
                let (id, kid) = doc.dereference(kid)?;
                if id.is_some_and(|id| !self.seen.insert(id)) {
                    continue;
                }
                self.node(kid.as_dict()?, depth + 1)?;
            }
        }
        if let Ok(names) = node
            .get_deref(b"Names", doc)
            .and_then(lopdf::Object::as_array)
        {
            for pair in names.chunks(2) {
                let [_, spec] = pair else { continue };
                let (id, spec) = doc.dereference(spec)?;
                if id.is_some_and(|id| !self.seen.insert(id)) {
                    continue;
                }
                if self.out.len() >= MAX_EMBEDDED_FILES {
                    return Err(too_much(crate::i18n::t(
                        "embed-too-many",
                        &[("max", &MAX_EMBEDDED_FILES.to_string())],
                    )));
                }
                let file = self.file(spec.as_dict()?)?;
                self.out.push(file);
            }
        }
        Ok(())
    }

    fn file(&mut self, spec: &lopdf::Dictionary) -> Result<EmbeddedFile, lopdf::Error> {
        let doc = self.doc;
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
        let limit = MAX_EMBEDDED_BYTES.min(MAX_EMBEDDED_TOTAL - self.total);
        let data = bounded_content(stream, limit)?;
        self.total += data.len() as u64;
        Ok(EmbeddedFile {
            name,
            description,
            mime,
            data,
        })
    }
}

/// The content of `stream`, decompressed (Flate, the only filter vanban
/// writes) into at most `limit` bytes.
fn bounded_content(stream: &lopdf::Stream, limit: u64) -> Result<Vec<u8>, lopdf::Error> {
    use std::io::Read;
    let over = || {
        too_much(crate::i18n::t(
            "embed-too-large",
            &[("limit", &limit.to_string())],
        ))
    };
    let data = match stream.dict.get(b"Filter") {
        Err(_) => stream.content.clone(),
        Ok(filter) => {
            let flate = match filter {
                lopdf::Object::Name(n) => n.as_slice() == b"FlateDecode",
                lopdf::Object::Array(a) => {
                    a.len() == 1 && a[0].as_name().is_ok_and(|n| n == b"FlateDecode")
                }
                _ => false,
            };
            if !flate || stream.dict.get(b"DecodeParms").is_ok() {
                return Err(too_much(crate::i18n::t("embed-filter", &[])));
            }
            let mut out = Vec::new();
            flate2::read::ZlibDecoder::new(stream.content.as_slice())
                .take(limit + 1)
                .read_to_end(&mut out)
                .map_err(lopdf::Error::IO)?;
            out
        }
    };
    if data.len() as u64 > limit {
        return Err(over());
    }
    Ok(data)
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
    fn attachments_are_the_texts_as_loaded_not_as_on_disk_now() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join(PROJECT_MARKER), "").unwrap();
        std::fs::create_dir(dir.path().join("tinh")).unwrap();
        let parent = "loai: cong_van\nco_quan: SỞ GIÁO DỤC VÀ ĐÀO TẠO\nky_hieu: SGDĐT\nngay: 2023-10-02\ntrich_yeu: Gốc\n";
        std::fs::write(dir.path().join("tinh/cv.yaml"), parent).unwrap();
        let child = dir.path().join("con.yaml");
        std::fs::write(&child, "extends: tinh/cv.yaml\ntrich_yeu: Con\n").unwrap();
        let loaded = crate::load::load(&child).unwrap();
        // Each source keeps its text and hash as read.
        let read = &loaded.sources[1];
        assert!(read.path.ends_with("tinh/cv.yaml"));
        assert_eq!(read.text, parent);
        // `printf '…' | sha256sum`
        assert_eq!(
            read.sha256,
            "ea119be412cdc3d1ce96d705c2331928af66265bd2c8cc3ddf6cfaf3d6ae11be"
        );
        // Changing the parent on disk after loading changes nothing.
        std::fs::write(dir.path().join("tinh/cv.yaml"), "loai: [\n").unwrap();
        let all = attachments(&loaded).unwrap();
        let names: Vec<&str> = all.iter().map(|a| a.name.as_str()).collect();
        assert_eq!(names, ["con.yaml", "tinh/cv.yaml"]);
        assert_eq!(all[1].text.as_deref(), Some(parent));
        assert_eq!(all[1].description, PARENT);
    }

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
            ".bashrc",
            "a/.git/config.yaml",
            ".an.yaml",
            "a\nb.yaml",
            "script.sh",
        ] {
            assert!(safe_relative(bad).is_none(), "{bad}");
        }
    }
}
