//! Reading documents: YAML text → [`VanBan`], with errors that point to
//! the file, line and column.

use std::path::{Path, PathBuf};

use crate::diag::{suggestion, Error, Located};
use crate::model::{Loai, VanBan};

/// Inputs larger than this are refused before parsing.
pub const MAX_BYTES: u64 = 4 * 1024 * 1024;

/// A document as loaded, with where it came from.
#[derive(Debug, Clone)]
pub struct Loaded {
    /// The YAML file.
    pub path: PathBuf,
    /// Its text.
    pub text: String,
    /// The typed document.
    pub doc: VanBan,
}

impl Loaded {
    /// The folder the document may read files from.
    pub fn root(&self) -> PathBuf {
        self.path
            .parent()
            .filter(|p| !p.as_os_str().is_empty())
            .map_or_else(|| PathBuf::from("."), Path::to_path_buf)
    }

    /// File name without extension (`ke-hoach` for `ke-hoach.yaml`).
    pub fn stem(&self) -> String {
        self.path
            .file_stem()
            .map_or_else(|| "van-ban".into(), |s| s.to_string_lossy().into_owned())
    }
}

/// Reads and types the document at `path`.
pub fn load(path: &Path) -> Result<Loaded, Error> {
    let meta = std::fs::metadata(path).map_err(|e| Error::io(path, e))?;
    if meta.len() > MAX_BYTES {
        return Err(Error::Other(format!(
            "{}: {} bytes is more than the {} bytes a document may have",
            path.display(),
            meta.len(),
            MAX_BYTES
        )));
    }
    let bytes = std::fs::read(path).map_err(|e| Error::io(path, e))?;
    let text =
        String::from_utf8(bytes).map_err(|e| Error::io(path, format!("not UTF-8 text ({e})")))?;
    let doc = parse(path, &text)?;
    Ok(Loaded {
        path: path.to_owned(),
        text,
        doc,
    })
}

/// Types `text` (the contents of `path`).
pub fn parse(path: &Path, text: &str) -> Result<VanBan, Error> {
    serde_yaml::from_str::<VanBan>(text).map_err(|e| yaml_error(path, text, &e))
}

/// A serde_yaml error as a located diagnostic.
pub fn yaml_error(path: &Path, text: &str, e: &serde_yaml::Error) -> Error {
    let mut message = e.to_string();
    // serde_yaml appends " at line L column C"; the excerpt shows that.
    if let Some(i) = message.find(" at line ") {
        message.truncate(i);
    }
    let mut help = suggestion(&message);
    if message.starts_with("unknown variant") && message.contains("cong_van") {
        let kinds: Vec<String> = Loai::ALL.iter().map(|k| k.key()).collect();
        message = format!("{message}\n  known kinds: {}", kinds.join(", "));
    }
    if message.starts_with("missing field") {
        help = help.or_else(|| Some("add this key to the document".into()));
    }
    let (line, column) = e.location().map_or((1, 1), |l| (l.line(), l.column()));
    Error::Source(Located {
        path: path.to_owned(),
        text: text.to_owned(),
        line,
        column,
        message,
        help,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn err(yaml: &str) -> String {
        match parse(Path::new("t.yaml"), yaml).unwrap_err() {
            Error::Source(l) => format!("{}:{}: {} {:?}", l.line, l.column, l.message, l.help),
            other => panic!("{other}"),
        }
    }

    #[test]
    fn unknown_key_has_location_and_suggestion() {
        let e = err("loai: ke_hoach\ntrich_yue: x\n");
        assert!(e.starts_with("2:1: unknown field `trich_yue`"), "{e}");
        assert!(e.contains("did you mean `trich_yeu`"), "{e}");
    }

    #[test]
    fn impossible_date_is_located() {
        let e = err("loai: ke_hoach\nngay: 2023-02-30\n");
        assert!(
            e.starts_with("2:7: `2023-02-30`: day 30 does not exist"),
            "{e}"
        );
    }

    #[test]
    fn unknown_kind_lists_kinds() {
        let e = err("loai: cong_vn\n");
        assert!(e.contains("known kinds: cong_van, ke_hoach"), "{e}");
        assert!(e.contains("did you mean `cong_van`"), "{e}");
    }
}
