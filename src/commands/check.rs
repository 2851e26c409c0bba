//! `vanban check`: validate documents (YAML, vocabulary, layout) without
//! writing anything; then their numbers, against each other and against
//! the register ([`crate::register::audit`]).

use std::path::PathBuf;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Mutex;

use crate::commands::build::{expand_inputs, lint};
use crate::commands::{batch, Tally};
use crate::diag::Error;
use crate::{load, register, Builder};

/// Checks every document under `inputs`, in order, printing `FILE: ok` on
/// stdout for each good one and every problem found on stderr.
pub fn run(builder: &Builder<'_>, inputs: &[PathBuf]) -> Result<Tally, Error> {
    let color = builder.color;
    load::declare_unmarked(inputs);
    let files = expand_inputs(inputs)?;
    // One worker: the reports come in the order of the files. The worker
    // has the stack Typst needs, and a panic stays this document's failure.
    let failures = AtomicUsize::new(0);
    let loaded = Mutex::new(Vec::new());
    batch::run(
        &files,
        1,
        |f| {
            batch::test_panic_hook(f);
            load::check(f).and_then(|d| {
                let b = builder.layout(&d).map_err(|e| vec![e])?;
                Ok((lint(&d, color), b, d))
            })
        },
        |f, outcome| match outcome {
            Ok(Ok((lints, b, d))) => {
                eprint!("{lints}{}", b.warnings);
                println!(
                    "{}",
                    crate::i18n::t("checked-ok", &[("path", &f.display().to_string())])
                );
                if let Ok(mut all) = loaded.lock() {
                    all.push(d);
                }
            }
            Ok(Err(errors)) => {
                failures.fetch_add(1, Ordering::Relaxed);
                for e in &errors {
                    eprint!("{}", e.render(color));
                }
            }
            Err(panic) => {
                failures.fetch_add(1, Ordering::Relaxed);
                eprint!("{}", batch::crashed(f, &panic).render(color));
            }
        },
    )
    .map_err(|e| {
        Error::Other(crate::i18n::t(
            "threads-cannot-start",
            &[("detail", &e.to_string())],
        ))
    })?;
    let loaded = loaded.into_inner().unwrap_or_default();
    let numbers = register::audit::report(&loaded, color)?;
    Ok(Tally {
        failed: (failures.into_inner() + numbers).min(files.len().max(1)),
        total: files.len(),
    })
}
