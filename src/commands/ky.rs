//! `vanban ky`: signs a sign-ready PDF ([`crate::sign`]) with a PKCS#12
//! file, as an incremental update.

use crate::diag::Error;

/// Signs `input` with the PKCS#12 file `p12`
/// (password from [`crate::sign::keys::password`]) and writes the result to `output`
/// (atomically; the same file is fine, the update only appends).
pub fn run(
    input: &std::path::Path,
    output: &std::path::Path,
    p12: &std::path::Path,
    role: Option<crate::sign::Role>,
    image: Option<&std::path::Path>,
) -> Result<(), Error> {
    let pdf = std::fs::read(input).map_err(|e| Error::io(input, e))?;
    let p12_bytes = std::fs::read(p12).map_err(|e| Error::io(p12, e))?;
    let picture = match image {
        Some(p) => Some(crate::sign::appearance::decode_png(
            &std::fs::read(p).map_err(|e| Error::io(p, e))?,
        )?),
        None => None,
    };
    let id = crate::sign::keys::from_pkcs12(&p12_bytes, &crate::sign::keys::password()?)?;
    let opts = crate::sign::pades::SignOptions {
        role,
        picture,
        time: crate::sign::now_vietnam(),
    };
    let signed = crate::sign::pades::sign(&pdf, &id, &opts)?;
    crate::output::write_atomic(output, &signed)?;
    println!("{}", output.display());
    Ok(())
}
