//! `vanban new`: next year's draft of a document (dates moved, number
//! cleared), and the editor's new documents started from the examples.

use std::path::Path;

use crate::commands::refuse_existing;
use crate::diag::Error;
use crate::load::{self, Loaded};
use crate::model::Loai;
use crate::{evolve, output};

/// The examples of each kind, shipped in the binary: what the editor starts
/// a new document from.
static EXAMPLES: include_dir::Dir<'static> =
    include_dir::include_dir!("$CARGO_MANIFEST_DIR/data/examples");

/// The text of `doc` moved to `year` (default: the year after its own), or
/// `None` when it has no `ngay` or `bien.nam` to take its year from.
pub fn next_year(doc: &Loaded, year: Option<i32>) -> Option<String> {
    let old = evolve::year_of(doc)?;
    Some(evolve::new_year(&doc.text, old, year.unwrap_or(old + 1)))
}

/// Why [`next_year`] gave nothing, for `from`.
pub fn no_year(from: &Path) -> Error {
    Error::Other(format!(
        "{}: no `ngay` or `bien.nam` to take the year from",
        from.display()
    ))
}

/// Writes a new document at `path`, refusing to replace anything there.
pub fn create(path: &Path, text: &str) -> Result<(), Error> {
    refuse_existing(path)?;
    output::write_atomic(path, text.as_bytes())
}

/// `vanban new --from FROM --year YEAR [-o OUT]`: the draft written to
/// `out`, or printed when there is none.
pub fn run(from: &Path, year: i32, out: Option<&Path>) -> Result<(), Error> {
    let doc = load::load(from)?;
    let text = next_year(&doc, Some(year)).ok_or_else(|| no_year(from))?;
    match out {
        Some(path) => {
            create(path, &text)?;
            eprintln!(
                "{}: draft for {year} (số cleared, ngày without day)",
                path.display()
            );
        }
        None => print!("{text}"),
    }
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
