//! The five seed documents, regenerated from `data/`, compared word by word
//! with their extracted text (`tests/fixtures/seeds/`).

use similar::{capture_diff_slices, Algorithm, DiffOp};

use crate::common::{all_text, flatten, layout_file, lines, root};

/// Words of a seed text: `**` markers and HTML debris removed.
fn seed_words(text: &str) -> Vec<String> {
    // `**bold**`, `***both***` and `*italic*` markers are not words.
    let no_tags = regex_lite_strip_tags(text).replace('*', "");
    no_tags.split_whitespace().map(str::to_owned).collect()
}

fn regex_lite_strip_tags(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut in_tag = false;
    for c in s.chars() {
        match c {
            '<' => in_tag = true,
            '>' if in_tag => {
                in_tag = false;
                out.push(' ');
            }
            c if !in_tag => out.push(c),
            _ => {}
        }
    }
    out
}

/// Recall and precision of `got` against `want`, word by word as a
/// multiset (the two columns of the signature band may interleave when
/// read line by line), and the first differing runs in reading order.
fn compare(want: &[String], got: &[String]) -> (f64, f64, Vec<String>) {
    let mut bag: std::collections::HashMap<&str, i64> = std::collections::HashMap::new();
    for w in got {
        *bag.entry(w.as_str()).or_default() += 1;
    }
    let mut matched = 0;
    for w in want {
        if let Some(n) = bag.get_mut(w.as_str()).filter(|n| **n > 0) {
            *n -= 1;
            matched += 1;
        }
    }
    let ops = capture_diff_slices(Algorithm::Myers, want, got);
    let mut runs = Vec::new();
    for op in &ops {
        match *op {
            DiffOp::Equal { .. } => {}
            DiffOp::Delete {
                old_index, old_len, ..
            } => runs.push(format!(
                "missing: {}",
                want[old_index..old_index + old_len].join(" ")
            )),
            DiffOp::Insert {
                new_index, new_len, ..
            } => runs.push(format!(
                "extra:   {}",
                got[new_index..new_index + new_len].join(" ")
            )),
            DiffOp::Replace {
                old_index,
                old_len,
                new_index,
                new_len,
            } => runs.push(format!(
                "changed: {} → {}",
                want[old_index..old_index + old_len].join(" "),
                got[new_index..new_index + new_len].join(" ")
            )),
        }
    }
    (
        matched as f64 / want.len() as f64,
        matched as f64 / got.len() as f64,
        runs,
    )
}

#[track_caller]
fn check(seed: &str, yaml: &str) {
    let text = std::fs::read_to_string(root().join("tests/fixtures/seeds").join(seed)).unwrap();
    let want = seed_words(&text);
    let built = layout_file(yaml);
    let got: Vec<String> = all_text(&lines(&flatten(&built.document)))
        .split_whitespace()
        .map(str::to_owned)
        .collect();
    let (recall, precision, runs) = compare(&want, &got);
    println!(
        "{seed}: recall {:.2} %, precision {:.2} %",
        recall * 100.0,
        precision * 100.0
    );
    for r in runs.iter().take(12) {
        println!("  {r}");
    }
    assert!(
        recall >= 0.99,
        "{seed}: recall {recall:.4} < 0.99\n{}",
        runs.join("\n")
    );
    assert!(
        precision >= 0.97,
        "{seed}: precision {precision:.4} < 0.97\n{}",
        runs.join("\n")
    );
}

#[test]
fn seed_000_chu_pah() {
    check(
        "000_7cdce953d203aa29.txt",
        "data/2021/chu-pah/bcd-huong-dan-tuan-le-hoc-tap.yaml",
    );
}

#[test]
fn seed_001_lang_son() {
    check(
        "001_6dbe41aa166bb925.txt",
        "data/2020/lang-son/ubnd-ke-hoach-tuan-le-hoc-tap.yaml",
    );
}

#[test]
fn seed_002_hai_phong() {
    check(
        "002_bc84719e80160f2a.txt",
        "data/2022/hai-phong/sgddt-cong-van-tuan-le-hoc-tap.yaml",
    );
}

#[test]
fn seed_003_ngo_quyen() {
    check(
        "003_4d2511cf9a22004a.txt",
        "data/2022/ngo-quyen/vhtt-huong-dan-tuan-le-hoc-tap.yaml",
    );
}

#[test]
fn seed_004_thu_thua() {
    check(
        "004_d2f3ac392c2fd842.txt",
        "data/2023/thu-thua/pgddt-cong-van-tuan-le-hoc-tap.yaml",
    );
}

#[test]
fn compare_counts_missing_and_extra_words() {
    let w = |s: &str| s.split_whitespace().map(str::to_owned).collect::<Vec<_>>();
    let (r, p, runs) = compare(&w("a b c d"), &w("a c d e f"));
    assert_eq!((r, p), (0.75, 0.6));
    assert_eq!(runs[0], "missing: b");
    // Order does not change the figures, only the reported runs.
    let (r, p, _) = compare(&w("a b c d"), &w("d c b a"));
    assert_eq!((r, p), (1.0, 1.0));
}
