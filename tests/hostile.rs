//! Large and hostile input (issue 22): nothing lost from the PDF, nothing
//! crashes, every limit a located message.

use std::path::Path;

use crate::common::*;

/// The text pdftotext reads back from `pdf`, one line per line.
/// The binary speaking Vietnamese, the users' language: these tests read
/// the limits' Vietnamese messages.
fn vanban_vi() -> std::process::Command {
    let mut c = vanban();
    c.env("LANGUAGE", "vi");
    c
}

fn pdf_text(pdf: &Path) -> String {
    let o = std::process::Command::new("pdftotext")
        .arg(pdf)
        .arg("-")
        .output()
        .expect("pdftotext (poppler-utils)");
    assert!(o.status.success(), "pdftotext failed on {}", pdf.display());
    String::from_utf8_lossy(&o.stdout).into_owned()
}

/// The example công văn with `tail` in place of its `noi_nhan:` and
/// `nguoi_ky:` keys.
fn cong_van_with(tail: &str) -> String {
    let text = std::fs::read_to_string(root().join("data/examples/cong-van.yaml")).unwrap();
    let head = text.split("nguoi_ky:").next().unwrap();
    format!("{head}{tail}")
}

/// Builds `yaml` with the command line; returns the PDF's text.
fn build_text(yaml: &str) -> String {
    let dir = tempfile::tempdir().unwrap();
    let doc = dir.path().join("doc.yaml");
    std::fs::write(&doc, yaml).unwrap();
    let o = run(vanban_vi().arg("build").arg(&doc));
    assert_exit(&o, 0);
    pdf_text(&dir.path().join("doc.pdf"))
}

#[test]
fn every_recipient_and_the_luu_line_print_however_long_the_list() {
    for n in [1, 20, 45, 60, 120, 500] {
        let mut tail = String::from(
            "nguoi_ky:\n  quyen_han: KT. TRƯỞNG PHÒNG\n  chuc_vu: PHÓ TRƯỞNG PHÒNG\n  ho_ten: Bùi Văn Nhựt\nnoi_nhan:\n",
        );
        for i in 1..=n {
            tail.push_str(&format!("  - Trường Tiểu học số {i}\n"));
        }
        tail.push_str("  - \"Lưu: VT, GDTX\"\n");
        let text = build_text(&cong_van_with(&tail));
        let lines: Vec<&str> = text.lines().map(str::trim).collect();
        for i in 1..=n {
            let want = format!("- Trường Tiểu học số {i};");
            assert!(
                lines.contains(&want.as_str()),
                "{n} recipients: {want:?} missing from the PDF:\n{text}"
            );
        }
        assert!(
            lines.contains(&"- Lưu: VT, GDTX."),
            "{n} recipients: the Lưu line is missing:\n{text}"
        );
        assert!(text.contains("Bùi Văn Nhựt"), "{n}: signer missing");
    }
}

#[test]
fn every_line_of_a_long_signer_block_prints() {
    let mut tail = String::from("nguoi_ky:\n  quyen_han:\n");
    for i in 1..=70 {
        tail.push_str(&format!("    - THỪA LỆNH SỐ {i}\n"));
    }
    tail.push_str(
        "  chuc_vu: PHÓ TRƯỞNG PHÒNG\n  ho_ten: Bùi Văn Nhựt\nnoi_nhan:\n  - Như trên\n  - \"Lưu: VT, GDTX\"\n",
    );
    let text = build_text(&cong_van_with(&tail));
    for i in 1..=70 {
        assert!(
            text.contains(&format!("THỪA LỆNH SỐ {i}\n")),
            "signer line {i} missing:\n{text}"
        );
    }
    for want in ["PHÓ TRƯỞNG PHÒNG", "Bùi Văn Nhựt", "Lưu: VT, GDTX."] {
        assert!(text.contains(want), "{want:?} missing:\n{text}");
    }
}

