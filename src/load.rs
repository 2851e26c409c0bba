//! Reading documents: YAML text → inheritance (`extends`) → templated text
//! (`{{ nam }}`) → [`VanBan`], with errors that point to the file, line and
//! column.
//!
//! Inheritance: a child names its parent with `extends: ../tinh/kh.yaml`.
//! Maps merge deeply, the child winning. A list whose child items carry an
//! `id` merges item by item: an item with a known `id` replaces the parent's
//! (`xoa: true` removes it), a new one is inserted `sau: <id>` (after),
//! `truoc: <id>` (before) or at the end. A list without ids replaces the
//! parent's list. The register data of the parent (`so`, `ngay`,
//! `dong_ngay`, `thuc_hien`, `mo_dau`) is not inherited: a derived document
//! is a new document, and by default it cites its parent.

use std::path::{Path, PathBuf};

use serde_yaml::{Mapping, Value};

use crate::diag::{suggestion, Error, Located};
use crate::model::{Loai, VanBan};

/// Inputs larger than this are refused before parsing.
pub const MAX_BYTES: u64 = 4 * 1024 * 1024;
/// Longest `extends` chain.
const MAX_DEPTH: usize = 16;
/// Keys a child never inherits from its parent.
const OWN_KEYS: [&str; 5] = ["so", "ngay", "dong_ngay", "thuc_hien", "mo_dau"];
/// Keys of list items that steer merging; removed before typing.
const DIRECTIVES: [&str; 4] = ["id", "xoa", "sau", "truoc"];

/// A document as loaded, with where it came from.
#[derive(Debug, Clone)]
pub struct Loaded {
    /// The YAML file.
    pub path: PathBuf,
    /// Its text.
    pub text: String,
    /// The typed document (parents merged, templates rendered, citations
    /// resolved).
    pub doc: VanBan,
    /// The files it was built from: this file first, then its parents.
    pub sources: Vec<PathBuf>,
}

impl Loaded {
    /// The folder the document may read files from.
    pub fn root(&self) -> PathBuf {
        project_root(&self.path)
    }

    /// File name without extension (`ke-hoach` for `ke-hoach.yaml`).
    pub fn stem(&self) -> String {
        self.path
            .file_stem()
            .map_or_else(|| "van-ban".into(), |s| s.to_string_lossy().into_owned())
    }
}

/// The project folder of a document: the nearest ancestor holding a
/// `vanban.toml` or `.git`, else the document's own folder. Every file a
/// document refers to must resolve inside it.
pub fn project_root(doc: &Path) -> PathBuf {
    let dir = doc
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .map_or_else(|| PathBuf::from("."), Path::to_path_buf);
    let dir = dir.canonicalize().unwrap_or(dir);
    for a in dir.ancestors() {
        if a.join("vanban.toml").is_file() || a.join(".git").exists() {
            return a.to_path_buf();
        }
    }
    dir
}

/// Reads a file as UTF-8 text, refusing oversized input.
pub fn read_text(path: &Path) -> Result<String, Error> {
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
    String::from_utf8(bytes).map_err(|e| Error::io(path, format!("not UTF-8 text ({e})")))
}

/// Reads, merges, renders and types the document at `path`.
pub fn load(path: &Path) -> Result<Loaded, Error> {
    let text = read_text(path)?;
    load_text(path, text)
}

/// Like [`load`], with `text` standing for the contents of `path` (an
/// edit not saved yet); `path` must exist, its parents are read from disk.
pub fn load_text(path: &Path, text: String) -> Result<Loaded, Error> {
    if text.len() as u64 > MAX_BYTES {
        return Err(Error::Other(format!(
            "{}: {} bytes is more than the {} bytes a document may have",
            path.display(),
            text.len(),
            MAX_BYTES
        )));
    }
    let mut sources = Vec::new();
    let merged = merged_value_of(path, Some(&text), &mut sources)?;
    let doc = finish(path, &text, merged)?;
    Ok(Loaded {
        path: path.to_owned(),
        text,
        doc,
        sources,
    })
}

/// Types `text` (the contents of `path`) without inheritance or templates.
pub fn parse(path: &Path, text: &str) -> Result<VanBan, Error> {
    serde_yaml::from_str::<VanBan>(text).map_err(|e| yaml_error(path, text, &e))
}

/// Parses YAML text into a value, with located syntax errors.
pub fn parse_value(path: &Path, text: &str) -> Result<Value, Error> {
    let v: Value = serde_yaml::from_str(text).map_err(|e| yaml_error(path, text, &e))?;
    match v {
        Value::Mapping(_) => Ok(v),
        Value::Null => Err(Error::Other(format!(
            "{}: the document is empty",
            path.display()
        ))),
        _ => Err(Error::Other(format!(
            "{}: a document must be a map of keys (`loai:`, `co_quan:`, …)",
            path.display()
        ))),
    }
}

