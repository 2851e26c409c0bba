//! PAdES signing (ETSI EN 319 142-1, baseline B-B): a CMS `SignedData`
//! over the file's bytes except the signature itself (`/ByteRange`),
//! detached, `/SubFilter /ETSI.CAdES.detached`, appended to the PDF as an
//! incremental update so that earlier signatures stay valid.
//!
//! The CMS structure is built by the RustCrypto `cms` crate; the ESS
//! `signing-certificate-v2` attribute PAdES requires is declared with
//! `der`'s derive macros from RFC 5035's ASN.1 module.

use std::io::Write;

use chrono::{DateTime, FixedOffset};
use cms::cert::{CertificateChoices, IssuerAndSerialNumber};
use cms::signed_data::{EncapsulatedContentInfo, SignerIdentifier};
use der::asn1::{OctetString, SetOfVec};
use der::{Decode, Encode, Sequence};
use lopdf::{dictionary, Document, Object};
use sha2::{Digest, Sha256};
use x509_cert::ext::pkix::name::GeneralName;
use x509_cert::serial_number::SerialNumber;
use x509_cert::spki::AlgorithmIdentifierOwned;

use super::appearance::{image_appearance, Picture};
use super::keys::{common_name, Identity, Key};
use super::pdf::{acroform, catalog_id, err, field_name, rect, signature_fields, text_string};
use super::Role;
use crate::diag::Error;

/// Room reserved for the CMS structure, in bytes (hex-encoded twice that):
/// a chain of a few certificates with 4096-bit keys fits.
pub const CONTENTS_SIZE: usize = 16 * 1024;

/// What to sign and how it looks.
pub struct SignOptions {
    /// The field to fill; `None`: the first unsigned one.
    pub role: Option<Role>,
    /// The picture shown in the field (signature or seal); `None`: the
    /// signature is visible only as a field, with nothing drawn.
    pub picture: Option<Picture>,
    /// The signing time, written in `/M` with its offset (Việt Nam: +07:00).
    pub time: DateTime<FixedOffset>,
    /// Lines of text shown instead of a picture (the organisation's
    /// signature on an attached file, [`super::text_block`]).
    pub text: Option<Vec<String>>,
}

/// Signs `pdf` and returns the signed file (the input bytes followed by
/// the update).
pub fn sign(pdf: &[u8], id: &Identity, opts: &SignOptions) -> Result<Vec<u8>, Error> {
    let doc = Document::load_mem(pdf)
        .map_err(|e| err(&crate::i18n::t("sign-cannot-read-pdf", &[]), e))?;
    if doc.is_encrypted() {
        return Err(Error::Other(crate::i18n::t("sign-encrypted", &[])));
    }
    let fields = signature_fields(&doc);
    if fields.is_empty() {
        return Err(Error::Other(crate::i18n::t("sign-no-fields", &[])));
    }
    let unsigned = |d: &lopdf::Dictionary| d.get(b"V").is_err();
    let (field_id, field) = match opts.role {
        Some(role) => fields
            .iter()
            .find(|(_, d)| field_name(d) == role.field_name())
            .ok_or_else(|| {
                Error::Other(crate::i18n::t(
                    "sign-no-such-field",
                    &[("field", role.field_name())],
                ))
            })?,
        None => fields
            .iter()
            .find(|(_, d)| unsigned(d))
            .ok_or_else(|| Error::Other(crate::i18n::t("sign-all-signed", &[])))?,
    };
    if !unsigned(field) {
        return Err(Error::Other(crate::i18n::t(
            "sign-field-signed",
            &[("field", &field_name(field).to_string())],
        )));
    }
    let field_id = *field_id;
    let name = field_name(field);
    let field = (*field).clone();
    let r = field
        .get(b"Rect")
        .ok()
        .and_then(|o| rect(&doc, o))
        .unwrap_or([0.0; 4]);

    // New and changed objects, numbered after the existing ones.
    let mut upd = Document::new();
    upd.max_id = doc.max_id;
    let ap = match &opts.text {
        Some(lines) => super::text_block::appearance(&mut upd, r[2] - r[0], r[3] - r[1], lines)?,
        None => image_appearance(&mut upd, r[2] - r[0], r[3] - r[1], opts.picture.as_ref()),
    };
    let sig_id = upd.new_object_id();
    let mut widget = field;
    widget.set("V", Object::Reference(sig_id));
    widget.set("AP", dictionary! { "N" => Object::Reference(ap) });
    upd.objects.insert(field_id, Object::Dictionary(widget));
    // SignaturesExist | AppendOnly.
    let form_ref = doc
        .get_dictionary(catalog_id(&doc)?)
        .ok()
        .and_then(|c| c.get(b"AcroForm").ok())
        .cloned();
    match form_ref {
        Some(Object::Reference(form_id)) => {
            let mut form = acroform(&doc).cloned().unwrap_or_default();
            form.set("SigFlags", 3);
            upd.objects.insert(form_id, Object::Dictionary(form));
        }
        _ => {
            let cat_id = catalog_id(&doc)?;
            let mut cat = doc
                .get_dictionary(cat_id)
                .map_err(|e| err("PDF", e))?
                .clone();
            let mut form = acroform(&doc).cloned().unwrap_or_default();
            form.set("SigFlags", 3);
            cat.set("AcroForm", Object::Dictionary(form));
            upd.objects.insert(cat_id, Object::Dictionary(cat));
        }
    }

    let signer = id.certificate();
    let mut sig = dictionary! {
        "Type" => "Sig",
        "Filter" => "Adobe.PPKLite",
        "SubFilter" => "ETSI.CAdES.detached",
        "ByteRange" => vec![0.into(), PLACEHOLDER.into(), PLACEHOLDER.into(), PLACEHOLDER.into()],
        "Contents" => Object::String(vec![0; CONTENTS_SIZE], lopdf::StringFormat::Hexadecimal),
        "M" => Object::string_literal(pdf_date(&opts.time)),
        "Name" => text_string(&common_name(signer)),
    };
    if let Some(role) = Role::from_field_name(&name) {
        sig.set("Reason", text_string(role.description()));
    }
    upd.objects.insert(sig_id, Object::Dictionary(sig));

    let mut out = pdf.to_vec();
    append_update(&mut out, &doc, &upd)?;
    fill_signature(&mut out, id)?;
    Ok(out)
}

