//! vanban: Vietnamese official documents (Nghị định 30/2020/NĐ-CP) from
//! YAML to PDF, in one process.
//!
//! The pipeline, one module per stage:
//! [`load`] (YAML → [`load::Loaded`]) → [`resolve`] (citations worded) →
//! [`render`] (minijinja templates in `layouts/` → Typst source) →
//! [`world`] (embedded fonts and layouts) → [`output`] (Typst layout, PDF,
//! atomic writes); [`pipeline`] runs the stages after loading. [`cli`]
//! only parses arguments and calls [`Builder`]; [`serve`] is the local web
//! editor.

pub mod assets;
pub mod cli;
pub mod commands;
pub mod diag;
pub mod docx;
pub mod embed;
pub mod evolve;
pub mod filters;
pub mod i18n;
pub mod inline;
pub mod lints;
pub mod load;
pub mod locate;
pub mod model;
pub mod output;
pub mod pipeline;
pub mod register;
pub mod render;
pub mod resolve;
pub mod serve;
pub mod sign;
pub mod vndate;
pub mod world;

pub use crate::pipeline::{Builder, Built};
