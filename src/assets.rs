//! Files compiled into the binary: the default fonts and the `layouts/`
//! folder (Typst library and one template per document kind).

use include_dir::{include_dir, Dir};

/// The `layouts/` folder as it was at build time.
static LAYOUTS: Dir<'static> = include_dir!("$CARGO_MANIFEST_DIR/layouts");

/// Liberation Serif (SIL OFL 1.1), metrically compatible with Times New
/// Roman, in its four styles.
pub static FONTS: [&[u8]; 4] = [
    include_bytes!("../fonts/LiberationSerif-Regular.ttf"),
    include_bytes!("../fonts/LiberationSerif-Bold.ttf"),
    include_bytes!("../fonts/LiberationSerif-Italic.ttf"),
    include_bytes!("../fonts/LiberationSerif-BoldItalic.ttf"),
];

/// The text of `layouts/<name>`, if it exists.
pub fn layout(name: &str) -> Option<&'static str> {
    LAYOUTS.get_file(name)?.contents_utf8()
}

/// Names of every template (`*.j2`) under `layouts/`.
pub fn templates() -> impl Iterator<Item = (&'static str, &'static str)> {
    LAYOUTS.files().filter_map(|f| {
        let name = f.path().to_str()?;
        name.ends_with(".j2")
            .then(|| Some((name, f.contents_utf8()?)))
            .flatten()
    })
}
