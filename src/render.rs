//! From the model to Typst source: the minijinja environment, the Typst
//! escaper, the inline markup of body text, and Vietnamese date filters.
//!
//! Every string that reaches a template is escaped for Typst markup by the
//! environment's formatter, unless a filter of ours marked it safe after
//! escaping it itself (`md`). Data never becomes code.

use minijinja::value::{Value, ValueKind};
use minijinja::{AutoEscape, Environment, Error, ErrorKind, UndefinedBehavior};
use serde::Serialize;

use crate::inline::{self, Node};
use crate::model::{KemTheo, Khoi, Loai, NguoiKy, NoiNhan, VanBan};
use crate::resolve::{citation, kem_theo, kem_theo_van_ban};

/// Name of the custom auto-escape format.
const TYPST: &str = "typst";

/// Characters with a meaning in Typst markup; each is written as `\c`.
const SPECIAL: &[char] = &[
    '\\', '#', '$', '*', '_', '`', '<', '>', '@', '[', ']', '{', '}', '=', '-', '+', '/', '~', '.',
    '\'', '"', ':', '^', '&', '%', '|', '!', '?', ',', ';', '(', ')',
];

/// Escapes `s` so that Typst markup prints it literally. A newline becomes a
/// line break.
pub fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len() * 2);
    for c in s.chars() {
        match c {
            '\n' => out.push_str("#linebreak()"),
            '\r' | '\t' => out.push(' '),
            c if SPECIAL.contains(&c) => {
                out.push('\\');
                out.push(c);
            }
            c => out.push(c),
        }
    }
    out
}

/// Escapes `s` for a Typst string literal (`"…"`).
pub fn escape_str(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('"');
    for c in s.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            '"' => out.push_str("\\\""),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// Converts body text with `**bold**`, `*italic*`, `***both***` and
/// footnotes `^[text of the note]` ([`crate::inline`]) into escaped Typst
/// markup.
pub fn markup(s: &str) -> String {
    let mut out = String::with_capacity(s.len() * 2);
    typst_nodes(&inline::parse(s), &mut out);
    out
}

fn typst_nodes(nodes: &[Node], out: &mut String) {
    for n in nodes {
        let (pre, inner, post) = match n {
            Node::Text(t) => {
                out.push_str(&escape(t));
                continue;
            }
            Node::Emph(c) => ("#emph[", c, "]"),
            Node::Strong(c) => ("#strong[", c, "]"),
            Node::StrongEmph(c) => ("#strong[#emph[", c, "]]"),
            Node::Note(c) => ("#footnote[", c, "]"),
        };
        out.push_str(pre);
        typst_nodes(inner, out);
        out.push_str(post);
    }
}

/// Footnotes nested in footnotes deeper than this are refused when the
/// document loads (`load::limits`); the parser ([`crate::inline`]) keeps
/// any deeper markup as text, so that the recursion is bounded whatever the
/// caller.
pub const MAX_NESTING: usize = 8;

/// How deep footnotes (`^[…]`) nest in `s`: 0 without footnotes, 1 for a
/// footnote, 2 for a footnote in a footnote. Linear in the length of `s`.
pub fn nesting(s: &str) -> usize {
    let mut open: Vec<bool> = Vec::new();
    let (mut depth, mut max) = (0usize, 0usize);
    let mut prev = '\0';
    let mut chars = s.chars();
    while let Some(c) = chars.next() {
        match c {
            '\\' => {
                chars.next();
                prev = '\0';
                continue;
            }
            '[' => {
                let note = prev == '^';
                open.push(note);
                if note {
                    depth += 1;
                    max = max.max(depth);
                }
            }
            ']' if open.pop() == Some(true) => depth -= 1,
            _ => {}
        }
        prev = c;
    }
    max
}

/// The minijinja environment with the layouts' templates and our filters.
pub fn environment() -> Environment<'static> {
    let mut env = Environment::new();
    env.set_undefined_behavior(UndefinedBehavior::SemiStrict);
    env.set_auto_escape_callback(|name| {
        if name.ends_with(".typ.j2") {
            AutoEscape::Custom(TYPST.into())
        } else {
            AutoEscape::None
        }
    });
    env.set_formatter(|out, state, value| {
        if !matches!(state.auto_escape(), AutoEscape::Custom(f) if f == TYPST) || value.is_safe() {
            return minijinja::escape_formatter(out, state, value);
        }
        let text = match value.kind() {
            ValueKind::Undefined | ValueKind::None => return Ok(()),
            // Numbers are data of our own model (widths, sizes) used in code.
            ValueKind::Number | ValueKind::Bool => {
                return out.write_str(&value.to_string()).map_err(Error::from)
            }
            ValueKind::Map | ValueKind::Seq => {
                return Err(Error::new(
                    ErrorKind::InvalidOperation,
                    "a list or map cannot be printed as text",
                ))
            }
            _ => value.to_string(),
        };
        out.write_str(&escape(&text)).map_err(Error::from)
    });
    for (name, source) in crate::assets::templates() {
        env.add_template(name, source)
            .expect("layouts are checked by tests");
    }
    env.add_filter("md", |s: &str| Value::from_safe_string(markup(s)));
    env.add_filter("tach_dieu", |s: &str| split_article(s));
    env.add_filter("typst_str", |s: &str| {
        Value::from_safe_string(escape_str(s))
    });
    crate::filters::add_date_filters(&mut env);
    env
}

