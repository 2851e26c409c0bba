//! Broken documents and the diagnostics they get, as snapshots: each names
//! the file, line and column, shows the line and says what was expected.

use crate::common::{root, vanban};

fn check(path: &std::path::Path) -> (i32, String) {
    check_in("en", path)
}

/// `vanban --lang LANG check` of a document of the repository.
fn check_in(lang: &str, path: &std::path::Path) -> (i32, String) {
    let out = vanban()
        .current_dir(root())
        .args(["--lang", lang, "check"])
        .arg(path.strip_prefix(root()).unwrap())
        .output()
        .unwrap();
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

#[test]
fn broken_documents_have_located_diagnostics_in_vietnamese() {
    insta::glob!("fixtures/broken/*.yaml", |path| {
        let (code, stderr) = check_in("vi", path);
        assert_eq!(code, 1, "{stderr}");
        insta::assert_snapshot!(stderr);
    });
}

#[test]
fn broken_documents_have_located_diagnostics_in_english() {
    insta::glob!("fixtures/broken/*.yaml", |path| {
        let (code, stderr) = check_in("en", path);
        assert_eq!(code, 1, "{stderr}");
        insta::assert_snapshot!(stderr);
    });
}

/// Words of serde's and the YAML parser's English that mean nothing to a
/// secretary.
const JARGON: &[&str] = &[
    "invalid type",
    "expected",
    "mapping values",
    "stream",
    "f64",
    "os error",
    "unknown field",
    "unknown variant",
    "missing field",
    "sequence",
    "scalar",
    "token",
];

#[test]
fn vietnamese_messages_of_broken_documents_have_no_jargon() {
    let dir = root().join("tests/fixtures/broken");
    let mut seen = 0;
    for e in std::fs::read_dir(&dir).unwrap() {
        let path = e.unwrap().path();
        if path.extension().is_none_or(|x| x != "yaml") {
            continue;
        }
        let (code, stderr) = check_in("vi", &path);
        assert_eq!(code, 1, "{stderr}");
        // The messages and hints, not the excerpts of the document.
        for line in stderr.lines().filter(|l| !l.contains(['│', '┌'])) {
            let lower = line.to_lowercase();
            for word in JARGON {
                assert!(
                    !lower.contains(word),
                    "`{word}` in {}: {line}\n{stderr}",
                    path.display()
                );
            }
            seen += 1;
        }
    }
    assert!(seen > 20, "{seen} message lines");
}

#[test]
fn quote_and_indentation_errors_point_at_the_line_to_change() {
    // (fixture, line:column of the opening quote or the misplaced key,
    // a word of the fix)
    let cases = [
        ("syntax.yaml", "2:10", "co_quan: \"PHÒNG GIÁO DỤC\""),
        (
            "unclosed-quote-item.yaml",
            "6:5",
            "- \"Thời gian: từ ngày 02/10 đến ngày 08/10/2023\"",
        ),
        ("over-indented-key.yaml", "3:3", "column 1"),
        ("under-indented-key.yaml", "7:3", "column 5"),
    ];
    for (name, at, fix) in cases {
        let path = root().join("tests/fixtures/broken").join(name);
        let (code, err) = check_in("en", &path);
        assert_eq!(code, 1, "{err}");
        assert!(err.contains(&format!("{name}:{at}")), "{name}: {err}");
        assert!(err.contains(fix), "{name}: {err}");
        // One error, at that line: not the end of the file, not the next key.
        assert_eq!(err.matches("error:").count(), 1, "{err}");
    }
}

#[test]
fn check_reports_every_file_then_fails() {
    let dir = root().join("tests/fixtures/broken");
    let out = vanban().arg("check").arg(&dir).output().unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    let n = std::fs::read_dir(&dir)
        .unwrap()
        .filter(|e| {
            e.as_ref()
                .unwrap()
                .path()
                .extension()
                .is_some_and(|x| x == "yaml")
        })
        .count();
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stderr.contains(&format!("{n} of {n} documents failed")),
        "{stderr}"
    );
}

