//! Where the layouts come from: the built-in copies, a folder given with
//! `--layouts DIR` or `VANBAN_LAYOUTS` (to work on them without rebuilding
//! vanban), and never in the way of the project's own files.

use std::fs;
use std::path::Path;

use crate::common::*;
use crate::common::{assert_exit, run, stderr, vanban};

const TIEU_NGU: &str = "Độc lập - Tự do - Hạnh phúc";

/// A copy of `layouts/` in `dir` whose Tiêu ngữ reads `tieu_ngu`, and a
/// document beside it.
fn changed_layouts(dir: &Path, tieu_ngu: &str) -> std::path::PathBuf {
    let layouts = dir.join("my-layouts");
    fs::create_dir_all(&layouts).unwrap();
    for entry in fs::read_dir(root().join("layouts")).unwrap() {
        let entry = entry.unwrap();
        fs::copy(entry.path(), layouts.join(entry.file_name())).unwrap();
    }
    let nd30 = layouts.join("nd30.typ");
    let text = fs::read_to_string(&nd30).unwrap();
    assert!(text.contains(TIEU_NGU));
    fs::write(&nd30, text.replace(TIEU_NGU, tieu_ngu)).unwrap();
    fs::copy(
        root().join("data/examples/cong-van.yaml"),
        dir.join("doc.yaml"),
    )
    .unwrap();
    layouts
}

fn pdf_text(pdf: &Path) -> String {
    let o = std::process::Command::new("pdftotext")
        .arg(pdf)
        .arg("-")
        .output()
        .expect("pdftotext (poppler-utils)");
    norm(&String::from_utf8_lossy(&o.stdout))
}

#[test]
fn layouts_folder_replaces_the_built_in_layouts() {
    let dir = tempfile::tempdir().unwrap();
    let layouts = changed_layouts(dir.path(), "Độc lập - Tự do - Thử nghiệm");
    let doc = dir.path().join("doc.yaml");
    let pdf = dir.path().join("doc.pdf");

    // Built-in layouts.
    assert_exit(
        &run(vanban().env_remove("VANBAN_LAYOUTS").arg("build").arg(&doc)),
        0,
    );
    let text = pdf_text(&pdf);
    assert!(text.contains(TIEU_NGU), "{text}");

    // The environment variable.
    let o = run(vanban()
        .env("VANBAN_LAYOUTS", &layouts)
        .arg("build")
        .arg(&doc));
    assert_exit(&o, 0);
    let text = pdf_text(&pdf);
    assert!(text.contains("Tự do - Thử nghiệm"), "{text}");
    assert!(!text.contains(TIEU_NGU), "{text}");

    // The option, which wins over the variable.
    let other = tempfile::tempdir().unwrap();
    let second = changed_layouts(other.path(), "Độc lập - Tự do - Lần hai");
    let o = run(vanban()
        .env("VANBAN_LAYOUTS", &layouts)
        .arg("build")
        .arg(&doc)
        .arg("--layouts")
        .arg(&second));
    assert_exit(&o, 0);
    assert!(pdf_text(&pdf).contains("Tự do - Lần hai"));
}

#[test]
fn a_layouts_folder_keeps_the_files_it_lacks() {
    let dir = tempfile::tempdir().unwrap();
    let layouts = changed_layouts(dir.path(), "Độc lập - Tự do - Một tệp");
    // Only nd30.typ: the templates come from the binary.
    for entry in fs::read_dir(&layouts).unwrap() {
        let path = entry.unwrap().path();
        if path.file_name().unwrap() != "nd30.typ" {
            fs::remove_file(path).unwrap();
        }
    }
    let doc = dir.path().join("doc.yaml");
    let o = run(vanban()
        .env("VANBAN_LAYOUTS", &layouts)
        .arg("build")
        .arg(&doc));
    assert_exit(&o, 0);
    assert!(pdf_text(&dir.path().join("doc.pdf")).contains("Tự do - Một tệp"));
}

#[test]
fn a_missing_layouts_folder_is_an_error() {
    let dir = tempfile::tempdir().unwrap();
    fs::copy(
        root().join("data/examples/cong-van.yaml"),
        dir.path().join("doc.yaml"),
    )
    .unwrap();
    let missing = dir.path().join("no-such-folder");
    let o = run(vanban()
        .env("VANBAN_LAYOUTS", &missing)
        .arg("build")
        .arg(dir.path().join("doc.yaml")));
    assert_exit(&o, 1);
    assert!(stderr(&o).contains("no-such-folder"), "{}", stderr(&o));
    assert!(!dir.path().join("doc.pdf").exists());
}

#[test]
fn a_project_picture_under_a_layouts_folder_is_the_projects() {
    let dir = tempfile::tempdir().unwrap();
    let project = dir.path();
    fs::write(project.join("vanban.toml"), "").unwrap();
    fs::create_dir_all(project.join("layouts")).unwrap();
    fs::copy(
        root().join("tests/fixtures/images/chu-ky.png"),
        project.join("layouts/chu-ky.png"),
    )
    .unwrap();
    let path = project.join("doc.yaml");
    let yaml = fs::read_to_string(root().join("data/examples/cong-van.yaml"))
        .unwrap()
        .replace("nguoi_ky:\n", "nguoi_ky:\n  chu_ky: layouts/chu-ky.png\n");
    assert!(
        yaml.contains("chu_ky: layouts/"),
        "the example has a signer"
    );
    fs::write(&path, &yaml).unwrap();
    let loaded = vanban::load::load(&path).unwrap_or_else(|e| panic!("{}", e.render(false)));
    let built = vanban::Builder::new(vanban::world::Engine::shared())
        .layout(&loaded)
        .unwrap_or_else(|e| panic!("{}", e.render(false)));
    let flat = flatten(&built.document);
    let png: Vec<_> = flat
        .images
        .iter()
        .filter(|i| i.format.contains("png"))
        .collect();
    assert_eq!(png.len(), 1, "{:?}", flat.images);
}
