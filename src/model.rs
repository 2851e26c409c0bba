//! The document model: the YAML vocabulary as typed Rust values.
//!
//! Keys follow the terms of Nghị định 30/2020/NĐ-CP without diacritics
//! (`co_quan`, `so`, `ky_hieu`, `trich_yeu`, …). Every struct denies unknown
//! keys so that a typo is an error with a location, never a silent omission.

use std::fmt;

use schemars::JsonSchema;
use serde::de::{self, Deserializer, MapAccess, SeqAccess, Visitor};
use serde::{Deserialize, Serialize};

use crate::vndate::Ngay;

/// One official document (văn bản hành chính).
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct VanBan {
    /// Path of a parent document (relative to this file) whose keys this one
    /// inherits and overrides. Handled by the loader before typing.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub extends: Option<String>,
    /// Free variables usable in any text as `{{ bien.name }}` or `{{ name }}`.
    #[serde(default, skip_serializing_if = "serde_yaml::Mapping::is_empty")]
    #[schemars(with = "std::collections::BTreeMap<String, serde_json::Value>")]
    pub bien: serde_yaml::Mapping,
    /// Document kind (tên loại văn bản): `cong_van`, `ke_hoach`, `huong_dan`, …
    pub loai: Loai,
    /// Parent body (cơ quan chủ quản), upper case, e.g. `UBND HUYỆN THỦ THỪA`.
    /// A line break (`\n`) may be given to choose where a long name wraps.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub co_quan_chu_quan: Option<String>,
    /// Issuing body (cơ quan ban hành), upper case, e.g. `PHÒNG GIÁO DỤC VÀ ĐÀO TẠO`.
    #[serde(default)]
    pub co_quan: String,
    /// The issuing body's full name in normal case, used when another document
    /// cites this one (`của Ủy ban nhân dân huyện Thủ Thừa`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ten_co_quan: Option<String>,
    /// Register number (số). Empty or absent: a draft awaiting registration,
    /// printed as a visible gap. Numbers below 10 get a leading zero.
    #[serde(
        default,
        deserialize_with = "de_opt_text",
        skip_serializing_if = "Option::is_none"
    )]
    #[schemars(with = "Option<String>")]
    pub so: Option<String>,
    /// Symbol (ký hiệu) after the slash. The type part comes from the kind
    /// (`VHTT` on a hướng dẫn prints `HD-VHTT`) unless it is already given
    /// (`HD-VHTT`). Công văn have no type part.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ky_hieu: Option<String>,
    /// Place name (địa danh) of the date line, e.g. `Thủ Thừa`.
    #[serde(default)]
    pub dia_danh: String,
    /// Date of issue: `2023-10-02` or `02/10/2023`; a draft may leave the day
    /// (`2023-10`, `10/2023`) or day and month (`2023`) blank.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(with = "Option<String>")]
    pub ngay: Option<Ngay>,
    /// The whole place-and-date line written literally, for blank forms
    /// (`....., ngày.....tháng.....năm 2022`). Replaces `dia_danh` and `ngay`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub dong_ngay: Option<String>,
    /// Type name override (tên loại), e.g. `BÁO CÁO VIỆC TỔ CHỨC…`. Defaults to
    /// the kind's name (`KẾ HOẠCH`); công văn have none.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ten_loai: Option<String>,
    /// Subject line (trích yếu). For a công văn it is printed as `V/v …` under
    /// the number; otherwise bold under the type name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub trich_yeu: Option<String>,
    /// A document issued with another one, such as a quy định attached to
    /// a quyết định: the caption `(Kèm theo Quyết định số … ngày … của …)`
    /// under the title, above its rule (NĐ30 Phụ lục III, after Mẫu 1.3). A path to that document's
    /// YAML builds it; inside `phu_luc: - mau:`, `true` builds it from the
    /// enclosing document; other text is printed as written. Such a
    /// document has no number or date line of its own.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub kem_theo: Option<KemTheo>,
    /// An italic caption under the title, e.g. a form's
    /// `(Kèm theo Công văn số…, ngày…)` line, printed as written.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub chu_thich: Option<String>,
    /// Urgency mark (độ khẩn): `khan`, `thuong_khan` or `hoa_toc`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub do_khan: Option<DoKhan>,
    /// Secrecy mark (độ mật): `mat`, `toi_mat` or `tuyet_mat`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub do_mat: Option<DoMat>,
    /// Circulation note (phạm vi lưu hành), e.g. `LƯU HÀNH NỘI BỘ`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub luu_hanh: Option<String>,
    /// Recipients (kính gửi): one string, or a list. One recipient stays on
    /// the `Kính gửi:` line; several become `- …;` lines, the last ending `.`.
    #[serde(
        default,
        deserialize_with = "de_one_or_many",
        skip_serializing_if = "Vec::is_empty"
    )]
    #[schemars(with = "Vec<String>")]
    pub kinh_gui: Vec<String>,
    /// A line under the recipients, e.g. `(qua Phòng Giáo dục Thường xuyên)`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub kinh_gui_ghi_chu: Option<String>,
    /// Legal bases (căn cứ) of a quyết định, italic, one per line; the layout
    /// adds `;` and the final `.`.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub can_cu: Vec<String>,
    /// Documents this one implements (thực hiện): paths of other YAML
    /// documents or plain citations. They open the body as one sentence.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub thuc_hien: Vec<String>,
    /// Continuation of the opening sentence after the `thuc_hien` citations,
    /// e.g. `, Phòng Giáo dục và Đào tạo hướng dẫn … như sau:`. Default `.`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub mo_dau: Option<String>,
    /// Authority line of a quyết định under its type name, e.g.
    /// `CHỦ TỊCH ỦY BAN NHÂN DÂN HUYỆN HIỆP HÒA`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tham_quyen: Option<String>,
    /// Body (nội dung): a list of blocks, see [`Khoi`].
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub noi_dung: Vec<Khoi>,
    /// Signer (người ký).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub nguoi_ky: Option<NguoiKy>,
    /// Recipients for information (nơi nhận), without trailing punctuation:
    /// the layout ends each with `;` and the last (`Lưu: VT, …`) with `.`.
    /// An item may be a group with a label, e.g. `Bản điện tử: [A, B]`.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub noi_nhan: Vec<NoiNhan>,
    /// Appendices (phụ lục) and attached forms (mẫu), each on a new page.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub phu_luc: Vec<PhuLuc>,
    /// Presentation (trình bày): body size, the header's size pair and the
    /// page margins, within the ranges NĐ30 allows. Absent: the defaults.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub trinh_bay: Option<TrinhBay>,
}

