//! The signing key and its certificates, from a PKCS#12 file (`.p12`,
//! `.pfx`), the form a certification authority hands a soft certificate in.
//!
//! The password comes from the environment ([`PASSWORD_ENV`]) or a prompt
//! on the terminal, never from the command line, where other users and the
//! shell history would see it.

use der::{Decode, Encode};
use x509_cert::Certificate;

use crate::diag::Error;

/// The environment variable holding the PKCS#12 password.
pub const PASSWORD_ENV: &str = "VANBAN_MAT_KHAU";

/// A private key of a kind Vietnamese certificates use.
pub enum Key {
    /// RSA, signed with PKCS#1 v1.5 and SHA-256 (most tokens and soft
    /// certificates issued in Việt Nam).
    Rsa(Box<rsa::pkcs1v15::SigningKey<sha2::Sha256>>),
    /// ECDSA on P-256 with SHA-256.
    P256(Box<p256::ecdsa::SigningKey>),
    /// A key that stays on a PKCS#11 token ([`super::token`]).
    Token(Box<super::token::TokenKey>),
}

/// A key with its certificate chain, signer's certificate first.
pub struct Identity {
    /// The private key.
    pub key: Key,
    /// The signer's certificate, then the CAs above it (as the file has them).
    pub chain: Vec<Certificate>,
}

impl Identity {
    /// The signer's certificate.
    pub fn certificate(&self) -> &Certificate {
        &self.chain[0]
    }
}

const RSA_OID: der::oid::ObjectIdentifier =
    der::oid::ObjectIdentifier::new_unwrap("1.2.840.113549.1.1.1");
const EC_OID: der::oid::ObjectIdentifier =
    der::oid::ObjectIdentifier::new_unwrap("1.2.840.10045.2.1");

/// Reads a PKCS#12 file's key and certificates.
pub fn from_pkcs12(bytes: &[u8], password: &str) -> Result<Identity, Error> {
    use p12_keystore::{KeyStore, Pkcs12ImportPolicy};
    let store =
        KeyStore::from_pkcs12(bytes, password, Pkcs12ImportPolicy::Relaxed).map_err(|e| {
            Error::Other(crate::i18n::t(
                "sign-p12-cannot-open",
                &[("detail", &e.to_string())],
            ))
        })?;
    let (_, chain) = store
        .private_key_chain()
        .ok_or_else(|| Error::Other(crate::i18n::t("sign-p12-no-key", &[])))?;
    let certs = chain
        .certs()
        .iter()
        .map(|c| Certificate::from_der(c.as_der()))
        .collect::<Result<Vec<_>, _>>()
        .map_err(|e| {
            Error::Other(crate::i18n::t(
                "sign-bad-certificate",
                &[("detail", &e.to_string())],
            ))
        })?;
    if certs.is_empty() {
        return Err(Error::Other(crate::i18n::t("sign-p12-no-cert", &[])));
    }
    let key = key_from_pkcs8(chain.key().as_der(), chain.key().oid())?;
    let id = Identity { key, chain: certs };
    check_pair(&id)?;
    Ok(id)
}

fn key_from_pkcs8(der: &[u8], oid: der::oid::ObjectIdentifier) -> Result<Key, Error> {
    let bad = |e: &dyn std::fmt::Display| {
        Error::Other(crate::i18n::t(
            "sign-bad-key",
            &[("detail", &e.to_string())],
        ))
    };
    if oid == RSA_OID {
        use rsa::pkcs8::DecodePrivateKey;
        let k = rsa::PrivateKey::from_pkcs8_der(der).map_err(|e| bad(&e))?;
        Ok(Key::Rsa(Box::new(rsa::pkcs1v15::SigningKey::new(k))))
    } else if oid == EC_OID {
        use p256::pkcs8::DecodePrivateKey;
        let k = p256::ecdsa::SigningKey::from_pkcs8_der(der).map_err(|e| bad(&e))?;
        Ok(Key::P256(Box::new(k)))
    } else {
        Err(Error::Other(crate::i18n::t(
            "sign-key-type",
            &[("oid", &oid.to_string())],
        )))
    }
}

/// The key must be the one the first certificate certifies.
fn check_pair(id: &Identity) -> Result<(), Error> {
    use p256::pkcs8::EncodePublicKey as _;
    use rsa::signature::Keypair;
    let spki = match &id.key {
        Key::Rsa(k) => rsa::pkcs8::EncodePublicKey::to_public_key_der(&k.verifying_key()),
        Key::P256(k) => k.verifying_key().to_public_key_der(),
        // The token pairs key and certificate by their CKA_ID.
        Key::Token(_) => return Ok(()),
    }
    .map_err(|e| Error::Other(e.to_string()))?;
    let cert_spki = id
        .certificate()
        .tbs_certificate()
        .subject_public_key_info()
        .to_der()
        .map_err(|e| Error::Other(e.to_string()))?;
    if spki.as_bytes() != cert_spki.as_slice() {
        return Err(Error::Other(crate::i18n::t("sign-key-mismatch", &[])));
    }
    Ok(())
}

/// The PKCS#12 password: [`PASSWORD_ENV`] if set, else asked on the
/// terminal without echo.
pub fn password() -> Result<String, Error> {
    if let Ok(p) = std::env::var(PASSWORD_ENV) {
        return Ok(p);
    }
    use std::io::IsTerminal;
    if !std::io::stdin().is_terminal() {
        return Err(Error::Other(crate::i18n::t(
            "sign-password-needed",
            &[("var", PASSWORD_ENV)],
        )));
    }
    rpassword::prompt_password(crate::i18n::t("sign-password-prompt", &[]) + " ").map_err(|e| {
        Error::Other(crate::i18n::t(
            "sign-password-unreadable",
            &[("detail", &e.to_string())],
        ))
    })
}

/// The common name (CN) of a certificate's subject, or the whole subject.
pub fn common_name(cert: &Certificate) -> String {
    name_part(cert.tbs_certificate().subject(), "2.5.4.3")
        .unwrap_or_else(|| cert.tbs_certificate().subject().to_string())
}

/// The organisation (O) of a certificate's subject, if any.
pub fn organisation(cert: &Certificate) -> Option<String> {
    name_part(cert.tbs_certificate().subject(), "2.5.4.10")
}

fn name_part(name: &x509_cert::name::Name, oid: &str) -> Option<String> {
    let oid = der::oid::ObjectIdentifier::new(oid).ok()?;
    for atv in name.iter() {
        if atv.oid == oid {
            if let Ok(s) = atv.value.decode_as::<der::asn1::Utf8StringRef<'_>>() {
                return Some(s.as_str().to_string());
            }
            if let Ok(s) = atv.value.decode_as::<der::asn1::PrintableStringRef<'_>>() {
                return Some(s.as_str().to_string());
            }
        }
    }
    None
}
