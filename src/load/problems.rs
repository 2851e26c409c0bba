//! Problems of a document's text as located diagnostics: YAML syntax,
//! keys and values that do not fit the model (all of them, not only the
//! first), with advice for the YAML traps secretaries fall into.

use std::path::Path;

use serde_yaml::Value;

use super::merge::{drop_removals, strip_directives};
use crate::diag::{suggestion, Diagnostic, Error, Message, MessageId};
use crate::locate::{self, Place, Positions, Step, YamlPath};
use crate::model::{Loai, VanBan};

/// Most problems reported for one file.
const MAX_PROBLEMS: usize = 50;

/// Every typing problem of one file's own value. A document that extends
/// another may leave out required keys: its parent gives them.
pub(super) fn own_problems(path: &Path, text: &str, mut value: Value, partial: bool) -> Vec<Error> {
    strip_directives(&mut value);
    drop_removals(&mut value);
    // Indexing the text costs a second parse: only done for a problem.
    let positions = std::cell::OnceCell::new();
    let mut removed = Removed::default();
    let mut reported = Vec::new();
    let mut out = Vec::new();
    while out.len() < MAX_PROBLEMS {
        let Err(e) = type_value(&value) else {
            break;
        };
        let at = locate::from_serde(e.path());
        let message = e.inner().to_string();
        let original = removed.original(&at);
        // A container left invalid by setting its child aside is not news.
        let cascade = reported
            .iter()
            .any(|r: &YamlPath| r.len() > original.len() && r.starts_with(&original));
        if !cascade && (!partial || !message.starts_with("missing field")) {
            out.push(located(
                path,
                text,
                positions.get_or_init(|| Positions::of(text)),
                &original,
                &message,
            ));
        }
        reported.push(original);
        if at.is_empty() || !remove_at(&mut value, &at) {
            break;
        }
        removed.record(&at);
    }
    out.sort_by_key(|e| match e {
        Error::Source(l) => (l.line, l.column),
        _ => (0, 0),
    });
    out
}

/// List items set aside while collecting problems, so that later paths
/// (whose indices shift) are mapped back to the text.
#[derive(Default)]
struct Removed(Vec<(YamlPath, usize)>);

impl Removed {
    /// Records the removal of the node at `at` (a path in current indices).
    fn record(&mut self, at: &[Step]) {
        if let Some((Step::Index(i), list)) = at.split_last() {
            let list = self.original(list);
            let i = self.index(&list, *i);
            self.0.push((list, i));
        }
    }

    /// The original index of item `i` of the list at `list` (original path).
    fn index(&self, list: &[Step], i: usize) -> usize {
        let mut gone: Vec<usize> = self
            .0
            .iter()
            .filter(|(l, _)| l == list)
            .map(|(_, r)| *r)
            .collect();
        gone.sort_unstable();
        gone.into_iter()
            .fold(i, |orig, r| if r <= orig { orig + 1 } else { orig })
    }

    /// `at` (current indices) in the indices of the text.
    fn original(&self, at: &[Step]) -> YamlPath {
        let mut out: YamlPath = Vec::new();
        for step in at {
            let s = match step {
                Step::Index(i) => Step::Index(self.index(&out, *i)),
                key => key.clone(),
            };
            out.push(s);
        }
        out
    }
}

/// Types a value, keeping the path of the first failure.
pub(super) fn type_value(
    value: &Value,
) -> Result<VanBan, serde_path_to_error::Error<serde_yaml::Error>> {
    serde_path_to_error::deserialize(value)
}

