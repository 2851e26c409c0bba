//! `vanban xac-minh`: checks each signature of a PDF: that the bytes it
//! covers are unchanged (the CMS message digest), that the signature over
//! them is the signer's (the certificate's public key), that the
//! certificate chains up to a trusted CA, and what was added after it.

use std::time::{Duration, SystemTime};

use cms::content_info::ContentInfo;
use cms::signed_data::{SignedData, SignerIdentifier};
use der::{Decode, Encode, Reader, SliceReader};
use lopdf::{Document, Object};
use sha2::{Digest, Sha256};
use x509_cert::Certificate;

use super::keys::{common_name, organisation};
use super::pdf::{decode_text, err, field_name, resolve, signature_fields};
use crate::diag::Error;

/// What was found about one signature.
#[derive(Debug, Clone)]
pub struct SignatureReport {
    /// The field's name (`nguoi-ky`, `co-quan`).
    pub field: String,
    /// The signer's name (certificate CN).
    pub signer: String,
    /// The signer's organisation (certificate O), if given.
    pub organisation: Option<String>,
    /// The signing time the signer claims (`/M`), as written.
    pub time: Option<String>,
    /// The covered bytes are those signed.
    pub intact: bool,
    /// The signature verifies with the signer's certificate.
    pub valid: bool,
    /// Why the certificate is not trusted (`None`: it chains to a trust
    /// anchor and was valid at the signing time).
    pub untrusted: Option<String>,
    /// Bytes of the file this signature covers (its revision ends there).
    pub revision_end: usize,
    /// It covers the whole file.
    pub whole_file: bool,
}

impl SignatureReport {
    /// Intact, valid and trusted.
    pub fn good(&self) -> bool {
        self.intact && self.valid && self.untrusted.is_none()
    }
}

/// Reads the trust store: one or more PEM certificates per file.
pub fn trust_store(pems: &[Vec<u8>]) -> Result<Vec<Certificate>, Error> {
    let mut out = Vec::new();
    for pem in pems {
        out.extend(
            Certificate::load_pem_chain(pem)
                .map_err(|e| err(&crate::i18n::t("sign-bad-trust-store", &[]), e))?,
        );
    }
    Ok(out)
}

/// Checks every signature of `pdf` against the trust anchors `trust`.
pub fn verify(pdf: &[u8], trust: &[Certificate]) -> Result<Vec<SignatureReport>, Error> {
    let doc = Document::load_mem(pdf)
        .map_err(|e| err(&crate::i18n::t("sign-cannot-read-pdf", &[]), e))?;
    let mut out = Vec::new();
    for (_, field) in signature_fields(&doc) {
        let Ok(v) = field.get(b"V") else { continue };
        let sig = resolve(&doc, v)?
            .as_dict()
            .map_err(|e| err(&crate::i18n::t("sign-bad-signature", &[]), e))?;
        out.push(check_one(pdf, &field_name(field), sig, trust, &doc)?);
    }
    out.sort_by_key(|r| r.revision_end);
    Ok(out)
}