/// Builds `yaml` with the command line, expecting exit 1 with a message
/// located in `doc.yaml` that contains `want`; returns stderr.
#[track_caller]
fn fails_located(yaml: &str, want: &str) -> String {
    let dir = tempfile::tempdir().unwrap();
    let doc = dir.path().join("doc.yaml");
    std::fs::write(&doc, yaml).unwrap();
    let o = run(vanban_vi().arg("build").arg(&doc));
    assert_exit(&o, 1);
    let err = stderr(&o);
    assert!(err.contains(want), "{want:?} not in:\n{err}");
    assert!(err.contains("doc.yaml:"), "not located:\n{err}");
    assert!(!err.contains("panicked"), "{err}");
    assert!(!dir.path().join("doc.pdf").exists());
    err
}

/// The example công văn with `item` as one more paragraph.
fn with_paragraph(item: &str) -> String {
    let text = std::fs::read_to_string(root().join("data/examples/cong-van.yaml")).unwrap();
    text.replace(
        "  - Trân trọng./.",
        &format!("  - {item}\n  - Trân trọng./."),
    )
}

#[test]
fn deeply_nested_footnotes_are_a_located_error_not_a_crash() {
    let deep = format!("\"{}x{}\"", "^[".repeat(20_000), "]".repeat(20_000));
    let err = fails_located(&with_paragraph(&deep), "lồng nhau quá sâu");
    assert!(err.contains("doc.yaml:24:"), "{err}");
    // Real nesting (a footnote in a footnote) still builds.
    let text = build_text(&with_paragraph(
        "\"Căn cứ^[Văn bản số 1^[sửa đổi năm 2020].]\"",
    ));
    assert!(text.contains("sửa đổi năm 2020"), "{text}");
}

#[test]
fn the_template_budget_is_for_the_whole_document() {
    // Each text alone is under the budget; together they are not.
    let items: String = (0..1000)
        .map(|_| "  - \"{{ 'x' * 3000000 }}\"\n".to_string())
        .collect();
    let yaml = with_paragraph("Mở đầu").replace("  - Mở đầu\n", &items);
    fails_located(&yaml, "mẫu `{{ … }}`");
    let text = std::fs::read_to_string(root().join("data/examples/cong-van.yaml")).unwrap();
    let bien = text.replace(
        "ngay: 2023-10-02",
        &format!("ngay: 2023-10-02\nbien:\n  lon: {}", "x".repeat(3_000_000)),
    );
    fails_located(
        &bien.replace("Trân trọng./.", "\"{{ lon }}{{ lon }}\""),
        "mẫu `{{ … }}`",
    );
}

#[test]
fn yaml_aliases_are_counted_expanded() {
    let text = std::fs::read_to_string(root().join("data/examples/cong-van.yaml")).unwrap();
    let mut items = format!("  - &lon {}\n", "x".repeat(3_000_000));
    for _ in 0..1000 {
        items.push_str("  - *lon\n");
    }
    let yaml = text.replace("  - Trân trọng./.", &items);
    fails_located(&yaml, "mở rộng");
    // A few aliases of a short text are fine.
    let ok = text.replace("  - Trân trọng./.", "  - &a Lặp lại\n  - *a\n  - *a");
    assert_eq!(build_text(&ok).matches("Lặp lại").count(), 3);
}

#[test]
fn a_date_moved_out_of_range_is_an_error_not_a_panic() {
    let text = std::fs::read_to_string(root().join("data/examples/cong-van.yaml")).unwrap();
    let yaml = text.replace(
        "trich_yeu: triển khai Tuần lễ hưởng ứng học tập suốt đời năm 2023",
        "trich_yeu: \"{{ '2023-10-02' | cong_ngay(100000000) }} triển khai\"",
    );
    fails_located(&yaml, "out of range");
}

#[test]
fn new_refuses_an_impossible_year_without_panicking() {
    let o = run(vanban_vi()
        .arg("new")
        .arg("--from")
        .arg(root().join("data/examples/cong-van.yaml"))
        .arg("--year=-2147483648"));
    assert_exit(&o, 2);
    assert!(stderr(&o).contains("từ 1 đến 9999"), "{}", stderr(&o));
}

