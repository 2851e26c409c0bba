//! The register of outgoing documents: `vanban cap-so`, `thu-hoi`,
//! `so-dang-ky` and the number checks of `vanban check`, run as the
//! binary in temporary projects; results read back from the YAML, the
//! SQLite register, the PDFs and the exported files.

use std::fs;
use std::io::Read;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

use sha2::{Digest, Sha256};

// The register speaks to the văn thư: these tests read its messages in
// Vietnamese (tests/i18n.rs reads them in English too).
use crate::common::{assert_exit, run, stderr, stdout, vanban_vi as vanban, vanban_vi};

/// A small công văn awaiting its number, with comments to keep.
const DRAFT: &str = "\
# Công văn thử: chờ cấp số
loai: cong_van
co_quan_chu_quan: UBND HUYỆN THỦ THỪA
co_quan: PHÒNG GIÁO DỤC VÀ ĐÀO TẠO
ky_hieu: PGDĐT # ký hiệu của phòng
dia_danh: Thủ Thừa
ngay: 2026-03 # nháp: ngày do văn thư ghi
trich_yeu: Báo cáo số liệu học sinh đầu năm
kinh_gui: Các trường tiểu học
noi_dung:
  - Đề nghị các trường gửi báo cáo đúng hạn.
nguoi_ky:
  quyen_han: KT. TRƯỞNG PHÒNG
  chuc_vu: PHÓ TRƯỞNG PHÒNG
  ho_ten: Nguyễn Văn A
noi_nhan:
  - Như trên
  - UBND huyện (b/c)
  - \"Lưu: VT, TH\"
";

/// A project folder (marked by `vanban.toml`) holding `names` as copies of
/// `yaml`.
pub(crate) fn project(names: &[&str], yaml: &str) -> (tempfile::TempDir, Vec<PathBuf>) {
    let dir = tempfile::tempdir().unwrap();
    fs::write(dir.path().join("vanban.toml"), "").unwrap();
    let paths = names
        .iter()
        .map(|n| {
            let p = dir.path().join(n);
            fs::create_dir_all(p.parent().unwrap()).unwrap();
            fs::write(&p, yaml).unwrap();
            p
        })
        .collect();
    (dir, paths)
}

/// One row of the register as stored, read with SQL.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Row {
    pub(crate) issuer: String,
    pub(crate) year: i32,
    pub(crate) series: String,
    pub(crate) number: u32,
    pub(crate) symbol: String,
    pub(crate) date: String,
    pub(crate) title: String,
    pub(crate) signer: String,
    pub(crate) recipients: String,
    pub(crate) file_copy: String,
    pub(crate) note: String,
    pub(crate) source: String,
    pub(crate) pdf_sha256: String,
    pub(crate) status: String,
}

pub(crate) fn rows(root: &Path) -> Vec<Row> {
    let path = root.join("so-van-ban.sqlite");
    if !path.exists() {
        return Vec::new();
    }
    let conn = rusqlite::Connection::open(path).unwrap();
    let mut st = conn
        .prepare(
            "SELECT issuer, year, series, number, symbol, date, title, signer, recipients, \
             file_copy, note, source, pdf_sha256, status FROM entries ORDER BY id",
        )
        .unwrap();
    st.query_map([], |r| {
        Ok(Row {
            issuer: r.get(0)?,
            year: r.get(1)?,
            series: r.get(2)?,
            number: r.get(3)?,
            symbol: r.get(4)?,
            date: r.get(5)?,
            title: r.get(6)?,
            signer: r.get(7)?,
            recipients: r.get(8)?,
            file_copy: r.get(9)?,
            note: r.get(10)?,
            source: r.get(11)?,
            pdf_sha256: r.get(12)?,
            status: r.get(13)?,
        })
    })
    .unwrap()
    .collect::<Result<_, _>>()
    .unwrap()
}

/// The top-level `key: value` of a YAML text, as written.
fn top(text: &str, key: &str) -> Option<String> {
    text.lines().find_map(|l| {
        let v = l.strip_prefix(key)?.strip_prefix(':')?;
        let v = v.split(" #").next().unwrap_or("").trim();
        Some(v.to_owned())
    })
}

fn cap_so(files: &[&Path], extra: &[&str]) -> std::process::Output {
    let mut c = vanban();
    c.arg("cap-so").args(extra).args(files);
    run(&mut c)
}

/// The text of a PDF; `mode` is `-layout` (columns kept apart), `-raw`
/// (in the order it was drawn) or empty.
pub(crate) fn pdftotext(pdf: &Path, mode: &str) -> String {
    let mut c = Command::new("pdftotext");
    if !mode.is_empty() {
        c.arg(mode);
    }
    let o = c
        .arg(pdf)
        .arg("-")
        .output()
        .expect("pdftotext (poppler-utils)");
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    String::from_utf8(o.stdout).unwrap()
}

