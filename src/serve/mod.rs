//! `vanban serve`: a local web editor with live preview.
//!
//! One page (HTML, CSS and JavaScript embedded in the binary, no network
//! needed) and a small JSON API over the documents under one folder. The
//! server binds to the loopback address by default and refuses requests
//! whose `Host` or `Origin` is not the address it listens on (no DNS
//! rebinding, no cross-site writes); every path in the API is resolved
//! inside the folder; bodies are size-limited; files are written
//! atomically and never over a version the page has not seen.

mod body;
mod diff;
mod drafts;
mod form;
mod marks;
mod points;
mod preview;
mod worker;

use std::net::{IpAddr, SocketAddr};
use std::path::{Component, Path, PathBuf};
use std::sync::Arc;

use axum::extract::{DefaultBodyLimit, Query, Request, State};
use axum::http::{header, HeaderMap, HeaderValue, StatusCode};
use axum::middleware::{self, Next};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use axum::{Json, Router};
use serde::{Deserialize, Serialize};
use serde_json::{json, Value};
use sha2::{Digest, Sha256};

use crate::commands::new::starter;
use crate::commands::{self, build::expand_inputs};
use crate::diag::{self, Error, MessageId, Related, Severity};
use crate::i18n::t;
use crate::load::{self, Loaded};
use crate::model::Loai;
use crate::world::{Engine, Refused};
use crate::{output, register, Builder};

pub use form::{fields, fields_of, form_keys, set_field, FORM_KEYS};
pub use preview::{page_svg, preview_text, Preview, PreviewPage};
pub use worker::{run_worker, PREVIEW_MEMORY, PREVIEW_TIMEOUT, WORKER_ARG};

/// Largest request body accepted (a document may have
/// [`load::MAX_BYTES`]; JSON escaping needs some room).
pub const MAX_BODY: usize = 2 * load::MAX_BYTES as usize;

const INDEX_HTML: &str = include_str!("web/index.html");
const APP_JS: &str = include_str!("web/app.js");
const LANG_JS: &str = include_str!("web/lang.js");
const EDITOR_JS: &str = include_str!("web/editor.js");
const PREVIEW_JS: &str = include_str!("web/preview.js");
const STYLE_CSS: &str = include_str!("web/style.css");
const BODY_JS: &str = include_str!("web/body.js");
const DRAFTS_JS: &str = include_str!("web/drafts.js");
const DIFF_JS: &str = include_str!("web/diff.js");
const WORDS_JS: &str = include_str!("web/words.js");

/// How to run the server.
pub struct Options {
    /// The folder whose documents are served.
    pub dir: PathBuf,
    /// Address to listen on (default loopback).
    pub bind: IpAddr,
    /// Port; 0 picks a free one.
    pub port: u16,
    /// Open the page in the default browser.
    pub open: bool,
    /// Font folders, body font family and layouts folder, as given to
    /// `serve` (the preview's process uses them too).
    pub font_path: Vec<PathBuf>,
    pub font: Option<String>,
    pub layouts: Option<PathBuf>,
}

/// Everything the handlers share.
pub struct App {
    root: PathBuf,
    builder: Builder<'static>,
    hosts: Vec<String>,
    /// The process that lays previews out.
    worker: Arc<worker::Worker>,
}

/// Runs the server until the process is stopped. Prints the address to
/// open on standard output as soon as it listens.
pub fn run(opts: Options, engine: Engine) -> Result<(), Error> {
    let root = opts
        .dir
        .canonicalize()
        .map_err(|e| Error::io(&opts.dir, e))?;
    if !root.is_dir() {
        return Err(Error::Other(t(
            "serve-not-a-folder",
            &[("path", &root.display().to_string())],
        )));
    }
    // The folder served is the project: its documents use each other, and
    // nothing outside it is read for them.
    load::declare_project(&root);
    let engine: &'static Engine = Box::leak(Box::new(engine));
    let rt = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        // Loading and layout run on the blocking pool: threads with the
        // batch's deep stack, and few of them (2 cores, one preview each).
        .thread_stack_size(crate::commands::batch::WORKER_STACK)
        .max_blocking_threads(MAX_BUSY)
        .build()
        .map_err(|e| {
            Error::Other(crate::i18n::t(
                "serve-cannot-start",
                &[("detail", &e.to_string())],
            ))
        })?;
    rt.block_on(async move {
        let listener = tokio::net::TcpListener::bind(SocketAddr::new(opts.bind, opts.port))
            .await
            .map_err(|e| {
                Error::Other(crate::i18n::t(
                    "serve-cannot-listen",
                    &[
                        ("address", &format!("{}:{}", opts.bind, opts.port)),
                        ("detail", &e.to_string()),
                    ],
                ))
            })?;
        let addr = listener
            .local_addr()
            .map_err(|e| Error::Other(e.to_string()))?;
        let setup = worker::Setup {
            root: root.clone(),
            font_path: opts.font_path.clone(),
            font: opts.font.clone(),
            layouts: opts.layouts.clone(),
            lang: crate::i18n::current().code().into(),
        };
        let app = Arc::new(App::new(root.clone(), engine, addr, setup));
        let url = format!("http://{}/", app.hosts[0]);
        println!("{url}");
        eprintln!(
            "{}",
            crate::i18n::t("serve-serving", &[("path", &root.display().to_string())])
        );
        if opts.open {
            open_browser(&url);
        }
        accept(listener, router(app)).await;
        Ok(())
    })
}

