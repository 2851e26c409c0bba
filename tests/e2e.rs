//! End to end through the library: the example công văn and every document
//! under `data/`, from YAML to laid-out pages and PDF bytes.

use std::path::{Path, PathBuf};

use vanban::load;
use vanban::world::Engine;
use vanban::Builder;

use crate::common::*;

const EXAMPLE: &str = "data/examples/cong-van.yaml";

#[test]
fn example_cong_van_lays_out_as_the_decree_says() {
    let built = layout_file(EXAMPLE);
    assert!(
        built.warnings.trim().is_empty(),
        "warnings:\n{}",
        built.warnings
    );
    let flat = flatten(&built.document);
    let ls = lines(&flat);
    assert!(!flat.pages.is_empty());
    for (w, h) in &flat.pages {
        assert_close(to_mm(*w), 210.0, 0.1, "A4 width (mm)");
        assert_close(to_mm(*h), 297.0, 0.1, "A4 height (mm)");
    }
    let all = all_text(&ls);
    for needle in [
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "Độc lập - Tự do - Hạnh phúc",
        "UBND HUYỆN THỦ THỪA",
        "PHÒNG GIÁO DỤC VÀ ĐÀO TẠO",
        "Thủ Thừa, ngày 02 tháng 10 năm 2023",
        "Kính gửi:",
        "Trân trọng./.",
        "Nơi nhận:",
        "KT. TRƯỞNG PHÒNG",
        "PHÓ TRƯỞNG PHÒNG",
        "Bùi Văn Nhựt",
    ] {
        assert!(all.contains(needle), "missing {needle:?}:\n{}", dump(&ls));
    }
    for t in &flat.texts {
        assert_eq!(t.family, "Liberation Serif", "{t:?}");
    }
    assert_eq!(find_line(&ls, "Số:").text, "Số: 05/PGDĐT");
    // Body text at 14 pt.
    let body = find_line(&ls, "Thực hiện Kế hoạch số 5758/KH-UBND");
    assert_close(body.size(), 14.0, 0.01, "body size");
    let para = find_line(&ls, "Tuần lễ được tổ chức từ ngày 02/10/2023");
    assert_close(para.size(), 14.0, 0.01, "body size");
    // The inline bold of the data.
    let bold = body_run(&ls, "“Tuần lễ hưởng ứng");
    assert!(bold.bold(), "{bold:?}");
    // The V/v subject, and no type name.
    assert!(all.contains("V/v triển khai Tuần lễ hưởng ứng học tập suốt đời năm 2023"));
    assert!(!all.contains("CÔNG VĂN"));
    assert!(!all.contains('•'));
}

/// The run that starts with `start`.
fn body_run<'a>(ls: &'a [Line], start: &str) -> &'a Text {
    ls.iter()
        .flat_map(|l| &l.items)
        .find(|t| t.text.trim_start().starts_with(start))
        .unwrap_or_else(|| panic!("no run starting {start:?}"))
}

#[test]
fn example_cong_van_exports_a_deterministic_pdf() {
    let path = root().join(EXAMPLE);
    let doc = load::load(&path).unwrap_or_else(|e| panic!("{}", e.render(false)));
    let builder = Builder::new(Engine::shared());
    let built = builder.layout(&doc).unwrap();
    let a = builder.pdf(&doc, &built, false).unwrap();
    assert!(a.starts_with(b"%PDF-"), "{:?}", &a[..8.min(a.len())]);
    let built2 = builder.layout(&doc).unwrap();
    let b = builder.pdf(&doc, &built2, false).unwrap();
    assert!(a == b, "two exports of the same document differ");
    // The PDF can be parsed and has as many pages as the layout.
    let pdf = lopdf::Document::load_mem(&a).expect("lopdf parses the PDF");
    assert_eq!(pdf.get_pages().len(), built.document.pages().len());
    // PDF/A-2b too.
    let pdfa = builder.pdf(&doc, &built, true).unwrap();
    assert!(pdfa.starts_with(b"%PDF-"));
    let text = String::from_utf8_lossy(&pdfa);
    assert!(text.contains("pdfaid:part"), "no PDF/A identification");
}

/// Every `*.yaml` under `dir`, recursively.
fn yaml_files(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for e in entries.flatten() {
        let p = e.path();
        if p.is_dir() {
            yaml_files(&p, out);
        } else if p.extension().is_some_and(|x| x == "yaml" || x == "yml") {
            out.push(p);
        }
    }
}

#[test]
fn every_document_under_data_lays_out() {
    let mut files = Vec::new();
    yaml_files(&root().join("data"), &mut files);
    files.sort();
    assert!(!files.is_empty());
    let builder = Builder::new(Engine::shared());
    let mut failures = Vec::new();
    for f in &files {
        let res = load::load(f).and_then(|d| builder.layout(&d).map(|b| (d.doc.clone(), b)));
        match res {
            Ok((doc, b)) => {
                let flat = flatten(&b.document);
                let ls = lines(&flat);
                let all = all_text(&ls);
                // A Party document has its own heading in place of it; an
                // appendix issued as its own file has none (Phụ lục III,
                // Mẫu 2.1): its label.
                let heading = if doc.dang {
                    "ĐẢNG CỘNG SẢN VIỆT NAM"
                } else if doc.loai == vanban::model::Loai::PhuLuc {
                    "Phụ lục"
                } else {
                    "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
                };
                if !all.contains(heading) {
                    failures.push(format!("{}: no {heading}", f.display()));
                }
                if all.contains('•') {
                    failures.push(format!("{}: a • bullet", f.display()));
                }
                for (w, h) in &flat.pages {
                    if (to_mm(*w) - 210.0).abs() > 0.1 || (to_mm(*h) - 297.0).abs() > 0.1 {
                        failures.push(format!("{}: page is not A4", f.display()));
                    }
                }
            }
            Err(e) => failures.push(format!("{}:\n{}", f.display(), e.render(false))),
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
