//! Vietnamese date filters and functions for minijinja, shared by the
//! layout templates ([`crate::render`]) and by the templates written in
//! document text ([`crate::load`]).

use minijinja::{Environment, Error, ErrorKind};

use crate::vndate::{self, Ngay};

/// Vietnamese date filters, shared by the layout templates and by the
/// templates written in document text.
pub fn add_date_filters(env: &mut Environment<'_>) {
    env.add_filter("ngay", |s: &str| date_filter(s, Ngay::dai));
    env.add_filter("ngay_ngan", |s: &str| date_filter(s, Ngay::ngan));
    env.add_filter("ngay_so", |s: &str| date_filter(s, Ngay::ngan_du));
    env.add_filter("thu", |s: &str| {
        let d = parse_date(s)?;
        d.date()
            .map(|d| vndate::thu(d).to_owned())
            .ok_or_else(|| invalid(format!("`{s}` has no day, so no weekday")))
    });
    env.add_filter("cong_ngay", |s: &str, days: i64| {
        let d = parse_date(s)?
            .date()
            .ok_or_else(|| invalid(format!("`{s}` is not a full date")))?;
        // Far dates (beyond chrono's range) are an error, not a panic.
        let moved = chrono::Duration::try_days(days)
            .and_then(|delta| d.checked_add_signed(delta))
            .filter(|m| (1..=9999).contains(&chrono::Datelike::year(m)))
            .ok_or_else(|| invalid(format!("`{s}` moved by {days} days is out of range")))?;
        Ok::<_, Error>(moved.format("%Y-%m-%d").to_string())
    });
    env.add_function("khoang", |a: &str, b: &str| {
        let (a, b) = (parse_date(a)?, parse_date(b)?);
        match (a.date(), b.date()) {
            (Some(a), Some(b)) => Ok(vndate::khoang(a, b)),
            _ => Err(invalid("a range needs two full dates".into())),
        }
    });
}

fn invalid(msg: String) -> Error {
    Error::new(ErrorKind::InvalidOperation, msg)
}

fn parse_date(s: &str) -> Result<Ngay, Error> {
    Ngay::parse(s).map_err(invalid)
}

fn date_filter(s: &str, f: fn(&Ngay) -> String) -> Result<String, Error> {
    parse_date(s).map(|d| f(&d))
}
