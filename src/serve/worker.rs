//! Previews run in a child process of the same binary (`vanban
//! __preview-worker`, not a command users see), one at a time, so that a
//! preview over its limits can be stopped for good: the child's memory is
//! capped (`RLIMIT_DATA`, [`PREVIEW_MEMORY`]) and the server kills it when
//! a preview takes longer than [`PREVIEW_TIMEOUT`]; the next preview starts
//! a new child. The child lives on between previews, so that Typst's
//! memoized layout carries over from one keystroke to the next, and keeps
//! the laid-out pages whose pictures the page asks for.
//!
//! Protocol: one JSON line per request on the child's standard input, one
//! JSON line per answer on its standard output. The first line configures
//! the child (folder, fonts, layouts).

use std::io::{BufRead, BufReader, Write};
use std::path::{Path, PathBuf};
use std::process::{Child, ChildStdin, ChildStdout, Command, Stdio};
use std::sync::atomic::{AtomicU32, Ordering};
use std::sync::Mutex;
use std::time::Duration;

use axum::http::StatusCode;
use serde::{Deserialize, Serialize};
use serde_json::Value;

use super::preview::{preview_text, PageCache};
use super::ApiError;
use crate::i18n::t;
use crate::world::Engine;
use crate::Builder;

/// The first argument that makes `vanban` a preview worker.
pub const WORKER_ARG: &str = "__preview-worker";

/// Longest a preview may take before the page gets an error and the
/// preview is stopped (`VANBAN_PREVIEW_TIMEOUT_MS` changes it, for tests).
pub const PREVIEW_TIMEOUT: Duration = Duration::from_secs(30);

/// Most memory (heap and other private data) a preview's process may use
/// (`VANBAN_PREVIEW_MEMORY_MB` changes it, for tests).
pub const PREVIEW_MEMORY: u64 = 1 << 30;

fn memory() -> u64 {
    std::env::var("VANBAN_PREVIEW_MEMORY_MB")
        .ok()
        .and_then(|v| v.parse::<u64>().ok())
        .map_or(PREVIEW_MEMORY, |mb| mb << 20)
}

fn timeout() -> Duration {
    std::env::var("VANBAN_PREVIEW_TIMEOUT_MS")
        .ok()
        .and_then(|v| v.parse().ok())
        .map_or(PREVIEW_TIMEOUT, Duration::from_millis)
}

/// How the child is set up: what the server was started with.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Setup {
    pub root: PathBuf,
    pub font_path: Vec<PathBuf>,
    pub font: Option<String>,
    pub layouts: Option<PathBuf>,
    /// The language of messages: `vi` or `en`.
    pub lang: String,
}

#[derive(Serialize, Deserialize)]
#[serde(tag = "op", rename_all = "lowercase")]
enum Request {
    Preview {
        path: PathBuf,
        text: String,
        /// The language the page asked for (its messages).
        lang: String,
    },
    Svg {
        hash: String,
    },
    Marks {
        version: String,
    },
}

struct Running {
    child: Child,
    stdin: ChildStdin,
    stdout: BufReader<ChildStdout>,
}

/// The server's side: the child, started when first needed.
pub struct Worker {
    setup: Setup,
    running: Mutex<Option<Running>>,
    /// The running child's process id (0: none), to kill it from outside
    /// the lock while it works.
    pid: AtomicU32,
}

/// Why a request to the child failed.
enum Failed {
    /// Killed after [`PREVIEW_TIMEOUT`].
    Slow,
    /// Died (out of memory, a crash) or could not be started.
    Died(String),
}

impl Worker {
    pub fn new(setup: Setup) -> Self {
        Self {
            setup,
            running: Mutex::new(None),
            pid: AtomicU32::new(0),
        }
    }

