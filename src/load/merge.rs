//! Inheritance: a child names its parent with `extends: ../tinh/kh.yaml`.
//! Maps merge deeply, the child winning. A list whose child items carry an
//! `id` merges item by item: an item with a known `id` replaces the parent's
//! (`xoa: true` removes it), a new one says so (`them_moi: true`, or where
//! it goes: `sau: <id>` after, `truoc: <id>` before; else at the end). An
//! `id` the parent does not have, without `them_moi`, is an error with the
//! closest id of the parent: a mistyped id never adds a second item. A list without ids replaces the
//! parent's list. The register data of the parent (`so`, `ngay`,
//! `dong_ngay`, `thuc_hien`, `mo_dau`) is not inherited: a derived document
//! is a new document, and by default it cites its parent.

use std::path::{Path, PathBuf};

use serde_yaml::Value;

use super::images::{resolve_images, IMAGE_KEYS, SIGNER_KEYS};
use super::read::{parse_value, read_text, resolve_ref, Source};
use crate::diag::{Diagnostic, Error, Message, MessageId};
use crate::locate::{Positions, Step};

/// Messages shown to the user, from the catalogue (`merge-*`).
mod msg {
    use crate::i18n::t;

    pub fn unknown_id(id: &str, parent: &str) -> String {
        t("merge-unknown-id", &[("id", id), ("parent", parent)])
    }
    pub fn unknown_anchor(key: &str, id: &str, parent: &str) -> String {
        t(
            "merge-unknown-anchor",
            &[("key", key), ("id", id), ("parent", parent)],
        )
    }
    pub fn unknown_removal(id: &str, parent: &str) -> String {
        t("merge-unknown-removal", &[("id", id), ("parent", parent)])
    }
    pub fn not_new(id: &str, parent: &str) -> String {
        t("merge-not-new", &[("id", id), ("parent", parent)])
    }
    pub fn known(ids: &str) -> String {
        t("merge-known", &[("ids", ids)])
    }
}

/// Longest `extends` chain.
const MAX_DEPTH: usize = 16;
/// Keys a child never inherits from its parent.
const OWN_KEYS: [&str; 6] = [
    "so",
    "ngay",
    "dong_ngay",
    "thuc_hien",
    "mo_dau",
    "extends_sha256",
];
/// Keys of list items that steer merging; removed before typing.
const DIRECTIVES: [&str; 5] = ["id", "xoa", "sau", "truoc", "them_moi"];

/// A child's list item that names an `id` its parent's list lacks.
#[derive(Debug, Clone, PartialEq)]
pub(super) struct UnknownId {
    /// Where, in the child's text: the list item.
    pub at: Vec<Step>,
    /// Which key names it: `id`, `sau`, `truoc`.
    pub key: &'static str,
    /// What went wrong.
    pub problem: Problem,
    /// The id written.
    pub id: String,
    /// The ids of the parent's list.
    pub known: Vec<String>,
}

/// What is wrong with an id of a child.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Problem {
    /// Not in the parent, and not marked new.
    Unknown,
    /// An anchor (`sau`, `truoc`) not in the parent.
    Anchor,
    /// Removing (`xoa: true`) what the parent does not have.
    Removal,
    /// Marked new (`them_moi: true`) but in the parent.
    NotNew,
}

/// The document's value with all its parents merged in (not yet rendered).
/// `chain` receives the canonical path of each file as it is reached.
pub fn merged_value(path: &Path, chain: &mut Vec<PathBuf>) -> Result<Value, Error> {
    merged_value_of(path, None, chain, &mut Vec::new())
}

