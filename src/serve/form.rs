//! Form mode: reading and setting the common top-level fields in the YAML
//! text while keeping the rest of the text (order, comments) as it is.

use serde_json::{Map, Value as Json};
use serde_yaml::Value;

use crate::model;

/// The fields of the form. They are shown in the model's key order
/// ([`form_keys`]).
pub const FORM_KEYS: [&str; 11] = [
    "co_quan_chu_quan",
    "co_quan",
    "ten_co_quan",
    "so",
    "ky_hieu",
    "dia_danh",
    "ngay",
    "trich_yeu",
    "kinh_gui",
    "nguoi_ky",
    "noi_nhan",
];

/// The fields of the form in the order a document has them.
pub fn form_keys() -> Vec<&'static str> {
    model::keys()
        .iter()
        .copied()
        .filter(|k| FORM_KEYS.contains(k))
        .collect()
}

/// The values of the form fields in `text` (absent keys are left out);
/// `None` if the text is not a YAML map.
pub fn fields(text: &str) -> Option<Json> {
    let v: Value = serde_yaml::from_str(text).ok()?;
    fields_of(&v)
}

/// The values of the form fields in the YAML value `v`; `None` if it is
/// not a map.
pub fn fields_of(v: &Value) -> Option<Json> {
    let m = v.as_mapping()?;
    let mut out = Map::new();
    for k in FORM_KEYS {
        if let Some(v) = m.get(k) {
            out.insert(k.to_owned(), serde_json::to_value(v).unwrap_or(Json::Null));
        }
    }
    Some(Json::Object(out))
}

/// Is `v` empty (nothing to write)?
fn is_empty(v: &Json) -> bool {
    match v {
        Json::Null => true,
        Json::String(s) => s.trim().is_empty(),
        Json::Array(a) => a.iter().all(is_empty),
        Json::Object(o) => o.values().all(is_empty),
        _ => false,
    }
}

/// Removes empty strings from lists and empty members from maps.
fn prune(v: &Json) -> Json {
    match v {
        Json::Array(a) => Json::Array(a.iter().filter(|x| !is_empty(x)).map(prune).collect()),
        Json::Object(o) => Json::Object(
            o.iter()
                .filter(|(_, x)| !is_empty(x))
                .map(|(k, x)| (k.clone(), prune(x)))
                .collect(),
        ),
        other => other.clone(),
    }
}

/// The top-level block of `key`: its first line and one past its last
/// (continuation lines are indented, list items at column 0, or blank
/// lines followed by more of the block).
pub(super) fn block(lines: &[&str], key: &str) -> Option<(usize, usize)> {
    let starts = |l: &str, k: &str| l.strip_prefix(k).is_some_and(|r| r.starts_with(':'));
    let first = lines.iter().position(|l| starts(l, key))?;
    let mut end = first + 1;
    let mut i = first + 1;
    while i < lines.len() {
        let l = lines[i];
        if l.trim().is_empty() {
            i += 1;
            continue;
        }
        let continues =
            l.starts_with(' ') || l.starts_with('\t') || l.starts_with("- ") || l == "-";
        if !continues {
            break;
        }
        i += 1;
        end = i;
    }
    Some((first, end))
}

/// The comment at the end of a one-line `key: value  # comment`, if any.
pub(super) fn trailing_comment(line: &str) -> Option<&str> {
    let mut quote: Option<char> = None;
    let mut prev = ' ';
    for (i, c) in line.char_indices() {
        match quote {
            Some(q) if c == q => quote = None,
            Some(_) => {}
            None if (c == '"' || c == '\'') && (prev == ' ' || prev == ':') => quote = Some(c),
            None if c == '#' && prev.is_whitespace() => return Some(&line[i..]),
            None => {}
        }
        prev = c;
    }
    None
}

/// `key: value` as YAML lines, indented by `indent` spaces; a one-line
/// result keeps the trailing comment of `old` (the line it replaces).
fn yaml_lines(
    key: &str,
    value: &Json,
    indent: usize,
    old: Option<&str>,
) -> Result<Vec<String>, String> {
    let yaml_value: Value = serde_json::from_value(prune(value)).map_err(|e| e.to_string())?;
    let mut map = serde_yaml::Mapping::new();
    map.insert(Value::String(key.to_owned()), yaml_value);
    let yaml = serde_yaml::to_string(&map).map_err(|e| e.to_string())?;
    let pad = " ".repeat(indent);
    let mut out: Vec<String> = yaml.lines().map(|l| format!("{pad}{l}")).collect();
    if out.len() == 1 {
        if let Some(c) = old.and_then(trailing_comment) {
            out[0] = format!("{} {c}", out[0]);
        }
    }
    Ok(out)
}

