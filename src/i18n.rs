//! The message catalogue: every text shown to a person, in Vietnamese (the
//! default) and English, from the Fluent files `i18n/vi/vanban.ftl` and
//! `i18n/en/vanban.ftl` built into the binary.
//!
//! The language is chosen once per process ([`set`]): `--lang vi|en`, else
//! `LANGUAGE`, `LC_ALL`, `LC_MESSAGES` or `LANG` (a value starting with
//! `en` selects English), else Vietnamese. The editor passes a language
//! per request ([`tr`] takes one).

use std::sync::atomic::{AtomicU8, Ordering};
use std::sync::OnceLock;

use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource, FluentValue};

/// A language of the catalogue.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, clap::ValueEnum)]
pub enum Lang {
    /// Tiếng Việt.
    #[default]
    Vi,
    /// English.
    En,
}

impl Lang {
    /// Every language of the catalogue.
    pub const ALL: [Lang; 2] = [Lang::Vi, Lang::En];

    /// Its code (`vi`, `en`).
    pub fn code(self) -> &'static str {
        match self {
            Lang::Vi => "vi",
            Lang::En => "en",
        }
    }

    /// The language a code or a locale (`en_US.UTF-8`, `vi`) names, if any.
    pub fn parse(s: &str) -> Option<Lang> {
        let s = s.trim().to_ascii_lowercase();
        if s.starts_with("en") {
            Some(Lang::En)
        } else if s.starts_with("vi") {
            Some(Lang::Vi)
        } else {
            None
        }
    }

    /// The language the environment asks for: the first of `LANGUAGE` (a
    /// list such as `en:vi`), `LC_ALL`, `LC_MESSAGES`, `LANG` that is set
    /// and not `C`/`POSIX`; Vietnamese when none names English.
    pub fn from_env() -> Lang {
        Self::from_vars(|k| std::env::var(k).ok())
    }

    /// [`Lang::from_env`] with the variables read by `get`.
    pub fn from_vars(get: impl Fn(&str) -> Option<String>) -> Lang {
        for key in ["LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG"] {
            let Some(v) = get(key).filter(|v| !v.trim().is_empty()) else {
                continue;
            };
            let first = v.split(':').next().unwrap_or_default();
            if first == "C" || first == "POSIX" || first.starts_with("C.") {
                continue;
            }
            return Lang::parse(first).unwrap_or_default();
        }
        Lang::Vi
    }

    /// The catalogue's source text for this language.
    pub fn source(self) -> &'static str {
        match self {
            Lang::Vi => include_str!("../i18n/vi/vanban.ftl"),
            Lang::En => include_str!("../i18n/en/vanban.ftl"),
        }
    }
}

static CURRENT: AtomicU8 = AtomicU8::new(0);

/// Sets the language of this process.
pub fn set(lang: Lang) {
    CURRENT.store(lang as u8, Ordering::Relaxed);
}

thread_local! {
    /// The language of the work on this thread ([`with_lang`]).
    static THREAD_LANG: std::cell::Cell<Option<Lang>> = const { std::cell::Cell::new(None) };
}

tokio::task_local! {
    /// The language of an async task ([`scope`]): an editor's request.
    static TASK_LANG: Lang;
}

/// The language messages are worded in here: the one of the work on this
/// thread ([`with_lang`]), else of this async task ([`scope`]), else of
/// the process ([`set`]).
pub fn current() -> Lang {
    if let Some(l) = THREAD_LANG.with(std::cell::Cell::get) {
        return l;
    }
    if let Ok(l) = TASK_LANG.try_with(|l| *l) {
        return l;
    }
    match CURRENT.load(Ordering::Relaxed) {
        1 => Lang::En,
        _ => Lang::Vi,
    }
}

/// Runs `f` with the messages of this thread in `lang`.
pub fn with_lang<R>(lang: Lang, f: impl FnOnce() -> R) -> R {
    let before = THREAD_LANG.with(|c| c.replace(Some(lang)));
    let out = f();
    THREAD_LANG.with(|c| c.set(before));
    out
}

/// Runs the future `f` with its messages in `lang` (an editor's request).
pub async fn scope<F: std::future::Future>(lang: Lang, f: F) -> F::Output {
    TASK_LANG.scope(lang, f).await
}

/// The language of a command line: its `--lang` value (`--lang en`,
/// `--lang=en`), else the environment's.
pub fn from_args<S: AsRef<str>>(args: &[S]) -> Lang {
    let mut it = args.iter().map(AsRef::as_ref);
    while let Some(a) = it.next() {
        if a == "--" {
            break;
        }
        let value = match a.strip_prefix("--lang") {
            Some("") => it.next(),
            Some(v) => v.strip_prefix('='),
            None => None,
        };
        if let Some(lang) = value.and_then(Lang::parse) {
            return lang;
        }
    }
    Lang::from_env()
}

type Bundle = FluentBundle<FluentResource>;

fn bundle(lang: Lang) -> &'static Bundle {
    static BUNDLES: OnceLock<[Bundle; 2]> = OnceLock::new();
    let all = BUNDLES.get_or_init(|| Lang::ALL.map(make_bundle));
    &all[lang as usize]
}

