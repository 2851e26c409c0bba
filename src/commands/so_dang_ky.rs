//! `vanban so-dang-ky`: the register of outgoing documents on screen,
//! written to CSV, XLSX or the printed PDF, or an existing register
//! imported into it.

use std::path::{Path, PathBuf};

use crate::diag::Error;
use crate::load;
use crate::output;
use crate::register::db::{self, Filter, Record, Register, Series};
use crate::register::export::{self, Book};
use crate::register::{cut, import, msg};
use crate::world::Engine;

/// What to show or write.
#[derive(Debug, Clone, Default)]
pub struct Options {
    /// The project folder.
    pub dir: PathBuf,
    /// Only this year.
    pub year: Option<i32>,
    /// Only this issuing body.
    pub issuer: Option<String>,
    /// The secret series instead of the ordinary one.
    pub secret: bool,
    /// The series of copies instead of the ordinary one.
    pub copies: bool,
    /// Write to this `.csv`, `.xlsx` or `.pdf` instead of the screen.
    pub out: Option<PathBuf>,
    /// Import this `.csv` or `.xlsx` instead.
    pub import: Option<PathBuf>,
}

/// The project root of a folder.
pub fn root_of(dir: &Path) -> PathBuf {
    load::project_root(&dir.join(db::FILE_NAME))
}

/// Shows, writes or imports the register; `engine` is asked for only to
/// print it.
pub fn run(opts: &Options, engine: impl FnOnce() -> Result<Engine, Error>) -> Result<(), Error> {
    let root = root_of(&opts.dir);
    if let Some(file) = &opts.import {
        let n = import::import(&root, file, opts.issuer.as_deref())?;
        eprintln!("{}", msg::imported(file, n, &Register::path_in(&root)));
        return Ok(());
    }
    let Some(register) = Register::open_existing(&root)? else {
        return Err(Error::Other(msg::no_register(&Register::path_in(&root))));
    };
    let filter = Filter {
        year: opts.year,
        issuer: opts.issuer.clone(),
        series: Some(if opts.secret {
            Series::Secret
        } else if opts.copies {
            Series::Copy
        } else {
            Series::Ordinary
        }),
    };
    let records = register.records(&filter)?;
    if records.is_empty() {
        return Err(Error::Other(msg::empty()));
    }
    let Some(out) = &opts.out else {
        print!("{}", table(&records));
        return Ok(());
    };
    let ext = out
        .extension()
        .map(|e| e.to_string_lossy().to_lowercase())
        .unwrap_or_default();
    let bytes = match ext.as_str() {
        "csv" => export::csv(&records)?,
        "xlsx" => export::xlsx(&records)?,
        "pdf" => {
            let books = Book::of(&records);
            let [book] = books.as_slice() else {
                let names: Vec<String> = books.iter().map(Book::describe).collect();
                return Err(Error::Other(msg::one_book(&names)));
            };
            export::pdf(&engine()?, &root, book, &records)?
        }
        _ => return Err(Error::Other(msg::unknown_format(out))),
    };
    output::write_atomic(out, &bytes)?;
    eprintln!("{}", msg::exported(out, records.len()));
    Ok(())
}

/// The register as an aligned text table.
fn table(records: &[Record]) -> String {
    let body: Vec<[String; 6]> = records
        .iter()
        .map(|r| {
            [
                r.so_ky_hieu(),
                r.date_vn(),
                cut(&r.title, 48),
                cut(&r.signer, 24),
                cut(&r.issuer, 28),
                cut(&r.note, 40),
            ]
        })
        .collect();
    let heads = [
        "register-col-number-symbol",
        "list-col-date",
        "register-col-title-short",
        "register-col-signer",
        "register-col-issuer-short",
        "register-col-note",
    ]
    .map(|id| crate::i18n::t(id, &[]));
    crate::register::aligned_table(&heads, &body)
}
