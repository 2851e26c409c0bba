//! Integration tests: one binary (see `Cargo.toml`), one module per area.

mod common;
mod escaping;
mod layout;
mod scratch;
