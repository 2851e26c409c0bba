//! Where the YAML's texts are on the laid-out pages, for the preview's
//! jump to source (a click on a page puts the editor's caret on the YAML
//! line the text came from) and its highlight (the block under the caret
//! is outlined on the page).
//!
//! Each run of text on a page is looked up among the string values of the
//! edited YAML (every scalar, located by [`crate::locate::Positions`]),
//! with spaces collapsed and typographic quotes made straight; text the
//! layout adds (the national motto, "Nơi nhận:") matches nothing and gets
//! no mark. When a run's text occurs in several values, the first one at
//! or after the previous run's is taken: a page reads in the YAML's order.

use serde::Serialize;
use typst::layout::{Frame, FrameItem, Point, Transform};

use crate::locate::{Positions, Step};

/// A box on a page and the YAML lines of the value drawn there.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct Mark {
    /// Left, top, width, height, in points from the page's top left.
    pub x: f64,
    pub y: f64,
    pub w: f64,
    pub h: f64,
    /// The first line of the value (1-based) and the last line before the
    /// next value starts.
    pub line: usize,
    pub end: usize,
}

/// The string values of a YAML text, whitespace-collapsed, laid end to end
/// (separated by a character no text has) with their lines.
pub struct Values {
    text: String,
    /// (start in `text`, first line, last line), in text order.
    spans: Vec<(usize, usize, usize)>,
}

const SEP: char = '\u{1}';

/// Spaces collapsed, typographic quotes made straight.
fn fold(s: &str, out: &mut String) {
    let mut space = false;
    for c in s.chars() {
        let c = match c {
            '\u{201c}' | '\u{201d}' => '"',
            '\u{2018}' | '\u{2019}' => '\'',
            c => c,
        };
        if c.is_whitespace() {
            space = !out.is_empty() && !out.ends_with(SEP);
            continue;
        }
        if space {
            out.push(' ');
            space = false;
        }
        out.push(c);
    }
}

impl Values {
    /// The values of `text` (nothing when it does not parse).
    pub fn of(text: &str) -> Self {
        let mut found = Vec::new();
        if let Ok(root) = serde_yaml::from_str::<serde_yaml::Value>(text) {
            let positions = Positions::of(text);
            let mut path = Vec::new();
            walk(&root, &mut path, &positions, &mut found);
        }
        found.sort_by_key(|(line, _)| *line);
        let mut out = Values {
            text: String::new(),
            spans: Vec::new(),
        };
        for (i, (line, value)) in found.iter().enumerate() {
            let next = found[i + 1..]
                .iter()
                .map(|(l, _)| *l)
                .find(|l| l > line)
                .unwrap_or(usize::MAX);
            let end = if next == usize::MAX {
                text.lines().count().max(*line)
            } else {
                next - 1
            };
            out.text.push(SEP);
            out.spans.push((out.text.len(), *line, end));
            fold(value, &mut out.text);
        }
        out.text.push(SEP);
        out
    }

    /// The lines of the value holding `run`, the first at or after line
    /// `after` when there are several.
    fn find(&self, run: &str, after: usize) -> Option<(usize, usize)> {
        let mut first = None;
        let mut from = 0;
        while let Some(at) = self.text[from..].find(run) {
            let at = from + at;
            let i = self.spans.partition_point(|(s, _, _)| *s <= at);
            let (_, line, end) = *self.spans.get(i.checked_sub(1)?)?;
            if line >= after {
                return Some((line, end));
            }
            first.get_or_insert((line, end));
            from = at + run.len();
        }
        first
    }
}

