//! Writing a top-level value into a YAML text in place: the line of the
//! key is rewritten (its comment kept), every other line stays as it was,
//! so the document keeps its comments and key order.

/// Sets the top-level key `key` of `text` to the plain scalar `value`. An
/// existing entry is replaced on its own line (a trailing comment is kept;
/// the more-indented continuation lines of a multi-line old value are
/// dropped, comments among them kept). A missing key is inserted before the
/// first top-level key of `before` present, else at the end.
pub fn set_top_level(text: &str, key: &str, value: &str, before: &[&str]) -> String {
    let lines: Vec<&str> = text.split_inclusive('\n').collect();
    let eol = if text.contains("\r\n") { "\r\n" } else { "\n" };
    let mut out = String::with_capacity(text.len() + key.len() + value.len() + 4);
    if let Some(i) = lines.iter().position(|l| is_key_line(l, key)) {
        for l in &lines[..i] {
            out.push_str(l);
        }
        let line = lines[i];
        let (body, nl) = split_eol(line);
        let (bom, body) = match body.strip_prefix('\u{feff}') {
            Some(b) => ("\u{feff}", b),
            None => ("", body),
        };
        let rest = &body[key.len() + 1..];
        let comment = comment_of(rest)
            .map(|c| format!(" {c}"))
            .unwrap_or_default();
        out.push_str(&format!("{bom}{key}: {value}{comment}{}", or_eol(nl, eol)));
        let mut j = i + 1;
        while j < lines.len() && is_continuation(lines[j]) {
            if lines[j].trim_start().starts_with('#') {
                out.push_str(lines[j]);
            }
            j += 1;
        }
        for l in &lines[j..] {
            out.push_str(l);
        }
        return out;
    }
    let at = lines
        .iter()
        .position(|l| before.iter().any(|b| is_key_line(l, b)));
    let new = format!("{key}: {value}{eol}");
    match at {
        Some(i) => {
            for l in &lines[..i] {
                out.push_str(l);
            }
            out.push_str(&new);
            for l in &lines[i..] {
                out.push_str(l);
            }
        }
        None => {
            out.push_str(text);
            if !text.is_empty() && !text.ends_with('\n') {
                out.push_str(eol);
            }
            out.push_str(&new);
        }
    }
    out
}

/// Whether `line` starts the top-level entry `key` (`key:` at column 1,
/// followed by a space, a comment or the end of the line).
fn is_key_line(line: &str, key: &str) -> bool {
    let line = line.strip_prefix('\u{feff}').unwrap_or(line);
    line.strip_prefix(key)
        .and_then(|r| r.strip_prefix(':'))
        .is_some_and(|r| r.is_empty() || r.starts_with([' ', '\t', '\r', '\n']))
}

/// A line that belongs to the entry above it: indented, or blank inside
/// a block scalar. Blank lines end the entry (they separate keys).
fn is_continuation(line: &str) -> bool {
    line.starts_with([' ', '\t']) && !line.trim().is_empty()
}

fn split_eol(line: &str) -> (&str, &str) {
    if let Some(b) = line.strip_suffix("\r\n") {
        (b, "\r\n")
    } else if let Some(b) = line.strip_suffix('\n') {
        (b, "\n")
    } else {
        (line, "")
    }
}

fn or_eol<'a>(nl: &'a str, eol: &'a str) -> &'a str {
    if nl.is_empty() {
        ""
    } else {
        eol
    }
}

/// The comment ending a value (`# …` after whitespace, outside quotes).
fn comment_of(rest: &str) -> Option<&str> {
    let mut quote: Option<char> = None;
    let mut prev_space = true;
    for (i, c) in rest.char_indices() {
        match quote {
            Some(q) if c == q => quote = None,
            Some(_) => {}
            None if c == '"' || c == '\'' => quote = Some(c),
            None if c == '#' && prev_space => return Some(rest[i..].trim_end()),
            None => {}
        }
        prev_space = c == ' ' || c == '\t';
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn replaces_in_place_keeping_comments_and_order() {
        let text = "# đầu\nloai: ke_hoach\nso:   # chờ cấp số\nky_hieu: KH-UBND\nngay: 2026-11 # nháp\ntrich_yeu: a\n";
        let t = set_top_level(text, "so", "12", &["ky_hieu"]);
        let t = set_top_level(&t, "ngay", "2026-11-30", &["trich_yeu"]);
        assert_eq!(
            t,
            "# đầu\nloai: ke_hoach\nso: 12 # chờ cấp số\nky_hieu: KH-UBND\nngay: 2026-11-30 # nháp\ntrich_yeu: a\n"
        );
    }

    #[test]
    fn inserts_missing_keys_before_their_neighbours() {
        let text = "loai: cong_van\nco_quan: X\nky_hieu: UBND\r\ntrich_yeu: \"a # b\"\n";
        let t = set_top_level(text, "so", "5", &["ky_hieu", "trich_yeu"]);
        assert_eq!(
            t,
            "loai: cong_van\nco_quan: X\nso: 5\r\nky_hieu: UBND\r\ntrich_yeu: \"a # b\"\n"
        );
        let t = set_top_level("loai: x", "ngay", "2026-01-01", &["nope"]);
        assert_eq!(t, "loai: x\nngay: 2026-01-01\n");
    }

    #[test]
    fn drops_a_multi_line_old_value_and_leaves_nested_keys_alone() {
        let text = "so: |\n  7\n  # giữ\nnguoi_ky:\n  so: 3\nngay:\n";
        let t = set_top_level(text, "so", "8", &[]);
        assert_eq!(t, "so: 8\n  # giữ\nnguoi_ky:\n  so: 3\nngay:\n");
        assert!(!is_key_line("sox: 1", "so"));
        assert_eq!(comment_of(" '#x' # y "), Some("# y"));
    }
}