/// Wide enough for any offset, so that the real `/ByteRange` fits in its
/// place.
const PLACEHOLDER: i64 = 1_000_000_000;

/// `D:YYYYMMDDHHmmSS+07'00'`.
pub fn pdf_date(t: &DateTime<FixedOffset>) -> String {
    let off = t.offset().local_minus_utc();
    let sign = if off < 0 { '-' } else { '+' };
    let off = off.abs();
    format!(
        "D:{}{sign}{:02}'{:02}'",
        t.format("%Y%m%d%H%M%S"),
        off / 3600,
        off % 3600 / 60
    )
}

/// Appends `upd`'s objects, a cross-reference section and a trailer
/// pointing back at the previous one (ISO 32000-1, 7.5.6).
pub(crate) fn append_update(
    out: &mut Vec<u8>,
    prev: &Document,
    upd: &Document,
) -> Result<(), Error> {
    let io = |e: std::io::Error| Error::Other(e.to_string());
    let prev_xref = last_startxref(out)
        .ok_or_else(|| Error::Other(crate::i18n::t("sign-no-startxref", &[])))?;
    if out.last() != Some(&b'\n') {
        out.push(b'\n');
    }
    let mut offsets: Vec<(u32, u16, usize)> = Vec::new();
    for (&(num, gen), obj) in &upd.objects {
        offsets.push((num, gen, out.len()));
        writeln!(out, "{num} {gen} obj").map_err(io)?;
        lopdf::Writer::write_object(out, obj).map_err(io)?;
        out.extend_from_slice(b"\nendobj\n");
    }
    let xref = out.len();
    out.extend_from_slice(b"xref\n");
    for (num, gen, off) in &offsets {
        write!(out, "{num} 1\n{off:010} {gen:05} n\r\n").map_err(io)?;
    }
    let mut trailer = dictionary! {
        "Size" => i64::from(prev.max_id.max(upd.max_id)) + 1,
        "Prev" => prev_xref as i64,
    };
    for key in [b"Root".as_slice(), b"Info", b"ID"] {
        if let Ok(v) = prev.trailer.get(key) {
            trailer.set(key, v.clone());
        }
    }
    out.extend_from_slice(b"trailer\n");
    lopdf::Writer::write_object(out, &Object::Dictionary(trailer)).map_err(io)?;
    write!(out, "\nstartxref\n{xref}\n%%EOF\n").map_err(io)?;
    Ok(())
}

