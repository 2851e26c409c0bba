//! `vanban sao`: an electronic copy (sao y, sao lục, trích sao) of a
//! signed PDF, signed by the copying organisation ([`crate::sign::copy`]),
//! numbered in the organisation's yearly series of copies of the project's
//! register (or with the number given by `--so`, recorded there too).

use std::path::Path;

use chrono::Datelike;

use super::ky::KeySource;
use crate::diag::Error;
use crate::register::db::{self, Record, Register, Series, SeriesKey, Status};
use crate::register::issue::source_of;
use crate::register::msg;
use crate::sign::copy::Copy;

/// Field name of the copying organisation's signature.
pub const FIELD: &str = "sao";

/// Makes the copy of `input` described by `copy`, numbers it (`wanted`, or
/// the next number of the copy series), signs it with `key`, writes it to
/// `output` (atomically) and records it in the register of `output`'s
/// project, all in one transaction of the register: if anything fails, no
/// number is taken and nothing is written.
pub fn run(
    input: &Path,
    output: &Path,
    mut copy: Copy,
    wanted: Option<u32>,
    key: &KeySource,
) -> Result<(), Error> {
    let original = std::fs::read(input).map_err(|e| Error::io(input, e))?;
    // The key first: a wrong password or PIN costs no layout.
    let id = key.open()?;
    let time = crate::sign::now_vietnam();

    let root = crate::load::project_root(output);
    let source = source_of(&root, output);
    let series = SeriesKey {
        issuer_key: db::issuer_key(&copy.organisation),
        year: copy.date.year(),
        series: Series::Copy,
    };
    let mut register = Register::open(&root)?;
    let mut wrote = false;
    let allocated = register.allocate_number(&series, wanted, &source, |number| {
        copy.number = number;
        let signed = make(input, &original, &copy, &id, time)?;
        let record = record_of(&copy, input, &original, &signed);
        crate::output::write_atomic(output, &signed)?;
        wrote = true;
        Ok((record, ()))
    });
    let record = match allocated {
        Ok(Ok((record, ()))) => record,
        Ok(Err(taken)) => {
            return Err(Error::Other(msg::copy_number_taken(
                &taken.so_ky_hieu(),
                &taken.issuer,
                taken.year,
                &taken.source,
            )))
        }
        Err(e) => {
            if wrote {
                // The register refused the row: the copy goes too.
                let _ = std::fs::remove_file(output);
            }
            return Err(e);
        }
    };
    eprintln!(
        "{}",
        msg::copy_issued(
            output,
            &record.so_ky_hieu(),
            &record.date_vn(),
            register.path()
        )
    );
    println!("{}", output.display());
    Ok(())
}

/// The signed copy's bytes.
fn make(
    input: &Path,
    original: &[u8],
    copy: &Copy,
    id: &crate::sign::keys::Identity,
    time: chrono::DateTime<chrono::FixedOffset>,
) -> Result<Vec<u8>, Error> {
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
    let ready = crate::sign::copy::append_page_and_field(original, &page, FIELD, w, h)?;
    let opts = crate::sign::pades::SignOptions {
        role: None,
        picture: None,
        time,
        text: Some(lines),
    };
    crate::sign::pades::sign(&ready, id, &opts)
}

/// The register's row of a copy (number, year, series and source are set
/// by the register).
fn record_of(copy: &Copy, input: &Path, original: &[u8], signed: &[u8]) -> Record {
    let what = crate::sign::copy::title_of(original).unwrap_or_else(|| {
        input
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default()
    });
    let recipients: Vec<&str> = copy.recipients.iter().map(|r| r.trim()).collect();
    Record {
        id: 0,
        issuer: copy.organisation.trim().to_owned(),
        parent_body: copy.parent.as_deref().unwrap_or("").trim().to_owned(),
        year: copy.date.year(),
        series: Series::Copy,
        number: copy.number,
        symbol: copy.ky_hieu(),
        date: copy.date.format("%Y-%m-%d").to_string(),
        kind: copy.form.key().to_owned(),
        title: msg::copy_title(copy.form.key(), &what),
        signer: copy.name.trim().to_owned(),
        recipients: recipients.join("; "),
        file_copy: String::new(),
        copies: None,
        sent_on: String::new(),
        received_by: String::new(),
        note: String::new(),
        source: String::new(),
        pdf_sha256: crate::register::issue::sha256_hex(signed),
        status: Status::Issued,
        withdrawn_on: String::new(),
        recorded_at: String::new(),
    }
}
