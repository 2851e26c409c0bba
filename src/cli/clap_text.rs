//! clap's own words in the language of the catalogue: the value names
//! (`<DIR>`), possible and default values, `[OPTIONS]`, the `help`
//! subcommand, and the usage errors (rendered from the error's kind and
//! context instead of clap's English).

use clap::error::{ContextKind, ContextValue, ErrorKind};
use clap::{Arg, Command};

use crate::i18n::{tr, Lang};

/// The catalogue ids used here besides those of the arguments.
pub(super) const IDS: &[&str] = &[
    "cli-help-command-about",
    "cli-help-command-arg",
    "cli-value-command",
    "cli-value-options",
    "cli-error-unknown-argument",
    "cli-error-valid-values",
    "cli-error-empty-value",
    "cli-error-invalid-value",
    "cli-error-value-validation",
    "cli-error-unknown-command",
    "cli-error-missing",
    "cli-error-commands",
    "cli-error-missing-command",
    "cli-error-conflict",
    "cli-error-no-equals",
    "cli-error-value-count",
    "cli-error-utf8",
    "cli-error-other",
    "cli-error-more",
    "cli-error-as-value",
    "cli-error-remove-dashes",
    "cli-error-elsewhere",
    "cli-reason-number",
    "cli-reason-number-size",
    "cli-reason-ip",
    "cli-reason-range",
];

/// The help texts of `arg` in `lang`, from `help` (its catalogue text):
/// the short one with its default and possible values in brackets, and a
/// long one listing the values with their meaning (when they have one).
/// Hides clap's English brackets. `seen` gets every catalogue id used.
pub(super) fn describe_arg(
    arg: Arg,
    help: String,
    lang: Lang,
    seen: &mut dyn FnMut(String),
) -> Arg {
    let mut t = |id: String, args: &[(&str, &str)]| {
        let text = tr(lang, &id, args);
        seen(id);
        text
    };
    let id = arg.get_id().to_string();
    let takes_values = arg.get_action().takes_values();
    let values: Vec<clap::builder::PossibleValue> =
        if arg.is_hide_possible_values_set() || !takes_values {
            Vec::new()
        } else {
            arg.get_possible_values()
                .into_iter()
                .filter(|v| !v.is_hide_set())
                .collect()
        };
    let defaults: Vec<String> = if arg.is_hide_default_value_set() || !takes_values {
        Vec::new()
    } else {
        arg.get_default_values()
            .iter()
            .map(|v| v.to_string_lossy().into_owned())
            .collect()
    };
    let mut short = help.clone();
    let mut long = help;
    let default = (!defaults.is_empty()).then(|| {
        format!(
            "[{}]",
            t("cli-default".into(), &[("value", &defaults.join(", "))])
        )
    });
    if let Some(d) = &default {
        short.push(' ');
        short.push_str(d);
    }
    if !values.is_empty() {
        let names: Vec<&str> = values.iter().map(|v| v.get_name()).collect();
        short.push_str(&format!(
            " [{}]",
            t("cli-values".into(), &[("values", &names.join(", "))])
        ));
        if values.iter().any(|v| v.get_help().is_some()) {
            let width = names.iter().map(|n| n.chars().count()).max().unwrap_or(0);
            long.push_str("\n\n");
            long.push_str(&t("cli-values-heading".into(), &[]));
            for v in &values {
                let name = v.get_name();
                let text = t(format!("cli-value-{id}-{name}"), &[]);
                let pad = " ".repeat(width - name.chars().count());
                long.push_str(&format!("\n- {name}:{pad} {text}"));
            }
        } else {
            long = short.clone();
        }
    } else {
        long = short.clone();
    }
    if let (Some(d), false) = (&default, long == short) {
        long.push_str("\n\n");
        long.push_str(d);
    }
    let mut arg = arg.help(short.clone()).long_help(None);
    if long != short {
        arg = arg.long_help(long);
    }
    if takes_values {
        arg = arg.hide_default_value(true).hide_possible_values(true);
        let names: Vec<String> = match arg.get_value_names() {
            Some(names) => names.iter().map(|n| n.to_string()).collect(),
            None => vec![id.to_uppercase()],
        };
        let names: Vec<String> = names.into_iter().map(|n| value_name(&n, &mut t)).collect();
        arg = arg.value_names(names);
    }
    arg
}

/// A catalogue lookup: id and named arguments.
type Tr<'a> = dyn FnMut(String, &[(&str, &str)]) -> String + 'a;

