//! Inheritance down the chain, citations, templates in data, and rolling a
//! document over to next year.

use std::path::Path;

use vanban::load;

use crate::common::{all_text, flatten, layout_file, lines, root, run, vanban};

fn text_of(rel: &str) -> String {
    let built = layout_file(rel);
    all_text(&lines(&flatten(&built.document)))
}

#[test]
fn district_plan_cites_the_province_plan_by_itself() {
    let t = text_of("data/chuoi/2023/huyen-thu-thua/ke-hoach.yaml");
    assert!(
        t.contains("Thực hiện Kế hoạch số 2772/KH-UBND ngày 29/9/2023 của Ủy ban nhân dân tỉnh Long An về tổ chức Tuần lễ hưởng ứng học tập suốt đời năm 2023"),
        "{t}"
    );
    // Inherited body, replaced and inserted tasks in order.
    let a = t
        .find("1. Phòng Giáo dục và Đào tạo")
        .expect("replaced task");
    let b = t
        .find("Phòng Văn hóa và Thông tin phối hợp")
        .expect("inserted task");
    let c = t
        .find("2. Ủy ban nhân dân các xã, thị trấn")
        .expect("replaced task");
    assert!(a < b && b < c, "{t}");
    assert!(!t.contains("Sở Giáo dục và Đào tạo chủ trì"), "{t}");
    // The parent's number and date are not inherited.
    assert!(t.contains("Số: 5758/KH-UBND"), "{t}");
}

#[test]
fn three_levels_with_templates_and_date_filters() {
    let t = text_of("data/chuoi/2023/huyen-thu-thua/pgddt-cong-van.yaml");
    assert!(t.contains("Thực hiện Kế hoạch số 5758/KH-UBND ngày 02/10/2023 của Ủy ban nhân dân huyện Thủ Thừa về tổ chức"), "{t}");
    assert!(t.contains("từ ngày 02/10 đến ngày 08/10/2023"), "{t}");
    assert!(t.contains("trước ngày 15/10/2023"), "{t}");
    assert!(
        t.contains("“Xây dựng năng lực tự học trong kỷ nguyên số”"),
        "{t}"
    );
    assert!(t.contains("ngày tháng 10 năm 2023"), "draft date: {t}");
}

fn write(dir: &Path, name: &str, text: &str) {
    std::fs::write(dir.join(name), text).unwrap();
}

#[test]
fn cycles_and_missing_parents_name_the_paths() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("vanban.toml"), "").unwrap();
    write(dir.path(), "a.yaml", "extends: b.yaml\nloai: ke_hoach\n");
    write(dir.path(), "b.yaml", "extends: a.yaml\nloai: ke_hoach\n");
    let e = english(|| {
        load::load(&dir.path().join("a.yaml"))
            .unwrap_err()
            .to_string()
    });
    assert!(
        e.contains("cycle") && e.contains("a.yaml") && e.contains("b.yaml"),
        "{e}"
    );
    write(
        dir.path(),
        "c.yaml",
        "extends: khong-co.yaml\nloai: ke_hoach\n",
    );
    let e = load::load(&dir.path().join("c.yaml"))
        .unwrap_err()
        .to_string();
    assert!(e.contains("khong-co.yaml") && e.contains("c.yaml"), "{e}");
}

#[test]
fn parents_outside_the_project_are_refused() {
    let dir = tempfile::tempdir().unwrap();
    let proj = dir.path().join("proj");
    std::fs::create_dir(&proj).unwrap();
    std::fs::write(proj.join("vanban.toml"), "").unwrap();
    write(dir.path(), "outside.yaml", "loai: ke_hoach\n");
    write(
        &proj,
        "x.yaml",
        "extends: ../outside.yaml\nloai: ke_hoach\n",
    );
    let e = load::load(&proj.join("x.yaml")).unwrap_err().to_string();
    assert!(e.contains("nằm ngoài thư mục dự án"), "{e}");
    write(&proj, "y.yaml", "extends: /etc/passwd\nloai: ke_hoach\n");
    let e = load::load(&proj.join("y.yaml")).unwrap_err().to_string();
    assert!(e.contains("nằm ngoài thư mục dự án"), "{e}");
}

#[test]
fn an_unmarked_folder_given_to_check_is_the_project() {
    // Copied without `vanban.toml` or `.git`: the district's plan inherits
    // from the province's, in a sibling folder.
    let dir = tempfile::tempdir().unwrap();
    let copy = dir.path().join("van-ban");
    for level in ["tinh-long-an", "huyen-thu-thua"] {
        std::fs::create_dir_all(copy.join(level)).unwrap();
        std::fs::copy(
            root()
                .join("data/chuoi/2023")
                .join(level)
                .join("ke-hoach.yaml"),
            copy.join(level).join("ke-hoach.yaml"),
        )
        .unwrap();
    }
    let out = run(vanban().arg("check").arg(&copy));
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    // The file alone: its own folder is the project, and the error says
    // what makes one.
    let out = run(vanban()
        .arg("check")
        .arg(copy.join("huyen-thu-thua/ke-hoach.yaml")));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(!out.status.success());
    assert!(
        err.contains("outside the project folder") && err.contains("vanban.toml"),
        "{err}"
    );
}

