//! Electronic copies (`vanban sao`): the original's pages and text kept,
//! the copy's page with its mark and number, and the copying
//! organisation's signature at the top right of page 1, valid for pdfsig
//! and pyHanko.

use std::path::Path;
use std::process::Command;

use crate::sign::{ok, pdfsig, pki, pyhanko, signed_both, vanban_in, Project, P12_PASSWORD};

fn text(pdf: &Path, page: usize) -> String {
    let o = Command::new("pdftotext")
        .args(["-layout", "-f", &page.to_string(), "-l", &page.to_string()])
        .arg(pdf)
        .arg("-")
        .output()
        .expect("pdftotext (poppler-utils)");
    String::from_utf8_lossy(&o.stdout).into_owned()
}

fn pages(pdf: &Path) -> usize {
    let o = Command::new("pdfinfo").arg(pdf).output().unwrap();
    String::from_utf8_lossy(&o.stdout)
        .lines()
        .find_map(|l| l.strip_prefix("Pages:"))
        .unwrap()
        .trim()
        .parse()
        .unwrap()
}

fn sao(dir: &Path, pdf: &Path, form: &str, out: &str) -> std::process::Output {
    sao_numbered(dir, pdf, form, Some("5"), out)
}

/// `vanban sao` with `--so N`, or without `--so` (the register's next).
fn sao_numbered(
    dir: &Path,
    pdf: &Path,
    form: &str,
    so: Option<&str>,
    out: &str,
) -> std::process::Output {
    let mut c = vanban_in(dir, Some(P12_PASSWORD));
    c.env("LANGUAGE", "en")
        .arg("sao")
        .arg(pdf)
        .args(["--hinh-thuc", form])
        .args(["--co-quan", "VĂN PHÒNG HĐND VÀ UBND"])
        .args(["--co-quan-chu-quan", "UBND HUYỆN THỦ THỪA"]);
    if let Some(n) = so {
        c.args(["--so", n]);
    }
    c.args(["--ky-hieu", "VP"])
        .args(["--dia-danh", "Thủ Thừa", "--ngay", "2026-11-30"])
        .args([
            "--quyen-han",
            "TL. CHỦ TỊCH",
            "--chuc-vu",
            "CHÁNH VĂN PHÒNG",
        ])
        .args(["--ho-ten", "Trần Văn Bình"])
        .args([
            "--noi-nhan",
            "UBND xã An Thạnh",
            "--noi-nhan",
            "Trường THCS Thủ Thừa",
        ])
        .arg("--p12")
        .arg(&pki().org_p12)
        .args(["-o", out])
        .output()
        .unwrap()
}

