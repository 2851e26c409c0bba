//! `vanban tron-thu`: mail merge, one document per row of a CSV or XLSX or
//! per entry of an address-book group (see [`crate::register::merge`]),
//! and on request one merged PDF of them all.

use std::path::{Path, PathBuf};

use crate::diag::Error;
use crate::register::combine;
use crate::register::issue::IssueOptions;
use crate::register::merge::{self, Data, Numbering};
use crate::register::msg;
use crate::{output, Builder};

/// Writes, numbers and builds the documents; prints each PDF (or YAML,
/// without PDFs) on stdout. `gop`: also write one PDF of all of them, at
/// the path given or, for `Some(None)`, beside them (`NAME-gop.pdf`).
pub fn run(
    builder: &Builder<'_>,
    template: &Path,
    data: &Data,
    out: Option<&Path>,
    numbering: Numbering,
    gop: Option<Option<&Path>>,
    opts: &IssueOptions,
) -> Result<(), Error> {
    let done = merge::merge(builder, template, data, out, numbering, opts)?;
    for m in &done {
        println!("{}", m.pdf.as_ref().unwrap_or(&m.yaml).display());
    }
    let dir = done.first().and_then(|m| m.yaml.parent());
    if let (Some(gop), Some(dir)) = (gop, dir) {
        let pdfs: Vec<PathBuf> = done.iter().filter_map(|m| m.pdf.clone()).collect();
        let stem = template
            .file_stem()
            .map_or_else(|| "van-ban".into(), |s| s.to_string_lossy().into_owned());
        let target = gop.map_or_else(|| combine::default_path(dir, &stem), Path::to_path_buf);
        let bytes = combine::combine(&pdfs).map_err(|(p, e)| Error::io(&p, e))?;
        output::write_atomic(&target, &bytes)?;
        eprintln!(
            "{}",
            crate::i18n::t(
                "merge-combined",
                &[
                    ("count", &pdfs.len().to_string()),
                    ("file", &target.display().to_string())
                ]
            )
        );
    }
    if let Some(dir) = dir {
        eprintln!("{}", msg::merged(done.len(), dir));
    }
    Ok(())
}