#[test]
fn literal_braces_and_escaped_template_output() {
    let dir = tempfile::tempdir().unwrap();
    write(
        dir.path(),
        "d.yaml",
        "loai: ke_hoach\nbien: {x: '#set page(width: 1cm)'}\nngay: 2023-10-02\ntrich_yeu: 'Năm {{ nam }} {{ \"{{\" }} {{ x }}'\n",
    );
    let d = load::load(&dir.path().join("d.yaml")).unwrap();
    assert_eq!(
        d.doc.trich_yeu.as_deref(),
        Some("Năm 2023 {{ #set page(width: 1cm)")
    );
}

#[test]
fn rolling_a_2022_seed_over_to_2023_moves_its_dates_and_keeps_its_citations() {
    let src = root().join("data/2022/ngo-quyen/vhtt-huong-dan-tuan-le-hoc-tap.yaml");
    let doc = load::load(&src).unwrap();
    let text = vanban::evolve::new_year(&doc.text, 2022, 2023);
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("2023.yaml");
    std::fs::write(&out, &text).unwrap();
    let new = load::load(&out).unwrap();
    assert_eq!(new.doc.so, None, "số cleared");
    assert_eq!(
        new.doc.ngay.map(|n| (n.nam, n.ngay)),
        Some((2023, None)),
        "draft date"
    );
    let built = vanban::Builder::new(vanban::world::Engine::shared())
        .layout(&new)
        .unwrap();
    let t = all_text(&lines(&flatten(&built.document)));
    // The documents it cites keep their date; its own dates move.
    assert!(t.contains("Kế hoạch số 211/KH-UBND ngày 29/9/2022"), "{t}");
    assert!(!t.contains("07/10/2022"), "an own date stayed in 2022: {t}");
    assert!(t.contains("từ ngày 01/10/2023 đến ngày 07/10/2023"), "{t}");
}

#[test]
fn derive_writes_a_buildable_skeleton_and_diff_lists_changes() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("vanban.toml"), "").unwrap();
    std::fs::create_dir_all(dir.path().join("tinh")).unwrap();
    std::fs::create_dir_all(dir.path().join("huyen")).unwrap();
    let parent = dir.path().join("tinh/kh.yaml");
    std::fs::copy(
        root().join("data/chuoi/2023/tinh-long-an/ke-hoach.yaml"),
        &parent,
    )
    .unwrap();
    let child = dir.path().join("huyen/kh.yaml");
    let run = |args: &[&std::ffi::OsStr]| run(vanban().args(args));
    let out = run(&[
        "derive".as_ref(),
        parent.as_os_str(),
        "-o".as_ref(),
        child.as_os_str(),
    ]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(
        String::from_utf8_lossy(&out.stderr).contains("left to fill: co_quan_chu_quan, co_quan")
    );
    let text = std::fs::read_to_string(&child).unwrap();
    assert!(text.contains("extends: ../tinh/kh.yaml"), "{text}");
    let d = load::load(&child).unwrap();
    assert_eq!(d.doc.noi_dung.len(), 10, "body inherited");
    // The parent is cited as a loaded document, worded after loading.
    assert!(matches!(d.thuc_hien[0], load::Citation::Document(_)));
    assert!(vanban::resolve::worded(&d).thuc_hien[0]
        .starts_with("Kế hoạch số 2772/KH-UBND ngày 29/9/2023"));
    // A refused overwrite, then a change and the diff that shows it.
    let again = run(&[
        "derive".as_ref(),
        parent.as_os_str(),
        "-o".as_ref(),
        child.as_os_str(),
    ]);
    assert_eq!(again.status.code(), Some(1));
    std::fs::write(
        &child,
        text.replace("co_quan: \"\"", "co_quan: UBND HUYỆN X"),
    )
    .unwrap();
    let diff = run(&["diff".as_ref(), child.as_os_str()]);
    let diff = String::from_utf8_lossy(&diff.stdout);
    assert!(
        diff.contains("~ co_quan: ỦY BAN NHÂN DÂN TỈNH LONG AN → UBND HUYỆN X"),
        "{diff}"
    );
}

#[test]
fn documents_citing_each_other_are_refused_not_a_crash() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("vanban.toml"), "").unwrap();
    let head =
        "loai: cong_van\nco_quan: PHÒNG GIÁO DỤC VÀ ĐÀO TẠO\nky_hieu: PGDĐT\nngay: 2023-10-02\n";
    write(
        dir.path(),
        "a.yaml",
        &format!("{head}thuc_hien: [b.yaml]\n"),
    );
    write(
        dir.path(),
        "b.yaml",
        &format!("{head}thuc_hien: [c.yaml]\n"),
    );
    write(
        dir.path(),
        "c.yaml",
        &format!("{head}thuc_hien: [a.yaml]\n"),
    );
    let e = english(|| {
        load::load(&dir.path().join("a.yaml"))
            .unwrap_err()
            .to_string()
    });
    assert!(e.contains("cycle"), "{e}");
    for f in ["a.yaml", "b.yaml", "c.yaml"] {
        assert!(e.contains(f), "{f} not named: {e}");
    }
    // Citing the same document twice, or a chain without a cycle, is fine.
    write(
        dir.path(),
        "d.yaml",
        &format!("{head}thuc_hien: [e.yaml, e.yaml]\n"),
    );
    write(dir.path(), "e.yaml", head);
    load::load(&dir.path().join("d.yaml")).unwrap();
}

/// Runs `f` with vanban's messages in English (the words these tests look
/// for).
fn english<R>(f: impl FnOnce() -> R) -> R {
    vanban::i18n::with_lang(vanban::i18n::Lang::En, f)
}
