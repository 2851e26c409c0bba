//! Fuzzing at scale (issue 22): the loader, the inline-markup parser and
//! `extract`, each for `FUZZ_CASES` random cases (default 2 000). Ignored
//! in the ordinary `cargo test`; `scripts/fuzz.sh` runs them and prints the
//! cases and the time. A failure prints the shrunk input.

use std::path::Path;

use proptest::prelude::*;
use proptest::test_runner::{Config, TestRunner};

use crate::common::root;
use crate::fuzz::{apply, edit, examples, load_text};

fn cases() -> u32 {
    std::env::var("FUZZ_CASES")
        .ok()
        .and_then(|n| n.parse().ok())
        .unwrap_or(2000)
}

/// A runner for `cases()` cases, reproducible from `FUZZ_SEED` when set.
fn runner() -> TestRunner {
    let config = Config {
        cases: cases(),
        failure_persistence: None,
        ..Config::default()
    };
    match std::env::var("FUZZ_SEED")
        .ok()
        .and_then(|s| s.parse::<u64>().ok())
    {
        Some(seed) => {
            let mut bytes = [0u8; 32];
            bytes[..8].copy_from_slice(&seed.to_le_bytes());
            TestRunner::new_with_rng(
                config,
                proptest::test_runner::TestRng::from_seed(
                    proptest::test_runner::RngAlgorithm::ChaCha,
                    &bytes,
                ),
            )
        }
        None => TestRunner::new(config),
    }
}

fn report(what: &str, started: std::time::Instant) {
    eprintln!(
        "fuzz {what}: {} cases in {:.1} s",
        cases(),
        started.elapsed().as_secs_f64()
    );
}

/// YAML-significant fragments and document keys, so that random text often
/// gets past the parser into the typing and the templates.
fn yamlish() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        Just("loai: cong_van\n".to_owned()),
        Just("co_quan: A\n".to_owned()),
        Just("noi_dung:\n".to_owned()),
        Just("  - ".to_owned()),
        Just("kinh_gui: ".to_owned()),
        Just("noi_nhan: [".to_owned()),
        Just("\"@x\"".to_owned()),
        Just("{{ ".to_owned()),
        Just(" }}".to_owned()),
        Just("bien: {a: 1}\n".to_owned()),
        Just("&a ".to_owned()),
        Just("*a ".to_owned()),
        Just("^[".to_owned()),
        Just("**".to_owned()),
        Just("]".to_owned()),
        Just("bang:\n    dong: [[".to_owned()),
        Just("ngay: 2023-02-29\n".to_owned()),
        Just("\n".to_owned()),
        "\\PC{0,6}",
    ];
    proptest::collection::vec(piece, 0..40).prop_map(|v| v.concat())
}

#[test]
#[ignore = "fuzzing: run by scripts/fuzz.sh"]
fn fuzz_loader() {
    let started = std::time::Instant::now();
    let all = examples();
    let n = all.len();
    let damaged = (0..n, proptest::collection::vec(edit(), 1..8));
    runner()
        .run(&damaged, |(which, edits)| {
            let mut text = all[which].clone();
            for e in &edits {
                text = apply(&text, e);
            }
            load_text(&text);
            Ok(())
        })
        .unwrap();
    runner()
        .run(&yamlish(), |text| {
            load_text(&text);
            Ok(())
        })
        .unwrap();
    report("loader (damaged examples + YAML-ish text, each)", started);
}

/// Text rich in the characters the inline parser and the escaping treat
/// specially.
fn markup_text() -> impl Strategy<Value = String> {
    let c = prop_oneof![
        Just('*'),
        Just('*'),
        Just('^'),
        Just('['),
        Just(']'),
        Just('\\'),
        Just('#'),
        Just('$'),
        Just('_'),
        Just('`'),
        Just('<'),
        Just('@'),
        Just('/'),
        Just(' '),
        Just('\n'),
        Just('a'),
        Just('ệ'),
        any::<char>(),
    ];
    proptest::collection::vec(c, 0..300).prop_map(|v| v.into_iter().collect())
}

