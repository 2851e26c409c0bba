//! The register database (sổ đăng ký văn bản đi): one SQLite file per
//! project, `so-van-ban.sqlite` at the project root, holding every issued
//! number with the columns of Phụ lục IV of Nghị định 30/2020/NĐ-CP, its
//! series, the YAML it was issued for and the hash of the PDF built.
//!
//! Numbers are taken inside `BEGIN IMMEDIATE` transactions: the first
//! process to start one holds the write lock until it commits, the others
//! wait for it (busy timeout), so two processes never read the same "last
//! number". The `UNIQUE` constraint on (issuer, year, series, number) is
//! the last guard. A withdrawn number stays in the register, so the next
//! number is always above it.

use std::path::{Path, PathBuf};
use std::time::Duration;

use rusqlite::{params, Connection, OptionalExtension, TransactionBehavior};
use rusqlite_migration::{Migrations, M};
use serde::Serialize;
use unicode_normalization::UnicodeNormalization;

use super::msg;
use crate::diag::Error;

/// File name of the register, at the project root.
pub const FILE_NAME: &str = "so-van-ban.sqlite";

/// How long a process waits for another one holding the register.
const BUSY_TIMEOUT: Duration = Duration::from_secs(120);

/// Schema versions, oldest first; never edit a released one, add the next.
const MIGRATIONS: &[&str] = &[
    // 1: the register of outgoing documents.
    "CREATE TABLE entries (
        id INTEGER PRIMARY KEY,
        -- cơ quan ban hành as written, and the key its series is kept under
        issuer TEXT NOT NULL,
        issuer_key TEXT NOT NULL,
        -- cơ quan chủ quản (for the cover of the printed register)
        parent_body TEXT NOT NULL DEFAULT '',
        year INTEGER NOT NULL,
        series TEXT NOT NULL CHECK (series IN ('ordinary', 'secret')),
        number INTEGER NOT NULL CHECK (number > 0),
        -- Phụ lục IV: ký hiệu, ngày tháng, tên loại và trích yếu, người ký,
        -- nơi nhận, đơn vị/người nhận bản lưu, số lượng bản, ngày chuyển,
        -- ký nhận, ghi chú
        symbol TEXT NOT NULL DEFAULT '',
        date TEXT NOT NULL,
        kind TEXT NOT NULL DEFAULT '',
        title TEXT NOT NULL DEFAULT '',
        signer TEXT NOT NULL DEFAULT '',
        recipients TEXT NOT NULL DEFAULT '',
        file_copy TEXT NOT NULL DEFAULT '',
        copies INTEGER,
        sent_on TEXT NOT NULL DEFAULT '',
        received_by TEXT NOT NULL DEFAULT '',
        note TEXT NOT NULL DEFAULT '',
        -- the YAML (relative to the project root, `/` separators) and the
        -- SHA-256 of the PDF built when the number was issued
        source TEXT NOT NULL DEFAULT '',
        pdf_sha256 TEXT NOT NULL DEFAULT '',
        status TEXT NOT NULL DEFAULT 'issued' CHECK (status IN ('issued', 'withdrawn')),
        withdrawn_on TEXT NOT NULL DEFAULT '',
        recorded_at TEXT NOT NULL,
        UNIQUE (issuer_key, year, series, number)
    );
    CREATE INDEX entries_source ON entries (source);",
    // 2: a third series, the organisation's copies (bản sao: sao y, sao
    // lục, trích sao), numbered in their own sequence each year. SQLite
    // cannot change a CHECK constraint: the table is rebuilt, every row
    // and the index kept.
    "CREATE TABLE entries_new (
        id INTEGER PRIMARY KEY,
        issuer TEXT NOT NULL,
        issuer_key TEXT NOT NULL,
        parent_body TEXT NOT NULL DEFAULT '',
        year INTEGER NOT NULL,
        series TEXT NOT NULL CHECK (series IN ('ordinary', 'secret', 'copy')),
        number INTEGER NOT NULL CHECK (number > 0),
        symbol TEXT NOT NULL DEFAULT '',
        date TEXT NOT NULL,
        kind TEXT NOT NULL DEFAULT '',
        title TEXT NOT NULL DEFAULT '',
        signer TEXT NOT NULL DEFAULT '',
        recipients TEXT NOT NULL DEFAULT '',
        file_copy TEXT NOT NULL DEFAULT '',
        copies INTEGER,
        sent_on TEXT NOT NULL DEFAULT '',
        received_by TEXT NOT NULL DEFAULT '',
        note TEXT NOT NULL DEFAULT '',
        source TEXT NOT NULL DEFAULT '',
        pdf_sha256 TEXT NOT NULL DEFAULT '',
        status TEXT NOT NULL DEFAULT 'issued' CHECK (status IN ('issued', 'withdrawn')),
        withdrawn_on TEXT NOT NULL DEFAULT '',
        recorded_at TEXT NOT NULL,
        UNIQUE (issuer_key, year, series, number)
    );
    INSERT INTO entries_new SELECT id, issuer, issuer_key, parent_body, year, series, number,
        symbol, date, kind, title, signer, recipients, file_copy, copies, sent_on, received_by,
        note, source, pdf_sha256, status, withdrawn_on, recorded_at FROM entries;
    DROP TABLE entries;
    ALTER TABLE entries_new RENAME TO entries;
    CREATE INDEX entries_source ON entries (source);",
];

