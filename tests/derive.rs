//! A district's copy (`extends`) never invents an item: an `id` its parent
//! lacks is an error with the closest id, a new item says so
//! (`them_moi: true`); the skeleton of `derive` lists the parent's ids and
//! fills the opening sentence.

use std::path::{Path, PathBuf};

use crate::common::*;

const PARENT: &str = "data/chuoi/2023/tinh-long-an/ke-hoach.yaml";

/// A project with the province's plan at `tinh/kh.yaml`; returns its folder.
fn project() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("vanban.toml"), "").unwrap();
    std::fs::create_dir_all(dir.path().join("tinh")).unwrap();
    std::fs::create_dir_all(dir.path().join("huyen")).unwrap();
    std::fs::copy(root().join(PARENT), dir.path().join("tinh/kh.yaml")).unwrap();
    dir
}

const CHILD_HEAD: &str = "extends: ../tinh/kh.yaml\nco_quan: ỦY BAN NHÂN DÂN HUYỆN THỦ THỪA\nten_co_quan: Ủy ban nhân dân huyện Thủ Thừa\ndia_danh: Thủ Thừa\nngay: 2023-10-02\nnguoi_ky: {chuc_vu: CHỦ TỊCH, ho_ten: Trần Văn B}\nnoi_nhan: [\"Lưu: VT\"]\n";

fn child(dir: &Path, body: &str) -> (PathBuf, String) {
    let text = format!("{CHILD_HEAD}{body}");
    let path = dir.join("huyen/kh.yaml");
    std::fs::write(&path, &text).unwrap();
    (path, text)
}

/// `path:line:column` of the first `needle` in `text`.
fn place(path: &Path, text: &str, needle: &str) -> String {
    let (i, line) = text
        .lines()
        .enumerate()
        .find(|(_, l)| l.contains(needle))
        .unwrap();
    let col = line[..line.find(needle).unwrap()].chars().count() + 1;
    format!("{}:{}:{col}", path.display(), i + 1)
}

#[test]
fn a_mistyped_id_is_an_error_with_the_closest_id_of_the_parent() {
    let dir = project();
    let (path, text) = child(
        dir.path(),
        "noi_dung:\n  - id: huyen_nv\n    doan: Tổ chức Lễ khai mạc tại xã.\n",
    );
    let o = run(vanban().arg("check").arg(&path));
    assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
    let err = stderr(&o);
    assert!(
        err.contains("`id: huyen_nv` is not in the parent document"),
        "{err}"
    );
    assert!(err.contains(&place(&path, &text, "huyen_nv")), "{err}");
    assert!(err.contains("did you mean `huyen-nv`?"), "{err}");
}

#[test]
fn a_new_item_says_so_and_prints_beside_the_parents() {
    let dir = project();
    let (path, _) = child(
        dir.path(),
        "noi_dung:\n  - id: huyen_moi\n    them_moi: true\n    doan: Phòng Văn hóa phối hợp tuyên truyền.\n",
    );
    let doc = vanban::load::load(&path).unwrap_or_else(|e| panic!("{}", e.render(false)));
    let built = vanban::Builder::new(vanban::world::Engine::shared())
        .layout(&doc)
        .unwrap();
    let t = all_text(&lines(&flatten(&built.document)));
    assert!(t.contains("Phòng Văn hóa phối hợp tuyên truyền."), "{t}");
    // The parent's item with the id it resembles is still there, once.
    let parent = std::fs::read_to_string(root().join(PARENT)).unwrap();
    let nv = parent
        .lines()
        .skip_while(|l| !l.contains("id: huyen-nv"))
        .nth(1)
        .unwrap();
    let words: String = nv
        .split_once(": ")
        .unwrap()
        .1
        .split_whitespace()
        .take(6)
        .collect::<Vec<_>>()
        .join(" ");
    assert_eq!(t.matches(&words).count(), 1, "{words}: {t}");
}

#[test]
fn removing_or_anchoring_on_an_unknown_id_is_an_error() {
    let dir = project();
    for (body, needle) in [
        ("noi_dung:\n  - id: huyen_nv\n    xoa: true\n", "huyen_nv"),
        (
            "noi_dung:\n  - id: vhtt\n    sau: sgddt_nv\n    doan: Tuyên truyền.\n",
            "sgddt_nv",
        ),
        (
            "noi_dung:\n  - id: huyen-nv\n    them_moi: true\n    doan: Tuyên truyền.\n",
            "true",
        ),
    ] {
        let (path, text) = child(dir.path(), body);
        let o = run(vanban().arg("check").arg(&path));
        assert_eq!(o.status.code(), Some(1), "{body}: {}", stderr(&o));
        assert!(
            stderr(&o).contains(&place(&path, &text, needle)),
            "{body}: {}",
            stderr(&o)
        );
    }
}

