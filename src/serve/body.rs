//! The body editor: the blocks of `noi_dung` as a list the form shows
//! (one entry per block: its kind and its text, list items or table
//! rows), and the edits the form makes to it (set, add, remove, move up or
//! down). Each edit changes only the lines of the blocks it touches in the
//! YAML text: the other blocks, the comments and the other keys stay as
//! they are written.

use std::sync::Arc;

use axum::routing::post;
use axum::{Json, Router};
use serde::Deserialize;
use serde_json::{json, Map, Value as JsonValue};
use serde_yaml::{Mapping, Value};

use super::form::{block, insertion_line, trailing_comment};
use super::points::item_ranges;
use super::{ApiError, App};
use crate::i18n::t;

/// The kinds of block written as `kind: text`.
const TEXT_KINDS: [&str; 8] = [
    "muc", "khoan", "diem", "dieu", "giua", "tieu_de", "ghi", "doan",
];
/// The kinds of block written as `kind: [items]`.
const LIST_KINDS: [&str; 2] = ["gach", "cong"];
/// Keys of a block kept as they are when the form edits it (inheritance).
const KEPT: [&str; 4] = ["id", "sau", "truoc", "them_moi"];

/// The block `v` as the form shows it: `{kind, text}`, `{kind, items}`,
/// `{kind: "bang", dau, dong}`, `{kind: "ngat_trang"}`, or
/// `{kind: "khac", yaml}` for what the form cannot edit.
fn shown(v: &Value) -> JsonValue {
    let other = || json!({ "kind": "khac", "yaml": serde_yaml::to_string(v).unwrap_or_default().trim_end() });
    if let Some(s) = v.as_str() {
        return json!({ "kind": "doan", "text": s });
    }
    let Some(m) = v.as_mapping() else {
        return other();
    };
    let keys: Vec<&str> = m
        .keys()
        .filter_map(Value::as_str)
        .filter(|k| !KEPT.contains(k))
        .collect();
    let [kind] = keys[..] else {
        return other();
    };
    let val = &m[kind];
    let strings = |v: &Value| -> Option<Vec<String>> {
        v.as_sequence()?
            .iter()
            .map(|c| match c {
                Value::String(s) => Some(s.clone()),
                Value::Number(n) => Some(n.to_string()),
                Value::Null => Some(String::new()),
                _ => None,
            })
            .collect()
    };
    let shown = if TEXT_KINDS.contains(&kind) {
        val.as_str().map(|s| json!({ "kind": kind, "text": s }))
    } else if LIST_KINDS.contains(&kind) {
        strings(val).map(|items| json!({ "kind": kind, "items": items }))
    } else if kind == "bang" {
        let dau = val.get("dau").map_or(Some(Vec::new()), strings);
        let dong: Option<Vec<Vec<String>>> = val.get("dong").map_or(Some(Vec::new()), |d| {
            d.as_sequence()?.iter().map(strings).collect()
        });
        dau.zip(dong)
            .map(|(dau, dong)| json!({ "kind": "bang", "dau": dau, "dong": dong }))
    } else if kind == "ngat_trang" {
        Some(json!({ "kind": "ngat_trang" }))
    } else {
        None
    };
    let mut shown = shown.unwrap_or_else(other);
    // How a derived document's block meets its parent's (`id`, `sau`, `truoc`).
    for k in KEPT {
        if let Some(v) = m.get(k) {
            shown[k] = serde_json::to_value(v).unwrap_or(JsonValue::Null);
        }
    }
    shown
}

/// The blocks of the body of the YAML `text`, as the form shows them;
/// `None` if the text is not a YAML map. `editable` is false when the body
/// is written in a way the form cannot change line by line (flow style).
pub fn blocks(text: &str) -> Option<JsonValue> {
    let v: Value = serde_yaml::from_str(text).ok()?;
    v.as_mapping()?;
    let items = v
        .get("noi_dung")
        .and_then(Value::as_sequence)
        .cloned()
        .unwrap_or_default();
    let lines: Vec<&str> = text.lines().collect();
    let editable = items.is_empty()
        || item_ranges(&lines, "noi_dung").is_some_and(|(r, _)| r.len() == items.len());
    Some(json!({
        "blocks": items.iter().map(shown).collect::<Vec<_>>(),
        "editable": editable,
    }))
}

