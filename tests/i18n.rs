//! The message catalogue: every message in Vietnamese and English, and
//! Vietnamese unless English is asked for.

use vanban::diag::MessageId;
use vanban::i18n::{self, Lang};

use crate::common::{root, vanban};

#[test]
fn every_message_has_both_languages() {
    for id in MessageId::ALL {
        for lang in Lang::ALL {
            assert!(
                i18n::has(lang, id.ftl()),
                "`{}` is missing from i18n/{}/vanban.ftl",
                id.ftl(),
                lang.code()
            );
        }
    }
    // And no id of one file lacks its twin in the other.
    for lang in Lang::ALL {
        let ids = i18n::ids(lang);
        assert!(ids.len() > MessageId::ALL.len() / 2, "{ids:?}");
        for id in ids {
            for other in Lang::ALL {
                assert!(
                    i18n::has(other, &id),
                    "`{id}` of i18n/{}/vanban.ftl is missing from i18n/{}/vanban.ftl",
                    lang.code(),
                    other.code()
                );
            }
        }
    }
}

#[test]
fn every_command_line_help_text_has_both_languages() {
    let mut missing = Vec::new();
    for id in vanban::cli::help_ids() {
        for lang in Lang::ALL {
            if !i18n::has(lang, &id) {
                missing.push(format!("{id} (i18n/{}/vanban.ftl)", lang.code()));
            }
        }
    }
    assert!(
        missing.is_empty(),
        "help texts missing:\n{}",
        missing.join("\n")
    );
}

