//! `vanban ky`: signs a sign-ready PDF ([`crate::sign`]) with a PKCS#12
//! file or a PKCS#11 token, as an incremental update.

use std::path::{Path, PathBuf};

use crate::diag::Error;
use crate::sign::keys::Identity;

/// Where the key comes from.
pub enum KeySource {
    /// A PKCS#12 file (password from [`crate::sign::keys::password`]).
    P12(PathBuf),
    /// A PKCS#11 token: its library ([`crate::sign::token::module_path`])
    /// and the key's label (`None`: the only key on the token).
    Token {
        /// `--thu-vien`.
        module: Option<PathBuf>,
        /// `--nhan`.
        label: Option<String>,
    },
}

impl KeySource {
    /// Opens the key, and checks that its certificate may sign now.
    pub fn open(&self) -> Result<Identity, Error> {
        let (id, source) = match self {
            KeySource::P12(p12) => {
                let bytes = std::fs::read(p12).map_err(|e| Error::io(p12, e))?;
                let id = crate::sign::keys::from_pkcs12(&bytes, &crate::sign::keys::password()?)?;
                (id, p12.display().to_string())
            }
            KeySource::Token { module, label } => {
                let module = crate::sign::token::module_path(module.as_deref())?;
                let id = crate::sign::token::open(
                    &module,
                    &crate::sign::token::pin()?,
                    label.as_deref(),
                )?;
                let source = match label {
                    Some(l) => format!("token `{l}`"),
                    None => "token".to_owned(),
                };
                (id, source)
            }
        };
        crate::sign::usage::check(id.certificate(), &source, crate::sign::now_vietnam())?;
        Ok(id)
    }
}

/// Signs `input` with the key from `key` and writes the result to `output`
/// (atomically; the same file is fine, the update only appends).
pub fn run(
    input: &Path,
    output: &Path,
    key: &KeySource,
    role: Option<crate::sign::Role>,
    image: Option<&Path>,
) -> Result<(), Error> {
    let pdf = std::fs::read(input).map_err(|e| Error::io(input, e))?;
    let picture = match image {
        Some(p) => Some(crate::sign::appearance::decode_png(
            &std::fs::read(p).map_err(|e| Error::io(p, e))?,
        )?),
        None => None,
    };
    let id = key.open()?;
    let opts = crate::sign::pades::SignOptions {
        role,
        picture,
        time: crate::sign::now_vietnam(),
        text: None,
    };
    let signed = crate::sign::pades::sign(&pdf, &id, &opts)?;
    crate::output::write_atomic(output, &signed)?;
    println!("{}", output.display());
    Ok(())
}

/// Signs `input`, a file attached to the document numbered `so_ky_hieu`, as
/// the organisation: a new field at the top right of page 1 showing the
/// number and the signing time ([`crate::sign::text_block`]).
pub fn run_attached(
    input: &Path,
    output: &Path,
    key: &KeySource,
    so_ky_hieu: &str,
) -> Result<(), Error> {
    use crate::diag::{Message, MessageId};
    if so_ky_hieu.trim().is_empty() {
        return Err(Error::Other(
            Message::bare(MessageId::AttachedNoNumber).encoded(),
        ));
    }
    let pdf = std::fs::read(input).map_err(|e| Error::io(input, e))?;
    let time = crate::sign::now_vietnam();
    let lines = crate::sign::text_block::lines(so_ky_hieu, &time);
    let ready = crate::sign::text_block::add_field(&pdf, &lines)?;
    let id = key.open()?;
    let opts = crate::sign::pades::SignOptions {
        role: Some(crate::sign::Role::CoQuan),
        picture: None,
        time,
        text: Some(lines),
    };
    let signed = crate::sign::pades::sign(&ready, &id, &opts)?;
    crate::output::write_atomic(output, &signed)?;
    println!("{}", output.display());
    Ok(())
}