/// What a template sees of a document: the data plus the values derived
/// from it (printed number, ký hiệu, date line, captions).
#[derive(Debug, Serialize)]
pub struct View<'a> {
    /// The kind key, e.g. `cong_van`.
    pub loai: String,
    /// True for a công văn (no type name, `V/v` subject).
    pub cong_van: bool,
    /// Parent body.
    pub co_quan_chu_quan: Option<&'a str>,
    /// Issuing body.
    pub co_quan: &'a str,
    /// Number as printed, empty for a draft.
    pub so: String,
    /// Full ký hiệu after the slash.
    pub ky_hieu: String,
    /// A Party document: its number line as printed, `Số 12-BC/ĐU`
    /// (`None` for a state document).
    pub so_dang: Option<String>,
    /// Place-and-date line.
    pub dong_ngay: String,
    /// Type name (empty for công văn).
    pub ten_loai: String,
    /// Subject.
    pub trich_yeu: Option<&'a str>,
    /// Urgency stamp text.
    pub do_khan: Option<&'static str>,
    /// Secrecy stamp text.
    pub do_mat: Option<&'static str>,
    /// Circulation note.
    pub luu_hanh: Option<&'a str>,
    /// Recipients, without trailing punctuation when there are several.
    pub kinh_gui: Vec<&'a str>,
    /// Caption under the title.
    pub chu_thich: Option<&'a str>,
    /// `(Kèm theo Quyết định số …)` caption of an attached document; such a
    /// document prints no number or date line.
    pub kem_theo: Option<String>,
    /// Line under the recipients.
    pub kinh_gui_ghi_chu: Option<&'a str>,
    /// Legal bases, without trailing punctuation.
    pub can_cu: Vec<&'a str>,
    /// Opening sentence citing the documents implemented (`thuc_hien`).
    pub mo_dau: Option<String>,
    /// Issuing authority line of a quyết định.
    pub tham_quyen: Option<&'a str>,
    /// Body blocks.
    pub noi_dung: &'a [Khoi],
    /// Signer.
    pub nguoi_ky: Option<&'a NguoiKy>,
    /// Second signer on the left: a biên bản's secretary (`thu_ky`) or a
    /// contract's other party (`ben_kia`).
    pub ky_trai: Option<&'a NguoiKy>,
    /// No number line: a thư công without `so` or `ky_hieu`.
    pub khong_so: bool,
    /// Nơi nhận lines: items without trailing punctuation, and group labels.
    pub noi_nhan: Vec<NoiNhanLine<'a>>,
    /// Appendices.
    pub phu_luc: Vec<PhuLucView<'a>>,
    /// Presentation options (`trinh_bay`), defaults filled in; `None`
    /// keeps the layout's defaults untouched.
    pub trinh_bay: Option<TrinhBayView>,
    /// PDF title (type name and subject).
    pub pdf_title: String,
    /// PDF subject: how another document would cite this one.
    pub pdf_subject: String,
}

/// Presentation options as the template sees them.
#[derive(Debug, Clone, Serialize)]
pub struct TrinhBayView {
    /// Body size (pt).
    pub co_chu: Option<f64>,
    /// Quốc hiệu size (pt).
    pub co_chu_quoc_hieu: Option<f64>,
    /// Tiêu ngữ size (pt).
    pub co_chu_tieu_ngu: Option<f64>,
    /// Issuer names' size (pt).
    pub co_chu_co_quan: Option<f64>,
    /// Date line size (pt).
    pub co_chu_ngay: Option<f64>,
    /// `V/v` size (pt).
    pub co_chu_vv: Option<f64>,
    /// Margins (mm), all four.
    pub le: Option<LeView>,
}

/// Page margins in mm.
#[derive(Debug, Clone, Serialize)]
pub struct LeView {
    /// Top.
    pub tren: f64,
    /// Bottom.
    pub duoi: f64,
    /// Left.
    pub trai: f64,
    /// Right.
    pub phai: f64,
}