/// Which sequence a number belongs to: secret documents keep their own
/// (Điều 15).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Series {
    /// Every document that is not secret.
    Ordinary,
    /// Documents with a `do_mat` mark.
    Secret,
    /// The organisation's copies (sao y, sao lục, trích sao).
    Copy,
}

impl Series {
    fn as_sql(self) -> &'static str {
        match self {
            Series::Ordinary => "ordinary",
            Series::Secret => "secret",
            Series::Copy => "copy",
        }
    }

    fn from_sql(s: &str) -> Self {
        match s {
            "secret" => Series::Secret,
            "copy" => Series::Copy,
            _ => Series::Ordinary,
        }
    }

    /// The selector the catalogue's series variants use (`ordinary`,
    /// `secret`, `copy`).
    pub fn word(self) -> &'static str {
        self.as_sql()
    }

    /// The series as printed (`văn bản mật `, `bản sao ` or nothing), for
    /// messages.
    pub fn label(self) -> String {
        msg::series_label(self)
    }
}

/// Whether a number stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Status {
    /// Issued and in force.
    Issued,
    /// Withdrawn (thu hồi): kept, never issued again.
    Withdrawn,
}

/// One series: an issuer's sequence of one year.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct SeriesKey {
    /// Normalised issuer ([`issuer_key`]).
    pub issuer_key: String,
    /// Calendar year.
    pub year: i32,
    /// Ordinary or secret.
    pub series: Series,
}

/// One row of the register.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Record {
    /// Row id (0 before it is stored).
    pub id: i64,
    /// Cơ quan ban hành, as written in the document.
    pub issuer: String,
    /// Cơ quan chủ quản.
    pub parent_body: String,
    /// Year of the series.
    pub year: i32,
    /// Which sequence.
    pub series: Series,
    /// The number (số).
    pub number: u32,
    /// Ký hiệu, e.g. `KH-UBND`.
    pub symbol: String,
    /// Ngày tháng văn bản, `YYYY-MM-DD`.
    pub date: String,
    /// Kind key (`ke_hoach`).
    pub kind: String,
    /// Tên loại và trích yếu nội dung.
    pub title: String,
    /// Người ký.
    pub signer: String,
    /// Nơi nhận.
    pub recipients: String,
    /// Đơn vị, người nhận bản lưu.
    pub file_copy: String,
    /// Số lượng bản.
    pub copies: Option<u32>,
    /// Ngày chuyển.
    pub sent_on: String,
    /// Ký nhận.
    pub received_by: String,
    /// Ghi chú.
    pub note: String,
    /// The YAML, relative to the project root.
    pub source: String,
    /// SHA-256 of the PDF built at issue, hex.
    pub pdf_sha256: String,
    /// Issued or withdrawn.
    pub status: Status,
    /// Date of withdrawal, `YYYY-MM-DD`.
    pub withdrawn_on: String,
    /// When the row was written (local time, RFC 3339).
    pub recorded_at: String,
}