/// Runs `cmd`, killing it after 60 s (a hang is a failure, not a stuck
/// test run).
fn run_bounded(cmd: &mut std::process::Command) -> std::process::Output {
    use std::process::Stdio;
    let mut child = cmd
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let start = std::time::Instant::now();
    while child.try_wait().unwrap().is_none() {
        if start.elapsed() > std::time::Duration::from_secs(60) {
            child.kill().unwrap();
            panic!("still running after 60 s: {cmd:?}");
        }
        std::thread::sleep(std::time::Duration::from_millis(50));
    }
    child.wait_with_output().unwrap()
}

fn mkfifo(path: &Path) {
    let o = std::process::Command::new("mkfifo")
        .arg(path)
        .output()
        .unwrap();
    assert!(o.status.success());
}

/// The header of a PNG of `w` × `h` pixels (1 bit grey), no pixel data.
fn png_header(w: u32, h: u32) -> Vec<u8> {
    let mut v = b"\x89PNG\r\n\x1a\n\0\0\0\x0dIHDR".to_vec();
    v.extend(w.to_be_bytes());
    v.extend(h.to_be_bytes());
    v.extend([1, 0, 0, 0, 0, 0, 0, 0, 0]);
    v
}

/// The example with a signature image `chu_ky: file`.
fn with_signature(file: &str) -> String {
    cong_van_with(&format!(
        "nguoi_ky:\n  chuc_vu: TRƯỞNG PHÒNG\n  ho_ten: Bùi Văn Nhựt\n  chu_ky: {file}\nnoi_nhan:\n  - Như trên\n"
    ))
}

#[test]
fn an_image_of_too_many_pixels_is_refused_before_decoding() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("ck.png"), png_header(50_000, 50_000)).unwrap();
    let doc = dir.path().join("doc.yaml");
    std::fs::write(&doc, with_signature("ck.png")).unwrap();
    let o = run_bounded(vanban_vi().arg("build").arg(&doc));
    assert_exit(&o, 1);
    let err = stderr(&o);
    assert!(
        err.contains("ảnh quá lớn") && err.contains("50000 × 50000"),
        "{err}"
    );
    assert!(err.contains("doc.yaml:"), "{err}");
}

#[test]
fn files_an_svg_names_must_be_regular_and_small() {
    let dir = tempfile::tempdir().unwrap();
    mkfifo(&dir.path().join("p.png"));
    let big = std::fs::File::create(dir.path().join("big.png")).unwrap();
    big.set_len(2 << 30).unwrap();
    for (svg, linked) in [("fifo.svg", "p.png"), ("sparse.svg", "big.png")] {
        std::fs::write(
            dir.path().join(svg),
            format!(
                r#"<svg xmlns="http://www.w3.org/2000/svg" width="100" height="50"><image href="{linked}" width="100" height="50"/></svg>"#
            ),
        )
        .unwrap();
        let doc = dir.path().join("doc.yaml");
        std::fs::write(&doc, with_signature(svg)).unwrap();
        let o = run_bounded(vanban_vi().arg("build").arg(&doc));
        assert_exit(&o, 1);
        assert!(stderr(&o).contains(linked), "{}", stderr(&o));
    }
}

#[test]
fn documents_and_parents_must_be_regular_files() {
    let dir = tempfile::tempdir().unwrap();
    mkfifo(&dir.path().join("doc.yaml"));
    let o = run_bounded(vanban_vi().arg("build").arg(dir.path().join("doc.yaml")));
    assert_exit(&o, 1);
    assert!(
        stderr(&o).contains("không phải là tệp thông thường"),
        "{}",
        stderr(&o)
    );
    mkfifo(&dir.path().join("cha.yaml"));
    let example = std::fs::read_to_string(root().join("data/examples/cong-van.yaml")).unwrap();
    std::fs::write(
        dir.path().join("con.yaml"),
        format!("extends: cha.yaml\n{example}"),
    )
    .unwrap();
    let o = run_bounded(vanban_vi().arg("build").arg(dir.path().join("con.yaml")));
    assert_exit(&o, 1);
    assert!(
        stderr(&o).contains("không phải là tệp thông thường"),
        "{}",
        stderr(&o)
    );
}