#[test]
#[ignore = "fuzzing: run by scripts/fuzz.sh"]
fn fuzz_inline_markup() {
    let started = std::time::Instant::now();
    runner()
        .run(&markup_text(), |s| {
            let nodes = vanban::inline::parse(&s);
            // Markup only takes characters away, never adds any.
            let plain = vanban::inline::plain(&nodes);
            prop_assert!(plain.chars().count() <= s.chars().count());
            // Without markup characters the text is one piece, unchanged.
            if !s.contains(['*', '^', '\\']) && !s.is_empty() {
                prop_assert_eq!(nodes, vec![vanban::inline::Node::Text(s.clone())]);
            }
            // The Typst made of it parses inside a content block, and the
            // block is not closed early: `#` and one block, to the end.
            let typst = vanban::render::markup(&s);
            let source = format!("#[{typst}]");
            let tree = typst::syntax::parse(&source);
            let (errors, _) = tree.errors_and_warnings();
            prop_assert!(errors.is_empty(), "{:?}\n{}", errors, source);
            let top: Vec<_> = tree.children().map(|c| c.kind()).collect();
            prop_assert_eq!(
                top,
                vec![
                    typst::syntax::SyntaxKind::Hash,
                    typst::syntax::SyntaxKind::ContentBlock
                ],
                "{}",
                source
            );
            Ok(())
        })
        .unwrap();
    report("inline markup", started);
}

/// A PDF built by vanban with its sources embedded.
fn embedded_pdf(dir: &Path) -> Vec<u8> {
    let doc = dir.join("cong-van.yaml");
    std::fs::copy(root().join("data/examples/cong-van.yaml"), &doc).unwrap();
    let o = crate::common::run(
        crate::common::vanban()
            .arg("build")
            .arg("--embed-source")
            .arg(&doc),
    );
    crate::common::assert_exit(&o, 0);
    std::fs::read(doc.with_extension("pdf")).unwrap()
}

/// A hostile PDF: an embedded-files name tree of random shape (kids that
/// list themselves or each other), random names (paths out, dot-files,
/// control characters) and sizes.
#[derive(Debug, Clone)]
struct Tree {
    /// Each node: its kids (indexes, any node) and its files.
    nodes: Vec<(Vec<usize>, Vec<FileSpec>)>,
}

/// An embedded file: name, description, size.
type FileSpec = (String, String, usize);

fn hostile_name() -> impl Strategy<Value = String> {
    prop_oneof![
        Just("cong-van.yaml".to_owned()),
        Just("../x.yaml".to_owned()),
        Just("/etc/x.yaml".to_owned()),
        Just(".bashrc".to_owned()),
        Just("a/.git/x.yaml".to_owned()),
        Just("a\u{1}b.yaml".to_owned()),
        Just("C:\\x.yaml".to_owned()),
        Just("anh/chu-ky.png".to_owned()),
        Just(String::new()),
        "[a-z./]{1,12}(\\.yaml|\\.png|)",
    ]
}

fn tree() -> impl Strategy<Value = Tree> {
    let file = (
        hostile_name(),
        prop_oneof![
            Just("vanban source".to_owned()),
            Just("vanban parent".to_owned()),
            Just("vanban image".to_owned()),
            Just("x".to_owned()),
        ],
        0..5000usize,
    );
    let node = (
        proptest::collection::vec(0..6usize, 0..4),
        proptest::collection::vec(file, 0..4),
    );
    proptest::collection::vec(node, 1..6).prop_map(|nodes| Tree { nodes })
}

