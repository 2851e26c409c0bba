//! The address book (sổ địa chỉ): `so-dia-chi.yaml` in the project folder
//! lists the recipients an office writes to, once, with their full names,
//! their 13-character organisation codes (mã định danh) where known, and
//! the groups they belong to:
//!
//! ```yaml
//! so-gddt:
//!   ten: Sở Giáo dục và Đào tạo tỉnh Bắc Giang
//!   ma_dinh_danh: 000.00.12.H06
//!   nhom: [cap-tren]
//! thpt-hiep-hoa-1: Trường THPT Hiệp Hòa số 1   # only the name
//! ```
//!
//! A `kinh_gui` or `noi_nhan` item `"@so-gddt"` stands for the entry's
//! full name; `"@cap-tren"` for every entry of the group; text after the
//! key is kept (`"@so-gddt (để b/c)"`). `@` cannot start a plain YAML
//! text, so a reference is always quoted and never mistaken for ordinary
//! text. References are resolved when the document loads, so the layout,
//! the checks and the register all see the real names.

use std::path::{Path, PathBuf};

use serde::Deserialize;
use serde_yaml::Value;

use super::problems::located;
use super::read::{parse_value, read_text, Source};
use crate::diag::{Diagnostic, Error, Message, MessageId};
use crate::locate::{Place, Positions, Step};

/// The address book's file name, in the project folder.
pub const FILE: &str = "so-dia-chi.yaml";

/// One recipient of the address book.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Entry {
    /// Its key (`so-gddt`).
    pub key: String,
    /// Full name, as printed (`Sở Giáo dục và Đào tạo tỉnh Bắc Giang`).
    pub ten: String,
    /// Organisation code (mã định danh), `000.00.12.H06`.
    pub ma_dinh_danh: Option<String>,
    /// Postal address.
    pub dia_chi: Option<String>,
    /// The groups it belongs to.
    pub nhom: Vec<String>,
}

/// An entry as written: its name alone, or its fields.
#[derive(Debug, Deserialize)]
#[serde(untagged)]
enum Written {
    Name(String),
    Fields(Fields),
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Fields {
    ten: String,
    #[serde(default)]
    ma_dinh_danh: Option<String>,
    #[serde(default)]
    dia_chi: Option<String>,
    #[serde(default, deserialize_with = "one_or_many")]
    nhom: Vec<String>,
}

fn one_or_many<'de, D: serde::Deserializer<'de>>(d: D) -> Result<Vec<String>, D::Error> {
    #[derive(Deserialize)]
    #[serde(untagged)]
    enum OneOrMany {
        One(String),
        Many(Vec<String>),
    }
    Ok(match OneOrMany::deserialize(d)? {
        OneOrMany::One(s) => vec![s],
        OneOrMany::Many(v) => v,
    })
}

/// The address book of a project.
#[derive(Debug, Clone)]
pub struct AddressBook {
    /// Its file (canonical).
    pub path: PathBuf,
    /// Its text.
    pub text: String,
    /// Its entries, in the order of the file.
    pub entries: Vec<Entry>,
}

/// Whether `key` is a valid key or group name: lower-case ASCII letters,
/// digits, `-` and `_`, starting with a letter or digit.
fn valid_key(key: &str) -> bool {
    key.starts_with(|c: char| c.is_ascii_lowercase() || c.is_ascii_digit())
        && key
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-' || c == '_')
}

/// Whether `code` is an organisation code (mã định danh điện tử, Quyết
/// định 20/2020/QĐ-TTg): 13 characters `NNN.NN.NN.XNN`, digits but for one
/// upper-case letter, e.g. `000.00.12.H06`.
pub fn valid_code(code: &str) -> bool {
    let b = code.as_bytes();
    b.len() == 13
        && b.iter().enumerate().all(|(i, &c)| match i {
            3 | 6 | 9 => c == b'.',
            10 => c.is_ascii_uppercase(),
            _ => c.is_ascii_digit(),
        })
}

/// A reference in a recipient: `@key` and the text after it. Any item
/// starting with `@` is one (a key that does not exist is an error, not
/// text printed with its `@`).
pub fn reference(item: &str) -> Option<(&str, &str)> {
    let rest = item.trim().strip_prefix('@')?;
    let end = rest.find(char::is_whitespace).unwrap_or(rest.len());
    Some(rest.split_at(end))
}

fn error_at(path: &Path, text: &str, place: Option<Place>, message: Message) -> Diagnostic {
    let place = place.unwrap_or(Place { line: 1, column: 1 });
    Diagnostic::error(path, text, place.line, place.column, message)
}

impl AddressBook {
    /// The address book of the project folder `root`, if it has one.
    pub fn load(root: &Path) -> Result<Option<AddressBook>, Error> {
        let path = root.join(FILE);
        if !path.exists() {
            return Ok(None);
        }
        let path = path.canonicalize().map_err(|e| Error::io(&path, e))?;
        // A link to a book outside the project is refused, as any file.
        let real_root = root.canonicalize().unwrap_or_else(|_| root.to_owned());
        if !path.starts_with(&real_root) {
            return Err(Error::Other(
                Message::new(
                    MessageId::RefOutside,
                    &[
                        ("what", "file".to_owned()),
                        ("path", FILE.to_owned()),
                        ("root", real_root.display().to_string()),
                    ],
                )
                .to_string(),
            ));
        }
        let text = read_text(&path)?;
        Self::parse(&path, text).map(Some)
    }

