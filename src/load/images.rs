//! The signer's images (`nguoi_ky.chu_ky`, `nguoi_ky.dau`): checked when
//! the document is loaded and rewritten into paths from the project folder.

use std::path::Path;

use serde_yaml::Value;

use super::problems::describe;
use super::read::in_project;
use crate::diag::{Error, Message, MessageId};
use crate::locate::{self, Place, Positions, Step, YamlPath};

/// Keys of `nguoi_ky` that name image files.
pub(super) const IMAGE_KEYS: [&str; 2] = ["chu_ky", "dau"];
/// Keys of a document that hold a signer, whose images are resolved (and
/// never inherited): the signer, a biên bản's secretary, a contract's
/// other party.
pub(super) const SIGNER_KEYS: [&str; 3] = ["nguoi_ky", "thu_ky", "ben_kia"];
/// Image formats the layout accepts.
const IMAGE_EXTENSIONS: [&str; 4] = ["png", "jpg", "jpeg", "svg"];

/// Rewrites the image paths of every signer in the value of the file at
/// `path` (`nguoi_ky.chu_ky`, `nguoi_ky.dau`, written relative to that
/// file) into paths from the project folder (`/anh/chu-ky.png`), which is
/// all the layout may read. A missing file, a file outside the project
/// folder or another format is an error at the value.
pub(super) fn resolve_images(
    path: &Path,
    text: &str,
    v: &mut Value,
    at: &mut YamlPath,
) -> Result<(), Error> {
    match v {
        Value::Mapping(m) => {
            for (k, val) in m.iter_mut() {
                let Some(key) = k.as_str() else { continue };
                at.push(Step::Key(key.to_owned()));
                if SIGNER_KEYS.contains(&key) {
                    if let Value::Mapping(signer) = val {
                        for name in IMAGE_KEYS {
                            if let Some(Value::String(file)) = signer.get_mut(name) {
                                at.push(Step::Key(name.to_owned()));
                                *file = image_path(path, file).map_err(|message| {
                                    let place = Positions::of(text)
                                        .value(at)
                                        .unwrap_or(Place { line: 1, column: 1 });
                                    describe(
                                        path,
                                        text,
                                        place,
                                        Message::decode(&message)
                                            .unwrap_or_else(|| {
                                                Message::new(
                                                    MessageId::Image,
                                                    &[("detail", message)],
                                                )
                                            })
                                            .with("at", locate::display(at)),
                                    )
                                })?;
                                at.pop();
                            }
                        }
                    }
                }
                resolve_images(path, text, val, at)?;
                at.pop();
            }
        }
        Value::Sequence(items) => {
            for (i, it) in items.iter_mut().enumerate() {
                at.push(Step::Index(i));
                resolve_images(path, text, it, at)?;
                at.pop();
            }
        }
        _ => {}
    }
    Ok(())
}

/// The project-relative path (`/anh/dau.png`) of the image `rel`, written
/// in the document at `from`.
fn image_path(from: &Path, rel: &str) -> Result<String, String> {
    let rel = rel.trim();
    let ext = Path::new(rel)
        .extension()
        .map(|e| e.to_string_lossy().to_lowercase())
        .unwrap_or_default();
    if !IMAGE_EXTENSIONS.contains(&ext.as_str()) {
        return Err(Message::new(MessageId::ImageFormat, &[("value", rel.to_owned())]).encoded());
    }
    let (real, root) = in_project(from, rel, "image")?;
    let inner = real.strip_prefix(&root).unwrap_or(&real);
    if !real.is_file() {
        return Err(crate::i18n::t("image-not-file", &[("path", rel)]));
    }
    sniff_image(&real, &ext).map_err(|m| format!("`{rel}`: {m}"))?;
    let parts: Vec<String> = inner
        .components()
        .map(|c| c.as_os_str().to_string_lossy().into_owned())
        .collect();
    Ok(format!("/{}", parts.join("/")))
}

/// Largest image a document may use.
pub const MAX_IMAGE_BYTES: u64 = 16 * 1024 * 1024;

/// Decodes the image at `path` with the layout's own decoders, so that a
/// renamed or damaged file is reported at the document's value rather than
/// by the layout.
fn sniff_image(path: &Path, ext: &str) -> Result<(), String> {
    use typst::foundations::Bytes;
    use typst::visualize::{ExchangeFormat, RasterImage, SvgImage};
    let data = super::read::read_limited(path, MAX_IMAGE_BYTES)?;
    // Pixels from the header, before decoding (a small PNG can decode to
    // gigabytes).
    super::limits::check_pixels(&data)?;
    let data = Bytes::new(data);
    let decoded = match ext {
        "png" => RasterImage::plain(data, ExchangeFormat::Png).map(drop),
        "jpg" | "jpeg" => RasterImage::plain(data, ExchangeFormat::Jpg).map(drop),
        // `LoadError` only shows its message through `Debug`.
        _ => SvgImage::new(data).map(drop).map_err(|e| {
            let debug = format!("{e:?}");
            debug
                .split_once("message: \"")
                .and_then(|(_, m)| m.rsplit_once('"'))
                .map_or(debug.clone(), |(m, _)| m.to_owned())
                .into()
        }),
    };
    decoded.map_err(|e| format!("is not a readable {} image ({e})", ext.to_uppercase()))
}
