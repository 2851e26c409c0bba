//! `vanban derive`: a child skeleton that inherits from a parent document.

use std::path::Path;

use crate::commands::new::create;
use crate::diag::Error;
use crate::{evolve, load};

/// Writes at `child` a document extending `parent`, refusing to replace
/// anything there.
pub fn write(parent: &Path, child: &Path) -> Result<(), Error> {
    let doc = load::load(parent)?;
    create(child, &evolve::derive(parent, child, &doc))
}

/// `vanban derive PARENT -o CHILD`: writes the child and says what is left
/// to fill.
pub fn run(parent: &Path, child: &Path) -> Result<(), Error> {
    write(parent, child)?;
    eprintln!(
        "{}",
        crate::i18n::t(
            "derive-written",
            &[
                ("path", &child.display().to_string()),
                ("keys", &evolve::TO_FILL.join(", ")),
            ]
        )
    );
    Ok(())
}
