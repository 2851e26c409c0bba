//! Text widths, for the lengths Word cannot derive from the text: the
//! header's column split, the rules sized to the text above them, and the
//! balanced width of centred titles. Measured on the embedded Liberation
//! Serif (Times New Roman's metrics) with the shaper Typst uses, so that the
//! numbers agree with the PDF's `measure()`.

use std::sync::LazyLock;

use rustybuzz::{Face, UnicodeBuffer};

/// Vertical metrics of Times New Roman / Liberation Serif, in em.
pub const CAP: f64 = 1341.0 / 2048.0;
/// Descent below the baseline as LibreOffice and Word lay out a line.
pub const DESC: f64 = 443.0 / 2048.0;
/// Ascent above the baseline as LibreOffice and Word lay out a line.
pub const ASC: f64 = 1825.0 / 2048.0;

/// The four faces: regular, bold, italic, bold italic.
static FACES: LazyLock<Vec<Face<'static>>> = LazyLock::new(|| {
    crate::assets::FONTS
        .iter()
        .filter_map(|data| Face::from_slice(data, 0))
        .collect()
});

/// Width in pt of `text` set in `size` pt.
pub fn width(text: &str, size: f64, bold: bool, italic: bool) -> f64 {
    let faces = &*FACES;
    let index = usize::from(bold) + 2 * usize::from(italic);
    let Some(face) = faces.get(index).or_else(|| faces.first()) else {
        // No font: about half an em a character.
        return text.chars().count() as f64 * size * 0.5;
    };
    let mut buffer = UnicodeBuffer::new();
    buffer.push_str(text);
    let shaped = rustybuzz::shape(face, &[], buffer);
    let units: i64 = shaped
        .glyph_positions()
        .iter()
        .map(|p| i64::from(p.x_advance))
        .sum();
    units as f64 * size / f64::from(face.units_per_em())
}

/// A text style for measuring: size (pt), bold, italic.
#[derive(Debug, Clone, Copy)]
pub struct Font {
    /// Size in pt.
    pub size: f64,
    /// Bold face.
    pub bold: bool,
    /// Italic face.
    pub italic: bool,
}

impl Font {
    /// Width of `text` in this style (pt).
    pub fn width(self, text: &str) -> f64 {
        width(text, self.size, self.bold, self.italic)
    }

    /// The lines `text` wraps into at `avail` pt, breaking at spaces as the
    /// first-fit line breaker of a ragged paragraph does; `\n` forces a
    /// break.
    pub fn wrap(self, text: &str, avail: f64) -> Vec<String> {
        let mut lines = Vec::new();
        for hard in text.split('\n') {
            let mut line = String::new();
            for word in hard.split_whitespace() {
                let candidate = if line.is_empty() {
                    word.to_owned()
                } else {
                    format!("{line} {word}")
                };
                if line.is_empty() || self.width(&candidate) <= avail {
                    line = candidate;
                } else {
                    lines.push(std::mem::replace(&mut line, word.to_owned()));
                }
            }
            lines.push(line);
        }
        lines
    }

    /// Width of the widest line of `text` set in `avail` pt.
    pub fn widest(self, text: &str, avail: f64) -> f64 {
        self.wrap(text, avail)
            .iter()
            .map(|l| self.width(l))
            .fold(0.0, f64::max)
    }

    /// The width `text` needs inside `avail`: its natural width when it
    /// fits on one line (or its widest forced line), else the narrowest
    /// width that keeps the same number of lines, found as the layout's
    /// `fit-width` does (ten halvings between half and all of `avail`).
    pub fn fit_width(self, text: &str, avail: f64) -> f64 {
        let full = text
            .split('\n')
            .map(|l| self.width(l.trim()))
            .fold(0.0, f64::max);
        if full <= avail {
            return full;
        }
        let n = self.wrap(text, avail).len();
        let (mut lo, mut hi) = (avail / 2.0, avail);
        for _ in 0..10 {
            let mid = (lo + hi) / 2.0;
            if self.wrap(text, mid).len() > n {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        hi
    }

    /// The width to give Word for `text` balanced in `avail`: the layout's
    /// box (`fit_width` and half a point), widened by up to `slack` so that
    /// rounding never pushes a word down, but never so far that a line
    /// could take the first word of the next.
    pub fn box_width(self, text: &str, avail: f64, slack: f64) -> f64 {
        let w = self.fit_width(text, avail) + 0.5;
        let mut limit = f64::MAX;
        for hard in text.split('\n') {
            let lines = self.wrap(hard, w);
            for pair in lines.windows(2) {
                if let Some(next) = pair[1].split_whitespace().next() {
                    limit = limit.min(self.width(&format!("{} {next}", pair[0])));
                }
            }
        }
        (w + slack).min(limit - 0.2).max(w).min(avail.max(w))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bold_is_wider_and_size_scales() {
        let r = Font {
            size: 13.0,
            bold: false,
            italic: false,
        };
        let b = Font { bold: true, ..r };
        let t = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM";
        assert!(b.width(t) > r.width(t));
        let big = Font { size: 26.0, ..r };
        assert!((big.width(t) - 2.0 * r.width(t)).abs() < 0.01);
        // The spec's figure (rounded, with other kerning): the Quốc hiệu
        // is about 88.3 mm at 12 pt bold.
        let q = Font {
            size: 12.0,
            bold: true,
            italic: false,
        };
        let mm = q.width(t) / 72.0 * 25.4;
        assert!((mm - 88.3).abs() < 1.0, "{mm}");
    }

    #[test]
    fn balanced_lines_are_even() {
        let f = Font {
            size: 14.0,
            bold: true,
            italic: false,
        };
        let text = "Về việc thành lập Ban Giám khảo Hội thi giáo viên dạy giỏi cấp huyện bậc tiểu học năm học 2023-2024";
        let avail = 440.0;
        let w = f.fit_width(text, avail);
        assert!(w < avail);
        let lines = f.wrap(text, w);
        assert_eq!(lines.len(), f.wrap(text, avail).len());
        let widths: Vec<f64> = lines.iter().map(|l| f.width(l)).collect();
        assert!(widths.iter().all(|&x| x <= w + 0.01), "{widths:?}");
    }
}