fn make_bundle(lang: Lang) -> Bundle {
    let res = FluentResource::try_new(lang.source().to_owned())
        .unwrap_or_else(|(_, errors)| panic!("i18n/{}/vanban.ftl: {errors:?}", lang.code()));
    let id = lang
        .code()
        .parse()
        .unwrap_or_else(|_| unic_langid::LanguageIdentifier::default());
    let mut b = FluentBundle::new_concurrent(vec![id]);
    // No Unicode isolation marks around arguments: the text goes to
    // terminals and files, not only to browsers.
    b.set_use_isolating(false);
    b.add_resource(res)
        .unwrap_or_else(|errors| panic!("i18n/{}/vanban.ftl: {errors:?}", lang.code()));
    b
}

/// Whether the catalogue of `lang` has the message `id`.
pub fn has(lang: Lang, id: &str) -> bool {
    bundle(lang)
        .get_message(id)
        .and_then(|m| m.value())
        .is_some()
}

/// The ids of every message of `lang`'s catalogue.
pub fn ids(lang: Lang) -> Vec<String> {
    lang.source()
        .lines()
        .filter_map(|l| {
            let (id, _) = l.split_once(" =")?;
            let ok = !id.is_empty()
                && id.starts_with(|c: char| c.is_ascii_alphabetic())
                && id
                    .chars()
                    .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_');
            ok.then(|| id.to_owned())
        })
        .collect()
}

/// The messages of `lang` whose ids start with `prefix`, as written (their
/// `{ $name }` placeables left for the caller): the editor page's words,
/// which are one line each.
pub fn patterns(lang: Lang, prefix: &str) -> Vec<(String, String)> {
    lang.source()
        .lines()
        .filter_map(|l| {
            let (id, text) = l.split_once(" = ")?;
            id.starts_with(prefix)
                .then(|| (id.to_owned(), text.trim().to_owned()))
        })
        .collect()
}

/// The message `id` in `lang` with named arguments; the id itself when
/// the catalogue lacks it (a test makes sure it never does).
pub fn tr(lang: Lang, id: &str, args: &[(&str, &str)]) -> String {
    let b = bundle(lang);
    let Some(pattern) = b.get_message(id).and_then(|m| m.value()) else {
        return id.to_owned();
    };
    let mut fa = FluentArgs::new();
    for (k, v) in args {
        // Counts are numbers, for plural forms; other values stay text.
        let number = !v.is_empty()
            && v.len() < 10
            && v.bytes().all(|b| b.is_ascii_digit())
            && (v.len() == 1 || !v.starts_with('0'));
        match (number, v.parse::<i64>()) {
            (true, Ok(n)) => fa.set(*k, FluentValue::from(n)),
            _ => fa.set(*k, FluentValue::from(*v)),
        }
    }
    let mut errors = Vec::new();
    b.format_pattern(pattern, Some(&fa), &mut errors)
        .into_owned()
}

/// Why a file or folder cannot be used, in the language of this process:
/// the system's reason without its `os error` number.
pub fn io_reason(e: &std::io::Error) -> String {
    io_reason_text(&e.to_string())
}

/// [`io_reason`] from the system's text (`No such file or directory (os
/// error 2)`).
pub fn io_reason_text(text: &str) -> String {
    let text = text.split(" (os error").next().unwrap_or(text);
    let kind = match text {
        "No such file or directory" | "The system cannot find the file specified." => "not-found",
        "Permission denied" | "Access is denied." => "permission",
        "Is a directory" => "is-dir",
        _ => "other",
    };
    t("io-reason", &[("kind", kind), ("text", text)])
}

/// [`tr`] in the language of this process.
pub fn t(id: &str, args: &[(&str, &str)]) -> String {
    tr(current(), id, args)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn language_from_arguments_and_environment() {
        let env = |pairs: &'static [(&'static str, &'static str)]| {
            move |k: &str| {
                pairs
                    .iter()
                    .find(|(n, _)| *n == k)
                    .map(|(_, v)| (*v).to_owned())
            }
        };
        assert_eq!(Lang::from_vars(env(&[])), Lang::Vi);
        assert_eq!(Lang::from_vars(env(&[("LANG", "en_US.UTF-8")])), Lang::En);
        assert_eq!(Lang::from_vars(env(&[("LANG", "C.UTF-8")])), Lang::Vi);
        assert_eq!(
            Lang::from_vars(env(&[("LANGUAGE", "vi:en"), ("LANG", "en_US")])),
            Lang::Vi
        );
        assert_eq!(
            Lang::from_vars(env(&[("LC_MESSAGES", "en_GB"), ("LANG", "vi_VN")])),
            Lang::En
        );
        assert_eq!(from_args(&["vanban", "--lang", "en", "check"]), Lang::En);
        assert_eq!(from_args(&["vanban", "check", "--lang=vi"]), Lang::Vi);
    }

    #[test]
    fn arguments_are_placed_without_isolation_marks() {
        let s = tr(Lang::En, "did-you-mean", &[("key", "trich_yeu")]);
        assert_eq!(s, "did you mean `trich_yeu`?");
        let s = tr(
            Lang::Vi,
            "documents-failed",
            &[("failed", "1"), ("total", "3")],
        );
        assert!(s.contains("1/3"), "{s}");
    }
}