fn check_with_env(vars: &[(&str, &str)]) -> String {
    let mut cmd = vanban();
    for k in ["LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG"] {
        cmd.env_remove(k);
    }
    cmd.envs(vars.iter().copied());
    let out = cmd
        .current_dir(root())
        .args(["check", "tests/fixtures/broken/unknown-key.yaml"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    String::from_utf8_lossy(&out.stderr).into_owned()
}

#[test]
fn vietnamese_unless_english_is_asked_for() {
    let vi = "không có khóa `trich_yue`";
    let en = "unknown key `trich_yue`";
    let out = check_with_env(&[]);
    assert!(
        out.contains(vi) && out.contains("1/1 văn bản có lỗi"),
        "{out}"
    );
    let out = check_with_env(&[("LANG", "en_US.UTF-8")]);
    assert!(
        out.contains(en) && out.contains("1 of 1 document failed"),
        "{out}"
    );
    let out = check_with_env(&[("LC_MESSAGES", "en_GB"), ("LANG", "vi_VN.UTF-8")]);
    assert!(out.contains(en), "{out}");
    let out = check_with_env(&[("LANG", "C.UTF-8")]);
    assert!(out.contains(vi), "{out}");
}

#[test]
fn lang_flag_wins_over_the_environment() {
    let out = vanban()
        .env("LANG", "en_US.UTF-8")
        .current_dir(root())
        .args([
            "check",
            "--lang",
            "vi",
            "tests/fixtures/broken/unknown-key.yaml",
        ])
        .output()
        .unwrap();
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("gợi ý: có phải ý bạn là `trich_yeu`?"),
        "{err}"
    );
}

#[test]
fn help_is_vietnamese_by_default() {
    for args in [&["--help"][..], &["build", "--help"], &["check", "--help"]] {
        let out = vanban().env_remove("LANGUAGE").args(args).output().unwrap();
        let vi = String::from_utf8_lossy(&out.stdout).into_owned();
        let out = vanban().arg("--lang=en").args(args).output().unwrap();
        let en = String::from_utf8_lossy(&out.stdout).into_owned();
        assert!(vi.contains("Cách dùng"), "{vi}");
        assert!(en.contains("Usage"), "{en}");
        assert_ne!(vi, en);
    }
}

/// clap's English words, which must not reach a Vietnamese command line.
const CLAP_ENGLISH: &[&str] = &[
    "Usage",
    "Options",
    "Commands",
    "Arguments",
    "OPTIONS",
    "COMMAND",
    "Print",
    "possible values",
    "default:",
    "error:",
    "tip:",
    "unexpected argument",
    "For more information",
    "required",
    "invalid value",
    "unrecognized",
    "subcommand",
    "similar",
    "found",
    "exists",
];

/// `vanban ARGS` in Vietnamese (no language in the environment) or with
/// `--lang en`: exit code and stdout followed by stderr.
fn cli_in(english: bool, args: &[&str]) -> (Option<i32>, String) {
    let mut cmd = vanban();
    for k in ["LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG"] {
        cmd.env_remove(k);
    }
    if english {
        cmd.args(["--lang", "en"]);
    }
    let out = cmd.current_dir(root()).args(args).output().unwrap();
    let text = format!(
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    (out.status.code(), text)
}

/// Arguments, exit code, Vietnamese words, English words.
type Case<'a> = (&'a [&'a str], i32, &'a [&'a str], &'a [&'a str]);

#[test]
fn clap_words_and_usage_errors_in_both_languages() {
    let cases: &[Case] = &[
        (
            &["--help"],
            0,
            &[
                "Cách dùng: vanban [TÙY_CHỌN] <LỆNH>",
                "Các lệnh:",
                "Tùy chọn:",
                "-h, --help          In trợ giúp",
                "In phiên bản",
                "help        In trợ giúp chung",
            ],
            &[
                "Usage: vanban [OPTIONS] <COMMAND>",
                "Commands:",
                "Options:",
                "Print help",
                "Print version",
            ],
        ),
        (
            &["build", "--help"],
            0,
            &[
                "Cách dùng: vanban build [TÙY_CHỌN] <TỆP.yaml>...",
                "--format <DẠNG>",
                "Các giá trị:",
                "- docx: Tệp Word sửa được",
                "[mặc định: pdf]",
                "Tham số:",
            ],
            &[
                "Usage: vanban build [OPTIONS] <FILE.yaml>...",
                "Possible values:",
                "[default: pdf]",
                "Arguments:",
            ],
        ),
        (
            &["list", "-h"],
            0,
            &["[mặc định: table] [giá trị: table, csv, json]", "<THƯ_MỤC>"],
            &[
                "[default: table] [possible values: table, csv, json]",
                "<DIR>",
            ],
        ),
        (
            &["--bogus"],
            2,
            &[
                "lỗi: không có tùy chọn `--bogus`",
                "Xem hướng dẫn: thêm `--help` vào cuối lệnh.",
            ],
            &[
                "error: unexpected argument '--bogus' found",
                "For more information, try '--help'.",
            ],
        ),
        (
            &["build", "--format", "xyz", "a.yaml"],
            2,
            &[
                "`xyz` không dùng được cho `--format <DẠNG>`",
                "gợi ý: các giá trị dùng được: pdf, png, svg, docx",
            ],
            &[
                "invalid value 'xyz' for '--format <FORMAT>'",
                "possible values: pdf, png, svg, docx",
            ],
        ),
        (
            &["buidl"],
            2,
            &[
                "không có lệnh `buidl`",
                "gợi ý: có phải ý bạn là `build`?",
                "Cách dùng: vanban [TÙY_CHỌN] <LỆNH>",
            ],
            &["unrecognized command 'buidl'", "did you mean `build`?"],
        ),
        (
            &["build"],
            2,
            &[
                "còn thiếu: `<TỆP.yaml>...`",
                "Cách dùng: vanban build [TÙY_CHỌN] <TỆP.yaml>...",
            ],
            &["the following required arguments were not provided: `<FILE.yaml>...`"],
        ),
        (
            &["new", "--from", "a.yaml", "--year", "10000"],
            2,
            &["`10000` không dùng được cho `--year <NĂM>`: cần một số từ 1 đến 9999"],
            &["invalid value '10000' for '--year <YEAR>': a number from 1 to 9999"],
        ),
        (
            &["build", "--dpi", "abc", "a.yaml"],
            2,
            &["cần một số, ví dụ 150"],
            &["a number is needed, e.g. 150"],
        ),
        (
            &["so-dang-ky", "--import", "a.csv", "-o", "b.csv"],
            2,
            &["không dùng `--import <TỆP>` cùng với `--out <TỆP>`"],
            &["'--import <FILE>' cannot be used with '--out <FILE>'"],
        ),
    ];
    for (args, code, vi_words, en_words) in cases {
        let (vi_code, vi) = cli_in(false, args);
        let (en_code, en) = cli_in(true, args);
        assert_eq!(vi_code, Some(*code), "{args:?}: {vi}");
        assert_eq!(en_code, Some(*code), "{args:?}: {en}");
        for w in *vi_words {
            assert!(vi.contains(w), "{args:?}: `{w}` missing from\n{vi}");
        }
        for w in *en_words {
            assert!(en.contains(w), "{args:?}: `{w}` missing from\n{en}");
        }
        for w in CLAP_ENGLISH {
            assert!(!vi.contains(w), "{args:?}: English `{w}` in\n{vi}");
        }
    }
}

/// A project with two numbered documents, a công văn and a kế hoạch.
fn numbered_project() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("vanban.toml"), "").unwrap();
    for (name, loai) in [("cv.yaml", "cong_van"), ("kh.yaml", "ke_hoach")] {
        let yaml = format!(
            "loai: {loai}\nco_quan_chu_quan: UBND HUYỆN THỦ THỪA\nco_quan: PHÒNG GIÁO DỤC VÀ ĐÀO TẠO\n\
             ky_hieu: PGDĐT\ndia_danh: Thủ Thừa\nngay: 2026-03\ntrich_yeu: Báo cáo số liệu\n\
             kinh_gui: Các trường\nnoi_dung:\n  - Đề nghị gửi báo cáo.\nnguoi_ky:\n  chuc_vu: TRƯỞNG PHÒNG\n  \
             ho_ten: Nguyễn Văn A\nnoi_nhan:\n  - Như trên\n  - \"Lưu: VT\"\n"
        );
        std::fs::write(dir.path().join(name), yaml).unwrap();
    }
    let o = vanban()
        .current_dir(dir.path())
        .args([
            "cap-so",
            "--no-pdf",
            "--date",
            "2026-03-02",
            "cv.yaml",
            "kh.yaml",
        ])
        .output()
        .unwrap();
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    dir
}

fn in_lang(lang: &str, dir: &std::path::Path, args: &[&str]) -> String {
    let o = vanban()
        .current_dir(dir)
        .args(["--lang", lang])
        .args(args)
        .output()
        .unwrap();
    assert!(
        o.status.success(),
        "{args:?}: {}",
        String::from_utf8_lossy(&o.stderr)
    );
    String::from_utf8(o.stdout).unwrap()
}

#[test]
fn register_columns_and_kinds_in_both_languages() {
    let dir = numbered_project();
    let p = dir.path();
    // `vanban list`: the kinds by their names, the heads in the language.
    let vi = in_lang("vi", p, &["list", "."]);
    let en = in_lang("en", p, &["list", "."]);
    let head = |t: &str| t.lines().next().unwrap().to_owned();
    assert!(
        head(&vi).starts_with("Số/ký hiệu") && head(&vi).contains("Loại"),
        "{vi}"
    );
    assert!(
        head(&en).starts_with("Number/symbol") && head(&en).contains("Kind"),
        "{en}"
    );
    for t in [&vi, &en] {
        assert!(t.contains("Công văn") && t.contains("Kế hoạch"), "{t}");
        assert!(!t.contains("cong_van") && !t.contains("ke_hoach"), "{t}");
    }
    let vi = in_lang("vi", p, &["list", ".", "--format", "csv"]);
    let en = in_lang("en", p, &["list", ".", "--format", "csv"]);
    assert_eq!(
        head(&vi),
        "Số/ký hiệu,Ngày,Loại,Trích yếu,Cơ quan,Tệp,Trùng số"
    );
    assert_eq!(
        head(&en),
        "Number/symbol,Date,Kind,Subject,Issuer,File,Duplicate number"
    );
    assert!(vi.contains(",Công văn,") && vi.lines().nth(1).unwrap().ends_with(",không"));
    // `vanban so-dang-ky` on screen.
    let vi = in_lang("vi", p, &["so-dang-ky", "."]);
    let en = in_lang("en", p, &["so-dang-ky", "."]);
    assert!(
        head(&vi).starts_with("Số, ký hiệu") && head(&vi).contains("Người ký"),
        "{vi}"
    );
    assert!(
        head(&en).starts_with("Number, symbol") && head(&en).contains("Signed by"),
        "{en}"
    );
    assert!(en.contains("Công văn V/v Báo cáo số liệu"), "{en}");

    // CSV and XLSX exports: heads and words in the language, read back.
    for (lang, title, status) in [
        ("vi", "Tên loại và trích yếu nội dung văn bản", "Trạng thái"),
        ("en", "Kind and subject of the document", "Status"),
    ] {
        let csv_path = p.join(format!("so-{lang}.csv"));
        let xlsx_path = p.join(format!("so-{lang}.xlsx"));
        for out in [&csv_path, &xlsx_path] {
            in_lang(lang, p, &["so-dang-ky", ".", "-o", out.to_str().unwrap()]);
        }
        let bytes = std::fs::read(&csv_path).unwrap();
        let mut rd = csv::Reader::from_reader(&bytes[3..]);
        let head: Vec<String> = rd.headers().unwrap().iter().map(str::to_owned).collect();
        let rows: Vec<csv::StringRecord> = rd.records().map(Result::unwrap).collect();
        let col = |name: &str| head.iter().position(|h| h == name).unwrap();
        let titles: Vec<&str> = rows.iter().map(|r| &r[col(title)]).collect();
        assert!(
            titles.contains(&"Công văn V/v Báo cáo số liệu"),
            "{titles:?}"
        );
        assert!(titles.contains(&"Kế hoạch Báo cáo số liệu"), "{titles:?}");
        let issued = if lang == "vi" { "đã cấp" } else { "issued" };
        assert!(rows.iter().all(|r| &r[col(status)] == issued), "{rows:?}");

        use calamine::Reader;
        let mut book: calamine::Xlsx<_> = calamine::open_workbook(&xlsx_path).unwrap();
        let sheet = book.sheet_names()[0].clone();
        let range = book.worksheet_range(&sheet).unwrap();
        let data: Vec<Vec<String>> = range
            .rows()
            .map(|r| r.iter().map(|c| c.to_string()).collect())
            .collect();
        assert_eq!(data[0], head, "XLSX heads as the CSV's");
        assert_eq!(data.len(), 3);
        assert!(data[1..]
            .iter()
            .any(|r| r[col(title)] == "Công văn V/v Báo cáo số liệu"));
        // An English export imports back as a Vietnamese one does.
        let other = tempfile::tempdir().unwrap();
        std::fs::write(other.path().join("vanban.toml"), "").unwrap();
        let o = vanban()
            .current_dir(other.path())
            .args(["so-dang-ky", ".", "--import"])
            .arg(&xlsx_path)
            .output()
            .unwrap();
        assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
        let back = in_lang(lang, other.path(), &["so-dang-ky", "."]);
        assert!(back.contains("Công văn V/v Báo cáo số liệu"), "{back}");
        assert_eq!(back.lines().count(), 3, "{back}");
    }

    // The printed register is the form of Phụ lục IV, in Vietnamese
    // whatever the language of messages, the kinds by their names.
    let pdf = p.join("so.pdf");
    in_lang("en", p, &["so-dang-ky", ".", "-o", pdf.to_str().unwrap()]);
    let o = std::process::Command::new("pdftotext")
        .arg(&pdf)
        .arg("-")
        .output()
        .unwrap();
    let text = String::from_utf8_lossy(&o.stdout);
    assert!(text.contains("Công văn V/v Báo cáo số liệu"), "{text}");
    assert!(text.contains("Tên loại và trích yếu"), "{text}");
    assert!(!text.contains("cong_van"), "{text}");
}

/// Files whose Vietnamese string literals are document text (what a
/// document prints or a Vietnamese file contains), not messages, with why.
const DOCUMENT_TEXT: &[(&str, &str)] = &[
    ("src/vndate.rs", "weekday and month words of dates"),
    ("src/model/loai.rs", "the names of the kinds"),
    (
        "src/model/parts.rs",
        "the Nơi nhận group label `Bản điện tử:` as written",
    ),
    ("src/model/warnings.rs", "the `Lưu` item looked for"),
    (
        "src/load/problems.rs",
        "the `Bản điện tử:` label as written",
    ),
    ("src/resolve.rs", "citations of other documents"),
    ("src/render.rs", "the opening sentence and article headings"),
    ("src/docx/layout.rs", "the Word document's fixed lines"),
    (
        "src/evolve.rs",
        "comments and the opening sentence of a derived document",
    ),
    (
        "src/evolve/rollover.rs",
        "patterns of dates and citations in the text",
    ),
    (
        "src/lints.rs",
        "patterns of recipients and subjects in the text",
    ),
    (
        "src/register/import.rs",
        "column heads of registers kept by hand",
    ),
    (
        "src/register/issue.rs",
        "the `Lưu` and `Như trên` items looked for",
    ),
    (
        "src/register/merge.rs",
        "the comment heading a merged document",
    ),
    (
        "src/register/db.rs",
        "comments of the register's SQL schema",
    ),
    (
        "src/sign/mod.rs",
        "the names of the signature fields in the PDF",
    ),
    ("src/serve/points.rs", "the headings of a giấy mời's points"),
    (
        "src/sign/text_block.rs",
        "the text block of an attached file's signature",
    ),
    (
        "src/sign/copy.rs",
        "the copy's page and the text block of the copying organisation",
    ),
    (
        "src/diag/message.rs",
        "limit wordings given in both languages",
    ),
];

/// The string literals of Rust source `text` with their line, outside
/// comments and test modules (everything after `#[cfg(test)]`).
fn string_literals(text: &str) -> Vec<(usize, String)> {
    let text = text.split("\n#[cfg(test)]").next().unwrap_or(text);
    let b: Vec<char> = text.chars().collect();
    let (mut i, mut line, mut out) = (0, 1, Vec::new());
    let at = |i: usize| b.get(i).copied().unwrap_or('\0');
    while i < b.len() {
        let c = b[i];
        if c == '\n' {
            line += 1;
            i += 1;
        } else if c == '/' && at(i + 1) == '/' {
            while i < b.len() && b[i] != '\n' {
                i += 1;
            }
        } else if c == '/' && at(i + 1) == '*' {
            while i < b.len() && !(b[i] == '*' && at(i + 1) == '/') {
                line += usize::from(b[i] == '\n');
                i += 1;
            }
            i += 2;
        } else if c == 'r'
            && (at(i + 1) == '"' || at(i + 1) == '#')
            && !at(i.wrapping_sub(1)).is_alphanumeric()
        {
            let mut j = i + 1;
            let mut hashes = 0;
            while at(j) == '#' {
                hashes += 1;
                j += 1;
            }
            if at(j) != '"' {
                i += 1;
                continue;
            }
            let start = line;
            let close: String = std::iter::once('"')
                .chain(std::iter::repeat_n('#', hashes))
                .collect();
            let rest: String = b[j + 1..].iter().collect();
            let end = rest.find(&close).unwrap_or(rest.len());
            let lit = &rest[..end];
            line += lit.matches('\n').count();
            out.push((start, lit.to_owned()));
            i = j + 1 + lit.chars().count() + close.chars().count();
        } else if c == '"' {
            let start = line;
            let mut lit = String::new();
            i += 1;
            while i < b.len() && b[i] != '"' {
                if b[i] == '\\' {
                    lit.push(b[i]);
                    i += 1;
                }
                line += usize::from(at(i) == '\n');
                lit.push(at(i));
                i += 1;
            }
            i += 1;
            out.push((start, lit));
        } else if c == '\'' {
            // A char literal ('x', '\n', '"'), else a lifetime.
            if at(i + 1) == '\\' {
                i += 2;
                while i < b.len() && b[i] != '\'' {
                    i += 1;
                }
                i += 1;
            } else if at(i + 2) == '\'' {
                i += 3;
            } else {
                i += 1;
            }
        } else {
            i += 1;
        }
    }
    out
}

#[test]
fn no_vietnamese_message_is_left_outside_the_catalogue() {
    const MARKS: &str = "àáảãạăằắẳẵặâầấẩẫậđèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵ";
    let vietnamese = |s: &str| {
        s.chars()
            .any(|c| c.to_lowercase().any(|l| MARKS.contains(l)))
    };
    // The lexer itself: a literal over lines, a raw one, comments skipped.
    let sample = "// \"bỏ qua\"\nlet a = 'x'; let b = \"một\\\ndòng\"; let c = r#\"thô \"\"#; /* \"không\" */";
    let lits = string_literals(sample);
    assert_eq!(lits.len(), 2, "{lits:?}");
    assert!(lits.iter().all(|(_, s)| vietnamese(s)), "{lits:?}");

    let mut found = Vec::new();
    let mut files = vec![root().join("src")];
    while let Some(f) = files.pop() {
        if f.is_dir() {
            files.extend(std::fs::read_dir(&f).unwrap().map(|e| e.unwrap().path()));
            continue;
        }
        let rel = f
            .strip_prefix(root())
            .unwrap()
            .to_string_lossy()
            .replace('\\', "/");
        if !rel.ends_with(".rs") || rel.ends_with("/tests.rs") {
            continue;
        }
        if DOCUMENT_TEXT.iter().any(|(p, _)| *p == rel) {
            continue;
        }
        let text = std::fs::read_to_string(&f).unwrap();
        for (line, lit) in string_literals(&text) {
            if vietnamese(&lit) {
                found.push(format!("{rel}:{line}: \"{lit}\""));
            }
        }
    }
    assert!(
        found.is_empty(),
        "Vietnamese text in the code: move it to i18n/{{vi,en}}/vanban.ftl \
         (or, if it is document text, add the file to DOCUMENT_TEXT):\n{}",
        found.join("\n")
    );
    // Every allowed file still exists and still holds document text.
    for (p, why) in DOCUMENT_TEXT {
        let text = std::fs::read_to_string(root().join(p)).unwrap();
        assert!(
            string_literals(&text).iter().any(|(_, s)| vietnamese(s)),
            "{p} ({why}) has no Vietnamese text left: take it off DOCUMENT_TEXT"
        );
    }
}

/// Scripts of the editor's page whose Vietnamese literals are not the
/// page's words, with why.
const WEB_NOT_WORDS: &[(&str, &str)] = &[(
    "src/serve/web/lang.js",
    "the names of the languages, each in its own language",
)];

/// The string, template and regular-expression literals of JavaScript
/// source `text` with their line, outside comments.
fn js_literals(text: &str) -> Vec<(usize, String)> {
    let b: Vec<char> = text.chars().collect();
    let (mut i, mut line, mut out) = (0, 1, Vec::new());
    let at = |i: usize| b.get(i).copied().unwrap_or('\0');
    // The last character that is not a space: a `/` after one of these
    // opens a regular expression, else it divides.
    let mut last = '(';
    while i < b.len() {
        let c = b[i];
        if c == '\n' {
            line += 1;
            i += 1;
            continue;
        }
        if c.is_whitespace() {
            i += 1;
            continue;
        }
        if c == '/' && at(i + 1) == '/' {
            while i < b.len() && b[i] != '\n' {
                i += 1;
            }
            continue;
        }
        if c == '/' && at(i + 1) == '*' {
            while i < b.len() && !(b[i] == '*' && at(i + 1) == '/') {
                line += usize::from(b[i] == '\n');
                i += 1;
            }
            i += 2;
            continue;
        }
        let regex = c == '/' && "(,=:[!&|?{};+-*%<>~^".contains(last);
        if c == '"' || c == '\'' || c == '`' || regex {
            let start = line;
            let mut lit = String::new();
            let mut class = false;
            i += 1;
            while i < b.len() && (b[i] != c || class) {
                if b[i] == '\\' {
                    lit.push(b[i]);
                    i += 1;
                } else if regex && b[i] == '[' {
                    class = true;
                } else if regex && b[i] == ']' {
                    class = false;
                }
                line += usize::from(at(i) == '\n');
                lit.push(at(i));
                i += 1;
            }
            i += 1;
            // Regular expressions match text; they are not shown.
            if !regex {
                out.push((start, lit));
            }
            last = 'x';
            continue;
        }
        last = c;
        i += 1;
    }
    out
}

#[test]
fn no_vietnamese_word_is_left_in_the_editor_page_scripts() {
    const MARKS: &str = "àáảãạăằắẳẵặâầấẩẫậđèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵ";
    let vietnamese = |s: &str| {
        s.chars()
            .any(|c| c.to_lowercase().any(|l| MARKS.contains(l)))
    };
    // The lexer itself: strings of three kinds, comments and regular
    // expressions skipped, a division not taken for one.
    let sample = "// \"bỏ\"\nconst a = \"một\", b = 'hai', c = `ba ${a}`; /* 'không' */\nx.replace(/[đ\"]/g, \"d\"); y = 4 / 2 / 1;";
    let lits = js_literals(sample);
    let texts: Vec<&str> = lits.iter().map(|(_, s)| s.as_str()).collect();
    assert_eq!(texts, ["một", "hai", "ba ${a}", "d"], "{lits:?}");

    let web = root().join("src/serve/web");
    let catalogue = i18n::ids(Lang::Vi);
    let (mut found, mut unknown) = (Vec::new(), Vec::new());
    let mut scripts = 0;
    for entry in std::fs::read_dir(&web).unwrap() {
        let f = entry.unwrap().path();
        let name = f.file_name().unwrap().to_string_lossy().into_owned();
        let rel = format!("src/serve/web/{name}");
        let text = std::fs::read_to_string(&f).unwrap();
        // Every page word a script or the page names is in the catalogue.
        for (i, _) in text.match_indices("\"web-") {
            let id: String = text[i + 1..]
                .chars()
                .take_while(|c| c.is_ascii_alphanumeric() || *c == '-' || *c == '_')
                .collect();
            let dynamic = id.ends_with('-');
            if !dynamic && !catalogue.contains(&id) {
                unknown.push(format!("{rel}: `{id}`"));
            }
        }
        if !name.ends_with(".js") || WEB_NOT_WORDS.iter().any(|(p, _)| *p == rel) {
            continue;
        }
        scripts += 1;
        for (line, lit) in js_literals(&text) {
            if vietnamese(&lit) {
                found.push(format!("{rel}:{line}: \"{lit}\""));
            }
        }
    }
    assert!(scripts >= 6, "{scripts} scripts under {}", web.display());
    assert!(
        found.is_empty(),
        "Vietnamese text in the editor's scripts: add a `web-*` message to \
         i18n/{{vi,en}}/vanban.ftl and word it with `t(id)` of web/words.js:\n{}",
        found.join("\n")
    );
    assert!(
        unknown.is_empty(),
        "page words missing from the catalogue:\n{}",
        unknown.join("\n")
    );
}

#[test]
fn optional_parts_of_register_messages_in_both_languages() {
    use std::path::Path;
    use vanban::register::db::Series;
    use vanban::register::msg;
    let p = Path::new("cv.yaml");
    i18n::with_lang(Lang::Vi, || {
        assert_eq!(
            msg::issued(p, "01/KH", "02/03/2026", true),
            "cv.yaml: đã cấp số 01/KH ngày 02/03/2026 (sổ văn bản mật)"
        );
        assert_eq!(
            msg::issued(p, "01/KH", "02/03/2026", false),
            "cv.yaml: đã cấp số 01/KH ngày 02/03/2026"
        );
        assert_eq!(msg::series_label(Series::Secret), "văn bản mật ");
        assert_eq!(msg::series_label(Series::Copy), "bản sao ");
        assert_eq!(msg::series_label(Series::Ordinary), "");
    });
    i18n::with_lang(Lang::En, || {
        assert_eq!(
            msg::issued(p, "01/KH", "02/03/2026", true),
            "cv.yaml: issued number 01/KH on 02/03/2026 (register of secret documents)"
        );
        assert_eq!(msg::series_label(Series::Secret), "secret ");
        assert_eq!(msg::series_label(Series::Copy), "copy ");
        // The note written into the register is the register's text:
        // Vietnamese whatever the language of messages.
        assert_eq!(
            msg::withdrawal_note("05/09/2026", Some(" Sai thời gian ")),
            "Thu hồi ngày 05/09/2026: Sai thời gian"
        );
        assert_eq!(
            msg::withdrawal_note("05/09/2026", None),
            "Thu hồi ngày 05/09/2026"
        );
    });
}

/// A doc comment as the catalogue holds it: on one line.
fn one_line(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// `vanban schema` (in English with `english`), parsed.
fn schema_in(english: bool) -> serde_json::Value {
    let mut cmd = vanban();
    for k in ["LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG"] {
        cmd.env_remove(k);
    }
    cmd.arg("schema");
    if english {
        cmd.args(["--lang", "en"]);
    }
    let out = cmd.current_dir(root()).output().unwrap();
    assert_eq!(out.status.code(), Some(0));
    serde_json::from_slice(&out.stdout).unwrap()
}

#[test]
fn every_schema_description_has_a_message_in_both_languages() {
    use vanban::commands::schema;
    let described = schema::description_ids(&schema::raw());
    assert!(described.len() > 100, "{}", described.len());
    let ids: std::collections::BTreeSet<&str> = described.iter().map(|(id, _)| &**id).collect();
    assert_eq!(ids.len(), described.len(), "two descriptions share an id");
    for (id, english) in &described {
        for lang in Lang::ALL {
            assert!(
                i18n::has(lang, id),
                "the schema's description `{id}` ({english:?}) lacks a message in i18n/{}/vanban.ftl",
                lang.code()
            );
        }
        // The English message is the doc comment of the model, on one line.
        assert_eq!(
            i18n::tr(Lang::En, id, &[]),
            one_line(english),
            "`{id}` of i18n/en/vanban.ftl differs from the doc comment in src/model"
        );
    }
    for lang in Lang::ALL {
        for id in i18n::ids(lang) {
            if id.starts_with("schema-") {
                assert!(
                    ids.contains(&*id),
                    "`{id}` of i18n/{}/vanban.ftl describes nothing in the schema",
                    lang.code()
                );
            }
        }
    }
}

/// Whether a description has English words outside its code (`…`): a
/// lower-case word of three letters or more without a Vietnamese letter
/// (the names of kinds, `Kế hoạch (KH).`, read the same in English).
fn has_english_words(text: &str) -> bool {
    let prose: String = text.split('`').step_by(2).collect::<Vec<_>>().join(" ");
    prose
        .split(|c: char| !c.is_alphabetic())
        .any(|w| w.len() >= 3 && w.bytes().all(|b| b.is_ascii_lowercase()))
}

#[test]
fn schema_descriptions_are_vietnamese_unless_english_is_asked_for() {
    use vanban::commands::schema;
    let english = schema::description_ids(&schema::raw());
    let vi = schema::description_ids(&schema_in(false));
    let en = schema::description_ids(&schema_in(true));
    assert_eq!(vi.len(), english.len());
    assert_eq!(en.len(), english.len());
    let mut same = 0;
    for ((id, doc), ((vi_id, vi_text), (en_id, en_text))) in
        english.iter().zip(vi.iter().zip(en.iter()))
    {
        assert_eq!((id, id), (vi_id, en_id));
        assert_eq!(en_text, &one_line(doc), "`{id}` with --lang en");
        assert_eq!(
            vi_text,
            &i18n::tr(Lang::Vi, id, &[]),
            "`{id}` in Vietnamese"
        );
        if vi_text == en_text {
            // Only a text with no English word may read the same (`KHẨN`).
            assert!(
                !has_english_words(en_text),
                "`{id}` left in English: {vi_text}"
            );
            same += 1;
        }
    }
    // Those are the kinds' names (`Kế hoạch (KH).`) and the marks (`MẬT`).
    assert!(
        same * 4 < vi.len(),
        "{same} descriptions read the same in both languages"
    );
    // Words a văn thư reads in the completion tips.
    let text = |list: &[(String, String)], id: &str| {
        list.iter()
            .find(|(i, _)| i == id)
            .map(|(_, t)| t.clone())
            .unwrap()
    };
    assert!(text(&vi, "schema-VanBan-trich_yeu").contains("Trích yếu"));
    assert!(text(&en, "schema-VanBan-trich_yeu").starts_with("Subject line"));
    assert!(text(&vi, "schema-VanBan-bien").contains("{{ bien.ten }}"));
}
