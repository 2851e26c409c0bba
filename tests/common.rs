//! Helpers shared by the integration tests: laying out YAML in-process, and
//! flattening the laid-out frames into positioned text runs and rules that
//! the tests can measure.
//!
//! Coordinates are absolute on the page, in points, from the top-left
//! corner; `y` of a text run is its baseline.

#![allow(dead_code)]

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use typst::layout::{Frame, FrameItem, Point, Transform};
use typst::text::FontStyle;
use typst::visualize::Geometry;
use typst_layout::PagedDocument;
use vanban::load::{self, Loaded};
use vanban::world::Engine;
use vanban::{Builder, Built};

/// Points per millimetre.
pub const PT_PER_MM: f64 = 72.0 / 25.4;

/// Millimetres to points.
pub fn mm(v: f64) -> f64 {
    v * PT_PER_MM
}

/// Points to millimetres.
pub fn to_mm(pt: f64) -> f64 {
    pt / PT_PER_MM
}

/// The repository root (where `Cargo.toml` is).
pub fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// Loads `yaml` as if it were the file `doc.yaml` in a fresh temporary
/// folder (nothing is written) and lays it out.
pub fn try_build_yaml(yaml: &str) -> Result<Built, String> {
    let dir = tempfile::tempdir().map_err(|e| e.to_string())?;
    let path = dir.path().join("doc.yaml");
    try_build_at(&path, yaml)
}

/// Like [`try_build_yaml`] with an explicit (fake or real) path.
pub fn try_build_at(path: &Path, yaml: &str) -> Result<Built, String> {
    let doc = load::parse(path, yaml).map_err(|e| e.render(false))?;
    let loaded = Loaded::standalone(path, yaml, doc);
    Builder::new(Engine::shared())
        .layout(&loaded)
        .map_err(|e| e.render(false))
}

/// Lays out `yaml`; panics with the rendered error if that fails.
pub fn layout_yaml(yaml: &str) -> PagedDocument {
    match try_build_yaml(yaml) {
        Ok(b) => b.document,
        Err(e) => panic!("layout failed:\n{e}\n--- yaml ---\n{yaml}"),
    }
}

/// Writes `yaml` to `doc.yaml` in a fresh temporary folder and lays it out
/// through the full loader ([`load::load`]: inheritance, templates in the
/// data, citations), as the command line does.
pub fn try_build_via_file(yaml: &str) -> Result<Built, String> {
    let dir = tempfile::tempdir().map_err(|e| e.to_string())?;
    let path = dir.path().join("doc.yaml");
    std::fs::write(&path, yaml).map_err(|e| e.to_string())?;
    let loaded = load::load(&path).map_err(|e| e.render(false))?;
    Builder::new(Engine::shared())
        .layout(&loaded)
        .map_err(|e| e.render(false))
}

/// Loads a document file of the repository and lays it out.
pub fn layout_file(rel: &str) -> Built {
    let path = root().join(rel);
    let loaded = load::load(&path).unwrap_or_else(|e| panic!("{}", e.render(false)));
    Builder::new(Engine::shared())
        .layout(&loaded)
        .unwrap_or_else(|e| panic!("{}", e.render(false)))
}

/// One run of shaped text, placed on a page.
#[derive(Debug, Clone)]
pub struct Text {
    /// 0-based page index.
    pub page: usize,
    /// Left edge (pt).
    pub x: f64,
    /// Baseline (pt).
    pub y: f64,
    /// Advance width (pt).
    pub width: f64,
    /// The run's text.
    pub text: String,
    /// Font size (pt).
    pub size: f64,
    /// Font family.
    pub family: String,
    /// Font weight (400 regular, 700 bold).
    pub weight: u16,
    /// Italic or oblique face.
    pub italic: bool,
    /// Advance of leading whitespace glyphs (pt).
    pub lead: f64,
    /// Advance of trailing whitespace glyphs (pt).
    pub trail: f64,
    /// Each glyph: its byte range in `text`, left and right edge (pt).
    pub glyphs: Vec<(std::ops::Range<usize>, f64, f64)>,
}

impl Text {
    /// Right edge (pt).
    pub fn right(&self) -> f64 {
        self.x + self.width
    }

