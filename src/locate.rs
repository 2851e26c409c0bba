//! Where keys and values sit in a YAML text, so that an error found on the
//! parsed value (a path such as `noi_dung[2].bang.dong[1]`) can be shown at
//! its line and column.

use std::collections::HashMap;

use yaml_rust2::parser::{Event, MarkedEventReceiver, Parser};
use yaml_rust2::scanner::Marker;

/// One step of a path into a YAML document.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum Step {
    /// A key of a map.
    Key(String),
    /// An item of a list.
    Index(usize),
}

/// A path into a YAML document.
pub type YamlPath = Vec<Step>;

/// A place in a text: 1-based line and column (in characters).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Place {
    /// 1-based line.
    pub line: usize,
    /// 1-based column, counted in characters.
    pub column: usize,
}

/// The places of every key and value of one YAML text.
#[derive(Debug, Default)]
pub struct Positions {
    /// Where each node's value starts.
    values: HashMap<YamlPath, Place>,
    /// Where the key naming each map entry starts.
    keys: HashMap<YamlPath, Place>,
}

impl Positions {
    /// Indexes `text`. A text that does not parse gives what was read
    /// before the error (the parse error itself is reported elsewhere).
    pub fn of(text: &str) -> Self {
        let mut walker = Walker {
            text,
            line_starts: None,
            out: Positions::default(),
            stack: Vec::new(),
        };
        let mut parser = Parser::new_from_str(text);
        let _ = parser.load(&mut walker, false);
        walker.out
    }

    /// The place of the key of `path` (for a list item, of the item), or
    /// of its nearest ancestor that has one.
    pub fn key(&self, path: &[Step]) -> Option<Place> {
        self.nearest(path, true)
    }

    /// The place of the value at `path`, or of its nearest ancestor.
    pub fn value(&self, path: &[Step]) -> Option<Place> {
        self.nearest(path, false)
    }

    /// Whether the text holds exactly this path.
    pub fn has(&self, path: &[Step]) -> bool {
        self.keys.contains_key(path) || self.values.contains_key(path)
    }

    fn nearest(&self, path: &[Step], key: bool) -> Option<Place> {
        (0..=path.len()).rev().find_map(|n| {
            let p = &path[..n];
            if key {
                self.keys.get(p).or_else(|| self.values.get(p)).copied()
            } else {
                self.values.get(p).or_else(|| self.keys.get(p)).copied()
            }
        })
    }
}

/// What the walker is inside of.
enum Frame {
    /// A map: the path of the map, and the key awaiting its value.
    Map(YamlPath, Option<String>),
    /// A list: the path of the list and the index of the next item.
    Seq(YamlPath, usize),
}

struct Walker<'t> {
    text: &'t str,
    /// Byte offset of each line's start, built on first use.
    line_starts: Option<Vec<usize>>,
    out: Positions,
    stack: Vec<Frame>,
}

impl Walker<'_> {
    /// The character at `p`: the line found by its start (indexed once, so
    /// that a text of n lines costs O(n), not O(n²)), then the column.
    fn char_at(&mut self, p: Place) -> Option<char> {
        let text = self.text;
        let starts = self.line_starts.get_or_insert_with(|| {
            std::iter::once(0)
                .chain(text.match_indices('\n').map(|(i, _)| i + 1))
                .collect()
        });
        let start = *starts.get(p.line.checked_sub(1)?)?;
        text[start..]
            .lines()
            .next()?
            .chars()
            .nth(p.column.checked_sub(1)?)
    }

    fn place(&self, mark: Marker) -> Place {
        // yaml-rust2 counts lines from 1 and columns, in characters, from 0.
        Place {
            line: mark.line(),
            column: mark.col() + 1,
        }
    }

    /// The path of a node starting now, or `None` when it is a map key.
    fn next_path(&mut self, mark: Marker, scalar: Option<&str>) -> Option<YamlPath> {
        let place = self.place(mark);
        if let Some(Frame::Map(path, None) | Frame::Seq(path, _)) = self.stack.last() {
            self.out.values.entry(path.clone()).or_insert(place);
        }
        match self.stack.last_mut() {
            None => Some(Vec::new()),
            Some(Frame::Seq(path, i)) => {
                let mut p = path.clone();
                p.push(Step::Index(*i));
                *i += 1;
                self.out.keys.insert(p.clone(), place);
                Some(p)
            }
            Some(Frame::Map(path, pending)) => match pending.take() {
                Some(key) => {
                    let mut p = path.clone();
                    p.push(Step::Key(key));
                    Some(p)
                }
                None => {
                    // A key: only scalar keys are addressable.
                    let key = scalar.unwrap_or_default().to_owned();
                    let mut p = path.clone();
                    p.push(Step::Key(key.clone()));
                    self.out.keys.insert(p, place);
                    *pending = Some(key);
                    None
                }
            },
        }
    }
}

