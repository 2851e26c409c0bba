//! The yearly jobs on documents: next year's draft (`new`), a child
//! skeleton (`derive`), and what a child changes (`diff`).

use std::path::{Component, Path, PathBuf};

use serde_yaml::Value;

use crate::diag::Error;
use crate::load;

pub mod rollover;

pub use rollover::{roll, Rollover};

/// Next year's draft of the YAML `text` of a document dated in `from`
/// (see [`rollover`]): its own dates move by `to - from` (29 February
/// becomes 28), citations of other documents are kept, `so` is cleared and
/// `ngay` becomes a draft (day blank). Years far from `from` (a `giai đoạn
/// 2021-2030`, an old circular's date) are left alone.
pub fn new_year(text: &str, from: i32, to: i32) -> String {
    roll(text, from, to).text
}

/// The year of a loaded document (its date, else its `nam` variable).
pub fn year_of(doc: &load::Loaded) -> Option<i32> {
    doc.doc.ngay.map(|n| n.nam).or_else(|| {
        doc.doc
            .bien
            .get("nam")
            .and_then(Value::as_i64)
            .map(|y| y as i32)
    })
}

/// Keys a derived document must fill in itself (in the model's order, as
/// [`derive`] writes them).
pub const TO_FILL: [&str; 8] = [
    "co_quan_chu_quan",
    "co_quan",
    "ten_co_quan",
    "ky_hieu",
    "dia_danh",
    "kinh_gui",
    "nguoi_ky",
    "noi_nhan",
];

/// Text of the skeleton written by [`derive`] (one place, for the coming
/// catalogue).
mod msg {
    pub fn header(rel: &str) -> String {
        format!(
            "# Văn bản cấp dưới của {rel}: mọi thứ không viết ở đây được kế thừa.\n\
             # Điền cơ quan, người ký, Kính gửi và Nơi nhận; thay một mục của văn bản cấp trên\n\
             # bằng cách viết lại mục đó với cùng `id`; mục mới cần `them_moi: true` (hoặc `sau: <id>`).\n"
        )
    }
    pub const SHA: &str =
        "# văn bản cấp trên khi tạo văn bản này: `vanban check` báo khi văn bản cấp trên được sửa";
    pub const IDS: &str = "# Các mục của văn bản cấp trên (id: những chữ đầu):";
    pub const OPENING: &str =
        "# Câu mở đầu, in sau trích dẫn văn bản cấp trên (“Thực hiện … của …”): điền tên cơ quan vào chỗ “…”.";
    pub fn opening(kind: &str, subject: &str) -> String {
        if kind.is_empty() {
            ", … triển khai thực hiện như sau:".to_owned()
        } else if subject.is_empty() {
            format!(", … ban hành {kind} như sau:")
        } else {
            format!(", … ban hành {kind} {subject} như sau:")
        }
    }
}

