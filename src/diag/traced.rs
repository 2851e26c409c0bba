//! Typst errors traced back to the YAML text that produced them.

use std::path::Path;

use super::{Diagnostic, Message, MessageId, Related};

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
                    generated.map_or_else(|| "none".to_owned(), |g| g.display().to_string()),
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

#[cfg(test)]
mod tests {
    use super::*;
    use std::path::PathBuf;

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
        let out = l.render_in(crate::i18n::Lang::En, false);
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
}