/// Presentation choices NĐ30 leaves to the issuer (Phụ lục I, Mục I–II).
#[derive(Debug, Clone, Default, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct TrinhBay {
    /// Body text size in pt, 13 to 14 (default 14).
    #[serde(
        default,
        deserialize_with = "de_co_chu",
        skip_serializing_if = "Option::is_none"
    )]
    pub co_chu: Option<f64>,
    /// The header's size pair, by the Quốc hiệu's size: 12 (Tiêu ngữ and
    /// date line 13, the default) or 13 (Tiêu ngữ and date line 14).
    #[serde(
        default,
        deserialize_with = "de_co_chu_quoc_hieu",
        skip_serializing_if = "Option::is_none"
    )]
    pub co_chu_quoc_hieu: Option<f64>,
    /// Page margins in mm; each one left out keeps its default.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub le: Option<Le>,
}

/// Page margins (lề) in mm: top and bottom 20–25, left 30–35, right 15–20.
#[derive(Debug, Clone, Default, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Le {
    /// Top margin, 20–25 mm (default 20).
    #[serde(
        default,
        deserialize_with = "de_le_doc",
        skip_serializing_if = "Option::is_none"
    )]
    pub tren: Option<f64>,
    /// Bottom margin, 20–25 mm (default 20).
    #[serde(
        default,
        deserialize_with = "de_le_doc",
        skip_serializing_if = "Option::is_none"
    )]
    pub duoi: Option<f64>,
    /// Left margin, 30–35 mm (default 30).
    #[serde(
        default,
        deserialize_with = "de_le_trai",
        skip_serializing_if = "Option::is_none"
    )]
    pub trai: Option<f64>,
    /// Right margin, 15–20 mm (default 15).
    #[serde(
        default,
        deserialize_with = "de_le_phai",
        skip_serializing_if = "Option::is_none"
    )]
    pub phai: Option<f64>,
}

impl Le {
    /// The default margins of vanban (mm): top, bottom, left, right.
    pub const DEFAULT: [f64; 4] = [20.0, 20.0, 30.0, 15.0];

    /// Top, bottom, left and right margins with defaults filled in.
    pub fn mm(&self) -> [f64; 4] {
        let d = Self::DEFAULT;
        [
            self.tren.unwrap_or(d[0]),
            self.duoi.unwrap_or(d[1]),
            self.trai.unwrap_or(d[2]),
            self.phai.unwrap_or(d[3]),
        ]
    }
}

fn in_range<'de, D: Deserializer<'de>>(
    d: D,
    lo: f64,
    hi: f64,
    what: &str,
) -> Result<Option<f64>, D::Error> {
    let v = f64::deserialize(d)?;
    if (lo..=hi).contains(&v) {
        Ok(Some(v))
    } else {
        Err(de::Error::custom(format!(
            "{what}: {v} is outside the range NĐ30 allows, {lo}–{hi}"
        )))
    }
}

fn de_co_chu<'de, D: Deserializer<'de>>(d: D) -> Result<Option<f64>, D::Error> {
    in_range(d, 13.0, 14.0, "body size `co_chu` (pt)")
}

fn de_co_chu_quoc_hieu<'de, D: Deserializer<'de>>(d: D) -> Result<Option<f64>, D::Error> {
    let v = f64::deserialize(d)?;
    if v == 12.0 || v == 13.0 {
        Ok(Some(v))
    } else {
        Err(de::Error::custom(format!(
            "`co_chu_quoc_hieu`: {v} pt; NĐ30 pairs a Quốc hiệu of 12 pt (Tiêu ngữ 13) or 13 pt (Tiêu ngữ 14)"
        )))
    }
}

