//! No key is accepted and ignored: every top-level key of the schema,
//! written in a document of every kind, either changes what is printed
//! or is refused at its line.

use crate::common::*;

/// A sample value for each top-level key of the schema, and the text it
/// must print (`None`: it must change the layout, such as a font size).
fn sample(key: &str) -> Option<(&'static str, Option<&'static str>)> {
    Some(match key {
        "so" => ("so: 47", Some("47")),
        "ky_hieu" => ("ky_hieu: ZZKH", Some("ZZKH")),
        "co_quan_chu_quan" => ("co_quan_chu_quan: ZZCQCQ", Some("ZZCQCQ")),
        "co_quan" => ("co_quan: ZZCOQUAN", Some("ZZCOQUAN")),
        "dia_danh" => ("dia_danh: Zzdiadanh", Some("Zzdiadanh")),
        "ngay" => ("ngay: 2019-11-27", Some("năm 2019")),
        "dong_ngay" => ("dong_ngay: Zzdongngay", Some("Zzdongngay")),
        "ten_loai" => ("ten_loai: ZZTENLOAI", Some("ZZTENLOAI")),
        "trich_yeu" => ("trich_yeu: Zztrichyeu", Some("Zztrichyeu")),
        "kem_theo" => ("kem_theo: Zzkemtheo", Some("Zzkemtheo")),
        "chu_thich" => ("chu_thich: Zzchuthich", Some("Zzchuthich")),
        "do_khan" => ("do_khan: hoa_toc", Some("HỎA TỐC")),
        "do_mat" => ("do_mat: toi_mat", Some("TỐI MẬT")),
        "luu_hanh" => ("luu_hanh: ZZLUUHANH", Some("ZZLUUHANH")),
        "kinh_gui" => ("kinh_gui: [Zzkinhgui]", Some("Zzkinhgui")),
        "kinh_gui_ghi_chu" => (
            "kinh_gui: [Zzkinhgui]\nkinh_gui_ghi_chu: Zzghichu",
            Some("Zzghichu"),
        ),
        "can_cu" => ("can_cu: [Căn cứ Zzcancu]", Some("Zzcancu")),
        "thuc_hien" => ("thuc_hien: [Công văn Zzthuchien]", Some("Zzthuchien")),
        "mo_dau" => ("mo_dau: ', Zzmodau'", Some("Zzmodau")),
        "tham_quyen" => ("tham_quyen: ZZTHAMQUYEN", Some("ZZTHAMQUYEN")),
        "noi_dung" => ("noi_dung: [Zznoidung]", Some("Zznoidung")),
        "nguoi_ky" => (
            "nguoi_ky: {chuc_vu: ZZCHUCVU, ho_ten: Zzhoten}",
            Some("Zzhoten"),
        ),
        "noi_nhan" => ("noi_nhan: [Zznoinhan]", Some("Zznoinhan")),
        "phu_luc" => (
            "phu_luc: [{nhan: ZZPHULUC, noi_dung: [Phụ lục.]}]",
            Some("ZZPHULUC"),
        ),
        "trinh_bay" => ("trinh_bay: {co_chu: 13}", None),
        "dang" => ("dang: true", Some("ĐẢNG CỘNG SẢN VIỆT NAM")),
        "thu_ky" => (
            "thu_ky: {chuc_vu: ZZTHUKY, ho_ten: Zzthuky}",
            Some("Zzthuky"),
        ),
        "ben_kia" => (
            "ben_kia: {chuc_vu: ZZBENKIA, ho_ten: Zzbenkia}",
            Some("Zzbenkia"),
        ),
        _ => return None,
    })
}

/// Keys that print nothing of their own by design, and where their effect
/// is tested: `loai` is the kind itself; `extends` (inheritance, tests of
/// `chain`), `bien` (variables of the templates in the text, `chain`),
/// `ten_co_quan` (the issuer's name in citations of this document, `chain`),
/// `extends_sha256` (the parent's text when derived, `derive`).
const NOT_PRINTED: [&str; 5] = ["loai", "extends", "extends_sha256", "bien", "ten_co_quan"];

fn base(kind: &str) -> String {
    format!("loai: {kind}\nngay: 2023-10-02\nnoi_dung: [Nội dung.]\n")
}

/// A run of text: page, x and y (tenths of a point), text.
type Run = (usize, i64, i64, String);

/// The document `yaml` (one key per line at the top, later keys winning)
/// laid out: its text and the position of every run, or the error.
fn laid_out(yaml: &str) -> Result<(String, Vec<Run>), String> {
    let built = try_build_via_file(yaml)?;
    let flat = flatten(&built.document);
    let runs = flat
        .texts
        .iter()
        .map(|t| {
            (
                t.page,
                (t.x * 10.0) as i64,
                (t.y * 10.0) as i64,
                t.text.clone(),
            )
        })
        .collect();
    Ok((all_text(&lines(&flat)), runs))
}

#[test]
fn every_key_of_the_schema_prints_or_is_refused_in_every_kind() {
    let schema = serde_json::to_value(schemars::schema_for!(vanban::model::VanBan)).unwrap();
    let keys: Vec<String> = schema["properties"]
        .as_object()
        .unwrap()
        .keys()
        .cloned()
        .collect();
    let mut ignored = Vec::new();
    for kind in vanban::model::Loai::ALL {
        let kind = kind.key();
        let (base_text, base_runs) = laid_out(&base(&kind)).unwrap();
        for key in &keys {
            if NOT_PRINTED.contains(&key.as_str()) {
                continue;
            }
            let (yaml, shows) = sample(key)
                .unwrap_or_else(|| panic!("no sample for the key `{key}`: add one to `sample`"));
            // The sample replaces a key of the base with the same name.
            let doc = if key == "noi_dung" || key == "ngay" {
                format!("loai: {kind}\n{yaml}\n")
            } else {
                format!("{}{yaml}\n", base(&kind))
            };
            match laid_out(&doc) {
                Err(e) => {
                    let line = doc
                        .lines()
                        .position(|l| l.starts_with(key.as_str()))
                        .unwrap()
                        + 1;
                    assert!(
                        e.contains(&format!("doc.yaml:{line}:")) && e.contains(&format!("`{key}`")),
                        "{kind}: `{key}` refused, but not at its line {line}:\n{e}"
                    );
                }
                Ok((text, runs)) => {
                    let printed = match shows {
                        Some(s) => text.contains(s) && !base_text.contains(s),
                        None => runs != base_runs,
                    };
                    if !printed {
                        ignored.push(format!("{kind}: {key}"));
                    }
                }
            }
        }
    }
    assert!(
        ignored.is_empty(),
        "keys accepted and ignored:\n{}",
        ignored.join("\n")
    );
}