/// `lines` with `at..end` replaced by `new`, as text ending with a newline.
fn splice(lines: &[&str], at: usize, end: usize, new: Vec<String>) -> String {
    let mut out: Vec<String> = Vec::with_capacity(lines.len() + new.len());
    out.extend(lines[..at].iter().map(|l| (*l).to_owned()));
    out.extend(new);
    out.extend(lines[end..].iter().map(|l| (*l).to_owned()));
    let mut s = out.join("\n");
    s.push('\n');
    s
}

fn indent_of(line: &str) -> usize {
    line.len() - line.trim_start_matches(' ').len()
}

/// Sets the top-level `key` of the YAML `text` to `value` (removes it when
/// the value is empty), keeping every other line as it is. A one-line value
/// keeps its trailing comment. `parent.key` sets one key of a top-level
/// map (`nguoi_ky.ho_ten`) the same way.
pub fn set_field(text: &str, key: &str, value: &Json) -> Result<String, String> {
    if let Some((parent, sub)) = key.split_once('.') {
        return set_sub_field(text, parent, sub, value);
    }
    if !FORM_KEYS.contains(&key) {
        return Err(format!("`{key}` is not a form field"));
    }
    let lines: Vec<&str> = text.lines().collect();
    let existing = block(&lines, key);
    let new_block = if is_empty(value) {
        Vec::new()
    } else {
        let old = existing.filter(|(f, e)| e - f == 1).map(|(f, _)| lines[f]);
        yaml_lines(key, value, 0, old)?
    };
    let (at, end) = existing.unwrap_or_else(|| {
        let at = insertion_line(&lines, key);
        (at, at)
    });
    Ok(splice(&lines, at, end, new_block))
}

/// Where the absent top-level `key` goes in `lines`: after the nearest key
/// that comes before it in the usual order, else before the first key that
/// comes after it, else at the end.
pub(super) fn insertion_line(lines: &[&str], key: &str) -> usize {
    let order = model::keys();
    let pos = model::key_rank(key);
    let after = order[..pos]
        .iter()
        .rev()
        .find_map(|k| block(lines, k))
        .map(|(_, e)| e);
    after.unwrap_or_else(|| {
        order[pos..]
            .iter()
            .filter_map(|k| block(lines, k).map(|(s, _)| s))
            .min()
            .unwrap_or(lines.len())
    })
}

