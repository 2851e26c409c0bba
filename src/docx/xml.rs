//! WordprocessingML pieces: paragraphs, runs, tables, written as text.
//! Lengths are taken in pt and written in the units each element wants
//! (twentieths of a point, half-points, eighths of a point, EMU).

use std::fmt::Write;

/// Twentieths of a point (twips), rounded.
pub fn tw(pt: f64) -> i64 {
    (pt * 20.0).round() as i64
}

/// English Metric Units (12700 a point), rounded.
pub fn emu(pt: f64) -> i64 {
    (pt * 12700.0).round() as i64
}

/// Points in a millimetre.
pub const PT_PER_MM: f64 = 72.0 / 25.4;

/// Millimetres to points.
pub fn mm(v: f64) -> f64 {
    v * PT_PER_MM
}

/// Escapes text for XML content and attributes; drops the control
/// characters XML 1.0 cannot carry.
pub fn esc(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            '\t' | '\n' | '\r' => out.push(' '),
            c if (c as u32) < 0x20 || c == '\u{FFFE}' || c == '\u{FFFF}' => {}
            c => out.push(c),
        }
    }
    out
}

/// Character formatting of a run.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Style {
    /// Size in pt.
    pub size: f64,
    /// Bold.
    pub bold: bool,
    /// Italic.
    pub italic: bool,
    /// Red ink with a red frame (urgency and circulation stamps).
    pub stamp: bool,
}

impl Style {
    /// Regular text of `size` pt.
    pub fn new(size: f64) -> Self {
        Self {
            size,
            bold: false,
            italic: false,
            stamp: false,
        }
    }

    /// The same, bold.
    pub fn bold(self) -> Self {
        Self { bold: true, ..self }
    }

    /// The same, italic.
    pub fn italic(self) -> Self {
        Self {
            italic: true,
            ..self
        }
    }

    /// The run properties (`w:rPr`).
    pub fn rpr(self) -> String {
        let mut s = String::from("<w:rPr>");
        if self.bold {
            s.push_str("<w:b/><w:bCs/>");
        }
        if self.italic {
            s.push_str("<w:i/><w:iCs/>");
        }
        if self.stamp {
            s.push_str("<w:color w:val=\"FF0000\"/>");
        }
        let hp = (self.size * 2.0).round() as i64;
        let _ = write!(s, "<w:sz w:val=\"{hp}\"/><w:szCs w:val=\"{hp}\"/>");
        if self.stamp {
            s.push_str("<w:bdr w:val=\"single\" w:sz=\"6\" w:space=\"3\" w:color=\"FF0000\"/>");
        }
        s.push_str("</w:rPr>");
        s
    }
}

/// A run of text; `\n` becomes a line break.
pub fn run(text: &str, style: Style) -> String {
    let mut s = String::new();
    let rpr = style.rpr();
    for (i, part) in text.split('\n').enumerate() {
        s.push_str("<w:r>");
        s.push_str(&rpr);
        if i > 0 {
            s.push_str("<w:br/>");
        }
        if !part.is_empty() {
            let _ = write!(s, "<w:t xml:space=\"preserve\">{}</w:t>", esc(part));
        }
        s.push_str("</w:r>");
    }
    s
}

/// Paragraph alignment.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Align {
    /// Ragged right.
    #[default]
    Left,
    /// Centred.
    Center,
    /// Flush right.
    Right,
    /// Justified.
    Both,
}

impl Align {
    fn val(self) -> &'static str {
        match self {
            Align::Left => "left",
            Align::Center => "center",
            Align::Right => "right",
            Align::Both => "both",
        }
    }
}

/// A paragraph: its layout and its runs (already written).
#[derive(Debug, Clone, Default)]
pub struct Par {
    /// Alignment.
    pub align: Align,
    /// Left indent (pt).
    pub left: f64,
    /// Right indent (pt).
    pub right: f64,
    /// First-line indent (pt); negative: hanging.
    pub first: f64,
    /// Exact line height (pt).
    pub line: f64,
    /// Space above (pt).
    pub before: f64,
    /// Keep with the next paragraph.
    pub keep_next: bool,
    /// Start on a new page.
    pub page_break: bool,
    /// A rule: a top border of this thickness (pt) over the paragraph's
    /// width.
    pub rule: Option<f64>,
    /// Size of the paragraph mark (pt).
    pub mark: f64,
    /// The runs.
    pub runs: String,
    /// Section properties ending a section with this paragraph.
    pub sect: Option<String>,
}

