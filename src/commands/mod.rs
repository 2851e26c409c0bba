//! One module per command, shared by the command line ([`crate::cli`],
//! which only parses arguments and turns results into exit codes) and the
//! editor ([`crate::serve`]).

pub mod batch;
pub mod build;
pub mod cap_so;
pub mod check;
pub mod derive;
pub mod diff;
pub mod extract;
pub mod ky;
pub mod list;
pub mod new;
pub mod sao;
pub mod schema;
pub mod serve;
pub mod so_dang_ky;
pub mod thu_hoi;
pub mod tron_thu;
pub mod watch;
pub mod xac_minh;

/// How a command over several documents went.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Tally {
    /// Documents that failed.
    pub failed: usize,
    /// Documents tried.
    pub total: usize,
}

/// Refuses to create `path` when something is there already.
pub fn refuse_existing(path: &std::path::Path) -> Result<(), crate::diag::Error> {
    if path.symlink_metadata().is_ok() {
        return Err(crate::diag::Error::Other(crate::i18n::t(
            "file-exists",
            &[("path", &path.display().to_string())],
        )));
    }
    Ok(())
}
