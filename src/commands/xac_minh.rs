//! `vanban xac-minh`: the report on each signature of a PDF
//! ([`crate::sign::verify`]), worded by the catalogue (`verify-*`).

use crate::diag::Error;

/// Prints the report on each signature; returns whether everything checked
/// out: every
/// signature intact, valid and trusted, the last one covering the whole
/// file, and (with embedded sources) the signed revision rebuilt exactly.
pub fn run(pdf_path: &std::path::Path, trust: &[std::path::PathBuf]) -> Result<bool, Error> {
    use crate::i18n::t;
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
            "{}",
            t(
                "verify-no-signature",
                &[("path", &pdf_path.display().to_string())]
            )
        );
        print!("{out}");
        return Ok(false);
    }
    let mut all_good = true;
    for r in &reports {
        let verdict = t(
            "verify-verdict",
            &[("good", if r.good() { "yes" } else { "no" })],
        );
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
        if let Some(time) = &r.time {
            let _ = writeln!(
                out,
                "  {}",
                t(
                    "verify-time",
                    &[("time", &crate::sign::verify::show_pdf_date(time))]
                )
            );
        }
        let yes = |b: bool| if b { "yes" } else { "no" };
        let _ = writeln!(
            out,
            "  {}",
            t(
                "verify-checks",
                &[
                    ("intact", yes(r.intact)),
                    ("valid", yes(r.valid)),
                    (
                        "trust",
                        &r.untrusted
                            .clone()
                            .unwrap_or_else(|| t("verify-trusted", &[]))
                    ),
                ]
            )
        );
        let _ = writeln!(
            out,
            "  {}",
            if r.whole_file {
                t("verify-scope-whole", &[])
            } else {
                t(
                    "verify-scope-part",
                    &[("bytes", &r.revision_end.to_string())],
                )
            }
        );
    }
    let last = reports.iter().max_by_key(|r| r.revision_end);
    if last.is_some_and(|r| !r.whole_file) {
        all_good = false;
        let _ = writeln!(out, "{}", t("verify-content-after", &[]));
    }
    match crate::sign::verify::rebuild_matches(&pdf, &reports)? {
        Some(true) => {
            let _ = writeln!(out, "{}", t("verify-rebuilt", &[]));
        }
        Some(false) => {
            all_good = false;
            let _ = writeln!(out, "{}", t("verify-not-rebuilt", &[]));
        }
        None => {}
    }
    print!("{out}");
    Ok(all_good)
}