/// A value name (`FILE.yaml`, `DIR`) in the catalogue's language: its
/// stem translated (`cli-value-name-file`), its extension kept.
fn value_name(name: &str, t: &mut Tr<'_>) -> String {
    if name.contains('|') {
        return name.to_owned();
    }
    let (stem, ext) = match name.split_once('.') {
        Some((s, e)) => (s, Some(e)),
        None => (name, None),
    };
    let stem = t(format!("cli-value-name-{}", stem.to_ascii_lowercase()), &[]);
    match ext {
        Some(e) => format!("{stem}.{e}"),
        None => stem,
    }
}

/// Sets the texts clap adds while building `cmd` (the `help`
/// subcommand) and the usage lines (`[OPTIONS]`) in `lang`. `cmd` must be
/// built.
pub(super) fn finish(mut cmd: Command, lang: Lang) -> Command {
    let about = tr(lang, "cli-help-command-about", &[]);
    if cmd.find_subcommand("help").is_some() {
        let arg_help = tr(lang, "cli-help-command-arg", &[]);
        let value = tr(lang, "cli-value-command", &[]);
        let template = super::help_template(lang);
        let heading = tr(lang, "cli-heading-commands", &[]);
        cmd = cmd.mut_subcommand("help", |h| {
            let nested = h.find_subcommand("help").is_some();
            let has_arg = h.get_arguments().any(|a| a.get_id() == "subcommand");
            let mut h = h
                .about(about.clone())
                .subcommand_help_heading(heading)
                .subcommand_value_name(value.clone())
                .help_template(template);
            if nested {
                h = h.mut_subcommand("help", |hh| hh.about(about.clone()));
            }
            if has_arg {
                h = h.mut_arg("subcommand", |a| a.help(arg_help).value_name(value));
            }
            h
        });
    }
    override_usage(&mut cmd, &tr(lang, "cli-value-options", &[]));
    cmd
}

fn override_usage(cmd: &mut Command, options: &str) {
    let usage = cmd.render_usage().to_string();
    let usage = usage.strip_prefix("Usage: ").unwrap_or(&usage).to_owned();
    let usage = usage.replace("[OPTIONS]", &format!("[{options}]"));
    *cmd = std::mem::take(cmd).override_usage(usage);
    for sub in cmd.get_subcommands_mut() {
        override_usage(sub, options);
    }
}

/// Prints a clap error, help or version in `lang` and returns the exit
/// code (2 for a command line that is wrong, as clap does).
pub(super) fn report(e: &clap::Error, lang: Lang) -> u8 {
    match e.kind() {
        ErrorKind::DisplayHelp
        | ErrorKind::DisplayVersion
        | ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand => {
            // The help is already in `lang` (see `cli::command`).
            let _ = e.print();
            u8::try_from(e.exit_code()).unwrap_or(2)
        }
        _ => {
            eprint!("{}", render(e, lang));
            2
        }
    }
}

fn string(e: &clap::Error, kind: ContextKind) -> Option<String> {
    match e.get(kind)? {
        ContextValue::String(s) => Some(s.clone()),
        ContextValue::Strings(v) => Some(v.join(", ")),
        ContextValue::StyledStr(s) => Some(s.to_string()),
        ContextValue::Number(n) => Some(n.to_string()),
        _ => None,
    }
}

fn strings(e: &clap::Error, kind: ContextKind) -> Vec<String> {
    match e.get(kind) {
        Some(ContextValue::String(s)) => vec![s.clone()],
        Some(ContextValue::Strings(v)) => v.clone(),
        Some(ContextValue::StyledStrs(v)) => v.iter().map(ToString::to_string).collect(),
        _ => Vec::new(),
    }
}

