//! Errors and warnings as data: one [`Diagnostic`] type (file, line,
//! column, severity, a message id with its arguments, hints, related
//! places) for YAML, template and Typst problems. They are turned into
//! text only at the edges: the command line ([`Diagnostic::render`],
//! codespan-reporting) and the editor (JSON with positions).
//!
//! A message is an id plus named arguments ([`Message`]), worded by the
//! catalogue ([`crate::i18n`]) in Vietnamese or English.

use std::fmt;
use std::path::{Path, PathBuf};

use codespan_reporting::diagnostic::{Diagnostic as Report, Label};
use codespan_reporting::files::SimpleFile;
use codespan_reporting::term::{self, termcolor::Buffer};
use serde::Serialize;

mod message;
mod traced;

pub use message::{suggestion, Message, MessageId};
pub use traced::typst_in_yaml;

/// Everything that can go wrong with one document.
#[derive(Debug)]
pub enum Error {
    /// A file could not be read or written.
    Io {
        /// The file.
        path: PathBuf,
        /// What the system said.
        message: String,
    },
    /// The YAML text is wrong at a known place (boxed: a diagnostic
    /// carries its file's text, and errors travel in every `Result`).
    Source(Box<Diagnostic>),
    /// A layout template failed (points into `layouts/`).
    Template(Box<Diagnostic>),
    /// Typst could not lay out the document: its errors (and warnings),
    /// those caused by text of the YAML placed at that text.
    Typst(Vec<Diagnostic>),
    /// Anything else, with its message.
    Other(String),
}

/// How serious a diagnostic is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    /// Stops the build.
    Error,
    /// Printed, the build goes on.
    Warning,
}

/// Another place that explains a diagnostic (where Typst met the text in
/// the generated source, a step of Typst's trace).
#[derive(Debug, Clone, Serialize)]
pub struct Related {
    /// The file, `None` for a generated source that is not written.
    pub path: Option<PathBuf>,
    /// 1-based line.
    pub line: usize,
    /// 1-based column (characters).
    pub column: usize,
    /// What is there.
    pub message: Message,
}

/// A message attached to a place in a source file.
#[derive(Debug, Clone, Serialize)]
pub struct Diagnostic {
    /// Error or warning.
    pub severity: Severity,
    /// The file.
    pub path: PathBuf,
    /// The file's text (empty when the diagnostic has no place in it).
    #[serde(skip)]
    pub text: String,
    /// 1-based line (0: no place).
    pub line: usize,
    /// 1-based column (characters).
    pub column: usize,
    /// What is wrong.
    pub message: Message,
    /// Suggestions (`did you mean …`).
    pub hints: Vec<Message>,
    /// Other places that explain it.
    pub related: Vec<Related>,
}

impl Diagnostic {
    /// An error at `line`:`column` of `text`, the contents of `path`.
    pub fn error(path: &Path, text: &str, line: usize, column: usize, message: Message) -> Self {
        Self {
            severity: Severity::Error,
            path: path.to_owned(),
            text: text.to_owned(),
            line,
            column,
            message,
            hints: Vec::new(),
            related: Vec::new(),
        }
    }

    /// The same diagnostic with one more hint.
    pub fn with_hint(mut self, hint: Message) -> Self {
        self.hints.push(hint);
        self
    }

    /// The first hint, if any.
    pub fn help(&self) -> Option<&Message> {
        self.hints.first()
    }

    /// Byte offset of the line and column in the text.
    fn offset(&self) -> usize {
        let mut off = 0;
        for (i, l) in self.text.split_inclusive('\n').enumerate() {
            if i + 1 == self.line {
                let col: usize = l
                    .chars()
                    .take(self.column.saturating_sub(1))
                    .map(char::len_utf8)
                    .sum();
                return off + col;
            }
            off += l.len();
        }
        self.text.len()
    }

    /// Renders the message with the offending line and a caret, in the
    /// language of this process.
    pub fn render(&self, color: bool) -> String {
        self.render_in(crate::i18n::current(), color)
    }