fn check_text(name: &str, text: &str) -> (i32, String) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join(name);
    std::fs::write(&path, text).unwrap();
    let out = vanban().arg("check").arg(&path).output().unwrap();
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

#[test]
fn bombs_and_oversized_inputs_are_refused() {
    let mut bomb = vec![r#"a0: &a0 ["x","x","x","x","x","x","x","x","x","x"]"#.to_owned()];
    for i in 1..12 {
        bomb.push(format!(
            "a{i}: &a{i} [{}]",
            vec![format!("*a{}", i - 1); 10].join(",")
        ));
    }
    let (code, err) = check_text("bomb.yaml", &(bomb.join("\n") + "\nloai: ke_hoach\n"));
    assert_eq!(code, 1);
    assert!(err.contains("repetition limit exceeded"), "{err}");

    let deep = format!(
        "loai: ke_hoach\nbien: {}{}\n",
        "[".repeat(5000),
        "]".repeat(5000)
    );
    let (code, err) = check_text("deep.yaml", &deep);
    assert_eq!(code, 1);
    assert!(err.contains("recursion limit exceeded"), "{err}");

    let big = format!(
        "loai: ke_hoach\ntrich_yeu: \"{}\"\n",
        "a".repeat(10 * 1024 * 1024)
    );
    let (code, err) = check_text("big.yaml", &big);
    assert_eq!(code, 1);
    assert!(err.contains("larger than 4194304 bytes"), "{err}");
}

#[test]
fn ten_thousand_paragraphs_are_handled() {
    let items: String = (0..10_000).map(|i| format!("  - Đoạn {i}\n")).collect();
    let (code, err) = check_text(
        "long.yaml",
        &format!("loai: ke_hoach\nco_quan: X\nngay: 2023-10-02\nnoi_dung:\n{items}"),
    );
    assert_eq!(code, 0, "{err}");
}

#[test]
fn check_reports_every_problem_of_a_file_in_order() {
    let (code, err) = check(&root().join("tests/fixtures/broken/many-errors.yaml"));
    assert_eq!(code, 1);
    let lines: Vec<usize> = err
        .lines()
        .filter_map(|l| l.split("many-errors.yaml:").nth(1))
        .filter_map(|l| l.split(':').next()?.parse().ok())
        .collect();
    // trich_yue, ngay, cot[1], mucc, ho_tenn: five problems, each
    // once, in the order of the file.
    assert_eq!(lines, [3, 4, 8, 10, 13], "{err}");
}

#[test]
fn a_problem_in_a_parent_is_shown_in_the_parent() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("vanban.toml"), "").unwrap();
    std::fs::write(
        dir.path().join("cha.yaml"),
        "loai: ke_hoach\nco_quan: UBND TỈNH\nngay: 2023-09-01\nnoi_dung:\n  - doan: Một\n  - bang:\n      cot: [1, hai]\n",
    )
    .unwrap();
    std::fs::write(
        dir.path().join("con.yaml"),
        "extends: cha.yaml\nco_quan: UBND HUYỆN\nngay: 2023-10-02\n",
    )
    .unwrap();
    let out = vanban()
        .current_dir(dir.path())
        .args(["check", "con.yaml"])
        .output()
        .unwrap();
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{err}");
    assert!(err.contains("cha.yaml:7:16"), "{err}");
    assert!(err.contains("noi_dung[1].bang.cot[1]"), "{err}");
}

#[cfg(unix)]
#[test]
fn a_symlink_escaping_the_project_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let proj = dir.path().join("proj");
    std::fs::create_dir(&proj).unwrap();
    std::fs::write(proj.join("vanban.toml"), "").unwrap();
    std::fs::write(
        dir.path().join("secret.yaml"),
        "loai: ke_hoach\nco_quan: BÍ MẬT\n",
    )
    .unwrap();
    std::os::unix::fs::symlink(dir.path().join("secret.yaml"), proj.join("cha.yaml")).unwrap();
    std::fs::write(
        proj.join("con.yaml"),
        "extends: cha.yaml\nngay: 2023-10-02\n",
    )
    .unwrap();
    let out = vanban()
        .current_dir(&proj)
        .args(["build", "con.yaml"])
        .output()
        .unwrap();
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{err}");
    assert!(err.contains("outside the project folder"), "{err}");
    assert!(!proj.join("con.pdf").exists());
}

