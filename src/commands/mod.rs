//! One module per command, shared by the command line and the editor.

pub mod batch;