impl Record {
    /// The series this row belongs to.
    pub fn key(&self) -> SeriesKey {
        SeriesKey {
            issuer_key: issuer_key(&self.issuer),
            year: self.year,
            series: self.series,
        }
    }

    /// The number as printed: `05` below 10 (NĐ30 Phụ lục I).
    pub fn so(&self) -> String {
        format_number(self.number)
    }

    /// `05/KH-UBND`.
    pub fn so_ky_hieu(&self) -> String {
        if self.symbol.is_empty() {
            self.so()
        } else {
            format!("{}/{}", self.so(), self.symbol)
        }
    }

    /// The date as printed in the register, `02/10/2026`.
    pub fn date_vn(&self) -> String {
        iso_to_vn(&self.date)
    }
}

/// `05` for 5, `12` for 12.
pub fn format_number(n: u32) -> String {
    format!("{n:02}")
}

/// `2026-10-02` → `02/10/2026` (other text unchanged).
pub fn iso_to_vn(iso: &str) -> String {
    match chrono::NaiveDate::parse_from_str(iso, "%Y-%m-%d") {
        Ok(d) => d.format("%d/%m/%Y").to_string(),
        Err(_) => iso.to_owned(),
    }
}

/// The key an issuer's series is kept under: Unicode NFC, single spaces,
/// upper case, so that `Ủy ban nhân dân` and `ỦY BAN  NHÂN DÂN` are one.
pub fn issuer_key(issuer: &str) -> String {
    let nfc: String = issuer.nfc().collect();
    nfc.split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_uppercase()
}

/// Which rows to read.
#[derive(Debug, Clone, Default)]
pub struct Filter {
    /// Only this year.
    pub year: Option<i32>,
    /// Only this issuer (compared by [`issuer_key`]).
    pub issuer: Option<String>,
    /// Only this series.
    pub series: Option<Series>,
}

/// What [`Register::allocate`] did.
pub enum Allocation<T> {
    /// A new number, stored, with what the caller's step returned.
    Issued(Record, T),
    /// The source already holds an issued number: nothing was done.
    AlreadyIssued(Record),
}

/// What [`Register::withdraw`] did.
pub enum Withdrawal {
    /// The row is now withdrawn.
    Done(Record),
    /// It was withdrawn before.
    Already(Record),
    /// The source holds no number.
    NotFound,
}

/// An open register.
pub struct Register {
    conn: Connection,
    path: PathBuf,
}

const COLUMNS: &str = "id, issuer, parent_body, year, series, number, symbol, date, kind, title, \
    signer, recipients, file_copy, copies, sent_on, received_by, note, source, pdf_sha256, \
    status, withdrawn_on, recorded_at";

fn row(r: &rusqlite::Row<'_>) -> rusqlite::Result<Record> {
    Ok(Record {
        id: r.get(0)?,
        issuer: r.get(1)?,
        parent_body: r.get(2)?,
        year: r.get(3)?,
        series: Series::from_sql(&r.get::<_, String>(4)?),
        number: r.get(5)?,
        symbol: r.get(6)?,
        date: r.get(7)?,
        kind: r.get(8)?,
        title: r.get(9)?,
        signer: r.get(10)?,
        recipients: r.get(11)?,
        file_copy: r.get(12)?,
        copies: r.get(13)?,
        sent_on: r.get(14)?,
        received_by: r.get(15)?,
        note: r.get(16)?,
        source: r.get(17)?,
        pdf_sha256: r.get(18)?,
        status: if r.get::<_, String>(19)? == "withdrawn" {
            Status::Withdrawn
        } else {
            Status::Issued
        },
        withdrawn_on: r.get(20)?,
        recorded_at: r.get(21)?,
    })
}