/// The document's value with all its parents merged in (not yet rendered).
pub fn merged_value(path: &Path, chain: &mut Vec<PathBuf>) -> Result<Value, Error> {
    merged_value_of(path, None, chain)
}

/// [`merged_value`], with `text` (if given) instead of the file's contents.
fn merged_value_of(
    path: &Path,
    text: Option<&str>,
    chain: &mut Vec<PathBuf>,
) -> Result<Value, Error> {
    let canon = path.canonicalize().map_err(|e| Error::io(path, e))?;
    if let Some(i) = chain.iter().position(|p| p == &canon) {
        let cycle: Vec<String> = chain[i..]
            .iter()
            .chain(std::iter::once(&canon))
            .map(|p| p.display().to_string())
            .collect();
        return Err(Error::Other(format!(
            "`extends` forms a cycle: {}",
            cycle.join(" → ")
        )));
    }
    if chain.len() >= MAX_DEPTH {
        return Err(Error::Other(format!(
            "{}: `extends` chain longer than {MAX_DEPTH} documents",
            path.display()
        )));
    }
    let text = match text {
        Some(t) => t.to_owned(),
        None => read_text(path)?,
    };
    let mut value = parse_value(path, &text)?;
    let parent = value
        .get("extends")
        .and_then(Value::as_str)
        .map(str::to_owned);
    chain.push(canon);
    let Some(parent) = parent else {
        return Ok(value);
    };
    let parent_path = resolve_ref(path, &parent)?;
    let mut base = merged_value(&parent_path, chain)?;
    if let Value::Mapping(m) = &mut base {
        for k in OWN_KEYS {
            m.remove(k);
        }
    }
    // A derived document cites its parent unless it says otherwise.
    if let Value::Mapping(m) = &mut value {
        if !m.contains_key("thuc_hien") {
            m.insert(
                "thuc_hien".into(),
                Value::Sequence(vec![Value::String(parent.clone())]),
            );
        }
    }
    merge(&mut base, value);
    Ok(base)
}

/// Resolves a path written in the document at `from`, refusing anything
/// outside the project folder.
pub fn resolve_ref(from: &Path, rel: &str) -> Result<PathBuf, Error> {
    let root = project_root(from);
    let dir = from
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    let joined = dir.join(rel);
    let real = joined.canonicalize().map_err(|e| {
        Error::Other(format!(
            "{}: cannot open `{rel}` ({}): {e}",
            from.display(),
            joined.display()
        ))
    })?;
    if !real.starts_with(&root) {
        return Err(Error::Other(format!(
            "{}: `{rel}` is outside the project folder `{}`",
            from.display(),
            root.display()
        )));
    }
    Ok(real)
}

/// Deep merge of `child` into `base`.
pub fn merge(base: &mut Value, child: Value) {
    match (base, child) {
        (Value::Mapping(b), Value::Mapping(c)) => {
            for (k, v) in c {
                match b.get_mut(&k) {
                    Some(slot) => merge(slot, v),
                    None => {
                        b.insert(k, v);
                    }
                }
            }
        }
        (Value::Sequence(b), Value::Sequence(c)) if c.iter().any(|i| item_id(i).is_some()) => {
            merge_by_id(b, c);
        }
        (slot, v) => *slot = v,
    }
}

fn item_id(v: &Value) -> Option<&str> {
    v.as_mapping()?.get("id")?.as_str()
}

fn directive<'a>(v: &'a Value, key: &str) -> Option<&'a Value> {
    v.as_mapping()?.get(key)
}

fn merge_by_id(base: &mut Vec<Value>, child: Vec<Value>) {
    for item in child {
        let Some(id) = item_id(&item).map(str::to_owned) else {
            base.push(item);
            continue;
        };
        let pos = base.iter().position(|b| item_id(b) == Some(id.as_str()));
        let remove = directive(&item, "xoa")
            .and_then(Value::as_bool)
            .unwrap_or(false);
        match pos {
            Some(i) if remove => {
                base.remove(i);
            }
            Some(i) => base[i] = item,
            None if remove => {}
            None => {
                let anchor = |key: &str| {
                    let target = directive(&item, key)?.as_str()?;
                    base.iter().position(|b| item_id(b) == Some(target))
                };
                let at = anchor("sau").map(|i| i + 1).or_else(|| anchor("truoc"));
                match at {
                    Some(i) => base.insert(i, item),
                    None => base.push(item),
                }
            }
        }
    }
}

/// Removes merge directives from list items.
fn strip_directives(v: &mut Value) {
    match v {
        Value::Sequence(items) => {
            for it in items {
                if let Value::Mapping(m) = it {
                    for k in DIRECTIVES {
                        m.remove(k);
                    }
                }
                strip_directives(it);
            }
        }
        Value::Mapping(m) => {
            for (_, v) in m.iter_mut() {
                strip_directives(v);
            }
        }
        _ => {}
    }
}