/// Longest a client may take to send a request's headers.
pub const HEADER_TIMEOUT: std::time::Duration = std::time::Duration::from_secs(10);
/// Longest a request may take, body included (a preview has its own,
/// shorter limit).
pub const REQUEST_TIMEOUT: std::time::Duration = std::time::Duration::from_secs(60);
/// Connections served at once; more wait in the kernel's queue.
pub const MAX_CONNECTIONS: usize = 64;

/// Serves connections on `listener`: headers must arrive within
/// [`HEADER_TIMEOUT`], at most [`MAX_CONNECTIONS`] at once, so that slow
/// clients (a byte a second) cannot hold the server.
async fn accept(listener: tokio::net::TcpListener, router: Router) {
    use hyper_util::rt::{TokioIo, TokioTimer};
    use hyper_util::service::TowerToHyperService;
    let slots = Arc::new(tokio::sync::Semaphore::new(MAX_CONNECTIONS));
    loop {
        let Ok(slot) = slots.clone().acquire_owned().await else {
            return;
        };
        let Ok((stream, _)) = listener.accept().await else {
            // Out of file descriptors and the like: wait, then go on.
            tokio::time::sleep(std::time::Duration::from_millis(100)).await;
            continue;
        };
        let service = TowerToHyperService::new(router.clone());
        tokio::spawn(async move {
            let _slot = slot;
            let mut http = hyper::server::conn::http1::Builder::new();
            http.timer(TokioTimer::new())
                .header_read_timeout(HEADER_TIMEOUT);
            let _ = http.serve_connection(TokioIo::new(stream), service).await;
        });
    }
}

/// Ends a request that takes longer than [`REQUEST_TIMEOUT`] (a body sent
/// a byte at a time) with 408.
async fn deadline(req: Request, next: Next) -> Response {
    match tokio::time::timeout(REQUEST_TIMEOUT, next.run(req)).await {
        Ok(r) => r,
        Err(_) => ApiError::new(
            StatusCode::REQUEST_TIMEOUT,
            crate::i18n::t("serve-request-too-long", &[]),
        )
        .into_response(),
    }
}

fn open_browser(url: &str) {
    let cmd = if cfg!(target_os = "macos") {
        "open"
    } else if cfg!(windows) {
        "explorer"
    } else {
        "xdg-open"
    };
    if let Err(e) = std::process::Command::new(cmd).arg(url).spawn() {
        eprintln!(
            "{}",
            crate::i18n::t(
                "serve-no-browser",
                &[("command", cmd), ("detail", &e.to_string()), ("url", url)]
            )
        );
    }
}

impl App {
    fn new(root: PathBuf, engine: &'static Engine, addr: SocketAddr, setup: worker::Setup) -> Self {
        let port = addr.port();
        let mut hosts = vec![match addr.ip() {
            IpAddr::V4(ip) => format!("{ip}:{port}"),
            IpAddr::V6(ip) => format!("[{ip}]:{port}"),
        }];
        if addr.ip().is_loopback() {
            hosts.push(format!("localhost:{port}"));
        }
        Self {
            root,
            builder: Builder::new(engine),
            hosts,
            worker: Arc::new(worker::Worker::new(setup)),
        }
    }

    /// An existing document under the folder, from a path relative to it.
    fn existing(&self, rel: &str) -> Result<PathBuf, ApiError> {
        check_relative(rel)?;
        let real = crate::world::inside(&self.root, rel).map_err(|e| match e {
            Refused::Outside => ApiError::new(
                StatusCode::FORBIDDEN,
                t("serve-path-outside", &[("path", rel)]),
            ),
            Refused::Unresolved(e) => ApiError::new(
                StatusCode::NOT_FOUND,
                t(
                    "serve-path-unusable",
                    &[("path", rel), ("reason", &crate::i18n::io_reason(&e))],
                ),
            ),
        })?;
        if !real.is_file() {
            return Err(ApiError::new(
                StatusCode::NOT_FOUND,
                t("serve-path-not-file", &[("path", rel)]),
            ));
        }
        Ok(real)
    }