    /// The address book in `text`, standing for the file `path`.
    pub fn parse(path: &Path, text: String) -> Result<AddressBook, Error> {
        let value = parse_value(path, &text)?;
        let positions = Positions::of(&text);
        let mut entries: Vec<Entry> = Vec::new();
        let Value::Mapping(map) = value else {
            unreachable!("parse_value gives a map");
        };
        for (k, v) in map {
            let key = match &k {
                Value::String(s) => s.clone(),
                other => serde_yaml::to_string(other)
                    .unwrap_or_default()
                    .trim()
                    .to_owned(),
            };
            let at = vec![Step::Key(key.clone())];
            if !valid_key(&key) {
                return Err(error_at(
                    path,
                    &text,
                    positions.key(&at),
                    Message::new(MessageId::AddressBadKey, &[("key", key)]),
                )
                .into());
            }
            let written: Result<Written, _> = serde_path_to_error::deserialize(v.clone());
            let fields = match written {
                Ok(Written::Name(ten)) => Fields {
                    ten,
                    ma_dinh_danh: None,
                    dia_chi: None,
                    nhom: Vec::new(),
                },
                Ok(Written::Fields(f)) => f,
                Err(_) => {
                    // Untagged enums hide the reason: type the fields
                    // again for a located message.
                    let e = serde_path_to_error::deserialize::<_, Fields>(v)
                        .err()
                        .map(|e| {
                            let mut inner = at.clone();
                            inner.extend(crate::locate::from_serde(e.path()));
                            located(path, &text, &positions, &inner, &e.inner().to_string())
                        });
                    return Err(e.unwrap_or_else(|| {
                        error_at(
                            path,
                            &text,
                            positions.value(&at),
                            Message::new(MessageId::AddressNoName, &[("key", key.clone())]),
                        )
                        .into()
                    }));
                }
            };
            let field = |name: &str| {
                let mut p = at.clone();
                p.push(Step::Key(name.into()));
                p
            };
            if fields.ten.trim().is_empty() {
                return Err(error_at(
                    path,
                    &text,
                    positions.value(&field("ten")),
                    Message::new(MessageId::AddressNoName, &[("key", key)]),
                )
                .into());
            }
            if let Some(code) = &fields.ma_dinh_danh {
                if !valid_code(code.trim()) {
                    return Err(error_at(
                        path,
                        &text,
                        positions.value(&field("ma_dinh_danh")),
                        Message::new(
                            MessageId::AddressBadCode,
                            &[
                                ("key", key),
                                ("value", code.clone()),
                                ("length", code.trim().chars().count().to_string()),
                            ],
                        ),
                    )
                    .into());
                }
            }
            for (i, g) in fields.nhom.iter().enumerate() {
                let mut p = field("nhom");
                p.push(Step::Index(i));
                if !valid_key(g) {
                    return Err(error_at(
                        path,
                        &text,
                        positions.value(&p),
                        Message::new(MessageId::AddressBadKey, &[("key", g.clone())]),
                    )
                    .into());
                }
            }
            entries.push(Entry {
                key,
                ten: fields.ten.trim().to_owned(),
                ma_dinh_danh: fields.ma_dinh_danh.map(|c| c.trim().to_owned()),
                dia_chi: fields.dia_chi,
                nhom: fields.nhom,
            });
        }
        // A group named like an entry would make `@name` ambiguous.
        for e in &entries {
            for (i, g) in e.nhom.iter().enumerate() {
                if entries.iter().any(|o| &o.key == g) {
                    let at = [
                        Step::Key(e.key.clone()),
                        Step::Key("nhom".into()),
                        Step::Index(i),
                    ];
                    return Err(error_at(
                        path,
                        &text,
                        positions.value(&at),
                        Message::new(MessageId::AddressGroupClash, &[("key", g.clone())]),
                    )
                    .into());
                }
            }
        }
        Ok(AddressBook {
            path: path.to_owned(),
            text,
            entries,
        })
    }

