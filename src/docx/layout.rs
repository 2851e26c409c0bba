//! The NĐ30 layout of `layouts/nd30.typ`, in Word's terms: the same
//! sizes, weights, indents, spacing and widths, as paragraphs and tables.
//!
//! Vertical spacing follows the PDF: every paragraph has an exact line
//! height equal to the PDF's baseline-to-baseline distance (cap height plus
//! leading), and the space before it is the PDF's gap between the previous
//! baseline and its cap height, less what Word's line box already holds.

use std::fmt::Write;
use std::path::Path;

use crate::inline::{self, Node};
use crate::model::{CanLe, Khoi, NguoiKy};
use crate::render::{split_article, View};

use super::image::Media;
use super::measure::{Font, ASC, CAP, DESC};
use super::xml::{mm, run, Align, Grid, Par, Style};

/// Body leading of the PDF (`par.leading`), in em of the body size.
const LEADING: f64 = 0.55;
/// Extra gap between body paragraphs (`par.spacing` = leading + 6 pt).
const PAR_GAP: f64 = 6.0;
/// First-line indent: 1 cm.
const INDENT: f64 = 28.346_456_692_913_385;
/// Room added to a balanced title's width, so that Word's rounding never
/// pushes a word to the next line (pt); see [`Font::box_width`].
const SLACK: f64 = 2.0;
/// Thickness of the rules.
const RULE: f64 = 0.5;
/// Header sizes.
const SIZE_QUOC_HIEU: f64 = 12.0;
const SIZE_CO_QUAN: f64 = 13.0;
const SIZE_SO: f64 = 13.0;
const SIZE_NOI_NHAN_LABEL: f64 = 12.0;
const SIZE_NOI_NHAN: f64 = 11.0;
/// Gap between the header's columns.
const HEADER_GAP: f64 = 3.0 * 72.0 / 25.4;

/// Everything the document's parts share while they are written.
pub struct Doc<'a> {
    /// Body size (pt).
    pub body: f64,
    /// Width of the text area (pt).
    pub total: f64,
    /// The project folder, for images.
    pub root: &'a Path,
    /// Footnotes written so far (each the XML of its paragraphs).
    pub notes: Vec<String>,
    /// Images placed so far.
    pub media: Vec<Media>,
    /// Errors met (unreadable images).
    pub errors: Vec<String>,
}

/// A column of paragraphs and tables with the PDF's spacing between them.
pub struct Flow {
    /// The XML written.
    pub xml: String,
    /// Strong spacing waiting for the next paragraph (pt).
    space: f64,
    /// Weak spacing (the previous block's `below`), collapsing with the
    /// next block's `above` (pt).
    weak: f64,
    /// What Word's box of the previous element holds under the point the
    /// PDF measures gaps from (its last baseline), in pt; `None` at the top.
    below_edge: Option<f64>,
    /// The next paragraph starts a page.
    page_break: bool,
    /// How much lower than the PDF Word has set the last line, where a
    /// space could not be negative (pt); taken off the next space.
    pub debt: f64,
}

impl Flow {
    /// An empty column.
    pub fn new() -> Self {
        Self {
            xml: String::new(),
            space: 0.0,
            weak: 0.0,
            below_edge: None,
            page_break: false,
            debt: 0.0,
        }
    }

    /// Adds strong spacing (`v()`).
    pub fn v(&mut self, pt: f64) {
        self.space += pt;
    }

    /// Starts a new page before the next paragraph.
    pub fn page_break(&mut self) {
        self.page_break = true;
    }

    /// Adds a paragraph whose first line is set in `size` pt, with the
    /// block spacing `above` and `below` of the PDF.
    pub fn par(&mut self, mut p: Par, size: f64, above: f64, below: f64) {
        let gap = self.space
            + match self.below_edge {
                Some(_) => self.weak.max(above),
                None => 0.0,
            };
        let held = self.below_edge.unwrap_or(0.0);
        // Word shares an exact line's height between ascent and descent in
        // the font's proportion; the PDF puts the baseline a cap height
        // under the gap. Explicit space (`v`) pays what was owed.
        let before = gap + CAP * size - baseline(p.line) - held;
        p.before = if self.space > 0.0 {
            self.pay(before)
        } else {
            self.owe(before)
        };
        if self.page_break {
            p.page_break = true;
            p.before = 0.0;
            self.page_break = false;
        }
        if p.mark == 0.0 {
            p.mark = size;
        }
        self.xml.push_str(&p.xml());
        self.space = 0.0;
        self.weak = below;
        self.below_edge = Some(p.line - baseline(p.line));
    }

    /// A space of `v` pt; a negative one is owed.
    fn owe(&mut self, v: f64) -> f64 {
        self.debt += (-v).max(0.0);
        v.max(0.0)
    }