    /// Left edge of the first visible glyph (pt).
    pub fn ink_x(&self) -> f64 {
        self.x + self.lead
    }

    /// Right edge of the last visible glyph (pt).
    pub fn ink_right(&self) -> f64 {
        self.right() - self.trail
    }

    /// Bold (weight ≥ 600).
    pub fn bold(&self) -> bool {
        self.weight >= 600
    }
}

/// A straight stroked line (a rule, or a table border).
#[derive(Debug, Clone)]
pub struct Rule {
    /// 0-based page index.
    pub page: usize,
    /// Start point (pt).
    pub x: f64,
    /// Start point (pt).
    pub y: f64,
    /// End point (pt).
    pub x2: f64,
    /// End point (pt).
    pub y2: f64,
    /// Stroke thickness (pt); 0 without stroke.
    pub thickness: f64,
}

impl Rule {
    /// Length (pt).
    pub fn length(&self) -> f64 {
        (self.x2 - self.x).hypot(self.y2 - self.y)
    }

    /// Horizontal (within 0.01 pt).
    pub fn horizontal(&self) -> bool {
        (self.y2 - self.y).abs() < 0.01 && self.length() > 0.01
    }

    /// Horizontal centre (pt).
    pub fn centre(&self) -> f64 {
        (self.x + self.x2) / 2.0
    }
}

/// Everything the tests read off a laid-out document.
#[derive(Debug, Clone, Default)]
pub struct Flat {
    /// Text runs in frame order.
    pub texts: Vec<Text>,
    /// Straight lines.
    pub rules: Vec<Rule>,
    /// Page sizes (width, height) in pt.
    pub pages: Vec<(f64, f64)>,
    /// Images.
    pub images: Vec<Picture>,
}

/// An image placed on a page.
#[derive(Debug, Clone)]
pub struct Picture {
    /// 0-based page index.
    pub page: usize,
    /// Left edge (pt).
    pub x: f64,
    /// Top edge (pt).
    pub y: f64,
    /// Width (pt).
    pub width: f64,
    /// Height (pt).
    pub height: f64,
    /// Format as Typst detected it (`png`, `svg`, …), lower case.
    pub format: String,
}

impl Picture {
    /// Horizontal centre (pt).
    pub fn centre_x(&self) -> f64 {
        self.x + self.width / 2.0
    }
    /// Vertical centre (pt).
    pub fn centre_y(&self) -> f64 {
        self.y + self.height / 2.0
    }
}

/// Flattens every page of `doc`.
pub fn flatten(doc: &PagedDocument) -> Flat {
    let mut flat = Flat::default();
    for (i, page) in doc.pages().iter().enumerate() {
        flat.pages
            .push((page.frame.width().to_pt(), page.frame.height().to_pt()));
        walk(&page.frame, Transform::identity(), i, &mut flat);
    }
    flat
}

fn walk(frame: &Frame, ts: Transform, page: usize, out: &mut Flat) {
    for (pos, item) in frame.items() {
        let at = |p: Point| p.transform(ts);
        match item {
            FrameItem::Group(g) => {
                let inner = ts
                    .pre_concat(Transform::translate(pos.x, pos.y))
                    .pre_concat(g.transform);
                walk(&g.frame, inner, page, out);
            }
            FrameItem::Text(t) => {
                let p = at(*pos);
                let info = t.font.font().info();
                let blank = |g: &&typst::text::Glyph| {
                    t.text
                        .get(g.range())
                        .is_some_and(|s| s.chars().all(char::is_whitespace))
                };
                let advance = |gs: &mut dyn Iterator<Item = &typst::text::Glyph>| {
                    gs.take_while(blank)
                        .map(|g| g.x_advance.at(t.size).to_pt())
                        .sum::<f64>()
                        * ts.sx.get()
                };
                let mut pen = p.x.to_pt();
                let glyphs = t
                    .glyphs
                    .iter()
                    .map(|g| {
                        let w = g.x_advance.at(t.size).to_pt() * ts.sx.get();
                        pen += w;
                        (g.range(), pen - w, pen)
                    })
                    .collect();
                let lead = advance(&mut t.glyphs.iter());
                let trail = advance(&mut t.glyphs.iter().rev());
                // Scale is 1 everywhere in our layouts; widths are taken
                // as laid out.
                out.texts.push(Text {
                    page,
                    x: p.x.to_pt(),
                    y: p.y.to_pt(),
                    width: t.width().to_pt() * ts.sx.get(),
                    text: t.text.to_string(),
                    size: t.size.to_pt() * ts.sy.get(),
                    family: info.family.clone(),
                    weight: info.variant.weight.to_number(),
                    italic: !matches!(info.variant.style, FontStyle::Normal),
                    lead,
                    trail,
                    glyphs,
                });
            }
            FrameItem::Image(image, size, _) => {
                let p = at(*pos);
                out.images.push(Picture {
                    page,
                    x: p.x.to_pt(),
                    y: p.y.to_pt(),
                    width: size.x.to_pt() * ts.sx.get(),
                    height: size.y.to_pt() * ts.sy.get(),
                    format: format!("{:?}", image.format()).to_lowercase(),
                });
            }
            FrameItem::Shape(shape, _) => {
                if let Geometry::Line(to) = &shape.geometry {
                    let a = at(*pos);
                    let b = at(*pos + *to);
                    out.rules.push(Rule {
                        page,
                        x: a.x.to_pt(),
                        y: a.y.to_pt(),
                        x2: b.x.to_pt(),
                        y2: b.y.to_pt(),
                        thickness: shape.stroke.as_ref().map_or(0.0, |s| s.thickness.to_pt()),
                    });
                }
            }
            _ => {}
        }
    }
}

