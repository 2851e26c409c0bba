//! `vanban list`: the register of the documents under a folder, by date.

use std::path::Path;

use crate::diag::Error;
use crate::register;

/// How `vanban list` prints the register (`--format`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum RegisterFormat {
    /// Aligned columns.
    Table,
    /// Comma-separated values.
    Csv,
    /// JSON array.
    Json,
}

/// Prints the register of `dir` on stdout, and on stderr the documents that
/// do not load and a warning about duplicate numbers. Returns whether every
/// document loaded.
pub fn run(dir: &Path, format: RegisterFormat, color: bool) -> Result<bool, Error> {
    let (rows, errors) = register::list(dir)?;
    match format {
        RegisterFormat::Table => print!("{}", register::to_table(&rows)),
        RegisterFormat::Csv => print!("{}", register::to_csv(&rows)),
        RegisterFormat::Json => {
            println!(
                "{}",
                serde_json::to_string_pretty(&rows).unwrap_or_default()
            )
        }
    }
    for e in &errors {
        eprint!("{}", e.render(color));
    }
    let dups = rows.iter().filter(|r| r.trung_so).count();
    if dups > 0 {
        eprintln!(
            "{}",
            crate::i18n::t("list-duplicates", &[("count", &dups.to_string())])
        );
    }
    Ok(errors.is_empty())
}
