//! Mail merge (trộn thư): one document per row of a CSV or XLSX, each a
//! small YAML that inherits the template (`extends:`) and sets the row's
//! values as variables (`bien:`), so that every letter stays a real,
//! rebuildable document. Each is then numbered on its own, shares one
//! number given to the template, or stays a draft.

use std::path::{Component, Path, PathBuf};

use super::import::read_table;
use super::issue::{self, IssueOptions};
use super::msg;
use crate::commands::build::{build_file, BuildOptions};
use crate::diag::Error;
use crate::load::address_book::{self, AddressBook};
use crate::{load, output, Builder};

/// How the merged documents are numbered.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Numbering {
    /// Each document takes its own number (cấp số riêng).
    Each,
    /// One number, given to the template, printed on every document.
    Shared,
    /// No number: drafts.
    None,
}

/// Where the rows come from.
#[derive(Debug, Clone)]
pub enum Data {
    /// A CSV or XLSX file: one document per row, the head naming the
    /// variables.
    Table(PathBuf),
    /// A group of the address book (`@truong`): one document per entry,
    /// addressed to it (`kinh_gui: "@key"`), with its `ma`, `ten`,
    /// `ma_dinh_danh` and `dia_chi` as variables.
    Group(String),
}

impl Data {
    /// `@name` is a group, anything else a file.
    pub fn from_arg(arg: &Path) -> Data {
        match arg.to_str().and_then(|s| s.strip_prefix('@')) {
            Some(g) => Data::Group(g.to_owned()),
            None => Data::Table(arg.to_path_buf()),
        }
    }
}

/// The rows of a group of the address book of `template`'s project, as a
/// table with a head.
fn group_table(template: &Path, group: &str) -> Result<Vec<Vec<String>>, Error> {
    let root = load::project_root(template);
    let Some(book) = AddressBook::load(&root)? else {
        return Err(Error::Other(crate::i18n::t(
            "merge-no-book",
            &[
                ("group", group),
                ("file", &root.join(address_book::FILE).display().to_string()),
            ],
        )));
    };
    let entries = book.group(group);
    if entries.is_empty() {
        let mut m = crate::i18n::t(
            "merge-no-group",
            &[("group", group), ("file", &book.path.display().to_string())],
        );
        if let Some(k) = book.closest(group) {
            m.push_str(&format!(
                " ({})",
                crate::i18n::t("did-you-mean", &[("key", &format!("@{k}"))])
            ));
        }
        return Err(Error::Other(m));
    }
    let mut table = vec![GROUP_HEAD.iter().map(|h| (*h).to_owned()).collect()];
    for e in entries {
        table.push(vec![
            format!("@{}", e.key),
            e.key.clone(),
            e.ten.clone(),
            e.ma_dinh_danh.clone().unwrap_or_default(),
            e.dia_chi.clone().unwrap_or_default(),
        ]);
    }
    Ok(table)
}

/// The columns of a merge over an address-book group.
const GROUP_HEAD: [&str; 5] = ["kinh_gui", "ma", "ten", "ma_dinh_danh", "dia_chi"];

/// Columns that set a key of the document instead of a variable.
const DOCUMENT_KEYS: [&str; 4] = ["kinh_gui", "trich_yeu", "chu_thich", "kinh_gui_ghi_chu"];

/// One document written.
#[derive(Debug)]
pub struct Merged {
    /// The YAML.
    pub yaml: PathBuf,
    /// The PDF, if built.
    pub pdf: Option<PathBuf>,
    /// Its number and symbol, if numbered.
    pub so_ky_hieu: Option<String>,
}

/// `to` relative to the folder `from`, with `/` separators.
fn relative(from: &Path, to: &Path) -> String {
    let from: Vec<Component<'_>> = from.components().collect();
    let to_c: Vec<Component<'_>> = to.components().collect();
    let common = from.iter().zip(&to_c).take_while(|(a, b)| a == b).count();
    let mut parts: Vec<String> = vec!["..".into(); from.len() - common];
    parts.extend(
        to_c[common..]
            .iter()
            .map(|c| c.as_os_str().to_string_lossy().into_owned()),
    );
    parts.join("/")
}

fn scalar(s: &str) -> String {
    serde_yaml::to_string(&serde_yaml::Value::String(s.to_owned()))
        .unwrap_or_default()
        .trim_end()
        .to_owned()
}

/// The YAML text of row `n` (1-based, counting the head as row 1).
fn child_text(extends: &str, data: &str, n: usize, head: &[String], row: &[String]) -> String {
    let mut out = format!(
        "# Trộn thư: dòng {n} của {data}\nextends: {}\n",
        scalar(extends)
    );
    let cell = |i: usize| row.get(i).map(|s| s.trim()).unwrap_or("");
    for (i, h) in head.iter().enumerate() {
        if DOCUMENT_KEYS.contains(&h.as_str()) && !cell(i).is_empty() {
            out.push_str(&format!("{h}: {}\n", scalar(cell(i))));
        }
    }
    out.push_str("bien:\n");
    for (i, h) in head.iter().enumerate() {
        if !DOCUMENT_KEYS.contains(&h.as_str()) {
            out.push_str(&format!("  {h}: {}\n", scalar(cell(i))));
        }
    }
    out
}