/// [`merged_value`], with `given` (the text standing for the file's
/// contents, and its parsed value) instead of reading the file; `read`
/// receives every file as it was read.
pub(super) fn merged_value_of(
    path: &Path,
    given: Option<(&str, Value)>,
    chain: &mut Vec<PathBuf>,
    read: &mut Vec<Source>,
) -> Result<Value, Error> {
    let canon = path.canonicalize().map_err(|e| Error::io(path, e))?;
    if let Some(i) = chain.iter().position(|p| p == &canon) {
        let cycle: Vec<String> = chain[i..]
            .iter()
            .chain(std::iter::once(&canon))
            .map(|p| p.display().to_string())
            .collect();
        return Err(Error::Other(crate::i18n::t(
            "extends-cycle",
            &[("cycle", &cycle.join(" → "))],
        )));
    }
    if chain.len() >= MAX_DEPTH {
        return Err(Error::Other(crate::i18n::t(
            "extends-too-deep",
            &[
                ("path", &path.display().to_string()),
                ("max", &MAX_DEPTH.to_string()),
            ],
        )));
    }
    // Recorded before reading, so that a parent that fails to parse is
    // Recorded before reading, so that a parent that fails to parse is
    // still known (`vanban watch` waits for it to be fixed).
    chain.push(canon.clone());
    let (text, mut value) = match given {
        Some((t, v)) => (t.to_owned(), v),
        None => {
            let t = read_text(path)?;
            let v = parse_value(path, &t)?;
            (t, v)
        }
    };
    resolve_images(path, &text, &mut value, &mut Vec::new())?;
    read.push(Source::new(canon, text.clone()));
    let parent = value
        .get("extends")
        .and_then(Value::as_str)
        .map(str::to_owned);
    let Some(parent) = parent else {
        return Ok(value);
    };
    let parent_path = resolve_ref(path, &parent)?;
    let mut base = merged_value_of(&parent_path, None, chain, read)?;
    if let Value::Mapping(m) = &mut base {
        for k in OWN_KEYS {
            m.remove(k);
        }
        // A signature or seal is put on each document deliberately, never
        // carried over from the parent.
        for key in SIGNER_KEYS {
            if let Some(Value::Mapping(signer)) = m.get_mut(key) {
                for k in IMAGE_KEYS.iter().chain(["dau_rong"].iter()) {
                    signer.remove(*k);
                }
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
    let mut unknown = Vec::new();
    merge_checked(&mut base, value, &mut Vec::new(), &mut unknown);
    if let Some(u) = unknown.first() {
        return Err(unknown_id(path, &text, &parent, u).into());
    }
    Ok(base)
}

/// The error for an id of the child at `path` (text `text`) that its
/// parent lacks, at the id, with the closest id of the parent.
fn unknown_id(path: &Path, text: &str, parent: &str, u: &UnknownId) -> Diagnostic {
    let positions = Positions::of(text);
    let mut at = u.at.clone();
    at.push(Step::Key(if u.problem == Problem::Removal {
        "id".into()
    } else {
        u.key.into()
    }));
    let place = positions.value(&at);
    let message = match u.problem {
        Problem::Unknown => msg::unknown_id(&u.id, parent),
        Problem::Anchor => msg::unknown_anchor(u.key, &u.id, parent),
        Problem::Removal => msg::unknown_removal(&u.id, parent),
        Problem::NotNew => msg::not_new(&u.id, parent),
    };
    let mut d = Diagnostic::error(
        path,
        text,
        place.map_or(1, |p| p.line),
        place.map_or(1, |p| p.column),
        Message::new(MessageId::UnknownId, &[("text", message)]),
    );
    if u.problem != Problem::NotNew {
        let best = u
            .known
            .iter()
            .map(|k| (strsim::jaro_winkler(&u.id, k), k))
            .filter(|(score, _)| *score > 0.7)
            .max_by(|a, b| a.0.total_cmp(&b.0));
        if let Some((_, k)) = best {
            d = d.with_hint(Message::new(MessageId::DidYouMean, &[("key", k.clone())]));
        }
        d = d.with_hint(Message::text(msg::known(&u.known.join(", "))));
    }
    d
}

/// Deep merge of `child` into `base` (ids the parent lacks are added).
pub fn merge(base: &mut Value, child: Value) {
    merge_checked(base, child, &mut Vec::new(), &mut Vec::new());
}

/// Deep merge of `child` into `base`; `at` is the path in the child, and
/// `unknown` receives the ids of the child the parent lacks.
fn merge_checked(base: &mut Value, child: Value, at: &mut Vec<Step>, unknown: &mut Vec<UnknownId>) {
    match (base, child) {
        (Value::Mapping(b), Value::Mapping(c)) => {
            for (k, v) in c {
                at.push(Step::Key(k.as_str().unwrap_or_default().to_owned()));
                match b.get_mut(&k) {
                    Some(slot) => merge_checked(slot, v, at, unknown),
                    None => {
                        b.insert(k, v);
                    }
                }
                at.pop();
            }
        }
        (Value::Sequence(b), Value::Sequence(c)) if c.iter().any(|i| item_id(i).is_some()) => {
            merge_by_id(b, c, at, unknown);
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

/// A list being merged: a doubly linked list over an arena (slot 0 is the
/// sentinel, before the first item and after the last) with an index by
/// id, so that each child item is found, replaced, removed or inserted in
/// constant time: a child replacing n items costs O(n), not O(n²).
struct IdList {
    slots: Vec<Option<Value>>,
    next: Vec<usize>,
    prev: Vec<usize>,
    /// The slots of each id, first in the list first (duplicate ids:
    /// the first live one is found, as a scan of the list would).
    by_id: std::collections::HashMap<String, Vec<usize>>,
}

impl IdList {
    fn new(items: Vec<Value>) -> Self {
        let mut list = IdList {
            slots: vec![None],
            next: vec![0],
            prev: vec![0],
            by_id: Default::default(),
        };
        for item in items {
            list.insert_before(0, item);
        }
        list
    }

    /// Inserts `item` before the slot `at` (0: at the end); its slot.
    fn insert_before(&mut self, at: usize, item: Value) -> usize {
        let i = self.slots.len();
        if let Some(id) = item_id(&item) {
            self.by_id.entry(id.to_owned()).or_default().push(i);
        }
        let p = self.prev[at];
        self.slots.push(Some(item));
        self.next.push(at);
        self.prev.push(p);
        self.next[p] = i;
        self.prev[at] = i;
        i
    }

    fn remove(&mut self, i: usize) {
        let (p, n) = (self.prev[i], self.next[i]);
        self.next[p] = n;
        self.prev[n] = p;
        self.slots[i] = None;
    }

    fn find(&self, id: &str) -> Option<usize> {
        self.by_id
            .get(id)?
            .iter()
            .copied()
            .find(|&i| self.slots[i].is_some())
    }

    fn into_items(mut self) -> Vec<Value> {
        let mut out = Vec::with_capacity(self.slots.len());
        let mut i = self.next[0];
        while i != 0 {
            out.extend(self.slots[i].take());
            i = self.next[i];
        }
        out
    }
}

fn merge_by_id(
    base: &mut Vec<Value>,
    child: Vec<Value>,
    at: &[Step],
    unknown: &mut Vec<UnknownId>,
) {
    let known: Vec<String> = base.iter().filter_map(item_id).map(str::to_owned).collect();
    let mut list = IdList::new(std::mem::take(base));
    for (j, item) in child.into_iter().enumerate() {
        let Some(id) = item_id(&item).map(str::to_owned) else {
            list.insert_before(0, item);
            continue;
        };
        let flag = |key: &str| {
            directive(&item, key)
                .and_then(Value::as_bool)
                .unwrap_or(false)
        };
        let (remove, new) = (flag("xoa"), flag("them_moi"));
        let mut report = |key: &'static str, problem: Problem, id: &str| {
            let mut path = at.to_vec();
            path.push(Step::Index(j));
            unknown.push(UnknownId {
                at: path,
                key,
                problem,
                id: id.to_owned(),
                known: known.clone(),
            });
        };
        match list.find(&id) {
            Some(_) if new => report("them_moi", Problem::NotNew, &id),
            Some(i) if remove => list.remove(i),
            Some(i) => list.slots[i] = Some(item),
            None if remove => report("id", Problem::Removal, &id),
            None => {
                let anchor = |key: &str| directive(&item, key).and_then(Value::as_str);
                let (after, before) = (anchor("sau"), anchor("truoc"));
                if !new && after.is_none() && before.is_none() {
                    report("id", Problem::Unknown, &id);
                    continue;
                }
                // The slot to insert before: after `sau`, else at `truoc`.
                let mut place = None;
                for (key, target) in [("sau", after), ("truoc", before)] {
                    let Some(target) = target else { continue };
                    match list.find(target) {
                        Some(i) => {
                            place = place.or(Some(if key == "sau" { list.next[i] } else { i }))
                        }
                        None => report(key, Problem::Anchor, target),
                    }
                }
                list.insert_before(place.unwrap_or(0), item);
            }
        }
    }
    *base = list.into_items();
}

/// Removes merge directives from list items.
pub(super) fn strip_directives(v: &mut Value) {
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

/// Items a child removes (`xoa: true`) are not typed.
pub(super) fn drop_removals(v: &mut Value) {
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

#[cfg(test)]
mod tests {
    use super::*;

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

    #[test]
    fn new_items_anchor_on_items_added_before_them() {
        let mut base = y("l: [{id: a}, {id: b}, {id: x}]");
        let child = y("l: [{id: c, them_moi: true, sau: a}, {id: d, sau: c}, {id: e, them_moi: true}, {id: f, truoc: c}, {id: x, xoa: true}, {id: a, v: 1}]");
        merge(&mut base, child);
        let ids: Vec<&str> = base["l"]
            .as_sequence()
            .unwrap()
            .iter()
            .filter_map(item_id)
            .collect();
        assert_eq!(ids, ["a", "f", "c", "d", "b", "e"]);
        assert_eq!(base["l"][0]["v"], y("1"));
    }
}
