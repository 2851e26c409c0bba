//! The inline markup of body text, parsed once for every output: `**bold**`,
//! `*italic*`, `***both***` and footnotes `^[text of the note]`. `\*` is a
//! literal star and `\^` a literal caret; an unmatched star or `^[` is text.
//!
//! [`crate::render`] turns the nodes into Typst markup, [`crate::docx`] into
//! Word runs and footnotes.

/// A piece of inline text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Node {
    /// Plain text, printed as written.
    Text(String),
    /// `*italic*`.
    Emph(Vec<Node>),
    /// `**bold**`.
    Strong(Vec<Node>),
    /// `***bold and italic***`.
    StrongEmph(Vec<Node>),
    /// `^[a footnote]`.
    Note(Vec<Node>),
}

/// Parses `s` into inline nodes.
pub fn parse(s: &str) -> Vec<Node> {
    let chars: Vec<char> = s.chars().collect();
    let mut out = Vec::new();
    inline(&chars, &mut out, 0);
    out
}

/// Deepest nesting of styles and footnotes parsed; deeper markup stays
/// text, so the recursion is bounded whatever the input (documents with
/// footnotes nested deeper than [`crate::render::MAX_NESTING`] are refused
/// when they load).
const MAX_DEPTH: usize = 4 * (crate::render::MAX_NESTING + 1);

/// The plain text of `nodes`, footnotes left out.
pub fn plain(nodes: &[Node]) -> String {
    let mut s = String::new();
    for n in nodes {
        match n {
            Node::Text(t) => s.push_str(t),
            Node::Emph(c) | Node::Strong(c) | Node::StrongEmph(c) => s.push_str(&plain(c)),
            Node::Note(_) => {}
        }
    }
    s
}

fn flush(text: &mut String, out: &mut Vec<Node>) {
    if !text.is_empty() {
        out.push(Node::Text(std::mem::take(text)));
    }
}

fn inline(chars: &[char], out: &mut Vec<Node>, depth: usize) {
    if depth > MAX_DEPTH {
        out.push(Node::Text(chars.iter().collect()));
        return;
    }
    let mut text = String::new();
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        if c == '\\' && matches!(chars.get(i + 1), Some('*' | '^')) {
            text.push(chars[i + 1]);
            i += 2;
            continue;
        }
        if c == '^' && chars.get(i + 1) == Some(&'[') {
            if let Some(end) = bracket_end(chars, i + 1) {
                flush(&mut text, out);
                let mut inner = Vec::new();
                inline(&chars[i + 2..end], &mut inner, depth + 1);
                out.push(Node::Note(inner));
                i = end + 1;
                continue;
            }
        }
        if c == '*' {
            let run = chars[i..].iter().take_while(|&&c| c == '*').count();
            let opens = chars.get(i + run).is_some_and(|c| !c.is_whitespace());
            if (1..=3).contains(&run) && opens {
                if let Some(end) = closing(chars, i + run, run) {
                    flush(&mut text, out);
                    let mut inner = Vec::new();
                    inline(&chars[i + run..end], &mut inner, depth + 1);
                    out.push(match run {
                        1 => Node::Emph(inner),
                        2 => Node::Strong(inner),
                        _ => Node::StrongEmph(inner),
                    });
                    i = end + run;
                    continue;
                }
            }
            text.extend(&chars[i..i + run]);
            i += run;
            continue;
        }
        text.push(c);
        i += 1;
    }
    flush(&mut text, out);
}

/// The index of the `]` closing the `[` at `open` (nested brackets count,
/// `\]` does not).
fn bracket_end(chars: &[char], open: usize) -> Option<usize> {
    let mut depth = 0usize;
    let mut j = open;
    while j < chars.len() {
        match chars[j] {
            '\\' => j += 1,
            '[' => depth += 1,
            ']' => {
                depth -= 1;
                if depth == 0 {
                    return Some(j);
                }
            }
            _ => {}
        }
        j += 1;
    }
    None
}

/// Finds a run of exactly `run` stars after `from`, preceded by a non-space.
fn closing(chars: &[char], from: usize, run: usize) -> Option<usize> {
    let mut j = from;
    while j < chars.len() {
        if chars[j] == '\\' {
            j += 2;
            continue;
        }
        if chars[j] == '*' {
            let n = chars[j..].iter().take_while(|&&c| c == '*').count();
            if n == run && j > from && !chars[j - 1].is_whitespace() {
                return Some(j);
            }
            j += n;
            continue;
        }
        j += 1;
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn t(s: &str) -> Node {
        Node::Text(s.into())
    }

    #[test]
    fn nested_styles_and_notes() {
        assert_eq!(
            parse("**a *b* c**"),
            [Node::Strong(vec![
                t("a "),
                Node::Emph(vec![t("b")]),
                t(" c")
            ])]
        );
        assert_eq!(
            parse("x^[ghi *chú*] y"),
            [
                t("x"),
                Node::Note(vec![t("ghi "), Node::Emph(vec![t("chú")])]),
                t(" y")
            ]
        );
        assert_eq!(parse("a * b"), [t("a * b")]);
        assert_eq!(plain(&parse("**Đậm** và^[chú] thường")), "Đậm và thường");
    }
}