/// Writes and builds one document per row of `data` from `template` into
/// `out_dir` (default: `NAME-tron/` beside the template). Refuses to
/// overwrite a document of an earlier merge.
pub fn merge(
    builder: &Builder<'_>,
    template: &Path,
    data: &Data,
    out_dir: Option<&Path>,
    numbering: Numbering,
    opts: &IssueOptions,
) -> Result<Vec<Merged>, Error> {
    let loaded = load::load(template)?;
    let (table, data_name, data) = match data {
        Data::Table(path) => (
            read_table(path)?,
            path.file_name()
                .unwrap_or_default()
                .to_string_lossy()
                .into_owned(),
            path.clone(),
        ),
        Data::Group(g) => (
            group_table(template, g)?,
            format!("@{g}"),
            PathBuf::from(format!("@{g}")),
        ),
    };
    let data = data.as_path();
    let is_group = data_name.starts_with('@');
    let Some((head, rows)) = table.split_first() else {
        return Err(Error::Other(msg::merge_empty(data)));
    };
    let head: Vec<String> = head.iter().map(|h| h.trim().to_owned()).collect();
    if let Some(bad) = head.iter().find(|h| {
        h.is_empty()
            || !h.chars().all(|c| c.is_ascii_alphanumeric() || c == '_')
            || h.starts_with(|c: char| c.is_ascii_digit())
    }) {
        return Err(Error::Other(msg::merge_bad_head(data, bad)));
    }
    let rows: Vec<(usize, &Vec<String>)> = rows
        .iter()
        .enumerate()
        // Rows of a table count from its head; entries of a group from 1.
        .map(|(i, r)| (i + if is_group { 1 } else { 2 }, r))
        .filter(|(_, r)| r.iter().any(|c| !c.trim().is_empty()))
        .collect();
    if rows.is_empty() {
        return Err(Error::Other(msg::merge_empty(data)));
    }
    let stem = loaded.stem();
    let dir = match out_dir {
        Some(d) => d.to_path_buf(),
        None => template
            .parent()
            .unwrap_or(Path::new("."))
            .join(format!("{stem}-tron")),
    };
    std::fs::create_dir_all(&dir).map_err(|e| Error::io(&dir, e))?;
    let dir = dir.canonicalize().map_err(|e| Error::io(&dir, e))?;
    let template_abs = template
        .canonicalize()
        .map_err(|e| Error::io(template, e))?;
    let extends = relative(&dir, &template_abs);
    let width = rows.len().to_string().len().max(2);
    let paths: Vec<PathBuf> = (1..=rows.len())
        .map(|k| dir.join(format!("{stem}-{k:0width$}.yaml")))
        .collect();
    if let Some(p) = paths.iter().find(|p| p.exists()) {
        return Err(Error::Other(msg::merge_exists(p)));
    }
    // One number for all: the template's (issued now if it has none).
    let mut shared = None;
    if numbering == Numbering::Shared {
        if loaded.doc.so_in().is_empty() {
            let one = IssueOptions {
                no_pdf: true,
                ..opts.clone()
            };
            issue::issue(builder, template, &one)?;
        }
        let numbered = load::load(template)?;
        let ngay = numbered.doc.ngay.and_then(|n| n.date());
        shared = Some((
            numbered.doc.so.clone().unwrap_or_default(),
            ngay.map(|d| d.format("%Y-%m-%d").to_string())
                .unwrap_or_default(),
            numbered.doc.so_ky_hieu(),
        ));
    }
    let mut out = Vec::new();
    for ((n, row), path) in rows.iter().zip(&paths) {
        let mut text = child_text(&extends, &data_name, *n, &head, row);
        if let Some((so, ngay, _)) = &shared {
            // A child inherits neither `so` nor `ngay`: they are copied.
            text.push_str(&format!("so: {}\nngay: {ngay}\n", scalar(so)));
        }
        // Written first, then checked: a row that breaks the document is
        // reported at its own file, which stays for the văn thư to fix.
        output::write_atomic(path, text.as_bytes())?;
        let merged = match numbering {
            Numbering::Each => {
                let done = issue::issue(builder, path, opts)?;
                Merged {
                    yaml: path.clone(),
                    pdf: done.pdf,
                    so_ky_hieu: Some(done.record.so_ky_hieu()),
                }
            }
            _ => {
                let pdf = if opts.no_pdf {
                    None
                } else {
                    let build = BuildOptions {
                        out_dir: opts.out_dir.clone(),
                        pdf_a: opts.pdf_a,
                        ..BuildOptions::default()
                    };
                    let (files, _) = build_file(builder, path, &build)?;
                    files.into_iter().next()
                };
                Merged {
                    yaml: path.clone(),
                    pdf,
                    so_ky_hieu: shared.as_ref().map(|s| s.2.clone()),
                }
            }
        };
        out.push(merged);
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn relative_paths_climb_then_descend() {
        assert_eq!(
            relative(Path::new("/p/a/tron"), Path::new("/p/a/gm.yaml")),
            "../gm.yaml"
        );
        assert_eq!(
            relative(Path::new("/p/x"), Path::new("/p/a/gm.yaml")),
            "../a/gm.yaml"
        );
    }

    #[test]
    fn rows_become_variables_and_document_keys() {
        let head = vec!["ho_ten".to_owned(), "kinh_gui".to_owned()];
        let row = vec!["Ông A: \"B\"".to_owned(), "Trường X".to_owned()];
        let t = child_text("../gm.yaml", "ds.csv", 2, &head, &row);
        let v: serde_yaml::Value = serde_yaml::from_str(&t).unwrap();
        assert_eq!(v["extends"].as_str(), Some("../gm.yaml"));
        assert_eq!(v["kinh_gui"].as_str(), Some("Trường X"));
        assert_eq!(v["bien"]["ho_ten"].as_str(), Some("Ông A: \"B\""));
    }
}