fn trinh_bay(doc: &VanBan) -> Option<TrinhBayView> {
    let t = doc.trinh_bay.as_ref()?;
    Some(TrinhBayView {
        co_chu: t.co_chu,
        co_chu_quoc_hieu: t.co_chu_quoc_hieu,
        co_chu_tieu_ngu: t.co_chu_tieu_ngu,
        co_chu_co_quan: t.co_chu_co_quan,
        co_chu_ngay: t.co_chu_ngay,
        co_chu_vv: t.co_chu_vv,
        le: t.le.as_ref().map(|l| {
            let [tren, duoi, trai, phai] = l.mm();
            LeView {
                tren,
                duoi,
                trai,
                phai,
            }
        }),
    })
}

/// One line of Nơi nhận as the template sees it: a recipient (`muc`) or
/// the label of a group (`nhom`, e.g. `Bản điện tử`), both bare of the
/// punctuation the layout adds.
#[derive(Debug, Serialize)]
pub struct NoiNhanLine<'a> {
    /// A recipient.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub muc: Option<&'a str>,
    /// A group label.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub nhom: Option<&'a str>,
}

fn noi_nhan_lines(items: &[NoiNhan]) -> Vec<NoiNhanLine<'_>> {
    let mut out = Vec::new();
    for it in items {
        match it {
            NoiNhan::Muc(s) => out.push(NoiNhanLine {
                muc: Some(bare(s)),
                nhom: None,
            }),
            NoiNhan::Nhom(g) => {
                for (label, list) in g {
                    out.push(NoiNhanLine {
                        muc: None,
                        nhom: Some(label.trim().trim_end_matches(':').trim_end()),
                    });
                    out.extend(list.iter().map(|s| NoiNhanLine {
                        muc: Some(bare(s)),
                        nhom: None,
                    }));
                }
            }
        }
    }
    out
}

/// What a template sees of an appendix.
#[derive(Debug, Serialize)]
pub struct PhuLucView<'a> {
    /// Label line.
    pub nhan: Option<&'a str>,
    /// Title.
    pub tieu_de: Option<&'a str>,
    /// Caption `(Kèm theo …)`.
    pub kem_theo: Option<String>,
    /// Body blocks.
    pub noi_dung: &'a [Khoi],
    /// A complete form.
    pub mau: Option<Box<View<'a>>>,
}

/// Strips punctuation a user may have typed where the layout adds its own.
fn bare(s: &str) -> &str {
    s.trim().trim_end_matches([';', '.', ','])
}

impl<'a> View<'a> {
    /// Derives the template view of `doc`.
    pub fn new(doc: &'a VanBan) -> Self {
        let info = doc.loai.info();
        let dong_ngay = match (&doc.dong_ngay, &doc.ngay) {
            (Some(line), _) => line.clone(),
            (None, Some(d)) => format!("{}, {}", doc.dia_danh, d.dai()),
            (None, None) => String::new(),
        };
        let ten_loai = doc.ten_loai.clone().unwrap_or_else(|| info.ten.to_owned());
        let pdf_title = match (&doc.trich_yeu, ten_loai.is_empty()) {
            (Some(t), true) => format!("{} V/v {t}", info.ten_thuong),
            (Some(t), false) => format!("{} {t}", info.ten_thuong),
            (None, _) => ten_loai.clone(),
        };
        View {
            loai: doc.loai.key(),
            cong_van: info.ten.is_empty(),
            co_quan_chu_quan: doc.co_quan_chu_quan.as_deref(),
            co_quan: &doc.co_quan,
            so: doc.so_in(),
            ky_hieu: doc.ky_hieu_day_du(),
            so_dang: doc.dang.then(|| {
                let abbr = info.viet_tat;
                let abbr = if abbr.is_empty() {
                    String::new()
                } else {
                    format!("-{abbr}")
                };
                format!("{}{abbr}/{}", doc.so_in(), doc.ky_hieu_dang())
            }),
            dong_ngay,
            ten_loai,
            trich_yeu: doc.trich_yeu.as_deref(),
            do_khan: doc.do_khan.map(|k| k.label()),
            do_mat: doc.do_mat.map(|k| k.label()),
            luu_hanh: doc.luu_hanh.as_deref(),
            kinh_gui: match doc.kinh_gui.as_slice() {
                [one] => vec![one.as_str()],
                many => many.iter().map(|s| bare(s)).collect(),
            },
            chu_thich: doc.chu_thich.as_deref(),
            kem_theo: match &doc.kem_theo {
                Some(KemTheo::Chu(s)) => Some(s.clone()),
                // An appendix in its own file cites its document from its
                // own number, date and issuer.
                None if doc.loai == Loai::PhuLuc => Some(kem_theo_van_ban(doc)),
                _ => None,
            },
            kinh_gui_ghi_chu: doc.kinh_gui_ghi_chu.as_deref(),
            can_cu: doc.can_cu.iter().map(|s| bare(s)).collect(),
            mo_dau: (!doc.thuc_hien.is_empty()).then(|| {
                let tail = doc.mo_dau.clone().unwrap_or_else(|| ".".into());
                format!("Thực hiện {}{tail}", doc.thuc_hien.join("; "))
            }),
            tham_quyen: doc.tham_quyen.as_deref(),
            noi_dung: &doc.noi_dung,
            nguoi_ky: doc.nguoi_ky.as_ref(),
            ky_trai: doc.thu_ky.as_ref().or(doc.ben_kia.as_ref()),
            khong_so: doc.loai == Loai::ThuCong && doc.so_in().is_empty() && doc.ky_hieu.is_none(),
            noi_nhan: noi_nhan_lines(&doc.noi_nhan),
            phu_luc: doc
                .phu_luc
                .iter()
                .map(|p| PhuLucView {
                    nhan: p.nhan.as_deref(),
                    tieu_de: p.tieu_de.as_deref(),
                    kem_theo: match &p.kem_theo {
                        Some(KemTheo::Chu(s)) => Some(s.clone()),
                        Some(KemTheo::Tu(true)) => Some(kem_theo(doc)),
                        _ => None,
                    },
                    noi_dung: &p.noi_dung,
                    // A form is laid out on the pages of this document.
                    mau: p.mau.as_deref().map(|m| {
                        let mut v = View::new(m);
                        v.trinh_bay = trinh_bay(doc);
                        if matches!(m.kem_theo, Some(KemTheo::Tu(true))) {
                            v.kem_theo = Some(kem_theo(doc));
                        }
                        Box::new(v)
                    }),
                })
                .collect(),
            trinh_bay: trinh_bay(doc),
            pdf_title: pdf_title.split_whitespace().collect::<Vec<_>>().join(" "),
            pdf_subject: citation(doc)
                .split_whitespace()
                .collect::<Vec<_>>()
                .join(" "),
        }
    }
}

