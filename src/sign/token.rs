//! Signing with a PKCS#11 token: the USB token a Vietnamese office signs
//! with (its driver is a PKCS#11 library, `.so` / `.dll`), through the
//! `cryptoki` crate.
//!
//! The library comes from `--thu-vien` or [`MODULE_ENV`]; the PIN from
//! [`PIN_ENV`] or a prompt, never from the command line. The key is the
//! only private key on the token, or the one whose label (`CKA_LABEL`) is
//! asked for; its certificate is the one with the same `CKA_ID` (or, on
//! tokens that do not set it, the same label), and the chain is completed
//! from the other certificates on the token.
//!
//! The token signs what it is given: RSA with `CKM_RSA_PKCS` over the
//! SHA-256 `DigestInfo` (the mechanism every token has), ECDSA with
//! `CKM_ECDSA` over the SHA-256 digest (its `r‖s` turned into DER).

use cryptoki::context::{CInitializeArgs, CInitializeFlags, Pkcs11};
use cryptoki::mechanism::Mechanism;
use cryptoki::object::{Attribute, AttributeType, CertificateType, KeyType, ObjectClass};
use cryptoki::session::{Session, UserType};
use der::{Decode, Encode};
use sha2::{Digest, Sha256};
use x509_cert::Certificate;

use super::keys::{Identity, Key};
use crate::diag::{Error, Message, MessageId};

/// The environment variable naming the token's PKCS#11 library.
pub const MODULE_ENV: &str = "VANBAN_PKCS11_MODULE";
/// The environment variable holding the token's PIN.
pub const PIN_ENV: &str = "VANBAN_MA_PIN";

/// A private key that stays on the token; signing goes through its session.
pub struct TokenKey {
    session: Session,
    key: cryptoki::object::ObjectHandle,
    rsa: bool,
}

impl TokenKey {
    /// Signs `data` (SHA-256 with the key's algorithm): the signature and
    /// whether it is RSA (else ECDSA, DER-encoded).
    pub fn sign(&self, data: &[u8]) -> Result<(Vec<u8>, bool), Error> {
        let digest = Sha256::digest(data);
        if self.rsa {
            // DigestInfo ::= SEQUENCE { sha256 AlgorithmIdentifier, OCTET STRING }.
            let mut info = vec![
                0x30, 0x31, 0x30, 0x0d, 0x06, 0x09, 0x60, 0x86, 0x48, 0x01, 0x65, 0x03, 0x04, 0x02,
                0x01, 0x05, 0x00, 0x04, 0x20,
            ];
            info.extend_from_slice(&digest);
            let sig = self
                .session
                .sign(&Mechanism::RsaPkcs, self.key, &info)
                .map_err(token_error)?;
            Ok((sig, true))
        } else {
            let raw = self
                .session
                .sign(&Mechanism::Ecdsa, self.key, &digest)
                .map_err(token_error)?;
            Ok((ecdsa_der(&raw)?, false))
        }
    }
}

/// ECDSA-Sig-Value ::= SEQUENCE { r INTEGER, s INTEGER }.
#[derive(der::Sequence)]
struct EcdsaSig<'a> {
    r: der::asn1::UintRef<'a>,
    s: der::asn1::UintRef<'a>,
}

fn ecdsa_der(raw: &[u8]) -> Result<Vec<u8>, Error> {
    let (r, s) = raw.split_at(raw.len() / 2);
    let bad = |e: der::Error| token_error(e);
    EcdsaSig {
        r: der::asn1::UintRef::new(r).map_err(bad)?,
        s: der::asn1::UintRef::new(s).map_err(bad)?,
    }
    .to_der()
    .map_err(bad)
}