    /// A document to be created under the folder. Its folder may not exist
    /// yet ([`commands::new::create`] makes it): the deepest part of it that
    /// exists must be a folder inside the root, and the file must not exist.
    fn fresh(&self, rel: &str) -> Result<PathBuf, ApiError> {
        check_relative(rel)?;
        let path = Path::new(rel);
        let name = path
            .file_name()
            .ok_or_else(|| ApiError::bad(t("serve-no-file-name", &[("path", rel)])))?;
        let parent = path.parent().unwrap_or(Path::new(""));
        let mut existing = parent;
        while !existing.as_os_str().is_empty()
            && self.root.join(existing).symlink_metadata().is_err()
        {
            existing = existing.parent().unwrap_or(Path::new(""));
        }
        let base = if existing.as_os_str().is_empty() {
            self.root.clone()
        } else {
            crate::world::inside(&self.root, existing).map_err(|e| {
                let folder = existing.display().to_string();
                let message = match e {
                    Refused::Outside => t("serve-folder-outside", &[("path", &folder)]),
                    Refused::Unresolved(e) => t(
                        "serve-folder-unusable",
                        &[("path", &folder), ("reason", &crate::i18n::io_reason(&e))],
                    ),
                };
                ApiError::new(StatusCode::FORBIDDEN, message)
            })?
        };
        if !base.is_dir() {
            return Err(ApiError::new(
                StatusCode::CONFLICT,
                t(
                    "serve-path-file-not-folder",
                    &[("folder", &existing.display().to_string()), ("path", rel)],
                ),
            ));
        }
        let rest = parent.strip_prefix(existing).unwrap_or(Path::new(""));
        let target = base.join(rest).join(name);
        if target.symlink_metadata().is_ok() {
            return Err(ApiError::new(
                StatusCode::CONFLICT,
                t("serve-path-exists", &[("path", rel)]),
            ));
        }
        Ok(target)
    }

    /// `path` relative to the root, with `/` separators.
    fn rel(&self, path: &Path) -> String {
        let p = path.strip_prefix(&self.root).unwrap_or(path);
        p.components()
            .map(|c| c.as_os_str().to_string_lossy().into_owned())
            .collect::<Vec<_>>()
            .join("/")
    }
}

/// Lexical checks on an API path: relative, no `..`, a YAML document.
fn check_relative(rel: &str) -> Result<(), ApiError> {
    let p = Path::new(rel);
    if rel.is_empty() || p.is_absolute() || rel.starts_with('/') || rel.starts_with('\\') {
        return Err(ApiError::new(
            StatusCode::FORBIDDEN,
            t("serve-path-absolute", &[("path", rel)]),
        ));
    }
    if p.components()
        .any(|c| !matches!(c, Component::Normal(_) | Component::CurDir))
    {
        return Err(ApiError::new(
            StatusCode::FORBIDDEN,
            t("serve-path-outside", &[("path", rel)]),
        ));
    }
    if !(rel.ends_with(".yaml") || rel.ends_with(".yml")) {
        return Err(ApiError::bad(t("serve-path-not-yaml", &[("path", rel)])));
    }
    Ok(())
}

/// An error answer: a status and a message (JSON `{"error": …}`).
#[derive(Debug)]
pub struct ApiError {
    status: StatusCode,
    body: Value,
}

impl ApiError {
    fn new(status: StatusCode, message: impl Into<String>) -> Self {
        Self {
            status,
            body: json!({ "error": message.into() }),
        }
    }

    fn bad(message: impl Into<String>) -> Self {
        Self::new(StatusCode::BAD_REQUEST, message)
    }

    fn internal(e: impl std::fmt::Display) -> Self {
        Self::new(StatusCode::INTERNAL_SERVER_ERROR, e.to_string())
    }
}

impl From<Error> for ApiError {
    fn from(e: Error) -> Self {
        Self::new(StatusCode::UNPROCESSABLE_ENTITY, e.to_string())
    }
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        (self.status, Json(self.body)).into_response()
    }
}

/// The routes, with the safety layers.
pub fn router(app: Arc<App>) -> Router {
    Router::new()
        .route("/", get(index))
        .route("/assets/app.js", get(|| asset(APP_JS, "text/javascript")))
        .route("/assets/lang.js", get(|| asset(LANG_JS, "text/javascript")))
        .route(
            "/assets/editor.js",
            get(|| asset(EDITOR_JS, "text/javascript")),
        )
        .route(
            "/assets/preview.js",
            get(|| asset(PREVIEW_JS, "text/javascript")),
        )
        .route("/assets/style.css", get(|| asset(STYLE_CSS, "text/css")))
        .route("/assets/body.js", get(|| asset(BODY_JS, "text/javascript")))
        .route(
            "/assets/drafts.js",
            get(|| asset(DRAFTS_JS, "text/javascript")),
        )
        .route("/assets/diff.js", get(|| asset(DIFF_JS, "text/javascript")))
        .route(
            "/assets/words.js",
            get(|| asset(WORDS_JS, "text/javascript")),
        )
        .route("/api/words", get(words))
        .route("/api/docs", get(list_docs))
        .route("/api/schema", get(schema))
        .route("/api/kinds", get(kinds))
        .route("/api/keys", get(keys))
        .route("/api/doc", get(read_doc))
        .route("/api/preview", post(preview::preview))
        .route("/api/page/{hash}", get(preview::page))
        .route("/api/marks/{version}", get(preview::marks))
        .route("/api/save", post(save))
        .route("/api/pdf", post(pdf))
        .route("/api/docx", post(docx))
        .route("/api/form", post(form_fields))
        .route("/api/new", post(new_doc))
        .route("/api/next-year", post(next_year))
        .route("/api/derive", post(derive))
        .route("/api/cap-so", post(cap_so))
        .merge(body::routes())
        .merge(drafts::routes())
        .merge(diff::routes())
        .layer(DefaultBodyLimit::max(MAX_BODY))
        .layer(middleware::from_fn_with_state(app.clone(), guard))
        .layer(middleware::from_fn(deadline))
        .layer(middleware::from_fn(language))
        .with_state(app)
}

