//! Files compiled into the binary: the default fonts and the `layouts/`
//! folder (Typst library and one template per document kind).
//!
//! To work on the layouts without rebuilding vanban, point `--layouts DIR`
//! or the environment variable `VANBAN_LAYOUTS` at a folder: its files are
//! used instead of the embedded copies of the same name (a file it lacks
//! keeps its embedded copy). The folder is read once per process.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use include_dir::{include_dir, Dir};

/// The `layouts/` folder as it was at build time.
static LAYOUTS: Dir<'static> = include_dir!("$CARGO_MANIFEST_DIR/layouts");

/// Environment variable naming a folder of layouts to use instead of the
/// embedded ones (like `--layouts DIR`).
pub const LAYOUTS_ENV: &str = "VANBAN_LAYOUTS";

/// Liberation Serif (SIL OFL 1.1), metrically compatible with Times New
/// Roman, in its four styles.
pub static FONTS: [&[u8]; 4] = [
    include_bytes!("../fonts/LiberationSerif-Regular.ttf"),
    include_bytes!("../fonts/LiberationSerif-Bold.ttf"),
    include_bytes!("../fonts/LiberationSerif-Italic.ttf"),
    include_bytes!("../fonts/LiberationSerif-BoldItalic.ttf"),
];

/// Layout files read from a folder, by file name.
type Layouts = BTreeMap<String, String>;

/// The layouts read from `--layouts` or `VANBAN_LAYOUTS`, if any: set
/// once, by [`use_layouts`] or at the first use of a layout.
static OVERRIDE: OnceLock<Result<Option<Layouts>, String>> = OnceLock::new();

/// Reads the layouts from `dir` (the `--layouts` option) or, when `dir`
/// is `None`, from the folder `VANBAN_LAYOUTS` names, if set. To be called
/// before the first document is rendered; the first call decides.
pub fn use_layouts(dir: Option<&Path>) -> Result<(), String> {
    let dir = dir.map(Path::to_owned).or_else(from_env);
    OVERRIDE
        .get_or_init(|| dir.as_deref().map(read_layouts).transpose())
        .as_ref()
        .map(|_| ())
        .map_err(String::clone)
}

/// The folder `VANBAN_LAYOUTS` names, if set and not empty.
fn from_env() -> Option<PathBuf> {
    std::env::var_os(LAYOUTS_ENV)
        .filter(|v| !v.is_empty())
        .map(PathBuf::from)
}

/// Every file directly inside `dir`, as text.
fn read_layouts(dir: &Path) -> Result<Layouts, String> {
    let what = |e: std::io::Error| format!("layouts folder `{}`: {e}", dir.display());
    let mut out = Layouts::new();
    for entry in std::fs::read_dir(dir).map_err(what)? {
        let entry = entry.map_err(what)?;
        if !entry.file_type().map_err(what)?.is_file() {
            continue;
        }
        let Some(name) = entry.file_name().to_str().map(str::to_owned) else {
            continue;
        };
        let text = std::fs::read_to_string(entry.path())
            .map_err(|e| format!("layout `{}`: {e}", entry.path().display()))?;
        out.insert(name, text);
    }
    Ok(out)
}

/// The layouts read from a folder, if one was given (a folder that cannot
/// be read was reported by [`use_layouts`]; the embedded copies serve).
fn overridden() -> Option<&'static Layouts> {
    OVERRIDE
        .get_or_init(|| from_env().as_deref().map(read_layouts).transpose())
        .as_ref()
        .ok()?
        .as_ref()
}

/// The text of `layouts/<name>`, if it exists.
pub fn layout(name: &str) -> Option<&'static str> {
    if let Some(text) = overridden().and_then(|o| o.get(name)) {
        return Some(text);
    }
    LAYOUTS.get_file(name)?.contents_utf8()
}

/// Names and texts of every template (`*.j2`) of the layouts.
pub fn templates() -> impl Iterator<Item = (&'static str, &'static str)> {
    let embedded = LAYOUTS.files().filter_map(|f| f.path().to_str());
    let extra = overridden()
        .into_iter()
        .flat_map(|o| o.keys().map(String::as_str))
        .filter(|name| LAYOUTS.get_file(name).is_none());
    embedded
        .chain(extra)
        .filter(|name| name.ends_with(".j2"))
        .filter_map(|name| Some((name, layout(name)?)))
}