/// The YAML value of the form's block `b`, keeping the keys of `old` the
/// form does not show (an `id`, a table's column widths).
fn value_of(b: &JsonValue, old: Option<&Value>) -> Result<Value, String> {
    let kind = b["kind"].as_str().unwrap_or("doan");
    let text = || b["text"].as_str().unwrap_or("").to_owned();
    let list = |v: &JsonValue| -> Vec<Value> {
        v.as_array()
            .map(|a| {
                a.iter()
                    .filter_map(JsonValue::as_str)
                    .map(|s| Value::String(s.to_owned()))
                    .collect()
            })
            .unwrap_or_default()
    };
    let old_map = old.and_then(Value::as_mapping);
    let mut m = Mapping::new();
    for k in KEPT {
        if let Some(v) = old_map.and_then(|o| o.get(k)) {
            m.insert(k.into(), v.clone());
        }
    }
    let inner = match kind {
        "doan" if m.is_empty() => return Ok(Value::String(text())),
        k if TEXT_KINDS.contains(&k) => Value::String(text()),
        k if LIST_KINDS.contains(&k) => Value::Sequence(
            list(&b["items"])
                .into_iter()
                .filter(|v| v.as_str().is_some_and(|s| !s.trim().is_empty()))
                .collect(),
        ),
        "bang" => {
            let dau = list(&b["dau"]);
            let dong: Vec<Value> = b["dong"]
                .as_array()
                .map(|rows| rows.iter().map(|r| Value::Sequence(list(r))).collect())
                .unwrap_or_default();
            let cols = dau.len().max(
                dong.iter()
                    .filter_map(Value::as_sequence)
                    .map(Vec::len)
                    .max()
                    .unwrap_or(0),
            );
            let mut t = Mapping::new();
            let old_t = old_map
                .and_then(|o| o.get("bang"))
                .and_then(Value::as_mapping);
            // Widths and alignments stay while the columns are the same.
            for k in ["cot", "can"] {
                if let Some(v) = old_t.and_then(|o| o.get(k)) {
                    if v.as_sequence().is_some_and(|s| s.len() == cols) {
                        t.insert(k.into(), v.clone());
                    }
                }
            }
            if !dau.is_empty() {
                t.insert("dau".into(), Value::Sequence(dau));
            }
            t.insert("dong".into(), Value::Sequence(dong));
            if let Some(v) = old_t.and_then(|o| o.get("co_chu")) {
                t.insert("co_chu".into(), v.clone());
            }
            Value::Mapping(t)
        }
        "ngat_trang" => Value::Bool(true),
        other => return Err(t("serve-body-kind", &[("kind", other)])),
    };
    m.insert(kind.into(), inner);
    Ok(Value::Mapping(m))
}

/// `item` as the lines of one list item indented by `indent`.
fn item_lines(item: &Value, indent: usize) -> Result<Vec<String>, String> {
    let yaml = serde_yaml::to_string(&vec![item]).map_err(|e| e.to_string())?;
    let pad = " ".repeat(indent);
    Ok(yaml.lines().map(|l| format!("{pad}{l}")).collect())
}

/// One edit of the body.
#[derive(Debug, Deserialize)]
#[serde(tag = "op", rename_all = "snake_case")]
pub enum Edit {
    /// Replace block `index` by `block`.
    Set { index: usize, block: JsonValue },
    /// Insert `block` before block `index` (at the end when past it).
    Add { index: usize, block: JsonValue },
    /// Remove block `index`.
    Remove { index: usize },
    /// Swap block `index` with the one before it.
    Up { index: usize },
    /// Swap block `index` with the one after it.
    Down { index: usize },
}

fn join(lines: Vec<String>) -> String {
    let mut s = lines.join("\n");
    s.push('\n');
    s
}