fn de_le_doc<'de, D: Deserializer<'de>>(d: D) -> Result<Option<f64>, D::Error> {
    in_range(d, 20.0, 25.0, "top and bottom margins (mm)")
}

fn de_le_trai<'de, D: Deserializer<'de>>(d: D) -> Result<Option<f64>, D::Error> {
    in_range(d, 30.0, 35.0, "left margin `trai` (mm)")
}

fn de_le_phai<'de, D: Deserializer<'de>>(d: D) -> Result<Option<f64>, D::Error> {
    in_range(d, 15.0, 20.0, "right margin `phai` (mm)")
}

/// The signer (ô 7).
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct NguoiKy {
    /// Authority lines (quyền hạn): `KT. GIÁM ĐỐC`, or a list for the
    /// three-line case (`[TM. BAN CHỈ ĐẠO, KT. TRƯỞNG BAN]`).
    #[serde(default, deserialize_with = "de_one_or_many")]
    #[schemars(with = "Vec<String>")]
    pub quyen_han: Vec<String>,
    /// Position of the signer (chức vụ), upper case, e.g. `PHÓ GIÁM ĐỐC`.
    #[serde(default)]
    pub chuc_vu: String,
    /// Instruction in the signature space, e.g. `(ký tên và đóng dấu)`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ghi_chu: Option<String>,
    /// A title printed above the name, e.g. `TRƯỞNG PHÒNG GD&ĐT`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub chuc_danh: Option<String>,
    /// Full name (họ tên), bold, without academic titles.
    #[serde(default)]
    pub ho_ten: String,
    /// Image of the handwritten signature (chữ ký): a PNG, JPG or SVG file,
    /// relative to the document, inside its project folder. Centred in the
    /// space between the position and the name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub chu_ky: Option<String>,
    /// Image of the seal (dấu): a PNG, JPG or SVG file, printed 35 mm wide
    /// (`dau_rong` to change) over the left part of the signature.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub dau: Option<String>,
    /// Width of the seal image in mm, its real size (default 35).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub dau_rong: Option<f64>,
}

/// One entry of Nơi nhận: a recipient, or a labelled group of recipients
/// (`Bản điện tử:` followed by its own `- …;` lines).
#[derive(Debug, Clone, Serialize, JsonSchema)]
#[serde(untagged)]
pub enum NoiNhan {
    /// A recipient, e.g. `UBND huyện (b/c)` or `Lưu: VT, GDTX`.
    Muc(String),
    /// A group: one key, its label (`Bản điện tử`), holding its recipients.
    Nhom(std::collections::BTreeMap<String, Vec<String>>),
}

impl NoiNhan {
    /// The recipients of this entry (one, or the group's).
    pub fn items(&self) -> Vec<&str> {
        match self {
            NoiNhan::Muc(s) => vec![s.as_str()],
            NoiNhan::Nhom(g) => g.values().flatten().map(String::as_str).collect(),
        }
    }
}

impl<'de> Deserialize<'de> for NoiNhan {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl<'de> Visitor<'de> for V {
            type Value = NoiNhan;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a recipient (text) or a group such as `Bản điện tử: [ … ]`")
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<NoiNhan, E> {
                Ok(NoiNhan::Muc(v.to_owned()))
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<NoiNhan, A::Error> {
                let Some((label, value)) = map.next_entry::<String, serde_yaml::Value>()? else {
                    return Err(de::Error::custom(
                        "an empty group: write `Bản điện tử:` with its recipients under it",
                    ));
                };
                if map.next_key::<String>()?.is_some() {
                    return Err(de::Error::custom(
                        "a Nơi nhận group has one label (`Bản điện tử:`) with its list under it; start another group as a new item",
                    ));
                }
                let items = match value {
                    // `- Lưu: VT, GDTX` written without quotes is one item.
                    serde_yaml::Value::String(s) => {
                        return Ok(NoiNhan::Muc(format!("{label}: {s}")))
                    }
                    serde_yaml::Value::Number(n) => {
                        return Ok(NoiNhan::Muc(format!("{label}: {n}")))
                    }
                    v => Vec::<String>::deserialize(v).map_err(|e| {
                        de::Error::custom(format!(
                            "group `{label}`: expected a list of recipients ({e})"
                        ))
                    })?,
                };
                Ok(NoiNhan::Nhom([(label, items)].into_iter().collect()))
            }
        }
        d.deserialize_any(V)
    }
}

/// An appendix (phụ lục) or attached form (mẫu).
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct PhuLuc {
    /// Label on the first line, e.g. `Phụ lục I` or `MẪU BC`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub nhan: Option<String>,
    /// Title, bold upper case, centred.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tieu_de: Option<String>,
    /// Caption under the title: `true` builds `(Kèm theo Công văn số … ngày
    /// … của …)` from this document; a string is printed as written.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub kem_theo: Option<KemTheo>,
    /// Body blocks of the appendix.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub noi_dung: Vec<Khoi>,
    /// A complete form with its own header, number, date, body and signer.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub mau: Option<Box<VanBan>>,
}

/// The caption of an appendix: generated (`true`) or literal text.
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(untagged)]
pub enum KemTheo {
    /// `true` builds the caption from the document; `false` omits it.
    Tu(bool),
    /// Literal caption text.
    Chu(String),
}

