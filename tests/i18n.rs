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
    for id in vanban::cli::help_ids() {
        for lang in Lang::ALL {
            assert!(
                i18n::has(lang, &id),
                "help `{id}` is missing from i18n/{}/vanban.ftl",
                lang.code()
            );
        }
    }
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
