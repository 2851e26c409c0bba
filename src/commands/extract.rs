//! `vanban extract`: the YAML sources embedded with `build --embed-source`
//! back out of the PDF.

use std::path::Path;

use crate::diag::Error;
use crate::embed;

/// Writes the sources embedded in `pdf` into `out` (default: `NAME-source`
/// beside the PDF), prints their paths, and says how to rebuild the PDF.
pub fn run(pdf: &Path, out: Option<&Path>) -> Result<(), Error> {
    let dir = out.map_or_else(|| embed::default_dir(pdf), Path::to_path_buf);
    let got = embed::extract(pdf, &dir)?;
    for f in &got.files {
        println!("{}", f.display());
    }
    let command = format!(
        "vanban build --embed-source{} {}",
        if got.pdf_a { " --pdf-a" } else { "" },
        got.document.display()
    );
    eprintln!(
        "{}",
        crate::i18n::t("extract-rebuild", &[("command", &command)])
    );
    Ok(())
}
