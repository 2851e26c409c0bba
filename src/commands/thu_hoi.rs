//! `vanban thu-hoi`: record a number as withdrawn; it is never issued again.

use std::path::Path;

use chrono::NaiveDate;

use crate::diag::Error;
use crate::register::{issue, msg};

/// Records the withdrawal of the number of `file`.
pub fn run(file: &Path, date: Option<NaiveDate>, reason: Option<&str>) -> Result<(), Error> {
    let r = issue::withdraw(file, date, reason)?;
    eprintln!("{}", msg::withdrawn(file, &r.so_ky_hieu()));
    Ok(())
}