/// Renders templates in the data, types it, and resolves citations.
fn finish(path: &Path, text: &str, mut merged: Value) -> Result<VanBan, Error> {
    strip_directives(&mut merged);
    let vars = variables(&merged);
    crate::render::render_data(&mut merged, &vars).map_err(|(e, tmpl)| {
        // Point at the line of the file that holds the failing template.
        let first = tmpl.lines().next().unwrap_or("");
        let line = text.lines().position(|l| l.contains(first));
        let message = format!(
            "in a template of the text: {}",
            e.detail().unwrap_or(&e.to_string())
        );
        match line {
            Some(i) => Error::Source(Located {
                path: path.to_owned(),
                text: text.to_owned(),
                line: i + 1,
                column: text
                    .lines()
                    .nth(i)
                    .and_then(|l| l.find("{{").or_else(|| l.find("{%")))
                    .map_or(1, |b| {
                        text.lines().nth(i).unwrap_or("")[..b].chars().count() + 1
                    }),
                message,
                help: Some("variables come from `bien:` (and `nam`, the document's year)".into()),
            }),
            None => Error::Other(format!("{}: {message}", path.display())),
        }
    })?;
    let mut doc: VanBan = serde_yaml::from_value(merged).map_err(|e| {
        // Prefer a located error from the file's own text when it has one.
        match serde_yaml::from_str::<VanBan>(text) {
            Err(own) => yaml_error(path, text, &own),
            Ok(_) => Error::Other(format!("{}: {}", path.display(), e)),
        }
    })?;
    let mut cited = Vec::new();
    for entry in std::mem::take(&mut doc.thuc_hien) {
        if entry.ends_with(".yaml") || entry.ends_with(".yml") {
            let target = resolve_ref(path, &entry)?;
            let parent = load(&target)?;
            cited.push(crate::render::citation(&parent.doc));
        } else {
            cited.push(entry);
        }
    }
    doc.thuc_hien = cited;
    Ok(doc)
}

fn strip_location(m: &str) -> String {
    m.split(" at line ").next().unwrap_or(m).to_owned()
}

/// Variables visible to templates in the data: every key of `bien` at the
/// top level, `bien` itself, and `nam` (the document's year) by default.
fn variables(v: &Value) -> Mapping {
    let mut vars = Mapping::new();
    if let Some(Value::Mapping(b)) = v.get("bien") {
        for (k, val) in b {
            vars.insert(k.clone(), val.clone());
        }
        vars.insert("bien".into(), Value::Mapping(b.clone()));
    }
    if !vars.contains_key("nam") {
        let year = v.get("ngay").and_then(|n| match n {
            Value::String(s) => crate::vndate::Ngay::parse(s).ok().map(|d| d.nam),
            Value::Number(n) => n.as_i64().map(|y| y as i32),
            _ => None,
        });
        if let Some(y) = year {
            vars.insert("nam".into(), Value::Number(y.into()));
        }
    }
    vars
}

/// A serde_yaml error as a located diagnostic.
pub fn yaml_error(path: &Path, text: &str, e: &serde_yaml::Error) -> Error {
    let mut message = strip_location(&e.to_string());
    let mut help = suggestion(&message);
    if message.contains("unknown variant") && message.contains("`cong_van`") {
        let kinds: Vec<String> = Loai::ALL.iter().map(|k| k.key()).collect();
        message = format!("{message}\n  known kinds: {}", kinds.join(", "));
    }
    if message.contains("missing field") {
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
            e.starts_with("2:7: ngay: `2023-02-30`: day 30 does not exist"),
            "{e}"
        );
    }

    #[test]
    fn unknown_kind_lists_kinds() {
        let e = err("loai: cong_vn\n");
        assert!(e.contains("known kinds: cong_van, ke_hoach"), "{e}");
        assert!(e.contains("did you mean `cong_van`"), "{e}");
    }

    fn y(s: &str) -> Value {
        serde_yaml::from_str(s).unwrap()
    }

    #[test]
    fn maps_merge_deeply_and_lists_by_id() {
        let mut base =
            y("a: {b: 1, c: 2}\nl: [{id: x, v: 1}, {id: y, v: 2}, {id: z, v: 3}]\nplain: [1, 2]");
        let child = y("a: {c: 3}\nl: [{id: y, v: 20}, {id: z, xoa: true}, {id: w, v: 0, truoc: x}, {id: v, v: 9, sau: x}]\nplain: [3]");
        merge(&mut base, child);
        assert_eq!(base["a"], y("{b: 1, c: 3}"));
        let ids: Vec<&str> = base["l"]
            .as_sequence()
            .unwrap()
            .iter()
            .filter_map(item_id)
            .collect();
        assert_eq!(ids, ["w", "x", "v", "y"]);
        assert_eq!(base["l"][3]["v"], y("20"));
        assert_eq!(base["plain"], y("[3]"));
    }
}
