//! Reading files: the project folder, paths written in a document, text
//! with a size limit, and YAML text into a value.

use std::path::{Path, PathBuf};

use serde_yaml::Value;
use sha2::{Digest, Sha256};

use super::problems::yaml_error;
use crate::diag::{Error, Message, MessageId};
use crate::world::Refused;

/// Inputs larger than this are refused before parsing.
pub const MAX_BYTES: u64 = 4 * 1024 * 1024;

/// One file a document is built from, as it was read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Source {
    /// Its canonical path.
    pub path: PathBuf,
    /// Its text.
    pub text: String,
    /// SHA-256 of the text, in hexadecimal.
    pub sha256: String,
}

impl Source {
    /// The source at `path` with `text`.
    pub fn new(path: PathBuf, text: String) -> Self {
        let sha256 = Sha256::digest(text.as_bytes())
            .iter()
            .map(|b| format!("{b:02x}"))
            .collect();
        Self { path, text, sha256 }
    }
}

/// Folders declared to be projects for this process ([`declare_project`]).
static DECLARED: std::sync::RwLock<Vec<PathBuf>> = std::sync::RwLock::new(Vec::new());

/// What makes a project folder, for messages that refuse a file outside it.
pub const WHAT_IS_A_PROJECT: &str = "the project folder is the folder given to `vanban serve`      (or to `build`/`check`), else the nearest folder above the document holding a      `vanban.toml` file (it may be empty) or `.git`, else the document's own folder;      put an empty `vanban.toml` in the folder that holds all the documents that use each other";

/// Makes `dir` the project folder of every document under it, for the rest
/// of the process: what `vanban serve DIR` (and `build`/`check` of a folder
/// no marker governs) means by "these documents use each other". Nothing
/// outside it is read for them.
pub fn declare_project(dir: &Path) {
    let dir = dir.canonicalize().unwrap_or_else(|_| dir.to_path_buf());
    let mut declared = DECLARED.write().unwrap_or_else(|e| e.into_inner());
    if !declared.contains(&dir) {
        declared.push(dir);
    }
}

/// The project folder of a document: the deepest declared folder
/// ([`declare_project`]) holding it, else the nearest ancestor holding a
/// `vanban.toml` or `.git`, else the document's own folder. Every file a
/// document refers to must resolve inside it.
pub fn project_root(doc: &Path) -> PathBuf {
    let dir = doc
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .map_or_else(|| PathBuf::from("."), Path::to_path_buf);
    let dir = dir.canonicalize().unwrap_or(dir);
    let declared = DECLARED.read().unwrap_or_else(|e| e.into_inner());
    if let Some(root) = declared
        .iter()
        .filter(|d| dir.starts_with(d))
        .max_by_key(|d| d.components().count())
    {
        return root.clone();
    }
    marked_root(&dir).unwrap_or(dir)
}

/// The nearest folder from `dir` up holding a `vanban.toml` or `.git`.
pub fn marked_root(dir: &Path) -> Option<PathBuf> {
    dir.ancestors()
        .find(|a| a.join("vanban.toml").is_file() || a.join(".git").exists())
        .map(Path::to_path_buf)
}

/// Declares each folder of `inputs` that no marker governs
/// ([`marked_root`]) a project ([`declare_project`]): the documents under a
/// folder given to `build` or `check` use each other.
pub fn declare_unmarked(inputs: &[PathBuf]) {
    for p in inputs.iter().filter(|p| p.is_dir()) {
        let dir = p.canonicalize().unwrap_or_else(|_| p.clone());
        if marked_root(&dir).is_none() {
            declare_project(&dir);
        }
    }
}

/// Reads a file as UTF-8 text, refusing oversized input.
/// Only regular files (or symlinks to them) are read: a device, a FIFO or
/// a folder is refused by its type before it is opened, and no more than
/// [`MAX_BYTES`] + 1 bytes are read whatever the size the file claims.
pub fn read_text(path: &Path) -> Result<String, Error> {
    let bytes = read_limited(path, MAX_BYTES)
        .map_err(|m| Error::Other(format!("{}: {m}", path.display())))?;
    String::from_utf8(bytes).map_err(|e| Error::io(path, format!("not UTF-8 text ({e})")))
}