#[test]
fn a_sao_y_keeps_the_original_adds_its_page_and_is_signed() {
    let p = Project::new();
    let original = signed_both(&p, false);
    let original_bytes = std::fs::read(&original).unwrap();
    let n = pages(&original);
    ok(&sao(p.dir.path(), &original, "sao-y", "ban-sao.pdf"));
    let copy = p.path("ban-sao.pdf");
    assert_eq!(
        std::fs::read(&original).unwrap(),
        original_bytes,
        "original untouched"
    );
    // The original's bytes are the copy's first bytes (an update appended).
    assert!(std::fs::read(&copy).unwrap().starts_with(&original_bytes));

    // Every page of the original, its text still there; one page more.
    assert_eq!(pages(&copy), n + 1);
    let norm = |s: &str| s.split_whitespace().collect::<Vec<_>>().join(" ");
    for page in 1..=n {
        let before = norm(&text(&original, page));
        let after = norm(&text(&copy, page));
        assert!(!before.is_empty());
        for word in before.split(' ') {
            assert!(after.contains(word), "page {page}: `{word}` lost");
        }
    }
    // The copy's page: mark, organisation, number, place and date, signer,
    // Nơi nhận.
    let last = norm(&text(&copy, n + 1));
    for needle in [
        "UBND HUYỆN THỦ THỪA",
        "VĂN PHÒNG HĐND VÀ UBND",
        "SAO Y",
        "Số: 05/SY-VP",
        "Thủ Thừa, ngày 30 tháng 11 năm 2026",
        "TL. CHỦ TỊCH",
        "CHÁNH VĂN PHÒNG",
        "Trần Văn Bình",
        "Nơi nhận:",
        "- UBND xã An Thạnh;",
        "- Trường THCS Thủ Thừa;",
        "- Lưu: VT.",
    ] {
        assert!(
            last.contains(needle),
            "`{needle}` not on the copy's page:\n{last}"
        );
    }
    // Page 1, top right: the copying organisation's signature as text.
    let first = text(&copy, 1);
    let top: Vec<&str> = first
        .lines()
        .filter(|l| !l.trim().is_empty())
        .take(6)
        .collect();
    let top = top.join("\n");
    assert!(top.contains("SAO Y"), "{top}");
    assert!(top.contains("Số, ký hiệu: 05/SY-VP"), "{top}");
    let time =
        regex::Regex::new(r"Thời gian ký: \d{2}/\d{2}/\d{4}; \d{2}:\d{2}:\d{2} \+07:00").unwrap();
    assert!(time.is_match(&top), "{top}");

    // The block sits above the original's text, in the top margin.
    let before = crate::attached::words(&original);
    let after = crate::attached::words(&copy);
    let top_of_text = before.iter().map(|w| w.2).fold(f64::MAX, f64::min);
    let added: Vec<_> = after.iter().filter(|w| !before.contains(w)).collect();
    assert!(added.iter().any(|w| w.0 == "SAO"), "{added:?}");
    for w in &added {
        assert!(
            w.4 <= top_of_text + 0.5,
            "{w:?} overlaps the original's text"
        );
    }

    // vanban's own check: the original's two signatures hold for what they
    // signed, the copy's for the whole file.
    let (good, report) = crate::sign::xac_minh(p.dir.path(), &copy, Some(&pki().ca_pem));
    assert!(good, "{report}");
    assert_eq!(report.matches("HỢP LỆ").count(), 3, "{report}");
    let sao_part = report.split("sao: ").nth(1).unwrap_or_default();
    assert!(sao_part.contains("toàn bộ tệp"), "{report}");
    // Three signatures, all valid; the copy's covers the whole file.
    let out = pdfsig(&copy);
    assert_eq!(out.matches("Signature is Valid").count(), 3, "{out}");
    assert!(out.contains("Total document signed"), "{out}");
    let (good, report) = pyhanko(&copy);
    assert!(good, "{report}");
    assert!(
        report.contains("sao: intact=True valid=True trusted=True coverage=ENTIRE_FILE"),
        "{report}"
    );
}

#[test]
fn sao_luc_and_trich_sao_carry_their_own_mark_and_abbreviation() {
    let p = Project::new();
    let original = signed_both(&p, false);
    // One series for the organisation's copies of every form.
    for (form, mark, so, abbr) in [
        ("sao-luc", "SAO LỤC", "5", "05/SL-VP"),
        ("trich-sao", "TRÍCH SAO", "6", "06/TrS-VP"),
    ] {
        let out = format!("{form}.pdf");
        ok(&sao_numbered(p.dir.path(), &original, form, Some(so), &out));
        let copy = p.path(&out);
        let last = text(&copy, pages(&copy));
        assert!(last.contains(mark) && last.contains(abbr), "{last}");
        assert!(text(&copy, 1).contains(&format!("Số, ký hiệu: {abbr}")));
        assert_eq!(pdfsig(&copy).matches("Signature is Valid").count(), 3);
    }
}

#[test]
fn a_file_that_is_not_a_pdf_is_refused_and_nothing_is_written() {
    let p = Project::new();
    let bad = p.path("khong-phai.pdf");
    std::fs::write(&bad, "không phải PDF").unwrap();
    let o = sao(p.dir.path(), &bad, "sao-y", "ra.pdf");
    assert!(!o.status.success());
    let e = String::from_utf8_lossy(&o.stderr);
    assert!(e.contains("cannot read the PDF"), "{e}");
    assert!(!p.path("ra.pdf").exists());
    // No number was taken: the register holds no row.
    let conn = rusqlite::Connection::open(p.path("so-van-ban.sqlite")).unwrap();
    let rows: i64 = conn
        .query_row("SELECT COUNT(*) FROM entries", [], |r| r.get(0))
        .unwrap();
    assert_eq!(rows, 0);
}