/// The text of a usage error in `lang`: what is wrong, hints, the usage
/// line and where to read more.
pub fn render(e: &clap::Error, lang: Lang) -> String {
    let t = |id: &str, args: &[(&str, &str)]| tr(lang, id, args);
    let arg = string(e, ContextKind::InvalidArg).unwrap_or_default();
    let value = string(e, ContextKind::InvalidValue).unwrap_or_default();
    let mut hints: Vec<String> = Vec::new();
    let message = match e.kind() {
        ErrorKind::UnknownArgument => {
            if let Some(s) = string(e, ContextKind::SuggestedArg) {
                hints.push(t("did-you-mean", &[("key", &s)]));
            }
            for s in strings(e, ContextKind::Suggested) {
                hints.push(suggestion(&s, lang));
            }
            let kind = if arg.starts_with('-') {
                "option"
            } else {
                "value"
            };
            t(
                "cli-error-unknown-argument",
                &[("arg", &arg), ("kind", kind)],
            )
        }
        ErrorKind::InvalidValue => {
            if let Some(s) = string(e, ContextKind::SuggestedValue) {
                hints.push(t("did-you-mean", &[("key", &s)]));
            }
            let valid = strings(e, ContextKind::ValidValue);
            if !valid.is_empty() {
                hints.push(t(
                    "cli-error-valid-values",
                    &[("values", &valid.join(", "))],
                ));
            }
            if value.is_empty() {
                t("cli-error-empty-value", &[("arg", &arg)])
            } else {
                t(
                    "cli-error-invalid-value",
                    &[("arg", &arg), ("value", &value)],
                )
            }
        }
        ErrorKind::ValueValidation => {
            let reason = std::error::Error::source(e)
                .map(|s| reason(&s.to_string(), lang))
                .unwrap_or_default();
            t(
                "cli-error-value-validation",
                &[("arg", &arg), ("value", &value), ("reason", &reason)],
            )
        }
        ErrorKind::InvalidSubcommand => {
            for s in strings(e, ContextKind::SuggestedSubcommand) {
                hints.push(t("did-you-mean", &[("key", &s)]));
            }
            for s in strings(e, ContextKind::Suggested) {
                hints.push(suggestion(&s, lang));
            }
            let sub = string(e, ContextKind::InvalidSubcommand).unwrap_or_default();
            t("cli-error-unknown-command", &[("command", &sub)])
        }
        ErrorKind::MissingRequiredArgument => {
            let missing = strings(e, ContextKind::InvalidArg)
                .iter()
                .map(|a| format!("`{a}`"))
                .collect::<Vec<_>>()
                .join(", ");
            t("cli-error-missing", &[("args", &missing)])
        }
        ErrorKind::MissingSubcommand => {
            let valid = strings(e, ContextKind::ValidSubcommand);
            if !valid.is_empty() {
                hints.push(t("cli-error-commands", &[("commands", &valid.join(", "))]));
            }
            t("cli-error-missing-command", &[])
        }
        ErrorKind::ArgumentConflict => {
            let prior = string(e, ContextKind::PriorArg).unwrap_or_default();
            let arg = string(e, ContextKind::InvalidSubcommand).unwrap_or(arg);
            t("cli-error-conflict", &[("arg", &arg), ("other", &prior)])
        }
        ErrorKind::NoEquals => t("cli-error-no-equals", &[("arg", &arg)]),
        ErrorKind::TooManyValues | ErrorKind::TooFewValues | ErrorKind::WrongNumberOfValues => {
            t("cli-error-value-count", &[("arg", &arg)])
        }
        ErrorKind::InvalidUtf8 => t("cli-error-utf8", &[]),
        _ => t("cli-error-other", &[]),
    };
    let mut out = format!("{}: {message}\n", t("label-error", &[]));
    if !hints.is_empty() {
        out.push('\n');
        for h in &hints {
            out.push_str(&format!("  {}: {h}\n", t("label-help", &[])));
        }
    }
    if let Some(usage) = string(e, ContextKind::Usage) {
        let usage = usage.strip_prefix("Usage: ").unwrap_or(&usage);
        out.push_str(&format!("\n{} {usage}\n", t("cli-heading-usage", &[])));
    }
    out.push_str(&format!("\n{}\n", t("cli-error-more", &[])));
    out
}

/// clap's English suggestions (`'build --out' exists`, `to pass '-x' as
/// a value, use '-- -x'`) in `lang`.
fn suggestion(s: &str, lang: Lang) -> String {
    let quoted: Vec<&str> = s.split('\'').skip(1).step_by(2).collect();
    let first = quoted.first().copied().unwrap_or_default();
    if s.starts_with("to pass") {
        tr(lang, "cli-error-as-value", &[("arg", first)])
    } else if s.starts_with("subcommand") {
        tr(lang, "cli-error-remove-dashes", &[("command", first)])
    } else if s.ends_with("exists") {
        tr(lang, "cli-error-elsewhere", &[("usage", first)])
    } else {
        s.to_owned()
    }
}

/// Why a value does not parse, from the text of the parser's error: the
/// standard library's and clap's English reasons in `lang`; other
/// reasons (vanban's own parsers) are already worded.
fn reason(text: &str, lang: Lang) -> String {
    let t = |id: &str, args: &[(&str, &str)]| tr(lang, id, args);
    match text {
        "invalid digit found in string"
        | "invalid float literal"
        | "cannot parse integer from empty string"
        | "cannot parse float from empty string" => t("cli-reason-number", &[]),
        "number too large to fit in target type" | "number too small to fit in target type" => {
            t("cli-reason-number-size", &[])
        }
        "invalid IP address syntax" => t("cli-reason-ip", &[]),
        _ => match text.split_once(" is not in ") {
            Some((_, range)) => {
                let (lo, hi) = range.split_once("..=").unwrap_or((range, ""));
                t("cli-reason-range", &[("lo", lo), ("hi", hi)])
            }
            None => text.to_owned(),
        },
    }
}
