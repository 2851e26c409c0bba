//! What a derived document (`extends`) changes from its parent: both are
//! loaded as `build` loads them (parents merged, templates rendered), their
//! models compared key by key, list items aligned (a longest common
//! subsequence, so an inserted item does not shift the rest), and each
//! difference given with its key path, the parent's value and the child's.

use std::sync::Arc;

use axum::extract::State;
use axum::routing::post;
use axum::{Json, Router};
use serde::Deserialize;
use serde_json::{json, Value};

use super::{blocking, diagnostic, ApiError, App};
use crate::load;

/// Keys not compared: the link to the parent itself.
const SKIPPED: [&str; 1] = ["extends"];
/// Above this many item pairs, lists are compared item by item.
const MAX_ALIGN: usize = 1_000_000;

/// One difference: where, the parent's value and the child's (`null` when
/// absent on that side).
#[derive(Debug, PartialEq)]
pub struct Change {
    pub path: String,
    pub parent: Value,
    pub child: Value,
}

fn is_absent(v: &Value) -> bool {
    match v {
        Value::Null => true,
        Value::String(s) => s.is_empty(),
        Value::Array(a) => a.is_empty(),
        Value::Object(o) => o.is_empty(),
        _ => false,
    }
}

fn step(path: &str, key: &str) -> String {
    if path.is_empty() {
        key.to_owned()
    } else {
        format!("{path}.{key}")
    }
}

/// The differences between `parent` and `child` under `path`.
pub fn changes(path: &str, parent: &Value, child: &Value, out: &mut Vec<Change>) {
    if parent == child || (is_absent(parent) && is_absent(child)) {
        return;
    }
    match (parent, child) {
        (Value::Object(p), Value::Object(c)) => {
            let mut keys: Vec<&String> = c
                .keys()
                .chain(p.keys().filter(|k| !c.contains_key(*k)))
                .collect();
            // A document's keys in their usual order.
            if path.is_empty() {
                keys.sort_by_key(|k| crate::model::key_rank(k));
            }
            for k in keys {
                if path.is_empty() && SKIPPED.contains(&k.as_str()) {
                    continue;
                }
                let none = Value::Null;
                changes(
                    &step(path, k),
                    p.get(k).unwrap_or(&none),
                    c.get(k).unwrap_or(&none),
                    out,
                );
            }
        }
        (Value::Array(p), Value::Array(c)) => list_changes(path, p, c, out),
        _ => out.push(Change {
            path: path.to_owned(),
            parent: parent.clone(),
            child: child.clone(),
        }),
    }
}

/// Lists: items aligned on a longest common subsequence; between two
/// common items, the parent's and the child's items are paired as changes,
/// the rest removed or added. Paths number the child's items from 1 (a
/// removed item: the parent's number).
fn list_changes(path: &str, p: &[Value], c: &[Value], out: &mut Vec<Change>) {
    let at = |i: usize| format!("{path}[{}]", i + 1);
    let (n, m) = (p.len(), c.len());
    if n.saturating_mul(m) > MAX_ALIGN {
        for i in 0..n.max(m) {
            let none = Value::Null;
            changes(
                &at(i),
                p.get(i).unwrap_or(&none),
                c.get(i).unwrap_or(&none),
                out,
            );
        }
        return;
    }
    // lcs[i][j]: common length of p[i..] and c[j..].
    let mut lcs = vec![vec![0u32; m + 1]; n + 1];
    for i in (0..n).rev() {
        for j in (0..m).rev() {
            lcs[i][j] = if p[i] == c[j] {
                lcs[i + 1][j + 1] + 1
            } else {
                lcs[i + 1][j].max(lcs[i][j + 1])
            };
        }
    }
    let (mut i, mut j) = (0, 0);
    let (mut gone, mut new): (Vec<usize>, Vec<usize>) = (Vec::new(), Vec::new());
    let flush = |gone: &mut Vec<usize>, new: &mut Vec<usize>, out: &mut Vec<Change>| {
        let paired = gone.len().min(new.len());
        for k in 0..paired {
            changes(&at(new[k]), &p[gone[k]], &c[new[k]], out);
        }
        for &g in &gone[paired..] {
            out.push(Change {
                path: format!("{}[{}]", path, g + 1),
                parent: p[g].clone(),
                child: Value::Null,
            });
        }
        for &a in &new[paired..] {
            out.push(Change {
                path: at(a),
                parent: Value::Null,
                child: c[a].clone(),
            });
        }
        gone.clear();
        new.clear();
    };
    while i < n || j < m {
        if i < n && j < m && p[i] == c[j] {
            flush(&mut gone, &mut new, out);
            i += 1;
            j += 1;
        } else if j < m && (i == n || lcs[i][j + 1] >= lcs[i + 1][j]) {
            new.push(j);
            j += 1;
        } else {
            gone.push(i);
            i += 1;
        }
    }
    flush(&mut gone, &mut new, out);
}