    /// A space of `v` pt, less the debt; a negative one is owed.
    fn pay(&mut self, v: f64) -> f64 {
        let v = v - self.debt;
        self.debt = (-v).max(0.0);
        v.max(0.0)
    }

    /// Adds a table with the PDF's spacing `above` and `below` it; `held`
    /// is what Word's table holds under its last baseline beyond the PDF,
    /// `top` how much lower than the PDF Word sets its first lines (taken
    /// off the space above it when there is some).
    pub fn table(&mut self, xml: &str, above: f64, below: f64, held: f64, top: f64) {
        let gap = self.space
            + match self.below_edge {
                Some(_) => self.weak.max(above),
                None => 0.0,
            };
        let spacer = self.pay(gap - self.below_edge.unwrap_or(0.0) - top);
        if self.page_break || spacer > 0.5 {
            // A table cannot carry space above itself: an empty line of
            // that height does.
            let p = Par {
                line: spacer.max(1.0),
                mark: 1.0,
                keep_next: true,
                page_break: self.page_break,
                ..Par::default()
            };
            self.page_break = false;
            self.xml.push_str(&p.xml());
        }
        self.xml.push_str(xml);
        self.space = 0.0;
        self.weak = below;
        self.below_edge = Some(held);
    }

    /// Ends the flow with a paragraph carrying section properties.
    pub fn section_end(&mut self, sect: String) {
        let p = Par {
            line: 1.0,
            mark: 1.0,
            sect: Some(sect),
            ..Par::default()
        };
        self.xml.push_str(&p.xml());
    }
}

impl Default for Flow {
    fn default() -> Self {
        Self::new()
    }
}

/// Where Word sets the baseline in an exact line of height `line`: ascent
/// and descent share the height in the font's proportion.
fn baseline(line: f64) -> f64 {
    line * ASC / (ASC + DESC)
}

/// Line height: cap height of `size` plus `leading` (pt).
fn pitch(size: f64, leading: f64) -> f64 {
    CAP * size + leading
}