fn check_one(
    pdf: &[u8],
    field: &str,
    sig: &lopdf::Dictionary,
    trust: &[Certificate],
    doc: &Document,
) -> Result<SignatureReport, Error> {
    let bad = |m: &str| {
        Error::Other(crate::i18n::t(
            "sign-field-problem",
            &[("field", field), ("problem", m)],
        ))
    };
    let range: Vec<usize> = resolve(
        doc,
        sig.get(b"ByteRange")
            .map_err(|_| bad(&crate::i18n::t("sign-no-byterange", &[])))?,
    )?
    .as_array()
    .map_err(|_| bad(&crate::i18n::t("sign-bad-byterange", &[])))?
    .iter()
    .map(|o| o.as_i64().ok().and_then(|v| usize::try_from(v).ok()))
    .collect::<Option<_>>()
    .ok_or_else(|| bad(&crate::i18n::t("sign-bad-byterange", &[])))?;
    let [a, b, c, d] = range[..] else {
        return Err(bad(&crate::i18n::t("sign-bad-byterange", &[])));
    };
    // One hole, starting at the file's start and exactly over /Contents.
    let sane = a == 0
        && b < c
        && c.checked_add(d).is_some_and(|end| end <= pdf.len())
        && pdf.get(b) == Some(&b'<')
        && pdf.get(c - 1) == Some(&b'>');
    let contents = sig
        .get(b"Contents")
        .and_then(Object::as_str)
        .map_err(|_| bad(&crate::i18n::t("sign-no-contents", &[])))?;
    let mut reader = SliceReader::new(contents).map_err(|e| bad(&e.to_string()))?;
    let info = ContentInfo::decode(&mut reader).map_err(|e| {
        bad(&crate::i18n::t(
            "sign-bad-cms",
            &[("detail", &e.to_string())],
        ))
    })?;
    let _ = reader.remaining_len();
    let sd: SignedData = info.content.decode_as().map_err(|e: der::Error| {
        bad(&crate::i18n::t(
            "sign-bad-signed-data",
            &[("detail", &e.to_string())],
        ))
    })?;
    let si = sd
        .signer_infos
        .0
        .iter()
        .next()
        .ok_or_else(|| bad(&crate::i18n::t("sign-cms-no-signer", &[])))?;
    let certs: Vec<Certificate> = sd
        .certificates
        .iter()
        .flat_map(|s| s.0.iter())
        .filter_map(|c| match c {
            cms::cert::CertificateChoices::Certificate(c) => Some(c.clone()),
            _ => None,
        })
        .collect();
    let signer = match &si.sid {
        SignerIdentifier::IssuerAndSerialNumber(ias) => certs.iter().find(|c| {
            c.tbs_certificate().issuer() == &ias.issuer
                && c.tbs_certificate().serial_number() == &ias.serial_number
        }),
        SignerIdentifier::SubjectKeyIdentifier(_) => certs.first(),
    }
    .ok_or_else(|| bad(&crate::i18n::t("sign-cms-no-signer-cert", &[])))?;

    // Integrity: the digest of the covered bytes is the one signed.
    let mut intact = false;
    if sane {
        let mut h = Sha256::new();
        h.update(&pdf[a..b]);
        h.update(&pdf[c..c + d]);
        let digest = h.finalize();
        intact = si.signed_attrs.as_ref().is_some_and(|attrs| {
            attrs.iter().any(|attr| {
                attr.oid == const_oid::db::rfc5911::ID_MESSAGE_DIGEST
                    && attr.values.iter().any(|v| {
                        v.decode_as::<der::asn1::OctetString>()
                            .is_ok_and(|o| o.as_bytes() == digest.as_slice())
                    })
            })
        });
    }
    // The signature over the signed attributes.
    let valid = match &si.signed_attrs {
        Some(attrs) => attrs
            .to_der()
            .ok()
            .is_some_and(|msg| verify_with(signer, &msg, si.signature.as_bytes())),
        None => false,
    };
    let time = sig.get(b"M").and_then(Object::as_str).ok().map(decode_text);
    let at = time
        .as_deref()
        .and_then(parse_pdf_date)
        .unwrap_or_else(SystemTime::now);
    let untrusted = chain_problem(signer, &certs, trust, at);
    Ok(SignatureReport {
        field: field.to_string(),
        signer: common_name(signer),
        organisation: organisation(signer),
        time,
        intact,
        valid,
        untrusted,
        revision_end: c + d,
        whole_file: sane && c + d == pdf.len(),
    })
}

/// Verifies `sig` over `msg` with the certificate's key (RSA PKCS#1 v1.5
/// or ECDSA P-256, SHA-256).
fn verify_with(cert: &Certificate, msg: &[u8], sig: &[u8]) -> bool {
    use rsa::signature::Verifier;
    let Ok(spki) = cert.tbs_certificate().subject_public_key_info().to_der() else {
        return false;
    };
    {
        use rsa::pkcs8::DecodePublicKey;
        if let Ok(k) = rsa::PublicKey::from_public_key_der(&spki) {
            let k = rsa::pkcs1v15::VerifyingKey::<Sha256>::new(k);
            return rsa::pkcs1v15::Signature::try_from(sig)
                .is_ok_and(|s| k.verify(msg, &s).is_ok());
        }
    }
    use p256::pkcs8::DecodePublicKey;
    if let Ok(k) = p256::ecdsa::VerifyingKey::from_public_key_der(&spki) {
        return p256::ecdsa::DerSignature::try_from(sig).is_ok_and(|s| k.verify(msg, &s).is_ok());
    }
    false
}