#[test]
fn paths_with_spaces_and_vietnamese_letters_work() {
    let dir = tempfile::tempdir().unwrap();
    let folder = dir.path().join("Văn bản đi 2023");
    std::fs::create_dir(&folder).unwrap();
    std::fs::write(folder.join("vanban.toml"), "").unwrap();
    let parent = folder.join("Kế hoạch tỉnh.yaml");
    std::fs::copy(root().join("data/examples/ke-hoach.yaml"), &parent).unwrap();
    std::fs::write(
        folder.join("Công văn số 5.yaml"),
        "extends: Kế hoạch tỉnh.yaml\nngay: 2023-10-02\n",
    )
    .unwrap();
    let out_dir = dir.path().join("Bản in (PDF)");
    let out = vanban()
        .current_dir(dir.path())
        .arg("build")
        .arg(&folder)
        .arg("-o")
        .arg(&out_dir)
        .output()
        .unwrap();
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(0), "{err}");
    for name in ["Công văn số 5.pdf", "Kế hoạch tỉnh.pdf"] {
        let bytes = std::fs::read(out_dir.join(name)).unwrap_or_else(|e| panic!("{name}: {e}"));
        assert!(bytes.starts_with(b"%PDF-"));
    }
}

#[test]
fn damaged_or_renamed_images_are_errors_at_their_value() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("vanban.toml"), "").unwrap();
    let doc = "loai: cong_van\nco_quan: PHÒNG GIÁO DỤC\nngay: 2023-10-02\ntrich_yeu: thử\nnguoi_ky:\n  chuc_vu: TRƯỞNG PHÒNG\n  ho_ten: Lê Văn A\n  chu_ky: ky.png\n";
    std::fs::write(dir.path().join("d.yaml"), doc).unwrap();
    // A PNG signature followed by garbage, then a text file named .png.
    for (bytes, what) in [
        (
            &b"\x89PNG\r\n\x1a\ngarbage garbage"[..],
            "not a readable PNG image",
        ),
        (&b"Nguyen Van A"[..], "not a readable PNG image"),
    ] {
        std::fs::write(dir.path().join("ky.png"), bytes).unwrap();
        let out = vanban()
            .current_dir(dir.path())
            .args(["check", "d.yaml"])
            .output()
            .unwrap();
        let err = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(1), "{err}");
        assert!(err.contains("d.yaml:8:11"), "{err}");
        assert!(err.contains(what), "{err}");
    }
}

#[cfg(unix)]
#[test]
fn written_files_get_ordinary_permissions_and_keep_those_they_had() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    let doc = dir.path().join("doc.yaml");
    std::fs::copy(root().join("data/examples/cong-van.yaml"), &doc).unwrap();
    // What any program creating a file here gets (0666 less the umask).
    let control = dir.path().join("control");
    std::fs::write(&control, "").unwrap();
    let ordinary = std::fs::metadata(&control).unwrap().permissions().mode() & 0o777;
    let build = || {
        let out = vanban().arg("build").arg(&doc).output().unwrap();
        assert_eq!(out.status.code(), Some(0));
    };
    let pdf = dir.path().join("doc.pdf");
    let mode = |p: &std::path::Path| std::fs::metadata(p).unwrap().permissions().mode() & 0o777;
    build();
    assert_eq!(
        mode(&pdf),
        ordinary,
        "a new PDF is not private to its writer"
    );
    std::fs::set_permissions(&pdf, std::fs::Permissions::from_mode(0o640)).unwrap();
    build();
    assert_eq!(mode(&pdf), 0o640, "a rebuilt PDF keeps its permissions");
}
