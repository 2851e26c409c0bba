//! Saving safely: the page's unsaved text is kept as a draft (nháp) beside
//! the document, offered back when the document is opened again after a
//! browser crashed or was closed; every save keeps the previous version
//! as a backup (sao lưu, the last [`BACKUPS`] versions) the page can open.
//!
//! Both live under the hidden folder [`SIDE`] of the served folder, named
//! after the document's path with an extension other than `.yaml`: `build
//! DIR`, `list` and the editor's list skip hidden folders, so a draft or a
//! backup is never taken for a document.

use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::UNIX_EPOCH;

use axum::extract::{Query, State};
use axum::http::StatusCode;
use axum::routing::{get, post};
use axum::{Json, Router};
use serde::Deserialize;
use serde_json::{json, Value};

use super::{ApiError, App, PathQuery};
use crate::diag::Error;
use crate::i18n::t;
use crate::{load, output};

/// The folder of drafts and backups, under the served folder.
pub const SIDE: &str = ".vanban";
/// How many previous versions of a document are kept.
pub const BACKUPS: usize = 3;

impl App {
    /// The side file `kind/<rel>.ext` under [`SIDE`]; refused when the
    /// side folder is a link (it could lead out of the served folder).
    fn side(&self, kind: &str, rel: &str, ext: &str) -> Result<PathBuf, ApiError> {
        let side = self.root.join(SIDE);
        if side.symlink_metadata().is_ok_and(|m| !m.is_dir()) {
            return Err(ApiError::new(
                StatusCode::CONFLICT,
                t("serve-side-unusable", &[("path", SIDE)]),
            ));
        }
        Ok(side.join(kind).join(format!("{rel}.{ext}")))
    }

    fn draft_of(&self, rel: &str) -> Result<PathBuf, ApiError> {
        self.side("nhap", rel, "nhap")
    }

    fn backup_of(&self, rel: &str, n: usize) -> Result<PathBuf, ApiError> {
        self.side("sao-luu", rel, &n.to_string())
    }

    /// Before a save over the document `path` (`rel` in the folder) whose
    /// bytes are `old`: `old` becomes backup 1, dated as the document was,
    /// the older ones move down, the oldest goes.
    pub(super) fn keep_backup(&self, path: &Path, rel: &str, old: &[u8]) -> Result<(), ApiError> {
        let saved = std::fs::metadata(path).and_then(|m| m.modified()).ok();
        for n in (1..BACKUPS).rev() {
            let from = self.backup_of(rel, n)?;
            if from.is_file() {
                let to = self.backup_of(rel, n + 1)?;
                std::fs::rename(&from, &to).map_err(|e| Error::io(&to, e))?;
            }
        }
        let first = self.backup_of(rel, 1)?;
        write(&first, old)?;
        if let Some(time) = saved {
            let _ = std::fs::File::options()
                .write(true)
                .open(&first)
                .and_then(|f| f.set_modified(time));
        }
        Ok(())
    }

    /// After a save: the draft is no longer needed.
    pub(super) fn drop_draft(&self, rel: &str) {
        if let Ok(p) = self.draft_of(rel) {
            let _ = std::fs::remove_file(p);
        }
    }
}

/// Writes `bytes` atomically, making the folders it needs.
fn write(path: &Path, bytes: &[u8]) -> Result<(), ApiError> {
    if let Some(dir) = path.parent() {
        std::fs::create_dir_all(dir).map_err(|e| Error::io(dir, e))?;
    }
    output::write_atomic(path, bytes)?;
    Ok(())
}

/// When the file was last written, in milliseconds since 1970.
fn time_of(path: &Path) -> Option<u128> {
    let m = std::fs::metadata(path).ok()?.modified().ok()?;
    Some(m.duration_since(UNIX_EPOCH).ok()?.as_millis())
}

#[derive(Deserialize)]
struct DraftBody {
    path: String,
    text: String,
}

/// `POST /api/draft {path, text}`: keeps the unsaved text.
async fn put_draft(
    State(app): State<Arc<App>>,
    Json(body): Json<DraftBody>,
) -> Result<Json<Value>, ApiError> {
    let path = app.existing(&body.path)?;
    if body.text.len() as u64 > load::MAX_BYTES {
        return Err(ApiError::new(
            StatusCode::PAYLOAD_TOO_LARGE,
            t("serve-too-large", &[]),
        ));
    }
    write(&app.draft_of(&app.rel(&path))?, body.text.as_bytes())?;
    Ok(Json(json!({})))
}

/// `GET /api/draft?path=`: the draft of the document, `{text, time}`, or
/// `{text: null}`.
async fn get_draft(
    State(app): State<Arc<App>>,
    Query(q): Query<PathQuery>,
) -> Result<Json<Value>, ApiError> {
    let path = app.existing(&q.path)?;
    let draft = app.draft_of(&app.rel(&path))?;
    Ok(Json(match std::fs::read_to_string(&draft) {
        Ok(text) => json!({ "text": text, "time": time_of(&draft) }),
        Err(_) => json!({ "text": null }),
    }))
}

#[derive(Deserialize)]
struct PathBody {
    path: String,
}

/// `POST /api/draft/discard {path}`: forgets the draft.
async fn discard_draft(
    State(app): State<Arc<App>>,
    Json(body): Json<PathBody>,
) -> Result<Json<Value>, ApiError> {
    let path = app.existing(&body.path)?;
    app.drop_draft(&app.rel(&path));
    Ok(Json(json!({})))
}

/// `GET /api/backups?path=`: the kept versions, newest first, as
/// `[{n, time, bytes}]`.
async fn list_backups(
    State(app): State<Arc<App>>,
    Query(q): Query<PathQuery>,
) -> Result<Json<Value>, ApiError> {
    let path = app.existing(&q.path)?;
    let rel = app.rel(&path);
    let mut out = Vec::new();
    for n in 1..=BACKUPS {
        let b = app.backup_of(&rel, n)?;
        if let Ok(m) = std::fs::metadata(&b) {
            out.push(json!({ "n": n, "time": time_of(&b), "bytes": m.len() }));
        }
    }
    Ok(Json(Value::Array(out)))
}

#[derive(Deserialize)]
struct BackupQuery {
    path: String,
    n: usize,
}

/// `GET /api/backup?path=&n=`: the text of kept version `n`.
async fn get_backup(
    State(app): State<Arc<App>>,
    Query(q): Query<BackupQuery>,
) -> Result<Json<Value>, ApiError> {
    let path = app.existing(&q.path)?;
    let b = app.backup_of(&app.rel(&path), q.n.clamp(1, BACKUPS))?;
    let text = std::fs::read_to_string(&b).map_err(|_| {
        ApiError::new(
            StatusCode::NOT_FOUND,
            t("serve-no-backup", &[("path", &q.path)]),
        )
    })?;
    Ok(Json(json!({ "text": text })))
}

/// The routes of drafts and backups.
pub fn routes() -> Router<Arc<App>> {
    Router::new()
        .route("/api/draft", get(get_draft).post(put_draft))
        .route("/api/draft/discard", post(discard_draft))
        .route("/api/backups", get(list_backups))
        .route("/api/backup", get(get_backup))
}
