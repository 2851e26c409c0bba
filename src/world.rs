//! The Typst `World`: embedded fonts and layouts, and file access restricted
//! to the document's own folder.

use std::path::{Path, PathBuf};
use std::sync::{Arc, LazyLock};

use typst::diag::{FileError, FileResult};
use typst::foundations::{Bytes, Datetime, Dict, Duration, IntoValue};
use typst::layout::{Abs, Length};
use typst::syntax::{FileId, RootedPath, Source, VirtualPath, VirtualRoot};
use typst::text::{Font, FontBook, FontInfo};
use typst::utils::LazyHash;
use typst::{Library, LibraryExt, World};
use typst_kit::diagnostics::DiagnosticWorld;
use typst_kit::files::{FileLoader, FileStore};
use typst_kit::fonts::{FontSource, FontStore};

use crate::assets;
use crate::model::Le;

/// Virtual path of the generated document source.
pub const MAIN: &str = "/main.typ";

/// Font family used when `--font` is not given and Times New Roman is not
/// on the font path.
pub const DEFAULT_FAMILY: &str = "Liberation Serif";
/// The family NĐ30 names; preferred when an office adds it with `--font-path`.
pub const TIMES: &str = "Times New Roman";

/// What every document shares: the standard library and the fonts.
/// Built once per process and reused across documents (and threads).
pub struct Engine {
    library: LazyHash<Library>,
    fonts: FontStore,
    family: String,
}

/// An embedded font face, parsed only when a document first uses it.
struct EmbeddedFont {
    data: &'static [u8],
    index: u32,
}

impl FontSource for EmbeddedFont {
    fn load(&self) -> Option<Font> {
        Font::new(Bytes::new(self.data), self.index)
    }
}

impl Engine {
    /// Embedded fonts, plus every font found under `font_paths`; `family`
    /// picks the body font (default: Times New Roman if found, else
    /// Liberation Serif).
    pub fn new(font_paths: &[PathBuf], family: Option<&str>) -> Result<Self, String> {
        // A layouts folder named by `VANBAN_LAYOUTS` that cannot be read is
        // an error here rather than a silent fallback later.
        assets::use_layouts(None)?;
        let mut fonts = FontStore::new();
        // Fonts from --font-path come first so that an office's own copy of a
        // family wins over the embedded one.
        for dir in font_paths {
            if !dir.is_dir() {
                return Err(crate::i18n::t(
                    "font-path-not-folder",
                    &[("path", &dir.display().to_string())],
                ));
            }
            fonts.extend(typst_kit::fonts::scan(dir));
        }
        for data in assets::FONTS {
            for (index, info) in FontInfo::iter(data).enumerate() {
                fonts.push((
                    EmbeddedFont {
                        data,
                        index: index as u32,
                    },
                    info,
                ));
            }
        }
        let has = |name: &str| fonts.book().contains_family(&name.to_lowercase());
        let family = match family {
            Some(f) if has(f) => f.to_owned(),
            Some(f) => {
                let mut known: Vec<String> =
                    fonts.book().families().map(|(n, _)| n.to_owned()).collect();
                known.dedup();
                return Err(crate::i18n::t(
                    "font-family-unknown",
                    &[("family", f), ("known", &known.join(", "))],
                ));
            }
            None if has(TIMES) => TIMES.to_owned(),
            None => DEFAULT_FAMILY.to_owned(),
        };
        Ok(Self {
            library: LazyHash::new(Library::builder().with_inputs(layout_inputs()).build()),
            fonts,
            family,
        })
    }

    /// The engine with embedded fonts only, shared by the whole process.
    pub fn shared() -> &'static Engine {
        static ENGINE: LazyLock<Engine> =
            LazyLock::new(|| Engine::new(&[], None).expect("embedded fonts and layouts"));
        &ENGINE
    }

    /// The body font family.
    pub fn family(&self) -> &str {
        &self.family
    }
}

/// What the layout reads from `sys.inputs`: the defaults that live in the
/// model, so that `layouts/nd30.typ` does not restate them. `margin`: the
/// page margins of a document that sets none ([`Le::DEFAULT`]).
fn layout_inputs() -> Dict {
    let [top, bottom, left, right] = Le::DEFAULT;
    let mm = |v: f64| Length::from(Abs::mm(v)).into_value();
    let mut margin = Dict::new();
    margin.insert("top".into(), mm(top));
    margin.insert("bottom".into(), mm(bottom));
    margin.insert("left".into(), mm(left));
    margin.insert("right".into(), mm(right));
    let mut inputs = Dict::new();
    inputs.insert("margin".into(), margin.into_value());
    inputs
}

/// Serves the generated source, the embedded layouts and the document's
/// own files.
struct Loader {
    main: Arc<str>,
    root: PathBuf,
}