    /// The entry `key`.
    pub fn entry(&self, key: &str) -> Option<&Entry> {
        self.entries.iter().find(|e| e.key == key)
    }

    /// The entries of the group `name`, in the order of the file.
    pub fn group(&self, name: &str) -> Vec<&Entry> {
        self.entries
            .iter()
            .filter(|e| e.nhom.iter().any(|g| g == name))
            .collect()
    }

    /// The entries `key` stands for: the entry, or the group's entries.
    pub fn lookup(&self, key: &str) -> Vec<&Entry> {
        match self.entry(key) {
            Some(e) => vec![e],
            None => self.group(key),
        }
    }

    /// Every key and group name, for suggestions.
    fn names(&self) -> Vec<&str> {
        let mut out: Vec<&str> = self.entries.iter().map(|e| e.key.as_str()).collect();
        for e in &self.entries {
            for g in &e.nhom {
                if !out.contains(&g.as_str()) {
                    out.push(g);
                }
            }
        }
        out
    }

    /// The closest key or group name to `key`.
    pub fn closest(&self, key: &str) -> Option<&str> {
        self.names()
            .into_iter()
            .map(|k| (strsim::jaro_winkler(key, k), k))
            .filter(|(score, _)| *score > 0.7)
            .max_by(|a, b| a.0.total_cmp(&b.0))
            .map(|(_, k)| k)
    }
}

/// The file, its text and its positions for a path of a merged document.
pub(super) type Holder<'a> = dyn Fn(&[Step]) -> (PathBuf, String, Positions) + 'a;

/// A reference that could not be resolved: where it is and why.
struct Unresolved {
    at: Vec<Step>,
    key: String,
}

/// Replaces every `@key` of `kinh_gui` and `noi_nhan` in `doc` (and in
/// its attached forms, `phu_luc[].mau`) by the full names of the address
/// book of the project folder `root`. `holder` gives the file, its text
/// and its positions for a path of the merged document (the document or
/// the parent that holds it). Returns the address book's source when it
/// was used.
pub(super) fn resolve(
    root: &Path,
    doc: &mut Value,
    holder: &Holder<'_>,
) -> Result<Option<Source>, Error> {
    let mut refs = Vec::new();
    collect(doc, &mut Vec::new(), &mut refs);
    if refs.is_empty() {
        return Ok(None);
    }
    let book = AddressBook::load(root)?;
    let unknown = |u: &Unresolved, book: Option<&AddressBook>| -> Error {
        let (p, t, pos) = holder(&u.at);
        let place = pos.value(&u.at);
        let mut d = match book {
            None => error_at(
                &p,
                &t,
                place,
                Message::new(
                    MessageId::AddressNoBook,
                    &[
                        ("key", u.key.clone()),
                        ("file", root.join(FILE).display().to_string()),
                    ],
                ),
            ),
            Some(b) => {
                let d = error_at(
                    &p,
                    &t,
                    place,
                    Message::new(
                        MessageId::AddressUnknown,
                        &[
                            ("key", u.key.clone()),
                            ("file", b.path.display().to_string()),
                        ],
                    ),
                );
                match b.closest(&u.key) {
                    Some(k) => d.with_hint(Message::new(
                        MessageId::DidYouMean,
                        &[("key", format!("@{k}"))],
                    )),
                    None => d,
                }
            }
        };
        if book.is_none() {
            d = d.with_hint(Message::bare(MessageId::AddressHowTo));
        }
        d.into()
    };
    let Some(book) = book else {
        return Err(unknown(&refs[0], None));
    };
    if let Some(u) = refs.iter().find(|u| book.lookup(&u.key).is_empty()) {
        return Err(unknown(u, Some(&book)));
    }
    replace(doc, &book);
    Ok(Some(Source::new(book.path.clone(), book.text.clone())))
}

/// The recipient lists of a document value: `(path, value)`.
fn lists<'v>(doc: &'v Value, at: &[Step]) -> Vec<(Vec<Step>, &'v Value)> {
    let mut out = Vec::new();
    let Some(map) = doc.as_mapping() else {
        return out;
    };
    for key in ["kinh_gui", "noi_nhan"] {
        if let Some(v) = map.get(key) {
            let mut p = at.to_vec();
            p.push(Step::Key(key.into()));
            out.push((p, v));
        }
    }
    out
}

