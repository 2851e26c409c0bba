//! `vanban diff`: what a derived document changes relative to its parent.

use std::path::Path;

use crate::diag::Error;
use crate::evolve;

/// Prints the changes of `child`, one per line.
pub fn run(child: &Path) -> Result<(), Error> {
    for line in evolve::diff(child)? {
        println!("{line}");
    }
    Ok(())
}