#[test]
fn folder_walks_survive_symlink_loops_and_devices() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::copy(
        root().join("data/examples/cong-van.yaml"),
        dir.path().join("a.yaml"),
    )
    .unwrap();
    std::os::unix::fs::symlink(".", dir.path().join("x")).unwrap();
    std::os::unix::fs::symlink(".", dir.path().join("y")).unwrap();
    std::os::unix::fs::symlink("/dev/zero", dir.path().join("z.yaml")).unwrap();
    let o = run_bounded(vanban_vi().arg("list").arg(dir.path()));
    assert_exit(&o, 0);
    assert_eq!(
        stdout(&o).matches("triển khai Tuần lễ").count(),
        1,
        "{}",
        stdout(&o)
    );
    let o = run_bounded(vanban_vi().arg("check").arg(dir.path()));
    assert_exit(&o, 0);
}

#[test]
fn a_citation_diamond_stops_at_the_citation_limit() {
    // Each level cites the next three times: 3²⁶ documents unchecked.
    let dir = tempfile::tempdir().unwrap();
    let example = std::fs::read_to_string(root().join("data/examples/cong-van.yaml")).unwrap();
    for i in 0..26 {
        let cites = if i < 25 {
            format!("thuc_hien: [c{0}.yaml, c{0}.yaml, c{0}.yaml]\n", i + 1)
        } else {
            String::new()
        };
        std::fs::write(
            dir.path().join(format!("c{i}.yaml")),
            format!("{example}{cites}"),
        )
        .unwrap();
    }
    let o = run_bounded(vanban_vi().arg("build").arg(dir.path().join("c0.yaml")));
    assert_exit(&o, 1);
    let err = stderr(&o);
    assert!(err.contains("quá nhiều văn bản"), "{err}");
    assert!(err.contains(".yaml:"), "not located: {err}");
}

/// A PDF whose `/EmbeddedFiles` name tree lists `files` (name, bytes,
/// Flate-compressed or not, all described as vanban's main document),
/// and whose root node lists itself `self_kids` times as a kid.
fn pdf_with(files: &[(&str, Vec<u8>, bool)], self_kids: usize) -> Vec<u8> {
    use lopdf::{dictionary, Document, Object, Stream, StringFormat};
    use std::io::Write;
    let mut doc = Document::with_version("1.7");
    let mut names = Vec::new();
    for (name, data, flate) in files {
        let stream = if *flate {
            let mut z = flate2::write::ZlibEncoder::new(Vec::new(), flate2::Compression::best());
            z.write_all(data).unwrap();
            Stream::new(
                dictionary! { "Filter" => "FlateDecode" },
                z.finish().unwrap(),
            )
        } else {
            Stream::new(dictionary! {}, data.clone())
        };
        let ef = doc.add_object(stream);
        let spec = doc.add_object(dictionary! {
            "Type" => "Filespec",
            "F" => Object::String(name.as_bytes().to_vec(), StringFormat::Literal),
            "UF" => Object::String(name.as_bytes().to_vec(), StringFormat::Literal),
            "Desc" => Object::String(vanban::embed::MAIN.as_bytes().to_vec(), StringFormat::Literal),
            "EF" => dictionary! { "F" => ef },
        });
        names.push(Object::String(
            name.as_bytes().to_vec(),
            StringFormat::Literal,
        ));
        names.push(Object::Reference(spec));
    }
    let tree_id = doc.new_object_id();
    let kids: Vec<Object> = (0..self_kids).map(|_| Object::Reference(tree_id)).collect();
    doc.objects.insert(
        tree_id,
        Object::Dictionary(dictionary! { "Names" => names, "Kids" => kids }),
    );
    let catalog = doc.add_object(dictionary! {
        "Type" => "Catalog",
        "Names" => dictionary! { "EmbeddedFiles" => tree_id },
    });
    doc.trailer.set("Root", catalog);
    let mut out = Vec::new();
    doc.save_to(&mut out).unwrap();
    out
}