/// A child skeleton for `parent`, to be written at `child`: `extends:`, the
/// keys the child must fill, the opening sentence after the citation of
/// its parent, and the parent's item ids (as comments), in the model's key
/// order. Returns the YAML text.
pub fn derive(parent: &Path, child: &Path, parent_doc: &load::Loaded) -> String {
    let dir = child
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    let rel = relative(parent, dir);
    let year = year_of(parent_doc).unwrap_or(2000);
    let month = parent_doc.doc.ngay.and_then(|n| n.thang).unwrap_or(1);
    let info = parent_doc.doc.loai.info();
    let kind = {
        let mut c = info.ten_thuong.chars();
        c.next()
            .map(|f| f.to_uppercase().chain(c).collect::<String>())
            .unwrap_or_default()
    };
    let subject = parent_doc
        .doc
        .trich_yeu
        .as_deref()
        .map(|t| {
            let t = t.replace('\n', " ");
            let mut c = t.chars();
            c.next()
                .map(|f| f.to_lowercase().chain(c).collect::<String>())
                .unwrap_or_default()
        })
        .unwrap_or_default();
    let opening = serde_yaml::to_string(&msg::opening(&kind, &subject)).unwrap_or_default();
    let mut ids = Vec::new();
    if let Ok(v) = load::merged_value(parent, &mut Vec::new()) {
        item_ids(&v, "", &mut ids);
    }
    let parent_sha = parent_doc
        .sources
        .first()
        .map(|s| s.sha256.clone())
        .unwrap_or_default();
    let entry = |key: &str| -> Option<String> {
        Some(match key {
            "extends" => format!("extends: {rel}\n"),
            "extends_sha256" => format!("extends_sha256: {parent_sha}  {}\n", msg::SHA),
            "co_quan_chu_quan" => "co_quan_chu_quan: \"\"  # e.g. UBND HUYỆN …\n".into(),
            "co_quan" => "co_quan: \"\"           # e.g. PHÒNG GIÁO DỤC VÀ ĐÀO TẠO\n".into(),
            "ten_co_quan" => "ten_co_quan: \"\"       # full name, for citations\n".into(),
            "ngay" => format!("ngay: {year}-{month:02}     # draft: day left blank until signed\n"),
            "kinh_gui" => "kinh_gui: []\n".into(),
            "mo_dau" => format!("{}\nmo_dau: {}\n", msg::OPENING, opening.trim_end()),
            "noi_dung" if !ids.is_empty() => format!("{}\n{}\n", msg::IDS, ids.join("\n")),
            "nguoi_ky" => "nguoi_ky:\n  quyen_han: \"\"\n  chuc_vu: \"\"\n  ho_ten: \"\"\n".into(),
            "noi_nhan" => "noi_nhan:\n  - \"Lưu: VT\"\n".into(),
            k if TO_FILL.contains(&k) => format!("{k}: \"\"\n"),
            _ => return None,
        })
    };
    let mut out = msg::header(&rel);
    out.extend(crate::model::keys().iter().filter_map(|k| entry(k)));
    out
}

/// `#   noi_dung: sgddt-nv: Chủ trì, phối hợp …` for each list item with an
/// `id` in `v`, at path `at`.
fn item_ids(v: &Value, at: &str, out: &mut Vec<String>) {
    match v {
        Value::Mapping(m) => {
            for (k, v) in m {
                let k = k.as_str().unwrap_or_default();
                let path = if at.is_empty() {
                    k.to_owned()
                } else {
                    format!("{at}.{k}")
                };
                item_ids(v, &path, out);
            }
        }
        Value::Sequence(items) => {
            for (i, item) in items.iter().enumerate() {
                let Some(m) = item.as_mapping() else { continue };
                if let Some(id) = m.get("id").and_then(Value::as_str) {
                    let first = m
                        .iter()
                        .filter(|(k, _)| k.as_str() != Some("id"))
                        .find_map(|(_, v)| v.as_str())
                        .unwrap_or("");
                    let words: Vec<&str> = first.split_whitespace().collect();
                    let mut first = words.iter().take(8).copied().collect::<Vec<_>>().join(" ");
                    if words.len() > 8 {
                        first.push_str(" …");
                    }
                    out.push(format!("#   {at}: {id}: {first}"));
                }
                item_ids(item, &format!("{at}[{i}]"), out);
            }
        }
        _ => {}
    }
}

/// `target` relative to folder `from` (both made absolute).
pub fn relative(target: &Path, from: &Path) -> String {
    let abs = |p: &Path| {
        std::path::absolute(p)
            .unwrap_or_else(|_| p.to_path_buf())
            .components()
            .fold(PathBuf::new(), |mut acc, c| {
                match c {
                    Component::ParentDir => {
                        acc.pop();
                    }
                    Component::CurDir => {}
                    c => acc.push(c),
                }
                acc
            })
    };
    let (t, f) = (abs(target), abs(from));
    let tc: Vec<_> = t.components().collect();
    let fc: Vec<_> = f.components().collect();
    let common = tc.iter().zip(&fc).take_while(|(a, b)| a == b).count();
    let mut parts: Vec<String> = vec!["..".into(); fc.len() - common];
    parts.extend(
        tc[common..]
            .iter()
            .map(|c| c.as_os_str().to_string_lossy().into_owned()),
    );
    parts.join("/")
}

/// What the child at `path` changes relative to its parent, one line per
/// change: `+` added, `-` removed, `~` changed.
pub fn diff(path: &Path) -> Result<Vec<String>, Error> {
    let text = load::read_text(path)?;
    let own = load::parse_value(path, &text)?;
    let Some(parent) = own.get("extends").and_then(Value::as_str) else {
        return Err(Error::Other(crate::i18n::t(
            "diff-no-extends",
            &[("path", &path.display().to_string())],
        )));
    };
    let parent_path = load::resolve_ref(path, parent)?;
    let before = load::merged_value(&parent_path, &mut Vec::new())?;
    let after = load::merged_value(path, &mut Vec::new())?;
    let mut out = Vec::new();
    compare("", &before, &after, &mut out);
    Ok(out)
}