impl FileLoader for Loader {
    fn load(&self, id: FileId) -> FileResult<Bytes> {
        if !matches!(id.root(), VirtualRoot::Project) {
            return Err(FileError::Other(Some("packages are not available".into())));
        }
        let path = id.vpath().get_with_slash();
        if path == MAIN {
            return Ok(Bytes::from_string(self.main.to_string()));
        }
        // The layouts answer for their own names only (`.typ`, `.j2` files,
        // never pictures): any other `/layouts/…` path is the project's, such
        // as a signature kept in a folder of that name.
        if let Some(text) = path.strip_prefix("/layouts/").and_then(assets::layout) {
            return Ok(Bytes::new(text.as_bytes()));
        }
        let rel = id.vpath().get_without_slash();
        let real = inside(&self.root, rel).map_err(|e| {
            FileError::Other(Some(
                match e {
                    Refused::Unresolved(e) => format!("`{rel}`: {e}"),
                    Refused::Outside => format!(
                        "`{rel}` is outside the project folder ({})",
                        crate::load::WHAT_IS_A_PROJECT
                    ),
                }
                .into(),
            ))
        })?;
        // Regular files of bounded size only, images of bounded pixels: an
        // SVG may name other files (a FIFO, a sparse file, a huge PNG).
        let data = crate::load::read_limited(&real, crate::load::MAX_FILE_BYTES)
            .map_err(|m| FileError::Other(Some(format!("`{rel}`: {m}").into())))?;
        crate::load::limits::check_pixels(&data)
            .map_err(|m| FileError::Other(Some(format!("`{rel}`: {m}").into())))?;
        Ok(Bytes::new(data))
    }
}

/// Why a path cannot be used.
#[derive(Debug)]
pub enum Refused {
    /// It does not resolve to an existing file or folder.
    Unresolved(std::io::Error),
    /// It resolves (through `..`, an absolute path or a symlink) to a place
    /// outside the root.
    Outside,
}

/// Resolves `rel` against `root` (an absolute `rel` stands for itself),
/// following symlinks, and refuses anything whose real place is outside
/// `root`. Every file a document, the layout or the server touches goes
/// through here.
pub fn inside(root: &Path, rel: impl AsRef<Path>) -> Result<PathBuf, Refused> {
    let root = root.canonicalize().map_err(Refused::Unresolved)?;
    let real = root.join(rel).canonicalize().map_err(Refused::Unresolved)?;
    if real.starts_with(&root) {
        Ok(real)
    } else {
        Err(Refused::Outside)
    }
}

/// One document ready to compile.
pub struct DocWorld<'a> {
    engine: &'a Engine,
    main: FileId,
    name: String,
    files: FileStore<Loader>,
    today: Option<Datetime>,
}

impl<'a> DocWorld<'a> {
    /// A world whose main file is `source`, displayed as `name` in
    /// diagnostics; images resolve inside `root`.
    pub fn new(
        engine: &'a Engine,
        source: String,
        name: String,
        root: PathBuf,
        today: Option<Datetime>,
    ) -> Self {
        let vpath = VirtualPath::new(MAIN).expect("valid path");
        let main = RootedPath::new(VirtualRoot::Project, vpath).intern();
        let files = FileStore::new(Loader {
            main: source.into(),
            root,
        });
        Self {
            engine,
            main,
            name,
            files,
            today,
        }
    }
}

impl World for DocWorld<'_> {
    fn library(&self) -> &LazyHash<Library> {
        &self.engine.library
    }
    fn book(&self) -> &LazyHash<FontBook> {
        self.engine.fonts.book()
    }
    fn main(&self) -> FileId {
        self.main
    }
    fn source(&self, id: FileId) -> FileResult<Source> {
        self.files.source(id)
    }
    fn file(&self, id: FileId) -> FileResult<Bytes> {
        self.files.file(id)
    }
    fn font(&self, index: usize) -> Option<Font> {
        self.engine.fonts.font(index)
    }
    fn today(&self, _offset: Option<Duration>) -> Option<Datetime> {
        self.today
    }
}

impl DiagnosticWorld for DocWorld<'_> {
    fn name(&self, id: FileId) -> String {
        let path = id.vpath().get_with_slash();
        if path == MAIN {
            self.name.clone()
        } else {
            format!("<vanban>{path}")
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn inside_refuses_escapes() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("logo.png"), b"x").unwrap();
        assert!(inside(dir.path(), "logo.png").is_ok());
        assert!(matches!(
            inside(dir.path(), "../../etc/passwd"),
            Err(Refused::Outside)
        ));
        assert!(matches!(
            inside(dir.path(), "/etc/passwd"),
            Err(Refused::Outside)
        ));
        assert!(matches!(
            inside(dir.path(), "missing.png"),
            Err(Refused::Unresolved(_))
        ));
    }

    #[test]
    fn embedded_fonts_cover_four_styles() {
        let e = Engine::shared();
        assert_eq!(e.family(), DEFAULT_FAMILY);
        let n = e.fonts.book().select_family("liberation serif").count();
        assert_eq!(n, 4);
    }
}