/// One block of body text.
///
/// In YAML a plain string is a paragraph; every other block is a map with
/// one key naming its type.
#[derive(Debug, Clone, Serialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Khoi {
    /// Paragraph (đoạn): justified, first line indented. `**bold**`,
    /// `*italic*` and `***both***` mark inline styles.
    Doan(String),
    /// Section heading (mục) as numbered in the data: `I. MỤC ĐÍCH, YÊU CẦU`.
    Muc(String),
    /// Titled clause (khoản), bold: `1. Mục đích`.
    Khoan(String),
    /// Titled point (điểm), regular: `a) Thời gian tổ chức`.
    Diem(String),
    /// Article of a quyết định: `Điều 1. …`; the `Điều N.` label is bold.
    Dieu(String),
    /// Items printed with a leading `- `.
    Gach(Vec<String>),
    /// Items printed with a leading `+ `.
    Cong(Vec<String>),
    /// A centred line, e.g. the theme of the year.
    Giua(String),
    /// A centred bold title, e.g. inside an appendix.
    TieuDe(String),
    /// A paragraph without first-line indent (a note, a signature line).
    Ghi(String),
    /// A table.
    Bang(Bang),
    /// `true` starts a new page.
    NgatTrang(bool),
}

/// The YAML form of the non-paragraph blocks.
#[derive(Deserialize)]
#[serde(rename_all = "snake_case", deny_unknown_fields)]
enum KhoiMap {
    Doan(String),
    Muc(String),
    Khoan(String),
    Diem(String),
    Dieu(String),
    Gach(Vec<String>),
    Cong(Vec<String>),
    Giua(String),
    TieuDe(String),
    Ghi(String),
    Bang(Bang),
    NgatTrang(bool),
}

impl From<KhoiMap> for Khoi {
    fn from(m: KhoiMap) -> Self {
        match m {
            KhoiMap::Doan(s) => Khoi::Doan(s),
            KhoiMap::Muc(s) => Khoi::Muc(s),
            KhoiMap::Khoan(s) => Khoi::Khoan(s),
            KhoiMap::Diem(s) => Khoi::Diem(s),
            KhoiMap::Dieu(s) => Khoi::Dieu(s),
            KhoiMap::Gach(v) => Khoi::Gach(v),
            KhoiMap::Cong(v) => Khoi::Cong(v),
            KhoiMap::Giua(s) => Khoi::Giua(s),
            KhoiMap::TieuDe(s) => Khoi::TieuDe(s),
            KhoiMap::Ghi(s) => Khoi::Ghi(s),
            KhoiMap::Bang(b) => Khoi::Bang(b),
            KhoiMap::NgatTrang(b) => Khoi::NgatTrang(b),
        }
    }
}

impl<'de> Deserialize<'de> for Khoi {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl<'de> Visitor<'de> for V {
            type Value = Khoi;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str(
                    "a paragraph (text) or a block such as `muc:`, `khoan:`, `gach:`, `bang:`",
                )
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<Khoi, E> {
                Ok(Khoi::Doan(v.to_owned()))
            }
            fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<Khoi, A::Error> {
                KhoiMap::deserialize(de::value::MapAccessDeserializer::new(map)).map(Khoi::from)
            }
        }
        d.deserialize_any(V)
    }
}

/// A table (bảng): header row bold and repeated on every page.
///
/// Cells are texts or numbers (`12`, `8.5` are printed as YAML reads
/// them). Every row must have as many cells as the header (`dau`), or as
/// `cot` has widths: a row that does not is an error at that row.
#[derive(Debug, Clone, Serialize, JsonSchema)]
pub struct Bang {
    /// Relative column widths, e.g. `[1, 2, 5, 3, 1]`; equal if absent.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub cot: Vec<f64>,
    /// Horizontal alignment per column: `trai` (left), `giua` (centre), `phai`.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub can: Vec<CanLe>,
    /// Header cells (tiêu đề cột), bold.
    #[serde(default)]
    #[schemars(with = "Vec<ONhap>")]
    pub dau: Vec<String>,
    /// Rows (dòng) of cells; `\n` breaks a line inside a cell.
    #[serde(default)]
    #[schemars(with = "Vec<Vec<ONhap>>")]
    pub dong: Vec<Vec<String>>,
    /// Font size of the cells in pt (default 13).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub co_chu: Option<f64>,
}

/// What a table cell may hold in YAML (for the JSON Schema).
#[derive(JsonSchema)]
#[serde(untagged)]
#[allow(dead_code)]
enum ONhap {
    /// Text.
    Chu(String),
    /// A number, printed as YAML reads it.
    So(f64),
}

const BANG_FIELDS: &[&str] = &["cot", "can", "dau", "dong", "co_chu"];

/// One cell: a text, a number (kept as written by YAML) or empty (`~`).
struct O(String);

