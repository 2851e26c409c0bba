//! Errors and warnings, reported with the file, line and column, the
//! offending line and a caret (codespan-reporting).

use std::fmt;
use std::path::{Path, PathBuf};

use codespan_reporting::diagnostic::{Diagnostic, Label};
use codespan_reporting::files::SimpleFile;
use codespan_reporting::term::{self, termcolor::Buffer};

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
    Source(Located),
    /// A layout template failed (points into `layouts/`).
    Template(String),
    /// Typst could not lay out the document; already rendered with excerpts.
    Typst(String),
    /// Anything else, with its message.
    Other(String),
}

/// A message attached to a place in a source file.
#[derive(Debug, Clone)]
pub struct Located {
    /// The file.
    pub path: PathBuf,
    /// The file's text.
    pub text: String,
    /// 1-based line.
    pub line: usize,
    /// 1-based column (characters).
    pub column: usize,
    /// What is wrong.
    pub message: String,
    /// A suggestion (`did you mean …`), if any.
    pub help: Option<String>,
}

impl Located {
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
    pub fn render(&self, severity: Severity, color: bool) -> String {
        let file = SimpleFile::new(self.path.display().to_string(), &self.text);
        let start = self.offset().min(self.text.len());
        let end = self.text[start..]
            .char_indices()
            .nth(1)
            .map_or(self.text.len(), |(i, _)| start + i);
        let diag = match severity {
            Severity::Error => Diagnostic::error(),
            Severity::Warning => Diagnostic::warning(),
        }
        .with_message(&self.message)
        .with_labels(vec![Label::primary((), start..end)])
        .with_notes(self.help.iter().map(|h| format!("help: {h}")).collect());
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

/// How serious a diagnostic is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Severity {
    /// Stops the build.
    Error,
    /// Printed, the build goes on.
    Warning,
}

impl Error {
    /// An I/O error on `path`.
    pub fn io(path: &Path, err: impl fmt::Display) -> Self {
        Error::Io {
            path: path.to_owned(),
            message: err.to_string(),
        }
    }

    /// The full report, with excerpts where the error has a place.
    pub fn render(&self, color: bool) -> String {
        match self {
            Error::Source(l) => l.render(Severity::Error, color),
            // Already rendered with excerpts, one report per diagnostic.
            Error::Typst(report) => report.clone(),
            other => format!("error: {other}\n"),
        }
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Error::Io { path, message } => write!(f, "{}: {message}", path.display()),
            Error::Source(l) => {
                write!(
                    f,
                    "{}:{}:{}: {}",
                    l.path.display(),
                    l.line,
                    l.column,
                    l.message
                )?;
                if let Some(h) = &l.help {
                    write!(f, " ({h})")?;
                }
                Ok(())
            }
            Error::Template(m) | Error::Typst(m) | Error::Other(m) => f.write_str(m),
        }
    }
}

impl std::error::Error for Error {}

/// Renders a model warning, pointing at the line of its key in `text`.
pub fn render_warning(path: &Path, text: &str, w: &crate::model::Warning, color: bool) -> String {
    let line = key_line(text, w.key);
    let located = Located {
        path: path.to_owned(),
        text: text.to_owned(),
        line,
        column: 1,
        message: w.message.clone(),
        help: None,
    };
    located.render(Severity::Warning, color)
}

/// The 1-based line of the top-level `key` in `text` (1 if absent).
pub fn key_line(text: &str, key: &str) -> usize {
    text.lines()
        .position(|l| l.strip_prefix(key).is_some_and(|r| r.starts_with(':')))
        .map_or(1, |i| i + 1)
}

/// A Typst error located at the YAML text that produced it: `snippet` is
/// the generated Typst the error points at (line `line` of the generated
/// source); the first of `files` (path, text) holding that text is shown.
pub fn typst_in_yaml(
    files: &[(PathBuf, String)],
    snippet: &str,
    message: &str,
    hints: &[&str],
    line: usize,
) -> Option<Located> {
    let candidates = yaml_spellings(snippet);
    let (path, text, at) = files.iter().find_map(|(p, t)| {
        candidates
            .iter()
            .find_map(|c| t.find(c.as_str()))
            .map(|at| (p, t, at))
    })?;
    let line_start = text[..at].rfind('\n').map_or(0, |i| i + 1);
    let mut help = format!(
        "Typst got this text as `{}` (line {line} of the generated source; `vanban build --typst` keeps it)",
        snippet.lines().next().unwrap_or_default()
    );
    for h in hints {
        help.push_str(&format!("\nhint: {h}"));
    }
    Some(Located {
        path: path.clone(),
        text: text.clone(),
        line: text[..at].matches('\n').count() + 1,
        column: text[line_start..at].chars().count() + 1,
        message: format!("the layout failed on this value: {message}"),
        help: Some(help),
    })
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
pub fn suggestion(message: &str) -> Option<String> {
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
    Some(format!("did you mean `{}`?", best.1))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn suggests_the_closest_key() {
        let m = "unknown field `trich_yue`, expected one of `loai`, `trich_yeu`, `so`";
        assert_eq!(suggestion(m).unwrap(), "did you mean `trich_yeu`?");
        assert!(suggestion("unknown field `zzz`, expected `loai`").is_none());
    }

    #[test]
    fn typst_errors_are_shown_at_the_yaml_text() {
        let files = vec![
            (
                "con.yaml".into(),
                "extends: cha.yaml\nco_quan: B\n".to_owned(),
            ),
            (
                "cha.yaml".into(),
                "loai: ke_hoach\nnguoi_ky:\n  chu_ky: ảnh/ký \"1\".png\n".to_owned(),
            ),
        ];
        // A string literal of the generated source, unescaped, is found in
        // the parent, at its line and column (in characters).
        let l = typst_in_yaml(
            &files,
            r#""ảnh/ký \"1\".png""#,
            "file not found",
            &["check the path"],
            40,
        )
        .unwrap();
        assert_eq!(l.path, PathBuf::from("cha.yaml"));
        assert_eq!((l.line, l.column), (3, 11));
        assert!(l.message.contains("file not found"));
        let help = l.help.unwrap();
        assert!(
            help.contains("line 40") && help.contains("hint: check the path"),
            "{help}"
        );
        // Escaped markup and YAML's spelling of numbers.
        let files = vec![("a.yaml".into(), "x: [1, .nan]\ny: Giá \\#1\n".to_owned())];
        assert_eq!(typst_in_yaml(&files, "NaN", "m", &[], 1).unwrap().column, 8);
        let l = typst_in_yaml(&files, r"[Giá \\\#1]", "m", &[], 1).unwrap();
        assert_eq!((l.line, l.column), (2, 4));
        // Text the YAML does not hold is not claimed.
        assert!(typst_in_yaml(&files, "#header(", "m", &[], 1).is_none());
    }

    #[test]
    fn renders_line_and_caret() {
        let l = Located {
            path: "a.yaml".into(),
            text: "loai: x\nso: 1\n".into(),
            line: 2,
            column: 5,
            message: "bad".into(),
            help: None,
        };
        let out = l.render(Severity::Error, false);
        assert!(out.contains("a.yaml:2:5"), "{out}");
        assert!(out.contains("so: 1"), "{out}");
        assert!(out.contains('^'), "{out}");
    }
}