/// Refuses requests not addressed to this server by a page of this server:
/// `Host` must be the listening address, `Origin` (when sent) its origin,
/// and the browser must not mark the request as cross-site.
async fn guard(State(app): State<Arc<App>>, req: Request, next: Next) -> Response {
    let headers = req.headers();
    let host = headers
        .get(header::HOST)
        .and_then(|h| h.to_str().ok())
        .unwrap_or("");
    if !app.hosts.iter().any(|h| h == host) {
        return ApiError::new(
            StatusCode::FORBIDDEN,
            t("serve-refused-host", &[("host", host)]),
        )
        .into_response();
    }
    if let Some(origin) = headers.get(header::ORIGIN) {
        let origin = origin.to_str().unwrap_or("");
        let ok = app.hosts.iter().any(|h| origin == format!("http://{h}"));
        if !ok {
            return ApiError::new(
                StatusCode::FORBIDDEN,
                t("serve-refused-origin", &[("origin", origin)]),
            )
            .into_response();
        }
    }
    if headers
        .get("sec-fetch-site")
        .is_some_and(|v| v.as_bytes() == b"cross-site")
    {
        return ApiError::new(StatusCode::FORBIDDEN, "refused: cross-site request").into_response();
    }
    let mut res = next.run(req).await;
    let h = res.headers_mut();
    h.insert(
        header::CONTENT_SECURITY_POLICY,
        HeaderValue::from_static(
            "default-src 'self'; img-src 'self' blob: data:; style-src 'self'; \
             script-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'",
        ),
    );
    h.insert(
        header::X_CONTENT_TYPE_OPTIONS,
        HeaderValue::from_static("nosniff"),
    );
    h.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    res
}

/// The page, with the language of the server's messages (the editor's
/// default, see `web/lang.js`) in `data-messages`.
async fn index() -> Response {
    let page = INDEX_HTML.replacen(
        "<html lang=\"vi\">",
        &format!(
            "<html lang=\"vi\" data-messages=\"{}\">",
            crate::i18n::current().code()
        ),
        1,
    );
    ([(header::CONTENT_TYPE, "text/html; charset=utf-8")], page).into_response()
}

/// Answers a request in the language the editor asks for
/// (`X-Vanban-Lang: vi|en`, set by `web/lang.js`), else the server's.
async fn language(req: Request, next: Next) -> Response {
    let lang = req
        .headers()
        .get("x-vanban-lang")
        .and_then(|v| v.to_str().ok())
        .and_then(crate::i18n::Lang::parse);
    match lang {
        Some(lang) => crate::i18n::scope(lang, next.run(req)).await,
        None => next.run(req).await,
    }
}

async fn asset(body: &'static str, mime: &'static str) -> Response {
    ([(header::CONTENT_TYPE, mime)], body).into_response()
}

/// Runs blocking work (loading, laying out) off the async thread.
async fn blocking<T: Send + 'static>(
    f: impl FnOnce() -> Result<T, ApiError> + Send + 'static,
) -> Result<T, ApiError> {
    let lang = crate::i18n::current();
    tokio::task::spawn_blocking(move || crate::i18n::with_lang(lang, f))
        .await
        .map_err(ApiError::internal)?
}

/// A row of the document list: the register's fields, or the error of a
/// document that does not load (it can still be opened and fixed).
#[derive(Serialize)]
struct DocRow {
    path: String,
    so_ky_hieu: String,
    ngay: String,
    loai: String,
    trich_yeu: String,
    co_quan: String,
    trung_so: bool,
    error: Option<String>,
    /// The kind's name in Vietnamese (`công văn`).
    ten_loai: String,
    /// Every text of the document, its parents' included, for search.
    words: String,
}