impl<'de> Deserialize<'de> for O {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl Visitor<'_> for V {
            type Value = O;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a cell: a text or a number")
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<O, E> {
                Ok(O(v.to_owned()))
            }
            fn visit_u64<E: de::Error>(self, v: u64) -> Result<O, E> {
                Ok(O(v.to_string()))
            }
            fn visit_i64<E: de::Error>(self, v: i64) -> Result<O, E> {
                Ok(O(v.to_string()))
            }
            fn visit_f64<E: de::Error>(self, v: f64) -> Result<O, E> {
                // `{:?}` keeps the decimal point of `2.0`.
                Ok(O(format!("{v:?}")))
            }
            fn visit_unit<E: de::Error>(self) -> Result<O, E> {
                Ok(O(String::new()))
            }
        }
        d.deserialize_any(V)
    }
}

fn cells(v: Vec<O>) -> Vec<String> {
    v.into_iter().map(|c| c.0).collect()
}

/// The rows of a table, each checked to have `want` cells (when known).
struct Rows {
    want: Option<(usize, &'static str)>,
}

impl<'de> de::DeserializeSeed<'de> for Rows {
    type Value = Vec<Vec<String>>;
    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<Self::Value, D::Error> {
        d.deserialize_seq(self)
    }
}

impl<'de> Visitor<'de> for Rows {
    type Value = Vec<Vec<String>>;
    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a list of rows, each a list of cells")
    }
    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Self::Value, A::Error> {
        let mut out = Vec::new();
        while let Some(row) = seq.next_element_seed(Row {
            want: self.want,
            n: out.len() + 1,
        })? {
            out.push(row);
        }
        Ok(out)
    }
}

/// One row; an error raised here is located by serde_yaml at the row.
struct Row {
    want: Option<(usize, &'static str)>,
    n: usize,
}

impl<'de> de::DeserializeSeed<'de> for Row {
    type Value = Vec<String>;
    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<Self::Value, D::Error> {
        d.deserialize_seq(self)
    }
}

impl<'de> Visitor<'de> for Row {
    type Value = Vec<String>;
    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a row: a list of cells")
    }
    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Self::Value, A::Error> {
        let mut out = Vec::new();
        while let Some(c) = seq.next_element::<O>()? {
            out.push(c.0);
        }
        match self.want {
            Some((want, from)) if out.len() != want => Err(de::Error::custom(row_message(
                self.n,
                out.len(),
                want,
                from,
            ))),
            _ => Ok(out),
        }
    }
}

fn row_message(n: usize, got: usize, want: usize, from: &str) -> String {
    format!("row {n} of the table has {got} cells, expected {want} (as many as {from})")
}

impl<'de> Deserialize<'de> for Bang {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl<'de> Visitor<'de> for V {
            type Value = Bang;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a table: `dau` (header cells) and `dong` (rows)")
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Bang, A::Error> {
                let (mut cot, mut can, mut dau, mut dong, mut co_chu) =
                    (None, None, None, None::<Vec<Vec<String>>>, None);
                while let Some(key) = map.next_key::<String>()? {
                    match key.as_str() {
                        "cot" => {
                            let w = map.next_value::<Vec<Positive>>()?;
                            cot = Some(w.into_iter().map(|p| p.0).collect::<Vec<f64>>());
                        }
                        "can" => can = Some(map.next_value::<Vec<CanLe>>()?),
                        "dau" => dau = Some(cells(map.next_value::<Vec<O>>()?)),
                        "co_chu" => co_chu = map.next_value::<Option<Positive>>()?.map(|p| p.0),
                        "dong" => {
                            // Rows written after `dau` or `cot` are checked
                            // one by one, so that the error points at the row.
                            let want = columns(dau.as_deref(), cot.as_deref());
                            dong = Some(map.next_value_seed(Rows { want })?);
                        }
                        other => return Err(de::Error::unknown_field(other, BANG_FIELDS)),
                    }
                }
                let (dau, dong) = (dau.unwrap_or_default(), dong.unwrap_or_default());
                let cot: Vec<f64> = cot.unwrap_or_default();
                if !dau.is_empty() && !cot.is_empty() && dau.len() != cot.len() {
                    return Err(de::Error::custom(format!(
                        "the table has {} header cells (`dau`) but {} column widths (`cot`)",
                        dau.len(),
                        cot.len()
                    )));
                }
                let can: Vec<CanLe> = can.unwrap_or_default();
                if let Some((want, from)) = columns(Some(&dau), Some(&cot)) {
                    if !can.is_empty() && can.len() != want {
                        return Err(de::Error::custom(format!(
                            "the table has {} alignments (`can`) for {want} columns (as many as {from})",
                            can.len()
                        )));
                    }
                }
                // Rows written before `dau`/`cot`: checked here, less precisely.
                if let Some((want, from)) = columns(Some(&dau), Some(&cot)) {
                    if let Some((i, r)) = dong.iter().enumerate().find(|(_, r)| r.len() != want) {
                        return Err(de::Error::custom(row_message(i + 1, r.len(), want, from)));
                    }
                }
                Ok(Bang {
                    cot,
                    can,
                    dau,
                    dong,
                    co_chu,
                })
            }
        }
        d.deserialize_map(V)
    }
}

/// A number that must be finite and above zero (a width, a size): `.nan`,
/// `.inf`, `0` and negatives are refused where they are written.
struct Positive(f64);

impl<'de> Deserialize<'de> for Positive {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let v = f64::deserialize(d)?;
        if v.is_finite() && v > 0.0 {
            Ok(Positive(v))
        } else {
            Err(de::Error::custom(format!(
                "`{v}` is not a usable number here: expected a number above 0"
            )))
        }
    }
}

