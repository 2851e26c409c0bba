//! Document kinds (loại văn bản) and their fixed facts (Phụ lục III).

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// Fixed facts about a kind, from Phụ lục III of NĐ30: one row of [`KINDS`].
#[derive(Debug, Clone, Copy)]
pub struct LoaiInfo {
    /// The kind itself.
    pub loai: Loai,
    /// YAML name (`cong_van`), the value of `loai:`.
    pub key: &'static str,
    /// Type name printed above the subject (`KẾ HOẠCH`); empty for công văn.
    pub ten: &'static str,
    /// Type name in normal case, for citations (`Kế hoạch`).
    pub ten_thuong: &'static str,
    /// Abbreviation in the ký hiệu (`KH`); empty for công văn.
    pub viet_tat: &'static str,
    /// Template file under `layouts/`.
    pub template: &'static str,
    /// The example of this kind under `data/examples/`: the starting point
    /// of `new`, built by the tests.
    pub example: &'static str,
}

/// Defines [`Loai`] and [`KINDS`] from one list of rows, so that a kind is
/// written once: its variant, YAML name, names, abbreviation, template and
/// example all sit on the same row.
macro_rules! kinds {
    ($(
        $(#[$doc:meta])*
        $variant:ident = $key:tt, $ten:tt, $ten_thuong:tt,
            $viet_tat:tt, $template:tt, $example:tt;
    )*) => {
        /// Document kinds (tên loại văn bản), one per row of [`KINDS`].
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize, JsonSchema)]
        pub enum Loai {
            $(
                $(#[$doc])*
                #[serde(rename = $key)]
                $variant,
            )*
        }

        /// Every kind vanban builds, in the order they are listed (the
        /// order of the enum, the editor's menu and error messages).
        pub static KINDS: &[LoaiInfo] = &[$(
            LoaiInfo {
                loai: Loai::$variant,
                key: $key,
                ten: $ten,
                ten_thuong: $ten_thuong,
                viet_tat: $viet_tat,
                template: $template,
                example: $example,
            },
        )*];

        impl Loai {
            /// Every kind, for listings and error messages.
            pub const ALL: [Loai; [$($key),*].len()] = [$(Loai::$variant),*];
        }
    };
}

