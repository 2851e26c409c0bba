//! `vanban new`: next year's draft of a document (dates moved, number
//! cleared), and the editor's new documents started from the examples.

use std::path::Path;

use crate::commands::refuse_existing;
use crate::diag::Error;
use crate::evolve::Rollover;
use crate::load::{self, Loaded};
use crate::model::Loai;
use crate::{evolve, output};

/// The examples of each kind, shipped in the binary: what the editor starts
/// a new document from.
static EXAMPLES: include_dir::Dir<'static> =
    include_dir::include_dir!("$CARGO_MANIFEST_DIR/data/examples");

/// `doc` moved to `year` (default: the year after its own): the new text
/// and the report of what changed, or `None` when it has no `ngay` or
/// `bien.nam` to take its year from.
pub fn next_year(doc: &Loaded, year: Option<i32>) -> Option<Rollover> {
    let old = evolve::year_of(doc)?;
    Some(evolve::roll(&doc.text, old, year.unwrap_or(old + 1)))
}

/// Why [`next_year`] gave nothing, for `from`.
pub fn no_year(from: &Path) -> Error {
    Error::Other(format!(
        "{}: no `ngay` or `bien.nam` to take the year from",
        from.display()
    ))
}

/// Writes a new document at `path`, refusing to replace anything there;
/// the folders it needs are created.
pub fn create(path: &Path, text: &str) -> Result<(), Error> {
    refuse_existing(path)?;
    if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
        std::fs::create_dir_all(dir).map_err(|e| Error::io(dir, e))?;
    }
    output::write_atomic(path, text.as_bytes())
}

/// The `text` of the document at `from`, to be written at `to` in another
/// folder: its `extends:` keeps naming a file that exists. The same
/// relative path is kept when it names a file from the new folder too (next
/// year's parent, when it is drafted already); else it is rewritten to the
/// file it named from the old folder.
pub fn moved(text: &str, from: &Path, to: &Path) -> String {
    let dir = |p: &Path| {
        p.parent()
            .filter(|d| !d.as_os_str().is_empty())
            .unwrap_or(Path::new("."))
            .to_path_buf()
    };
    let (old, new) = (dir(from), dir(to));
    if old == new {
        return text.to_owned();
    }
    let mut out = String::with_capacity(text.len());
    for line in text.split_inclusive('\n') {
        let rewritten = line.strip_prefix("extends:").and_then(|rest| {
            let value = rest.split(" #").next()?.trim();
            let rel = value.trim_matches(|c| c == '"' || c == '\'');
            // The new folder may not exist yet: `..` is taken lexically.
            if rel.is_empty() || Path::new(rel).is_absolute() || lexical(&new.join(rel)).is_file() {
                return None;
            }
            let target = old.join(rel);
            target.is_file().then(|| {
                let fixed = evolve::relative(&target, &new);
                line.replacen(value, &fixed, 1)
            })
        });
        out.push_str(rewritten.as_deref().unwrap_or(line));
    }
    out
}

/// `path` with `.` and `..` taken away lexically (`a/b/../c` is `a/c`).
fn lexical(path: &Path) -> std::path::PathBuf {
    use std::path::Component;
    let mut out = std::path::PathBuf::new();
    for c in path.components() {
        match c {
            Component::ParentDir => {
                if !out.pop() {
                    out.push("..");
                }
            }
            Component::CurDir => {}
            c => out.push(c),
        }
    }
    out
}

/// `vanban new --from FROM --year YEAR [-o OUT] [--dry-run]`: the draft
/// written to `out`, or printed when there is none, and the report of every
/// change and every spot to review (on stderr; on stdout with `dry_run`,
/// which writes nothing).
pub fn run(from: &Path, year: i32, out: Option<&Path>, dry_run: bool) -> Result<(), Error> {
    let doc = load::load(from)?;
    let rolled = next_year(&doc, Some(year)).ok_or_else(|| no_year(from))?;
    let shown = out.unwrap_or(from).display().to_string();
    let report = rolled.report(&shown);
    if dry_run {
        print!("{report}");
        return Ok(());
    }
    match out {
        Some(path) => create(path, &moved(&rolled.text, from, path))?,
        None => print!("{}", rolled.text),
    }
    eprint!("{report}");
    Ok(())
}

/// The example of kind `loai` moved to `year`, as a starting point.
pub fn starter(loai: &str, year: i32) -> Option<String> {
    let kind: Loai = serde_yaml::from_str(loai).ok()?;
    let file = EXAMPLES.get_file(kind.info().example)?;
    let text = file.contents_utf8()?;
    let doc = load::parse(file.path(), text).ok()?;
    let from = doc.ngay.map_or(year, |n| n.nam);
    Some(evolve::new_year(text, from, year))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_draft_in_another_folder_keeps_its_parent() {
        let dir = tempfile::tempdir().unwrap();
        let d = dir.path();
        std::fs::create_dir_all(d.join("2023/tinh")).unwrap();
        std::fs::create_dir_all(d.join("2023/huyen")).unwrap();
        std::fs::write(d.join("2023/tinh/kh.yaml"), "loai: ke_hoach\n").unwrap();
        let text = "loai: ke_hoach\nextends: ../tinh/kh.yaml # parent\nso: 1\n";
        let from = d.join("2023/huyen/kh.yaml");
        let to = d.join("2024/huyen/kh.yaml");
        assert_eq!(
            moved(text, &from, &to),
            "loai: ke_hoach\nextends: ../../2023/tinh/kh.yaml # parent\nso: 1\n"
        );
        // Next year's parent drafted already: the same name is kept.
        std::fs::create_dir_all(d.join("2024/tinh")).unwrap();
        std::fs::write(d.join("2024/tinh/kh.yaml"), "loai: ke_hoach\n").unwrap();
        assert_eq!(moved(text, &from, &to), text);
        // Same folder: unchanged.
        assert_eq!(moved(text, &from, &d.join("2023/huyen/kh-2024.yaml")), text);
    }
}