/// The number of columns a table declares, and where it comes from.
fn columns(dau: Option<&[String]>, cot: Option<&[f64]>) -> Option<(usize, &'static str)> {
    match (dau, cot) {
        (Some(h), _) if !h.is_empty() => Some((h.len(), "the header `dau`")),
        (_, Some(c)) if !c.is_empty() => Some((c.len(), "the widths `cot`")),
        _ => None,
    }
}

/// Horizontal alignment of a table column.
#[derive(Debug, Clone, Copy, Deserialize, Serialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum CanLe {
    /// Left.
    Trai,
    /// Centred.
    Giua,
    /// Right.
    Phai,
}

/// Urgency (độ khẩn).
#[derive(Debug, Clone, Copy, Deserialize, Serialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum DoKhan {
    /// KHẨN
    Khan,
    /// THƯỢNG KHẨN
    ThuongKhan,
    /// HỎA TỐC
    HoaToc,
}

impl DoKhan {
    /// The stamp text.
    pub fn label(self) -> &'static str {
        match self {
            DoKhan::Khan => "KHẨN",
            DoKhan::ThuongKhan => "THƯỢNG KHẨN",
            DoKhan::HoaToc => "HỎA TỐC",
        }
    }
}

/// Secrecy (độ mật).
#[derive(Debug, Clone, Copy, Deserialize, Serialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum DoMat {
    /// MẬT
    Mat,
    /// TỐI MẬT
    ToiMat,
    /// TUYỆT MẬT
    TuyetMat,
}

impl DoMat {
    /// The stamp text.
    pub fn label(self) -> &'static str {
        match self {
            DoMat::Mat => "MẬT",
            DoMat::ToiMat => "TỐI MẬT",
            DoMat::TuyetMat => "TUYỆT MẬT",
        }
    }
}

/// Document kinds. Adding one means a variant here, a row in
/// [`Loai::info`] and a template `layouts/<template>.typ.j2`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Loai {
    /// Công văn: no type name, `V/v` subject under the number.
    CongVan,
    /// Kế hoạch (KH).
    KeHoach,
    /// Hướng dẫn (HD).
    HuongDan,
    /// Báo cáo (BC).
    BaoCao,
    /// Quyết định (QĐ), with `Căn cứ` preamble and `Điều` articles.
    QuyetDinh,
    /// Thông báo (TB).
    ThongBao,
    /// Tờ trình (TTr).
    ToTrinh,
    /// Giấy mời (GM).
    GiayMoi,
    /// Chương trình (CTr).
    ChuongTrinh,
    /// Quy định (QyĐ).
    QuyDinh,
}

/// Fixed facts about a kind, from Phụ lục III of NĐ30.
#[derive(Debug, Clone, Copy)]
pub struct LoaiInfo {
    /// Type name printed above the subject (`KẾ HOẠCH`); empty for công văn.
    pub ten: &'static str,
    /// Type name in normal case, for citations (`Kế hoạch`).
    pub ten_thuong: &'static str,
    /// Abbreviation in the ký hiệu (`KH`); empty for công văn.
    pub viet_tat: &'static str,
    /// Template file under `layouts/`.
    pub template: &'static str,
}

impl Loai {
    /// Every kind, for listings and error messages.
    pub const ALL: [Loai; 10] = [
        Loai::CongVan,
        Loai::KeHoach,
        Loai::HuongDan,
        Loai::BaoCao,
        Loai::QuyetDinh,
        Loai::ThongBao,
        Loai::ToTrinh,
        Loai::GiayMoi,
        Loai::ChuongTrinh,
        Loai::QuyDinh,
    ];

    /// Facts about this kind.
    pub fn info(self) -> LoaiInfo {
        let (ten, ten_thuong, viet_tat, template) = match self {
            Loai::CongVan => ("", "Công văn", "", "cong-van.typ.j2"),
            Loai::KeHoach => ("KẾ HOẠCH", "Kế hoạch", "KH", "van-ban.typ.j2"),
            Loai::HuongDan => ("HƯỚNG DẪN", "Hướng dẫn", "HD", "van-ban.typ.j2"),
            Loai::BaoCao => ("BÁO CÁO", "Báo cáo", "BC", "van-ban.typ.j2"),
            Loai::QuyetDinh => ("QUYẾT ĐỊNH", "Quyết định", "QĐ", "quyet-dinh.typ.j2"),
            Loai::ThongBao => ("THÔNG BÁO", "Thông báo", "TB", "van-ban.typ.j2"),
            Loai::ToTrinh => ("TỜ TRÌNH", "Tờ trình", "TTr", "van-ban.typ.j2"),
            Loai::GiayMoi => ("GIẤY MỜI", "Giấy mời", "GM", "van-ban.typ.j2"),
            Loai::ChuongTrinh => ("CHƯƠNG TRÌNH", "Chương trình", "CTr", "van-ban.typ.j2"),
            Loai::QuyDinh => ("QUY ĐỊNH", "Quy định", "QyĐ", "van-ban.typ.j2"),
        };
        LoaiInfo {
            ten,
            ten_thuong,
            viet_tat,
            template,
        }
    }