/// The bytes of the regular file at `path`, at most `limit` of them; a
/// message (Vietnamese first) for anything else.
pub fn read_limited(path: &Path, limit: u64) -> Result<Vec<u8>, String> {
    use std::io::Read;
    let meta = std::fs::metadata(path).map_err(|e| e.to_string())?;
    if !meta.is_file() {
        return Err(super::limits::message("file-type", "", path.display()).to_string());
    }
    let too_big = || super::limits::message("file-size", limit, path.display()).to_string();
    if meta.len() > limit {
        return Err(too_big());
    }
    let file = std::fs::File::open(path).map_err(|e| e.to_string())?;
    let mut bytes = Vec::with_capacity(meta.len() as usize);
    file.take(limit + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| e.to_string())?;
    if bytes.len() as u64 > limit {
        return Err(too_big());
    }
    Ok(bytes)
}

/// The error for a file of `bytes` bytes, more than [`MAX_BYTES`].
fn too_large(path: &Path, bytes: u64) -> Error {
    let m = Message::new(
        MessageId::TooLarge,
        &[("bytes", bytes.to_string()), ("max", MAX_BYTES.to_string())],
    );
    Error::Other(format!("{}: {m}", path.display()))
}

/// Refuses a text larger than [`MAX_BYTES`].
pub(super) fn check_size(path: &Path, len: usize) -> Result<(), Error> {
    if len as u64 > MAX_BYTES {
        return Err(too_large(path, len as u64));
    }
    Ok(())
}

/// Parses YAML text into a value, with located syntax errors.
pub fn parse_value(path: &Path, text: &str) -> Result<Value, Error> {
    super::limits::check_expanded(path, text)?;
    let mut v: Value = serde_yaml::from_str(text).map_err(|e| yaml_error(path, text, &e))?;
    compose(&mut v);
    match v {
        Value::Mapping(_) => Ok(v),
        Value::Null => Err(Error::Other(format!(
            "{}: {}",
            path.display(),
            Message::bare(MessageId::DocumentEmpty)
        ))),
        _ => Err(Error::Other(format!(
            "{}: {}",
            path.display(),
            Message::bare(MessageId::DocumentNotKeys)
        ))),
    }
}

/// Resolves a path written in the document at `from`, refusing anything
/// outside the project folder.
pub fn resolve_ref(from: &Path, rel: &str) -> Result<PathBuf, Error> {
    in_project(from, rel, "")
        .map(|(real, _)| real)
        .map_err(|m| Error::Other(format!("{}: {}", from.display(), Message::display_text(&m))))
}

/// Resolves `rel`, written in the document at `from` (so relative to its
/// folder), following symlinks; refuses anything whose real place is not
/// inside the project folder. Returns the real path and the project folder.
/// `what` names the kind of file in messages (`image`, or empty); the
/// error is an encoded [`Message`].
pub fn in_project(from: &Path, rel: &str, what: &str) -> Result<(PathBuf, PathBuf), String> {
    let what = if what.is_empty() { "file" } else { what };
    let root = project_root(from);
    let dir = from
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    let joined = dir.join(rel);
    let absolute = std::path::absolute(&joined).unwrap_or_else(|_| joined.clone());
    match crate::world::inside(&root, absolute) {
        Ok(real) => Ok((real, root)),
        Err(Refused::Unresolved(e)) => Err(Message::new(
            MessageId::RefCannotOpen,
            &[
                ("what", what.to_owned()),
                ("path", rel.to_owned()),
                ("full", joined.display().to_string()),
                ("reason", crate::i18n::io_reason(&e)),
            ],
        )
        .encoded()),
        Err(Refused::Outside) => Err(Message::new(
            MessageId::RefOutside,
            &[
                ("what", what.to_owned()),
                ("path", rel.to_owned()),
                ("root", root.display().to_string()),
            ],
        )
        .encoded()),
    }
}

/// Brings every text to Unicode's composed form (NFC), the form Vietnamese
/// text must take (TCVN 6909:2001): a document typed with combining accents
/// ("Unicode tổ hợp") prints and searches like one typed precomposed.
fn compose(v: &mut Value) {
    use unicode_normalization::UnicodeNormalization;
    match v {
        Value::String(s) if !unicode_normalization::is_nfc(s) => *s = s.nfc().collect(),
        Value::Sequence(items) => items.iter_mut().for_each(compose),
        Value::Mapping(m) => m.iter_mut().for_each(|(_, v)| compose(v)),
        Value::Tagged(t) => compose(&mut t.value),
        _ => {}
    }
}
