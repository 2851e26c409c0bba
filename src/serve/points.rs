//! The points of a giấy mời the form edits (time, place, participants):
//! in the body, the item after the heading `khoan: 1. Thời gian` (a
//! paragraph, or a `gach` list for several lines), read from and written
//! into the YAML text with the rest of the text kept as it is.

use serde_json::{Map, Value as Json};
use serde_yaml::Value;

use super::form::block;

/// The form's name of each point and the heading it follows.
pub const POINTS: [(&str, &str); 3] = [
    ("thoi_gian", "Thời gian"),
    ("dia_diem", "Địa điểm"),
    ("thanh_phan", "Thành phần"),
];

/// The index in `items` of the heading `khoan: N. {heading}`.
fn heading_at(items: &[Value], heading: &str) -> Option<usize> {
    items.iter().position(|i| {
        i.get("khoan").and_then(Value::as_str).is_some_and(|k| {
            let k = k.trim_start_matches(|c: char| c.is_ascii_digit() || c == '.' || c == ' ');
            k.trim().to_lowercase() == heading.to_lowercase()
        })
    })
}

/// The point's text: a paragraph, or the lines of a `gach` list.
fn point_value(item: &Value) -> Option<Json> {
    if let Some(s) = item.as_str() {
        return Some(Json::String(s.to_owned()));
    }
    let lines = item.get("gach")?.as_sequence()?;
    let lines: Option<Vec<Json>> = lines
        .iter()
        .map(|l| l.as_str().map(|s| Json::String(s.to_owned())))
        .collect();
    Some(Json::Array(lines?))
}

/// The points of the document `v` (a giấy mời); `None` for another kind.
pub fn points(v: &Value) -> Option<Json> {
    if v.get("loai").and_then(Value::as_str) != Some("giay_moi") {
        return None;
    }
    let items = v
        .get("noi_dung")
        .and_then(Value::as_sequence)
        .cloned()
        .unwrap_or_default();
    let mut out = Map::new();
    for (name, heading) in POINTS {
        let value = heading_at(&items, heading)
            .and_then(|i| items.get(i + 1))
            .and_then(point_value);
        out.insert(name.to_owned(), value.unwrap_or(Json::Null));
    }
    Some(Json::Object(out))
}

/// The line ranges of the items of the top-level list `key` in `lines`
/// (each from its `- ` line to the next item, trailing comments and blank
/// lines left out), and the items' indent.
pub(super) fn item_ranges(lines: &[&str], key: &str) -> Option<(Vec<(usize, usize)>, usize)> {
    let (first, end) = block(lines, key)?;
    let is_item = |l: &str| {
        let t = l.trim_start();
        t.starts_with("- ") || t == "-"
    };
    let indent = lines[first + 1..end]
        .iter()
        .find(|l| is_item(l))
        .map(|l| l.len() - l.trim_start().len())?;
    let starts: Vec<usize> = (first + 1..end)
        .filter(|&i| is_item(lines[i]) && lines[i].len() - lines[i].trim_start().len() == indent)
        .collect();
    let ranges = starts
        .iter()
        .enumerate()
        .map(|(n, &s)| {
            let mut e = starts.get(n + 1).copied().unwrap_or(end);
            while e > s + 1 && {
                let t = lines[e - 1].trim_start();
                t.is_empty() || t.starts_with('#')
            } {
                e -= 1;
            }
            (s, e)
        })
        .collect();
    Some((ranges, indent))
}

