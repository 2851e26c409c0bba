//! `vanban schema`: the JSON Schema of the document vocabulary, for editors
//! (and the web editor's completion).

/// The JSON Schema of [`crate::model::VanBan`].
pub fn schema() -> serde_json::Value {
    serde_json::to_value(schemars::schema_for!(crate::model::VanBan)).unwrap_or_default()
}

/// Prints the schema, pretty.
pub fn run() {
    println!(
        "{}",
        serde_json::to_string_pretty(&schema()).unwrap_or_default()
    );
}
