//! Inheritance: a child names its parent with `extends: ../tinh/kh.yaml`.
//! Maps merge deeply, the child winning. A list whose child items carry an
//! `id` merges item by item: an item with a known `id` replaces the parent's
//! (`xoa: true` removes it), a new one is inserted `sau: <id>` (after),
//! `truoc: <id>` (before) or at the end. A list without ids replaces the
//! parent's list. The register data of the parent (`so`, `ngay`,
//! `dong_ngay`, `thuc_hien`, `mo_dau`) is not inherited: a derived document
//! is a new document, and by default it cites its parent.

use std::path::{Path, PathBuf};

use serde_yaml::Value;

use super::images::{resolve_images, IMAGE_KEYS};
use super::read::{parse_value, read_text, resolve_ref, Source};
use crate::diag::Error;

/// Longest `extends` chain.
const MAX_DEPTH: usize = 16;
/// Keys a child never inherits from its parent.
const OWN_KEYS: [&str; 5] = ["so", "ngay", "dong_ngay", "thuc_hien", "mo_dau"];
/// Keys of list items that steer merging; removed before typing.
const DIRECTIVES: [&str; 4] = ["id", "xoa", "sau", "truoc"];

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
    read.push(Source::new(canon, text));
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

/// Merges the items of `child` into `base` by `id`. Positions of the ids
/// of `base` are indexed (rebuilt only after an item is removed or
/// inserted), so that a child replacing n items takes linear time.
fn merge_by_id(base: &mut Vec<Value>, child: Vec<Value>) {
    let index_of = |base: &[Value]| -> std::collections::HashMap<String, usize> {
        let mut index = std::collections::HashMap::new();
        for (i, b) in base.iter().enumerate() {
            if let Some(id) = item_id(b) {
                index.entry(id.to_owned()).or_insert(i);
            }
        }
        index
    };
    let mut index = index_of(base);
    for item in child {
        let Some(id) = item_id(&item).map(str::to_owned) else {
            base.push(item);
            continue;
        };
        let pos = index.get(&id).copied();
        let remove = directive(&item, "xoa")
            .and_then(Value::as_bool)
            .unwrap_or(false);
        match pos {
            Some(i) if remove => {
                base.remove(i);
                index = index_of(base);
            }
            Some(i) => base[i] = item,
            None if remove => {}
            None => {
                let anchor = |key: &str| {
                    let target = directive(&item, key)?.as_str()?;
                    index.get(target).copied()
                };
                let at = anchor("sau").map(|i| i + 1).or_else(|| anchor("truoc"));
                match at {
                    Some(i) => {
                        base.insert(i, item);
                        index = index_of(base);
                    }
                    None => {
                        index.entry(id).or_insert(base.len());
                        base.push(item);
                    }
                }
            }
        }
    }
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
}
