//! Building many documents in one batch: the batch survives its size and
//! any one document's failure, even a panic.

use std::path::{Path, PathBuf};
use std::sync::Mutex;
use std::time::Instant;

use vanban::commands::batch;

use crate::common::root;
use crate::common::{assert_exit, run, stderr, vanban};

/// Copies every file under `from` into `to`, keeping the tree.
fn copy_tree(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    for entry in std::fs::read_dir(from).unwrap() {
        let path = entry.unwrap().path();
        let target = to.join(path.file_name().unwrap());
        if path.is_dir() {
            copy_tree(&path, &target);
        } else {
            std::fs::copy(&path, &target).unwrap();
        }
    }
}

/// YAML documents under `dir`, recursively.
fn yaml_under(dir: &Path) -> Vec<PathBuf> {
    vanban::commands::build::expand_inputs(&[dir.to_owned()]).unwrap()
}

/// A folder of `n` documents of mixed kinds: copies of `data/examples` (one
/// document of every kind, with their pictures) and of the real documents
/// under `data/20xx`, as many copies as it takes.
fn many_documents(n: usize) -> tempfile::TempDir {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path();
    std::fs::write(dir.join("vanban.toml"), "").unwrap();
    let mut sources = vec![root().join("data/examples")];
    sources.extend(
        ["2020", "2021", "2022", "2023"]
            .iter()
            .map(|y| root().join("data").join(y)),
    );
    let mut copy = 0;
    while yaml_under(dir).len() < n {
        for src in &sources {
            copy_tree(
                src,
                &dir.join(format!("{copy:03}"))
                    .join(src.file_name().unwrap()),
            );
        }
        copy += 1;
    }
    // Trim the last copy down to exactly `n`.
    let all = yaml_under(dir);
    for extra in &all[n..] {
        std::fs::remove_file(extra).unwrap();
    }
    assert_eq!(yaml_under(dir).len(), n);
    tmp
}

/// PDFs under `dir`, recursively.
fn pdfs_under(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    let mut stack = vec![dir.to_owned()];
    while let Some(d) = stack.pop() {
        for entry in std::fs::read_dir(&d).unwrap() {
            let p = entry.unwrap().path();
            if p.is_dir() {
                stack.push(p);
            } else if p.extension().is_some_and(|x| x == "pdf") {
                out.push(p);
            }
        }
    }
    out
}

#[test]
fn four_hundred_documents_build_in_one_batch() {
    let docs = many_documents(400);
    let kinds: std::collections::BTreeSet<_> = yaml_under(docs.path())
        .iter()
        .map(|p| vanban::load::load(p).unwrap().doc.loai.key())
        .collect();
    assert!(kinds.len() >= 10, "mixed kinds: {kinds:?}");
    let out = tempfile::tempdir().unwrap();
    let start = Instant::now();
    let o = run(vanban()
        .arg("build")
        .arg(docs.path())
        .arg("-o")
        .arg(out.path()));
    eprintln!(
        "400 documents built in {:.1} s",
        start.elapsed().as_secs_f64()
    );
    assert_exit(&o, 0);
    let pdfs = pdfs_under(out.path());
    assert_eq!(pdfs.len(), 400);
    for pdf in &pdfs {
        let bytes = std::fs::read(pdf).unwrap();
        assert!(bytes.starts_with(b"%PDF-"), "{}", pdf.display());
    }
}

#[test]
fn a_document_that_panics_fails_alone() {
    let docs = many_documents(12);
    let victim = yaml_under(docs.path())[5].clone();
    let name = victim.file_name().unwrap().to_str().unwrap().to_owned();
    let out = tempfile::tempdir().unwrap();
    let o = run(vanban()
        .env("VANBAN_TEST_PANIC", &name)
        .arg("build")
        .arg(docs.path())
        .arg("-o")
        .arg(out.path()));
    assert_exit(&o, 1);
    let err = stderr(&o);
    assert!(
        err.contains(&format!("{}: internal error", victim.display())),
        "{err}"
    );
    assert!(err.contains("1 of 12 documents failed"), "{err}");
    // Every other document was built (the victim's name may be shared by
    // copies in other folders: those panic too, by name).
    let victims = yaml_under(docs.path())
        .iter()
        .filter(|p| p.file_name() == victim.file_name())
        .count();
    assert_eq!(victims, 1, "the victim's name is unique in the batch");
    assert_eq!(pdfs_under(out.path()).len(), 11);
}

#[test]
fn the_batch_runner_runs_every_item_once_and_keeps_panics_with_their_item() {
    let items: Vec<usize> = (0..50).collect();
    let seen = Mutex::new(Vec::new());
    batch::run(
        &items,
        4,
        |&i| {
            if i == 7 {
                panic!("boom {i}");
            }
            i * 2
        },
        |&i, outcome| seen.lock().unwrap().push((i, outcome)),
    )
    .unwrap();
    let mut seen = seen.into_inner().unwrap();
    seen.sort_by_key(|(i, _)| *i);
    assert_eq!(seen.iter().map(|(i, _)| *i).collect::<Vec<_>>(), items);
    for (i, outcome) in seen {
        match outcome {
            Ok(v) => assert_eq!(v, i * 2),
            Err(m) => assert_eq!((i, m.as_str()), (7, "boom 7")),
        }
    }
}

#[test]
fn one_worker_keeps_the_order_and_an_empty_batch_is_fine() {
    let items = ["a", "b", "c"];
    let seen = Mutex::new(String::new());
    batch::run(
        &items,
        1,
        |s| s.to_uppercase(),
        |_, o| seen.lock().unwrap().push_str(&o.unwrap()),
    )
    .unwrap();
    assert_eq!(seen.into_inner().unwrap(), "ABC");
    batch::run(&[] as &[u8], 3, |_| (), |_, _| unreachable!()).unwrap();
}