/// Splits `Điều 1. Phạm vi` into the bold label `Điều 1.` and the rest.
pub fn split_article(s: &str) -> Vec<String> {
    let t = s.trim_start();
    if t.starts_with("Điều") {
        if let Some(i) = t.find('.') {
            return vec![t[..=i].to_owned(), t[i + 1..].trim_start().to_owned()];
        }
    }
    vec![String::new(), s.to_owned()]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escape_backslashes_every_markup_character() {
        assert_eq!(escape("#x *đậm* 1. a_b"), "\\#x \\*đậm\\* 1\\. a\\_b");
        assert_eq!(escape("a\nb"), "a#linebreak()b");
    }

    #[test]
    fn markup_bold_italic_and_literal_stars() {
        assert_eq!(markup("**đậm**"), "#strong[đậm]");
        assert_eq!(markup("*nghiêng*"), "#emph[nghiêng]");
        assert_eq!(markup("***cả hai.***"), "#strong[#emph[cả hai\\.]]");
        assert_eq!(markup("a * b"), "a \\* b");
        assert_eq!(markup("\\*x\\*"), "\\*x\\*");
        assert_eq!(markup("**a *b* c**"), "#strong[a #emph[b] c]");
        assert_eq!(markup("**không đóng"), "\\*\\*không đóng");
        assert_eq!(
            markup("Bộ GD&ĐT^[Đánh giá *các* cấp [2017].] xong"),
            "Bộ GD\\&ĐT#footnote[Đánh giá #emph[các] cấp \\[2017\\]\\.] xong"
        );
        assert_eq!(markup("a^[#x]"), "a#footnote[\\#x]");
        assert_eq!(markup("a^[mở"), "a\\^\\[mở");
        assert_eq!(markup("\\^[x]"), "\\^\\[x\\]");
        assert_eq!(nesting("a^[b^[c] [d]]^[e]"), 2);
        assert_eq!(nesting("\\^[x] [y]"), 0);
        // Deep nesting is bounded (no stack overflow), whatever the caller.
        let deep = format!("{}x{}", "^[".repeat(20_000), "]".repeat(20_000));
        assert_eq!(nesting(&deep), 20_000);
        assert!(markup(&deep).len() > 20_000);
        assert_eq!(markup("x^2"), "x\\^2");
    }

    #[test]
    fn string_literal_escape() {
        assert_eq!(escape_str("a\"b\\c"), "\"a\\\"b\\\\c\"");
    }

    #[test]
    fn every_template_parses() {
        let env = environment();
        for (name, _) in crate::assets::templates() {
            env.get_template(name).unwrap();
        }
    }
}
