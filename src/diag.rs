//! Errors and warnings as data: one [`Diagnostic`] type (file, line,
//! column, severity, a message id with its arguments, hints, related
//! places) for YAML, template and Typst problems. They are turned into
//! text only at the edges: the command line ([`Diagnostic::render`],
//! codespan-reporting) and the editor (JSON with positions).
//!
//! A message is an id plus named arguments ([`Message`]); [`Message::english`]
//! is the one function that words them, so that a catalogue in another
//! language can take its place.

use std::fmt;
use std::path::{Path, PathBuf};

use codespan_reporting::diagnostic::{Diagnostic as Report, Label};
use codespan_reporting::files::SimpleFile;
use codespan_reporting::term::{self, termcolor::Buffer};
use serde::Serialize;

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
    /// The YAML text is wrong at a known place.
    Source(Diagnostic),
    /// A layout template failed (points into `layouts/`).
    Template(Diagnostic),
    /// Typst could not lay out the document: its errors (and warnings),
    /// those caused by text of the YAML placed at that text.
    Typst(Vec<Diagnostic>),
    /// Anything else, with its message.
    Other(String),
}

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
            MessageId::Text | MessageId::Warning | MessageId::TypstHint => a("text").to_owned(),
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

    /// Renders the message with the offending line and a caret.
    pub fn render(&self, color: bool) -> String {
        let file = SimpleFile::new(self.path.display().to_string(), &self.text);
        let mut notes: Vec<String> = self.hints.iter().map(|h| format!("help: {h}")).collect();
        notes.extend(self.related.iter().map(|r| match (&r.path, r.message.id) {
            (Some(p), MessageId::TypstTrace) => {
                format!(
                    "note: {} at {}:{}:{}",
                    r.message,
                    p.display(),
                    r.line,
                    r.column
                )
            }
            _ => format!("note: {}", r.message),
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
        .with_message(self.message.english())
        .with_labels(labels)
        .with_notes(notes);
        let mut buf = if color {
            Buffer::ansi()
        } else {
            Buffer::no_color()
        };
        let config = term::Config::default();
        let _ = term::emit(&mut buf, &config, &file, &diag);
        String::from_utf8_lossy(buf.as_slice()).into_owned()
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
            Error::Source(d) | Error::Template(d) => std::slice::from_ref(d),
            Error::Typst(all) => all,
            _ => &[],
        }
    }

    /// The full report, with excerpts where the error has a place.
    pub fn render(&self, color: bool) -> String {
        match self {
            Error::Source(d) | Error::Template(d) => d.render(color),
            Error::Typst(all) => render_all(all, color),
            other => format!("error: {other}\n"),
        }
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
            Error::Io { path, message } => write!(f, "{}: {message}", path.display()),
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
            Error::Other(m) => f.write_str(m),
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
            Message::new(MessageId::Warning, &[("text", w.message.clone())]),
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

/// A Typst error located at the YAML text that produced it: `snippet` is
/// the generated Typst the error points at (line `line` of the generated
/// source, written at `generated` if it is); the first of `files` (path,
/// text) holding that text is shown.
pub fn typst_in_yaml<'f>(
    files: impl IntoIterator<Item = (&'f Path, &'f str)>,
    snippet: &str,
    message: &str,
    hints: &[&str],
    line: usize,
    generated: Option<&Path>,
) -> Option<Diagnostic> {
    let candidates = yaml_spellings(snippet);
    let (path, text, at) = files.into_iter().find_map(|(p, t)| {
        candidates
            .iter()
            .find_map(|c| t.find(c.as_str()))
            .map(|at| (p, t, at))
    })?;
    let line_start = text[..at].rfind('\n').map_or(0, |i| i + 1);
    let first = snippet.lines().next().unwrap_or_default().to_owned();
    let mut d = Diagnostic::error(
        path,
        text,
        text[..at].matches('\n').count() + 1,
        text[line_start..at].chars().count() + 1,
        Message::new(
            MessageId::LayoutFailedOnValue,
            &[("detail", message.into())],
        ),
    );
    d.related.push(Related {
        path: generated.map(Path::to_path_buf),
        line,
        column: 1,
        message: Message::new(
            MessageId::TypstGeneratedAs,
            &[
                ("snippet", first),
                ("line", line.to_string()),
                (
                    "file",
                    generated.map_or_else(String::new, |g| g.display().to_string()),
                ),
            ],
        ),
    });
    d.hints = hints
        .iter()
        .map(|h| Message::new(MessageId::TypstHint, &[("text", (*h).to_owned())]))
        .collect();
    Some(d)
}

/// How a piece of generated Typst may have been written in the YAML: the
/// text of a string literal or of escaped markup, or a YAML number.
fn yaml_spellings(snippet: &str) -> Vec<String> {
    let s = snippet.trim();
    let inner = s
        .strip_prefix('"')
        .and_then(|r| r.strip_suffix('"'))
        .or_else(|| s.strip_prefix('[').and_then(|r| r.strip_suffix(']')))
        .unwrap_or(s);
    let mut text = String::new();
    let mut chars = inner.chars();
    while let Some(c) = chars.next() {
        match (c, s.starts_with('"')) {
            ('\\', true) => match chars.next() {
                Some('n') => text.push('\n'),
                Some('t') => text.push('\t'),
                Some(o) => text.push(o),
                None => {}
            },
            ('\\', false) => text.extend(chars.next()),
            (o, _) => text.push(o),
        }
    }
    let mut out = Vec::new();
    match text.as_str() {
        "NaN" => out.extend([".nan".into(), ".NaN".into()]),
        t if t.starts_with("inf") || t.starts_with("-inf") => {
            let sign = if t.starts_with('-') { "-" } else { "" };
            out.extend([format!("{sign}.inf"), format!("{sign}.Inf")]);
        }
        _ => {}
    }
    if !text.trim().is_empty() {
        out.push(text);
    }
    out
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

    fn files(list: &[(&'static str, &'static str)]) -> Vec<(&'static Path, &'static str)> {
        list.iter().map(|(p, t)| (Path::new(*p), *t)).collect()
    }

    #[test]
    fn typst_errors_are_shown_at_the_yaml_text() {
        let two = files(&[
            ("con.yaml", "extends: cha.yaml\nco_quan: B\n"),
            (
                "cha.yaml",
                "loai: ke_hoach\nnguoi_ky:\n  chu_ky: ảnh/ký \"1\".png\n",
            ),
        ]);
        // A string literal of the generated source, unescaped, is found in
        // the parent, at its line and column (in characters).
        let l = typst_in_yaml(
            two.iter().copied(),
            r#""ảnh/ký \"1\".png""#,
            "file not found",
            &["check the path"],
            40,
            None,
        )
        .unwrap();
        assert_eq!(l.path, PathBuf::from("cha.yaml"));
        assert_eq!((l.line, l.column), (3, 11));
        assert_eq!(l.message.id, MessageId::LayoutFailedOnValue);
        assert!(l.message.english().contains("file not found"));
        assert_eq!(l.hints[0].english(), "check the path");
        // The generated line is a related place, named by where it is
        // written when it is.
        assert_eq!(
            (l.related[0].path.as_deref(), l.related[0].line),
            (None, 40)
        );
        assert!(l.related[0]
            .message
            .english()
            .contains("line 40 of the generated source"));
        let w = typst_in_yaml(
            two.iter().copied(),
            "B",
            "m",
            &[],
            7,
            Some(Path::new("out/con.typ")),
        )
        .unwrap();
        assert!(
            w.related[0]
                .message
                .english()
                .contains("line 7 of `out/con.typ`"),
            "{}",
            w.related[0].message
        );
        let out = l.render(false);
        assert!(
            out.contains("cha.yaml:3:11") && out.contains("help: check the path"),
            "{out}"
        );
        // Escaped markup and YAML's spelling of numbers.
        let one = files(&[("a.yaml", "x: [1, .nan]\ny: Giá \\#1\n")]);
        let at = |s: &str| typst_in_yaml(one.iter().copied(), s, "m", &[], 1, None);
        assert_eq!(at("NaN").unwrap().column, 8);
        let l = at(r"[Giá \\\#1]").unwrap();
        assert_eq!((l.line, l.column), (2, 4));
        // Text the YAML does not hold is not claimed.
        assert!(at("#header(").is_none());
    }

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