kinds! {
    /// Công văn: no type name, `V/v` subject under the number.
    CongVan = "cong_van", "", "Công văn", "", "cong-van.typ.j2", "cong-van.yaml";
    /// Kế hoạch (KH).
    KeHoach = "ke_hoach", "KẾ HOẠCH", "Kế hoạch", "KH", "van-ban.typ.j2", "ke-hoach.yaml";
    /// Hướng dẫn (HD).
    HuongDan = "huong_dan", "HƯỚNG DẪN", "Hướng dẫn", "HD", "van-ban.typ.j2", "huong-dan.yaml";
    /// Báo cáo (BC).
    BaoCao = "bao_cao", "BÁO CÁO", "Báo cáo", "BC", "van-ban.typ.j2", "bao-cao.yaml";
    /// Quyết định (QĐ), with `Căn cứ` preamble and `Điều` articles.
    QuyetDinh = "quyet_dinh", "QUYẾT ĐỊNH", "Quyết định", "QĐ", "quyet-dinh.typ.j2", "quyet-dinh.yaml";
    /// Thông báo (TB).
    ThongBao = "thong_bao", "THÔNG BÁO", "Thông báo", "TB", "van-ban.typ.j2", "thong-bao.yaml";
    /// Tờ trình (TTr).
    ToTrinh = "to_trinh", "TỜ TRÌNH", "Tờ trình", "TTr", "van-ban.typ.j2", "to-trinh.yaml";
    /// Giấy mời (GM).
    GiayMoi = "giay_moi", "GIẤY MỜI", "Giấy mời", "GM", "van-ban.typ.j2", "giay-moi.yaml";
    /// Chương trình (CTr).
    ChuongTrinh = "chuong_trinh", "CHƯƠNG TRÌNH", "Chương trình", "CTr", "van-ban.typ.j2", "chuong-trinh.yaml";
    /// Quy định (QyĐ).
    QuyDinh = "quy_dinh", "QUY ĐỊNH", "Quy định", "QyĐ", "van-ban.typ.j2", "quy-dinh.yaml";
    /// Nghị quyết cá biệt (NQ): `Căn cứ`, then `QUYẾT NGHỊ:` before the
    /// articles.
    NghiQuyet = "nghi_quyet", "NGHỊ QUYẾT", "Nghị quyết", "NQ", "quyet-dinh.typ.j2", "nghi-quyet.yaml";
    /// Chỉ thị (CT).
    ChiThi = "chi_thi", "CHỈ THỊ", "Chỉ thị", "CT", "van-ban.typ.j2", "chi-thi.yaml";
    /// Quy chế (QC), usually issued with a quyết định.
    QuyChe = "quy_che", "QUY CHẾ", "Quy chế", "QC", "van-ban.typ.j2", "quy-che.yaml";
    /// Thông cáo (TC).
    ThongCao = "thong_cao", "THÔNG CÁO", "Thông cáo", "TC", "van-ban.typ.j2", "thong-cao.yaml";
    /// Phương án (PA).
    PhuongAn = "phuong_an", "PHƯƠNG ÁN", "Phương án", "PA", "van-ban.typ.j2", "phuong-an.yaml";
    /// Đề án (ĐA).
    DeAn = "de_an", "ĐỀ ÁN", "Đề án", "ĐA", "van-ban.typ.j2", "de-an.yaml";
    /// Dự án (DA).
    DuAn = "du_an", "DỰ ÁN", "Dự án", "DA", "van-ban.typ.j2", "du-an.yaml";
    /// Giấy ủy quyền (GUQ).
    GiayUyQuyen = "giay_uy_quyen", "GIẤY ỦY QUYỀN", "Giấy ủy quyền", "GUQ", "van-ban.typ.j2", "giay-uy-quyen.yaml";
    /// Giấy giới thiệu (GGT).
    GiayGioiThieu = "giay_gioi_thieu", "GIẤY GIỚI THIỆU", "Giấy giới thiệu", "GGT", "van-ban.typ.j2", "giay-gioi-thieu.yaml";
    /// Giấy nghỉ phép (GNP).
    GiayNghiPhep = "giay_nghi_phep", "GIẤY NGHỈ PHÉP", "Giấy nghỉ phép", "GNP", "van-ban.typ.j2", "giay-nghi-phep.yaml";
    /// Biên bản (BB): two signers, the secretary (`thu_ky`) on the left
    /// and the chair on the right (Mẫu 1.9).
    BienBan = "bien_ban", "BIÊN BẢN", "Biên bản", "BB", "van-ban.typ.j2", "bien-ban.yaml";
    /// Công điện (CĐ): the sender's line `… điện:` (from `tham_quyen`)
    /// under the subject, then the recipients as `- …;` lines, without
    /// `Kính gửi:` (Mẫu 1.6).
    CongDien = "cong_dien", "CÔNG ĐIỆN", "Công điện", "CĐ", "cong-dien.typ.j2", "cong-dien.yaml";
    /// Phiếu gửi (PG): a slip sending documents to another body.
    PhieuGui = "phieu_gui", "PHIẾU GỬI", "Phiếu gửi", "PG", "van-ban.typ.j2", "phieu-gui.yaml";
    /// Phiếu chuyển (PC): a slip passing a matter on to whoever handles it.
    PhieuChuyen = "phieu_chuyen", "PHIẾU CHUYỂN", "Phiếu chuyển", "PC", "van-ban.typ.j2", "phieu-chuyen.yaml";
    /// Phiếu báo (PB): a slip informing someone of a fact (a result, a debt).
    PhieuBao = "phieu_bao", "PHIẾU BÁO", "Phiếu báo", "PB", "van-ban.typ.j2", "phieu-bao.yaml";
    /// Hợp đồng (HĐ): two parties sign side by side, the other party
    /// (`ben_kia`) on the left, the issuer's side (`nguoi_ky`) on the right.
    HopDong = "hop_dong", "HỢP ĐỒNG", "Hợp đồng", "HĐ", "van-ban.typ.j2", "hop-dong.yaml";
    /// Bản ghi nhớ (BGN): a memorandum between two bodies, signed side by
    /// side as a hợp đồng.
    BanGhiNho = "ban_ghi_nho", "BẢN GHI NHỚ", "Bản ghi nhớ", "BGN", "van-ban.typ.j2", "ban-ghi-nho.yaml";
    /// Bản thỏa thuận (BTT): an agreement between two bodies, signed side
    /// by side as a hợp đồng.
    BanThoaThuan = "ban_thoa_thuan", "BẢN THỎA THUẬN", "Bản thỏa thuận", "BTT", "van-ban.typ.j2", "ban-thoa-thuan.yaml";
    /// Thư công: a letter (thư chúc mừng, thư khen, thư cảm ơn, thư thăm
    /// hỏi); no abbreviation in Phụ lục III, and no number line unless a
    /// `so` is given.
    ThuCong = "thu_cong", "THƯ", "Thư công", "", "van-ban.typ.j2", "thu-cong.yaml";
    /// Phụ lục issued as its own file (Phụ lục III, Mẫu 2.1 and 2.2): no
    /// header and no signature; the label (`Phụ lục I`, from `ten_loai`),
    /// the title (`trich_yeu`), `(Kèm theo Văn bản số … ngày … của …)`
    /// citing the document it belongs to (`kem_theo`), its content. Built
    /// sign-ready (`--ky-so`), the organisation's signature goes at the top
    /// right of page 1.
    PhuLuc = "phu_luc", "Phụ lục", "Phụ lục", "", "phu-luc.typ.j2", "phu-luc.yaml";
}