fn sha256(path: &Path) -> String {
    Sha256::digest(fs::read(path).unwrap())
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

#[test]
fn cap_so_writes_the_yaml_records_the_row_and_builds_the_pdf() {
    let (dir, files) = project(&["cv/bao-cao.yaml"], DRAFT);
    let doc = &files[0];
    let o = cap_so(&[doc], &["--date", "02/03/2026"]);
    assert_exit(&o, 0);
    let pdf = doc.with_extension("pdf");
    assert_eq!(stdout(&o).trim(), pdf.display().to_string());
    assert!(
        stderr(&o).contains("đã cấp số 01/PGDĐT ngày 02/03/2026"),
        "{}",
        stderr(&o)
    );

    // The YAML: `so` inserted before `ky_hieu`, `ngay` replaced on its own
    // line with its comment; every other line as it was, in order.
    let text = fs::read_to_string(doc).unwrap();
    assert_eq!(top(&text, "so").as_deref(), Some("1"));
    assert_eq!(top(&text, "ngay").as_deref(), Some("2026-03-02"));
    assert!(text.contains("ngay: 2026-03-02 # nháp: ngày do văn thư ghi\n"));
    let old: Vec<&str> = DRAFT.lines().filter(|l| !l.starts_with("ngay:")).collect();
    let new: Vec<&str> = text
        .lines()
        .filter(|l| !l.starts_with("ngay:") && !l.starts_with("so:"))
        .collect();
    assert_eq!(old, new);
    let so_line = text.lines().position(|l| l.starts_with("so:")).unwrap();
    assert!(text
        .lines()
        .nth(so_line + 1)
        .unwrap()
        .starts_with("ky_hieu:"));

    // The register row, with the Phụ lục IV columns taken from the document.
    let rows = rows(dir.path());
    assert_eq!(rows.len(), 1);
    let r = &rows[0];
    assert_eq!((r.number, r.year, r.series.as_str()), (1, 2026, "ordinary"));
    assert_eq!(r.issuer, "PHÒNG GIÁO DỤC VÀ ĐÀO TẠO");
    assert_eq!(r.symbol, "PGDĐT");
    assert_eq!(r.date, "2026-03-02");
    assert_eq!(r.title, "Công văn V/v Báo cáo số liệu học sinh đầu năm");
    assert_eq!(r.signer, "Nguyễn Văn A");
    assert_eq!(r.recipients, "Các trường tiểu học; UBND huyện (b/c)");
    assert_eq!(r.file_copy, "VT, TH");
    assert_eq!(r.source, "cv/bao-cao.yaml");
    assert_eq!(r.status, "issued");
    // The hash is that of the PDF on disk, which carries the number.
    assert_eq!(r.pdf_sha256, sha256(&pdf));
    let printed = pdftotext(&pdf, "");
    assert!(printed.contains("01/PGDĐT"), "{printed}");
    assert!(printed.contains("ngày 02 tháng 3 năm 2026"), "{printed}");
}

#[test]
fn two_processes_allocate_200_distinct_consecutive_numbers() {
    // The run proves something only when the two processes took numbers
    // while the other was running; on a loaded machine one may finish
    // before the other starts, so up to three runs are made for that.
    for attempt in 1..=3 {
        let (one, other) = allocate_200_in_two_processes();
        eprintln!(
            "run {attempt}: numbers 1–100 went {one} to one process and {other} to the other"
        );
        if one > 0 && other > 0 {
            return;
        }
    }
    panic!("in three runs, the two processes never took numbers at the same time");
}

/// Two `cap-so` processes number 100 documents each in one project; checks
/// the register and the files, and gives how many of the numbers 1–100
/// each process took.
fn allocate_200_in_two_processes() -> (usize, usize) {
    let names: Vec<String> = (0..200).map(|i| format!("cv-{i:03}.yaml")).collect();
    let refs: Vec<&str> = names.iter().map(String::as_str).collect();
    let (dir, files) = project(&refs, DRAFT);
    // Each process takes every other file, so both run the whole time.
    let half = |parity: usize| -> Vec<&PathBuf> { files.iter().skip(parity).step_by(2).collect() };
    let spawn = |files: Vec<&PathBuf>| {
        let mut c = vanban();
        c.args(["cap-so", "--date", "2026-05-04"])
            .args(files)
            .stdout(Stdio::null())
            .stderr(Stdio::piped());
        c.spawn().expect("the vanban binary starts")
    };
    let mut a = spawn(half(0));
    let mut b = spawn(half(1));
    let mut errs = [String::new(), String::new()];
    for (child, err) in [&mut a, &mut b].into_iter().zip(&mut errs) {
        child.stderr.take().unwrap().read_to_string(err).unwrap();
        assert!(child.wait().unwrap().success(), "{err}");
    }
    // The register: 200 rows, numbers 1..=200, each once.
    let rows = rows(dir.path());
    let mut numbers: Vec<u32> = rows.iter().map(|r| r.number).collect();
    numbers.sort();
    assert_eq!(numbers, (1..=200).collect::<Vec<u32>>());
    // Every YAML holds the number the register gives its file, and every
    // PDF is the one whose hash was recorded.
    for f in &files {
        let text = fs::read_to_string(f).unwrap();
        let name = f.file_name().unwrap().to_string_lossy();
        let row = rows.iter().find(|r| r.source == name).unwrap();
        assert_eq!(top(&text, "so"), Some(row.number.to_string()), "{name}");
        assert_eq!(row.pdf_sha256, sha256(&f.with_extension("pdf")), "{name}");
    }
    // Both processes took numbers while the other was running.
    let first_half = |parity: usize| {
        half(parity)
            .iter()
            .filter(|f| {
                let n: u32 = top(&fs::read_to_string(f).unwrap(), "so")
                    .unwrap()
                    .parse()
                    .unwrap();
                n <= 100
            })
            .count()
    };
    (first_half(0), first_half(1))
}

#[test]
fn series_restart_each_year_and_secret_documents_have_their_own() {
    let (dir, files) = project(&["a.yaml", "b.yaml", "c.yaml", "d.yaml", "e.yaml"], DRAFT);
    let secret = DRAFT.replace("trich_yeu:", "do_mat: mat\ntrich_yeu:");
    fs::write(&files[2], secret).unwrap();
    let other = DRAFT.replace("co_quan: PHÒNG", "co_quan: TRƯỜNG TIỂU HỌC A\n# was: PHÒNG");
    fs::write(&files[4], other).unwrap();
    let at = |f: &Path, date: &str| {
        let o = cap_so(&[f], &["--no-pdf", "--date", date]);
        assert_exit(&o, 0);
        top(&fs::read_to_string(f).unwrap(), "so").unwrap()
    };
    assert_eq!(at(&files[0], "2026-12-30"), "1");
    assert_eq!(at(&files[1], "2027-01-02"), "1", "a new year starts at 01");
    assert_eq!(
        at(&files[2], "2026-12-31"),
        "1",
        "secret documents: own series"
    );
    assert_eq!(at(&files[3], "2026-12-31"), "2");
    assert_eq!(
        at(&files[4], "2026-12-31"),
        "1",
        "another issuer: own series"
    );
    let rows = rows(dir.path());
    let secret = rows.iter().find(|r| r.source == "c.yaml").unwrap();
    assert_eq!((secret.series.as_str(), secret.number), ("secret", 1));
    let o = cap_so(&[&files[2]], &[]);
    assert!(stderr(&o).contains("01/PGDĐT"), "{}", stderr(&o));
}

#[test]
fn renumbering_is_refused_with_the_existing_number() {
    let (dir, files) = project(&["a.yaml"], DRAFT);
    let doc = &files[0];
    assert_exit(&cap_so(&[doc], &["--no-pdf", "--date", "2026-04-01"]), 0);
    let numbered = fs::read_to_string(doc).unwrap();

    // Again: refused at the `so:` line, the file and register untouched.
    let o = cap_so(&[doc], &["--no-pdf"]);
    assert_exit(&o, 1);
    let line = numbered.lines().position(|l| l.starts_with("so:")).unwrap() + 1;
    let err = stderr(&o);
    assert!(err.contains(&format!("a.yaml:{line}:5")), "{err}");
    assert!(err.contains("đã có số 01/PGDĐT"), "{err}");
    assert_eq!(fs::read_to_string(doc).unwrap(), numbered);
    assert_eq!(rows(dir.path()).len(), 1);

    // With the number erased from the YAML, the register still knows it.
    let erased: String = numbered
        .lines()
        .filter(|l| !l.starts_with("so:"))
        .map(|l| format!("{l}\n"))
        .collect();
    fs::write(doc, &erased).unwrap();
    let o = cap_so(&[doc], &["--no-pdf"]);
    assert_exit(&o, 1);
    assert!(
        stderr(&o).contains("sổ đăng ký đã cấp số 01/PGDĐT ngày 01/04/2026"),
        "{}",
        stderr(&o)
    );
    assert_eq!(fs::read_to_string(doc).unwrap(), erased);
    assert_eq!(rows(dir.path()).len(), 1);
}

#[test]
fn a_failing_document_takes_no_number_and_is_left_as_it_was() {
    let (dir, files) = project(&["a.yaml", "b.yaml"], DRAFT);
    // A signature image that does not exist: the document cannot be built.
    let broken = DRAFT.replace("  ho_ten:", "  chu_ky: khong-co.png\n  ho_ten:");
    fs::write(&files[0], &broken).unwrap();
    let o = cap_so(&[&files[0]], &[]);
    assert_exit(&o, 1);
    assert_eq!(fs::read_to_string(&files[0]).unwrap(), broken);
    assert!(!files[0].with_extension("pdf").exists());
    let o = cap_so(&[&files[1]], &[]);
    assert_exit(&o, 0);
    let rows = rows(dir.path());
    assert_eq!(rows.len(), 1);
    assert_eq!((rows[0].number, rows[0].source.as_str()), (1, "b.yaml"));
}

#[test]
fn withdrawn_numbers_are_recorded_and_never_reused() {
    let (dir, files) = project(&["a.yaml", "b.yaml", "c.yaml"], DRAFT);
    let o = cap_so(
        &[&files[0], &files[1]],
        &["--no-pdf", "--date", "2026-06-01"],
    );
    assert_exit(&o, 0);
    let mut c = vanban();
    c.args([
        "thu-hoi",
        "--reason",
        "Ban hành nhầm đối tượng",
        "--date",
        "2026-06-03",
    ])
    .arg(&files[1]);
    let o = run(&mut c);
    assert_exit(&o, 0);
    assert!(
        stderr(&o).contains("đã ghi thu hồi số 02/PGDĐT"),
        "{}",
        stderr(&o)
    );
    let withdrawn = rows(dir.path())
        .into_iter()
        .find(|r| r.number == 2)
        .unwrap();
    assert_eq!(withdrawn.status, "withdrawn");
    assert_eq!(
        withdrawn.note,
        "Thu hồi ngày 03/06/2026: Ban hành nhầm đối tượng"
    );

    // The next number is 03, not the withdrawn 02.
    assert_exit(
        &cap_so(&[&files[2]], &["--no-pdf", "--date", "2026-06-04"]),
        0,
    );
    assert_eq!(
        top(&fs::read_to_string(&files[2]).unwrap(), "so").as_deref(),
        Some("3")
    );
    // Withdrawing twice is refused; the document, cleared of its number,
    // can be issued again under a new one.
    let o = run(vanban().args(["thu-hoi"]).arg(&files[1]));
    assert_exit(&o, 1);
    assert!(stderr(&o).contains("đã được ghi thu hồi"), "{}", stderr(&o));
    let cleared = fs::read_to_string(&files[1])
        .unwrap()
        .replace("so: 2\n", "");
    fs::write(&files[1], cleared).unwrap();
    assert_exit(
        &cap_so(&[&files[1]], &["--no-pdf", "--date", "2026-06-05"]),
        0,
    );
    let rows = rows(dir.path());
    let of_b: Vec<(u32, &str)> = rows
        .iter()
        .filter(|r| r.source == "b.yaml")
        .map(|r| (r.number, r.status.as_str()))
        .collect();
    assert_eq!(of_b, [(2, "withdrawn"), (4, "issued")]);
}

/// `vanban check` on `files`: exit code and stderr.
fn check(files: &[&Path]) -> (Option<i32>, String) {
    let mut c = vanban();
    c.arg("check").args(files);
    let o = run(&mut c);
    (o.status.code(), stderr(&o))
}

/// Line and column of the value of the top-level `key` in a file.
fn place(path: &Path, key: &str) -> String {
    let text = fs::read_to_string(path).unwrap();
    let (i, l) = text
        .lines()
        .enumerate()
        .find(|(_, l)| l.starts_with(&format!("{key}:")))
        .unwrap();
    let col = l[key.len() + 1..].chars().take_while(|c| *c == ' ').count() + key.len() + 2;
    format!(
        "{}:{}:{col}",
        path.file_name().unwrap().to_string_lossy(),
        i + 1
    )
}

#[test]
fn check_reports_numbers_that_disagree_with_the_register_duplicates_and_gaps() {
    let (dir, files) = project(&["a.yaml", "b.yaml", "c.yaml", "d.yaml"], DRAFT);
    let o = cap_so(
        &files[..3].iter().map(PathBuf::as_path).collect::<Vec<_>>(),
        &["--no-pdf", "--date", "2026-02-10"],
    );
    assert_exit(&o, 0);
    let paths: Vec<&Path> = files.iter().map(PathBuf::as_path).collect();
    // All agree: d is a draft.
    let (code, err) = check(&paths);
    assert_eq!(code, Some(0), "{err}");

    // a says 07 and another date; the register says 01 of 10/02/2026.
    let a = fs::read_to_string(&files[0]).unwrap();
    fs::write(
        &files[0],
        a.replace("so: 1", "so: 7")
            .replace("2026-02-10", "2026-02-11"),
    )
    .unwrap();
    // d was numbered by hand with b's number, under another ký hiệu.
    let d = DRAFT
        .replace("ky_hieu: PGDĐT", "so: 2\nky_hieu: PGDĐT-TH")
        .replace("2026-03", "2026-02-12");
    fs::write(&files[3], d).unwrap();
    let (code, err) = check(&paths);
    assert_eq!(code, Some(1), "{err}");
    assert!(err.contains(&place(&files[0], "so")), "{err}");
    assert!(
        err.contains("`so` trong tệp là 07/PGDĐT, sổ đăng ký ghi 01/PGDĐT"),
        "{err}"
    );
    assert!(err.contains(&place(&files[0], "ngay")), "{err}");
    assert!(err.contains("sổ đăng ký ghi 10/02/2026"), "{err}");
    assert!(err.contains(&place(&files[3], "so")), "{err}");
    assert!(err.contains("trùng số 02"), "{err}");
    assert!(
        err.contains("02/PGDĐT-TH") || err.contains("02/PGDĐT"),
        "{err}"
    );
    // b is reported too, as sharing 02 with d.
    assert!(err.contains(&place(&files[1], "so")), "{err}");

    // A damaged register (a row deleted by hand) has a gap.
    fs::write(&files[0], a).unwrap();
    fs::write(&files[3], DRAFT).unwrap();
    let conn = rusqlite::Connection::open(dir.path().join("so-van-ban.sqlite")).unwrap();
    conn.execute("DELETE FROM entries WHERE number = 2", [])
        .unwrap();
    drop(conn);
    let (code, err) = check(&paths[..1]);
    assert_eq!(code, Some(1), "{err}");
    assert!(err.contains("so-van-ban.sqlite"), "{err}");
    assert!(err.contains("thiếu số 02"), "{err}");
}

#[test]
fn check_warns_of_gaps_among_documents_without_a_register() {
    let (_dir, files) = project(&["a.yaml", "b.yaml", "c.yaml"], DRAFT);
    for (f, n) in files.iter().zip([1, 2, 5]) {
        let text = DRAFT
            .replace("ky_hieu:", &format!("so: {n}\nky_hieu:"))
            .replace("2026-03", &format!("2026-03-{n:02}"));
        fs::write(f, text).unwrap();
    }
    let paths: Vec<&Path> = files.iter().map(PathBuf::as_path).collect();
    let (code, err) = check(&paths);
    assert_eq!(code, Some(0), "a warning only: {err}");
    assert!(err.contains(&place(&files[2], "so")), "{err}");
    assert!(err.contains("thiếu số 03, 04 trước số này"), "{err}");
}

/// `files` numbered `so` on `ngay` (2026-03-DD), each under the governing
/// body given (or the draft's own).
fn numbered_drafts(files: &[PathBuf], numbers: &[(u32, u32, Option<&str>)]) {
    for (f, (n, day, body)) in files.iter().zip(numbers) {
        let mut text = DRAFT
            .replace("ky_hieu:", &format!("so: {n}\nky_hieu:"))
            .replace("2026-03", &format!("2026-03-{day:02}"));
        if let Some(b) = body {
            text = text.replace("UBND HUYỆN THỦ THỪA", b);
        }
        fs::write(f, text).unwrap();
    }
}

#[test]
fn gaps_are_not_reported_among_documents_that_are_no_series() {
    let (_dir, files) = project(&["a.yaml", "b.yaml", "c.yaml"], DRAFT);
    let paths: Vec<&Path> = files.iter().map(PathBuf::as_path).collect();
    // Numbers against their dates: a selection, not a series numbered in
    // the order of issue.
    numbered_drafts(&files, &[(1, 5, None), (2, 2, None), (5, 9, None)]);
    let (code, err) = check(&paths);
    assert_eq!(code, Some(0), "{err}");
    assert!(!err.contains("thiếu số"), "{err}");
    // Three of 40 numbers: a selection.
    numbered_drafts(&files, &[(1, 1, None), (2, 2, None), (40, 9, None)]);
    let (_, err) = check(&paths);
    assert!(!err.contains("thiếu số"), "{err}");
    // Two offices of one name under different bodies: two series, neither
    // with a gap, and 01 is no duplicate.
    numbered_drafts(
        &files,
        &[
            (1, 1, None),
            (2, 2, None),
            (1, 3, Some("UBND HUYỆN CẦN ĐƯỚC")),
        ],
    );
    let (code, err) = check(&paths);
    assert_eq!(code, Some(0), "{err}");
    assert!(!err.contains("trùng số"), "{err}");
    // Still one office, in date order, most numbers there: the gap is news.
    numbered_drafts(&files, &[(1, 1, None), (2, 2, None), (4, 9, None)]);
    let (code, err) = check(&paths);
    assert_eq!(code, Some(0), "{err}");
    assert!(err.contains(&place(&files[2], "so")), "{err}");
    assert!(err.contains("thiếu số 03 trước số này"), "{err}");
}

#[test]
fn the_examples_are_no_register_and_have_no_gaps() {
    let o = run(vanban()
        .env("LANGUAGE", "vi")
        .arg("check")
        .arg(crate::common::root().join("data")));
    assert_exit(&o, 0);
    let err = stderr(&o);
    assert!(!err.contains("thiếu số"), "{err}");
    assert!(!err.contains("trùng số"), "{err}");
}

/// Three numbered documents, the second withdrawn: the project folder.
fn register_of_three() -> (tempfile::TempDir, Vec<Row>) {
    let (dir, files) = project(&["a.yaml", "b.yaml", "c.yaml"], DRAFT);
    let subjects = [
        "Báo cáo sĩ số",
        "Lịch thi học kỳ, \"đợt 1\"",
        "Kế hoạch; tập huấn",
    ];
    for (f, s) in files.iter().zip(subjects) {
        let text = fs::read_to_string(f)
            .unwrap()
            .replace("Báo cáo số liệu học sinh đầu năm", s);
        fs::write(f, text).unwrap();
    }
    for (i, f) in files.iter().enumerate() {
        let date = format!("2026-09-{:02}", i + 1);
        assert_exit(&cap_so(&[f], &["--date", &date]), 0);
    }
    assert_exit(
        &run(vanban()
            .args([
                "thu-hoi",
                "--reason",
                "Sai thời gian",
                "--date",
                "2026-09-05",
            ])
            .arg(&files[1])),
        0,
    );
    let rows = rows(dir.path());
    (dir, rows)
}

#[test]
fn the_register_exports_to_csv_with_a_byte_order_mark() {
    let (dir, rows) = register_of_three();
    let out = dir.path().join("so.csv");
    let o = run(vanban_vi()
        .arg("so-dang-ky")
        .arg(dir.path())
        .arg("-o")
        .arg(&out));
    assert_exit(&o, 0);
    let bytes = fs::read(&out).unwrap();
    assert!(bytes.starts_with(b"\xEF\xBB\xBF"), "UTF-8 BOM for Excel");
    let mut rd = csv::Reader::from_reader(&bytes[3..]);
    let head: Vec<String> = rd.headers().unwrap().iter().map(str::to_owned).collect();
    assert_eq!(head[0], "Số");
    assert!(head.contains(&"Tên loại và trích yếu nội dung văn bản".to_owned()));
    let got: Vec<csv::StringRecord> = rd.records().map(Result::unwrap).collect();
    assert_eq!(got.len(), rows.len());
    let col = |name: &str| head.iter().position(|h| h == name).unwrap();
    for (g, r) in got.iter().zip(&rows) {
        assert_eq!(g[col("Số")].parse::<u32>().unwrap(), r.number);
        assert_eq!(&g[col("Ký hiệu")], r.symbol);
        assert_eq!(&g[col("Tên loại và trích yếu nội dung văn bản")], r.title);
        assert_eq!(&g[col("Ghi chú")], r.note);
        assert_eq!(&g[col("SHA-256 của PDF")], r.pdf_sha256);
        assert_eq!(&g[col("Tệp nguồn")], r.source);
    }
}

#[test]
fn the_register_exports_to_xlsx_read_back_with_calamine() {
    use calamine::{Data, Reader, Xlsx};
    let (dir, rows) = register_of_three();
    let out = dir.path().join("so.xlsx");
    let o = run(vanban_vi()
        .arg("so-dang-ky")
        .arg(dir.path())
        .arg("--out")
        .arg(&out));
    assert_exit(&o, 0);
    let mut book: Xlsx<_> = calamine::open_workbook(&out).unwrap();
    let sheet = book.sheet_names()[0].clone();
    let range = book.worksheet_range(&sheet).unwrap();
    let data: Vec<Vec<String>> = range
        .rows()
        .map(|r| {
            r.iter()
                .map(|c| match c {
                    Data::Float(f) => format!("{f}"),
                    Data::Int(i) => i.to_string(),
                    Data::Empty => String::new(),
                    other => other.to_string(),
                })
                .collect()
        })
        .collect();
    let head = &data[0];
    let col = |name: &str| head.iter().position(|h| h == name).unwrap();
    assert_eq!(data.len(), rows.len() + 1);
    for (g, r) in data[1..].iter().zip(&rows) {
        assert_eq!(g[col("Số")], r.number.to_string());
        assert_eq!(g[col("Ký hiệu")], r.symbol);
        let (y, m, d) = (&r.date[..4], &r.date[5..7], &r.date[8..]);
        assert_eq!(g[col("Ngày tháng văn bản")], format!("{d}/{m}/{y}"));
        assert_eq!(g[col("Tên loại và trích yếu nội dung văn bản")], r.title);
        assert_eq!(g[col("Người ký")], r.signer);
        assert_eq!(g[col("Nơi nhận văn bản")], r.recipients);
        assert_eq!(g[col("Đơn vị, người nhận bản lưu")], r.file_copy);
        assert_eq!(g[col("Ghi chú")], r.note);
        assert_eq!(g[col("Cơ quan ban hành")], r.issuer);
        assert_eq!(g[col("Năm")], r.year.to_string());
        assert_eq!(
            g[col("Trạng thái")],
            if r.status == "withdrawn" {
                "đã thu hồi"
            } else {
                "đã cấp"
            }
        );
    }
}

#[test]
fn the_printed_register_has_a_cover_and_the_columns_of_phu_luc_iv() {
    let (dir, rows) = register_of_three();
    let out = dir.path().join("so-2026.pdf");
    let o = run(vanban()
        .arg("so-dang-ky")
        .arg(dir.path())
        .args(["--year", "2026", "-o"])
        .arg(&out));
    assert_exit(&o, 0);
    crate::common::assert_qpdf_check(&out);
    let info = Command::new("pdfinfo")
        .arg("-f")
        .arg("1")
        .arg("-l")
        .arg("2")
        .arg(&out)
        .output()
        .unwrap();
    let info = String::from_utf8_lossy(&info.stdout).into_owned();
    // Page 1 (cover) portrait, page 2 landscape A4.
    let size = |page: u32| -> (f64, f64) {
        let l = info
            .lines()
            .find(|l| l.starts_with(&format!("Page    {page} size:")))
            .unwrap_or_else(|| panic!("{info}"));
        let v: Vec<f64> = l
            .split_whitespace()
            .filter_map(|w| w.parse().ok())
            .collect();
        (v[1], v[2])
    };
    let (w1, h1) = size(1);
    let (w2, h2) = size(2);
    assert!(
        w1 < h1 && (w2 - 841.89).abs() < 1.0 && (h2 - 595.28).abs() < 1.0,
        "{info}"
    );

    let text = pdftotext(&out, "-layout");
    let pages: Vec<&str> = text.split('\u{c}').collect();
    let cover = pages[0];
    for want in [
        "UBND HUYỆN THỦ THỪA",
        "PHÒNG GIÁO DỤC VÀ ĐÀO TẠO",
        "SỔ ĐĂNG KÝ VĂN BẢN ĐI",
        "Năm: 2026",
    ] {
        assert!(cover.contains(want), "{want}: {cover}");
    }
    assert!(
        cover.contains("01/09/2026") && cover.contains("03/09/2026"),
        "{cover}"
    );
    let body = pages[1];
    // The ten columns of Phụ lục IV, in order, then their numbers.
    let raw = pdftotext(&out, "-raw");
    let flat = raw
        .split('\u{c}')
        .nth(1)
        .unwrap()
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ");
    let heads = "Số, ký hiệu văn bản Ngày tháng văn bản Tên loại và trích yếu nội dung văn bản \
        Người ký Nơi nhận văn bản Đơn vị, người nhận bản lưu Số lượng bản Ngày chuyển Ký nhận \
        Ghi chú (1) (2) (3) (4) (5) (6) (7) (8) (9) (10)";
    assert!(flat.starts_with(heads), "{flat}");
    // Each row on one line of the layout: its number/symbol then its date.
    for r in &rows {
        let so = format!("{:02}/{}", r.number, r.symbol);
        let (y, m, d) = (&r.date[..4], &r.date[5..7], &r.date[8..]);
        let line = body
            .lines()
            .find(|l| l.contains(&so))
            .unwrap_or_else(|| panic!("{so}: {body}"));
        let date = format!("{d}/{m}/{y}");
        assert!(line.contains(&date), "{line}");
        assert!(line.find(&so) < line.find(&date), "{line}");
        assert!(flat.contains(&format!("{so} {date} {}", r.title)), "{flat}");
        assert!(flat.contains(&r.signer));
    }
    assert!(
        flat.contains("Thu hồi ngày 05/09/2026: Sai thời gian"),
        "{flat}"
    );
    // Page number 1 at the foot of the first page of the register.
    assert_eq!(
        body.lines().rfind(|l| !l.trim().is_empty()).map(str::trim),
        Some("1")
    );
}

#[test]
fn an_exported_register_imports_into_a_new_project_which_numbers_on() {
    let (dir, rows) = register_of_three();
    let xlsx = dir.path().join("so.xlsx");
    assert_exit(
        &run(vanban()
            .arg("so-dang-ky")
            .arg(dir.path())
            .arg("-o")
            .arg(&xlsx)),
        0,
    );
    let (fresh, files) = project(&["tiep.yaml"], DRAFT);
    let o = run(vanban()
        .arg("so-dang-ky")
        .arg(fresh.path())
        .arg("--import")
        .arg(&xlsx));
    assert_exit(&o, 0);
    let imported = self::rows(fresh.path());
    let key = |r: &Row| {
        (
            r.issuer.clone(),
            r.year,
            r.series.clone(),
            r.number,
            r.symbol.clone(),
            r.date.clone(),
            r.title.clone(),
            r.signer.clone(),
            r.recipients.clone(),
            r.file_copy.clone(),
            r.note.clone(),
            r.status.clone(),
        )
    };
    assert_eq!(
        imported.iter().map(key).collect::<Vec<_>>(),
        rows.iter().map(key).collect::<Vec<_>>()
    );
    // The series goes on after the imported numbers (03 is the highest).
    assert_exit(
        &cap_so(&[&files[0]], &["--no-pdf", "--date", "2026-09-20"]),
        0,
    );
    assert_eq!(
        top(&fs::read_to_string(&files[0]).unwrap(), "so").as_deref(),
        Some("4")
    );
}

#[test]
fn an_import_with_a_bad_row_adds_nothing_and_names_the_row() {
    let (dir, _) = project(&[], DRAFT);
    let csv = dir.path().join("so-cu.csv");
    fs::write(
        &csv,
        "\"Số, ký hiệu văn bản\",Ngày tháng văn bản,Tên loại và trích yếu nội dung văn bản,Người ký\n\
         01/UBND,02/01/2026,Công văn V/v lịch họp,Trần B\n\
         02/UBND,31/02/2026,Công văn V/v tuyển sinh,Trần B\n",
    )
    .unwrap();
    let o = run(vanban()
        .arg("so-dang-ky")
        .arg(dir.path())
        .args(["--issuer", "UBND XÃ AN NHỰT TÂN", "--import"])
        .arg(&csv));
    assert_exit(&o, 1);
    assert!(
        stderr(&o).contains("so-cu.csv: dòng 3: `31/02/2026`"),
        "{}",
        stderr(&o)
    );
    assert!(rows(dir.path()).is_empty());
    // Corrected, both rows go in, under the issuer given.
    let fixed = fs::read_to_string(&csv)
        .unwrap()
        .replace("31/02/2026", "03/02/2026");
    fs::write(&csv, fixed).unwrap();
    let o = run(vanban()
        .arg("so-dang-ky")
        .arg(dir.path())
        .args(["--issuer", "UBND XÃ AN NHỰT TÂN", "--import"])
        .arg(&csv));
    assert_exit(&o, 0);
    let got: Vec<(u32, String, String, String)> = rows(dir.path())
        .into_iter()
        .map(|r| (r.number, r.symbol, r.date, r.issuer))
        .collect();
    assert_eq!(got.len(), 2);
    assert_eq!(got[1].0, 2);
    assert_eq!(got[1].1, "UBND");
    assert_eq!(got[1].2, "2026-02-03");
    assert_eq!(got[1].3, "UBND XÃ AN NHỰT TÂN");
}

/// A giấy mời whose recipient and unit come from variables (with sample
/// values, so that the template is a document of its own).
pub(crate) const INVITATION: &str = "\
loai: giay_moi
co_quan: ỦY BAN NHÂN DÂN XÃ AN NHỰT TÂN
ky_hieu: UBND
dia_danh: An Nhựt Tân
bien:
  ho_ten: Ông Nguyễn Văn Mẫu
  don_vi: Trường Tiểu học Mẫu
trich_yeu: Dự hội nghị tổng kết năm học
kinh_gui: \"{{ ho_ten }}, {{ don_vi }}\"
noi_dung:
  - \"Ủy ban nhân dân xã trân trọng kính mời {{ ho_ten }} ({{ don_vi }}) dự hội nghị.\"
nguoi_ky:
  quyen_han: TM. ỦY BAN NHÂN DÂN
  chuc_vu: CHỦ TỊCH
  ho_ten: Lê Văn C
noi_nhan:
  - Như trên
  - \"Lưu: VT\"
";

#[test]
fn mail_merge_of_50_rows_numbers_each_invitation() {
    let (dir, files) = project(&["gm.yaml"], INVITATION);
    let csv = dir.path().join("khach.csv");
    let mut data = String::from("ho_ten,don_vi\n");
    for i in 1..=50 {
        data.push_str(&format!("Ông Trần Khách {i},\"Trường số {i}, ấp {i}\"\n"));
    }
    fs::write(&csv, data).unwrap();
    let o = run(vanban()
        .arg("tron-thu")
        .arg(&files[0])
        .arg(&csv)
        .args(["--date", "2026-05-10"]));
    assert_exit(&o, 0);
    let pdfs: Vec<PathBuf> = stdout(&o).lines().map(PathBuf::from).collect();
    assert_eq!(pdfs.len(), 50);
    let rows = rows(dir.path());
    let mut numbers: Vec<u32> = rows.iter().map(|r| r.number).collect();
    numbers.sort();
    assert_eq!(numbers, (1..=50).collect::<Vec<u32>>());
    for (i, pdf) in pdfs.iter().enumerate() {
        let yaml = pdf.with_extension("yaml");
        let source = yaml
            .strip_prefix(dir.path().canonicalize().unwrap())
            .unwrap();
        let row = rows
            .iter()
            .find(|r| Path::new(&r.source) == source)
            .unwrap_or_else(|| panic!("{}", source.display()));
        let text = pdftotext(pdf, "");
        let flat = text.split_whitespace().collect::<Vec<_>>().join(" ");
        let name = format!("Ông Trần Khách {}", i + 1);
        assert!(
            flat.contains(&format!("{name}, Trường số {}, ấp {}", i + 1, i + 1)),
            "{flat}"
        );
        assert!(
            flat.contains(&format!("{:02}/GM-UBND", row.number)),
            "{flat}"
        );
        assert_eq!(
            row.recipients,
            format!("{name}, Trường số {}, ấp {}", i + 1, i + 1)
        );
        assert_eq!(row.pdf_sha256, sha256(pdf));
    }
    // Running it again would overwrite numbered documents: refused.
    let o = run(vanban().arg("tron-thu").arg(&files[0]).arg(&csv));
    assert_exit(&o, 1);
    assert!(stderr(&o).contains("không ghi đè"), "{}", stderr(&o));
    assert_eq!(self::rows(dir.path()).len(), 50);
}

#[test]
fn mail_merge_can_share_one_number() {
    let (dir, files) = project(&["gm.yaml"], INVITATION);
    let csv = dir.path().join("khach.csv");
    fs::write(
        &csv,
        "ho_ten,don_vi\nBà A,Trường 1\nÔng B,Trường 2\nÔng C,Trường 3\n",
    )
    .unwrap();
    let o = run(vanban()
        .arg("tron-thu")
        .arg(&files[0])
        .arg(&csv)
        .args(["--numbers", "shared", "--date", "2026-05-11", "-o"])
        .arg(dir.path().join("chung")));
    assert_exit(&o, 0);
    let rows = rows(dir.path());
    assert_eq!(rows.len(), 1, "one number, the template's");
    assert_eq!(rows[0].source, "gm.yaml");
    for pdf in stdout(&o).lines() {
        let flat = pdftotext(Path::new(pdf), "")
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ");
        assert!(flat.contains("01/GM-UBND"), "{flat}");
        assert!(flat.contains("ngày 11 tháng 5 năm 2026"), "{flat}");
    }
}

#[test]
fn list_flags_a_number_used_twice_in_a_series_whatever_the_ky_hieu() {
    let numbered = |so: u32, ky_hieu: &str, extra: &str| {
        DRAFT
            .replace("ky_hieu: PGDĐT", &format!("so: {so}\nky_hieu: {ky_hieu}"))
            .replace("2026-03 ", "2026-03-04 ")
            .replace("trich_yeu:", &format!("{extra}trich_yeu:"))
    };
    let (dir, files) = project(&["a.yaml", "b.yaml", "c.yaml", "d.yaml"], DRAFT);
    fs::write(&files[0], numbered(5, "PGDĐT", "")).unwrap();
    fs::write(&files[1], numbered(5, "PGDĐT-TH", "")).unwrap();
    fs::write(&files[2], numbered(6, "PGDĐT", "")).unwrap();
    fs::write(&files[3], numbered(5, "PGDĐT", "do_mat: mat\n")).unwrap();
    let o = run(vanban()
        .arg("list")
        .arg(dir.path())
        .args(["--format", "json"]));
    assert_exit(&o, 0);
    let rows: serde_json::Value = serde_json::from_str(&stdout(&o)).unwrap();
    let flagged = |name: &str| {
        rows.as_array()
            .unwrap()
            .iter()
            .find(|r| r["file"].as_str().unwrap().ends_with(name))
            .unwrap()["trung_so"]
            .as_bool()
            .unwrap()
    };
    assert!(flagged("a.yaml") && flagged("b.yaml"), "{rows}");
    assert!(!flagged("c.yaml"), "another number");
    assert!(!flagged("d.yaml"), "the secret series is another series");
}