impl Par {
    /// The `w:p` element.
    pub fn xml(&self) -> String {
        let mut s = String::from("<w:p><w:pPr>");
        if self.keep_next {
            s.push_str("<w:keepNext/>");
        }
        if self.page_break {
            s.push_str("<w:pageBreakBefore/>");
        }
        if let Some(t) = self.rule {
            let eighths = (t * 8.0).round().max(2.0) as i64;
            let _ = write!(
                s,
                "<w:pBdr><w:top w:val=\"single\" w:sz=\"{eighths}\" w:space=\"0\" w:color=\"000000\"/></w:pBdr>"
            );
        }
        let _ = write!(
            s,
            "<w:spacing w:before=\"{}\" w:after=\"0\" w:line=\"{}\" w:lineRule=\"exact\"/>",
            tw(self.before.max(0.0)),
            tw(self.line.max(1.0))
        );
        let (first, hanging) = if self.first >= 0.0 {
            ("firstLine", tw(self.first))
        } else {
            ("hanging", tw(-self.first))
        };
        let _ = write!(
            s,
            "<w:ind w:left=\"{}\" w:right=\"{}\" w:{first}=\"{hanging}\"/>",
            tw(self.left),
            tw(self.right)
        );
        let _ = write!(s, "<w:jc w:val=\"{}\"/>", self.align.val());
        if self.mark > 0.0 {
            let hp = (self.mark * 2.0).round() as i64;
            let _ = write!(
                s,
                "<w:rPr><w:sz w:val=\"{hp}\"/><w:szCs w:val=\"{hp}\"/></w:rPr>"
            );
        }
        if let Some(sect) = &self.sect {
            s.push_str(sect);
        }
        s.push_str("</w:pPr>");
        s.push_str(&self.runs);
        s.push_str("</w:p>");
        s
    }
}

/// A table: column widths (pt), rows of cells (each cell's content XML),
/// lines of `border` pt or none, inner cell margin `inset` pt, header rows
/// repeated on each page, rows that may not break across pages.
pub struct Grid<'a> {
    /// Column widths (pt).
    pub widths: &'a [f64],
    /// Rows of cells (each the XML of its paragraphs).
    pub rows: Vec<Vec<String>>,
    /// Border thickness (pt), `None` for no borders.
    pub border: Option<f64>,
    /// Cell margins (pt): top, bottom, left, right.
    pub pad: [f64; 4],
    /// How many leading rows form the repeated header.
    pub header_rows: usize,
    /// Rows may not be split across pages.
    pub cant_split: bool,
    /// Vertical alignment of cells: `top` or `center`.
    pub valign: &'static str,
    /// Per column, narrower left and right cell margins (pt), for a column
    /// too narrow for its longest word.
    pub col_pad: Vec<Option<f64>>,
}

impl Grid<'_> {
    /// The `w:tbl` element.
    pub fn xml(&self) -> String {
        let total: f64 = self.widths.iter().sum();
        let mut s = String::from("<w:tbl><w:tblPr>");
        let _ = write!(s, "<w:tblW w:w=\"{}\" w:type=\"dxa\"/>", tw(total));
        s.push_str("<w:tblInd w:w=\"0\" w:type=\"dxa\"/>");
        let line = match self.border {
            Some(b) => format!(
                "w:val=\"single\" w:sz=\"{}\" w:space=\"0\" w:color=\"000000\"",
                (b * 8.0).round().max(2.0) as i64
            ),
            None => "w:val=\"nil\"".to_owned(),
        };
        s.push_str("<w:tblBorders>");
        for side in ["top", "left", "bottom", "right", "insideH", "insideV"] {
            let _ = write!(s, "<w:{side} {line}/>");
        }
        s.push_str("</w:tblBorders><w:tblLayout w:type=\"fixed\"/>");
        let [t, b, l, r] = self.pad.map(tw);
        let _ = write!(
            s,
            "<w:tblCellMar><w:top w:w=\"{t}\" w:type=\"dxa\"/><w:left w:w=\"{l}\" w:type=\"dxa\"/><w:bottom w:w=\"{b}\" w:type=\"dxa\"/><w:right w:w=\"{r}\" w:type=\"dxa\"/></w:tblCellMar>"
        );
        s.push_str("<w:tblLook w:val=\"0000\" w:firstRow=\"0\" w:lastRow=\"0\" w:firstColumn=\"0\" w:lastColumn=\"0\" w:noHBand=\"1\" w:noVBand=\"1\"/>");
        s.push_str("</w:tblPr><w:tblGrid>");
        for w in self.widths {
            let _ = write!(s, "<w:gridCol w:w=\"{}\"/>", tw(*w));
        }
        s.push_str("</w:tblGrid>");
        for (i, row) in self.rows.iter().enumerate() {
            s.push_str("<w:tr><w:trPr>");
            if self.cant_split || i < self.header_rows {
                s.push_str("<w:cantSplit/>");
            }
            if i < self.header_rows {
                s.push_str("<w:tblHeader/>");
            }
            s.push_str("</w:trPr>");
            for (j, (cell, w)) in row.iter().zip(self.widths).enumerate() {
                let mar = match self.col_pad.get(j).copied().flatten() {
                    Some(p) => format!(
                        "<w:tcMar><w:left w:w=\"{0}\" w:type=\"dxa\"/><w:right w:w=\"{0}\" w:type=\"dxa\"/></w:tcMar>",
                        tw(p)
                    ),
                    None => String::new(),
                };
                let _ = write!(
                    s,
                    "<w:tc><w:tcPr><w:tcW w:w=\"{}\" w:type=\"dxa\"/>{mar}<w:vAlign w:val=\"{}\"/></w:tcPr>",
                    tw(*w),
                    self.valign
                );
                if cell.is_empty() {
                    // A cell must hold a paragraph.
                    s.push_str(
                        &Par {
                            line: 1.0,
                            mark: 1.0,
                            ..Par::default()
                        }
                        .xml(),
                    );
                } else {
                    s.push_str(cell);
                }
                s.push_str("</w:tc>");
            }
            s.push_str("</w:tr>");
        }
        s.push_str("</w:tbl>");
        s
    }
}
