//! Document kinds (loại văn bản) and their fixed facts (Phụ lục III).

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kind_keys_round_trip() {
        for k in Loai::ALL {
            let back: Loai = serde_yaml::from_str(&k.key()).unwrap();
            assert_eq!(back, k);
        }
    }
}