fn msg(id: MessageId, args: &[(&'static str, String)]) -> Error {
    Error::Other(Message::new(id, args).encoded())
}

fn token_error(e: impl std::fmt::Display) -> Error {
    msg(MessageId::TokenError, &[("detail", e.to_string())])
}

/// The library to load: `module` (the option), else [`MODULE_ENV`].
pub fn module_path(module: Option<&std::path::Path>) -> Result<std::path::PathBuf, Error> {
    if let Some(m) = module {
        return Ok(m.to_owned());
    }
    match std::env::var_os(MODULE_ENV) {
        Some(m) if !m.is_empty() => Ok(m.into()),
        _ => Err(msg(
            MessageId::TokenNoModule,
            &[("env", MODULE_ENV.to_owned())],
        )),
    }
}

/// The token's PIN: [`PIN_ENV`] if set, else asked on the terminal
/// without echo.
pub fn pin() -> Result<String, Error> {
    if let Ok(p) = std::env::var(PIN_ENV) {
        return Ok(p);
    }
    use std::io::IsTerminal;
    if !std::io::stdin().is_terminal() {
        return Err(msg(
            MessageId::TokenPinNeeded,
            &[("env", PIN_ENV.to_owned())],
        ));
    }
    let prompt = format!("{}: ", Message::bare(MessageId::TokenPinPrompt));
    rpassword::prompt_password(prompt).map_err(token_error)
}

/// Opens the token through the library `module`, logs in with `pin` and
/// returns the key labelled `label` (or the only key) with its chain.
pub fn open(module: &std::path::Path, pin: &str, label: Option<&str>) -> Result<Identity, Error> {
    let pkcs11 = Pkcs11::new(module).map_err(|e| {
        msg(
            MessageId::TokenLoad,
            &[
                ("path", module.display().to_string()),
                ("detail", e.to_string()),
            ],
        )
    })?;
    pkcs11
        .initialize(CInitializeArgs::new(CInitializeFlags::OS_LOCKING_OK))
        .map_err(token_error)?;
    let slots = pkcs11
        .get_slots_with_initialized_token()
        .map_err(token_error)?;
    let slot = match slots[..] {
        [] => return Err(msg(MessageId::TokenNone, &[])),
        [one] => one,
        _ => {
            let names = slots
                .iter()
                .filter_map(|s| pkcs11.get_token_info(*s).ok())
                .map(|t| t.label().trim().to_owned())
                .collect::<Vec<_>>()
                .join(", ");
            return Err(msg(MessageId::TokenSeveral, &[("tokens", names)]));
        }
    };
    let session = pkcs11.open_ro_session(slot).map_err(token_error)?;
    let secret = cryptoki::types::AuthPin::from(pin.to_owned());
    use cryptoki::error::{Error as P11, RvError};
    match session.login(UserType::User, Some(&secret)) {
        Ok(()) | Err(P11::Pkcs11(RvError::UserAlreadyLoggedIn, _)) => {}
        Err(P11::Pkcs11(RvError::PinIncorrect | RvError::PinLenRange | RvError::PinInvalid, _)) => {
            return Err(msg(MessageId::TokenPinWrong, &[]))
        }
        Err(P11::Pkcs11(RvError::PinLocked, _)) => return Err(msg(MessageId::TokenPinLocked, &[])),
        Err(e) => return Err(token_error(e)),
    }

    let keys = objects(&session, ObjectClass::PRIVATE_KEY)?;
    let key = match label {
        Some(l) => keys.iter().find(|k| k.label == l).ok_or_else(|| {
            msg(
                MessageId::TokenNoSuchKey,
                &[("label", l.to_owned()), ("labels", labels(&keys))],
            )
        })?,
        None => match &keys[..] {
            [] => return Err(msg(MessageId::TokenNoKey, &[])),
            [one] => one,
            _ => {
                return Err(msg(
                    MessageId::TokenSeveralKeys,
                    &[("labels", labels(&keys))],
                ))
            }
        },
    };
    let certs = objects(&session, ObjectClass::CERTIFICATE)?;
    let own = certs
        .iter()
        .find(|c| !key.id.is_empty() && c.id == key.id)
        .or_else(|| certs.iter().find(|c| c.label == key.label))
        .ok_or_else(|| msg(MessageId::TokenNoCert, &[("label", key.label.clone())]))?;
    let parse = |c: &Found| Certificate::from_der(&c.value).map_err(token_error);
    let mut chain = vec![parse(own)?];
    // The CAs above it, as far as the token has them.
    let others = certs
        .iter()
        .filter(|c| c.handle != own.handle)
        .filter_map(|c| parse(c).ok())
        .collect::<Vec<_>>();
    while chain.len() <= others.len() {
        let last = chain.last().expect("not empty").tbs_certificate();
        if last.issuer() == last.subject() {
            break;
        }
        let Some(up) = others
            .iter()
            .find(|c| c.tbs_certificate().subject() == last.issuer())
        else {
            break;
        };
        chain.push(up.clone());
    }
    let spki_alg = chain[0]
        .tbs_certificate()
        .subject_public_key_info()
        .algorithm
        .oid;
    let rsa = match key.key_type {
        Some(t) if t == KeyType::RSA => true,
        Some(t) if t == KeyType::EC => false,
        _ => spki_alg == der::oid::ObjectIdentifier::new_unwrap("1.2.840.113549.1.1.1"),
    };
    Ok(Identity {
        key: Key::Token(Box::new(TokenKey {
            session,
            key: key.handle,
            rsa,
        })),
        chain,
    })
}

/// An object found on the token, with the attributes that matter here.
struct Found {
    handle: cryptoki::object::ObjectHandle,
    label: String,
    id: Vec<u8>,
    value: Vec<u8>,
    key_type: Option<KeyType>,
}

fn labels(found: &[Found]) -> String {
    found
        .iter()
        .map(|f| format!("`{}`", f.label))
        .collect::<Vec<_>>()
        .join(", ")
}

fn objects(session: &Session, class: ObjectClass) -> Result<Vec<Found>, Error> {
    let mut template = vec![Attribute::Class(class)];
    if class == ObjectClass::CERTIFICATE {
        template.push(Attribute::CertificateType(CertificateType::X_509));
    }
    let handles = session.find_objects(&template).map_err(token_error)?;
    let mut out = Vec::new();
    for handle in handles {
        let mut wanted = vec![AttributeType::Label, AttributeType::Id];
        if class == ObjectClass::CERTIFICATE {
            wanted.push(AttributeType::Value);
        } else {
            wanted.push(AttributeType::KeyType);
        }
        let attrs = session
            .get_attributes(handle, &wanted)
            .map_err(token_error)?;
        let mut f = Found {
            handle,
            label: String::new(),
            id: Vec::new(),
            value: Vec::new(),
            key_type: None,
        };
        for a in attrs {
            match a {
                Attribute::Label(l) => f.label = String::from_utf8_lossy(&l).into_owned(),
                Attribute::Id(i) => f.id = i,
                Attribute::Value(v) => f.value = v,
                Attribute::KeyType(t) => f.key_type = Some(t),
                _ => {}
            }
        }
        out.push(f);
    }
    Ok(out)
}
