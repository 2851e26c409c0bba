//! Likely mistakes that still build.

use super::loai::is_type_abbr;
use super::{KemTheo, NoiNhan, VanBan};

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
            warn("noi_nhan", crate::i18n::t("warn-no-luu", &[]));
        }
        if let Some(k) = &self.nguoi_ky {
            let collective = COLLECTIVE
                .iter()
                .any(|c| self.co_quan.trim_start().starts_with(c));
            let signs_for = k.thay_mat.is_some()
                || k.quyen_han.first().is_some_and(|q| {
                    q.trim_start().starts_with("TM.") || q.trim_start().starts_with("T/M")
                });
            // Phụ lục III, Mẫu 1.2, note 6: the authority line names the
            // head's position when the head decides, the collective when
            // the collective does; the collective's head then signs `TM.`.
            if let Some(t) = &self.tham_quyen {
                let of_collective = COLLECTIVE.iter().any(|c| t.trim_start().starts_with(c));
                if of_collective && !signs_for {
                    warn(
                        "nguoi_ky",
                        format!(
                            "the authority line `{t}` names a collective: its head signs for it, `thay_mat: {}` (printed `TM. …`)",
                            t.trim()
                        ),
                    );
                } else if !of_collective && signs_for {
                    warn(
                        "nguoi_ky",
                        format!(
                            "the authority line `{t}` names the head's position: the head signs in person (or `KT.`), not `TM.`; write the collective's name as `tham_quyen` if it decides"
                        ),
                    );
                }
            }
            if collective
                && k.quyen_han.is_empty()
                && k.thay_mat.is_none()
                && self.tham_quyen.is_none()
            {
                warn(
                    "nguoi_ky",
                    crate::i18n::t("warn-collective", &[("body", &self.co_quan)]),
                );
            }
        }
        if matches!(self.kem_theo, Some(KemTheo::Tu(_))) {
            warn("kem_theo", crate::i18n::t("warn-kem-theo", &[]));
        }
        let abbr = self.loai.info().viet_tat;
        if let Some(kh) = &self.ky_hieu {
            let first = kh.split('-').next().unwrap_or("");
            if kh.contains('-') && first != abbr && is_type_abbr(first) {
                warn(
                    "ky_hieu",
                    crate::i18n::t(
                        "warn-ky-hieu-kind",
                        &[
                            ("ky_hieu", kh.as_str()),
                            ("first", first),
                            ("kind", &self.loai.key()),
                        ],
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
                    crate::i18n::t(
                        "warn-trich-yeu-long",
                        &[("n", &n.to_string()), ("limit", &limit.to_string())],
                    ),
                );
            }
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn doc(yaml: &str) -> VanBan {
        serde_yaml::from_str(yaml).unwrap()
    }

    #[test]
    fn warnings_for_likely_mistakes() {
        let d = doc("loai: ke_hoach\nco_quan: ỦY BAN NHÂN DÂN TỈNH\nky_hieu: QĐ-UBND\nnguoi_ky: {chuc_vu: CHỦ TỊCH, ho_ten: A}\nnoi_nhan: [Như trên]");
        let keys: Vec<&str> = d.warnings().iter().map(|w| w.key).collect();
        assert_eq!(keys, ["noi_nhan", "nguoi_ky", "ky_hieu"]);
        let d = doc("loai: ke_hoach\nco_quan: ỦY BAN NHÂN DÂN TỈNH\nky_hieu: KH-UBND\nnguoi_ky: {quyen_han: TM. ỦY BAN NHÂN DÂN, chuc_vu: CHỦ TỊCH, ho_ten: A}\nnoi_nhan: [\"Lưu: VT\"]");
        assert!(d.warnings().is_empty());
        // The authority line and the signature agree: a collective's
        // decision signed TM., a head's decision signed by the head.
        let qd = "loai: quyet_dinh\nco_quan: ỦY BAN NHÂN DÂN HUYỆN\nnoi_nhan: [\"Lưu: VT\"]\n";
        let warned = |extra: &str| {
            doc(&format!("{qd}{extra}"))
                .warnings()
                .iter()
                .map(|w| w.key)
                .collect::<Vec<_>>()
        };
        assert_eq!(
            warned("tham_quyen: ỦY BAN NHÂN DÂN HUYỆN\nnguoi_ky: {chuc_vu: CHỦ TỊCH, ho_ten: A}"),
            ["nguoi_ky"]
        );
        assert!(warned("tham_quyen: ỦY BAN NHÂN DÂN HUYỆN\nnguoi_ky: {thay_mat: ỦY BAN NHÂN DÂN, chuc_vu: CHỦ TỊCH, ho_ten: A}").is_empty());
        assert_eq!(
            warned("tham_quyen: CHỦ TỊCH ỦY BAN NHÂN DÂN HUYỆN\nnguoi_ky: {quyen_han: TM. ỦY BAN NHÂN DÂN, chuc_vu: CHỦ TỊCH, ho_ten: A}"),
            ["nguoi_ky"]
        );
        assert!(warned("tham_quyen: CHỦ TỊCH ỦY BAN NHÂN DÂN HUYỆN\nnguoi_ky: {quyen_han: KT. CHỦ TỊCH, chuc_vu: PHÓ CHỦ TỊCH, ho_ten: A}").is_empty());
    }
}
