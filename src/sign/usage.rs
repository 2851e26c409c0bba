//! Before signing: is the certificate one that may sign a document now?
//! It must be within its validity period and, when it states a key usage,
//! allow `digitalSignature` or `nonRepudiation` (RFC 5280, 4.2.1.3). A
//! refused certificate is named with where it came from (the PKCS#12 file,
//! or the token's key label) and what to do.

use chrono::{DateTime, FixedOffset, TimeZone};
use der::Decode;
use x509_cert::ext::pkix::{KeyUsage, KeyUsages};
use x509_cert::Certificate;

use super::keys::common_name;
use crate::diag::{Error, Message, MessageId};

/// Refuses `cert` (from `source`) if it is expired or not yet valid at
/// `now`, or if its key usage forbids signing.
pub fn check(cert: &Certificate, source: &str, now: DateTime<FixedOffset>) -> Result<(), Error> {
    let refuse = |id, date: Option<String>, usage: Option<String>| {
        let mut m = Message::new(
            id,
            &[("source", source.to_owned()), ("name", common_name(cert))],
        );
        if let Some(d) = date {
            m = m.with("date", d);
        }
        if let Some(u) = usage {
            m = m.with("usage", u);
        }
        Err(Error::Other(m.encoded()))
    };
    let validity = cert.tbs_certificate().validity();
    let at = |t: &x509_cert::time::Time| {
        let secs = t.to_unix_duration().as_secs() as i64;
        now.timezone()
            .timestamp_opt(secs, 0)
            .single()
            .unwrap_or(now)
    };
    let (from, until) = (at(&validity.not_before), at(&validity.not_after));
    if now > until {
        return refuse(MessageId::CertExpired, Some(show(until)), None);
    }
    if now < from {
        return refuse(MessageId::CertNotYet, Some(show(from)), None);
    }
    if let Some(exts) = cert.tbs_certificate().extensions() {
        let oid = <KeyUsage as const_oid::AssociatedOid>::OID;
        for ext in exts.iter().filter(|e| e.extn_id == oid) {
            // An extension that does not decode forbids as much as one
            // that says no.
            let usage = KeyUsage::from_der(ext.extn_value.as_bytes())
                .unwrap_or(KeyUsage(der::flagset::FlagSet::default()));
            if !usage.digital_signature() && !usage.non_repudiation() {
                return refuse(MessageId::CertUsage, None, Some(usage_names(&usage)));
            }
        }
    }
    Ok(())
}

/// `dd/mm/yyyy hh:mm:ss +07:00`.
fn show(t: DateTime<FixedOffset>) -> String {
    t.format("%d/%m/%Y %H:%M:%S %:z").to_string()
}

fn usage_names(usage: &KeyUsage) -> String {
    let names = [
        (KeyUsages::DigitalSignature, "digitalSignature"),
        (KeyUsages::NonRepudiation, "nonRepudiation"),
        (KeyUsages::KeyEncipherment, "keyEncipherment"),
        (KeyUsages::DataEncipherment, "dataEncipherment"),
        (KeyUsages::KeyAgreement, "keyAgreement"),
        (KeyUsages::KeyCertSign, "keyCertSign"),
        (KeyUsages::CRLSign, "cRLSign"),
        (KeyUsages::EncipherOnly, "encipherOnly"),
        (KeyUsages::DecipherOnly, "decipherOnly"),
    ];
    let list: Vec<&str> = names
        .iter()
        .filter(|(f, _)| usage.0.contains(*f))
        .map(|(_, n)| *n)
        .collect();
    if list.is_empty() {
        "—".into()
    } else {
        list.join(", ")
    }
}
