//! Digital signatures as NĐ30 (Điều 5, Phụ lục I) asks for them.
//!
//! - [`fields`]: sign-ready PDFs (`vanban build --ky-so`): two empty
//!   signature fields at the places the layout gives the signer's image
//!   (ô 7c) and the seal (ô 8), read from `<vanban-ky-so>` metadata.
//! - [`keys`]: the signing key and certificates (PKCS#12 file).
//! - [`pades`]: PAdES signing (CMS detached, `ETSI.CAdES.detached`) as an
//!   incremental update, with the visible appearance of Phụ lục I.
//! - [`verify`]: `vanban xac-minh`, checking each signature.

pub mod appearance;
pub mod fields;
pub mod keys;
pub mod pades;
pub mod pdf;
pub mod verify;

/// The two signatures an electronic document carries (NĐ30 Điều 5).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Role {
    /// The person with authority who signs (ô 7c): the signature image.
    NguoiKy,
    /// The issuing organisation (ô 8): the seal image, or for an attached
    /// file the text block at the top right of page 1.
    CoQuan,
}

impl Role {
    /// The field name in the PDF (`/T`).
    pub fn field_name(self) -> &'static str {
        match self {
            Role::NguoiKy => "nguoi-ky",
            Role::CoQuan => "co-quan",
        }
    }

    /// The role a field name stands for.
    pub fn from_field_name(name: &str) -> Option<Role> {
        match name {
            "nguoi-ky" => Some(Role::NguoiKy),
            "co-quan" => Some(Role::CoQuan),
            _ => None,
        }
    }

    /// The field's description (`/TU`), shown by PDF readers.
    pub fn description(self) -> &'static str {
        match self {
            Role::NguoiKy => "Chữ ký số của người có thẩm quyền",
            Role::CoQuan => "Chữ ký số của cơ quan, tổ chức ban hành",
        }
    }
}

/// The signing time: now, in Việt Nam's time zone (UTC+07:00), as NĐ30
/// writes it.
pub fn now_vietnam() -> chrono::DateTime<chrono::FixedOffset> {
    let tz = chrono::FixedOffset::east_opt(7 * 3600).expect("valid offset");
    chrono::Utc::now().with_timezone(&tz)
}

/// What `vanban ky` does: signs `input` with the PKCS#12 file `p12`
/// (password from [`keys::password`]) and writes the result to `output`
/// (atomically; the same file is fine, the update only appends).
pub fn ky_file(
    input: &std::path::Path,
    output: &std::path::Path,
    p12: &std::path::Path,
    role: Option<Role>,
    image: Option<&std::path::Path>,
) -> Result<(), crate::diag::Error> {
    use crate::diag::Error;
    let pdf = std::fs::read(input).map_err(|e| Error::io(input, e))?;
    let p12_bytes = std::fs::read(p12).map_err(|e| Error::io(p12, e))?;
    let picture = match image {
        Some(p) => Some(appearance::decode_png(
            &std::fs::read(p).map_err(|e| Error::io(p, e))?,
        )?),
        None => None,
    };
    let id = keys::from_pkcs12(&p12_bytes, &keys::password()?)?;
    let opts = pades::SignOptions {
        role,
        picture,
        time: now_vietnam(),
    };
    let signed = pades::sign(&pdf, &id, &opts)?;
    crate::output::write_atomic(output, &signed)
}

/// What `vanban xac-minh` prints, and whether everything checked out: every
/// signature intact, valid and trusted, the last one covering the whole
/// file, and (with embedded sources) the signed revision rebuilt exactly.
pub fn xac_minh_file(
    pdf_path: &std::path::Path,
    trust: &[std::path::PathBuf],
) -> Result<(String, bool), crate::diag::Error> {
    use crate::diag::Error;
    use std::fmt::Write;
    let pdf = std::fs::read(pdf_path).map_err(|e| Error::io(pdf_path, e))?;
    let pems = trust
        .iter()
        .map(|p| std::fs::read(p).map_err(|e| Error::io(p, e)))
        .collect::<Result<Vec<_>, _>>()?;
    let anchors = verify::trust_store(&pems)?;
    let reports = verify::verify(&pdf, &anchors)?;
    let mut out = String::new();
    if reports.is_empty() {
        let _ = writeln!(
            out,
            "{}: không có chữ ký số (no signature)",
            pdf_path.display()
        );
        return Ok((out, false));
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
            let _ = writeln!(out, "  thời gian ký: {}", verify::show_pdf_date(t));
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
    match verify::rebuild_matches(&pdf, &reports)? {
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
    Ok((out, all_good))
}
