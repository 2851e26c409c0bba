//! `vanban sao`: an electronic copy (sao y, sao lục, trích sao) of a
//! signed PDF, signed by the copying organisation ([`crate::sign::copy`]).

use std::path::Path;

use super::ky::KeySource;
use crate::diag::Error;
use crate::sign::copy::Copy;

/// Field name of the copying organisation's signature.
pub const FIELD: &str = "sao";

/// Makes the copy of `input` described by `copy`, signs it with `key` and
/// writes it to `output` (atomically).
pub fn run(input: &Path, output: &Path, copy: &Copy, key: &KeySource) -> Result<(), Error> {
    let original = std::fs::read(input).map_err(|e| Error::io(input, e))?;
    // The key first: a wrong password or PIN costs no layout.
    let id = key.open()?;
    let time = crate::sign::now_vietnam();

    // The copy's page, laid out by Typst.
    let engine = crate::world::Engine::shared();
    let source = copy.typst_source(engine.family());
    let root = input
        .parent()
        .map(Path::to_owned)
        .unwrap_or_else(|| ".".into());
    let world = crate::world::DocWorld::new(engine, source.clone(), "sao.typ".into(), root, None);
    let compiled = crate::output::compile(&world)?;
    let page = crate::output::pdf(
        &compiled.document,
        &source,
        &crate::output::PdfSettings::default(),
    )?;

    let lines = copy.signature_lines(&time);
    let (w, h) = crate::sign::text_block::size(&lines)?;
    let ready = crate::sign::copy::append_page_and_field(&original, &page, FIELD, w, h)?;
    let opts = crate::sign::pades::SignOptions {
        role: None,
        picture: None,
        time,
        text: Some(lines),
    };
    let signed = crate::sign::pades::sign(&ready, &id, &opts)?;
    crate::output::write_atomic(output, &signed)?;
    println!("{}", output.display());
    Ok(())
}