#[derive(Deserialize)]
struct DiffBody {
    path: String,
    text: String,
}

/// `POST /api/diff {path, text}`: the parent's path and what the document
/// (this text standing for the file) changes from it, as `{parent,
/// changes: [{path, parent, child}]}`; `parent` is null for a document
/// that inherits nothing.
async fn diff(
    State(app): State<Arc<App>>,
    Json(body): Json<DiffBody>,
) -> Result<Json<Value>, ApiError> {
    let path = app.existing(&body.path)?;
    blocking(move || {
        let own: serde_yaml::Value = serde_yaml::from_str(&body.text).unwrap_or_default();
        let Some(parent) = own.get("extends").and_then(serde_yaml::Value::as_str) else {
            return Ok(json!({ "parent": null, "changes": [] }));
        };
        let parent = load::resolve_ref(&path, parent)
            .map_err(|e| ApiError::bad(diagnostic(&path, &e).message))?;
        // Nothing outside the folder is read.
        let parent = app.existing(&app.rel(&parent))?;
        let child = load::check_text(&path, body.text)
            .map_err(|e| ApiError::bad(diagnostic(&path, &e[0]).message))?;
        let base =
            load::load(&parent).map_err(|e| ApiError::bad(diagnostic(&parent, &e).message))?;
        let to_json = |d: &crate::model::VanBan| serde_json::to_value(d).unwrap_or(Value::Null);
        let mut out = Vec::new();
        changes("", &to_json(&base.doc), &to_json(&child.doc), &mut out);
        let changes: Vec<Value> = out
            .into_iter()
            .map(|c| json!({ "path": c.path, "parent": c.parent, "child": c.child }))
            .collect();
        Ok(json!({ "parent": app.rel(&parent), "changes": changes }))
    })
    .await
    .map(Json)
}

/// The diff's route.
pub fn routes() -> Router<Arc<App>> {
    Router::new().route("/api/diff", post(diff))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn diff(p: Value, c: Value) -> Vec<(String, Value, Value)> {
        let mut out = Vec::new();
        changes("", &p, &c, &mut out);
        out.into_iter()
            .map(|c| (c.path, c.parent, c.child))
            .collect()
    }

    #[test]
    fn keys_and_aligned_lists() {
        let p = json!({"co_quan": "A", "so": null, "extends": null, "noi_dung": [{"muc": "I"}, "x", "y", "z"], "nguoi_ky": {"ho_ten": "P", "chuc_vu": "Q"}});
        let c = json!({"co_quan": "B", "so": 5, "extends": "../p.yaml", "noi_dung": [{"muc": "I"}, "x", "new", "y", "Z"], "nguoi_ky": {"ho_ten": "C", "chuc_vu": "Q"}});
        assert_eq!(
            diff(p, c),
            vec![
                ("co_quan".into(), json!("A"), json!("B")),
                ("so".into(), json!(null), json!(5)),
                ("noi_dung[3]".into(), json!(null), json!("new")),
                ("noi_dung[5]".into(), json!("z"), json!("Z")),
                ("nguoi_ky.ho_ten".into(), json!("P"), json!("C")),
            ]
        );
        let p = json!({"noi_dung": ["a", "b", "c"], "noi_nhan": ["x"]});
        let c = json!({"noi_dung": ["a", "c"]});
        assert_eq!(
            diff(p, c),
            vec![
                ("noi_dung[2]".into(), json!("b"), json!(null)),
                ("noi_nhan".into(), json!(["x"]), json!(null)),
            ]
        );
    }
}
