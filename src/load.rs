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
use crate::locate::{self, Place, Positions, Step, YamlPath};
use crate::model::{KemTheo, Loai, VanBan};
use crate::world::Refused;

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
    /// The files it was built from (canonical paths): this file first, then
    /// its parents (`extends`), then the documents it cites by file
    /// (`thuc_hien: [../tinh/kh.yaml]`) and their own sources.
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
    if text.len() as u64 > MAX_BYTES {
        return Err(vec![Error::Other(format!(
            "{}: {} bytes is more than the {} bytes a document may have",
            path.display(),
            text.len(),
            MAX_BYTES
        ))]);
    }
    let own = parse_value(path, &text).map_err(|e| vec![e])?;
    let mut sources = Vec::new();
    let loaded = merged_value_of(path, Some((&text, own.clone())), &mut sources)
        .and_then(|merged| finish(path, &text, merged, &mut sources));
    match loaded {
        Ok(doc) => Ok(Loaded {
            path: path.to_owned(),
            text,
            doc,
            sources,
        }),
        // Only a document that fails is typed again, key by key, so that
        // every problem of its own text is reported, not only the first.
        Err(first) => {
            let partial = own.get("extends").is_some();
            let problems = own_problems(path, &text, own, partial);
            Err(if problems.is_empty() {
                vec![first]
            } else {
                problems
            })
        }
    }
}

/// Most problems reported for one file.
const MAX_PROBLEMS: usize = 50;

/// Every typing problem of one file's own value. A document that extends
/// another may leave out required keys: its parent gives them.
fn own_problems(path: &Path, text: &str, mut value: Value, partial: bool) -> Vec<Error> {
    strip_directives(&mut value);
    drop_removals(&mut value);
    // Indexing the text costs a second parse: only done for a problem.
    let positions = std::cell::OnceCell::new();
    let mut removed = Removed::default();
    let mut reported = Vec::new();
    let mut out = Vec::new();
    while out.len() < MAX_PROBLEMS {
        let Err(e) = type_value(&value) else {
            break;
        };
        let at = locate::from_serde(e.path());
        let message = e.inner().to_string();
        let original = removed.original(&at);
        // A container left invalid by setting its child aside is not news.
        let cascade = reported
            .iter()
            .any(|r: &YamlPath| r.len() > original.len() && r.starts_with(&original));
        if !cascade && (!partial || !message.starts_with("missing field")) {
            out.push(located(
                path,
                text,
                positions.get_or_init(|| Positions::of(text)),
                &original,
                &message,
            ));
        }
        reported.push(original);
        if at.is_empty() || !remove_at(&mut value, &at) {
            break;
        }
        removed.record(&at);
    }
    out.sort_by_key(|e| match e {
        Error::Source(l) => (l.line, l.column),
        _ => (0, 0),
    });
    out
}

/// List items set aside while collecting problems, so that later paths
/// (whose indices shift) are mapped back to the text.
#[derive(Default)]
struct Removed(Vec<(YamlPath, usize)>);

impl Removed {
    /// Records the removal of the node at `at` (a path in current indices).
    fn record(&mut self, at: &[Step]) {
        if let Some((Step::Index(i), list)) = at.split_last() {
            let list = self.original(list);
            let i = self.index(&list, *i);
            self.0.push((list, i));
        }
    }

    /// The original index of item `i` of the list at `list` (original path).
    fn index(&self, list: &[Step], i: usize) -> usize {
        let mut gone: Vec<usize> = self
            .0
            .iter()
            .filter(|(l, _)| l == list)
            .map(|(_, r)| *r)
            .collect();
        gone.sort_unstable();
        gone.into_iter()
            .fold(i, |orig, r| if r <= orig { orig + 1 } else { orig })
    }

    /// `at` (current indices) in the indices of the text.
    fn original(&self, at: &[Step]) -> YamlPath {
        let mut out: YamlPath = Vec::new();
        for step in at {
            let s = match step {
                Step::Index(i) => Step::Index(self.index(&out, *i)),
                key => key.clone(),
            };
            out.push(s);
        }
        out
    }
}

/// Types a value, keeping the path of the first failure.
fn type_value(value: &Value) -> Result<VanBan, serde_path_to_error::Error<serde_yaml::Error>> {
    serde_path_to_error::deserialize(value)
}

