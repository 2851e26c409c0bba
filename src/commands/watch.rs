//! `vanban watch`: rebuild a document each time it, one of its parents, a
//! document it cites or one of its images is saved.
//!
//! The folders holding those files are watched (not the files themselves),
//! so editors that save by writing a new file and renaming it over the old
//! one are seen too. Bursts of events are debounced into one rebuild. A
//! build that fails writes nothing, so the last good PDF stays in place;
//! the error is printed and the next save is awaited.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::sync::mpsc;
use std::time::{Duration, Instant};

use notify::event::{EventKind, ModifyKind};
use notify::{RecursiveMode, Watcher};

use crate::commands::build::{build_loaded, BuildOptions};
use crate::diag::Error;
use crate::i18n::t;
use crate::{load, Builder};

/// Quiet time after the last file event before rebuilding (debounce).
pub const DEBOUNCE: Duration = Duration::from_millis(150);

/// Longest wait for a quiet moment: a steady stream of events (another
/// program writing into a watched folder) does not delay a rebuild longer.
pub const STARVE: Duration = Duration::from_secs(1);

/// Memoized results of Typst kept across rebuilds: those used by the last
/// few builds (what `serve` keeps too).
const EVICT_AFTER: usize = 10;

/// Builds `input` once, then again after every change of the files it is
/// built from, until the process is stopped. Everything it says goes to
/// stderr, in order: progress, warnings and errors.
pub fn run(builder: &Builder<'_>, input: &Path, opts: &BuildOptions) -> Result<(), Error> {
    let fail = |e: &dyn std::fmt::Display| {
        Error::Other(t("watch-cannot-watch", &[("detail", &e.to_string())]))
    };
    let (tx, rx) = mpsc::channel::<notify::Result<notify::Event>>();
    let mut watcher = notify::recommended_watcher(tx).map_err(|e| fail(&e))?;
    let mut watched: BTreeSet<PathBuf> = BTreeSet::new();
    let mut sources = build_round(builder, input, opts);
    loop {
        // Watch the folders of every source; drop folders no longer needed.
        let dirs: BTreeSet<PathBuf> = sources
            .iter()
            .filter_map(|p| p.parent().map(Path::to_path_buf))
            .filter(|d| d.is_dir())
            .collect();
        for d in watched.difference(&dirs) {
            let _ = watcher.unwatch(d);
        }
        for d in dirs.difference(&watched) {
            watcher
                .watch(d, RecursiveMode::NonRecursive)
                .map_err(|e| fail(&e))?;
        }
        watched = dirs;
        let files = sources
            .iter()
            .map(|p| p.display().to_string())
            .collect::<Vec<_>>()
            .join(", ");
        eprintln!("{}", t("watch-watching", &[("files", &files)]));
        // Wait for a change to one of the sources, then for a quiet moment:
        // an editor's save is often several events (write, rename, …).
        let touches = |event: &notify::Event| {
            changes(&event.kind) && event.paths.iter().any(|p| sources.contains(p))
        };
        loop {
            let event = rx.recv().map_err(|e| fail(&e))?.map_err(|e| fail(&e))?;
            if touches(&event) {
                break;
            }
        }
        let first = Instant::now();
        while first.elapsed() < STARVE && rx.recv_timeout(DEBOUNCE).is_ok() {}
        sources = build_round(builder, input, opts);
    }
}

/// Loads and builds `input`, printing what happened; returns the canonical
/// paths of the files it is built from (as far as they are known when it
/// fails to load).
fn build_round(builder: &Builder<'_>, input: &Path, opts: &BuildOptions) -> BTreeSet<PathBuf> {
    let start = Instant::now();
    let loaded = load::load(input);
    let mut sources: BTreeSet<PathBuf> = match &loaded {
        Ok(doc) => doc
            .source_paths()
            .map(Path::to_path_buf)
            .chain(
                crate::embed::images(doc)
                    .into_iter()
                    .filter_map(|p| p.canonicalize().ok()),
            )
            .collect(),
        Err(_) => load::sources_so_far(input).into_iter().collect(),
    };
    // The input itself, even when it cannot be read right now (an editor
    // may have removed it for a moment).
    if let Some(canon) = canonical(input) {
        sources.insert(canon);
    }
    let result = loaded.and_then(|doc| build_loaded(builder, input, &doc, opts));
    match result {
        Ok((written, warnings)) => {
            eprint!("{warnings}");
            let names: Vec<String> = written.iter().map(|p| p.display().to_string()).collect();
            eprintln!(
                "{}",
                t(
                    "watch-built",
                    &[
                        ("time", &clock()),
                        ("files", &names.join(", ")),
                        ("ms", &start.elapsed().as_millis().to_string()),
                    ]
                )
            );
        }
        Err(e) => {
            eprint!("{}", e.render(builder.color));
            let stem = input
                .file_stem()
                .map_or_else(String::new, |s| s.to_string_lossy().into_owned());
            let pdf = crate::output::target(input, opts.out_dir.as_deref(), &stem, "pdf");
            let kept = if pdf.exists() { "yes" } else { "no" };
            eprintln!(
                "{}",
                t(
                    "watch-not-rebuilt",
                    &[
                        ("time", &clock()),
                        ("path", &input.display().to_string()),
                        ("kept", kept),
                    ]
                )
            );
        }
    }
    // A long-running process: drop memoized layout results not used by the
    // last few builds, or memory grows with every save.
    comemo::evict(EVICT_AFTER);
    sources
}

/// Whether an event kind may change a file's contents (reads and
/// attribute changes do not; the build itself opens the sources).
fn changes(kind: &EventKind) -> bool {
    match kind {
        EventKind::Any | EventKind::Create(_) | EventKind::Remove(_) => true,
        EventKind::Modify(m) => !matches!(m, ModifyKind::Metadata(_) | ModifyKind::Other),
        EventKind::Access(_) | EventKind::Other => false,
    }
}

/// The canonical form of `path`: of its folder when the file itself is
/// missing.
fn canonical(path: &Path) -> Option<PathBuf> {
    path.canonicalize().ok().or_else(|| {
        let dir = path
            .parent()
            .filter(|p| !p.as_os_str().is_empty())
            .unwrap_or(Path::new("."));
        Some(dir.canonicalize().ok()?.join(path.file_name()?))
    })
}

/// Local time of day, for the progress lines.
fn clock() -> String {
    chrono::Local::now().format("[%H:%M:%S]").to_string()
}