impl MarkedEventReceiver for Walker<'_> {
    fn on_event(&mut self, ev: Event, mark: Marker) {
        match ev {
            Event::Scalar(value, ..) => {
                if let Some(p) = self.next_path(mark, Some(&value)) {
                    let place = self.place(mark);
                    self.out.values.insert(p, place);
                }
            }
            Event::Alias(_) => {
                if let Some(p) = self.next_path(mark, None) {
                    let place = self.place(mark);
                    self.out.values.insert(p, place);
                }
            }
            Event::MappingStart(..) | Event::SequenceStart(..) => {
                let is_map = matches!(ev, Event::MappingStart(..));
                let p = self.next_path(mark, None).unwrap_or_default();
                // A flow collection (`[…]`, `{…}`) starts at its bracket; a
                // block collection's start marker sits after its first key,
                // so it is shown at its first entry instead (`next_path`).
                let place = self.place(mark);
                if matches!(self.char_at(place), Some('[' | '{')) {
                    self.out.values.insert(p.clone(), place);
                }
                self.stack.push(if is_map {
                    Frame::Map(p, None)
                } else {
                    Frame::Seq(p, 0)
                });
            }
            Event::MappingEnd | Event::SequenceEnd => {
                self.stack.pop();
            }
            _ => {}
        }
    }
}

/// A path from `serde_path_to_error`, as steps.
pub fn from_serde(path: &serde_path_to_error::Path) -> YamlPath {
    use serde_path_to_error::Segment;
    path.iter()
        .filter_map(|s| match s {
            Segment::Seq { index } => Some(Step::Index(*index)),
            Segment::Map { key } => Some(Step::Key(key.clone())),
            Segment::Enum { variant } => Some(Step::Key(variant.clone())),
            Segment::Unknown => None,
        })
        .collect()
}

/// Writes a path the way the YAML is written: `noi_dung[2].bang.cot`.
pub fn display(path: &[Step]) -> String {
    let mut out = String::new();
    for s in path {
        match s {
            Step::Key(k) => {
                if !out.is_empty() {
                    out.push('.');
                }
                out.push_str(k);
            }
            Step::Index(i) => out.push_str(&format!("[{i}]")),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn k(s: &str) -> Step {
        Step::Key(s.into())
    }

    #[test]
    fn finds_keys_values_and_items() {
        let text = "loai: ke_hoach\nnoi_dung:\n  - doan: Một\n  - bang:\n      cot: [1, 2]\n      dòng: x\n";
        let pos = Positions::of(text);
        assert_eq!(pos.key(&[k("loai")]), Some(Place { line: 1, column: 1 }));
        assert_eq!(pos.value(&[k("loai")]), Some(Place { line: 1, column: 7 }));
        let cot = [k("noi_dung"), Step::Index(1), k("bang"), k("cot")];
        assert_eq!(pos.key(&cot), Some(Place { line: 5, column: 7 }));
        let second = [
            k("noi_dung"),
            Step::Index(1),
            k("bang"),
            k("cot"),
            Step::Index(1),
        ];
        assert_eq!(
            pos.value(&second),
            Some(Place {
                line: 5,
                column: 16
            })
        );
        // Unknown paths fall back to the nearest ancestor.
        let deeper = [k("noi_dung"), Step::Index(0), k("doan"), k("x")];
        assert_eq!(pos.key(&deeper), Some(Place { line: 3, column: 5 }));
        // Columns count characters, not bytes.
        let d = [k("noi_dung"), Step::Index(1), k("bang"), k("dòng")];
        assert_eq!(
            pos.value(&d),
            Some(Place {
                line: 6,
                column: 13
            })
        );
    }

    #[test]
    fn displays_paths_like_serde() {
        assert_eq!(
            display(&[k("noi_dung"), Step::Index(2), k("bang"), k("cot")]),
            "noi_dung[2].bang.cot"
        );
    }
}