/// Every string, number and date of the document at `path` with its
/// parents merged (its own text alone when they cannot be), one per line.
fn words_of(path: &Path) -> String {
    fn walk(v: &serde_yaml::Value, out: &mut Vec<String>) {
        use serde_yaml::Value as V;
        match v {
            V::String(s) => out.push(s.replace('\n', " ")),
            V::Number(n) => out.push(n.to_string()),
            V::Bool(_) | V::Null => {}
            V::Sequence(items) => items.iter().for_each(|i| walk(i, out)),
            V::Mapping(m) => m.iter().for_each(|(_, v)| walk(v, out)),
            V::Tagged(t) => walk(&t.value, out),
        }
    }
    let value = match load::merged_value(path, &mut Vec::new()) {
        Ok(v) => Some(v),
        Err(_) => load::read_text(path)
            .ok()
            .and_then(|t| load::parse_value(path, &t).ok()),
    };
    let mut out = Vec::new();
    if let Some(v) = value {
        walk(&v, &mut out);
    }
    out.join("\n")
}

/// The Vietnamese name of the kind `key`, or nothing.
fn kind_name(key: &str) -> String {
    Loai::ALL
        .iter()
        .find(|k| k.key() == key)
        .map_or_else(String::new, |k| k.info().ten_thuong.to_owned())
}

async fn list_docs(State(app): State<Arc<App>>) -> Result<Json<Vec<DocRow>>, ApiError> {
    blocking(move || {
        let files = expand_inputs(std::slice::from_ref(&app.root))?;
        let (rows, errors) = register::list(&app.root)?;
        let mut out: Vec<DocRow> = rows
            .into_iter()
            .map(|r| DocRow {
                ten_loai: kind_name(&r.loai),
                words: words_of(&r.file),
                path: app.rel(&r.file),
                so_ky_hieu: r.so_ky_hieu,
                ngay: r.ngay,
                loai: r.loai,
                trich_yeu: r.trich_yeu,
                co_quan: r.co_quan,
                trung_so: r.trung_so,
                error: None,
            })
            .collect();
        for f in files {
            let rel = app.rel(&f);
            if out.iter().any(|r| r.path == rel) {
                continue;
            }
            let message = errors
                .iter()
                .find(|e| e.to_string().contains(&*f.to_string_lossy()))
                .map_or_else(|| t("serve-cannot-load", &[]), ToString::to_string);
            out.push(DocRow {
                path: rel,
                so_ky_hieu: String::new(),
                ngay: String::new(),
                loai: String::new(),
                trich_yeu: String::new(),
                co_quan: String::new(),
                trung_so: false,
                error: Some(message),
                ten_loai: String::new(),
                words: words_of(&f),
            });
        }
        Ok(Json(out))
    })
    .await
}

async fn schema() -> Json<Value> {
    Json(commands::schema::schema())
}

async fn kinds() -> Json<Value> {
    let kinds: Vec<Value> = Loai::ALL
        .iter()
        .map(|k| json!({ "key": k.key(), "name": k.info().ten_thuong }))
        .collect();
    Json(Value::Array(kinds))
}

#[derive(Deserialize)]
struct WordsQuery {
    lang: Option<String>,
}

/// The page's own words (`web-*` messages) as written, in the language of
/// `?lang=` (the choice in the browser, else Vietnamese: see `web/words.js`).
async fn words(Query(q): Query<WordsQuery>) -> Json<Value> {
    let lang = q
        .lang
        .as_deref()
        .and_then(crate::i18n::Lang::parse)
        .unwrap_or_else(crate::i18n::current);
    let map: serde_json::Map<String, Value> = crate::i18n::patterns(lang, "web-")
        .into_iter()
        .map(|(id, text)| (id, Value::String(text)))
        .collect();
    Json(Value::Object(map))
}

/// The top-level keys in the model's order, and the form's fields in it.
async fn keys() -> Json<Value> {
    Json(json!({ "order": crate::model::keys(), "form": form_keys() }))
}

/// A token naming one version of a file's contents.
pub fn version(bytes: &[u8]) -> String {
    Sha256::digest(bytes)
        .iter()
        .take(12)
        .map(|b| format!("{b:02x}"))
        .collect()
}

#[derive(Deserialize)]
struct PathQuery {
    path: String,
}

async fn read_doc(
    State(app): State<Arc<App>>,
    Query(q): Query<PathQuery>,
) -> Result<Json<Value>, ApiError> {
    let path = app.existing(&q.path)?;
    let text = load::read_text(&path)?;
    Ok(Json(json!({
        "path": app.rel(&path),
        "text": text,
        "version": version(text.as_bytes()),
    })))
}

#[derive(Deserialize)]
struct TextBody {
    path: String,
    text: String,
}

/// A diagnostic for the page: where (in the edited text, when known) and
/// what.
#[derive(Debug, Serialize)]
pub struct Diagnostic {
    /// `error` or `warning`.
    pub severity: Severity,
    /// What the message says, whatever its wording.
    pub id: Option<MessageId>,
    /// 1-based line in the edited text, if the problem is there.
    pub line: Option<usize>,
    /// 1-based column (characters).
    pub column: Option<usize>,
    /// What is wrong.
    pub message: String,
    /// A suggestion.
    pub help: Option<String>,
    /// Other places that explain it (where Typst met the text in the
    /// generated source).
    pub related: Vec<Related>,
    /// The full report, as the command line prints it.
    pub rendered: String,
}