/// Sets the point `name` of the giấy mời `text` to `value` (a text, or a
/// list of lines); an empty value removes it. The heading must be there.
pub fn set_point(text: &str, name: &str, value: &Json) -> Result<String, String> {
    let heading = POINTS
        .iter()
        .find(|(n, _)| *n == name)
        .map(|(_, h)| *h)
        .ok_or_else(|| format!("`{name}` is not a point of a giấy mời"))?;
    let doc: Value = serde_yaml::from_str(text).map_err(|e| e.to_string())?;
    let items = doc
        .get("noi_dung")
        .and_then(Value::as_sequence)
        .cloned()
        .unwrap_or_default();
    let at = heading_at(&items, heading)
        .ok_or_else(|| format!("the body has no heading `{heading}`"))?;
    let lines: Vec<&str> = text.lines().collect();
    let (ranges, indent) =
        item_ranges(&lines, "noi_dung").ok_or_else(|| "the body is not a list".to_owned())?;
    if ranges.len() != items.len() {
        return Err("the body is written in a form the form cannot edit".into());
    }
    let replaced = items.get(at + 1).and_then(point_value).is_some();
    let (from, to) = if replaced {
        ranges[at + 1]
    } else {
        (ranges[at].1, ranges[at].1)
    };
    let lines_of = |v: &Json| -> Result<Vec<String>, String> {
        let item: Value = match v {
            Json::Array(a) => {
                let kept: Vec<Json> = a
                    .iter()
                    .filter(|x| x.as_str().is_some_and(|s| !s.trim().is_empty()))
                    .cloned()
                    .collect();
                match kept.len() {
                    0 => return Ok(Vec::new()),
                    1 => serde_json::from_value(kept[0].clone()).map_err(|e| e.to_string())?,
                    _ => serde_json::from_value(serde_json::json!({ "gach": kept }))
                        .map_err(|e| e.to_string())?,
                }
            }
            Json::String(s) if s.trim().is_empty() => return Ok(Vec::new()),
            Json::Null => return Ok(Vec::new()),
            other => serde_json::from_value(other.clone()).map_err(|e| e.to_string())?,
        };
        let yaml = serde_yaml::to_string(&vec![item]).map_err(|e| e.to_string())?;
        let pad = " ".repeat(indent);
        Ok(yaml.lines().map(|l| format!("{pad}{l}")).collect())
    };
    let new = lines_of(value)?;
    let mut out: Vec<String> = lines[..from].iter().map(|l| (*l).to_owned()).collect();
    out.extend(new);
    out.extend(lines[to..].iter().map(|l| (*l).to_owned()));
    let mut s = out.join("\n");
    s.push('\n');
    Ok(s)
}

#[cfg(test)]
mod tests {
    use super::*;

    const MOI: &str = "loai: giay_moi\nnoi_dung:\n  - Mời dự họp.\n  - khoan: 1. Thời gian\n  - 07 giờ 30 phút, ngày 31/5/2024.\n  # the place\n  - khoan: 2. Địa điểm\n  - Hội trường A.\n  - khoan: 3. Thành phần\n  - gach:\n      - Ông A.\n      - Bà B.\nnguoi_ky:\n  ho_ten: X\n";

    #[test]
    fn reads_and_writes_the_points_keeping_the_rest() {
        let v: Value = serde_yaml::from_str(MOI).unwrap();
        let p = points(&v).unwrap();
        assert_eq!(p["thoi_gian"], "07 giờ 30 phút, ngày 31/5/2024.");
        assert_eq!(p["thanh_phan"], serde_json::json!(["Ông A.", "Bà B."]));
        let t = set_point(
            MOI,
            "thoi_gian",
            &Json::String("14 giờ, ngày 3/6/2024.".into()),
        )
        .unwrap();
        assert_eq!(
            t,
            MOI.replace("07 giờ 30 phút, ngày 31/5/2024.", "14 giờ, ngày 3/6/2024.")
        );
        let t = set_point(MOI, "thanh_phan", &serde_json::json!(["Ông A."])).unwrap();
        assert_eq!(
            t,
            MOI.replace("  - gach:\n      - Ông A.\n      - Bà B.\n", "  - Ông A.\n")
        );
        let t = set_point(MOI, "dia_diem", &serde_json::json!(["Phòng 1", "Phòng 2"])).unwrap();
        assert!(t.contains("  # the place\n  - khoan: 2. Địa điểm\n  - gach:\n    - Phòng 1\n    - Phòng 2\n  - khoan: 3."), "{t}");
        assert!(points(&serde_yaml::from_str("loai: cong_van\n").unwrap()).is_none());
    }
}
