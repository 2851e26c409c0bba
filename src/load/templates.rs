//! Templates in the document's text (`{{ nam }}`, `{% if … %}`), rendered
//! on the merged data before it is typed, with the variables of `bien:`.

use std::path::Path;

use minijinja::value::Value;
use minijinja::{Environment, Error, UndefinedBehavior};
use serde_yaml::Mapping;

use crate::diag::{Diagnostic, Error as LoadError, Message, MessageId};

/// Renders every string of the document data that contains a template
/// (`{{ nam }}`, `{% if … %}`) with `vars`. The environment has no loader
/// and a fuel limit: document text can compute, not read files or loop
/// forever. The result is plain text, escaped later like any other.
/// On failure, returns the error and the template text that caused it.
fn render_data(
    value: &mut serde_yaml::Value,
    vars: &serde_yaml::Mapping,
) -> Result<(), (Error, String)> {
    let mut env = Environment::new();
    env.set_undefined_behavior(UndefinedBehavior::Strict);
    env.set_fuel(Some(100_000));
    crate::filters::add_date_filters(&mut env);
    let ctx = Value::from(minijinja::value::Serde(vars));
    let mut budget = super::limits::MAX_TEMPLATE_OUTPUT;
    walk(value, &env, &ctx, true, &mut budget)
}

/// What a template left beyond the budget of output: not a template
/// error of minijinja's, but [`super::limits::MAX_TEMPLATE_OUTPUT`].
const OVER_BUDGET: &str = "vanban:template-output";

fn walk(
    v: &mut serde_yaml::Value,
    env: &Environment<'_>,
    ctx: &Value,
    top: bool,
    budget: &mut usize,
) -> Result<(), (Error, String)> {
    match v {
        serde_yaml::Value::String(s) if s.contains("{{") || s.contains("{%") => {
            let out = env.render_str(s, ctx.clone()).map_err(|e| (e, s.clone()))?;
            // The budget is for the whole document, not for each text.
            if out.len() > *budget {
                let e = Error::new(minijinja::ErrorKind::InvalidOperation, OVER_BUDGET);
                return Err((e, s.clone()));
            }
            *budget -= out.len();
            *s = out;
        }
        serde_yaml::Value::Sequence(items) => {
            for it in items {
                walk(it, env, ctx, false, budget)?;
            }
        }
        serde_yaml::Value::Mapping(m) => {
            for (k, val) in m.iter_mut() {
                // Variables are data, not templates of their own.
                if top && k.as_str() == Some("bien") {
                    continue;
                }
                walk(val, env, ctx, false, budget)?;
            }
        }
        _ => {}
    }
    Ok(())
}

/// Variables visible to templates in the data: every key of `bien` at the
/// top level, `bien` itself, and `nam` (the document's year) by default.
fn variables(v: &serde_yaml::Value) -> Mapping {
    let mut vars = Mapping::new();
    if let Some(serde_yaml::Value::Mapping(b)) = v.get("bien") {
        for (k, val) in b {
            vars.insert(k.clone(), val.clone());
        }
        vars.insert("bien".into(), serde_yaml::Value::Mapping(b.clone()));
    }
    if !vars.contains_key("nam") {
        let year = v.get("ngay").and_then(|n| match n {
            serde_yaml::Value::String(s) => crate::vndate::Ngay::parse(s).ok().map(|d| d.nam),
            serde_yaml::Value::Number(n) => n.as_i64().map(|y| y as i32),
            _ => None,
        });
        if let Some(y) = year {
            vars.insert("nam".into(), serde_yaml::Value::Number(y.into()));
        }
    }
    vars
}

/// Renders the templates of the merged data `merged` of the document at
/// `path` (whose own text is `text`); a failing template is reported at
/// the line of the text that holds it.
pub(super) fn render(
    path: &Path,
    text: &str,
    merged: &mut serde_yaml::Value,
) -> Result<(), LoadError> {
    let vars = variables(merged);
    render_data(merged, &vars).map_err(|(e, tmpl)| {
        // Point at the line of the file that holds the failing template.
        let first = tmpl.lines().next().unwrap_or("");
        let line = text.lines().position(|l| l.contains(first));
        let detail = e.detail().map_or_else(|| e.to_string(), str::to_owned);
        if detail == OVER_BUDGET {
            let limit = super::limits::MAX_TEMPLATE_OUTPUT;
            let m = super::limits::message("template-output", limit, format!("> {limit}"));
            return super::limits::located(path, text, &tmpl, m);
        }
        let undefined = detail
            .strip_suffix("` is undefined")
            .and_then(|d| d.strip_prefix('`'));
        let message = match undefined {
            Some(name) => Message::new(MessageId::TemplateUndefined, &[("name", name.to_owned())]),
            None => Message::new(MessageId::TemplateInText, &[("detail", detail)]),
        };
        match line {
            Some(i) => {
                let column = text
                    .lines()
                    .nth(i)
                    .and_then(|l| l.find("{{").or_else(|| l.find("{%")))
                    .map_or(1, |b| {
                        text.lines().nth(i).unwrap_or("")[..b].chars().count() + 1
                    });
                LoadError::from(
                    Diagnostic::error(path, text, i + 1, column, message)
                        .with_hint(Message::bare(MessageId::TemplateVariables)),
                )
            }
            None => LoadError::Other(format!("{}: {message}", path.display())),
        }
    })
}