fn hostile_pdf(t: &Tree) -> Vec<u8> {
    use lopdf::{dictionary, Document, Object, Stream};
    let mut doc = Document::with_version("1.7");
    let ids: Vec<_> = t.nodes.iter().map(|_| doc.new_object_id()).collect();
    for (i, (kids, files)) in t.nodes.iter().enumerate() {
        let mut names = Vec::new();
        for (name, desc, size) in files {
            let data = vec![b'x'; *size];
            let stream = doc.add_object(Stream::new(dictionary! {"Type" => "EmbeddedFile"}, data));
            let spec = doc.add_object(dictionary! {
                "Type" => "Filespec",
                "F" => Object::string_literal(name.as_bytes().to_vec()),
                "UF" => Object::string_literal(name.as_bytes().to_vec()),
                "Desc" => Object::string_literal(desc.as_bytes().to_vec()),
                "EF" => dictionary! {"F" => stream},
            });
            names.push(Object::string_literal(name.as_bytes().to_vec()));
            names.push(Object::Reference(spec));
        }
        let kids: Vec<Object> = kids
            .iter()
            .map(|k| Object::Reference(ids[k % ids.len()]))
            .collect();
        let mut node = dictionary! {"Names" => names};
        if !kids.is_empty() {
            node.set("Kids", kids);
        }
        doc.objects.insert(ids[i], Object::Dictionary(node));
    }
    let pages = doc.add_object(dictionary! {"Type" => "Pages", "Kids" => vec![], "Count" => 0});
    let catalog = doc.add_object(dictionary! {
        "Type" => "Catalog",
        "Pages" => pages,
        "Names" => dictionary! {"EmbeddedFiles" => ids[0]},
    });
    doc.trailer.set("Root", catalog);
    let mut out = Vec::new();
    doc.save_to(&mut out).unwrap();
    out
}

/// How many fuzzed PDFs extracted without an error.
static EXTRACTED: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(0);

/// Runs `extract` on `bytes`: never a panic; whatever is written lies in
/// the output folder, is a regular file with a name vanban writes, and
/// there are no more files than the limit.
fn extract_survives(bytes: &[u8]) -> Result<(), TestCaseError> {
    let dir = tempfile::tempdir().unwrap();
    let pdf = dir.path().join("in.pdf");
    std::fs::write(&pdf, bytes).unwrap();
    let out = dir.path().join("out");
    let _ = vanban::embed::embedded_files(bytes);
    if let Ok(done) = vanban::embed::extract(&pdf, &out) {
        EXTRACTED.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
        prop_assert!(done.files.len() <= vanban::embed::MAX_EMBEDDED_FILES + 1);
        for f in &done.files {
            prop_assert!(f.starts_with(&out), "{}", f.display());
            let rel = f.strip_prefix(&out).unwrap();
            prop_assert!(
                rel.components()
                    .all(|c| matches!(c, std::path::Component::Normal(n)
                    if !n.to_string_lossy().starts_with('.') || n == "vanban.toml")),
                "{}",
                rel.display()
            );
            prop_assert!(std::fs::symlink_metadata(f).unwrap().is_file());
        }
    }
    // Nothing outside the output folder but the input.
    let mut left: Vec<_> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    left.sort();
    prop_assert!(
        left == ["in.pdf"] || left == ["in.pdf", "out"],
        "{:?}",
        left
    );
    Ok(())
}

#[test]
#[ignore = "fuzzing: run by scripts/fuzz.sh"]
fn fuzz_extract() {
    let started = std::time::Instant::now();
    let work = tempfile::tempdir().unwrap();
    let real = embedded_pdf(work.path());
    // Real PDFs damaged at random: bytes changed, cut, repeated.
    let damage = proptest::collection::vec((0.0..1.0f64, 0..4u8, any::<u8>(), 1..200usize), 1..6);
    runner()
        .run(&damage, |edits| {
            let mut b = real.clone();
            for (at, how, byte, len) in edits {
                let i = ((b.len() as f64) * at) as usize;
                let j = (i + len).min(b.len());
                match how {
                    0 => b[i..j].iter_mut().for_each(|x| *x ^= byte | 1),
                    1 => b.truncate(i.max(1)),
                    2 => {
                        let piece = b[i..j].to_vec();
                        b.splice(i..i, piece);
                    }
                    _ => {
                        b.drain(i..j);
                    }
                }
            }
            extract_survives(&b)
        })
        .unwrap();
    // Hostile name trees.
    runner()
        .run(&tree(), |t| extract_survives(&hostile_pdf(&t)))
        .unwrap();
    report("extract (damaged PDFs + hostile name trees, each)", started);
    eprintln!(
        "fuzz extract: {} of the PDFs extracted, the others refused with an error",
        EXTRACTED.load(std::sync::atomic::Ordering::Relaxed)
    );
}