#[test]
fn the_skeleton_lists_the_parents_ids_and_fills_the_opening_sentence() {
    let dir = project();
    let parent = dir.path().join("tinh/kh.yaml");
    let out = dir.path().join("huyen/kh.yaml");
    let o = run(vanban().arg("derive").arg(&parent).arg("-o").arg(&out));
    assert!(o.status.success(), "{}", stderr(&o));
    let skeleton = std::fs::read_to_string(&out).unwrap();
    let parent_text = std::fs::read_to_string(&parent).unwrap();
    let ids: Vec<&str> = parent_text
        .lines()
        .filter_map(|l| l.trim_start().strip_prefix("- id: "))
        .collect();
    assert!(!ids.is_empty());
    for id in &ids {
        assert!(
            skeleton
                .lines()
                .any(|l| l.starts_with('#') && l.contains(&format!(": {id}: "))),
            "{id} not listed:\n{skeleton}"
        );
    }
    // Filled in, the skeleton builds; the opening sentence goes on after
    // the citation of the parent.
    let filled = skeleton
        .replace("co_quan: \"\"", "co_quan: ỦY BAN NHÂN DÂN HUYỆN THỦ THỪA")
        .replace("dia_danh: \"\"", "dia_danh: Thủ Thừa")
        .replace(", … ban hành", ", Ủy ban nhân dân huyện ban hành")
        .replace("chuc_vu: \"\"", "chuc_vu: CHỦ TỊCH")
        .replace("ho_ten: \"\"", "ho_ten: Trần Văn B");
    std::fs::write(&out, filled).unwrap();
    let doc = vanban::load::load(&out).unwrap_or_else(|e| panic!("{}", e.render(false)));
    let built = vanban::Builder::new(vanban::world::Engine::shared())
        .layout(&doc)
        .unwrap();
    let t = all_text(&lines(&flatten(&built.document)));
    let parent_doc = vanban::load::load(&parent).unwrap();
    let subject = parent_doc.doc.trich_yeu.clone().unwrap();
    let mut c = subject.chars();
    let subject: String = c.next().unwrap().to_lowercase().chain(c).collect();
    assert!(
        t.contains(&format!(
            "Ủy ban nhân dân huyện ban hành Kế hoạch {subject} như sau:"
        )),
        "{t}"
    );
    assert!(t.contains("Thực hiện Kế hoạch số 2772/KH-UBND"), "{t}");
}

#[test]
fn check_warns_when_the_parent_changed_after_the_child_was_derived() {
    use sha2::Digest;
    let dir = project();
    let parent = dir.path().join("tinh/kh.yaml");
    let out = dir.path().join("huyen/kh.yaml");
    let o = run(vanban().arg("derive").arg(&parent).arg("-o").arg(&out));
    assert!(o.status.success(), "{}", stderr(&o));
    let skeleton = std::fs::read_to_string(&out)
        .unwrap()
        .replace("co_quan: \"\"", "co_quan: ỦY BAN NHÂN DÂN HUYỆN THỦ THỪA")
        .replace(", … ban hành", ", Ủy ban nhân dân huyện ban hành")
        .replace("chuc_vu: \"\"", "chuc_vu: CHỦ TỊCH")
        .replace("ho_ten: \"\"", "ho_ten: Trần Văn B");
    std::fs::write(&out, &skeleton).unwrap();
    let o = run(vanban().arg("check").arg(&out));
    assert_exit(&o, 0);
    assert!(!stderr(&o).contains("đã được sửa"), "{}", stderr(&o));
    // The province changes its plan: the district is told where to look.
    let changed = std::fs::read_to_string(&parent)
        .unwrap()
        .replace("Xây dựng năng lực tự học", "Học tập suốt đời");
    std::fs::write(&parent, &changed).unwrap();
    let o = run(vanban().arg("check").arg(&out));
    assert_exit(&o, 0);
    let err = stderr(&o);
    let sha: String = sha2::Sha256::digest(changed.as_bytes())
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect();
    let at = skeleton
        .lines()
        .position(|l| l.starts_with("extends_sha256: "))
        .unwrap()
        + 1;
    assert!(err.contains(&format!("{}:{at}:17", out.display())), "{err}");
    assert!(err.contains(&format!("`extends_sha256: {sha}`")), "{err}");
    // Recorded again, no warning.
    let old = skeleton
        .lines()
        .nth(at - 1)
        .unwrap()
        .split_whitespace()
        .nth(1)
        .unwrap()
        .to_owned();
    std::fs::write(&out, skeleton.replace(&old, &sha)).unwrap();
    let o = run(vanban().arg("check").arg(&out));
    assert!(!stderr(&o).contains("đã được sửa"), "{}", stderr(&o));
}
