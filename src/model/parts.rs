//! The parts around the body: signer (người ký), Nơi nhận, appendices
//! (phụ lục) and their captions, urgency and secrecy marks.

use std::fmt;

use schemars::JsonSchema;
use serde::de::{self, Deserializer, MapAccess, Visitor};
use serde::{Deserialize, Serialize};

use super::{de_one_or_many, Khoi, VanBan};

/// The signer (ô 7).
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct NguoiKy {
    /// The collective the signer signs for (thay mặt, Phụ lục I ô 7a): its
    /// name, printed first as `TM. ỦY BAN NHÂN DÂN` (`T/M CHI BỘ` in a
    /// Party document), before the `quyen_han` lines.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub thay_mat: Option<String>,
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
    /// Room for a digital-signature stamp (khung chữ ký số: the
    /// organisation and the signing time, as signing programs draw it on
    /// a scanned original): a 50 × 10 mm box under the signature, from
    /// the seal's right edge, that moves the name down so that the stamp
    /// never covers it.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub khung_ky_so: bool,
}

impl NguoiKy {
    /// The authority lines as printed: `TM. <thay_mat>` (`T/M` in a Party
    /// document) first, then `quyen_han`.
    pub fn authority_lines(&self, dang: bool) -> Vec<String> {
        let tm = if dang { "T/M" } else { "TM." };
        self.thay_mat
            .iter()
            .map(|c| format!("{tm} {}", c.trim()))
            .chain(self.quyen_han.iter().cloned())
            .collect()
    }
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