    /// The YAML name of this kind (`cong_van`).
    pub fn key(self) -> String {
        serde_yaml::to_string(&self)
            .unwrap_or_default()
            .trim()
            .to_owned()
    }
}

impl VanBan {
    /// The full ký hiệu after the slash, with the kind's type part added
    /// when the data does not already carry it.
    pub fn ky_hieu_day_du(&self) -> String {
        let abbr = self.loai.info().viet_tat;
        let given = self.ky_hieu.as_deref().unwrap_or("").trim();
        if abbr.is_empty() || given == abbr || given.starts_with(&format!("{abbr}-")) {
            given.to_owned()
        } else if given.is_empty() {
            abbr.to_owned()
        } else {
            format!("{abbr}-{given}")
        }
    }

    /// The register number as printed: `05` for 5, empty for a draft.
    pub fn so_in(&self) -> String {
        let so = self.so.as_deref().unwrap_or("").trim();
        match so.parse::<u32>() {
            Ok(n) if n < 10 && !so.starts_with('0') => format!("{n:02}"),
            _ => so.to_owned(),
        }
    }

    /// `số 05/KH-UBND` style reference: number and symbol joined by `/`.
    pub fn so_ky_hieu(&self) -> String {
        format!("{}/{}", self.so_in(), self.ky_hieu_day_du())
    }
}

/// A likely mistake that still builds: the key it concerns and a message.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Warning {
    /// Top-level key the warning is about (used to point at its line).
    pub key: &'static str,
    /// What looks wrong.
    pub message: String,
}

/// Issuers that act as a collective body: their head signs `TM.`.
const COLLECTIVE: [&str; 5] = ["ỦY BAN", "UỶ BAN", "BAN ", "HỘI ĐỒNG", "ĐOÀN "];

/// Type abbreviations of Phụ lục III, to spot a ký hiệu of another kind.
const TYPE_ABBRS: [&str; 18] = [
    "NQ", "QĐ", "CT", "QC", "QyĐ", "TC", "TB", "HD", "CTr", "KH", "PA", "ĐA", "DA", "BC", "BB",
    "TTr", "HĐ", "GM",
];

impl VanBan {
    /// Likely mistakes that still build.
    pub fn warnings(&self) -> Vec<Warning> {
        let mut out = Vec::new();
        let mut warn = |key, message: String| out.push(Warning { key, message });
        if !self.noi_nhan.is_empty()
            && !self
                .noi_nhan
                .iter()
                .flat_map(NoiNhan::items)
                .any(|n| n.trim_start().starts_with("Lưu"))
        {
            warn(
                "noi_nhan",
                "Nơi nhận has no `Lưu: VT, …` item (NĐ30 ô 9b ends with it)".into(),
            );
        }
        if let Some(k) = &self.nguoi_ky {
            let collective = COLLECTIVE
                .iter()
                .any(|c| self.co_quan.trim_start().starts_with(c));
            if collective && k.quyen_han.is_empty() {
                warn(
                    "nguoi_ky",
                    format!(
                        "`{}` is a collective body: its signer usually writes `quyen_han: TM. {}`",
                        self.co_quan, self.co_quan
                    ),
                );
            }
        }
        if matches!(self.kem_theo, Some(KemTheo::Tu(_))) {
            warn(
                "kem_theo",
                "`kem_theo: true` only has a meaning in a form (`phu_luc: - mau:`); give the path of the decision's YAML or the caption's text".into(),
            );
        }
        let abbr = self.loai.info().viet_tat;
        if let Some(kh) = &self.ky_hieu {
            let first = kh.split('-').next().unwrap_or("");
            if kh.contains('-') && first != abbr && TYPE_ABBRS.contains(&first) {
                warn(
                    "ky_hieu",
                    format!(
                        "ký hiệu `{kh}` starts with `{first}`, the abbreviation of another kind than `{}`",
                        self.loai.key()
                    ),
                );
            }
        }
        if let Some(t) = &self.trich_yeu {
            let limit = if abbr.is_empty() { 120 } else { 250 };
            let n = t.chars().count();
            if n > limit {
                warn(
                    "trich_yeu",
                    format!("trích yếu has {n} characters; more than {limit} will not fit its place well"),
                );
            }
        }
        out
    }
}

/// Accepts a string or a number and keeps it as text (`so: 11`).
fn de_opt_text<'de, D: Deserializer<'de>>(d: D) -> Result<Option<String>, D::Error> {
    struct V;
    impl<'de> Visitor<'de> for V {
        type Value = Option<String>;
        fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
            f.write_str("a number or a text")
        }
        fn visit_str<E: de::Error>(self, v: &str) -> Result<Self::Value, E> {
            Ok(Some(v.to_owned()))
        }
        fn visit_u64<E: de::Error>(self, v: u64) -> Result<Self::Value, E> {
            Ok(Some(v.to_string()))
        }
        fn visit_i64<E: de::Error>(self, v: i64) -> Result<Self::Value, E> {
            Ok(Some(v.to_string()))
        }
        fn visit_unit<E: de::Error>(self) -> Result<Self::Value, E> {
            Ok(None)
        }
        fn visit_none<E: de::Error>(self) -> Result<Self::Value, E> {
            Ok(None)
        }
    }
    d.deserialize_any(V)
}

