//! Running one job per document on dedicated worker threads.
//!
//! Typst parallelises parts of its own work with rayon. When documents were
//! built on rayon's global pool too, a worker waiting inside Typst's
//! parallel work would steal another whole document onto its stack, and so
//! on: the stack depth grew with the size of the batch until it overflowed
//! (an abort no one can catch). Here the documents run on plain threads
//! that are not rayon workers: when Typst forks, the waiting thread blocks
//! instead of stealing, so each document's depth is its own. Each worker
//! has a stack sized for Typst and takes the next document from a shared
//! counter; a document that panics is reported as that document's failure
//! and the batch goes on.

use std::any::Any;
use std::panic::{self, AssertUnwindSafe};
use std::sync::atomic::{AtomicUsize, Ordering};

/// Stack of each worker thread. Typst's layout recurses deeply on nested
/// content; only the pages actually touched are committed.
pub const WORKER_STACK: usize = 64 << 20;

/// How one job ended: its value, or the message of its panic.
pub type Outcome<R> = Result<R, String>;

/// Runs `job` on every item, on up to `workers` threads (at least one),
/// calling `done` with each item and its outcome as jobs finish (in the
/// order they finish; always in item order with one worker). A panic in a
/// job is caught and becomes that item's outcome.
pub fn run<T, R>(
    items: &[T],
    workers: usize,
    job: impl Fn(&T) -> R + Sync,
    done: impl Fn(&T, Outcome<R>) + Sync,
) -> std::io::Result<()>
where
    T: Sync,
{
    let next = AtomicUsize::new(0);
    let workers = workers.clamp(1, items.len().max(1));
    std::thread::scope(|scope| {
        let mut handles = Vec::with_capacity(workers);
        for i in 0..workers {
            let worker = || loop {
                let n = next.fetch_add(1, Ordering::Relaxed);
                let Some(item) = items.get(n) else { break };
                let outcome =
                    panic::catch_unwind(AssertUnwindSafe(|| job(item))).map_err(panic_message);
                done(item, outcome);
            };
            handles.push(
                std::thread::Builder::new()
                    .name(format!("vanban-batch-{i}"))
                    .stack_size(WORKER_STACK)
                    .spawn_scoped(scope, worker)?,
            );
        }
        for h in handles {
            // `done` runs outside `catch_unwind`; a panic there is a bug
            // of ours and ends the batch like any other panic.
            if let Err(p) = h.join() {
                panic::resume_unwind(p);
            }
        }
        Ok(())
    })
}

/// The number of workers for a batch: one per core.
pub fn default_workers() -> usize {
    std::thread::available_parallelism().map_or(1, |n| n.get())
}

/// The error reported for a document whose build panicked: a bug of
/// vanban's, reported as that document's failure.
pub fn crashed(path: &std::path::Path, panic: &str) -> crate::diag::Error {
    crate::diag::Error::Other(format!(
        "{}: internal error while building this document ({panic}); \
         the other documents are not affected. Please report this.",
        path.display()
    ))
}

/// The text of a panic's payload.
fn panic_message(payload: Box<dyn Any + Send>) -> String {
    if let Some(s) = payload.downcast_ref::<&str>() {
        (*s).to_owned()
    } else if let Some(s) = payload.downcast_ref::<String>() {
        s.clone()
    } else {
        "unknown panic".to_owned()
    }
}

/// Test-only hook: with the environment variable `VANBAN_TEST_PANIC` set to
/// a document's file name, building that document panics, so that the
/// tests can show a panic stays that document's failure. Compiled only into
/// debug builds (the binary the tests run); release builds ignore it.
#[cfg(debug_assertions)]
pub fn test_panic_hook(path: &std::path::Path) {
    if let Some(name) = std::env::var_os("VANBAN_TEST_PANIC") {
        if path.file_name() == Some(name.as_os_str()) {
            panic!("VANBAN_TEST_PANIC: {}", path.display());
        }
    }
}

/// Release builds: no hook.
#[cfg(not(debug_assertions))]
pub fn test_panic_hook(_path: &std::path::Path) {}