    fn start(&self) -> Result<Running, String> {
        let exe = std::env::current_exe().map_err(|e| e.to_string())?;
        let mut child = Command::new(exe)
            .arg(WORKER_ARG)
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::inherit())
            .spawn()
            .map_err(|e| e.to_string())?;
        let mut stdin = child.stdin.take().ok_or("no stdin")?;
        let stdout = BufReader::new(child.stdout.take().ok_or("no stdout")?);
        let setup = serde_json::to_string(&self.setup).map_err(|e| e.to_string())?;
        writeln!(stdin, "{setup}").map_err(|e| e.to_string())?;
        Ok(Running {
            child,
            stdin,
            stdout,
        })
    }

    /// Sends `req` and reads the answer; the child is started if there is
    /// none, and dropped when it fails.
    fn ask(&self, req: &Request) -> Result<Value, Failed> {
        let mut slot = self.running.lock().unwrap_or_else(|e| e.into_inner());
        if slot.is_none() {
            let r = self.start().map_err(Failed::Died)?;
            self.pid.store(r.child.id(), Ordering::SeqCst);
            *slot = Some(r);
        }
        let r = slot.as_mut().expect("started");
        let line = serde_json::to_string(req).map_err(|e| Failed::Died(e.to_string()))?;
        let mut answer = String::new();
        let sent = writeln!(r.stdin, "{line}").and_then(|_| r.stdin.flush());
        let read = sent.and_then(|_| r.stdout.read_line(&mut answer));
        match read {
            Ok(n) if n > 0 => {
                serde_json::from_str(&answer).map_err(|e| Failed::Died(e.to_string()))
            }
            other => {
                // Gone: killed for its time, or dead of its memory limit.
                let mut r = slot.take().expect("running");
                let killed = self.pid.swap(0, Ordering::SeqCst) == 0;
                let _ = r.child.kill();
                let status = r.child.wait();
                if killed {
                    return Err(Failed::Slow);
                }
                Err(Failed::Died(match (other, status) {
                    (Err(e), _) => e.to_string(),
                    (_, Ok(s)) => s.to_string(),
                    (_, Err(e)) => e.to_string(),
                }))
            }
        }
    }

    /// Kills the child now (a preview over its time).
    fn kill(&self) {
        let pid = self.pid.swap(0, Ordering::SeqCst);
        if pid != 0 {
            // SAFETY: a plain kill(2) of our own child, which is only
            // reaped (its pid freed) under the lock after it is swapped out.
            #[cfg(unix)]
            unsafe {
                libc::kill(pid as libc::pid_t, libc::SIGKILL);
            }
        }
    }

    async fn request(self: &std::sync::Arc<Self>, req: Request) -> Result<Value, ApiError> {
        let me = self.clone();
        let work = tokio::task::spawn_blocking(move || me.ask(&req));
        let limit = timeout();
        let answer = match tokio::time::timeout(limit, work).await {
            Ok(joined) => joined.map_err(ApiError::internal)?,
            Err(_) => {
                self.kill();
                Err(Failed::Slow)
            }
        };
        answer.map_err(|f| match f {
            Failed::Slow => ApiError::new(
                StatusCode::SERVICE_UNAVAILABLE,
                t(
                    "serve-preview-too-slow",
                    &[("seconds", &format!("{}", limit.as_secs_f64()))],
                ),
            ),
            Failed::Died(reason) => ApiError::new(
                StatusCode::SERVICE_UNAVAILABLE,
                t(
                    "serve-preview-stopped",
                    &[("mb", &(memory() >> 20).to_string()), ("reason", &reason)],
                ),
            ),
        })
    }

    /// The preview of `text` as the contents of `path`, as JSON.
    pub async fn preview(
        self: &std::sync::Arc<Self>,
        path: PathBuf,
        text: String,
    ) -> Result<Value, ApiError> {
        let lang = crate::i18n::current().code().to_owned();
        self.request(Request::Preview { path, text, lang }).await
    }

    /// Where the values of the last preview's text are on its pages.
    pub async fn marks(self: &std::sync::Arc<Self>, version: String) -> Result<Value, ApiError> {
        let v = self.request(Request::Marks { version }).await?;
        if v.is_null() {
            return Err(ApiError::new(
                StatusCode::NOT_FOUND,
                "another text was laid out since",
            ));
        }
        Ok(v)
    }

    /// The SVG of a page of a recent preview.
    pub async fn svg(self: &std::sync::Arc<Self>, hash: String) -> Result<String, ApiError> {
        let v = self.request(Request::Svg { hash }).await?;
        v.as_str()
            .map(str::to_owned)
            .ok_or_else(|| ApiError::new(StatusCode::NOT_FOUND, "page no longer kept"))
    }
}