fn insert(conn: &Connection, r: &Record) -> rusqlite::Result<i64> {
    conn.execute(
        "INSERT INTO entries (issuer, issuer_key, parent_body, year, series, number, symbol, \
         date, kind, title, signer, recipients, file_copy, copies, sent_on, received_by, note, \
         source, pdf_sha256, status, withdrawn_on, recorded_at) \
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, \
         ?18, ?19, ?20, ?21, ?22)",
        params![
            r.issuer,
            issuer_key(&r.issuer),
            r.parent_body,
            r.year,
            r.series.as_sql(),
            r.number,
            r.symbol,
            r.date,
            r.kind,
            r.title,
            r.signer,
            r.recipients,
            r.file_copy,
            r.copies,
            r.sent_on,
            r.received_by,
            r.note,
            r.source,
            r.pdf_sha256,
            match r.status {
                Status::Issued => "issued",
                Status::Withdrawn => "withdrawn",
            },
            r.withdrawn_on,
            if r.recorded_at.is_empty() {
                now()
            } else {
                r.recorded_at.clone()
            },
        ],
    )?;
    Ok(conn.last_insert_rowid())
}

/// The local time, RFC 3339.
fn now() -> String {
    chrono::Local::now().to_rfc3339_opts(chrono::SecondsFormat::Secs, false)
}

impl Register {
    /// Where the register of the project rooted at `root` is.
    pub fn path_in(root: &Path) -> PathBuf {
        root.join(FILE_NAME)
    }

    /// Opens the register of `root`, creating it (and bringing its schema
    /// up to date) if needed.
    pub fn open(root: &Path) -> Result<Self, Error> {
        let path = Self::path_in(root);
        let err = |e: &dyn std::fmt::Display| Error::Other(msg::database(&path, e));
        let mut conn = Connection::open(&path).map_err(|e| err(&e))?;
        conn.busy_timeout(BUSY_TIMEOUT).map_err(|e| err(&e))?;
        // Migrations take the write lock at once, so that two processes
        // creating the register together do not both run them.
        conn.set_transaction_behavior(TransactionBehavior::Immediate);
        let migrations = Migrations::new(MIGRATIONS.iter().map(|m| M::up(m)).collect());
        if let Err(e) = migrations.to_latest(&mut conn) {
            // Another process may have migrated between our reading the
            // version and our taking the lock.
            if migrations.pending_migrations(&conn).map_err(|e| err(&e))? != 0 {
                return Err(err(&e));
            }
        }
        Ok(Self { conn, path })
    }

    /// Opens the register of `root` if it exists.
    pub fn open_existing(root: &Path) -> Result<Option<Self>, Error> {
        if Self::path_in(root).is_file() {
            Self::open(root).map(Some)
        } else {
            Ok(None)
        }
    }

    /// The register file.
    pub fn path(&self) -> &Path {
        &self.path
    }

    fn err(&self, e: impl std::fmt::Display) -> Error {
        Error::Other(msg::database(&self.path, e))
    }