/// The offset after the file's last `startxref`.
pub fn last_startxref(pdf: &[u8]) -> Option<usize> {
    let tail_from = pdf.len().saturating_sub(2048);
    let tail = &pdf[tail_from..];
    let at = tail.windows(9).rposition(|w| w == b"startxref")?;
    let rest = std::str::from_utf8(&tail[at + 9..]).ok()?;
    rest.split_whitespace().next()?.parse().ok()
}

/// Computes the `/ByteRange`, signs the bytes it covers and writes the CMS
/// structure into the placeholder of the last signature dictionary.
fn fill_signature(out: &mut [u8], id: &Identity) -> Result<(), Error> {
    let placeholder = format!("[0 {PLACEHOLDER} {PLACEHOLDER} {PLACEHOLDER}]");
    let br_at = rfind(out, placeholder.as_bytes())
        .ok_or_else(|| Error::Other("internal: no /ByteRange placeholder".into()))?;
    let hex_len = CONTENTS_SIZE * 2;
    let contents_at = rfind(out, b"/Contents<")
        .or_else(|| rfind(out, b"/Contents <"))
        .ok_or_else(|| Error::Other("internal: no /Contents placeholder".into()))?;
    let start = contents_at
        + out[contents_at..]
            .iter()
            .position(|&b| b == b'<')
            .unwrap_or(0);
    let end = start + hex_len + 2;
    if out.get(end - 1) != Some(&b'>') {
        return Err(Error::Other(
            "internal: /Contents placeholder is not where expected".into(),
        ));
    }
    let range = [0, start, end, out.len() - end];
    let mut text = format!("[{} {} {} {}]", range[0], range[1], range[2], range[3]).into_bytes();
    // Keep the length: pad with spaces before the closing bracket.
    let close = text.pop();
    text.resize(placeholder.len() - 1, b' ');
    text.extend(close);
    out[br_at..br_at + placeholder.len()].copy_from_slice(&text);

    let mut h = Sha256::new();
    h.update(&out[..start]);
    h.update(&out[end..]);
    let digest = h.finalize();
    let cms = cms_signature(&digest, id)?;
    if cms.len() > CONTENTS_SIZE {
        return Err(Error::Other(crate::i18n::t(
            "sign-too-large",
            &[
                ("bytes", &cms.len().to_string()),
                ("room", &CONTENTS_SIZE.to_string()),
            ],
        )));
    }
    let hex: Vec<u8> = cms
        .iter()
        .flat_map(|b| format!("{b:02X}").into_bytes())
        .collect();
    out[start + 1..start + 1 + hex.len()].copy_from_slice(&hex);
    Ok(())
}

fn rfind(hay: &[u8], needle: &[u8]) -> Option<usize> {
    hay.windows(needle.len()).rposition(|w| w == needle)
}

/// ESS `SigningCertificateV2` (RFC 5035), with SHA-256 (the default
/// hash, so left out of each `ESSCertIDv2`).
#[derive(Sequence)]
struct SigningCertificateV2 {
    certs: Vec<EssCertIdV2>,
}

#[derive(Sequence)]
struct EssCertIdV2 {
    cert_hash: OctetString,
    issuer_serial: IssuerSerial,
}

#[derive(Sequence)]
struct IssuerSerial {
    issuer: Vec<GeneralName>,
    serial_number: SerialNumber,
}

