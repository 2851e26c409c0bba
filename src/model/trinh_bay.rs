//! Presentation (`trinh_bay`): body size, header sizes and page margins,
//! within the ranges NĐ30 allows.

use schemars::JsonSchema;
use serde::de::{self, Deserializer};
use serde::{Deserialize, Serialize};

use crate::diag::{Message, MessageId};

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
    /// Quốc hiệu size in pt, 12 to 13 (default 12). Each header size has
    /// its own key; the ones left out follow the decree's pairs: with a
    /// Quốc hiệu of 12, Tiêu ngữ and date line 13; with 13, Tiêu ngữ and
    /// date line 14 and the issuer's names 12.
    #[serde(
        default,
        deserialize_with = "de_co_chu_quoc_hieu",
        skip_serializing_if = "Option::is_none"
    )]
    pub co_chu_quoc_hieu: Option<f64>,
    /// Tiêu ngữ size in pt, 13 to 14.
    #[serde(
        default,
        deserialize_with = "de_co_chu_tieu_ngu",
        skip_serializing_if = "Option::is_none"
    )]
    pub co_chu_tieu_ngu: Option<f64>,
    /// Size of the issuer's names (cơ quan chủ quản and ban hành) in pt,
    /// 12 to 13.
    #[serde(
        default,
        deserialize_with = "de_co_chu_co_quan",
        skip_serializing_if = "Option::is_none"
    )]
    pub co_chu_co_quan: Option<f64>,
    /// Date line size in pt, 13 to 14.
    #[serde(
        default,
        deserialize_with = "de_co_chu_ngay",
        skip_serializing_if = "Option::is_none"
    )]
    pub co_chu_ngay: Option<f64>,
    /// Size of a công văn's `V/v` subject in pt, 12 to 13 (default 13).
    #[serde(
        default,
        deserialize_with = "de_co_chu_vv",
        skip_serializing_if = "Option::is_none"
    )]
    pub co_chu_vv: Option<f64>,
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
    unit: &str,
) -> Result<Option<f64>, D::Error> {
    let v = f64::deserialize(d)?;
    if (lo..=hi).contains(&v) {
        Ok(Some(v))
    } else {
        Err(de::Error::custom(
            Message::new(
                MessageId::OutOfRange,
                &[
                    ("value", v.to_string()),
                    ("lo", lo.to_string()),
                    ("hi", hi.to_string()),
                    ("unit", unit.to_owned()),
                ],
            )
            .encoded(),
        ))
    }
}

fn de_co_chu<'de, D: Deserializer<'de>>(d: D) -> Result<Option<f64>, D::Error> {
    in_range(d, 13.0, 14.0, "pt")
}

fn de_co_chu_quoc_hieu<'de, D: Deserializer<'de>>(d: D) -> Result<Option<f64>, D::Error> {
    in_range(d, 12.0, 13.0, "pt")
}

fn de_co_chu_tieu_ngu<'de, D: Deserializer<'de>>(d: D) -> Result<Option<f64>, D::Error> {
    in_range(d, 13.0, 14.0, "pt")
}

fn de_co_chu_co_quan<'de, D: Deserializer<'de>>(d: D) -> Result<Option<f64>, D::Error> {
    in_range(d, 12.0, 13.0, "pt")
}

fn de_co_chu_ngay<'de, D: Deserializer<'de>>(d: D) -> Result<Option<f64>, D::Error> {
    in_range(d, 13.0, 14.0, "pt")
}

fn de_co_chu_vv<'de, D: Deserializer<'de>>(d: D) -> Result<Option<f64>, D::Error> {
    in_range(d, 12.0, 13.0, "pt")
}

fn de_le_doc<'de, D: Deserializer<'de>>(d: D) -> Result<Option<f64>, D::Error> {
    in_range(d, 20.0, 25.0, "mm")
}

fn de_le_trai<'de, D: Deserializer<'de>>(d: D) -> Result<Option<f64>, D::Error> {
    in_range(d, 30.0, 35.0, "mm")
}

fn de_le_phai<'de, D: Deserializer<'de>>(d: D) -> Result<Option<f64>, D::Error> {
    in_range(d, 15.0, 20.0, "mm")
}
