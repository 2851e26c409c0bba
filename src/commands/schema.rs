//! `vanban schema`: the JSON Schema of the document vocabulary, for editors
//! (and the web editor's completion).
//!
//! The descriptions come from the doc comments of the model (English); the
//! schema given out carries them in the current language, from the
//! catalogue's `schema-*` messages (see [`description_ids`]).

use serde_json::Value;

/// The JSON Schema of [`crate::model::VanBan`] as schemars builds it, with
/// the model's doc comments (English) as descriptions.
pub fn raw() -> Value {
    serde_json::to_value(schemars::schema_for!(crate::model::VanBan)).unwrap_or_default()
}

/// The JSON Schema of [`crate::model::VanBan`], its descriptions in the
/// current language ([`crate::i18n::current`]).
pub fn schema() -> Value {
    let mut s = raw();
    let lang = crate::i18n::current();
    visit(&mut s, &mut |id, desc| {
        if crate::i18n::has(lang, id) {
            *desc = Value::String(crate::i18n::tr(lang, id, &[]));
        }
    });
    s
}

/// Every description of `schema` with its catalogue id, in order: the
/// schema's own `schema-VanBan`, a definition's `schema-<Name>`, a
/// property's `<parent>-<key>`, an enum variant's `<parent>-<value>` (its
/// `const`, or the one key of a map variant), else `<parent>-<index>`.
pub fn description_ids(schema: &Value) -> Vec<(String, String)> {
    let mut s = schema.clone();
    let mut out = Vec::new();
    visit(&mut s, &mut |id, desc| {
        out.push((id.to_owned(), desc.as_str().unwrap_or_default().to_owned()));
    });
    out
}

/// Calls `f` with the id and the value of every description of `schema`.
fn visit(schema: &mut Value, f: &mut dyn FnMut(&str, &mut Value)) {
    let title = schema
        .get("title")
        .and_then(Value::as_str)
        .unwrap_or("VanBan")
        .to_owned();
    walk(schema, &format!("schema-{title}"), f);
}

fn walk(node: &mut Value, id: &str, f: &mut dyn FnMut(&str, &mut Value)) {
    match node {
        Value::Object(map) => {
            if let Some(d) = map.get_mut("description").filter(|d| d.is_string()) {
                f(id, d);
            }
            for (key, value) in map.iter_mut() {
                match (key.as_str(), value) {
                    ("description", _) => {}
                    ("$defs" | "definitions", Value::Object(defs)) => {
                        for (name, def) in defs.iter_mut() {
                            walk(def, &format!("schema-{}", clean(name)), f);
                        }
                    }
                    ("properties", Value::Object(props)) => {
                        for (name, prop) in props.iter_mut() {
                            walk(prop, &format!("{id}-{}", clean(name)), f);
                        }
                    }
                    ("oneOf" | "anyOf" | "allOf", Value::Array(items)) => {
                        for (i, item) in items.iter_mut().enumerate() {
                            let suffix = variant_name(item).unwrap_or_else(|| i.to_string());
                            walk(item, &format!("{id}-{}", clean(&suffix)), f);
                        }
                    }
                    (_, value) => walk(value, id, f),
                }
            }
        }
        Value::Array(items) => {
            for item in items {
                walk(item, id, f);
            }
        }
        _ => {}
    }
}

/// The name of an enum variant: its `const` value, or the one key a map
/// variant requires.
fn variant_name(item: &Value) -> Option<String> {
    if let Some(c) = item.get("const").and_then(Value::as_str) {
        return Some(c.to_owned());
    }
    match item.get("required").and_then(Value::as_array) {
        Some(keys) if keys.len() == 1 && item.get("properties").is_some() => {
            keys[0].as_str().map(str::to_owned)
        }
        _ => None,
    }
}

/// A name as a Fluent id part: `[a-zA-Z0-9_-]`.
fn clean(name: &str) -> String {
    name.chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || c == '-' {
                c
            } else {
                '_'
            }
        })
        .collect()
}

/// Prints the schema, pretty.
pub fn run() {
    println!(
        "{}",
        serde_json::to_string_pretty(&schema()).unwrap_or_default()
    );
}