/// `text` with the body edited by `edit`; only the lines of the blocks it
/// touches change.
pub fn apply(text: &str, edit: &Edit) -> Result<String, String> {
    let doc: Value = serde_yaml::from_str(text).map_err(|e| e.to_string())?;
    let items = doc
        .get("noi_dung")
        .and_then(Value::as_sequence)
        .cloned()
        .unwrap_or_default();
    let lines: Vec<&str> = text.lines().collect();
    let owned = |r: &[&str]| r.iter().map(|l| (*l).to_owned()).collect::<Vec<_>>();
    if items.is_empty() {
        // No body yet (or `noi_dung: []`): write it whole.
        let Edit::Add { block: b, .. } = edit else {
            return Err(t("serve-body-no-block", &[("n", "1")]));
        };
        let mut new = vec!["noi_dung:".to_owned()];
        new.extend(item_lines(&value_of(b, None)?, 2)?);
        let (at, end) = block(&lines, "noi_dung").unwrap_or_else(|| {
            let at = insertion_line(&lines, "noi_dung");
            (at, at)
        });
        let mut out = owned(&lines[..at]);
        out.extend(new);
        out.extend(owned(&lines[end..]));
        return Ok(join(out));
    }
    let (ranges, indent) = item_ranges(&lines, "noi_dung")
        .filter(|(r, _)| r.len() == items.len())
        .ok_or_else(|| t("serve-body-not-editable", &[]))?;
    let n = items.len();
    let check = |i: usize| {
        if i < n {
            Ok(i)
        } else {
            Err(t("serve-body-no-block", &[("n", &(i + 1).to_string())]))
        }
    };
    let mut out: Vec<String>;
    match edit {
        Edit::Set { index, block: b } => {
            let i = check(*index)?;
            let (s, e) = ranges[i];
            let mut new = item_lines(&value_of(b, Some(&items[i]))?, indent)?;
            // A one-line block keeps its comment.
            if let (1, [one]) = (e - s, new.as_mut_slice()) {
                if let Some(c) = trailing_comment(lines[s]) {
                    one.push(' ');
                    one.push_str(c);
                }
            }
            out = owned(&lines[..s]);
            out.extend(new);
            out.extend(owned(&lines[e..]));
        }
        Edit::Add { index, block: b } => {
            let at = if *index < n {
                ranges[*index].0
            } else {
                ranges[n - 1].1
            };
            out = owned(&lines[..at]);
            out.extend(item_lines(&value_of(b, None)?, indent)?);
            out.extend(owned(&lines[at..]));
        }
        Edit::Remove { index } => {
            let i = check(*index)?;
            let (s, e) = ranges[i];
            out = owned(&lines[..s]);
            out.extend(owned(&lines[e..]));
            if n == 1 {
                // The last block: the key goes too.
                let text = join(out);
                let lines: Vec<&str> = text.lines().collect();
                let (s, e) = block(&lines, "noi_dung").expect("the key is kept");
                let mut out = owned(&lines[..s]);
                out.extend(owned(&lines[e..]));
                return Ok(join(out));
            }
        }
        Edit::Up { index } | Edit::Down { index } => {
            let i = check(*index)?;
            let j = match edit {
                Edit::Up { .. } if i > 0 => i - 1,
                Edit::Down { .. } if i + 1 < n => i + 1,
                _ => return Ok(text.to_owned()),
            };
            let (a, b) = (ranges[i.min(j)], ranges[i.max(j)]);
            out = owned(&lines[..a.0]);
            out.extend(owned(&lines[b.0..b.1]));
            out.extend(owned(&lines[a.1..b.0]));
            out.extend(owned(&lines[a.0..a.1]));
            out.extend(owned(&lines[b.1..]));
        }
    }
    Ok(join(out))
}

#[derive(Deserialize)]
struct BodyRequest {
    text: String,
    edit: Option<Edit>,
}

/// `POST /api/body {text, edit?}`: the text with the edit made, and its
/// blocks.
async fn body(Json(req): Json<BodyRequest>) -> Result<Json<JsonValue>, ApiError> {
    let text = match &req.edit {
        Some(e) => apply(&req.text, e).map_err(ApiError::bad)?,
        None => req.text,
    };
    let mut out = Map::new();
    out.insert("body".into(), blocks(&text).unwrap_or(JsonValue::Null));
    out.insert("text".into(), JsonValue::String(text));
    Ok(Json(JsonValue::Object(out)))
}

/// The body editor's routes.
pub fn routes() -> Router<Arc<App>> {
    Router::new().route("/api/body", post(body))
}

#[cfg(test)]
mod tests {
    use super::*;

    const DOC: &str = "# head\nloai: giay_moi\nco_quan: A # note\nnoi_dung:\n  # opening\n  - Mời dự họp.\n  - khoan: 1. Thời gian # when\n  - gach:\n      - a\n      - b\n  - id: t\n    bang:\n      cot: [10, 20]\n      dau: [STT, Tên]\n      dong:\n        - [1, X]\nnguoi_ky:\n  ho_ten: X\n";

