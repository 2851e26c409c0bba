//! The live preview: `/api/preview` lays the edited text out and answers
//! with each page's hash, size and text; the page then asks for the
//! pictures it shows (`/api/page/HASH`, SVG), only those of pages that
//! changed and are in view. Pictures are drawn when asked for, from the
//! pages of the last previews kept here.

use std::collections::{HashMap, VecDeque};
use std::path::Path;
use std::sync::{Arc, Mutex};
use std::time::Instant;

use axum::extract::{Path as UrlPath, State};
use axum::http::header;
use axum::response::{IntoResponse, Response};
use axum::Json;
use serde::{Deserialize, Serialize};
use typst_layout::Page;

use super::{diagnostic, warnings, ApiError, App, Diagnostic};
use crate::load;
use crate::Builder;

/// Pages kept for drawing: those of the last previews (a few documents'
/// worth; a laid-out page shares its fonts and images with the others).
const KEPT_PAGES: usize = 256;

/// One page of the preview.
#[derive(Debug, Serialize)]
pub struct PreviewPage {
    /// What the page looks like, as a token: the same page drawn again has
    /// the same hash. Its picture is at `/api/page/HASH`.
    pub hash: String,
    /// Width and height in points (the page keeps its place before its
    /// picture is drawn).
    pub width: f64,
    pub height: f64,
    /// The page's text, in reading order (for assistive technology and
    /// search).
    pub text: String,
    /// The laid-out page.
    #[serde(skip)]
    pub page: Option<Page>,
}

/// The result of previewing a text.
#[derive(Debug, Serialize)]
pub struct Preview {
    /// Whether pages could be laid out.
    pub ok: bool,
    /// Errors and warnings.
    pub diagnostics: Vec<Diagnostic>,
    /// The pages, when `ok`.
    pub pages: Vec<PreviewPage>,
    /// Milliseconds spent loading and laying out.
    pub layout_ms: u64,
    /// A token for the text laid out: where its values are on the pages
    /// is at `/api/marks/VERSION` ([`super::marks`]).
    pub version: String,
}

/// Loads `text` as the contents of `path` and lays it out into pages;
/// errors come back as diagnostics located in `text`.
pub fn preview_text(builder: &Builder<'_>, path: &Path, text: String) -> Preview {
    let start = Instant::now();
    let version = text_version(&text);
    let built = load::check_text(path, text).and_then(|doc| {
        let b = builder.layout(&doc).map_err(|e| vec![e])?;
        Ok((doc, b))
    });
    let layout_ms = start.elapsed().as_millis() as u64;
    let out = match built {
        Err(errors) => Preview {
            ok: false,
            diagnostics: errors.iter().map(|e| diagnostic(path, e)).collect(),
            pages: Vec::new(),
            layout_ms,
            version,
        },
        Ok((doc, built)) => Preview {
            ok: true,
            diagnostics: warnings(&doc),
            pages: built
                .document
                .pages()
                .iter()
                .map(|page| PreviewPage {
                    hash: format!("{:032x}", typst::utils::hash128(page)),
                    width: page.frame.width().to_pt(),
                    height: page.frame.height().to_pt(),
                    text: page_text(&page.frame),
                    page: Some(page.clone()),
                })
                .collect(),
            layout_ms,
            version,
        },
    };
    // A long-running process: drop memoized layout results not used by the
    // last few compilations.
    comemo::evict(10);
    out
}

/// The token of a text laid out ([`Preview::version`]).
pub fn text_version(text: &str) -> String {
    format!("{:032x}", typst::utils::hash128(text))
}

/// A page as SVG.
pub fn page_svg(page: &Page) -> String {
    typst_svg::svg(page, &typst_svg::SvgOptions::default())
}

/// The text of a laid-out page: its runs in order, spaces collapsed.
fn page_text(frame: &typst::layout::Frame) -> String {
    fn walk(frame: &typst::layout::Frame, out: &mut String) {
        for (_, item) in frame.items() {
            match item {
                typst::layout::FrameItem::Group(g) => walk(&g.frame, out),
                typst::layout::FrameItem::Text(t) => {
                    if !out.is_empty() {
                        out.push(' ');
                    }
                    out.push_str(&t.text);
                }
                _ => {}
            }
        }
    }
    let mut out = String::new();
    walk(frame, &mut out);
    out.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The pages of the last previews by hash, oldest dropped first; each
/// drawn once, when first asked for.
#[derive(Default)]
pub struct PageCache {
    inner: Mutex<Kept>,
}

#[derive(Default)]
struct Kept {
    pages: HashMap<String, (Page, Option<Arc<str>>)>,
    order: VecDeque<String>,
}

impl PageCache {
    /// Keeps `page` under `hash` (again the newest when kept already).
    pub(super) fn keep(&self, hash: &str, page: Page) {
        let mut k = self.inner.lock().unwrap_or_else(|e| e.into_inner());
        if k.pages.contains_key(hash) {
            if let Some(i) = k.order.iter().position(|h| h == hash) {
                k.order.remove(i);
            }
        } else {
            k.pages.insert(hash.to_owned(), (page, None));
        }
        k.order.push_back(hash.to_owned());
        while k.order.len() > KEPT_PAGES {
            if let Some(old) = k.order.pop_front() {
                k.pages.remove(&old);
            }
        }
    }

    /// The SVG of the page kept under `hash`, drawn now if it was not.
    pub(super) fn svg(&self, hash: &str) -> Option<Arc<str>> {
        let page = {
            let k = self.inner.lock().unwrap_or_else(|e| e.into_inner());
            let (page, svg) = k.pages.get(hash)?;
            if let Some(svg) = svg {
                return Some(svg.clone());
            }
            page.clone()
        };
        // Drawn outside the lock: other pages are drawn at the same time.
        let svg: Arc<str> = page_svg(&page).into();
        let mut k = self.inner.lock().unwrap_or_else(|e| e.into_inner());
        if let Some((_, slot)) = k.pages.get_mut(hash) {
            *slot = Some(svg.clone());
        }
        Some(svg)
    }
}

#[derive(Deserialize)]
pub(super) struct PreviewBody {
    path: String,
    text: String,
}

/// Lays the text out in the preview process ([`super::worker`]): a preview
/// over its time or memory is stopped there and answers an error.
pub(super) async fn preview(
    State(app): State<Arc<App>>,
    Json(body): Json<PreviewBody>,
) -> Result<Json<serde_json::Value>, ApiError> {
    let path = app.existing(&body.path)?;
    Ok(Json(app.worker.preview(path, body.text).await?))
}

/// Where the values of the last preview's text are on its pages:
/// `{ version, pages: [[mark…]…] }`; 404 when the last preview was of
/// another text.
pub(super) async fn marks(
    State(app): State<Arc<App>>,
    UrlPath(version): UrlPath<String>,
) -> Result<Json<serde_json::Value>, ApiError> {
    Ok(Json(app.worker.marks(version).await?))
}

/// The picture of a page of a recent preview, as SVG; 404 when the page is
/// no longer kept (the page then asks for a new preview).
pub(super) async fn page(
    State(app): State<Arc<App>>,
    UrlPath(hash): UrlPath<String>,
) -> Result<Response, ApiError> {
    let svg = app.worker.svg(hash).await?;
    Ok(([(header::CONTENT_TYPE, "image/svg+xml")], svg).into_response())
}