/// Collapses runs of whitespace into one space and trims.
pub fn norm(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// A line of text: runs on the same page and baseline that follow each
/// other without a wide gap (so that the two header columns, or two table
/// cells, are separate lines).
#[derive(Debug, Clone)]
pub struct Line {
    /// 0-based page index.
    pub page: usize,
    /// Baseline (pt).
    pub y: f64,
    /// Left edge (pt).
    pub x: f64,
    /// Right edge (pt).
    pub right: f64,
    /// The runs, left to right.
    pub items: Vec<Text>,
    /// The joined text, whitespace-normalised.
    pub text: String,
}

impl Line {
    /// Width from the first run's left edge to the last run's right edge.
    pub fn width(&self) -> f64 {
        self.right - self.x
    }

    /// Horizontal centre.
    pub fn centre(&self) -> f64 {
        (self.x + self.right) / 2.0
    }

    /// Runs that carry visible text.
    pub fn visible(&self) -> impl Iterator<Item = &Text> {
        self.items.iter().filter(|t| !t.text.trim().is_empty())
    }

    /// Every visible run is bold.
    pub fn all_bold(&self) -> bool {
        self.visible().all(Text::bold)
    }

    /// Every visible run is italic.
    pub fn all_italic(&self) -> bool {
        self.visible().all(|t| t.italic)
    }

    /// Font sizes of the visible runs.
    pub fn sizes(&self) -> Vec<f64> {
        self.visible().map(|t| t.size).collect()
    }

    /// The single font size of the line; panics if runs differ.
    pub fn size(&self) -> f64 {
        let s = self.sizes();
        assert!(!s.is_empty(), "line without text: {self:?}");
        assert!(
            s.iter().all(|v| (v - s[0]).abs() < 0.01),
            "mixed sizes {s:?} in {:?}",
            self.text
        );
        s[0]
    }
}

/// Words of a line (split at whitespace) with their left and right edges
/// (pt), from the glyph advances.
pub fn words_of(line: &Line) -> Vec<(String, f64, f64)> {
    let mut out: Vec<(String, f64, f64)> = Vec::new();
    let mut open = false;
    for t in &line.items {
        for (range, x0, x1) in &t.glyphs {
            let s = t.text.get(range.clone()).unwrap_or("");
            if s.chars().all(char::is_whitespace) {
                open = false;
                continue;
            }
            match out.last_mut() {
                Some(w) if open => {
                    w.0.push_str(s);
                    w.2 = *x1;
                }
                _ => out.push((s.to_owned(), *x0, *x1)),
            }
            open = true;
        }
    }
    out
}

/// Baselines closer than this (pt) are the same line.
const SAME_BASELINE: f64 = 0.6;
/// A horizontal gap wider than this (pt) between runs starts a new line.
const SPLIT_GAP: f64 = 6.0;

/// Groups the runs of `flat` into lines, in reading order (page, top to
/// bottom, left to right).
pub fn lines(flat: &Flat) -> Vec<Line> {
    let mut texts: Vec<&Text> = flat.texts.iter().collect();
    texts.sort_by(|a, b| {
        (a.page, a.y, a.x)
            .partial_cmp(&(b.page, b.y, b.x))
            .expect("finite positions")
    });
    // Rows: same page and baseline.
    let mut rows: Vec<Vec<&Text>> = Vec::new();
    for t in texts {
        match rows.last_mut() {
            Some(row) if row[0].page == t.page && (t.y - row[0].y).abs() < SAME_BASELINE => {
                row.push(t)
            }
            _ => rows.push(vec![t]),
        }
    }
    let mut out = Vec::new();
    for mut row in rows {
        row.sort_by(|a, b| a.x.partial_cmp(&b.x).expect("finite positions"));
        let mut cur: Vec<&Text> = Vec::new();
        for t in row {
            if let Some(last) = cur.last() {
                if t.x - last.right() > SPLIT_GAP {
                    out.push(make_line(&cur));
                    cur.clear();
                }
            }
            cur.push(t);
        }
        if !cur.is_empty() {
            out.push(make_line(&cur));
        }
    }
    out
}

fn make_line(items: &[&Text]) -> Line {
    let mut text = String::new();
    let mut prev_right: Option<f64> = None;
    for t in items {
        if let Some(r) = prev_right {
            // A visible gap between runs is a space even when neither run
            // carries one (e.g. a run ending a box).
            let glued =
                text.ends_with(char::is_whitespace) || t.text.starts_with(char::is_whitespace);
            if t.x - r > 1.0 && !glued {
                text.push(' ');
            }
        }
        text.push_str(&t.text);
        prev_right = Some(t.right());
    }
    // Runs keep their space glyphs in `width`; measure the visible text.
    let right = items
        .iter()
        .filter(|t| !t.text.trim().is_empty())
        .map(|t| t.ink_right())
        .fold(f64::MIN, f64::max);
    let x = items
        .iter()
        .filter(|t| !t.text.trim().is_empty())
        .map(|t| t.ink_x())
        .fold(f64::MAX, f64::min);
    Line {
        page: items[0].page,
        y: items[0].y,
        x,
        right,
        items: items.iter().map(|t| (*t).clone()).collect(),
        text: norm(&text),
    }
}

/// The first line whose text contains `needle` (after whitespace
/// normalisation); panics with every line if none does.
pub fn find_line<'a>(lines: &'a [Line], needle: &str) -> &'a Line {
    let n = norm(needle);
    lines
        .iter()
        .find(|l| l.text.contains(&n))
        .unwrap_or_else(|| panic!("no line contains {n:?}; lines:\n{}", dump(lines)))
}

