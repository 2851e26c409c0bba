//! `vanban serve`: the web editor over a folder ([`crate::serve`]), which
//! runs the other commands' shared parts behind a JSON API.

use crate::diag::Error;
use crate::world::Engine;

pub use crate::serve::Options;

/// Serves `opts.dir` until the process is stopped.
pub fn run(opts: Options, engine: Engine) -> Result<(), Error> {
    crate::serve::run(opts, engine)
}