/// Whether `abbr` is the type abbreviation of some kind of Phụ lục III
/// (every kind of it is in [`KINDS`]; công văn and thư công have none).
pub fn is_type_abbr(abbr: &str) -> bool {
    !abbr.is_empty() && KINDS.iter().any(|k| k.viet_tat == abbr)
}

impl Loai {
    /// Facts about this kind: its row of [`KINDS`].
    pub fn info(self) -> LoaiInfo {
        KINDS[self as usize]
    }

    /// The YAML name of this kind (`cong_van`).
    pub fn key(self) -> String {
        self.info().key.to_owned()
    }

    /// The YAML names of every kind, as error messages list them.
    pub fn known() -> String {
        Loai::ALL.map(|k| k.info().key).join(", ")
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::path::Path;

    #[test]
    fn kind_keys_round_trip() {
        for k in Loai::ALL {
            let back: Loai = serde_yaml::from_str(&k.key()).unwrap();
            assert_eq!(back, k);
            assert_eq!(serde_yaml::to_string(&k).unwrap().trim(), k.key());
        }
    }

    #[test]
    fn table_rows_are_the_enum_in_order() {
        assert_eq!(KINDS.len(), Loai::ALL.len());
        for (i, row) in KINDS.iter().enumerate() {
            assert_eq!(row.loai as usize, i, "{}", row.key);
            assert_eq!(Loai::ALL[i], row.loai);
            assert_eq!(row.loai.info().key, row.key);
        }
    }

    #[test]
    fn every_template_is_a_layout() {
        for row in KINDS {
            assert!(
                crate::assets::layout(row.template).is_some(),
                "{}: no layouts/{}",
                row.key,
                row.template
            );
        }
    }

    #[test]
    fn every_example_is_of_its_kind() {
        let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("data/examples");
        for row in KINDS {
            let path = dir.join(row.example);
            let text = std::fs::read_to_string(&path)
                .unwrap_or_else(|e| panic!("{}: {}: {e}", row.key, path.display()));
            let doc: serde_yaml::Value = serde_yaml::from_str(&text).unwrap();
            let loai: Loai = serde_yaml::from_value(doc["loai"].clone())
                .unwrap_or_else(|e| panic!("{}: {e}", path.display()));
            assert_eq!(loai, row.loai, "{}", path.display());
        }
    }

    #[test]
    fn abbreviations_are_unique() {
        let own: Vec<&str> = KINDS
            .iter()
            .map(|k| k.viet_tat)
            .filter(|a| !a.is_empty())
            .collect();
        for (i, a) in own.iter().enumerate() {
            assert!(!own[..i].contains(a), "{a} twice in KINDS");
            assert!(is_type_abbr(a));
        }
        // Every abbreviation of Phụ lục III's table is a kind's.
        let table = [
            "NQ", "QĐ", "CT", "QC", "QyĐ", "TC", "TB", "HD", "CTr", "KH", "PA", "ĐA", "DA", "BC",
            "BB", "TTr", "HĐ", "CĐ", "BGN", "BTT", "GUQ", "GM", "GGT", "GNP", "PG", "PC", "PB",
        ];
        assert_eq!(own.len(), table.len());
        assert!(table.iter().all(|a| is_type_abbr(a)));
        assert!(!is_type_abbr(""));
    }

    #[test]
    fn schema_enum_is_the_table() {
        let schema = serde_json::to_value(schemars::schema_for!(Loai)).unwrap();
        let mut keys: Vec<String> = Vec::new();
        // A `const` per variant (`oneOf`, when documented) or one `enum`.
        fn collect(v: &serde_json::Value, out: &mut Vec<String>) {
            match v {
                serde_json::Value::Object(m) => {
                    if let Some(serde_json::Value::Array(e)) = m.get("enum") {
                        out.extend(e.iter().filter_map(|x| x.as_str().map(str::to_owned)));
                    }
                    if let Some(serde_json::Value::String(c)) = m.get("const") {
                        out.push(c.clone());
                    }
                    m.values().for_each(|x| collect(x, out));
                }
                serde_json::Value::Array(a) => a.iter().for_each(|x| collect(x, out)),
                _ => {}
            }
        }
        collect(&schema, &mut keys);
        let want: Vec<&str> = KINDS.iter().map(|k| k.key).collect();
        assert_eq!(keys, want);
    }

    #[test]
    fn unknown_kind_lists_every_kind() {
        let e = serde_yaml::from_str::<Loai>("cong_vn")
            .unwrap_err()
            .to_string();
        let listed: Vec<&str> = e
            .split_once("expected one of ")
            .map(|(_, l)| l)
            .unwrap_or_else(|| panic!("{e}"))
            .split(", ")
            .map(|k| k.trim().trim_matches('`'))
            .collect();
        assert_eq!(listed, KINDS.iter().map(|k| k.key).collect::<Vec<_>>());
        assert_eq!(Loai::known(), listed.join(", "));
    }

    #[test]
    fn docs_list_the_kinds_of_the_table() {
        let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("docs/vocabulary.md");
        let docs = std::fs::read_to_string(&path).unwrap();
        let line = docs
            .lines()
            .find(|l| l.starts_with("| `loai` |") && l.contains("Kind: "))
            .expect("docs/vocabulary.md has a `loai` row");
        let listed: Vec<&str> = line
            .split_once("Kind: ")
            .and_then(|(_, rest)| rest.split_once(" |"))
            .map(|(list, _)| list)
            .unwrap_or_else(|| panic!("no `Kind: ` list in {line}"))
            .split(", ")
            .map(|k| k.trim_matches('`'))
            .collect();
        let want: Vec<&str> = KINDS.iter().map(|k| k.key).collect();
        assert_eq!(
            listed,
            want,
            "docs/vocabulary.md: write the kinds as `Kind: {}`",
            want.iter()
                .map(|k| format!("`{k}`"))
                .collect::<Vec<_>>()
                .join(", ")
        );
    }
}
