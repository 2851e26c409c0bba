//! Body blocks (khối): paragraphs, headings, lists, tables, page breaks.

use std::fmt;

use schemars::JsonSchema;
use serde::de::{self, Deserializer, MapAccess, Visitor};
use serde::{Deserialize, Serialize};

use super::Bang;

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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::VanBan;

    fn doc(yaml: &str) -> VanBan {
        serde_yaml::from_str(yaml).unwrap()
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
}
