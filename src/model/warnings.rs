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
            if collective && k.quyen_han.is_empty() {
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
    }
}