    /// [`Diagnostic::render`] in `lang`.
    pub fn render_in(&self, lang: crate::i18n::Lang, color: bool) -> String {
        let file = SimpleFile::new(self.path.display().to_string(), &self.text);
        let label = |id: MessageId| Message::bare(id).render(lang);
        let (help, note) = (label(MessageId::LabelHelp), label(MessageId::LabelNote));
        let mut notes: Vec<String> = self
            .hints
            .iter()
            .map(|h| format!("{help}: {}", h.render(lang)))
            .collect();
        notes.extend(self.related.iter().map(|r| match (&r.path, r.message.id) {
            (Some(p), MessageId::TypstTrace) => {
                let at = Message::new(
                    MessageId::AtPlace,
                    &[
                        ("message", r.message.render(lang)),
                        ("place", format!("{}:{}:{}", p.display(), r.line, r.column)),
                    ],
                );
                format!("{note}: {}", at.render(lang))
            }
            _ => format!("{note}: {}", r.message.render(lang)),
        }));
        let labels = if self.line == 0 && self.text.is_empty() {
            Vec::new()
        } else {
            let start = self.offset().min(self.text.len());
            let end = self.text[start..]
                .char_indices()
                .nth(1)
                .map_or(self.text.len(), |(i, _)| start + i);
            vec![Label::primary((), start..end)]
        };
        let diag = match self.severity {
            Severity::Error => Report::error(),
            Severity::Warning => Report::warning(),
        }
        .with_message(self.message.render(lang))
        .with_labels(labels)
        .with_notes(notes);
        let mut buf = if color {
            Buffer::ansi()
        } else {
            Buffer::no_color()
        };
        let config = term::Config::default();
        let _ = term::emit(&mut buf, &config, &file, &diag);
        let out = String::from_utf8_lossy(buf.as_slice()).into_owned();
        // codespan words the severity in English; the catalogue's word
        // replaces it (its first occurrence is the label, colored or not).
        let (word, id) = match self.severity {
            Severity::Error => ("error", MessageId::LabelError),
            Severity::Warning => ("warning", MessageId::LabelWarning),
        };
        out.replacen(word, &label(id), 1)
    }
}

impl Error {
    /// An I/O error on `path`.
    pub fn io(path: &Path, err: impl fmt::Display) -> Self {
        Error::Io {
            path: path.to_owned(),
            message: err.to_string(),
        }
    }

    /// The diagnostics this error carries (none for I/O and other errors).
    pub fn diagnostics(&self) -> &[Diagnostic] {
        match self {
            Error::Source(d) | Error::Template(d) => std::slice::from_ref(&**d),
            Error::Typst(all) => all,
            _ => &[],
        }
    }

    /// The full report, with excerpts where the error has a place.
    pub fn render(&self, color: bool) -> String {
        match self {
            Error::Source(d) | Error::Template(d) => d.render(color),
            Error::Typst(all) => render_all(all, color),
            other => format!("{}: {other}\n", Message::bare(MessageId::LabelError)),
        }
    }
}

impl From<Diagnostic> for Error {
    /// A diagnostic at a place in the YAML.
    fn from(d: Diagnostic) -> Self {
        Error::Source(Box::new(d))
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fn located(f: &mut fmt::Formatter<'_>, d: &Diagnostic) -> fmt::Result {
            write!(
                f,
                "{}:{}:{}: {}",
                d.path.display(),
                d.line,
                d.column,
                d.message
            )?;
            if let Some(h) = d.help() {
                write!(f, " ({h})")?;
            }
            Ok(())
        }
        match self {
            Error::Io { path, message } => write!(
                f,
                "{}: {}",
                path.display(),
                crate::i18n::io_reason_text(message)
            ),
            Error::Source(d) => located(f, d),
            Error::Template(d) => write!(f, "{}", d.message),
            Error::Typst(all) => {
                for (i, d) in all
                    .iter()
                    .filter(|d| d.severity == Severity::Error)
                    .enumerate()
                {
                    if i > 0 {
                        f.write_str("\n")?;
                    }
                    located(f, d)?;
                }
                Ok(())
            }
            Error::Other(m) => f.write_str(&Message::display_text(m)),
        }
    }
}

impl std::error::Error for Error {}

/// Renders diagnostics one after the other.
pub fn render_all(diags: &[Diagnostic], color: bool) -> String {
    diags.iter().map(|d| d.render(color)).collect()
}

/// A model warning, placed at the line of its key in `text`.
pub fn warning(path: &Path, text: &str, w: &crate::model::Warning) -> Diagnostic {
    Diagnostic {
        severity: Severity::Warning,
        ..Diagnostic::error(
            path,
            text,
            key_line(text, w.key),
            1,
            Message::decode(&w.message).unwrap_or_else(|| {
                Message::new(MessageId::Warning, &[("text", w.message.clone())])
            }),
        )
    }
}

/// Renders a model warning, pointing at the line of its key in `text`.
pub fn render_warning(path: &Path, text: &str, w: &crate::model::Warning, color: bool) -> String {
    warning(path, text, w).render(color)
}

/// The 1-based line of the top-level `key` in `text` (1 if absent).
pub fn key_line(text: &str, key: &str) -> usize {
    text.lines()
        .position(|l| l.strip_prefix(key).is_some_and(|r| r.starts_with(':')))
        .map_or(1, |i| i + 1)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn renders_line_and_caret() {
        let l = Diagnostic::error(
            Path::new("a.yaml"),
            "loai: x\nso: 1\n",
            2,
            5,
            Message::text("bad"),
        );
        let out = l.render(false);
        assert!(out.contains("a.yaml:2:5"), "{out}");
        assert!(out.contains("so: 1"), "{out}");
        assert!(out.contains('^'), "{out}");
    }
}
