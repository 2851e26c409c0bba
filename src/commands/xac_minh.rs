//! `vanban xac-minh`: the report on each signature of a PDF
//! ([`crate::sign::verify`]), in Vietnamese.

use crate::diag::Error;

/// Prints the report on each signature; returns whether everything checked
/// out: every
/// signature intact, valid and trusted, the last one covering the whole
/// file, and (with embedded sources) the signed revision rebuilt exactly.
pub fn run(pdf_path: &std::path::Path, trust: &[std::path::PathBuf]) -> Result<bool, Error> {
    use std::fmt::Write;
    let pdf = std::fs::read(pdf_path).map_err(|e| Error::io(pdf_path, e))?;
    let pems = trust
        .iter()
        .map(|p| std::fs::read(p).map_err(|e| Error::io(p, e)))
        .collect::<Result<Vec<_>, _>>()?;
    let anchors = crate::sign::verify::trust_store(&pems)?;
    let reports = crate::sign::verify::verify(&pdf, &anchors)?;
    let mut out = String::new();
    if reports.is_empty() {
        let _ = writeln!(
            out,
            "{}: không có chữ ký số (no signature)",
            pdf_path.display()
        );
        print!("{out}");
        return Ok(false);
    }
    let mut all_good = true;
    for r in &reports {
        let verdict = if r.good() {
            "HỢP LỆ"
        } else {
            "KHÔNG HỢP LỆ"
        };
        all_good &= r.good();
        let _ = writeln!(
            out,
            "{}: {verdict} — {}{}",
            r.field,
            r.signer,
            r.organisation
                .as_deref()
                .map(|o| format!(" ({o})"))
                .unwrap_or_default()
        );
        if let Some(t) = &r.time {
            let _ = writeln!(
                out,
                "  thời gian ký: {}",
                crate::sign::verify::show_pdf_date(t)
            );
        }
        let yes = |b: bool, y: &str, n: &str| if b { y.to_string() } else { n.to_string() };
        let _ = writeln!(
            out,
            "  toàn vẹn: {}; chữ ký: {}; chứng thư: {}",
            yes(r.intact, "nguyên vẹn", "ĐÃ BỊ SỬA"),
            yes(r.valid, "đúng", "SAI"),
            r.untrusted.clone().unwrap_or_else(|| "tin cậy".into())
        );
        let _ = writeln!(
            out,
            "  phạm vi: {}",
            if r.whole_file {
                "toàn bộ tệp".to_string()
            } else {
                format!("{} byte đầu; phần sau được thêm sau khi ký", r.revision_end)
            }
        );
    }
    let last = reports.iter().max_by_key(|r| r.revision_end);
    if last.is_some_and(|r| !r.whole_file) {
        all_good = false;
        let _ = writeln!(
            out,
            "CẢNH BÁO: tệp có nội dung thêm sau chữ ký cuối cùng, không được ký (content after the last signature)"
        );
    }
    match crate::sign::verify::rebuild_matches(&pdf, &reports)? {
        Some(true) => {
            let _ = writeln!(
                out,
                "nguồn YAML kèm theo: dựng lại đúng từng byte phiên bản đã ký"
            );
        }
        Some(false) => {
            all_good = false;
            let _ = writeln!(
                out,
                "KHÁC NGUỒN: nguồn YAML kèm theo không dựng lại được đúng phiên bản đã ký"
            );
        }
        None => {}
    }
    print!("{out}");
    Ok(all_good)
}