fn short(v: &Value) -> String {
    let s = match v {
        Value::String(s) => s.clone(),
        other => serde_yaml::to_string(other)
            .unwrap_or_default()
            .trim()
            .replace('\n', " "),
    };
    if s.chars().count() > 70 {
        format!("{}…", s.chars().take(69).collect::<String>())
    } else {
        s
    }
}

fn compare(at: &str, a: &Value, b: &Value, out: &mut Vec<String>) {
    let join = |k: &str| {
        if at.is_empty() {
            k.to_owned()
        } else {
            format!("{at}.{k}")
        }
    };
    match (a, b) {
        (Value::Mapping(ma), Value::Mapping(mb)) => {
            for (k, va) in ma {
                let key = join(&short(k));
                match mb.get(k) {
                    Some(vb) => compare(&key, va, vb, out),
                    None => out.push(format!("- {key}: {}", short(va))),
                }
            }
            for (k, vb) in mb {
                if !ma.contains_key(k) {
                    out.push(format!("+ {}: {}", join(&short(k)), short(vb)));
                }
            }
        }
        (Value::Sequence(sa), Value::Sequence(sb))
            if sa.iter().chain(sb).any(|i| i.get("id").is_some()) =>
        {
            let id = |v: &Value| v.get("id").map(short);
            for ia in sa {
                let Some(i) = id(ia) else { continue };
                match sb.iter().find(|ib| id(ib).as_deref() == Some(i.as_str())) {
                    Some(ib) => compare(&format!("{at}[{i}]"), ia, ib, out),
                    None => out.push(format!("- {at}[{i}]: {}", short(ia))),
                }
            }
            for ib in sb {
                if let Some(i) = id(ib) {
                    if !sa.iter().any(|ia| id(ia).as_deref() == Some(i.as_str())) {
                        out.push(format!("+ {at}[{i}]: {}", short(ib)));
                    }
                }
            }
        }
        (a, b) if a != b => out.push(format!("~ {at}: {} → {}", short(a), short(b))),
        _ => {}
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn new_year_moves_near_dates_and_keeps_the_rest() {
        let text = "# comment kept\nloai: ke_hoach\nso: 12  # number\nngay: 2022-09-29\nbien:\n  bat_dau: 2022-10-01\n  nhuan: 2024-02-29\nnoi_dung:\n  - Ngày 07/9/2022, năm 2022, năm học 2022-2023, giai đoạn 2021 - 2030, Thông tư 07/2018 ngày 24/01/2018.\n";
        let out = new_year(text, 2022, 2023);
        assert!(
            out.starts_with("# comment kept\nloai: ke_hoach\nso:"),
            "{out}"
        );
        assert!(out.contains("ngay: 2023-09\n"), "{out}");
        assert!(out.contains("bat_dau: 2023-10-01"), "{out}");
        assert!(
            out.contains("nhuan: 2024-02-29"),
            "far years untouched: {out}"
        );
        assert!(
            out.contains("Ngày 07/9/2023, năm 2023, năm học 2023-2024, giai đoạn 2021 - 2030"),
            "{out}"
        );
        assert!(out.contains("ngày 24/01/2018"), "{out}");
        let leap = new_year("x: 2024-02-29 29/02/2024\n", 2024, 2025);
        assert_eq!(leap, "x: 2025-02-28 28/02/2025\n");
    }

    #[test]
    fn to_fill_follows_the_model_order() {
        let ranks: Vec<usize> = TO_FILL.iter().map(|k| crate::model::key_rank(k)).collect();
        assert!(ranks.windows(2).all(|w| w[0] < w[1]), "{TO_FILL:?}");
        assert!(ranks.iter().all(|&r| r < crate::model::keys().len()));
    }

    #[test]
    fn relative_paths() {
        assert_eq!(
            relative(Path::new("/a/b/tinh/kh.yaml"), Path::new("/a/b/huyen")),
            "../tinh/kh.yaml"
        );
        assert_eq!(
            relative(Path::new("/a/b/kh.yaml"), Path::new("/a/b")),
            "kh.yaml"
        );
    }
}