fn set_sub_field(text: &str, parent: &str, sub: &str, value: &Json) -> Result<String, String> {
    let simple = |k: &str| !k.is_empty() && k.chars().all(|c| c.is_ascii_lowercase() || c == '_');
    if !FORM_KEYS.contains(&parent) || !simple(sub) {
        return Err(format!("`{parent}.{sub}` is not a form field"));
    }
    let lines: Vec<&str> = text.lines().collect();
    let head = |l: &str| {
        let rest = l.split_once(':').map_or("", |(_, r)| r);
        let rest = trailing_comment(rest).map_or(rest, |c| &rest[..rest.len() - c.len()]);
        rest.trim().is_empty()
    };
    match block(&lines, parent) {
        // A block map: change only the line of `sub`.
        Some((first, end)) if head(lines[first]) => {
            let body = first + 1..end;
            let indent = body
                .clone()
                .map(|i| lines[i])
                .find(|l| !l.trim().is_empty() && !l.trim_start().starts_with('#'))
                .map_or(2, indent_of);
            let is_sub = |l: &str| {
                indent_of(l) == indent
                    && l[indent..]
                        .strip_prefix(sub)
                        .is_some_and(|r| r.starts_with(':'))
            };
            let found = body.clone().find(|&i| is_sub(lines[i]));
            let (at, stop) = match found {
                Some(i) => {
                    let mut j = i + 1;
                    while j < end && !lines[j].trim().is_empty() && indent_of(lines[j]) > indent {
                        j += 1;
                    }
                    (i, j)
                }
                None => {
                    // After the last line of the map (not its trailing blanks).
                    let last = body
                        .rev()
                        .find(|&i| !lines[i].trim().is_empty())
                        .unwrap_or(first);
                    (last + 1, last + 1)
                }
            };
            let new = if is_empty(value) {
                Vec::new()
            } else {
                let old = found.filter(|&i| stop == i + 1).map(|i| lines[i]);
                yaml_lines(sub, value, indent, old)?
            };
            Ok(splice(&lines, at, stop, new))
        }
        // Absent or written inline: set the key in the parsed map.
        _ => {
            let mut map = fields(text)
                .and_then(|f| f.get(parent).cloned())
                .and_then(|v| v.as_object().cloned())
                .unwrap_or_default();
            map.insert(sub.to_owned(), value.clone());
            set_field(text, parent, &Json::Object(map))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    const DOC: &str = "# head\nloai: cong_van\nco_quan: A # note\nkinh_gui:\n  - X\n  - Y\n\nnoi_dung:\n  - z\nnoi_nhan:\n- Như trên\n";

    #[test]
    fn replaces_a_scalar_keeping_its_comment() {
        let t = set_field(DOC, "co_quan", &json!("PHÒNG B")).unwrap();
        assert!(t.contains("co_quan: PHÒNG B # note\n"), "{t}");
        assert!(t.starts_with("# head\nloai: cong_van\n"), "{t}");
    }

    #[test]
    fn replaces_a_list_block_only() {
        let t = set_field(DOC, "kinh_gui", &json!(["Q", ""])).unwrap();
        assert!(t.contains("kinh_gui:\n- Q\n\nnoi_dung:\n  - z\n"), "{t}");
        let t = set_field(DOC, "noi_nhan", &json!(["A", "Lưu: VT"])).unwrap();
        assert!(t.ends_with("noi_nhan:\n- A\n- 'Lưu: VT'\n"), "{t}");
    }

    #[test]
    fn adds_in_order_and_removes_when_empty() {
        let t = set_field(DOC, "so", &json!(12)).unwrap();
        assert!(t.contains("co_quan: A # note\nso: 12\nkinh_gui:"), "{t}");
        let t = set_field(&t, "so", &json!("")).unwrap();
        assert_eq!(t, DOC);
        let t = set_field(
            DOC,
            "nguoi_ky",
            &json!({"chuc_vu": "TRƯỞNG PHÒNG", "ho_ten": "Lê B", "quyen_han": ""}),
        )
        .unwrap();
        assert!(
            t.contains("  - z\nnguoi_ky:\n  chuc_vu: TRƯỞNG PHÒNG\n  ho_ten: Lê B\nnoi_nhan:"),
            "{t}"
        );
        assert_eq!(fields(&t).unwrap()["nguoi_ky"]["ho_ten"], json!("Lê B"));
    }

    #[test]
    fn sets_one_key_of_a_map() {
        let doc = "loai: cong_van\nnguoi_ky:\n  quyen_han: KT. TRƯỞNG PHÒNG # n\n  chuc_vu: PHÓ TRƯỞNG PHÒNG\n\nnoi_nhan: []\n";
        let t = set_field(doc, "nguoi_ky.chuc_vu", &json!("TRƯỞNG PHÒNG")).unwrap();
        assert_eq!(t, doc.replace("PHÓ TRƯỞNG", "TRƯỞNG"));
        let t = set_field(doc, "nguoi_ky.quyen_han", &json!("TM. UBND")).unwrap();
        assert!(t.contains("  quyen_han: TM. UBND # n\n"), "{t}");
        let t = set_field(doc, "nguoi_ky.ho_ten", &json!("Lê B")).unwrap();
        assert!(
            t.contains("  chuc_vu: PHÓ TRƯỞNG PHÒNG\n  ho_ten: Lê B\n\nnoi_nhan"),
            "{t}"
        );
        let t = set_field(&t, "nguoi_ky.ho_ten", &json!("")).unwrap();
        assert_eq!(t, doc);
        let t = set_field("loai: x\n", "nguoi_ky.ho_ten", &json!("Lê B")).unwrap();
        assert_eq!(t, "loai: x\nnguoi_ky:\n  ho_ten: Lê B\n");
    }

    #[test]
    fn form_keys_are_model_keys() {
        let keys = form_keys();
        assert_eq!(keys.len(), FORM_KEYS.len());
        assert!(keys
            .windows(2)
            .all(|w| model::key_rank(w[0]) < model::key_rank(w[1])));
    }

    #[test]
    fn refuses_other_keys() {
        assert!(set_field(DOC, "bien.x", &json!("x")).is_err());
        assert!(set_field(DOC, "noi_dung", &json!("x")).is_err());
    }
}
