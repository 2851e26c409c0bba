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
    let message = Message::new(
        MessageId::Typing,
        &[("at", locate::display(named)), ("detail", message)],
    );
    with_trap_hint(describe(path, text, place, message), text, place)
}

/// Adds the advice for a YAML trap when there is no other help.
fn with_trap_hint(mut err: Error, text: &str, place: Place) -> Error {
    if let Error::Source(l) = &mut err {
        if l.hints.is_empty() {
            l.hints.extend(trap_hint(text, place, &l.message.english()));
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

/// A serde_yaml error as a located diagnostic.
pub fn yaml_error(path: &Path, text: &str, e: &serde_yaml::Error) -> Error {
    let place = e
        .location()
        .map_or(Place { line: 1, column: 1 }, |l| Place {
            line: l.line(),
            column: l.column(),
        });
    let message = Message::new(
        MessageId::YamlSyntax,
        &[("detail", strip_location(&e.to_string()))],
    );
    with_trap_hint(describe(path, text, place, message), text, place)
}

/// A located error with the help we can give for its message (whose
/// `detail` is what serde or the loader said).
pub(super) fn describe(path: &Path, text: &str, place: Place, mut message: Message) -> Error {
    let detail = message.arg("detail").to_owned();
    let mut help = suggestion(&detail);
    if message.id == MessageId::Typing
        && detail.contains("unknown variant")
        && detail.contains("`cong_van`")
    {
        let kinds: Vec<String> = Loai::ALL.iter().map(|k| k.key()).collect();
        message.args.push(("kinds", kinds.join(", ")));
    }
    if detail.contains("missing field") {
        help = help.or_else(|| Some(Message::bare(MessageId::AddKey)));
    }
    let mut d = Diagnostic::error(path, text, place.line, place.column, message);
    d.hints.extend(help);
    Error::from(d)
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
                l.message,
                l.help().map(Message::english)
            ),
            other => panic!("{other}"),
        }
    }

    #[test]
    fn unknown_key_has_location_and_suggestion() {
        let e = err("loai: ke_hoach\ntrich_yue: x\n");
        assert!(e.starts_with("2:1: unknown field `trich_yue`"), "{e}");
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
    fn unknown_kind_lists_kinds() {
        let e = err("loai: cong_vn\n");
        assert!(e.contains("known kinds: cong_van, ke_hoach"), "{e}");
        assert!(e.contains("did you mean `cong_van`"), "{e}");
    }
}