impl Drop for Worker {
    fn drop(&mut self) {
        if let Some(mut r) = self.running.get_mut().ok().and_then(Option::take) {
            let _ = r.child.kill();
            let _ = r.child.wait();
        }
    }
}

/// Caps the memory this process may use.
#[cfg(unix)]
fn limit_memory(bytes: u64) {
    let lim = libc::rlimit {
        rlim_cur: bytes as libc::rlim_t,
        rlim_max: bytes as libc::rlim_t,
    };
    // SAFETY: setrlimit with a valid struct; failure only leaves no cap.
    unsafe {
        libc::setrlimit(libc::RLIMIT_DATA, &lim);
    }
}

#[cfg(not(unix))]
fn limit_memory(_bytes: u64) {}

/// The child's side: reads the setup, then answers requests until its
/// input closes (the server stopped).
pub fn run_worker() -> std::process::ExitCode {
    // Layout recurses deeply: the batch's big stack.
    let work = std::thread::Builder::new()
        .stack_size(crate::commands::batch::WORKER_STACK)
        .spawn(work);
    match work.map(|w| w.join()) {
        Ok(Ok(true)) => std::process::ExitCode::SUCCESS,
        _ => std::process::ExitCode::FAILURE,
    }
}

fn work() -> bool {
    let stdin = std::io::stdin();
    let mut lines = stdin.lock().lines();
    let Some(Ok(first)) = lines.next() else {
        return false;
    };
    let Ok(setup) = serde_json::from_str::<Setup>(&first) else {
        return false;
    };
    crate::i18n::set(crate::i18n::Lang::parse(&setup.lang).unwrap_or_default());
    limit_memory(memory());
    if crate::assets::use_layouts(setup.layouts.as_deref()).is_err() {
        return false;
    }
    let Ok(engine) = Engine::new(&setup.font_path, setup.font.as_deref()) else {
        return false;
    };
    crate::load::declare_project(&setup.root);
    serve_requests(&engine, lines);
    true
}

fn serve_requests(engine: &Engine, lines: impl Iterator<Item = std::io::Result<String>>) {
    let builder = Builder::new(engine);
    let pages = PageCache::default();
    // The last text laid out: its version, the text and its pages.
    let mut last: Option<(String, String, Vec<typst_layout::Page>)> = None;
    let mut out = std::io::stdout().lock();
    for line in lines {
        let Ok(line) = line else { return };
        let answer = match serde_json::from_str::<Request>(&line) {
            Ok(Request::Preview { path, text, lang }) => {
                let lang = crate::i18n::Lang::parse(&lang).unwrap_or_else(crate::i18n::current);
                let p = crate::i18n::with_lang(lang, || {
                    preview_text(&builder, Path::new(&path), text.clone())
                });
                for page in &p.pages {
                    if let Some(laid) = &page.page {
                        pages.keep(&page.hash, laid.clone());
                    }
                }
                if p.ok {
                    let laid = p.pages.iter().filter_map(|pg| pg.page.clone()).collect();
                    last = Some((p.version.clone(), text, laid));
                }
                serde_json::to_value(&p).unwrap_or(Value::Null)
            }
            Ok(Request::Marks { version }) => match &last {
                Some((v, text, laid)) if *v == version => {
                    let values = super::marks::Values::of(text);
                    let marks: Vec<_> = laid
                        .iter()
                        .map(|pg| super::marks::of_page(&pg.frame, &values))
                        .collect();
                    serde_json::json!({ "version": version, "pages": marks })
                }
                _ => Value::Null,
            },
            Ok(Request::Svg { hash }) => pages
                .svg(&hash)
                .map_or(Value::Null, |s| Value::String(s.to_string())),
            Err(_) => Value::Null,
        };
        if writeln!(out, "{answer}").and_then(|_| out.flush()).is_err() {
            return;
        }
    }
}