/// Every line whose text contains `needle`.
pub fn find_lines<'a>(lines: &'a [Line], needle: &str) -> Vec<&'a Line> {
    let n = norm(needle);
    lines.iter().filter(|l| l.text.contains(&n)).collect()
}

/// Index of the first line containing `needle`.
pub fn line_index(lines: &[Line], needle: &str) -> usize {
    let n = norm(needle);
    lines
        .iter()
        .position(|l| l.text.contains(&n))
        .unwrap_or_else(|| panic!("no line contains {n:?}; lines:\n{}", dump(lines)))
}

/// The text of these lines (all of a document's, or some), joined by spaces.
pub fn all_text<'a>(lines: impl IntoIterator<Item = &'a Line>) -> String {
    norm(
        &lines
            .into_iter()
            .map(|l| l.text.as_str())
            .collect::<Vec<_>>()
            .join(" "),
    )
}

/// A readable listing of lines, for failure messages.
pub fn dump(lines: &[Line]) -> String {
    lines
        .iter()
        .map(|l| {
            format!(
                "p{} y={:7.2} x={:7.2}..{:7.2} {:?}{}",
                l.page,
                l.y,
                l.x,
                l.right,
                l.sizes(),
                {
                    let b = if l.all_bold() { " B" } else { "" };
                    let i = if l.all_italic() { " I" } else { "" };
                    format!("{b}{i} {}", l.text)
                }
            )
        })
        .collect::<Vec<_>>()
        .join("\n")
}