/// The rows of the register's series of copies, as `vanban so-dang-ky
/// --ban-sao -o so.csv` writes them (in English): the cells by head.
fn copy_rows(dir: &Path) -> Vec<std::collections::HashMap<String, String>> {
    let csv = dir.join("ban-sao.csv");
    ok(&vanban_in(dir, None)
        .env("LANGUAGE", "en")
        .args(["so-dang-ky", "--ban-sao", "-o"])
        .arg(&csv)
        .output()
        .unwrap());
    let text = std::fs::read_to_string(&csv).unwrap();
    let mut r = csv::Reader::from_reader(text.trim_start_matches('\u{feff}').as_bytes());
    let heads: Vec<String> = r.headers().unwrap().iter().map(str::to_owned).collect();
    r.records()
        .map(|row| {
            heads
                .iter()
                .cloned()
                .zip(row.unwrap().iter().map(str::to_owned))
                .collect()
        })
        .collect()
}

#[test]
fn copies_without_so_take_the_next_numbers_of_their_own_series() {
    let p = Project::new();
    let original = signed_both(&p, false);
    // An ordinary document of the same organisation, numbered by cap-so.
    std::fs::write(
        p.path("vp.yaml"),
        "loai: cong_van\nco_quan_chu_quan: UBND HUYỆN THỦ THỪA\n\
         co_quan: VĂN PHÒNG HĐND VÀ UBND\nky_hieu: VP\ndia_danh: Thủ Thừa\n\
         trich_yeu: thử\nnoi_dung:\n  - Nội dung./.\n\
         nguoi_ky:\n  chuc_vu: CHÁNH VĂN PHÒNG\n  ho_ten: Trần Văn Bình\n",
    )
    .unwrap();
    ok(&vanban_in(p.dir.path(), None)
        .args(["cap-so", "--date", "2026-11-30", "--no-pdf", "vp.yaml"])
        .output()
        .unwrap());
    assert!(std::fs::read_to_string(p.path("vp.yaml"))
        .unwrap()
        .contains("so: 1"));

    ok(&sao_numbered(
        p.dir.path(),
        &original,
        "sao-y",
        None,
        "sy.pdf",
    ));
    ok(&sao_numbered(
        p.dir.path(),
        &original,
        "sao-luc",
        None,
        "sl.pdf",
    ));
    let rows = copy_rows(p.dir.path());
    assert_eq!(rows.len(), 2, "{rows:?}");
    for (row, (file, number, symbol, title)) in rows.iter().zip([
        ("sy.pdf", "01", "SY-VP", "Bản sao y của "),
        ("sl.pdf", "02", "SL-VP", "Bản sao lục của "),
    ]) {
        assert_eq!(row["Number"], number, "{row:?}");
        assert_eq!(row["Symbol"], symbol, "{row:?}");
        assert_eq!(row["Register"], "copy", "{row:?}");
        assert_eq!(row["Issuing body"], "VĂN PHÒNG HĐND VÀ UBND", "{row:?}");
        assert_eq!(row["Date of the document"], "30/11/2026", "{row:?}");
        assert_eq!(row["Signed by"], "Trần Văn Bình", "{row:?}");
        assert!(row["Recipients"].contains("UBND xã An Thạnh"), "{row:?}");
        // The original's kind and trích yếu, from its document title (the
        // register's own text: Vietnamese whatever the language).
        assert!(
            row["Kind and subject of the document"].starts_with(title),
            "{row:?}"
        );
        assert!(
            row["Kind and subject of the document"].contains("Tuần lễ học tập suốt đời"),
            "{row:?}"
        );
        assert_eq!(row["Source file"], file, "{row:?}");
        // The number printed on the copy's page and in the signature's
        // text block is the register's.
        let copy = p.path(file);
        let so = format!("{number}/{symbol}");
        let last = text(&copy, pages(&copy));
        assert!(last.contains(&format!("Số: {so}")), "{last}");
        assert!(text(&copy, 1).contains(&format!("Số, ký hiệu: {so}")));
        let sha = sha256_hex(&std::fs::read(&copy).unwrap());
        assert_eq!(row["SHA-256 of the PDF"], sha, "{row:?}");
    }
    // On screen and printed: the book of copies, with both.
    let table = ok(&vanban_in(p.dir.path(), None)
        .env("LANGUAGE", "en")
        .args(["so-dang-ky", "--ban-sao"])
        .output()
        .unwrap());
    assert!(
        table.contains("01/SY-VP") && table.contains("02/SL-VP"),
        "{table}"
    );
    assert!(!table.contains("01/VP"), "{table}");
    ok(&vanban_in(p.dir.path(), None)
        .args(["so-dang-ky", "--ban-sao", "-o", "ban-sao.pdf"])
        .output()
        .unwrap());
    let book = text(&p.path("ban-sao.pdf"), 1);
    assert!(book.contains("SỔ ĐĂNG KÝ BẢN SAO VĂN BẢN"), "{book}");
    let rows_page = norm_ws(&text(&p.path("ban-sao.pdf"), 2));
    assert!(rows_page.contains("01/SY-VP"), "{rows_page}");
    // The ordinary series keeps its own 1.
    let o = vanban_in(p.dir.path(), None)
        .env("LANGUAGE", "en")
        .args(["so-dang-ky"])
        .output()
        .unwrap();
    let table = ok(&o);
    let ordinary: Vec<&str> = table.lines().filter(|l| l.contains("/VP")).collect();
    assert_eq!(ordinary.len(), 1, "{table}");
    assert!(ordinary[0].contains("01/VP"), "{table}");
    // `check` sees no gap or duplicate between the two series.
    let o = vanban_in(p.dir.path(), None)
        .env("LANGUAGE", "en")
        .args(["check", "vp.yaml"])
        .output()
        .unwrap();
    let e = String::from_utf8_lossy(&o.stderr);
    assert!(o.status.success(), "{e}");
    assert!(!e.contains("missing") && !e.contains("used twice"), "{e}");
}