/// A typing problem at `at`, shown at its key (unknown or missing keys) or
/// its value (wrong types and values) in `text`.
pub(super) fn located(
    path: &Path,
    text: &str,
    positions: &Positions,
    at: &[Step],
    message: &str,
) -> Error {
    let message = strip_location(message);
    let variant_key = matches!(at.last(), Some(Step::Key(k)) if message.starts_with(&format!("unknown variant `{k}`")));
    let on_key =
        variant_key || message.starts_with("unknown field") || message.starts_with("missing field");
    let place = if on_key {
        positions.key(at)
    } else {
        positions.value(at)
    }
    .unwrap_or(Place { line: 1, column: 1 });
    // The path names the place; an unknown key already names itself.
    let named = if variant_key || message.starts_with("unknown field") {
        &at[..at.len().saturating_sub(1)]
    } else {
        at
    };
    let (msg, hints) = classify(&locate::display(named), &message);
    let mut err = describe(path, text, place, msg);
    if let Error::Source(d) = &mut err {
        d.hints.extend(hints);
        if d.hints.is_empty() {
            d.hints.extend(trap_hint(text, place, &message));
        }
    }
    err
}

/// What serde said (`detail`) about the value at the place shown as
/// `shown`, in the document's terms: the message and its hints.
pub(super) fn classify(shown: &str, detail: &str) -> (Message, Vec<Message>) {
    let with_at = |id: MessageId, args: &[(&'static str, String)]| {
        let mut m = Message::new(id, args);
        if !shown.is_empty() {
            m = m.with("at", shown);
        }
        m
    };
    if let Some(m) = Message::decode(detail) {
        let m = if shown.is_empty() {
            m
        } else {
            m.with("at", shown)
        };
        return (m, Vec::new());
    }
    let ticked =
        |s: &str| -> Vec<String> { s.split('`').skip(1).step_by(2).map(str::to_owned).collect() };
    let hint = suggestion(detail);
    if let Some(rest) = detail.strip_prefix("unknown field `") {
        let (key, expected) = rest.split_once('`').unwrap_or((rest, ""));
        let keys = ticked(expected).join(", ");
        let m = with_at(MessageId::UnknownKey, &[("key", key.to_owned())]);
        let h = hint.unwrap_or_else(|| Message::new(MessageId::Allowed, &[("keys", keys)]));
        return (m, vec![h]);
    }
    if let Some(rest) = detail.strip_prefix("unknown variant `") {
        let (value, expected) = rest.split_once('`').unwrap_or((rest, ""));
        let allowed = ticked(expected);
        let is_kind = allowed.iter().any(|k| k == "cong_van");
        let is_block = allowed.iter().any(|k| k == "doan") && allowed.iter().any(|k| k == "muc");
        if is_kind {
            let kinds: Vec<String> = Loai::ALL
                .iter()
                .map(|k| format!("{} ({})", k.key(), k.info().ten_thuong))
                .collect();
            let m = Message::new(
                MessageId::UnknownKind,
                &[("value", value.to_owned()), ("kinds", kinds.join(", "))],
            );
            return (m, hint.into_iter().collect());
        }
        let (id, name) = if is_block {
            (MessageId::UnknownBlock, "key")
        } else {
            (MessageId::UnknownValue, "value")
        };
        let m = with_at(id, &[(name, value.to_owned())]);
        let h = hint
            .unwrap_or_else(|| Message::new(MessageId::Allowed, &[("keys", allowed.join(", "))]));
        return (m, vec![h]);
    }
    if let Some(rest) = detail.strip_prefix("missing field `") {
        let key = rest.split('`').next().unwrap_or_default().to_owned();
        let m = with_at(MessageId::MissingKey, &[("key", key.clone())]);
        return (m, vec![Message::new(MessageId::AddKey, &[("key", key)])]);
    }
    if let Some(rest) = detail.strip_prefix("invalid type: ") {
        if let Some((got, want)) = rest.split_once(", expected ") {
            let (got, value) = unexpected(got);
            let (want, wanttext) = expected(want);
            let m = with_at(
                MessageId::WrongType,
                &[
                    ("got", got.to_owned()),
                    ("value", value),
                    ("want", want.to_owned()),
                    ("wanttext", wanttext),
                ],
            );
            return (m, Vec::new());
        }
    }
    (
        with_at(MessageId::Typing, &[("detail", detail.to_owned())]),
        hint.into_iter().collect(),
    )
}

/// serde's name of what it found (`string "x"`, `map`, `integer `3``) as
/// a kind (`string`, `map`, …) and the value.
fn unexpected(got: &str) -> (&'static str, String) {
    let inner = |s: &str| {
        s.trim_matches(|c| c == '`' || c == '"')
            .replace("\\\"", "\"")
    };
    if let Some(v) = got.strip_prefix("string ") {
        ("string", inner(v))
    } else if let Some(v) = got
        .strip_prefix("integer ")
        .or_else(|| got.strip_prefix("floating point "))
    {
        ("number", inner(v))
    } else if let Some(v) = got.strip_prefix("boolean ") {
        ("bool", inner(v))
    } else if got == "map" {
        ("map", String::new())
    } else if got == "sequence" {
        ("list", String::new())
    } else if got.starts_with("unit") {
        ("null", String::new())
    } else {
        ("other", got.to_owned())
    }
}

/// serde's name of what it expected (`a string`, `f64`, a visitor's
/// words) as a kind the catalogue words; `other` with the text otherwise.
fn expected(want: &str) -> (&'static str, String) {
    let kind = match want {
        "a string" | "string" | "a borrowed string" | "a character" => "string",
        "f64" | "f32" => "number",
        "i8" | "i16" | "i32" | "i64" | "u8" | "u16" | "u32" | "u64" | "usize" | "isize" => {
            "integer"
        }
        "a sequence" => "list",
        "a boolean" => "bool",
        "a text or a list of texts" => "text-or-list",
        "a number or a text" => "number-or-text",
        "a cell: a text or a number" => "cell",
        "a row: a list of cells" => "row",
        "a list of rows, each a list of cells" => "rows",
        "a table: `dau` (header cells) and `dong` (rows)" => "table",
        "a recipient (text) or a group such as `Bản điện tử: [ … ]`" => "recipient",
        w if w.starts_with("a paragraph (text) or a block") => "block",
        w if w.starts_with("struct ") || w == "a map" || w.starts_with("enum ") => "map",
        w if w.contains("date") => "date",
        _ => "other",
    };
    (kind, want.to_owned())
}

/// Adds the advice for a YAML trap when there is no other help; `detail`
/// is what the parser said.
fn with_trap_hint(mut err: Error, text: &str, place: Place, detail: &str) -> Error {
    if let Error::Source(l) = &mut err {
        if l.hints.is_empty() {
            l.hints.extend(trap_hint(text, place, detail));
        }
    }
    err
}

/// Removes the node at `at`; false when there is none.
fn remove_at(v: &mut Value, at: &[Step]) -> bool {
    let Some((last, parents)) = at.split_last() else {
        return false;
    };
    let mut node = v;
    for step in parents {
        node = match (step, node) {
            (Step::Key(k), Value::Mapping(m)) => match m.get_mut(k.as_str()) {
                Some(n) => n,
                None => return false,
            },
            (Step::Index(i), Value::Sequence(s)) => match s.get_mut(*i) {
                Some(n) => n,
                None => return false,
            },
            _ => return false,
        };
    }
    match (last, node) {
        (Step::Key(k), Value::Mapping(m)) => m.remove(k.as_str()).is_some(),
        (Step::Index(i), Value::Sequence(s)) if *i < s.len() => {
            s.remove(*i);
            true
        }
        _ => false,
    }
}

fn strip_location(m: &str) -> String {
    m.split(" at line ").next().unwrap_or(m).to_owned()
}

/// A serde_yaml error as a located diagnostic, in the document's terms
/// and at the line a person has to change: an unclosed quote at its
/// opening, a key indented out of place at its own line.
pub fn yaml_error(path: &Path, text: &str, e: &serde_yaml::Error) -> Error {
    let mut place = e
        .location()
        .map_or(Place { line: 1, column: 1 }, |l| Place {
            line: l.line(),
            column: l.column(),
        });
    let detail = strip_location(&e.to_string());
    let mut hints = Vec::new();
    let message = if let Some((open, quote, fixed)) = detail
        .contains("end of stream")
        .then(|| unclosed_quote(text))
        .flatten()
    {
        place = open;
        hints.push(Message::new(MessageId::CloseQuote, &[("fixed", fixed)]));
        Message::new(
            MessageId::YamlUnclosedQuote,
            &[("quote", quote.to_string())],
        )
    } else if let Some((at, m, h)) = misindented(text, place, &detail) {
        place = at;
        hints.extend(h);
        m
    } else if detail.starts_with("mapping values are not allowed") {
        Message::bare(MessageId::YamlColon)
    } else if let Some(fixed) = detail
        .contains("cannot start any")
        .then(|| quote_at(text, place))
        .flatten()
    {
        hints.push(Message::new(MessageId::QuoteAt, &[("fixed", fixed)]));
        Message::new(MessageId::YamlSyntax, &[("detail", detail.clone())])
    } else if detail.contains("cannot start any token") && line_has_tab(text, place.line) {
        Message::bare(MessageId::YamlTab)
    } else if let Some(key) = detail
        .strip_prefix("duplicate entry with key \"")
        .and_then(|r| r.split('"').next())
    {
        Message::new(MessageId::YamlDuplicateKey, &[("key", key.to_owned())])
    } else {
        Message::new(MessageId::YamlSyntax, &[("detail", detail.clone())])
    };
    let mut err = describe(path, text, place, message);
    if let Error::Source(d) = &mut err {
        d.hints.extend(hints);
    }
    with_trap_hint(err, text, place, &detail)
}

/// An address-book reference written without quotes (`- @so-gddt`):
/// the line with the text quoted.
fn quote_at(text: &str, place: Place) -> Option<String> {
    let line = text.lines().nth(place.line.checked_sub(1)?)?;
    let start = line
        .char_indices()
        .nth(place.column.checked_sub(1)?)
        .map(|(i, _)| i)?;
    let rest = &line[start..];
    if !rest.starts_with('@') {
        return None;
    }
    // The text runs to a comment or the end of the line.
    let end = rest.find(" #").unwrap_or(rest.len());
    let (value, after) = rest.split_at(end);
    let value = value.trim_end();
    let quoted = serde_json::to_string(value).ok()?;
    Some(
        format!("{}{quoted}{after}", &line[..start])
            .trim()
            .to_owned(),
    )
}

fn line_has_tab(text: &str, line: usize) -> bool {
    text.lines().nth(line.saturating_sub(1)).is_some_and(|l| {
        let body = l.trim_start_matches([' ', '\t']);
        l[..l.len() - body.len()].contains('\t')
    })
}

/// The indentation of a line, in spaces.
fn indent(line: &str) -> usize {
    line.len() - line.trim_start_matches(' ').len()
}

/// Whether a line holds a key (`key:` or `key: value`) and not a list item,
/// a comment or a blank line.
fn key_of(line: &str) -> Option<&str> {
    let body = line.trim_start();
    if body.starts_with(['-', '#']) || body.is_empty() {
        return None;
    }
    let (k, _) = body.split_once(':')?;
    (!k.is_empty() && !k.contains(['"', '\'']) && !k.contains(' ')).then_some(k)
}

/// A key indented out of place, judged from the parser's complaint at
/// `place`: the out-of-place line, the message and the hint.
fn misindented(text: &str, place: Place, detail: &str) -> Option<(Place, Message, Vec<Message>)> {
    let lines: Vec<&str> = text.lines().collect();
    let prev_key = |before: usize| {
        (0..before)
            .rev()
            .find(|&i| key_of(lines[i]).is_some() || lines[i].trim_start().starts_with("- "))
    };
    let align =
        |col: usize| Message::new(MessageId::AlignKey, &[("column", (col + 1).to_string())]);
    let this = place.line.checked_sub(1)?;
    if detail.starts_with("mapping values are not allowed") {
        // `co_quan: X` then `  ngay: …`, indented more: the parser reads
        // `X ngay` as one text and trips on the second `: `.
        let line = *lines.get(this)?;
        let p = prev_key(this)?;
        let prev = lines[p];
        let key = key_of(line)?;
        let prev_has_value = prev
            .split_once(": ")
            .is_some_and(|(_, v)| !v.trim().is_empty());
        if indent(line) > indent(prev) && prev_has_value && place.column > indent(line) + key.len()
        {
            let at = Place {
                line: this + 1,
                column: indent(line) + 1,
            };
            return Some((
                at,
                Message::bare(MessageId::YamlIndentMore),
                vec![align(indent(prev))],
            ));
        }
        return None;
    }
    if detail.starts_with("did not find expected key")
        || detail.starts_with("did not find expected '-'")
        || detail.starts_with("did not find expected block")
    {
        // A key indented less than its group but more than the parent:
        // the parser complains at it, or at the line after.
        let candidates = [this, this.saturating_sub(1)];
        for &i in &candidates {
            let Some(line) = lines.get(i) else { continue };
            let Some(key) = key_of(line) else { continue };
            let Some(p) = prev_key(i) else { continue };
            let prev = lines[p];
            if indent(line) == indent(prev) {
                continue;
            }
            let at = Place {
                line: i + 1,
                column: indent(line) + 1,
            };
            let (m, col) = if indent(line) < indent(prev) {
                (
                    Message::new(MessageId::YamlIndentLess, &[("key", key.to_owned())]),
                    indent(prev),
                )
            } else {
                (Message::bare(MessageId::YamlIndentMore), indent(prev))
            };
            return Some((at, m, vec![align(col)]));
        }
        let line = lines.get(this)?;
        if line.trim_start().starts_with("- ") {
            return Some((place, Message::bare(MessageId::YamlListMix), Vec::new()));
        }
    }
    None
}

/// The opening of a quoted text that is never closed: its place, the
/// quote, and its line closed.
fn unclosed_quote(text: &str) -> Option<(Place, char, String)> {
    // (place, quote, line) of the quote open at the current point.
    let mut open: Option<(Place, char, String)> = None;
    for (i, line) in text.lines().enumerate() {
        let mut chars = line.char_indices().peekable();
        if open.is_none() {
            // Only a value's first character opens a quoted text.
            let body = line.trim_start();
            if body.starts_with('#') {
                continue;
            }
            let rest = body.strip_prefix("- ").unwrap_or(body);
            let value_at = match rest.split_once(": ") {
                Some((k, v)) if !k.starts_with(['"', '\'']) => line.len() - v.trim_start().len(),
                _ => line.len() - rest.len(),
            };
            let Some(q) = line[value_at..]
                .chars()
                .next()
                .filter(|c| *c == '"' || *c == '\'')
            else {
                continue;
            };
            let place = Place {
                line: i + 1,
                column: line[..value_at].chars().count() + 1,
            };
            open = Some((place, q, line.to_owned()));
            chars = line[value_at + 1..].char_indices().peekable();
            // Offsets below are relative; only the closing matters.
        }
        let q = open.as_ref().map(|o| o.1)?;
        let mut closed = false;
        while let Some((_, c)) = chars.next() {
            if q == '"' && c == '\\' {
                chars.next();
            } else if c == q {
                if q == '\'' && chars.peek().is_some_and(|(_, n)| *n == '\'') {
                    chars.next();
                } else {
                    closed = true;
                    break;
                }
            }
        }
        if closed {
            open = None;
        }
    }
    open.map(|(place, q, line)| {
        let fixed = format!("{}{q}", line.trim_end()).trim_start().to_owned();
        (place, q, fixed)
    })
}

/// A located error with the help we can give for its message.
pub(super) fn describe(path: &Path, text: &str, place: Place, message: Message) -> Error {
    Error::from(Diagnostic::error(
        path,
        text,
        place.line,
        place.column,
        message,
    ))
}

/// Advice for the YAML traps secretaries fall into, judged from the line
/// of the error: an unquoted `: ` inside a text, a tab in the indentation,
/// `yes`/`no` read as booleans, a `#` starting a comment.
fn trap_hint(text: &str, place: Place, message: &str) -> Option<Message> {
    let line = text.lines().nth(place.line.checked_sub(1)?)?;
    let body = line.trim_start();
    if line.starts_with('\t') || line[..line.len() - body.len()].contains('\t') {
        return Some(Message::bare(MessageId::TabIndent));
    }
    let rest = body.strip_prefix("- ").unwrap_or(body);
    let is_key = |k: &str| !k.is_empty() && k.chars().all(|c| c.is_alphanumeric() || c == '_');
    let (key, value) = match rest.split_once(": ") {
        Some((k, v)) if is_key(k) => (Some(k), v.trim()),
        _ => (None, rest.trim()),
    };
    let quoted = value.starts_with(['"', '\'']);
    if message.contains("invalid type: map, expected a string") && body.starts_with("- ") {
        return Some(Message::new(
            MessageId::QuoteItem,
            &[
                ("rest", rest.to_owned()),
                ("quoted", rest.replace('"', "\\\"")),
            ],
        ));
    }
    if !quoted && value.contains(": ") {
        let fixed = format!("\"{}\"", value.replace('"', "\\\""));
        let shown = match key {
            Some(k) => format!("{k}: {fixed}"),
            None => format!("- {fixed}"),
        };
        return Some(Message::new(MessageId::QuoteColon, &[("fixed", shown)]));
    }
    let lower = value.to_lowercase();
    if ["true", "false", "~", "null"].contains(&lower.as_str()) {
        return Some(Message::new(
            MessageId::NotText,
            &[("value", value.to_owned())],
        ));
    }
    if !quoted && value.contains(" #") {
        return Some(Message::bare(MessageId::HashComment));
    }
    None
}

#[cfg(test)]
mod tests {
    use super::super::parse;
    use super::*;

    fn err(yaml: &str) -> String {
        match parse(Path::new("t.yaml"), yaml).unwrap_err() {
            Error::Source(l) => format!(
                "{}:{}: {} {:?}",
                l.line,
                l.column,
                l.message.english(),
                l.help().map(Message::english)
            ),
            other => panic!("{other}"),
        }
    }

    #[test]
    fn unknown_key_has_location_and_suggestion() {
        let e = err("loai: ke_hoach\ntrich_yue: x\n");
        assert!(e.starts_with("2:1: unknown key `trich_yue`"), "{e}");
        assert!(e.contains("did you mean `trich_yeu`"), "{e}");
    }

    #[test]
    fn impossible_date_is_located() {
        let e = err("loai: ke_hoach\nngay: 2023-02-30\n");
        assert!(
            e.starts_with("2:7: ngay: `2023-02-30`: day 30 does not exist"),
            "{e}"
        );
    }

    #[test]
    fn unclosed_quote_is_found_at_its_opening() {
        // Quotes closed on a later line, or escaped inside, are not open.
        assert!(unclosed_quote("a: \"x\n  y\"\nb: 'it''s'\n- \"q \\\" r\"\n").is_none());
        let (p, q, fixed) = unclosed_quote("x: 1\na: \"x \\\" y\nb: c\n").unwrap();
        assert_eq!((p.line, p.column, q), (2, 4, '"'));
        assert_eq!(fixed, "a: \"x \\\" y\"");
        let (p, q, _) = unclosed_quote("l:\n  - 'một\n  - hai\n").unwrap();
        assert_eq!((p.line, p.column, q), (2, 5, '\''));
    }

    #[test]
    fn misplaced_keys_are_shown_at_their_own_line() {
        let e = err("loai: ke_hoach\nco_quan: X\n  ngay: 2023-10-02\n");
        assert!(e.starts_with("3:3: this line is indented more"), "{e}");
        let e = err("loai: ke_hoach\nnguoi_ky:\n    chuc_vu: A\n  ho_ten: B\n");
        assert!(e.starts_with("4:3: this line is indented less"), "{e}");
        assert!(e.contains("column 5"), "{e}");
    }

    #[test]
    fn unknown_kind_lists_kinds() {
        let e = err("loai: cong_vn\n");
        assert!(
            e.contains("known kinds: cong_van (Công văn), ke_hoach (Kế hoạch)"),
            "{e}"
        );
        assert!(e.contains("did you mean `cong_van`"), "{e}");
    }
}
