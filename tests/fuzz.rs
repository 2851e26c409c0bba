//! The loader never panics: arbitrary text, and real documents damaged at
//! random, either load or give located errors; what loads also renders to
//! Typst source that parses without a syntax error (the escaping holds).

use proptest::prelude::*;
use vanban::load;
use vanban::world::Engine;
use vanban::Builder;

use crate::common::root;

/// Every document of `data/examples/`, as text.
pub(crate) fn examples() -> Vec<String> {
    let mut files: Vec<_> = std::fs::read_dir(root().join("data/examples"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|x| x == "yaml"))
        .collect();
    files.sort();
    files
        .iter()
        .map(|p| std::fs::read_to_string(p).unwrap())
        .collect()
}

/// Loads `text` as a file and, when it loads, renders it. Load errors are
/// fine when they are reported; a panic, a document that loads but does not
/// render, or rendered Typst with a syntax error fails the property.
pub(crate) fn load_text(text: &str) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("doc.yaml");
    std::fs::write(&path, text).unwrap();
    match load::check(&path) {
        Ok(doc) => {
            let source = Builder::new(Engine::shared())
                .source(&doc)
                .unwrap_or_else(|e| panic!("loads but does not render: {}", e.render(false)));
            let (errors, _) = typst::syntax::parse(&source).errors_and_warnings();
            assert!(
                errors.is_empty(),
                "the generated Typst does not parse: {errors:?}\n{source}"
            );
        }
        Err(errors) => {
            assert!(!errors.is_empty());
            for e in errors {
                let shown = e.render(false);
                assert!(!shown.trim().is_empty());
            }
        }
    }
}

/// A damaging edit: delete, duplicate or insert YAML-significant text at a
/// position given as a fraction of the text.
#[derive(Debug, Clone)]
pub(crate) enum Edit {
    Delete(f64, usize),
    Insert(f64, String),
    DuplicateLine(f64),
}

pub(crate) fn edit() -> impl Strategy<Value = Edit> {
    let snippet = prop_oneof![
        Just(": ".to_owned()),
        Just("\n- ".to_owned()),
        Just("\n  ".to_owned()),
        Just("\t".to_owned()),
        Just("&a ".to_owned()),
        Just("*a".to_owned()),
        Just("[".to_owned()),
        Just("{".to_owned()),
        Just("\"".to_owned()),
        Just("{{ nam }".to_owned()),
        Just("{% if".to_owned()),
        Just("extends: doc.yaml\n".to_owned()),
        Just("!!binary ".to_owned()),
        Just(".nan".to_owned()),
        Just("2023-02-30".to_owned()),
        "\\PC{1,8}",
    ];
    prop_oneof![
        (0.0..1.0f64, 1..40usize).prop_map(|(at, n)| Edit::Delete(at, n)),
        (0.0..1.0f64, snippet).prop_map(|(at, s)| Edit::Insert(at, s)),
        (0.0..1.0f64).prop_map(Edit::DuplicateLine),
    ]
}

pub(crate) fn apply(text: &str, e: &Edit) -> String {
    let chars: Vec<char> = text.chars().collect();
    let at = |f: f64| ((chars.len() as f64) * f) as usize;
    match e {
        Edit::Delete(f, n) => {
            let i = at(*f);
            let j = (i + n).min(chars.len());
            chars[..i].iter().chain(&chars[j..]).collect()
        }
        Edit::Insert(f, s) => {
            let i = at(*f);
            let mut out: String = chars[..i].iter().collect();
            out.push_str(s);
            out.extend(&chars[i..]);
            out
        }
        Edit::DuplicateLine(f) => {
            let lines: Vec<&str> = text.lines().collect();
            let i = ((lines.len() as f64) * f) as usize;
            let mut out = lines.clone();
            if let Some(l) = lines.get(i) {
                out.insert(i, l);
            }
            out.join("\n")
        }
    }
}

proptest! {
    // PROPTEST_CASES raises the count (the default is 256 each).
    #![proptest_config(ProptestConfig::default())]

    #[test]
    fn arbitrary_text_never_panics(text in "\\PC{0,200}") {
        load_text(&text);
    }

    #[test]
    fn damaged_documents_never_panic(
        which in 0..10usize,
        edits in proptest::collection::vec(edit(), 1..6),
    ) {
        let all = examples();
        let mut text = all[which % all.len()].clone();
        for e in &edits {
            text = apply(&text, e);
        }
        load_text(&text);
    }
}
