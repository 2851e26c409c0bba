//! Keys a kind does not print are refused, never accepted and dropped: a
//! `tham_quyen` outside a quyết định, a second signer (`thu_ky`,
//! `ben_kia`) outside the kinds that print one, what a công văn has no place for (no
//! type name, so no caption, `ten_loai` or `kem_theo`; no căn cứ), a
//! `mo_dau` without the `thuc_hien` citation it goes on from.

use super::{Loai, VanBan};
use crate::locate::Step;

/// Messages shown to the user, from the catalogue (`refused-*`).
mod msg {
    use crate::i18n::t;

    pub fn tham_quyen(kind: &str) -> String {
        t("refused-tham-quyen", &[("kind", kind)])
    }
    pub fn thu_ky(kind: &str) -> String {
        t("refused-thu-ky", &[("kind", kind)])
    }
    pub fn ben_kia(kind: &str) -> String {
        t("refused-ben-kia", &[("kind", kind)])
    }
    pub fn phu_luc(key: &str) -> String {
        t("refused-phu-luc", &[("key", key)])
    }
    pub fn can_cu_cong_dien() -> String {
        t("refused-can-cu-cong-dien", &[])
    }
    pub fn no_title(key: &str) -> String {
        t("refused-no-title", &[("key", key)])
    }
    pub fn can_cu() -> String {
        t("refused-can-cu", &[])
    }
    pub fn extends_sha() -> String {
        t("refused-extends-sha", &[])
    }
    pub fn mo_dau() -> String {
        t("refused-mo-dau", &[])
    }
}

/// A key of a document that its kind would not print.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Refused {
    /// Where: the key's path from the top of the document.
    pub at: Vec<Step>,
    /// Why, and what to do.
    pub message: String,
}

impl VanBan {
    /// The keys given that this document's kind would not print (the
    /// forms of `phu_luc` included).
    pub fn refused_keys(&self) -> Vec<Refused> {
        let mut out = Vec::new();
        refused(self, &[], &mut out);
        out
    }
}

fn refused(doc: &VanBan, at: &[Step], out: &mut Vec<Refused>) {
    let mut refuse = |key: &str, message: String| {
        let mut path = at.to_vec();
        path.push(Step::Key(key.to_owned()));
        out.push(Refused { at: path, message });
    };
    let info = doc.loai.info();
    // The authority line of a quyết định or nghị quyết; the sender of a
    // công điện.
    let has_authority = matches!(doc.loai, Loai::QuyetDinh | Loai::NghiQuyet | Loai::CongDien);
    if doc.tham_quyen.is_some() && !has_authority {
        refuse("tham_quyen", msg::tham_quyen(info.ten_thuong));
    }
    if doc.thu_ky.is_some() && (doc.loai != Loai::BienBan || doc.nguoi_ky.is_none()) {
        refuse("thu_ky", msg::thu_ky(info.ten_thuong));
    }
    let two_parties = matches!(
        doc.loai,
        Loai::HopDong | Loai::BanGhiNho | Loai::BanThoaThuan
    );
    if doc.ben_kia.is_some() && (!two_parties || doc.nguoi_ky.is_none()) {
        refuse("ben_kia", msg::ben_kia(info.ten_thuong));
    }
    if doc.loai == Loai::PhuLuc {
        for (key, given) in [
            ("co_quan_chu_quan", doc.co_quan_chu_quan.is_some()),
            ("co_quan", !doc.co_quan.is_empty()),
            ("dia_danh", !doc.dia_danh.is_empty()),
            ("dong_ngay", doc.dong_ngay.is_some()),
            ("chu_thich", doc.chu_thich.is_some()),
            ("do_khan", doc.do_khan.is_some()),
            ("do_mat", doc.do_mat.is_some()),
            ("luu_hanh", doc.luu_hanh.is_some()),
            // The note first: it is written with the recipients it follows.
            ("kinh_gui_ghi_chu", doc.kinh_gui_ghi_chu.is_some()),
            ("kinh_gui", !doc.kinh_gui.is_empty()),
            ("can_cu", !doc.can_cu.is_empty()),
            ("thuc_hien", !doc.thuc_hien.is_empty()),
            ("nguoi_ky", doc.nguoi_ky.is_some()),
            ("noi_nhan", !doc.noi_nhan.is_empty()),
            ("phu_luc", !doc.phu_luc.is_empty()),
            ("dang", doc.dang),
        ] {
            if given {
                refuse(key, msg::phu_luc(key));
            }
        }
    }
    if doc.loai == Loai::CongDien && !doc.can_cu.is_empty() {
        refuse("can_cu", msg::can_cu_cong_dien());
    }
    if info.ten.is_empty() {
        if !doc.can_cu.is_empty() {
            refuse("can_cu", msg::can_cu());
        }
        for (key, given) in [
            ("ten_loai", doc.ten_loai.is_some()),
            ("chu_thich", doc.chu_thich.is_some()),
            ("kem_theo", doc.kem_theo.is_some()),
        ] {
            if given {
                refuse(key, msg::no_title(key));
            }
        }
    }
    if doc.extends_sha256.is_some() && doc.extends.is_none() {
        refuse("extends_sha256", msg::extends_sha());
    }
    if doc.mo_dau.is_some() && doc.thuc_hien.is_empty() {
        refuse("mo_dau", msg::mo_dau());
    }
    for (i, p) in doc.phu_luc.iter().enumerate() {
        if let Some(mau) = &p.mau {
            let mut inner = at.to_vec();
            inner.extend([
                Step::Key("phu_luc".into()),
                Step::Index(i),
                Step::Key("mau".into()),
            ]);
            refused(mau, &inner, out);
        }
    }
}