/// The detached CMS `SignedData` over a document digest: signed attributes
/// content-type, message-digest and signing-certificate-v2 (no
/// signing-time: PAdES takes the time from `/M`), signed by the key, with
/// the certificate chain.
pub fn cms_signature(digest: &[u8], id: &Identity) -> Result<Vec<u8>, Error> {
    use cms::content_info::{CmsVersion, ContentInfo};
    use cms::signed_data::{CertificateSet, SignedData, SignerInfo, SignerInfos};
    use const_oid::db::{rfc5911, rfc5912};
    let fail = |e: &dyn std::fmt::Display| {
        Error::Other(crate::i18n::t(
            "sign-cms-failed",
            &[("detail", &e.to_string())],
        ))
    };
    let signer = id.certificate();
    let sha256 = AlgorithmIdentifierOwned {
        oid: rfc5912::ID_SHA_256,
        parameters: None,
    };
    let attr = |oid, value: der::Any| -> Result<x509_cert::attr::Attribute, Error> {
        Ok(x509_cert::attr::Attribute {
            oid,
            values: SetOfVec::try_from(vec![value]).map_err(|e| fail(&e))?,
        })
    };
    let cert_der = signer.to_der().map_err(|e| fail(&e))?;
    let ess = SigningCertificateV2 {
        certs: vec![EssCertIdV2 {
            cert_hash: OctetString::new(Sha256::digest(&cert_der).to_vec())
                .map_err(|e| fail(&e))?,
            issuer_serial: IssuerSerial {
                issuer: vec![GeneralName::DirectoryName(
                    signer.tbs_certificate().issuer().clone(),
                )],
                serial_number: signer.tbs_certificate().serial_number().clone(),
            },
        }],
    };
    let signed_attrs = SetOfVec::try_from(vec![
        attr(rfc5911::ID_CONTENT_TYPE, any_of(&rfc5911::ID_DATA)?)?,
        attr(
            rfc5911::ID_MESSAGE_DIGEST,
            any_of(&OctetString::new(digest.to_vec()).map_err(|e| fail(&e))?)?,
        )?,
        attr(rfc5911::ID_AA_SIGNING_CERTIFICATE_V_2, any_of(&ess)?)?,
    ])
    .map_err(|e| fail(&e))?;
    // The signature is over the DER of the attributes as a SET OF.
    let to_sign = signed_attrs.to_der().map_err(|e| fail(&e))?;
    let (signature, signature_algorithm) = match &id.key {
        Key::Rsa(k) => {
            use rsa::signature::{SignatureEncoding, Signer};
            let sig: rsa::pkcs1v15::Signature = k.try_sign(&to_sign).map_err(|e| fail(&e))?;
            (sig.to_vec(), rfc5912::SHA_256_WITH_RSA_ENCRYPTION)
        }
        Key::P256(k) => {
            use rsa::signature::{SignatureEncoding, Signer};
            let sig: p256::ecdsa::DerSignature = k.try_sign(&to_sign).map_err(|e| fail(&e))?;
            (sig.to_vec(), rfc5912::ECDSA_WITH_SHA_256)
        }
        Key::Token(t) => match t.sign(&to_sign)? {
            (sig, true) => (sig, rfc5912::SHA_256_WITH_RSA_ENCRYPTION),
            (sig, false) => (sig, rfc5912::ECDSA_WITH_SHA_256),
        },
    };
    let info = SignerInfo {
        version: CmsVersion::V1,
        sid: SignerIdentifier::IssuerAndSerialNumber(IssuerAndSerialNumber {
            issuer: signer.tbs_certificate().issuer().clone(),
            serial_number: signer.tbs_certificate().serial_number().clone(),
        }),
        digest_alg: sha256.clone(),
        signed_attrs: Some(signed_attrs),
        signature_algorithm: AlgorithmIdentifierOwned {
            oid: signature_algorithm,
            // sha256WithRSAEncryption takes an explicit NULL.
            parameters: (signature_algorithm == rfc5912::SHA_256_WITH_RSA_ENCRYPTION)
                .then(|| der::Any::from(der::asn1::Null)),
        },
        signature: OctetString::new(signature).map_err(|e| fail(&e))?,
        unsigned_attrs: None,
    };
    let certs = id
        .chain
        .iter()
        .map(|c| CertificateChoices::Certificate(c.clone()))
        .collect::<Vec<_>>();
    let sd = SignedData {
        version: CmsVersion::V1,
        digest_algorithms: SetOfVec::try_from(vec![sha256]).map_err(|e| fail(&e))?,
        encap_content_info: EncapsulatedContentInfo {
            econtent_type: rfc5911::ID_DATA,
            econtent: None,
        },
        certificates: Some(CertificateSet(
            SetOfVec::try_from(certs).map_err(|e| fail(&e))?,
        )),
        crls: None,
        signer_infos: SignerInfos(SetOfVec::try_from(vec![info]).map_err(|e| fail(&e))?),
    };
    ContentInfo {
        content_type: rfc5911::ID_SIGNED_DATA,
        content: any_of(&sd)?,
    }
    .to_der()
    .map_err(|e| fail(&e))
}

/// A value as `Any` (its DER, decoded back as a tagged value).
fn any_of(v: &impl Encode) -> Result<der::Any, Error> {
    let fail = |e: der::Error| {
        Error::Other(crate::i18n::t(
            "sign-cms-failed",
            &[("detail", &e.to_string())],
        ))
    };
    der::Any::from_der(&v.to_der().map_err(fail)?).map_err(fail)
}
