//! Budgets for a whole document, checked where input enters, so that a few
//! kilobytes of hostile or clumsy input cannot crash vanban or exhaust the
//! machine (issue 22). Each limit is generous for real documents (a
//! 500-page appendix is about 2 MB of text) and reported as a located,
//! Vietnamese message ([`MessageId::Limit`]).
//!
//! | limit | value |
//! |---|---|
//! | size of a file read (document, parent, cited document) | [`super::MAX_BYTES`] (4 MiB) |
//! | text after YAML aliases are expanded, and after merges and templates | [`MAX_EXPANDED`] (8 MiB) |
//! | total output of the templates of a document | [`MAX_TEMPLATE_OUTPUT`] (1 MiB) |
//! | footnotes nested in footnotes | [`crate::render::MAX_NESTING`] |
//! | characters of one text (a paragraph, a trích yếu) | [`MAX_TEXT_CHARS`] |
//! | pixels of an image (width × height, read from its header) | [`MAX_PIXELS`] |
//! | documents cited, counting citations of citations | [`MAX_CITED`] |

use std::path::Path;

use serde::de::{DeserializeSeed, MapAccess, SeqAccess, Visitor};
use serde_yaml::Value;

use crate::diag::{Diagnostic, Error, Message, MessageId};

/// Bytes of text a document may expand to (YAML aliases, merges, templates).
pub const MAX_EXPANDED: u64 = 8 * 1024 * 1024;
/// Bytes all the templates of one document may produce together.
pub const MAX_TEMPLATE_OUTPUT: usize = 1024 * 1024;
/// Pixels (width × height) of an image: a 600 dpi A4 scan is 35 million.
pub const MAX_PIXELS: u64 = 50_000_000;
/// Characters of one text (a paragraph, a trích yếu, a cell): the longest
/// in the repository's documents has under 1 000; 20 000 is six pages of
/// one paragraph. Typst's line breaking grows faster than linearly with
/// the length of a paragraph (a 200 KB trích yếu took a minute).
pub const MAX_TEXT_CHARS: usize = 20_000;
/// Documents one build may cite, counting citations of citations.
pub const MAX_CITED: usize = 200;

/// The message for the limit `what`.
pub fn message(what: &str, limit: impl ToString, found: impl ToString) -> Message {
    Message::new(
        MessageId::Limit,
        &[
            ("what", what.to_owned()),
            ("limit", limit.to_string()),
            ("found", found.to_string()),
        ],
    )
}

/// An error for the limit `what`, at the line of `text` holding `needle`
/// (its first line), else at the first line.
pub fn located(path: &Path, text: &str, needle: &str, message: Message) -> Error {
    let (line, column) = place_of(text, needle);
    Error::from(Diagnostic::error(path, text, line, column, message))
}

/// Line and column (1-based) of the first line of `needle` in `text`.
fn place_of(text: &str, needle: &str) -> (usize, usize) {
    let first: String = needle
        .lines()
        .next()
        .unwrap_or("")
        .chars()
        .take(40)
        .collect();
    if first.trim().is_empty() {
        return (1, 1);
    }
    match text.find(first.as_str()) {
        Some(at) => {
            let line = text[..at].matches('\n').count() + 1;
            let start = text[..at].rfind('\n').map_or(0, |i| i + 1);
            (line, text[start..at].chars().count() + 1)
        }
        None => (1, 1),
    }
}

/// The bytes of text `text` expands to once YAML aliases are replaced by
/// what they name, counted without building the value; stops (an error)
/// past [`MAX_EXPANDED`].
pub fn check_expanded(path: &Path, text: &str) -> Result<(), Error> {
    let mut count = 0u64;
    let de = serde_yaml::Deserializer::from_str(text);
    // Syntax errors are reported by the real parse that follows.
    let _ = Count(&mut count).deserialize(de);
    if count > MAX_EXPANDED {
        return Err(Error::from(Diagnostic::error(
            path,
            text,
            first_alias_line(text),
            1,
            message("text-size", MAX_EXPANDED, format!("> {MAX_EXPANDED}")),
        )));
    }
    Ok(())
}

/// The line of the first alias (`*name`), where an expansion starts.
fn first_alias_line(text: &str) -> usize {
    text.lines()
        .position(|l| {
            let t = l.trim_start().trim_start_matches("- ");
            t.contains(": *") || t.starts_with('*')
        })
        .map_or(1, |i| i + 1)
}

/// Counts the bytes of scalars (and a few per node) into `.0`.
struct Count<'a>(&'a mut u64);

impl Count<'_> {
    fn add<E: serde::de::Error>(&mut self, n: usize) -> Result<(), E> {
        *self.0 += n as u64 + 8;
        if *self.0 > MAX_EXPANDED {
            Err(E::custom("too large"))
        } else {
            Ok(())
        }
    }
}