fn walk(
    v: &serde_yaml::Value,
    path: &mut Vec<Step>,
    positions: &Positions,
    out: &mut Vec<(usize, String)>,
) {
    use serde_yaml::Value as V;
    match v {
        V::String(s) => {
            if let Some(p) = positions.value(path) {
                out.push((p.line, s.clone()));
            }
        }
        V::Number(n) => {
            if let Some(p) = positions.value(path) {
                out.push((p.line, n.to_string()));
            }
        }
        V::Sequence(items) => {
            for (i, item) in items.iter().enumerate() {
                path.push(Step::Index(i));
                walk(item, path, positions, out);
                path.pop();
            }
        }
        V::Mapping(m) => {
            for (k, item) in m {
                if let Some(k) = k.as_str() {
                    path.push(Step::Key(k.to_owned()));
                    walk(item, path, positions, out);
                    path.pop();
                }
            }
        }
        V::Tagged(t) => walk(&t.value, path, positions, out),
        _ => {}
    }
}

/// The marks of a page: a box per run of text found in `values`, the runs
/// of one value on one baseline merged.
pub fn of_page(frame: &Frame, values: &Values) -> Vec<Mark> {
    let mut marks: Vec<Mark> = Vec::new();
    let mut after = 0;
    let mut folded = String::new();
    visit(frame, Transform::identity(), &mut |ts, pos, text| {
        folded.clear();
        fold(&text.text, &mut folded);
        let run = folded.trim_end_matches(['-', '\u{ad}']).trim();
        // Too short to say where it comes from (a page number, "a)").
        if run.chars().count() < 3 {
            return;
        }
        // A run may begin or end with words the layout adds ("V/v ",
        // "Số: "): the run without its first or last word.
        fn shorter(cut: Option<&str>) -> Option<&str> {
            cut.filter(|r| r.chars().count() >= 3)
        }
        let found = values
            .find(run, after)
            .or_else(|| {
                shorter(run.split_once(' ').map(|(_, r)| r)).and_then(|r| values.find(r, after))
            })
            .or_else(|| {
                shorter(run.rsplit_once(' ').map(|(r, _)| r)).and_then(|r| values.find(r, after))
            });
        let Some((line, end)) = found else {
            return;
        };
        after = line;
        let size = text.size.to_pt();
        let a = Point::new(pos.x, pos.y).transform(ts);
        let b = Point::new(pos.x + text.width(), pos.y).transform(ts);
        let (x, y, w, h) = (
            a.x.to_pt(),
            a.y.to_pt() - size * 0.85,
            (b.x - a.x).to_pt(),
            size * 1.1,
        );
        if let Some(m) = marks.last_mut() {
            if m.line == line && (m.y - y).abs() < 1.0 {
                let right = (m.x + m.w).max(x + w);
                m.x = m.x.min(x);
                m.w = right - m.x;
                return;
            }
        }
        marks.push(Mark {
            x,
            y,
            w,
            h,
            line,
            end,
        });
    });
    for m in &mut marks {
        for v in [&mut m.x, &mut m.y, &mut m.w, &mut m.h] {
            *v = (*v * 10.0).round() / 10.0;
        }
    }
    marks
}

fn visit(
    frame: &Frame,
    ts: Transform,
    f: &mut impl FnMut(Transform, Point, &typst::text::TextItem),
) {
    for (pos, item) in frame.items() {
        match item {
            FrameItem::Group(g) => {
                let ts = ts
                    .pre_concat(Transform::translate(pos.x, pos.y))
                    .pre_concat(g.transform);
                visit(&g.frame, ts, f);
            }
            FrameItem::Text(t) => f(ts, *pos, t),
            _ => {}
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn values_are_found_at_their_lines_in_order() {
        let yaml = "trich_yeu: \"Về việc A\"\nnoi_dung:\n  - >\n    Một đoạn\n    dài “hai” dòng\n  - Về việc A\n";
        let v = Values::of(yaml);
        assert_eq!(v.find("Về việc A", 0), Some((1, 3)));
        // Folded over two lines, quotes straightened.
        assert_eq!(v.find("đoạn dài \"hai\"", 0), Some((4, 5)));
        // The same text again further down: the one after the last found.
        assert_eq!(v.find("Về việc A", 4), Some((6, 6)));
        assert_eq!(v.find("CỘNG HÒA", 0), None);
    }
}