/// A typing problem at `at`, shown at its key (unknown or missing keys) or
/// its value (wrong types and values) in `text`.
fn located(path: &Path, text: &str, positions: &Positions, at: &[Step], message: &str) -> Error {
    let message = strip_location(message);
    let variant_key = matches!(at.last(), Some(Step::Key(k)) if message.starts_with(&format!("unknown variant `{k}`")));
    let on_key =
        variant_key || message.starts_with("unknown field") || message.starts_with("missing field");
    let place = if on_key {
        positions.key(at)
    } else {
        positions.value(at)
    }
    .unwrap_or(Place { line: 1, column: 1 });
    // The path names the place; an unknown key already names itself.
    let named = if variant_key || message.starts_with("unknown field") {
        &at[..at.len().saturating_sub(1)]
    } else {
        at
    };
    let shown = if named.is_empty() {
        message
    } else {
        format!("{}: {message}", locate::display(named))
    };
    let mut err = describe(path, text, place, shown);
    if let Error::Source(l) = &mut err {
        l.help = l.help.take().or_else(|| trap_hint(text, place, &l.message));
    }
    err
}

/// Items a child removes (`xoa: true`) are not typed.
fn drop_removals(v: &mut Value) {
    match v {
        Value::Sequence(items) => {
            items.retain(|it| {
                !it.as_mapping()
                    .and_then(|m| m.get("xoa"))
                    .and_then(Value::as_bool)
                    .unwrap_or(false)
            });
            items.iter_mut().for_each(drop_removals);
        }
        Value::Mapping(m) => m.iter_mut().for_each(|(_, v)| drop_removals(v)),
        _ => {}
    }
}

/// Removes the node at `at`; false when there is none.
fn remove_at(v: &mut Value, at: &[Step]) -> bool {
    let Some((last, parents)) = at.split_last() else {
        return false;
    };
    let mut node = v;
    for step in parents {
        node = match (step, node) {
            (Step::Key(k), Value::Mapping(m)) => match m.get_mut(k.as_str()) {
                Some(n) => n,
                None => return false,
            },
            (Step::Index(i), Value::Sequence(s)) => match s.get_mut(*i) {
                Some(n) => n,
                None => return false,
            },
            _ => return false,
        };
    }
    match (last, node) {
        (Step::Key(k), Value::Mapping(m)) => m.remove(k.as_str()).is_some(),
        (Step::Index(i), Value::Sequence(s)) if *i < s.len() => {
            s.remove(*i);
            true
        }
        _ => false,
    }
}

/// The files `path` is built from as far as they can be followed, even
/// when one of them fails to load: itself, then its parents up to the first
/// that is missing or broken (included when it exists).
pub fn sources_so_far(path: &Path) -> Vec<PathBuf> {
    if let Ok(doc) = load(path) {
        return doc.sources;
    }
    let mut chain = Vec::new();
    let _ = merged_value(path, &mut chain);
    chain
}

/// Types `text` (the contents of `path`) without inheritance or templates.
pub fn parse(path: &Path, text: &str) -> Result<VanBan, Error> {
    let value = parse_value(path, text)?;
    type_value(&value).map_err(|e| {
        let at = locate::from_serde(e.path());
        located(
            path,
            text,
            &Positions::of(text),
            &at,
            &e.inner().to_string(),
        )
    })
}

