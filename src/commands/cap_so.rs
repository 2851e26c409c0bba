//! `vanban cap-so`: issue the next number of each document's series (see
//! [`crate::register::issue`]), one document after the other.

use std::path::PathBuf;

use crate::commands::Tally;
use crate::diag::Error;
use crate::register::db::Series;
use crate::register::issue::{self, IssueOptions};
use crate::register::msg;
use crate::Builder;

/// Numbers each of `files`: the PDF written on stdout, the number issued
/// and any problem on stderr.
pub fn run(builder: &Builder<'_>, files: &[PathBuf], opts: &IssueOptions) -> Result<Tally, Error> {
    let mut failed = 0;
    for f in files {
        match issue::issue(builder, f, opts) {
            Ok(done) => {
                eprint!("{}", done.warnings);
                let r = &done.record;
                eprintln!(
                    "{}",
                    msg::issued(f, &r.so_ky_hieu(), &r.date_vn(), r.series == Series::Secret)
                );
                if let Some(p) = &done.pdf {
                    println!("{}", p.display());
                }
            }
            Err(e) => {
                failed += 1;
                eprint!("{}", e.render(builder.color));
            }
        }
    }
    Ok(Tally {
        failed,
        total: files.len(),
    })
}