/// Accepts one string or a list of strings.
fn de_one_or_many<'de, D: Deserializer<'de>>(d: D) -> Result<Vec<String>, D::Error> {
    struct V;
    impl<'de> Visitor<'de> for V {
        type Value = Vec<String>;
        fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
            f.write_str("a text or a list of texts")
        }
        fn visit_str<E: de::Error>(self, v: &str) -> Result<Self::Value, E> {
            Ok(vec![v.to_owned()])
        }
        fn visit_unit<E: de::Error>(self) -> Result<Self::Value, E> {
            Ok(Vec::new())
        }
        fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Self::Value, A::Error> {
            let mut out = Vec::new();
            while let Some(s) = seq.next_element::<String>()? {
                out.push(s);
            }
            Ok(out)
        }
    }
    d.deserialize_any(V)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn doc(yaml: &str) -> VanBan {
        serde_yaml::from_str(yaml).unwrap()
    }

    #[test]
    fn ky_hieu_gets_type_part_from_kind() {
        let d = doc("loai: huong_dan\nky_hieu: VHTT\nso: 11");
        assert_eq!(d.so_ky_hieu(), "11/HD-VHTT");
        let d = doc("loai: huong_dan\nky_hieu: HD-VHTT\nso: 11");
        assert_eq!(d.so_ky_hieu(), "11/HD-VHTT");
        let d = doc("loai: cong_van\nky_hieu: PGDĐT");
        assert_eq!(d.so_ky_hieu(), "/PGDĐT");
        let d = doc("loai: quy_dinh\nky_hieu: UBND\nso: 5");
        assert_eq!(d.so_ky_hieu(), "05/QyĐ-UBND");
    }

    #[test]
    fn blocks_accept_strings_and_maps() {
        let d = doc(
            "loai: ke_hoach\nnoi_dung:\n  - Đoạn văn\n  - muc: I. MỤC ĐÍCH\n  - gach: [a, b]\n",
        );
        assert!(matches!(d.noi_dung[0], Khoi::Doan(_)));
        assert!(matches!(d.noi_dung[1], Khoi::Muc(_)));
        assert!(matches!(&d.noi_dung[2], Khoi::Gach(v) if v.len() == 2));
    }

    #[test]
    fn unknown_block_is_an_error() {
        let e = serde_yaml::from_str::<VanBan>("loai: ke_hoach\nnoi_dung:\n  - mux: x\n")
            .unwrap_err()
            .to_string();
        assert!(e.contains("unknown variant `mux`"), "{e}");
    }

    #[test]
    fn warnings_for_likely_mistakes() {
        let d = doc("loai: ke_hoach\nco_quan: ỦY BAN NHÂN DÂN TỈNH\nky_hieu: QĐ-UBND\nnguoi_ky: {chuc_vu: CHỦ TỊCH, ho_ten: A}\nnoi_nhan: [Như trên]");
        let keys: Vec<&str> = d.warnings().iter().map(|w| w.key).collect();
        assert_eq!(keys, ["noi_nhan", "nguoi_ky", "ky_hieu"]);
        let d = doc("loai: ke_hoach\nco_quan: ỦY BAN NHÂN DÂN TỈNH\nky_hieu: KH-UBND\nnguoi_ky: {quyen_han: TM. ỦY BAN NHÂN DÂN, chuc_vu: CHỦ TỊCH, ho_ten: A}\nnoi_nhan: [\"Lưu: VT\"]");
        assert!(d.warnings().is_empty());
    }

    #[test]
    fn table_cells_numbers_and_counts() {
        let d = doc("loai: ke_hoach\nnoi_dung:\n  - bang:\n      dau: [a, 2020]\n      dong: [[1, 2.5], [-3, ~]]\n");
        let Khoi::Bang(b) = &d.noi_dung[0] else {
            panic!()
        };
        assert_eq!(b.dau, ["a", "2020"]);
        assert_eq!(b.dong, [["1", "2.5"], ["-3", ""]]);
        let e = |y: &str| serde_yaml::from_str::<VanBan>(y).unwrap_err().to_string();
        let m = e(
            "loai: ke_hoach\nnoi_dung:\n  - bang:\n      dau: [a, b]\n      dong: [[1, 2], [3]]\n",
        );
        assert!(
            m.contains("row 2 of the table has 1 cells, expected 2"),
            "{m}"
        );
        assert!(m.contains("line 5 column 22"), "{m}");
        let m = e(
            "loai: ke_hoach\nnoi_dung:\n  - bang:\n      dong: [[1, 2], [3]]\n      cot: [1, 2]\n",
        );
        assert!(
            m.contains("row 2 of the table has 1 cells, expected 2"),
            "{m}"
        );
        let m = e("loai: ke_hoach\nnoi_dung:\n  - bang:\n      can: [trai]\n      cot: [1, 2]\n");
        assert!(m.contains("1 alignments (`can`) for 2 columns"), "{m}");
    }

    #[test]
    fn kind_keys_round_trip() {
        for k in Loai::ALL {
            let back: Loai = serde_yaml::from_str(&k.key()).unwrap();
            assert_eq!(back, k);
        }
    }
}