impl Diagnostic {
    /// The page's form of one of our diagnostics; placed only when it is in
    /// the edited file `path`.
    fn of(path: &Path, d: &diag::Diagnostic) -> Self {
        let here = d.path == path && d.line > 0;
        // Elsewhere (a parent, the layout): the message names the place.
        let (message, help) = if here {
            (d.message.to_string(), d.help().map(ToString::to_string))
        } else {
            let mut m = format!(
                "{}:{}:{}: {}",
                d.path.display(),
                d.line,
                d.column,
                d.message
            );
            if let Some(h) = d.help() {
                m.push_str(&format!(" ({h})"));
            }
            (m, None)
        };
        Diagnostic {
            severity: d.severity,
            id: Some(d.message.id),
            line: here.then_some(d.line),
            column: here.then_some(d.column),
            message,
            help,
            related: d.related.clone(),
            rendered: d.render(false),
        }
    }
}

/// The diagnostics of an error met while loading or laying out the text of
/// `path`: those in that text first (a Typst error traced back to the YAML
/// is placed at its line and column).
pub fn diagnostics(path: &Path, e: &Error) -> Vec<Diagnostic> {
    let mut all: Vec<Diagnostic> = e
        .diagnostics()
        .iter()
        .filter(|d| d.severity == diag::Severity::Error)
        .map(|d| Diagnostic::of(path, d))
        .collect();
    all.sort_by_key(|d| d.line.is_none());
    if all.is_empty() {
        all.push(Diagnostic {
            severity: diag::Severity::Error,
            id: None,
            line: None,
            column: None,
            message: e.to_string(),
            help: None,
            related: Vec::new(),
            rendered: e.render(false),
        });
    }
    all
}

/// The first diagnostic of an error met while loading or laying out the
/// text of `path`.
pub fn diagnostic(path: &Path, e: &Error) -> Diagnostic {
    let mut all = diagnostics(path, e);
    // The full report of every diagnostic, as the command line prints it.
    all[0].rendered = e.render(false);
    all.swap_remove(0)
}

/// The model's warnings for a loaded document, placed at their key's line,
/// and the plausible mistakes of its text at their line and column.
fn warnings(doc: &Loaded) -> Vec<Diagnostic> {
    doc.doc
        .warnings()
        .iter()
        .map(|w| Diagnostic::of(&doc.path, &diag::warning(&doc.path, &doc.text, w)))
        .chain(
            crate::lints::of(doc)
                .iter()
                .map(|d| Diagnostic::of(&doc.path, d)),
        )
        .collect()
}

/// Threads for loading and layout (previews, lists, PDFs) at once.
const MAX_BUSY: usize = 8;

#[derive(Deserialize)]
struct SaveBody {
    path: String,
    text: String,
    /// The version the page opened (or last saved).
    version: String,
    /// Overwrite even if the file changed on disk.
    #[serde(default)]
    force: bool,
}

async fn save(
    State(app): State<Arc<App>>,
    Json(body): Json<SaveBody>,
) -> Result<Json<Value>, ApiError> {
    let path = app.existing(&body.path)?;
    let on_disk = std::fs::read(&path).map_err(|e| Error::io(&path, e))?;
    let current = version(&on_disk);
    if current != body.version && !body.force {
        return Err(ApiError {
            status: StatusCode::CONFLICT,
            body: json!({
                "error": t("serve-changed-on-disk", &[("path", &body.path)]),
                "version": current,
            }),
        });
    }
    if body.text.len() as u64 > load::MAX_BYTES {
        return Err(ApiError::new(
            StatusCode::PAYLOAD_TOO_LARGE,
            t("serve-too-large", &[]),
        ));
    }
    let rel = app.rel(&path);
    if on_disk != body.text.as_bytes() {
        app.keep_backup(&path, &rel, &on_disk)?;
    }
    output::write_atomic(&path, body.text.as_bytes())?;
    app.drop_draft(&rel);
    Ok(Json(json!({ "version": version(body.text.as_bytes()) })))
}

async fn pdf(
    State(app): State<Arc<App>>,
    Json(body): Json<TextBody>,
) -> Result<Response, ApiError> {
    let path = app.existing(&body.path)?;
    blocking(move || {
        let doc = load::check_text(&path, body.text).map_err(|e| diagnostic_error(&path, &e))?;
        let built = app
            .builder
            .layout(&doc)
            .map_err(|e| diagnostic_error(&path, &[e]))?;
        let bytes = app.builder.pdf(&doc, &built, false)?;
        Ok(attachment(
            &format!("{}.pdf", doc.stem()),
            "application/pdf",
            bytes,
        ))
    })
    .await
}

