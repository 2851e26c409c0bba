//! Messages as an id and named arguments, and their English wording: the
//! one place a catalogue in another language (Vietnamese) plugs into.

use std::fmt;

use serde::Serialize;

/// What a message says, independent of its wording.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum MessageId {
    /// Any other message: `{text}`.
    Text,
    /// The YAML text does not parse: `{detail}`.
    YamlSyntax,
    /// A key or value does not fit the model: `{at}: {detail}`, with the
    /// known kinds (`{kinds}`) when the kind is unknown.
    Typing,
    /// An image of the signer cannot be used: `{at}: {detail}`.
    Image,
    /// A template in the document's text failed: `{detail}`.
    TemplateInText,
    /// A layout template failed: `{detail}`.
    LayoutTemplate,
    /// Typst failed on text that came from the YAML: `{detail}`.
    LayoutFailedOnValue,
    /// A Typst diagnostic in the generated source or the layouts: `{detail}`.
    Typst,
    /// Where a Typst error sits in the generated source: `{snippet}`,
    /// `{line}`, `{file}` (empty when the source is not written).
    TypstGeneratedAs,
    /// A step of Typst's trace (`error occurred in this call …`): `{detail}`.
    TypstTrace,
    /// A model warning: `{text}`.
    Warning,
    /// A child's list item names an `id` its parent lacks: `{text}`.
    UnknownId,
    /// A key the document's kind would not print: `{text}`.
    KeyNotPrinted,
    /// Help: `did you mean `{key}`?`.
    DidYouMean,
    /// Help: add a missing key.
    AddKey,
    /// Help: where template variables come from.
    TemplateVariables,
    /// Help: tabs in the indentation.
    TabIndent,
    /// Help: a list item read as a key and value: `{rest}`, `{quoted}`.
    QuoteItem,
    /// Help: a `: ` inside a text: `{fixed}`.
    QuoteColon,
    /// Help: a word YAML reads as a value: `{value}`.
    NotText,
    /// Help: ` #` starts a comment.
    HashComment,
    /// Help from Typst: `{text}`.
    TypstHint,
}

/// A message: an id and its named arguments.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Message {
    /// What it says.
    pub id: MessageId,
    /// Its arguments, by name.
    pub args: Vec<(&'static str, String)>,
}

impl Message {
    /// A message with arguments.
    pub fn new(id: MessageId, args: &[(&'static str, String)]) -> Self {
        Self {
            id,
            args: args.to_vec(),
        }
    }

    /// A message without arguments.
    pub fn bare(id: MessageId) -> Self {
        Self::new(id, &[])
    }

    /// The long tail: a message that is its own text.
    pub fn text(text: impl Into<String>) -> Self {
        Self::new(MessageId::Text, &[("text", text.into())])
    }

    /// The argument `name` (empty when absent).
    pub fn arg(&self, name: &str) -> &str {
        self.args
            .iter()
            .find(|(n, _)| *n == name)
            .map_or("", |(_, v)| v.as_str())
    }

    /// The message in English.
    pub fn english(&self) -> String {
        let a = |n: &str| self.arg(n);
        let at = |detail: &str| {
            if a("at").is_empty() {
                detail.to_owned()
            } else {
                format!("{}: {detail}", a("at"))
            }
        };
        match self.id {
            MessageId::Text
            | MessageId::Warning
            | MessageId::UnknownId
            | MessageId::KeyNotPrinted
            | MessageId::TypstHint => a("text").to_owned(),
            MessageId::YamlSyntax
            | MessageId::LayoutTemplate
            | MessageId::Typst
            | MessageId::TypstTrace => a("detail").to_owned(),
            MessageId::Typing => {
                let mut s = at(a("detail"));
                if !a("kinds").is_empty() {
                    s.push_str(&format!("\n  known kinds: {}", a("kinds")));
                }
                s
            }
            MessageId::Image => at(a("detail")),
            MessageId::TemplateInText => format!("in a template of the text: {}", a("detail")),
            MessageId::LayoutFailedOnValue => {
                format!("the layout failed on this value: {}", a("detail"))
            }
            MessageId::TypstGeneratedAs => {
                let file = if a("file").is_empty() {
                    "the generated source; `vanban build --typst` keeps it".to_owned()
                } else {
                    format!("`{}`", a("file"))
                };
                format!(
                    "Typst got this text as `{}` (line {} of {file})",
                    a("snippet"),
                    a("line")
                )
            }
            MessageId::DidYouMean => format!("did you mean `{}`?", a("key")),
            MessageId::AddKey => "add this key to the document".into(),
            MessageId::TemplateVariables => {
                "variables come from `bien:` (and `nam`, the document's year)".into()
            }
            MessageId::TabIndent => "indent with spaces: YAML does not allow tabs".into(),
            MessageId::QuoteItem => format!(
                "YAML read `{}` as a key and a value; put the item in quotes: - \"{}\"",
                a("rest"),
                a("quoted")
            ),
            MessageId::QuoteColon => format!(
                "a `: ` inside a text makes YAML read a key; put the text in quotes: {}",
                a("fixed")
            ),
            MessageId::NotText => format!(
                "YAML reads `{0}` as a value, not a text; write \"{0}\" for the text",
                a("value")
            ),
            MessageId::HashComment => {
                "` #` starts a comment in YAML; put the text in quotes".into()
            }
        }
    }
}

impl fmt::Display for Message {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.english())
    }
}

/// `did you mean` for an unknown key among the expected ones, taken from a
/// serde message (`unknown field `x`, expected one of `a`, `b``).
pub fn suggestion(message: &str) -> Option<Message> {
    let at = message
        .find("unknown field `")
        .or_else(|| message.find("unknown variant `"))?;
    let rest = message[at..].split_once('`')?.1;
    let (got, expected) = rest.split_once('`')?;
    let best = expected
        .split('`')
        .skip(1)
        .step_by(2)
        .map(|k| (strsim::jaro_winkler(got, k), k))
        .filter(|(score, _)| *score > 0.75)
        .max_by(|a, b| a.0.total_cmp(&b.0))?;
    Some(Message::new(
        MessageId::DidYouMean,
        &[("key", best.1.to_owned())],
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn suggests_the_closest_key() {
        let m = "unknown field `trich_yue`, expected one of `loai`, `trich_yeu`, `so`";
        assert_eq!(
            suggestion(m).unwrap().english(),
            "did you mean `trich_yeu`?"
        );
        assert!(suggestion("unknown field `zzz`, expected `loai`").is_none());
    }
}