impl<'de> DeserializeSeed<'de> for Count<'_> {
    type Value = ();
    fn deserialize<D: serde::Deserializer<'de>>(self, d: D) -> Result<(), D::Error> {
        d.deserialize_any(self)
    }
}

impl<'de> Visitor<'de> for Count<'_> {
    type Value = ();
    fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        f.write_str("any YAML value")
    }
    fn visit_str<E: serde::de::Error>(mut self, v: &str) -> Result<(), E> {
        self.add(v.len())
    }
    fn visit_bool<E: serde::de::Error>(mut self, _: bool) -> Result<(), E> {
        self.add(0)
    }
    fn visit_i64<E: serde::de::Error>(mut self, _: i64) -> Result<(), E> {
        self.add(0)
    }
    fn visit_u64<E: serde::de::Error>(mut self, _: u64) -> Result<(), E> {
        self.add(0)
    }
    fn visit_f64<E: serde::de::Error>(mut self, _: f64) -> Result<(), E> {
        self.add(0)
    }
    fn visit_unit<E: serde::de::Error>(mut self) -> Result<(), E> {
        self.add(0)
    }
    fn visit_none<E: serde::de::Error>(mut self) -> Result<(), E> {
        self.add(0)
    }
    fn visit_some<D: serde::Deserializer<'de>>(self, d: D) -> Result<(), D::Error> {
        d.deserialize_any(self)
    }
    fn visit_seq<A: SeqAccess<'de>>(mut self, mut seq: A) -> Result<(), A::Error> {
        self.add(0)?;
        while seq.next_element_seed(Count(&mut *self.0))?.is_some() {}
        Ok(())
    }
    fn visit_map<A: MapAccess<'de>>(mut self, mut map: A) -> Result<(), A::Error> {
        self.add(0)?;
        while map.next_key_seed(Count(&mut *self.0))?.is_some() {
            map.next_value_seed(Count(&mut *self.0))?;
        }
        Ok(())
    }
    fn visit_enum<A: serde::de::EnumAccess<'de>>(self, data: A) -> Result<(), A::Error> {
        use serde::de::VariantAccess;
        let (_, variant) = data.variant::<serde::de::IgnoredAny>()?;
        variant.newtype_variant_seed(self)
    }
}

/// Refuses raster image data (PNG, JPEG, GIF, WebP…) of more than
/// [`MAX_PIXELS`], read from its header before anything is decoded. Data
/// that is not a known image passes.
pub fn check_pixels(data: &[u8]) -> Result<(), String> {
    match imagesize::blob_size(data) {
        Ok(size) => {
            let pixels = size.width as u64 * size.height as u64;
            if pixels > MAX_PIXELS {
                Err(message(
                    "image-pixels",
                    MAX_PIXELS,
                    format!("{} × {} = {pixels}", size.width, size.height),
                )
                .to_string())
            } else {
                Ok(())
            }
        }
        Err(_) => Ok(()),
    }
}

/// Bytes of the strings of `v` (keys and values).
pub fn size_of(v: &Value) -> u64 {
    match v {
        Value::String(s) => s.len() as u64,
        Value::Sequence(items) => items.iter().map(size_of).sum(),
        Value::Mapping(m) => m.iter().map(|(k, v)| size_of(k) + size_of(v)).sum(),
        Value::Tagged(t) => size_of(&t.value),
        _ => 8,
    }
}

/// Checks the merged, rendered value of the document at `path` (own text
/// `text`): its total size, and the length and nesting of footnotes of
/// each text.
pub fn check_value(path: &Path, text: &str, v: &Value) -> Result<(), Error> {
    let size = size_of(v);
    if size > MAX_EXPANDED {
        return Err(located(
            path,
            text,
            "",
            message("text-size", MAX_EXPANDED, size),
        ));
    }
    nesting(path, text, v)
}

fn nesting(path: &Path, text: &str, v: &Value) -> Result<(), Error> {
    match v {
        Value::String(s) => {
            let depth = crate::render::nesting(s);
            if depth > crate::render::MAX_NESTING {
                return Err(located(
                    path,
                    text,
                    s,
                    message("markup-depth", crate::render::MAX_NESTING, depth),
                ));
            }
            let chars = s.chars().count();
            if chars > MAX_TEXT_CHARS {
                return Err(located(
                    path,
                    text,
                    s,
                    message("text-length", MAX_TEXT_CHARS, chars),
                ));
            }
            Ok(())
        }
        Value::Sequence(items) => items.iter().try_for_each(|i| nesting(path, text, i)),
        Value::Mapping(m) => m.iter().try_for_each(|(_, i)| nesting(path, text, i)),
        Value::Tagged(t) => nesting(path, text, &t.value),
        _ => Ok(()),
    }
}
