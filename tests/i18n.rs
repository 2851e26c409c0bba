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