/// Why `leaf` does not chain to one of `trust` (each link's signature
/// checked, each certificate valid at `at`), or `None` if it does.
fn chain_problem(
    leaf: &Certificate,
    pool: &[Certificate],
    trust: &[Certificate],
    at: SystemTime,
) -> Option<String> {
    let mut cert = leaf.clone();
    for _ in 0..8 {
        let v = cert.tbs_certificate().validity();
        if at < v.not_before.to_system_time() || at > v.not_after.to_system_time() {
            return Some(crate::i18n::t(
                "sign-cert-expired",
                &[("name", &common_name(&cert))],
            ));
        }
        if trust.contains(&cert) {
            return None;
        }
        let issuer_name = cert.tbs_certificate().issuer();
        let Ok(tbs) = cert.tbs_certificate().to_der() else {
            return Some(crate::i18n::t("sign-bad-cert", &[]));
        };
        let issuer = trust
            .iter()
            .chain(pool)
            .filter(|c| c.tbs_certificate().subject() == issuer_name)
            .find(|c| verify_with(c, &tbs, cert.signature().as_bytes().unwrap_or_default()));
        match issuer {
            Some(i) if i == &cert => {
                return Some(crate::i18n::t(
                    "sign-root-untrusted",
                    &[("name", &common_name(i))],
                ))
            }
            Some(i) => cert = i.clone(),
            None => {
                return Some(crate::i18n::t(
                    "sign-issuer-not-found",
                    &[
                        ("name", &common_name(&cert)),
                        ("issuer", &issuer_name.to_string()),
                    ],
                ))
            }
        }
    }
    Some(crate::i18n::t("sign-chain-too-long", &[]))
}

/// `D:YYYYMMDDHHmmSS+07'00'` as a point in time.
fn parse_pdf_date(s: &str) -> Option<SystemTime> {
    let s = s.strip_prefix("D:").unwrap_or(s);
    let digits = s.get(..14)?;
    let naive = chrono::NaiveDateTime::parse_from_str(digits, "%Y%m%d%H%M%S").ok()?;
    let rest = &s[14..];
    let off = match rest.chars().next() {
        Some(sign @ ('+' | '-')) => {
            let h: i64 = rest.get(1..3)?.parse().ok()?;
            let m: i64 = rest.get(4..6).and_then(|m| m.parse().ok()).unwrap_or(0);
            let v = h * 3600 + m * 60;
            if sign == '-' {
                -v
            } else {
                v
            }
        }
        _ => 0,
    };
    let secs = naive.and_utc().timestamp() - off;
    Some(SystemTime::UNIX_EPOCH + Duration::from_secs(u64::try_from(secs).ok()?))
}

/// For a PDF built with `--embed-source --ky-so`: rebuilds the document
/// from the sources embedded in its first revision (what was signed) and
/// tells whether that revision is exactly the rebuilt file. `None`: no
/// sources embedded or nothing signed.
pub fn rebuild_matches(pdf: &[u8], reports: &[SignatureReport]) -> Result<Option<bool>, Error> {
    let Some(first) = reports.iter().min_by_key(|r| r.revision_end) else {
        return Ok(None);
    };
    // The unsigned file ends at the last `%%EOF` before the first
    // signature's update.
    let signed = &pdf[..first.revision_end.min(pdf.len())];
    let Some(contents_at) = signed
        .windows(10)
        .rposition(|w| w == b"/Contents<" || w == b"/Contents ")
    else {
        return Ok(None);
    };
    let Some(eof) = signed[..contents_at]
        .windows(5)
        .rposition(|w| w == b"%%EOF")
    else {
        return Ok(None);
    };
    let base = &signed[..eof + 5];
    let has_source = crate::embed::embedded_files(base)
        .map(|f| !f.is_empty())
        .unwrap_or(false);
    if !has_source {
        return Ok(None);
    }
    let tmp = tempfile::tempdir().map_err(|e| Error::Other(e.to_string()))?;
    let base_pdf = tmp.path().join("goc.pdf");
    std::fs::write(&base_pdf, base).map_err(|e| Error::io(&base_pdf, e))?;
    let got = crate::embed::extract(&base_pdf, &tmp.path().join("src"))?;
    let doc = crate::load::load(&got.document)?;
    let engine = crate::world::Engine::new(&[], None).map_err(Error::Other)?;
    let mut builder = crate::Builder::new(&engine);
    builder.embed_source = true;
    builder.ky_so = true;
    let built = builder.layout(&doc)?;
    let rebuilt = builder.pdf(&doc, &built, got.pdf_a)?;
    let same = rebuilt.len() >= base.len()
        && rebuilt.len() <= base.len() + 2
        && signed.starts_with(&rebuilt);
    Ok(Some(same))
}

/// `D:20261130170000+07'00'` as `30/11/2026 17:00:00 +07:00`.
pub fn show_pdf_date(s: &str) -> String {
    let d = s.strip_prefix("D:").unwrap_or(s);
    let (Some(y), Some(mo), Some(da), Some(h), Some(mi), Some(se)) = (
        d.get(0..4),
        d.get(4..6),
        d.get(6..8),
        d.get(8..10),
        d.get(10..12),
        d.get(12..14),
    ) else {
        return s.to_string();
    };
    let off = d.get(14..).unwrap_or("").replace('\'', ":");
    let off = off.trim_end_matches(':');
    format!("{da}/{mo}/{y} {h}:{mi}:{se} {off}")
}
