//! The document model: the YAML vocabulary as typed Rust values.
//!
//! Keys follow the terms of Nghị định 30/2020/NĐ-CP without diacritics
//! (`co_quan`, `so`, `ky_hieu`, `trich_yeu`, …). Every struct denies unknown
//! keys so that a typo is an error with a location, never a silent omission.

mod bang;
mod khoi;
mod loai;
mod parts;
mod refused;
mod trinh_bay;
mod warnings;

use std::fmt;

use schemars::JsonSchema;
use serde::de::{self, Deserializer, SeqAccess, Visitor};
use serde::{Deserialize, Serialize};

use crate::vndate::Ngay;

pub use bang::{Bang, CanLe};
pub use khoi::Khoi;
pub use loai::{Loai, LoaiInfo, KINDS};
pub use parts::{DoKhan, DoMat, KemTheo, NguoiKy, NoiNhan, PhuLuc};
pub use refused::Refused;
pub use trinh_bay::{Le, TrinhBay};
pub use warnings::Warning;

/// One official document (văn bản hành chính).
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct VanBan {
    /// Path of a parent document (relative to this file) whose keys this one
    /// inherits and overrides. Handled by the loader before typing.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub extends: Option<String>,
    /// SHA-256 of the parent's text when this document was derived from it
    /// (`vanban derive` writes it): `check` warns when the parent has been
    /// changed since. Never inherited, never printed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub extends_sha256: Option<String>,
    /// Free variables usable in any text as `{{ bien.name }}` or `{{ name }}`.
    #[serde(default, skip_serializing_if = "serde_yaml::Mapping::is_empty")]
    #[schemars(with = "std::collections::BTreeMap<String, serde_json::Value>")]
    pub bien: serde_yaml::Mapping,
    /// Document kind (tên loại văn bản): `cong_van`, `ke_hoach`, `huong_dan`, …
    pub loai: Loai,
    /// A Party document (văn bản của Đảng, Hướng dẫn 36-HD/VPTW): the
    /// header reads `ĐẢNG CỘNG SẢN VIỆT NAM` in place of the Quốc hiệu and
    /// Tiêu ngữ, a star under the issuer, and the number `Số 12-BC/ĐU`
    /// (`ky_hieu` is then the issuer's part, `ĐU`).
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub dang: bool,
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
    /// The second signer of a biên bản (NĐ30 Mẫu 1.9): the secretary
    /// (`THƯ KÝ`), signing on the left, level with `nguoi_ky` (the chair,
    /// `CHỦ TỌA`) on the right; Nơi nhận then goes under both.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub thu_ky: Option<NguoiKy>,
    /// The other party's signer of a hợp đồng, bản ghi nhớ or bản thỏa
    /// thuận (`ĐẠI DIỆN BÊN A`): signs on the left, level with `nguoi_ky`
    /// (the issuer's side) on the right; Nơi nhận then goes under both.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ben_kia: Option<NguoiKy>,
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

    /// The ký hiệu of a Party document after the slash: the issuer's part
    /// only (`ĐU`), the kind's abbreviation going before it
    /// (`Số 12-BC/ĐU`).
    pub fn ky_hieu_dang(&self) -> String {
        let abbr = self.loai.info().viet_tat;
        let given = self.ky_hieu.as_deref().unwrap_or("").trim();
        given
            .strip_prefix(&format!("{abbr}-"))
            .unwrap_or(given)
            .to_owned()
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

/// The top-level keys of a document in their usual order: the order of
/// [`VanBan`]'s fields, read from its deserializer so that it is written
/// only there. The editor's form, the page, `new` and `derive` follow it,
/// and a key the form adds goes after the nearest key before it.
pub fn keys() -> &'static [&'static str] {
    static KEYS: std::sync::OnceLock<&'static [&'static str]> = std::sync::OnceLock::new();
    KEYS.get_or_init(|| {
        let mut names = FieldNames(&[]);
        let _ = VanBan::deserialize(&mut names);
        names.0
    })
}

/// The position of `key` in [`keys`] (unknown keys last).
pub fn key_rank(key: &str) -> usize {
    let keys = keys();
    keys.iter().position(|k| *k == key).unwrap_or(keys.len())
}

/// A deserializer that only records the field names a struct asks for.
struct FieldNames(&'static [&'static str]);

impl<'de> Deserializer<'de> for &mut FieldNames {
    type Error = de::value::Error;

    fn deserialize_struct<V: Visitor<'de>>(
        self,
        _name: &'static str,
        fields: &'static [&'static str],
        _visitor: V,
    ) -> Result<V::Value, Self::Error> {
        self.0 = fields;
        Err(de::Error::custom("field names only"))
    }

    fn deserialize_any<V: Visitor<'de>>(self, _visitor: V) -> Result<V::Value, Self::Error> {
        Err(de::Error::custom("field names only"))
    }

    serde::forward_to_deserialize_any! {
        bool i8 i16 i32 i64 i128 u8 u16 u32 u64 u128 f32 f64 char str string
        bytes byte_buf option unit unit_struct newtype_struct seq tuple
        tuple_struct map enum identifier ignored_any
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

    #[test]
    fn keys_are_the_fields_in_order() {
        let k = keys();
        assert_eq!(k.first(), Some(&"extends"));
        assert_eq!(k.last(), Some(&"trinh_bay"));
        // Every key is one the model accepts, once, and nothing else is.
        for (i, key) in k.iter().enumerate() {
            assert!(!k[..i].contains(key), "{key} twice");
            let one = format!("loai: cong_van\n{key}: ~\n");
            if let Err(e) = serde_yaml::from_str::<VanBan>(&one) {
                assert!(!e.to_string().contains("unknown field"), "{key}: {e}");
            }
        }
        let e = serde_yaml::from_str::<VanBan>("loai: cong_van\nxyz: 1\n").unwrap_err();
        let listed = e.to_string();
        for key in k {
            assert!(
                listed.contains(&format!("`{key}`")),
                "{key} not in {listed}"
            );
        }
        assert!(key_rank("loai") < key_rank("so"));
        assert_eq!(key_rank("xyz"), k.len());
    }

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
}