/// Parses YAML text into a value, with located syntax errors.
pub fn parse_value(path: &Path, text: &str) -> Result<Value, Error> {
    let mut v: Value = serde_yaml::from_str(text).map_err(|e| yaml_error(path, text, &e))?;
    compose(&mut v);
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

/// [`merged_value`], with `given` (the text standing for the file's
/// contents, and its parsed value) instead of reading the file.
fn merged_value_of(
    path: &Path,
    given: Option<(&str, Value)>,
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
    // Recorded before reading, so that a parent that fails to parse is
    // still known (`vanban watch` waits for it to be fixed).
    chain.push(canon);
    let (text, mut value) = match given {
        Some((t, v)) => (t.to_owned(), v),
        None => {
            let t = read_text(path)?;
            let v = parse_value(path, &t)?;
            (t, v)
        }
    };
    resolve_images(path, &text, &mut value, &mut Vec::new())?;
    let parent = value
        .get("extends")
        .and_then(Value::as_str)
        .map(str::to_owned);
    let Some(parent) = parent else {
        return Ok(value);
    };
    let parent_path = resolve_ref(path, &parent)?;
    let mut base = merged_value(&parent_path, chain)?;
    if let Value::Mapping(m) = &mut base {
        for k in OWN_KEYS {
            m.remove(k);
        }
        // A signature or seal is put on each document deliberately, never
        // carried over from the parent.
        if let Some(Value::Mapping(signer)) = m.get_mut("nguoi_ky") {
            for k in IMAGE_KEYS.iter().chain(["dau_rong"].iter()) {
                signer.remove(*k);
            }
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

/// Keys of `nguoi_ky` that name image files.
const IMAGE_KEYS: [&str; 2] = ["chu_ky", "dau"];
/// Image formats the layout accepts.
const IMAGE_EXTENSIONS: [&str; 4] = ["png", "jpg", "jpeg", "svg"];

/// Rewrites the image paths of every signer in the value of the file at
/// `path` (`nguoi_ky.chu_ky`, `nguoi_ky.dau`, written relative to that
/// file) into paths from the project folder (`/anh/chu-ky.png`), which is
/// all the layout may read. A missing file, a file outside the project
/// folder or another format is an error at the value.
fn resolve_images(path: &Path, text: &str, v: &mut Value, at: &mut YamlPath) -> Result<(), Error> {
    match v {
        Value::Mapping(m) => {
            for (k, val) in m.iter_mut() {
                let Some(key) = k.as_str() else { continue };
                at.push(Step::Key(key.to_owned()));
                if key == "nguoi_ky" {
                    if let Value::Mapping(signer) = val {
                        for name in IMAGE_KEYS {
                            if let Some(Value::String(file)) = signer.get_mut(name) {
                                at.push(Step::Key(name.to_owned()));
                                *file = image_path(path, file).map_err(|message| {
                                    let place = Positions::of(text)
                                        .value(at)
                                        .unwrap_or(Place { line: 1, column: 1 });
                                    describe(
                                        path,
                                        text,
                                        place,
                                        format!("{}: {message}", locate::display(at)),
                                    )
                                })?;
                                at.pop();
                            }
                        }
                    }
                }
                resolve_images(path, text, val, at)?;
                at.pop();
            }
        }
        Value::Sequence(items) => {
            for (i, it) in items.iter_mut().enumerate() {
                at.push(Step::Index(i));
                resolve_images(path, text, it, at)?;
                at.pop();
            }
        }
        _ => {}
    }
    Ok(())
}

/// The project-relative path (`/anh/dau.png`) of the image `rel`, written
/// in the document at `from`.
fn image_path(from: &Path, rel: &str) -> Result<String, String> {
    let rel = rel.trim();
    let ext = Path::new(rel)
        .extension()
        .map(|e| e.to_string_lossy().to_lowercase())
        .unwrap_or_default();
    if !IMAGE_EXTENSIONS.contains(&ext.as_str()) {
        return Err(format!(
            "`{rel}`: expected a PNG, JPG or SVG image (a file ending in .png, .jpg, .jpeg or .svg)"
        ));
    }
    let (real, root) = in_project(from, rel, "the image")?;
    let inner = real.strip_prefix(&root).unwrap_or(&real);
    if !real.is_file() {
        return Err(format!("the image `{rel}` is not a file"));
    }
    sniff_image(&real, &ext).map_err(|m| format!("the image `{rel}` {m}"))?;
    let parts: Vec<String> = inner
        .components()
        .map(|c| c.as_os_str().to_string_lossy().into_owned())
        .collect();
    Ok(format!("/{}", parts.join("/")))
}

/// Largest image a document may use.
const MAX_IMAGE_BYTES: u64 = 16 * 1024 * 1024;

/// Decodes the image at `path` with the layout's own decoders, so that a
/// renamed or damaged file is reported at the document's value rather than
/// by the layout.
fn sniff_image(path: &Path, ext: &str) -> Result<(), String> {
    use typst::foundations::Bytes;
    use typst::visualize::{ExchangeFormat, RasterImage, SvgImage};
    let size = std::fs::metadata(path).map_or(0, |m| m.len());
    if size > MAX_IMAGE_BYTES {
        return Err(format!(
            "has {size} bytes, more than the {MAX_IMAGE_BYTES} an image may have"
        ));
    }
    let data = Bytes::new(std::fs::read(path).map_err(|e| format!("cannot be read: {e}"))?);
    let decoded = match ext {
        "png" => RasterImage::plain(data, ExchangeFormat::Png).map(drop),
        "jpg" | "jpeg" => RasterImage::plain(data, ExchangeFormat::Jpg).map(drop),
        // `LoadError` only shows its message through `Debug`.
        _ => SvgImage::new(data).map(drop).map_err(|e| {
            let debug = format!("{e:?}");
            debug
                .split_once("message: \"")
                .and_then(|(_, m)| m.rsplit_once('"'))
                .map_or(debug.clone(), |(m, _)| m.to_owned())
                .into()
        }),
    };
    decoded.map_err(|e| format!("is not a readable {} image ({e})", ext.to_uppercase()))
}

/// Resolves a path written in the document at `from`, refusing anything
/// outside the project folder.
pub fn resolve_ref(from: &Path, rel: &str) -> Result<PathBuf, Error> {
    in_project(from, rel, "")
        .map(|(real, _)| real)
        .map_err(|m| Error::Other(format!("{}: {m}", from.display())))
}

/// Resolves `rel`, written in the document at `from` (so relative to its
/// folder), following symlinks; refuses anything whose real place is not
/// inside the project folder. Returns the real path and the project folder.
/// `what` names the file in messages (`the image`).
pub fn in_project(from: &Path, rel: &str, what: &str) -> Result<(PathBuf, PathBuf), String> {
    let named = if what.is_empty() {
        format!("`{rel}`")
    } else {
        format!("{what} `{rel}`")
    };
    let root = project_root(from);
    let dir = from
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    let joined = dir.join(rel);
    let absolute = std::path::absolute(&joined).unwrap_or_else(|_| joined.clone());
    match crate::world::inside(&root, absolute) {
        Ok(real) => Ok((real, root)),
        Err(Refused::Unresolved(e)) => {
            Err(format!("cannot open {named} ({}): {e}", joined.display()))
        }
        Err(Refused::Outside) => Err(format!(
            "{named} is outside the project folder `{}`; files a document uses must lie inside it",
            root.display()
        )),
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
fn finish(
    path: &Path,
    text: &str,
    mut merged: Value,
    sources: &mut Vec<PathBuf>,
) -> Result<VanBan, Error> {
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
    let mut doc: VanBan = type_value(&merged).map_err(|e| {
        // The merged document is wrong: show the problem in the file (this
        // one or a parent) that holds the offending key.
        let at = locate::from_serde(e.path());
        let message = e.inner().to_string();
        let own = std::iter::once((path.to_owned(), text.to_owned()));
        let parents = sources
            .iter()
            .skip(1)
            .filter_map(|p| Some((p.clone(), read_text(p).ok()?)));
        own.chain(parents)
            .map(|(p, t)| {
                let pos = Positions::of(&t);
                (p, t, pos)
            })
            .find(|(_, _, pos)| pos.has(&at))
            .map_or_else(
                || located(path, text, &Positions::of(text), &at, &message),
                |(p, t, pos)| located(&p, &t, &pos, &at, &message),
            )
    })?;
    let mut cited = Vec::new();
    for entry in std::mem::take(&mut doc.thuc_hien) {
        if entry.ends_with(".yaml") || entry.ends_with(".yml") {
            let target = resolve_ref(path, &entry)?;
            let parent = load_cited(path, &target)?;
            for s in parent.sources {
                if !sources.contains(&s) {
                    sources.push(s);
                }
            }
            cited.push(crate::render::citation(&parent.doc));
        } else {
            cited.push(entry);
        }
    }
    doc.thuc_hien = cited;
    // `kem_theo: ../quyet-dinh.yaml`: the caption of a document issued
    // with that one.
    if let Some(KemTheo::Chu(entry)) = &doc.kem_theo {
        let entry = entry.trim();
        if entry.ends_with(".yaml") || entry.ends_with(".yml") {
            let target = resolve_ref(path, entry)?;
            let parent = load_cited(path, &target)?;
            for s in parent.sources {
                if !sources.contains(&s) {
                    sources.push(s);
                }
            }
            doc.kem_theo = Some(KemTheo::Chu(crate::render::kem_theo_quyet_dinh(
                &parent.doc,
            )));
        }
    }
    Ok(doc)
}

thread_local! {
    /// The documents whose citations (`thuc_hien`, `kem_theo`) are being
    /// loaded on this thread, outermost first.
    static CITING: std::cell::RefCell<Vec<PathBuf>> = const { std::cell::RefCell::new(Vec::new()) };
}

/// Loads the document `target` cited by the document at `from`, refusing a
/// cycle of citations (which would otherwise recurse without end).
fn load_cited(from: &Path, target: &Path) -> Result<Loaded, Error> {
    let me = from.canonicalize().unwrap_or_else(|_| from.to_owned());
    let cycle = CITING.with(|c| {
        let mut c = c.borrow_mut();
        c.push(me);
        let at = c.iter().position(|p| p == target)?;
        Some(
            c[at..]
                .iter()
                .chain(std::iter::once(&target.to_path_buf()))
                .map(|p| p.display().to_string())
                .collect::<Vec<_>>()
                .join(" → "),
        )
    });
    let result = match cycle {
        Some(chain) => Err(Error::Other(format!(
            "{}: documents cite each other in a cycle: {chain}",
            from.display()
        ))),
        None => load(target),
    };
    CITING.with(|c| c.borrow_mut().pop());
    result
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
    let place = e
        .location()
        .map_or(Place { line: 1, column: 1 }, |l| Place {
            line: l.line(),
            column: l.column(),
        });
    let mut err = describe(path, text, place, strip_location(&e.to_string()));
    if let Error::Source(l) = &mut err {
        l.help = l.help.take().or_else(|| trap_hint(text, place, &l.message));
    }
    err
}

/// A located error with the help we can give for its message.
fn describe(path: &Path, text: &str, place: Place, mut message: String) -> Error {
    let mut help = suggestion(&message);
    if message.contains("unknown variant") && message.contains("`cong_van`") {
        let kinds: Vec<String> = Loai::ALL.iter().map(|k| k.key()).collect();
        message = format!("{message}\n  known kinds: {}", kinds.join(", "));
    }
    if message.contains("missing field") {
        help = help.or_else(|| Some("add this key to the document".into()));
    }
    Error::Source(Located {
        path: path.to_owned(),
        text: text.to_owned(),
        line: place.line,
        column: place.column,
        message,
        help,
    })
}

/// Advice for the YAML traps secretaries fall into, judged from the line
/// of the error: an unquoted `: ` inside a text, a tab in the indentation,
/// `yes`/`no` read as booleans, a `#` starting a comment.
fn trap_hint(text: &str, place: Place, message: &str) -> Option<String> {
    let line = text.lines().nth(place.line.checked_sub(1)?)?;
    let body = line.trim_start();
    if line.starts_with('\t') || line[..line.len() - body.len()].contains('\t') {
        return Some("indent with spaces: YAML does not allow tabs".into());
    }
    let rest = body.strip_prefix("- ").unwrap_or(body);
    let is_key = |k: &str| !k.is_empty() && k.chars().all(|c| c.is_alphanumeric() || c == '_');
    let (key, value) = match rest.split_once(": ") {
        Some((k, v)) if is_key(k) => (Some(k), v.trim()),
        _ => (None, rest.trim()),
    };
    let quoted = value.starts_with(['"', '\'']);
    if message.contains("invalid type: map, expected a string") && body.starts_with("- ") {
        return Some(format!(
            "YAML read `{rest}` as a key and a value; put the item in quotes: - \"{}\"",
            rest.replace('"', "\\\"")
        ));
    }
    if !quoted && value.contains(": ") {
        let fixed = format!("\"{}\"", value.replace('"', "\\\""));
        let shown = match key {
            Some(k) => format!("{k}: {fixed}"),
            None => format!("- {fixed}"),
        };
        return Some(format!(
            "a `: ` inside a text makes YAML read a key; put the text in quotes: {shown}"
        ));
    }
    let lower = value.to_lowercase();
    if ["true", "false", "~", "null"].contains(&lower.as_str()) {
        return Some(format!(
            "YAML reads `{value}` as a value, not a text; write \"{value}\" for the text"
        ));
    }
    if !quoted && value.contains(" #") {
        return Some("` #` starts a comment in YAML; put the text in quotes".into());
    }
    None
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