impl Doc<'_> {
    fn em(&self, v: f64) -> f64 {
        v * self.body
    }

    /// Runs of inline-marked text (bold, italic, footnotes) in `style`.
    pub fn rich(&mut self, text: &str, style: Style) -> String {
        let nodes = inline::parse(text);
        let mut out = String::new();
        self.nodes(&nodes, style, &mut out);
        out
    }

    fn nodes(&mut self, nodes: &[Node], style: Style, out: &mut String) {
        for n in nodes {
            match n {
                Node::Text(t) => out.push_str(&run(t, style)),
                Node::Emph(c) => self.nodes(c, style.italic(), out),
                Node::Strong(c) => self.nodes(c, style.bold(), out),
                Node::StrongEmph(c) => self.nodes(c, style.bold().italic(), out),
                Node::Note(c) => {
                    let id = self.notes.len() + 1;
                    // Reserve the number before the note's own notes.
                    self.notes.push(String::new());
                    let size = SIZE_NOI_NHAN;
                    let mut body = String::new();
                    self.nodes(c, Style::new(size), &mut body);
                    let hp = (size * 2.0) as i64;
                    let p = Par {
                        align: Align::Both,
                        first: INDENT,
                        line: pitch(size, 0.4 * size),
                        before: 0.3 * size,
                        mark: size,
                        runs: format!(
                            "<w:r><w:rPr><w:rStyle w:val=\"FootnoteReference\"/><w:sz w:val=\"{hp}\"/></w:rPr><w:footnoteRef/></w:r>{}{body}",
                            run(" ", Style::new(size))
                        ),
                        ..Par::default()
                    };
                    self.notes[id - 1] = p.xml();
                    let hp = (style.size * 2.0).round() as i64;
                    let _ = write!(
                        out,
                        "<w:r><w:rPr><w:rStyle w:val=\"FootnoteReference\"/><w:sz w:val=\"{hp}\"/><w:szCs w:val=\"{hp}\"/></w:rPr><w:footnoteReference w:id=\"{id}\"/></w:r>"
                    );
                }
            }
        }
    }

    /// A body paragraph (`doan`): justified, first line indented.
    fn body_par(&self, runs: String, first: f64) -> Par {
        Par {
            align: Align::Both,
            first,
            line: pitch(self.body, self.em(LEADING)),
            runs,
            ..Par::default()
        }
    }

    /// Adds a body paragraph to `flow`.
    fn doan(&mut self, flow: &mut Flow, text: &str, keep: bool, first: f64, bold: bool) {
        let mut style = Style::new(self.body);
        style.bold = bold;
        let runs = self.rich(text, style);
        let mut p = self.body_par(runs, first);
        p.keep_next = keep;
        let s = self.em(LEADING) + PAR_GAP;
        flow.par(p, self.body, s, s);
    }

    /// A centred paragraph in the `centred` scope of the layout (no
    /// indent, ragged, spacing equal to the leading).
    fn centred(&self, runs: String, size: f64, leading: f64, width: Option<f64>) -> (Par, f64) {
        let side = width.map_or(0.0, |w| ((self.total - w) / 2.0).max(0.0));
        (
            Par {
                align: Align::Center,
                left: side,
                right: side,
                line: pitch(size, leading),
                runs,
                ..Par::default()
            },
            self.em(LEADING),
        )
    }

    /// A rule: an empty line whose top border is `length` pt long, centred
    /// in `width`, `gap` pt under the previous baseline.
    fn rule(flow: &mut Flow, length: f64, width: f64, gap: f64, below: f64) {
        let side = ((width - length) / 2.0).max(0.0);
        let p = Par {
            align: Align::Center,
            left: side,
            right: side,
            line: 1.0,
            mark: 1.0,
            rule: Some(RULE),
            ..Par::default()
        };
        // The border is drawn at the top of the paragraph, after its space.
        let held = flow.below_edge.unwrap_or(0.0);
        let mut p = p;
        p.before = (flow.space + gap - held).max(0.0);
        flow.xml.push_str(&p.xml());
        flow.space = 0.0;
        flow.weak = below;
        // The next line's gap is measured from the rule.
        flow.below_edge = Some(1.0);
    }

    // --- Header (ô 1–5b, 10, 11) -------------------------------------

    /// The two-column header as a borderless table.
    pub fn header(&mut self, flow: &mut Flow, v: &View<'_>) {
        let qh = v
            .trinh_bay
            .as_ref()
            .and_then(|t| t.co_chu_quoc_hieu)
            .unwrap_or(SIZE_QUOC_HIEU);
        let paired = qh == SIZE_QUOC_HIEU;
        let size_tn = if paired { 13.0 } else { qh + 1.0 };
        let size_date = size_tn;
        let size_cq = if paired { SIZE_CO_QUAN } else { 12.0 };
        let quoc_hieu = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM";
        let tieu_ngu = "Độc lập - Tự do - Hạnh phúc";
        let qh_font = Font {
            size: qh,
            bold: true,
            italic: false,
        };
        let rw = qh_font.width(quoc_hieu) + HEADER_GAP;
        let lw = self.total - rw;
        let lead = self.em(0.45);

        let first = flow.xml.is_empty();
        if first && v.luu_hanh.is_none() {
            // A document that starts with a table gets an empty paragraph
            // above it from LibreOffice when it has footnotes (and Word
            // gives no way to type above such a table): a 1 pt one here.
            flow.xml.push_str(
                &Par {
                    line: 1.0,
                    mark: 1.0,
                    ..Par::default()
                }
                .xml(),
            );
            flow.debt += 1.0;
        }
        if let Some(l) = v.luu_hanh {
            let mut st = Style::new(13.0).bold();
            st.stamp = true;
            let p = Par {
                align: Align::Right,
                line: pitch(13.0, lead) + 6.0,
                runs: run(l, st),
                ..Par::default()
            };
            flow.par(p, 13.0, 0.0, self.em(1.2));
        }

        // Left column, first row: parent body, issuing body, its rule.
        let mut names = Flow::new();
        if let Some(cq) = v.co_quan_chu_quan {
            let text = cq.to_uppercase();
            let f = Font {
                size: size_cq,
                bold: false,
                italic: false,
            };
            let (mut p, _) = self.centred(run(&text, Style::new(size_cq)), size_cq, lead, None);
            let side = (lw - f.box_width(&text, lw, SLACK)) / 2.0;
            p.left = side.max(0.0);
            p.right = side.max(0.0);
            names.par(p, size_cq, lead, lead);
        }
        if !v.co_quan.is_empty() {
            let text = v.co_quan.to_uppercase();
            let f = Font {
                size: size_cq,
                bold: true,
                italic: false,
            };
            let w = f.fit_width(&text, lw);
            let (mut p, _) =
                self.centred(run(&text, Style::new(size_cq).bold()), size_cq, lead, None);
            let side = (lw - f.box_width(&text, lw, SLACK)) / 2.0;
            p.left = side.max(0.0);
            p.right = side.max(0.0);
            names.par(p, size_cq, lead, lead);
            Self::rule(&mut names, w * 0.4, lw, self.em(0.4), lead);
        }

        // Right column, first row: Quốc hiệu, Tiêu ngữ, its rule.
        let mut motto = Flow::new();
        let (p, _) = self.centred(run(quoc_hieu, Style::new(qh).bold()), qh, lead, None);
        motto.par(p, qh, lead, lead);
        let (p, _) = self.centred(
            run(tieu_ngu, Style::new(size_tn).bold()),
            size_tn,
            lead,
            None,
        );
        motto.par(p, size_tn, lead, lead);
        let tn_w = Font {
            size: size_tn,
            bold: true,
            italic: false,
        }
        .width(tieu_ngu);
        Self::rule(&mut motto, tn_w, rw, self.em(0.4), lead);

        let gutter = self.em(0.6);
        // How much lower Word ends the first row (its first lines, and the
        // rules' own line): the second row makes up for it.
        let owed = names.debt.max(motto.debt) + 1.0;
        // Second row: number, and place and date.
        let mut so = Flow::new();
        so.debt = owed;
        so.v(gutter);
        if v.kem_theo.is_none() {
            let number = if v.so.is_empty() {
                "\u{a0}".repeat(9)
            } else {
                v.so.clone()
            };
            let text = format!("Số: {number}/{}", v.ky_hieu);
            let (p, _) = self.centred(run(&text, Style::new(SIZE_SO)), SIZE_SO, lead, None);
            so.par(p, SIZE_SO, lead, lead);
        }
        let mut date = Flow::new();
        date.debt = owed;
        date.v(gutter);
        if !v.dong_ngay.is_empty() && v.kem_theo.is_none() {
            let (p, _) = self.centred(
                run(&v.dong_ngay, Style::new(size_date).italic()),
                size_date,
                lead,
                None,
            );
            date.par(p, size_date, lead, lead);
        }
        let mut owed = so.debt.max(date.debt);
        let mut rows = vec![vec![names.xml, motto.xml], vec![so.xml, date.xml]];

        // Third row: the công văn's subject, and the stamps.
        let vv = if v.cong_van { v.trich_yeu } else { None };
        let third_row = vv.is_some() || v.do_khan.is_some() || v.do_mat.is_some();
        if third_row {
            let mut third = Flow::new();
            third.debt = owed;
            if let Some(t) = vv {
                third.v(6.0);
                let text = format!("V/v {t}");
                let f = Font {
                    size: SIZE_SO,
                    bold: false,
                    italic: false,
                };
                let (mut p, _) = self.centred(run(&text, Style::new(SIZE_SO)), SIZE_SO, lead, None);
                let side = (lw - f.box_width(&text, lw, SLACK)) / 2.0;
                p.left = side.max(0.0);
                p.right = side.max(0.0);
                third.par(p, SIZE_SO, lead, lead);
            } else {
                third.v(gutter);
            }
            let stamps: Vec<&str> = [v.do_mat, v.do_khan].into_iter().flatten().collect();
            if !stamps.is_empty() {
                third.v(4.0 + 3.0);
                let mut st = Style::new(13.0).bold();
                st.stamp = true;
                let mut runs = String::new();
                for (i, s) in stamps.iter().enumerate() {
                    if i > 0 {
                        runs.push_str(&run("\u{a0}\u{a0}\u{a0}", Style::new(13.0)));
                    }
                    runs.push_str(&run(&format!("\u{a0}{s}\u{a0}"), st));
                }
                let p = Par {
                    align: Align::Center,
                    line: pitch(13.0, lead) + 6.0,
                    runs,
                    ..Par::default()
                };
                third.par(p, 13.0, lead, lead);
            }
            owed = third.debt;
            rows.push(vec![third.xml, String::new()]);
        }
        let widths = [lw, rw];
        let grid = Grid {
            widths: &widths,
            rows,
            border: None,
            pad: [0.0; 4],
            header_rows: 0,
            cant_split: true,
            valign: "top",
            col_pad: Vec::new(),
        };
        let last = pitch(SIZE_SO, lead);
        flow.table(&grid.xml(), 0.0, lead, last - baseline(last), 0.0);
        flow.debt += owed;
        if !third_row {
            // The layout's grid always has a third row, empty or not: its
            // gutter stays.
            flow.v(gutter);
        }
        flow.v(self.em(0.6));
    }

    // --- Title (ô 5a) --------------------------------------------------

    /// Type name, subject and their rule, centred.
    pub fn title(&mut self, flow: &mut Flow, v: &View<'_>) {
        if v.cong_van {
            return;
        }
        let size = v
            .trinh_bay
            .as_ref()
            .and_then(|t| t.co_chu)
            .unwrap_or(self.body);
        let lead = self.em(0.4);
        let total = self.total;
        let bold = Font {
            size,
            bold: true,
            italic: false,
        };
        let name = (!v.ten_loai.is_empty()).then_some(v.ten_loai.as_str());
        if let Some(attached) = &v.kem_theo {
            let mut widest: f64 = 0.0;
            for t in [name, v.trich_yeu].into_iter().flatten() {
                let w = bold.fit_width(t, total * 0.95);
                widest = widest.max(w);
                let (mut p, s) = self.centred(run(t, Style::new(size).bold()), size, lead, None);
                let side = (total - bold.box_width(t, total * 0.95, SLACK)) / 2.0;
                p.left = side.max(0.0);
                p.right = side.max(0.0);
                flow.par(p, size, s, self.em(0.4));
            }
            let it = Font {
                size,
                bold: false,
                italic: true,
            };
            let (mut p, _) =
                self.centred(run(attached, Style::new(size).italic()), size, lead, None);
            let side = (total - it.box_width(attached, total, SLACK)) / 2.0;
            p.left = side.max(0.0);
            p.right = side.max(0.0);
            flow.par(p, size, self.em(0.4), self.em(0.4));
            Self::rule(flow, widest * 0.35, total, self.em(0.6), self.em(LEADING));
        } else if let Some(subject) = v.trich_yeu {
            if let Some(n) = name {
                let (p, s) = self.centred(run(n, Style::new(size).bold()), size, lead, None);
                flow.par(p, size, s, s);
            }
            let w = bold.fit_width(subject, total * 0.95);
            let (mut p, s) = self.centred(run(subject, Style::new(size).bold()), size, lead, None);
            let side = (total - bold.box_width(subject, total * 0.95, SLACK)) / 2.0;
            p.left = side.max(0.0);
            p.right = side.max(0.0);
            flow.par(p, size, s, s);
            Self::rule(flow, w * 0.35, total, self.em(0.6), self.em(LEADING));
        } else if let Some(n) = name {
            let (p, s) = self.centred(run(n, Style::new(self.body).bold()), self.body, lead, None);
            flow.par(p, self.body, s, s);
            Self::rule(
                flow,
                bold.width(n) * 0.5,
                total,
                self.em(0.6),
                self.em(LEADING),
            );
        }
        if let Some(c) = v.chu_thich {
            let (p, s) = self.centred(
                run(c, Style::new(self.body).italic()),
                self.body,
                lead,
                None,
            );
            flow.par(p, self.body, s, s);
        }
        flow.v(self.em(0.4));
    }

    /// The authority line of a quyết định and other centred bold titles
    /// (`tieu-de`).
    fn tieu_de(&mut self, flow: &mut Flow, text: &str) {
        flow.v(self.em(0.4));
        let runs = self.rich(text, Style::new(self.body).bold());
        let (p, s) = self.centred(runs, self.body, self.em(LEADING), None);
        flow.par(p, self.body, s, s);
    }

    // --- Kính gửi (ô 9a) -----------------------------------------------

    /// Recipients.
    pub fn kinh_gui(&mut self, flow: &mut Flow, v: &View<'_>) {
        if v.kinh_gui.is_empty() {
            return;
        }
        let size = self.body;
        let st = Style::new(size);
        let line = pitch(size, self.em(LEADING));
        let s = self.em(0.4);
        let f = Font {
            size,
            bold: false,
            italic: false,
        };
        let label = "Kính gửi:";
        let lw = f.width(label);
        if let [one] = v.kinh_gui.as_slice() {
            let text = format!("{label} {one}");
            let p = if f.width(&text) <= self.total - mm(20.0) {
                Par {
                    align: Align::Center,
                    line,
                    runs: run(&text, st),
                    ..Par::default()
                }
            } else {
                let hang = lw + f.width(" ");
                Par {
                    align: Align::Left,
                    left: mm(10.0) + hang,
                    first: -hang,
                    line,
                    runs: run(&text, st),
                    ..Par::default()
                }
            };
            flow.par(p, size, s, s);
        } else {
            let left = mm(25.0);
            let p = Par {
                align: Align::Left,
                left,
                line,
                runs: run(label, st),
                ..Par::default()
            };
            flow.par(p, size, s, s);
            let n = v.kinh_gui.len();
            for (i, it) in v.kinh_gui.iter().enumerate() {
                let end = if i + 1 == n { "." } else { ";" };
                let hang = self.em(0.6);
                let p = Par {
                    align: Align::Left,
                    left: left + lw - self.em(0.3) + hang,
                    first: -hang,
                    line,
                    runs: run(&format!("- {it}{end}"), st),
                    ..Par::default()
                };
                flow.par(p, size, s, s);
            }
        }
        if let Some(note) = v.kinh_gui_ghi_chu {
            let p = Par {
                align: Align::Center,
                line,
                runs: run(note, st),
                ..Par::default()
            };
            flow.par(p, size, s, s);
        }
        flow.v(self.em(0.5));
    }

    // --- Preamble of a quyết định -------------------------------------

    /// Authority line, legal bases and `QUYẾT ĐỊNH:`.
    pub fn quyet_dinh(&mut self, flow: &mut Flow, v: &View<'_>) {
        let n = v.can_cu.len();
        for (i, c) in v.can_cu.iter().enumerate() {
            let end = if i + 1 == n { "." } else { ";" };
            let runs = run(&format!("{c}{end}"), Style::new(self.body).italic());
            let p = self.body_par(runs, INDENT);
            let s = self.em(LEADING) + PAR_GAP;
            flow.par(p, self.body, s, s);
        }
        self.tieu_de(flow, "QUYẾT ĐỊNH:");
    }

    /// Authority line under the title of a quyết định.
    pub fn tham_quyen(&mut self, flow: &mut Flow, v: &View<'_>) {
        if let Some(t) = v.tham_quyen {
            flow.v(self.em(0.4));
            self.tieu_de(flow, t);
        }
    }

    /// The opening sentence citing the documents implemented.
    pub fn opening(&mut self, flow: &mut Flow, v: &View<'_>) {
        if let Some(m) = &v.mo_dau {
            self.doan(flow, m, false, INDENT, false);
        }
    }

    // --- Body (ô 6) ----------------------------------------------------

    /// The body blocks.
    pub fn blocks(&mut self, flow: &mut Flow, items: &[Khoi]) {
        let n = items.len();
        for (i, k) in items.iter().enumerate() {
            let last = i + 1 == n;
            match k {
                Khoi::Doan(s) | Khoi::Diem(s) => self.doan(flow, s, last, INDENT, false),
                Khoi::Muc(s) | Khoi::Khoan(s) => self.doan(flow, s, true, INDENT, true),
                Khoi::Ghi(s) => self.doan(flow, s, false, 0.0, false),
                Khoi::Dieu(s) => {
                    let parts = split_article(s);
                    let mut runs = String::new();
                    if !parts[0].is_empty() {
                        runs.push_str(&run(&parts[0], Style::new(self.body).bold()));
                        runs.push_str(&run(" ", Style::new(self.body)));
                    }
                    runs.push_str(&self.rich(&parts[1], Style::new(self.body)));
                    let p = self.body_par(runs, INDENT);
                    let sp = self.em(LEADING) + PAR_GAP;
                    flow.par(p, self.body, sp, sp);
                }
                Khoi::Gach(list) | Khoi::Cong(list) => {
                    let mark = if matches!(k, Khoi::Gach(_)) { "-" } else { "+" };
                    for it in list {
                        self.doan(flow, &format!("{mark} {it}"), false, INDENT, false);
                    }
                }
                Khoi::Giua(s) => {
                    let runs = self.rich(s, Style::new(self.body));
                    let (p, sp) = self.centred(runs, self.body, self.em(LEADING), None);
                    flow.par(p, self.body, sp, sp);
                }
                Khoi::TieuDe(s) => self.tieu_de(flow, s),
                Khoi::Bang(b) => self.table(flow, b),
                Khoi::NgatTrang(true) => flow.page_break(),
                Khoi::NgatTrang(false) => {}
            }
        }
    }

    /// A table: lines of 0.5 pt, cells inset 4 pt, header row bold,
    /// centred and repeated on every page.
    fn table(&mut self, flow: &mut Flow, b: &crate::model::Bang) {
        let size = b.co_chu.unwrap_or(13.0);
        let cols = if b.cot.is_empty() {
            b.dau.len().max(b.dong.first().map_or(1, Vec::len)).max(1)
        } else {
            b.cot.len()
        };
        let fr: Vec<f64> = if b.cot.is_empty() {
            vec![1.0; cols]
        } else {
            b.cot.clone()
        };
        let sum: f64 = fr.iter().sum();
        let widths: Vec<f64> = fr.iter().map(|w| self.total * w / sum).collect();
        let lead = 0.45 * size;
        let line = pitch(size, lead);
        // The PDF's 4 pt inset, less what Word's line box holds above the
        // first baseline and under the last one beyond the PDF's.
        // Word counts the lines' width inside the row's height, the PDF
        // does not.
        let half = RULE / 2.0;
        let pad = [
            (4.0 + CAP * size - baseline(line) - half).max(0.0),
            (4.0 - (line - baseline(line)) - half).max(0.0),
            4.0,
            4.0,
        ];
        let cell = |doc: &mut Self, text: &str, align: Align, bold: bool| {
            let mut st = Style::new(size);
            st.bold = bold;
            let runs = doc.rich(text, st);
            let mut f = Flow::new();
            let p = Par {
                align,
                line,
                runs,
                ..Par::default()
            };
            f.par(p, size, 0.4 * size, 0.4 * size);
            f.xml
        };
        let mut rows = Vec::new();
        if !b.dau.is_empty() {
            rows.push(
                b.dau
                    .iter()
                    .map(|h| cell(self, h, Align::Center, true))
                    .collect(),
            );
        }
        for r in &b.dong {
            rows.push(
                r.iter()
                    .enumerate()
                    .map(|(i, c)| {
                        let a = match b.can.get(i) {
                            Some(CanLe::Giua) => Align::Center,
                            Some(CanLe::Phai) => Align::Right,
                            _ => Align::Left,
                        };
                        cell(self, c, a, false)
                    })
                    .collect(),
            );
        }
        // A word wider than its column overflows in the PDF; Word would
        // break it inside: narrower margins let it fit.
        let col_pad = (0..cols)
            .map(|j| {
                let head = b.dau.get(j).map(|h| (h.as_str(), true));
                let longest = head
                    .into_iter()
                    .chain(
                        b.dong
                            .iter()
                            .filter_map(|r| r.get(j))
                            .map(|c| (c.as_str(), false)),
                    )
                    .flat_map(|(t, bold)| {
                        let plain = inline::plain(&inline::parse(t));
                        plain
                            .split_whitespace()
                            .map(|w| {
                                Font {
                                    size,
                                    bold,
                                    italic: false,
                                }
                                .width(w)
                            })
                            .collect::<Vec<_>>()
                    })
                    .fold(0.0, f64::max);
                let w = widths.get(j).copied().unwrap_or(0.0);
                (longest + 8.0 > w).then(|| ((w - longest) / 2.0 - 0.5).max(0.0))
            })
            .collect();
        let grid = Grid {
            widths: &widths,
            rows,
            col_pad,
            border: Some(RULE),
            pad,
            header_rows: usize::from(!b.dau.is_empty()),
            cant_split: false,
            valign: "center",
        };
        flow.table(&grid.xml(), 0.4 * size, 0.4 * size, 0.0, 0.0);
        flow.v(0.3 * size);
    }

    // --- Signature (ô 7, 8) and Nơi nhận (ô 9b) ------------------------

    /// Nơi nhận and the signature block side by side; with a second
    /// signer on the left (a biên bản's secretary, a contract's other
    /// party), the two signers side by side and Nơi nhận under both.
    pub fn signature(&mut self, flow: &mut Flow, v: &View<'_>) {
        if v.nguoi_ky.is_none() && v.noi_nhan.is_empty() {
            return;
        }
        let lead = self.em(0.4);
        let lw = self.total * 0.45;
        let rw = self.total - lw;
        let mut recv = Flow::new();
        if !v.noi_nhan.is_empty() {
            let label = Style::new(SIZE_NOI_NHAN_LABEL).bold().italic();
            let p = Par {
                line: pitch(SIZE_NOI_NHAN_LABEL, lead),
                runs: run("Nơi nhận:", label),
                ..Par::default()
            };
            recv.par(p, SIZE_NOI_NHAN_LABEL, 0.0, 0.0);
            let n = v.noi_nhan.len();
            for (i, it) in v.noi_nhan.iter().enumerate() {
                let (text, st, size) = match (it.nhom, it.muc) {
                    (Some(g), _) => (format!("{g}:"), label, SIZE_NOI_NHAN_LABEL),
                    (None, Some(m)) => {
                        let last = i + 1 == n || v.noi_nhan[i + 1].nhom.is_some();
                        let end = if last { "." } else { ";" };
                        (
                            format!("- {m}{end}"),
                            Style::new(SIZE_NOI_NHAN),
                            SIZE_NOI_NHAN,
                        )
                    }
                    _ => continue,
                };
                let p = Par {
                    line: pitch(size, lead),
                    runs: run(&text, st),
                    ..Par::default()
                };
                // Lines of one paragraph in the PDF: no gap but the leading.
                recv.par(p, size, lead, 0.0);
            }
        }
        let mut right = Flow::new();
        if let Some(k) = v.nguoi_ky {
            self.signer(&mut right, k, v.so_dang.is_some(), rw, lead);
        }
        let two = v.ky_trai.is_some();
        let left = match v.ky_trai {
            Some(k) => {
                let mut f = Flow::new();
                self.signer(&mut f, k, v.so_dang.is_some(), lw, lead);
                f
            }
            None => std::mem::take(&mut recv),
        };
        let widths = [lw, rw];
        let grid = Grid {
            widths: &widths,
            rows: vec![vec![left.xml, right.xml]],
            border: None,
            pad: [0.0; 4],
            header_rows: 0,
            cant_split: true,
            valign: "top",
            col_pad: Vec::new(),
        };
        let top = left.debt.max(right.debt);
        flow.v(self.em(0.3));
        flow.table(
            &grid.xml(),
            self.em(0.3),
            self.em(0.3),
            right.below_edge.unwrap_or(0.0),
            top,
        );
        if two && !v.noi_nhan.is_empty() {
            // Nơi nhận under both signers, at the left edge.
            let widths = [self.total];
            let grid = Grid {
                widths: &widths,
                rows: vec![vec![recv.xml]],
                border: None,
                pad: [0.0; 4],
                header_rows: 0,
                cant_split: true,
                valign: "top",
                col_pad: Vec::new(),
            };
            flow.v(self.em(0.8));
            flow.table(&grid.xml(), 0.0, 0.0, 0.0, recv.debt);
        }
    }

    fn signer(&mut self, flow: &mut Flow, k: &NguoiKy, dang: bool, width: f64, lead: f64) {
        let size = self.body;
        let line = pitch(size, lead);
        let bold = Style::new(size).bold();
        let centred = |runs: String| Par {
            align: Align::Center,
            line,
            runs,
            ..Par::default()
        };
        let mut lines: Vec<(String, Style)> = k
            .authority_lines(dang)
            .iter()
            .map(|q| (q.to_uppercase(), bold))
            .collect();
        if !k.chuc_vu.is_empty() {
            lines.push((k.chuc_vu.to_uppercase(), bold));
        }
        if let Some(g) = &k.ghi_chu {
            lines.push((g.clone(), Style::new(size).italic()));
        }
        // One paragraph in the PDF: lines follow at the leading.
        for (text, st) in &lines {
            flow.par(centred(run(text, *st)), size, lead, lead);
        }
        // The space for the signature and the seal, holding their images
        // (and the box kept for a digital-signature stamp, `khung_ky_so`).
        let base = mm(25.0);
        let space = base + if k.khung_ky_so { mm(11.0) } else { 0.0 };
        let mut runs = String::new();
        if let Some(path) = &k.chu_ky {
            match self.image(path) {
                Ok(m) => {
                    let (w, h) = contain(m.width, m.height, mm(50.0), base - mm(4.0));
                    let x = (width - w) / 2.0;
                    let y = (base - h) / 2.0;
                    runs.push_str(&m.anchor(x, y, w, h, 1));
                    self.media.push(m);
                }
                Err(e) => self.errors.push(e),
            }
        }
        if let Some(path) = &k.dau {
            let d = mm(k.dau_rong.unwrap_or(35.0));
            match self.image(path) {
                Ok(m) => {
                    let (w, h) = contain(m.width, m.height, d, d);
                    let x = (width - w) / 2.0 - mm(15.0);
                    let y = (base - h) / 2.0;
                    runs.push_str(&m.anchor(x, y, w, h, 2));
                    self.media.push(m);
                }
                Err(e) => self.errors.push(e),
            }
        }
        // Spacing around the space: the paragraph spacing on both sides.
        let gap_above = self.em(0.3);
        let p = Par {
            align: Align::Center,
            line: space,
            before: 0.0,
            mark: 1.0,
            runs,
            ..Par::default()
        };
        let held = flow.below_edge.unwrap_or(0.0);
        let mut p = p;
        p.before = (gap_above - held).max(0.0);
        flow.xml.push_str(&p.xml());
        flow.below_edge = Some(0.0);
        flow.space = 0.0;
        // The paragraph spacing on both sides of the space collapses into
        // the one above it.
        flow.weak = 0.0;
        if let Some(t) = &k.chuc_danh {
            flow.par(centred(run(t, bold)), size, 0.0, lead);
        }
        if !k.ho_ten.is_empty() {
            flow.par(centred(run(&k.ho_ten, bold)), size, 0.0, 0.0);
        }
    }

    fn image(&mut self, path: &str) -> Result<Media, String> {
        let n = self.media.len() + 1;
        Media::load(self.root, path, n)
    }

    // --- Appendices ----------------------------------------------------

    /// The label, title and caption of an appendix, and its rule.
    pub fn appendix_head(
        &mut self,
        flow: &mut Flow,
        label: Option<&str>,
        heading: Option<&str>,
        caption: Option<&str>,
    ) {
        let size = self.body;
        let lead = self.em(LEADING);
        if let Some(l) = label {
            let (p, s) = self.centred(run(l, Style::new(size).bold()), size, lead, None);
            flow.par(p, size, s, s);
        }
        if let Some(h) = heading {
            let runs = self.rich(h, Style::new(size).bold());
            let (p, s) = self.centred(runs, size, lead, None);
            flow.par(p, size, s, s);
        }
        if let Some(c) = caption {
            let (p, s) = self.centred(run(c, Style::new(size).italic()), size, lead, None);
            flow.par(p, size, s, s);
        }
        if heading.is_some() || caption.is_some() {
            let hw = heading.map_or(0.0, |h| {
                Font {
                    size,
                    bold: true,
                    italic: false,
                }
                .width(&inline::plain(&inline::parse(h)))
            });
            let cw = caption.map_or(0.0, |c| {
                Font {
                    size,
                    bold: false,
                    italic: true,
                }
                .width(c)
            });
            let w = hw.max(cw).min(self.total);
            Self::rule(
                flow,
                w / 3.0,
                self.total,
                self.em(LEADING),
                self.em(LEADING),
            );
        }
        flow.v(self.em(0.4));
    }
}

/// The size of an image of `w`×`h` fitted inside `bw`×`bh`, keeping its
/// proportions.
fn contain(w: f64, h: f64, bw: f64, bh: f64) -> (f64, f64) {
    if w <= 0.0 || h <= 0.0 {
        return (bw, bh);
    }
    let s = (bw / w).min(bh / h);
    (w * s, h * s)
}