/// The Word file of the edited text (laid out first, so that the errors
/// are those of the PDF).
async fn docx(
    State(app): State<Arc<App>>,
    Json(body): Json<TextBody>,
) -> Result<Response, ApiError> {
    let path = app.existing(&body.path)?;
    blocking(move || {
        let doc = load::check_text(&path, body.text).map_err(|e| diagnostic_error(&path, &e))?;
        app.builder
            .layout(&doc)
            .map_err(|e| diagnostic_error(&path, &[e]))?;
        let created = crate::docx::created(&doc.doc, app.builder.source_date_epoch);
        let bytes = crate::docx::docx(&doc, &created).map_err(|e| diagnostic_error(&path, &[e]))?;
        Ok(attachment(
            &format!("{}.docx", doc.stem()),
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
            bytes,
        ))
    })
    .await
}

/// A download: the bytes with their type and an ASCII file name.
fn attachment(name: &str, mime: &'static str, bytes: Vec<u8>) -> Response {
    let disposition = format!(
        "attachment; filename=\"{}\"",
        name.replace(
            |c: char| !c.is_ascii_alphanumeric() && c != '.' && c != '-',
            "_"
        )
    );
    let mut headers = HeaderMap::new();
    headers.insert(header::CONTENT_TYPE, HeaderValue::from_static(mime));
    if let Ok(v) = HeaderValue::from_str(&disposition) {
        headers.insert(header::CONTENT_DISPOSITION, v);
    }
    (headers, bytes).into_response()
}

fn diagnostic_error(path: &Path, errors: &[Error]) -> ApiError {
    let diagnostics: Vec<Diagnostic> = errors.iter().map(|e| diagnostic(path, e)).collect();
    ApiError {
        status: StatusCode::UNPROCESSABLE_ENTITY,
        body: json!({
            "error": errors.first().map(ToString::to_string).unwrap_or_default(),
            "diagnostics": diagnostics,
        }),
    }
}

#[derive(Deserialize)]
struct CapSoBody {
    /// The saved document to number.
    path: String,
    /// The version the editor has: a file changed on disk since is not
    /// numbered.
    version: String,
}

/// Issues the next number of a saved document ([`crate::register::issue`]):
/// the YAML gets `so:` and `ngay:`, the register its row, the folder the PDF.
async fn cap_so(
    State(app): State<Arc<App>>,
    Json(body): Json<CapSoBody>,
) -> Result<Json<Value>, ApiError> {
    let path = app.existing(&body.path)?;
    let on_disk = std::fs::read(&path).map_err(|e| Error::io(&path, e))?;
    if version(&on_disk) != body.version {
        return Err(ApiError::new(
            StatusCode::CONFLICT,
            t("serve-cap-so-changed", &[("path", &body.path)]),
        ));
    }
    blocking(move || {
        let opts = crate::register::issue::IssueOptions::default();
        let done = crate::register::issue::issue(&app.builder, &path, &opts)
            .map_err(|e| diagnostic_error(&path, &[e]))?;
        let r = &done.record;
        Ok(Json(json!({
            "so_ky_hieu": r.so_ky_hieu(),
            "ngay": r.date_vn(),
            "message": crate::register::msg::issued(
                Path::new(&body.path),
                &r.so_ky_hieu(),
                &r.date_vn(),
                r.series == crate::register::db::Series::Secret,
            ),
        })))
    })
    .await
}

#[derive(Deserialize)]
struct FormBody {
    text: String,
    /// A top-level key to set (or remove, when the value is empty).
    key: Option<String>,
    #[serde(default)]
    value: Value,
    /// The document the text is of: its parent's values are given as
    /// `inherited`.
    path: Option<String>,
}

async fn form_fields(
    State(app): State<Arc<App>>,
    Json(body): Json<FormBody>,
) -> Result<Json<Value>, ApiError> {
    let text = match &body.key {
        Some(k) => match k.strip_prefix("moi.") {
            Some(point) => points::set_point(&body.text, point, &body.value),
            None => set_field(&body.text, k, &body.value),
        }
        .map_err(ApiError::bad)?,
        None => body.text,
    };
    let fields = fields(&text);
    // A giấy mời's time, place and participants.
    let moi = serde_yaml::from_str::<serde_yaml::Value>(&text)
        .ok()
        .and_then(|v| points::points(&v));
    let inherited = match &body.path {
        Some(p) => {
            let path = app.existing(p)?;
            let text = text.clone();
            blocking(move || Ok(app.inherited(&path, &text))).await?
        }
        None => Value::Null,
    };
    Ok(Json(
        json!({ "text": text, "fields": fields, "inherited": inherited, "moi": moi }),
    ))
}