fn sha256_hex(bytes: &[u8]) -> String {
    use sha2::Digest;
    sha2::Sha256::digest(bytes)
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

#[test]
fn so_of_a_taken_number_is_refused_and_nothing_is_written() {
    let p = Project::new();
    let original = signed_both(&p, false);
    ok(&sao_numbered(
        p.dir.path(),
        &original,
        "sao-y",
        Some("3"),
        "a.pdf",
    ));
    let db = std::fs::read(p.path("so-van-ban.sqlite")).unwrap();
    let o = sao_numbered(p.dir.path(), &original, "trich-sao", Some("3"), "b.pdf");
    assert!(!o.status.success());
    let e = String::from_utf8_lossy(&o.stderr);
    assert!(e.contains("`--so`") && e.contains("03/SY-VP"), "{e}");
    assert!(e.contains("a.pdf"), "{e}");
    assert!(!p.path("b.pdf").exists());
    assert_eq!(std::fs::read(p.path("so-van-ban.sqlite")).unwrap(), db);
    // In Vietnamese too.
    let o = vanban_in(p.dir.path(), Some(P12_PASSWORD))
        .args(["sao", "--co-quan", "Văn phòng HĐND và UBND", "--so", "3"])
        .args(["--dia-danh", "Thủ Thừa", "--ngay", "2026-05-01"])
        .args(["--chuc-vu", "CHÁNH VĂN PHÒNG", "--ho-ten", "Trần Văn Bình"])
        .arg("--p12")
        .arg(&pki().org_p12)
        .args(["-o", "c.pdf"])
        .arg(&original)
        .output()
        .unwrap();
    let e = String::from_utf8_lossy(&o.stderr);
    assert!(!o.status.success());
    assert!(e.contains("đã cấp (tệp a.pdf)"), "{e}");
    assert!(!p.path("c.pdf").exists());
    // The next copy without `--so` follows the highest number.
    ok(&sao_numbered(
        p.dir.path(),
        &original,
        "sao-y",
        None,
        "d.pdf",
    ));
    assert_eq!(copy_rows(p.dir.path())[1]["Number"], "04");
    // `check` sees the gap in the series of copies, as that series.
    let o = vanban_in(p.dir.path(), None)
        .env("LANGUAGE", "en")
        .args(["check", "cv.yaml"])
        .output()
        .unwrap();
    let e = String::from_utf8_lossy(&o.stderr);
    assert!(
        e.contains("copy register of VĂN PHÒNG HĐND VÀ UBND for 2026 lacks number 01, 02"),
        "{e}"
    );
}

#[test]
fn a_register_of_the_first_schema_is_upgraded_with_its_rows() {
    let p = Project::new();
    let original = signed_both(&p, false);
    {
        // The register as vanban wrote it before copies had a series.
        let conn = rusqlite::Connection::open(p.path("so-van-ban.sqlite")).unwrap();
        conn.execute_batch(
            "CREATE TABLE entries (
                id INTEGER PRIMARY KEY, issuer TEXT NOT NULL, issuer_key TEXT NOT NULL,
                parent_body TEXT NOT NULL DEFAULT '', year INTEGER NOT NULL,
                series TEXT NOT NULL CHECK (series IN ('ordinary', 'secret')),
                number INTEGER NOT NULL CHECK (number > 0),
                symbol TEXT NOT NULL DEFAULT '', date TEXT NOT NULL,
                kind TEXT NOT NULL DEFAULT '', title TEXT NOT NULL DEFAULT '',
                signer TEXT NOT NULL DEFAULT '', recipients TEXT NOT NULL DEFAULT '',
                file_copy TEXT NOT NULL DEFAULT '', copies INTEGER,
                sent_on TEXT NOT NULL DEFAULT '', received_by TEXT NOT NULL DEFAULT '',
                note TEXT NOT NULL DEFAULT '', source TEXT NOT NULL DEFAULT '',
                pdf_sha256 TEXT NOT NULL DEFAULT '',
                status TEXT NOT NULL DEFAULT 'issued' CHECK (status IN ('issued', 'withdrawn')),
                withdrawn_on TEXT NOT NULL DEFAULT '', recorded_at TEXT NOT NULL,
                UNIQUE (issuer_key, year, series, number));
             CREATE INDEX entries_source ON entries (source);
             INSERT INTO entries (issuer, issuer_key, year, series, number, symbol, date,
                 title, source, recorded_at)
             VALUES ('VĂN PHÒNG HĐND VÀ UBND', 'VĂN PHÒNG HĐND VÀ UBND', 2026, 'ordinary', 1,
                 'VP', '2026-01-05', 'Công văn cũ', 'cu.yaml', '2026-01-05T08:00:00+07:00'),
                    ('VĂN PHÒNG HĐND VÀ UBND', 'VĂN PHÒNG HĐND VÀ UBND', 2026, 'secret', 1,
                 'VP', '2026-02-05', 'Công văn mật', 'mat.yaml', '2026-02-05T08:00:00+07:00');
             PRAGMA user_version = 1;",
        )
        .unwrap();
    }
    ok(&sao_numbered(
        p.dir.path(),
        &original,
        "sao-y",
        None,
        "sy.pdf",
    ));
    assert_eq!(copy_rows(p.dir.path())[0]["Number"], "01");
    let conn = rusqlite::Connection::open(p.path("so-van-ban.sqlite")).unwrap();
    let rows: Vec<(String, u32, String)> = conn
        .prepare("SELECT series, number, title FROM entries ORDER BY id")
        .unwrap()
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap();
    assert_eq!(rows.len(), 3, "{rows:?}");
    assert_eq!(rows[0], ("ordinary".into(), 1, "Công văn cũ".into()));
    assert_eq!(rows[1], ("secret".into(), 1, "Công văn mật".into()));
    assert_eq!(rows[2].0, "copy");
    let version: i64 = conn
        .query_row("PRAGMA user_version", [], |r| r.get(0))
        .unwrap();
    assert_eq!(version, 2);
    let index: i64 = conn
        .query_row(
            "SELECT COUNT(*) FROM sqlite_master WHERE name = 'entries_source'",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(index, 1);
}

fn norm_ws(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}