fn collect(doc: &Value, at: &mut Vec<Step>, out: &mut Vec<Unresolved>) {
    for (path, v) in lists(doc, at) {
        collect_items(v, &path, out);
    }
    if let Some(Value::Sequence(pl)) = doc.get("phu_luc") {
        for (i, item) in pl.iter().enumerate() {
            if let Some(mau) = item.get("mau") {
                at.extend([
                    Step::Key("phu_luc".into()),
                    Step::Index(i),
                    Step::Key("mau".into()),
                ]);
                collect(mau, at, out);
                at.truncate(at.len() - 3);
            }
        }
    }
}

/// The references among the items of a recipient list (a text, a list of
/// texts, or Nơi nhận groups `Bản điện tử: [ … ]`).
fn collect_items(v: &Value, at: &[Step], out: &mut Vec<Unresolved>) {
    fn push(out: &mut Vec<Unresolved>, s: &str, at: Vec<Step>) {
        if let Some((key, _)) = reference(s) {
            out.push(Unresolved {
                at,
                key: key.to_owned(),
            });
        }
    }
    match v {
        Value::String(s) => push(out, s, at.to_vec()),
        Value::Sequence(items) => {
            for (i, item) in items.iter().enumerate() {
                let mut p = at.to_vec();
                p.push(Step::Index(i));
                match item {
                    Value::String(s) => push(out, s, p),
                    Value::Mapping(m) => {
                        for (label, inner) in m {
                            if let (Some(l), Value::Sequence(_)) = (label.as_str(), inner) {
                                let mut q = p.clone();
                                q.push(Step::Key(l.to_owned()));
                                collect_items(inner, &q, out);
                            }
                        }
                    }
                    _ => {}
                }
            }
        }
        _ => {}
    }
}

/// The names `s` stands for (itself when it is no reference).
fn names(s: &str, book: &AddressBook) -> Vec<Value> {
    match reference(s) {
        Some((key, tail)) => book
            .lookup(key)
            .into_iter()
            .map(|e| Value::String(format!("{}{}", e.ten, tail.trim_end())))
            .collect(),
        None => vec![Value::String(s.to_owned())],
    }
}

fn replace_items(v: &mut Value, book: &AddressBook) {
    match v {
        Value::String(s) if reference(s).is_some() => {
            let mut all = names(s, book);
            *v = if all.len() == 1 {
                all.remove(0)
            } else {
                Value::Sequence(all)
            };
        }
        Value::Sequence(items) => {
            let old = std::mem::take(items);
            for mut item in old {
                match &mut item {
                    Value::String(s) => items.extend(names(s, book)),
                    Value::Mapping(m) => {
                        for (_, inner) in m.iter_mut() {
                            if inner.is_sequence() {
                                replace_items(inner, book);
                            }
                        }
                        items.push(item);
                    }
                    _ => items.push(item),
                }
            }
        }
        _ => {}
    }
}

fn replace(doc: &mut Value, book: &AddressBook) {
    if let Some(map) = doc.as_mapping_mut() {
        for key in ["kinh_gui", "noi_nhan"] {
            if let Some(v) = map.get_mut(key) {
                replace_items(v, book);
            }
        }
        if let Some(Value::Sequence(pl)) = map.get_mut("phu_luc") {
            for item in pl {
                if let Some(mau) = item.get_mut("mau") {
                    replace(mau, book);
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_have_thirteen_characters_in_four_parts() {
        assert!(valid_code("000.00.12.H06"));
        assert!(valid_code("000.00.00.G09"));
        assert!(!valid_code("000.00.12.H6"));
        assert!(!valid_code("000-00-12-H06"));
        assert!(!valid_code("000.00.12.h06"));
        assert!(!valid_code("0000.0.12.H06"));
    }

    #[test]
    fn references_start_with_at_and_keep_their_tail() {
        assert_eq!(reference("@so-gddt"), Some(("so-gddt", "")));
        assert_eq!(reference(" @so-gddt (b/c)"), Some(("so-gddt", " (b/c)")));
        assert_eq!(reference("so-gddt"), None);
        assert_eq!(reference("@"), Some(("", "")));
        assert_eq!(reference("@Sở GD"), Some(("Sở", " GD")));
        assert_eq!(reference("a@b.vn"), None);
    }
}
