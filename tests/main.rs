//! Integration tests: one binary (see `Cargo.toml`), one module per area.

mod archive;
mod batch;
mod chain;
mod cli;
mod common;
mod derive;
mod e2e;
mod embed;
mod errors;
mod escaping;
mod features;
mod fuzz;
mod golden;
mod keys;
mod kinds;
mod layout;
mod layouts;
mod lints;
mod previews;
mod register;
mod rollover;
mod seeds;
mod serve;
mod watch;