/// Lays out `yaml` and returns its flattened frames and lines.
pub fn lines_of(yaml: &str) -> (Flat, Vec<Line>) {
    let flat = flatten(&layout_yaml(yaml));
    let lines = lines(&flat);
    (flat, lines)
}

/// Horizontal rules on `page` whose y lies in `(above, below)`.
pub fn rules_between(flat: &Flat, page: usize, above: f64, below: f64) -> Vec<&Rule> {
    flat.rules
        .iter()
        .filter(|r| r.page == page && r.horizontal() && r.y > above && r.y < below)
        .collect()
}

/// Asserts `a ≈ b` within `tol`, with a message.
#[track_caller]
pub fn assert_close(a: f64, b: f64, tol: f64, what: &str) {
    assert!(
        (a - b).abs() <= tol,
        "{what}: {a:.3} is not within {tol} of {b:.3}"
    );
}

/// A minimal kế hoạch header as YAML, to which tests append keys.
pub const KE_HOACH_HEAD: &str = "\
loai: ke_hoach
co_quan_chu_quan: UBND HUYỆN THỦ THỪA
co_quan: PHÒNG GIÁO DỤC VÀ ĐÀO TẠO
so: 12
ky_hieu: PGDĐT
dia_danh: Thủ Thừa
ngay: 2023-10-02
";

/// A minimal công văn header as YAML, to which tests append keys.
pub const CONG_VAN_HEAD: &str = "\
loai: cong_van
co_quan_chu_quan: UBND HUYỆN THỦ THỪA
co_quan: PHÒNG GIÁO DỤC VÀ ĐÀO TẠO
so: 5
ky_hieu: PGDĐT
dia_danh: Thủ Thừa
ngay: 2023-10-02
";

/// Quotes `s` as a YAML double-quoted scalar.
pub fn yq(s: &str) -> String {
    let mut out = String::from("\"");
    for c in s.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            '"' => out.push_str("\\\""),
            '\n' => out.push_str("\\n"),
            '\t' => out.push_str("\\t"),
            // Control characters and the characters YAML takes as line
            // breaks inside a quoted scalar.
            c if c.is_control() || matches!(c, '\u{2028}' | '\u{2029}' | '\u{feff}') => {
                out.push_str(&format!("\\u{:04x}", c as u32))
            }
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// Asserts that `qpdf --check` finds the PDF at `pdf` structurally sound.
#[track_caller]
pub fn assert_qpdf_check(pdf: &Path) {
    let check = std::process::Command::new("qpdf")
        .arg("--check")
        .arg(pdf)
        .output()
        .expect("qpdf");
    assert!(
        check.status.success(),
        "{}",
        String::from_utf8_lossy(&check.stdout)
    );
}

/// The `vanban` binary that `cargo test` built, as a command with a clean
/// environment for colour and dates. Every test that runs the binary starts
/// here.
pub fn vanban() -> Command {
    let mut c = Command::new(env!("CARGO_BIN_EXE_vanban"));
    c.env_remove("SOURCE_DATE_EPOCH").env("NO_COLOR", "1");
    // Messages in English unless a test asks for another language with
    // `--lang` (tests/i18n.rs checks the Vietnamese default).
    c.env("LANGUAGE", "en");
    c
}

/// [`vanban`] with its messages in Vietnamese, the default language.
pub fn vanban_vi() -> Command {
    let mut c = vanban();
    c.env("LANGUAGE", "vi");
    c
}

/// Runs `cmd` to its end.
pub fn run(cmd: &mut Command) -> Output {
    cmd.output().expect("the vanban binary runs")
}

/// What the command printed on stderr.
pub fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

/// What the command printed on stdout.
pub fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

/// Asserts the exit code, showing both outputs when it differs.
#[track_caller]
pub fn assert_exit(o: &Output, code: i32) {
    assert_eq!(
        o.status.code(),
        Some(code),
        "exit status {:?}\nstdout:\n{}\nstderr:\n{}",
        o.status,
        stdout(o),
        stderr(o)
    );
}

/// File names in `dir`, sorted.
pub fn listing(dir: &Path) -> Vec<String> {
    let mut v: Vec<String> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    v.sort();
    v
}