    /// Takes the next number of `key` for `source` in one transaction:
    /// refuses (doing nothing) when `source` already holds an issued
    /// number; otherwise calls `step` with the number, stores the record
    /// it returns (its series and number are set here) and commits. An
    /// error from `step`, or a failed commit, leaves the register as it was.
    pub fn allocate<T>(
        &mut self,
        key: &SeriesKey,
        source: &str,
        step: impl FnOnce(u32) -> Result<(Record, T), Error>,
    ) -> Result<Allocation<T>, Error> {
        let path = self.path.clone();
        let err = |e: rusqlite::Error| Error::Other(msg::database(&path, e));
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)
            .map_err(err)?;
        let existing = tx
            .query_row(
                &format!(
                    "SELECT {COLUMNS} FROM entries WHERE source = ?1 AND status = 'issued' \
                     ORDER BY id DESC LIMIT 1"
                ),
                [source],
                row,
            )
            .optional()
            .map_err(err)?;
        if let Some(r) = existing {
            return Ok(Allocation::AlreadyIssued(r));
        }
        let last: u32 = tx
            .query_row(
                "SELECT COALESCE(MAX(number), 0) FROM entries \
                 WHERE issuer_key = ?1 AND year = ?2 AND series = ?3",
                params![key.issuer_key, key.year, key.series.as_sql()],
                |r| r.get(0),
            )
            .map_err(err)?;
        let number = last + 1;
        let (mut record, extra) = step(number)?;
        record.number = number;
        record.year = key.year;
        record.series = key.series;
        record.source = source.to_owned();
        record.status = Status::Issued;
        record.id = insert(&tx, &record).map_err(err)?;
        tx.commit().map_err(err)?;
        Ok(Allocation::Issued(record, extra))
    }

    /// Takes a number of the copy series `key` in one transaction: `wanted`,
    /// or the next one. Refuses (doing nothing) a wanted number already in
    /// the series, returning its row. Otherwise calls `step` with the
    /// number, stores the record it returns (series, number and source set
    /// here) and commits; an error from `step`, or a failed commit, leaves
    /// the register as it was.
    pub fn allocate_number<T>(
        &mut self,
        key: &SeriesKey,
        wanted: Option<u32>,
        source: &str,
        step: impl FnOnce(u32) -> Result<(Record, T), Error>,
    ) -> Result<Result<(Record, T), Record>, Error> {
        let path = self.path.clone();
        let err = |e: rusqlite::Error| Error::Other(msg::database(&path, e));
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)
            .map_err(err)?;
        let number = match wanted {
            Some(n) => {
                let taken = tx
                    .query_row(
                        &format!(
                            "SELECT {COLUMNS} FROM entries WHERE issuer_key = ?1 AND year = ?2 \
                             AND series = ?3 AND number = ?4"
                        ),
                        params![key.issuer_key, key.year, key.series.as_sql(), n],
                        row,
                    )
                    .optional()
                    .map_err(err)?;
                if let Some(r) = taken {
                    return Ok(Err(r));
                }
                n
            }
            None => {
                let last: u32 = tx
                    .query_row(
                        "SELECT COALESCE(MAX(number), 0) FROM entries \
                         WHERE issuer_key = ?1 AND year = ?2 AND series = ?3",
                        params![key.issuer_key, key.year, key.series.as_sql()],
                        |r| r.get(0),
                    )
                    .map_err(err)?;
                last + 1
            }
        };
        let (mut record, extra) = step(number)?;
        record.number = number;
        record.year = key.year;
        record.series = key.series;
        record.source = source.to_owned();
        record.status = Status::Issued;
        record.id = insert(&tx, &record).map_err(err)?;
        tx.commit().map_err(err)?;
        Ok(Ok((record, extra)))
    }

    /// Marks the issued number of `source` as withdrawn on `date`, adding
    /// `note` to its Ghi chú.
    pub fn withdraw(&mut self, source: &str, date: &str, note: &str) -> Result<Withdrawal, Error> {
        let path = self.path.clone();
        let err = |e: rusqlite::Error| Error::Other(msg::database(&path, e));
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)
            .map_err(err)?;
        let rows: Vec<Record> = {
            let mut st = tx
                .prepare(&format!(
                    "SELECT {COLUMNS} FROM entries WHERE source = ?1 ORDER BY id DESC"
                ))
                .map_err(err)?;
            let it = st.query_map([source], row).map_err(err)?;
            it.collect::<Result<_, _>>().map_err(err)?
        };
        let Some(current) = rows.iter().find(|r| r.status == Status::Issued).cloned() else {
            return Ok(match rows.into_iter().next() {
                Some(r) => Withdrawal::Already(r),
                None => Withdrawal::NotFound,
            });
        };
        let note = if current.note.is_empty() {
            note.to_owned()
        } else {
            format!("{}; {note}", current.note)
        };
        tx.execute(
            "UPDATE entries SET status = 'withdrawn', withdrawn_on = ?1, note = ?2 WHERE id = ?3",
            params![date, note, current.id],
        )
        .map_err(err)?;
        tx.commit().map_err(err)?;
        Ok(Withdrawal::Done(Record {
            status: Status::Withdrawn,
            withdrawn_on: date.to_owned(),
            note,
            ..current
        }))
    }

    /// Stores rows taken from elsewhere (an imported register) in one
    /// transaction: all or none. A number already in the register is an
    /// error naming it.
    pub fn insert_all(&mut self, records: &[Record]) -> Result<(), Error> {
        let path = self.path.clone();
        let err = |e: rusqlite::Error| Error::Other(msg::database(&path, e));
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)
            .map_err(err)?;
        for r in records {
            insert(&tx, r).map_err(|e| {
                Error::Other(format!(
                    "{} ({} {}: {})",
                    msg::database(&path, &e),
                    r.issuer,
                    r.year,
                    r.so_ky_hieu()
                ))
            })?;
        }
        tx.commit().map_err(err)
    }

    /// The rows of `source`, newest first.
    pub fn by_source(&self, source: &str) -> Result<Vec<Record>, Error> {
        self.query(
            &format!("SELECT {COLUMNS} FROM entries WHERE source = ?1 ORDER BY id DESC"),
            &[&source],
        )
    }

    /// The row holding a number of a series.
    pub fn find(&self, key: &SeriesKey, number: u32) -> Result<Option<Record>, Error> {
        self.conn
            .query_row(
                &format!(
                    "SELECT {COLUMNS} FROM entries WHERE issuer_key = ?1 AND year = ?2 \
                     AND series = ?3 AND number = ?4"
                ),
                params![key.issuer_key, key.year, key.series.as_sql(), number],
                row,
            )
            .optional()
            .map_err(|e| self.err(e))
    }

    /// Rows matching `filter`, by issuer, year, series and number.
    pub fn records(&self, filter: &Filter) -> Result<Vec<Record>, Error> {
        let key = filter.issuer.as_deref().map(issuer_key);
        let series = filter.series.map(Series::as_sql);
        self.query(
            &format!(
                "SELECT {COLUMNS} FROM entries \
                 WHERE (?1 IS NULL OR year = ?1) AND (?2 IS NULL OR issuer_key = ?2) \
                 AND (?3 IS NULL OR series = ?3) \
                 ORDER BY issuer_key, year, series, number"
            ),
            &[&filter.year, &key, &series],
        )
    }

    /// Numbers missing below the highest of each series (neither issued
    /// nor withdrawn), with the series' issuer as written.
    pub fn gaps(&self) -> Result<Vec<(String, SeriesKey, Vec<u32>)>, Error> {
        let mut out: Vec<(String, SeriesKey, Vec<u32>)> = Vec::new();
        let mut expected = 1;
        for r in self.records(&Filter::default())? {
            let key = r.key();
            if out.last().is_none_or(|(_, k, _)| *k != key) {
                out.push((r.issuer.clone(), key, Vec::new()));
                expected = 1;
            }
            if let Some((_, _, missing)) = out.last_mut() {
                missing.extend(expected..r.number);
            }
            expected = r.number + 1;
        }
        out.retain(|(_, _, m)| !m.is_empty());
        Ok(out)
    }

    fn query(&self, sql: &str, args: &[&dyn rusqlite::ToSql]) -> Result<Vec<Record>, Error> {
        let mut st = self.conn.prepare(sql).map_err(|e| self.err(e))?;
        let it = st.query_map(args, row).map_err(|e| self.err(e))?;
        it.collect::<Result<_, _>>().map_err(|e| self.err(e))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn record(issuer: &str) -> Record {
        Record {
            id: 0,
            issuer: issuer.into(),
            parent_body: String::new(),
            year: 0,
            series: Series::Ordinary,
            number: 0,
            symbol: "KH-UBND".into(),
            date: "2026-01-02".into(),
            kind: "ke_hoach".into(),
            title: "Kế hoạch".into(),
            signer: String::new(),
            recipients: String::new(),
            file_copy: String::new(),
            copies: None,
            sent_on: String::new(),
            received_by: String::new(),
            note: String::new(),
            source: String::new(),
            pdf_sha256: String::new(),
            status: Status::Issued,
            withdrawn_on: String::new(),
            recorded_at: String::new(),
        }
    }

    fn take(reg: &mut Register, key: &SeriesKey, source: &str) -> u32 {
        match reg
            .allocate(key, source, |_| Ok((record("UBND XÃ A"), ())))
            .unwrap()
        {
            Allocation::Issued(r, ()) => r.number,
            Allocation::AlreadyIssued(r) => panic!("already {}", r.number),
        }
    }

    #[test]
    fn numbers_follow_and_failed_steps_leave_no_trace() {
        let dir = tempfile::tempdir().unwrap();
        let mut reg = Register::open(dir.path()).unwrap();
        let key = SeriesKey {
            issuer_key: issuer_key("UBND  xã a"),
            year: 2026,
            series: Series::Ordinary,
        };
        assert_eq!(take(&mut reg, &key, "a.yaml"), 1);
        let failed = reg.allocate(&key, "b.yaml", |_| -> Result<(Record, ()), Error> {
            Err(Error::Other("x".into()))
        });
        assert!(failed.is_err());
        assert_eq!(take(&mut reg, &key, "b.yaml"), 2);
        assert!(matches!(
            reg.allocate(&key, "a.yaml", |_| Ok((record("UBND XÃ A"), ())))
                .unwrap(),
            Allocation::AlreadyIssued(r) if r.number == 1
        ));
        // Reopening keeps the schema and the rows.
        drop(reg);
        let reg = Register::open(dir.path()).unwrap();
        let rows = reg.records(&Filter::default()).unwrap();
        assert_eq!(
            rows.iter().map(|r| r.number).collect::<Vec<_>>(),
            vec![1, 2]
        );
        assert_eq!(rows[0].so_ky_hieu(), "01/KH-UBND");
        assert!(reg.gaps().unwrap().is_empty());
    }

    #[test]
    fn a_register_of_schema_1_is_upgraded_with_its_rows_and_takes_copies() {
        let dir = tempfile::tempdir().unwrap();
        {
            let mut conn = Connection::open(Register::path_in(dir.path())).unwrap();
            Migrations::new(vec![M::up(MIGRATIONS[0])])
                .to_latest(&mut conn)
                .unwrap();
            let mut r = record("UBND XÃ A");
            r.year = 2026;
            r.number = 7;
            r.series = Series::Secret;
            r.source = "mat.yaml".into();
            insert(&conn, &r).unwrap();
            // Schema 1 refuses the copy series.
            r.series = Series::Copy;
            assert!(insert(&conn, &r).is_err());
        }
        let mut reg = Register::open(dir.path()).unwrap();
        let rows = reg.records(&Filter::default()).unwrap();
        assert_eq!(rows.len(), 1);
        assert_eq!(
            (rows[0].number, rows[0].series, rows[0].source.as_str()),
            (7, Series::Secret, "mat.yaml")
        );
        assert_eq!(reg.by_source("mat.yaml").unwrap().len(), 1);
        let key = SeriesKey {
            issuer_key: issuer_key("UBND XÃ A"),
            year: 2026,
            series: Series::Copy,
        };
        let step = |_| -> Result<(Record, ()), Error> { Ok((record("UBND XÃ A"), ())) };
        let first = reg.allocate_number(&key, None, "sao.pdf", step).unwrap();
        assert_eq!(first.unwrap().0.number, 1);
        let taken = reg.allocate_number(&key, Some(1), "b.pdf", step).unwrap();
        assert_eq!(taken.unwrap_err().source, "sao.pdf");
        let index: i64 = reg
            .conn
            .query_row(
                "SELECT COUNT(*) FROM sqlite_master WHERE type = 'index' AND name = 'entries_source'",
                [],
                |r| r.get(0),
            )
            .unwrap();
        assert_eq!(index, 1);
    }
}