/// `vanban extract` of `pdf` into `dir/out`.
fn extract(dir: &Path, pdf: &[u8]) -> std::process::Output {
    let p = dir.join("x.pdf");
    std::fs::write(&p, pdf).unwrap();
    run_bounded(
        vanban_vi()
            .arg("extract")
            .arg(&p)
            .arg("-o")
            .arg(dir.join("out")),
    )
}

#[test]
fn extract_survives_hostile_pdfs() {
    let yaml = b"loai: cong_van\n".to_vec();
    // A name tree that lists itself twice (2³² nodes when followed).
    let dir = tempfile::tempdir().unwrap();
    let o = extract(dir.path(), &pdf_with(&[("a.yaml", yaml.clone(), false)], 2));
    assert_exit(&o, 0);
    assert_eq!(listing(&dir.path().join("out")), ["a.yaml"]);

    // A Flate bomb: 64 MiB of zeros in about 64 KB.
    let dir = tempfile::tempdir().unwrap();
    let o = extract(
        dir.path(),
        &pdf_with(&[("a.yaml", vec![0; 64 << 20], true)], 0),
    );
    assert_exit(&o, 1);
    assert!(stderr(&o).contains("giải nén"), "{}", stderr(&o));
    assert!(!dir.path().join("out/a.yaml").exists());

    // Too many files.
    let dir = tempfile::tempdir().unwrap();
    let names: Vec<String> = (0..1500).map(|i| format!("f{i}.yaml")).collect();
    let files: Vec<(&str, Vec<u8>, bool)> = names
        .iter()
        .map(|n| (n.as_str(), yaml.clone(), false))
        .collect();
    let o = extract(dir.path(), &pdf_with(&files, 0));
    assert_exit(&o, 1);
    assert!(stderr(&o).contains("tệp đính kèm"), "{}", stderr(&o));
    assert!(!dir.path().join("out").exists() || listing(&dir.path().join("out")).is_empty());

    // Names vanban never writes.
    for bad in [
        ".bashrc",
        "a/.ssh/x.yaml",
        "run.sh",
        "a\nb.yaml",
        "a\tb.yaml",
    ] {
        let dir = tempfile::tempdir().unwrap();
        let o = extract(dir.path(), &pdf_with(&[(bad, yaml.clone(), false)], 0));
        assert_exit(&o, 1);
        assert!(!dir.path().join("out").join(bad).exists());
    }

    // A symlinked folder under -o DIR is not written through.
    let dir = tempfile::tempdir().unwrap();
    let elsewhere = tempfile::tempdir().unwrap();
    std::fs::create_dir(dir.path().join("out")).unwrap();
    std::os::unix::fs::symlink(elsewhere.path(), dir.path().join("out/tinh")).unwrap();
    let o = extract(
        dir.path(),
        &pdf_with(&[("tinh/a.yaml", yaml.clone(), false)], 0),
    );
    assert_exit(&o, 1);
    assert!(stderr(&o).contains("liên kết"), "{}", stderr(&o));
    assert!(listing(elsewhere.path()).is_empty());
}

#[test]
fn a_text_too_long_to_lay_out_is_a_located_error() {
    let text = std::fs::read_to_string(root().join("data/examples/cong-van.yaml")).unwrap();
    let long = text.replace(
        "trich_yeu: triển khai",
        &format!("trich_yeu: {} triển khai", "chữ ".repeat(50_000)),
    );
    let err = fails_located(&long, "đoạn văn quá dài");
    assert!(err.contains("doc.yaml:10:"), "{err}");
    fails_located(
        &with_paragraph(&format!("\"{}\"", "*".repeat(1_000_000))),
        "đoạn văn quá dài",
    );
    // Six pages of one paragraph still build.
    let ok = build_text(&with_paragraph(&"Nội dung dài. ".repeat(1400)));
    assert!(ok.matches("Nội dung dài.").count() > 1000);
}