impl App {
    /// What the document at `path` with `text` inherits: the form fields of
    /// its parent (`extends`, parents merged) and the parent's path
    /// relative to the folder, as `{ "from", "fields" }`; null when it has
    /// no parent or the parent cannot be read.
    fn inherited(&self, path: &Path, text: &str) -> Value {
        let Ok(own) = serde_yaml::from_str::<serde_yaml::Value>(text) else {
            return Value::Null;
        };
        let Some(parent) = own.get("extends").and_then(serde_yaml::Value::as_str) else {
            return Value::Null;
        };
        let Ok(parent) = load::resolve_ref(path, parent) else {
            return Value::Null;
        };
        match load::merged_value(&parent, &mut Vec::new()) {
            Ok(v) => json!({ "from": self.rel(&parent), "fields": fields_of(&v) }),
            Err(_) => Value::Null,
        }
    }
}

#[derive(Deserialize)]
struct NewBody {
    /// Kind key (`cong_van`, …).
    loai: String,
    /// The file to create, relative to the folder.
    path: String,
}

async fn new_doc(
    State(app): State<Arc<App>>,
    Json(body): Json<NewBody>,
) -> Result<Json<Value>, ApiError> {
    let target = app.fresh(&body.path)?;
    use chrono::Datelike;
    let year = chrono::Local::now().year();
    let text = starter(&body.loai, year)
        .ok_or_else(|| ApiError::bad(t("serve-unknown-kind", &[("kind", &body.loai)])))?;
    commands::new::create(&target, &text)?;
    Ok(Json(json!({ "path": app.rel(&target) })))
}

#[derive(Deserialize)]
struct EvolveBody {
    /// The document to start from.
    path: String,
    /// The file to create.
    out: String,
    /// The new year (next year's draft; default: the document's year + 1).
    year: Option<i32>,
}

async fn next_year(
    State(app): State<Arc<App>>,
    Json(body): Json<EvolveBody>,
) -> Result<Json<Value>, ApiError> {
    let from = app.existing(&body.path)?;
    let target = app.fresh(&body.out)?;
    blocking(move || {
        let doc = load::load(&from)?;
        let rolled = commands::new::next_year(&doc, body.year)
            .ok_or_else(|| ApiError::bad(t("serve-no-year", &[])))?;
        let text = commands::new::moved(&rolled.text, &from, &target);
        commands::new::create(&target, &text)?;
        // What changed and what to check, as `vanban new` prints it.
        let rel = app.rel(&target);
        let summary = rolled.report(&rel).lines().next().unwrap_or("").to_owned();
        Ok(Json(json!({
            "path": rel,
            "summary": summary,
            "report": rolled.items(&rel),
        })))
    })
    .await
}

async fn derive(
    State(app): State<Arc<App>>,
    Json(body): Json<EvolveBody>,
) -> Result<Json<Value>, ApiError> {
    let parent = app.existing(&body.path)?;
    let target = app.fresh(&body.out)?;
    blocking(move || {
        commands::derive::write(&parent, &target)?;
        Ok(Json(json!({ "path": app.rel(&target) })))
    })
    .await
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn typst_errors_traced_to_the_yaml_are_placed_in_the_editor() {
        let path = Path::new("/p/kh.yaml");
        let text = "loai: ke_hoach\ntrich_yeu: Giá \\#1\n";
        let traced =
            diag::typst_in_yaml([(path, text)], r"[Giá \\\#1]", "unexpected", &[], 12, None)
                .unwrap();
        let e = Error::Typst(vec![traced]);
        let json = serde_json::to_value(diagnostic(path, &e)).unwrap();
        assert_eq!(
            (json["line"].as_u64(), json["column"].as_u64()),
            (Some(2), Some(12))
        );
        assert_eq!(json["severity"], "error");
        assert_eq!(json["id"], "layout-failed-on-value");
        assert_eq!(json["related"][0]["line"], 12);
        assert!(
            json["message"].as_str().unwrap().contains("unexpected"),
            "{json}"
        );
        // The same error seen from another file is not placed in its text.
        let other = diagnostic(Path::new("/p/khac.yaml"), &e);
        assert_eq!(other.line, None);
        assert!(
            other.message.starts_with("/p/kh.yaml:2:12: "),
            "{}",
            other.message
        );
    }

    #[test]
    fn api_paths_stay_relative() {
        assert!(check_relative("a/b.yaml").is_ok());
        for bad in ["../x.yaml", "/etc/x.yaml", "a/../../x.yaml", ""] {
            assert_eq!(
                check_relative(bad).unwrap_err().status,
                StatusCode::FORBIDDEN,
                "{bad}"
            );
        }
        assert_eq!(
            check_relative("a/b.txt").unwrap_err().status,
            StatusCode::BAD_REQUEST
        );
    }

    #[test]
    fn every_kind_has_a_starter_that_loads() {
        for k in Loai::ALL {
            let text = starter(&k.key(), 2031).unwrap_or_else(|| panic!("{}", k.key()));
            let doc = load::parse(Path::new("x.yaml"), &text).unwrap();
            assert_eq!(doc.loai, k);
            assert!(doc.so.is_none(), "{}", k.key());
            assert_eq!(doc.ngay.map(|n| n.nam), Some(2031), "{}", k.key());
        }
    }
}
