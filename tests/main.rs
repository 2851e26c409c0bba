//! Integration tests: one binary (see `Cargo.toml`), one module per area.

mod archive;
mod batch;
mod chain;
mod cli;
mod common;
mod docx;
mod e2e;
mod embed;
mod errors;
mod escaping;
mod examples;
mod features;
mod fuzz;
mod golden;
mod hostile;
mod kinds;
mod layout;
mod layouts;
mod previews;
mod realdocs;
mod register;
mod seeds;
mod serve;
mod sign;
mod watch;