    fn edit(text: &str, e: JsonValue) -> String {
        apply(text, &serde_json::from_value(e).unwrap()).unwrap()
    }

    #[test]
    fn shows_each_block() {
        let b = blocks(DOC).unwrap();
        assert_eq!(b["editable"], true);
        assert_eq!(
            b["blocks"],
            json!([
                {"kind": "doan", "text": "Mời dự họp."},
                {"kind": "khoan", "text": "1. Thời gian"},
                {"kind": "gach", "items": ["a", "b"]},
                {"kind": "bang", "dau": ["STT", "Tên"], "dong": [["1", "X"]], "id": "t"},
            ])
        );
        let flow = blocks("loai: x\nnoi_dung: [a, b]\n").unwrap();
        assert_eq!(flow["editable"], false);
    }

    #[test]
    fn sets_one_block_keeping_the_rest() {
        let t = edit(
            DOC,
            json!({"op": "set", "index": 0, "block": {"kind": "doan", "text": "Kính mời."}}),
        );
        assert_eq!(t, DOC.replace("Mời dự họp.", "Kính mời."));
        let t = edit(
            DOC,
            json!({"op": "set", "index": 1, "block": {"kind": "khoan", "text": "1. Giờ"}}),
        );
        assert_eq!(t, DOC.replace("1. Thời gian # when", "1. Giờ # when"));
        let t = edit(
            DOC,
            json!({"op": "set", "index": 3, "block": {"kind": "bang", "dau": ["STT", "Họ tên"], "dong": [["1", "Y"]]}}),
        );
        assert!(t.contains("  - id: t\n    bang:\n      cot:\n      - 10\n      - 20\n      dau:\n      - STT\n      - Họ tên\n"), "{t}");
        assert!(t.ends_with("nguoi_ky:\n  ho_ten: X\n"), "{t}");
        // Another column: the widths go.
        let t = edit(
            DOC,
            json!({"op": "set", "index": 3, "block": {"kind": "bang", "dau": ["A", "B", "C"], "dong": []}}),
        );
        assert!(!t.contains("cot:"), "{t}");
    }

    #[test]
    fn adds_removes_and_moves() {
        let t = edit(
            DOC,
            json!({"op": "add", "index": 9, "block": {"kind": "gach", "items": ["x", ""]}}),
        );
        assert!(
            t.contains("        - [1, X]\n  - gach:\n    - x\nnguoi_ky:"),
            "{t}"
        );
        let t = edit(
            DOC,
            json!({"op": "add", "index": 1, "block": {"kind": "muc", "text": "I. A"}}),
        );
        assert!(
            t.contains("  - Mời dự họp.\n  - muc: I. A\n  - khoan:"),
            "{t}"
        );
        let t = edit(DOC, json!({"op": "remove", "index": 2}));
        assert!(t.contains("# when\n  - id: t\n"), "{t}");
        let t = edit(DOC, json!({"op": "down", "index": 0}));
        assert!(
            t.contains("  # opening\n  - khoan: 1. Thời gian # when\n  - Mời dự họp.\n  - gach:"),
            "{t}"
        );
        assert_eq!(edit(&t, json!({"op": "up", "index": 1})), DOC);
        assert_eq!(edit(DOC, json!({"op": "up", "index": 0})), DOC);
    }

    #[test]
    fn writes_a_body_where_there_is_none() {
        let t = edit(
            "loai: giay_moi\ntrich_yeu: X\nnguoi_ky:\n  ho_ten: A\n",
            json!({"op": "add", "index": 0, "block": {"kind": "doan", "text": "Kính mời."}}),
        );
        assert_eq!(
            t,
            "loai: giay_moi\ntrich_yeu: X\nnoi_dung:\n  - Kính mời.\nnguoi_ky:\n  ho_ten: A\n"
        );
        let t = edit(&t, json!({"op": "remove", "index": 0}));
        assert_eq!(t, "loai: giay_moi\ntrich_yeu: X\nnguoi_ky:\n  ho_ten: A\n");
        let t = edit(
            "loai: x\nnoi_dung: []\n",
            json!({"op": "add", "index": 0, "block": {"kind": "ngat_trang"}}),
        );
        assert_eq!(t, "loai: x\nnoi_dung:\n  - ngat_trang: true\n");
    }
}
