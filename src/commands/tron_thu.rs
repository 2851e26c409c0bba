//! `vanban tron-thu`: mail merge, one document per row of a CSV or XLSX
//! (see [`crate::register::merge`]).

use std::path::Path;

use crate::diag::Error;
use crate::register::issue::IssueOptions;
use crate::register::merge::{self, Numbering};
use crate::register::msg;
use crate::Builder;

/// Writes, numbers and builds the documents; prints each PDF (or YAML,
/// without PDFs) on stdout.
pub fn run(
    builder: &Builder<'_>,
    template: &Path,
    data: &Path,
    out: Option<&Path>,
    numbering: Numbering,
    opts: &IssueOptions,
) -> Result<(), Error> {
    let done = merge::merge(builder, template, data, out, numbering, opts)?;
    for m in &done {
        println!("{}", m.pdf.as_ref().unwrap_or(&m.yaml).display());
    }
    if let Some(dir) = done.first().and_then(|m| m.yaml.parent()) {
        eprintln!("{}", msg::merged(done.len(), dir));
    }
    Ok(())
}
