// vanban serve: saving safely. The unsaved text is kept on the server as a
// draft a second after each change (a crashed or closed browser loses
// nothing) and offered back when the document is opened again; every save
// keeps the previous version, which "Bản trước" opens.

import { t, wordsLang } from "/assets/words.js";

const DRAFT_DELAY_MS = 1000;

function el(tag, props = {}, ...children) {
  const e = document.createElement(tag);
  Object.assign(e, props);
  e.append(...children);
  return e;
}

function when(ms) {
  return ms ? new Date(ms).toLocaleString(wordsLang === "en" ? "en-GB" : "vi-VN") : "";
}

export class Drafts {
  // hooks: { api, path(), text(), saved(), setText(text), status(msg) }
  constructor(hooks) {
    this.hooks = hooks;
    this.timer = null;
    this.kept = false;
    this.banner = el("div", { id: "draft", className: "banner", hidden: true });
    this.banner.setAttribute("role", "alert");
    this.said = el("span");
    const restore = el("button", { type: "button", id: "btn-draft-restore" }, t("web-draft-restore"));
    const drop = el("button", { type: "button", id: "btn-draft-discard" }, t("web-draft-discard"));
    restore.addEventListener("click", () => this.restore());
    drop.addEventListener("click", () => this.discard());
    this.banner.append(this.said, restore, drop);
    const conflict = document.getElementById("conflict");
    conflict.after(this.banner);

    this.button = el("button", {
      type: "button", id: "btn-backups", disabled: true,
      title: t("web-backups-title"),
    }, t("web-backups"));
    this.button.addEventListener("click", () => this.backups());
    document.getElementById("btn-pdf").before(this.button);

    this.dialog = el("dialog", { id: "backups-dialog" });
    this.list = el("ul", { id: "backup-list", className: "backup-list" });
    const cancel = el("button", { type: "button", id: "backups-cancel" }, t("web-close"));
    cancel.addEventListener("click", () => this.dialog.close());
    this.dialog.append(
      el("h2", {}, t("web-backups-head")),
      el("p", { className: "hint" }, t("web-backups-hint")),
      this.list,
      el("menu", {}, cancel),
    );
    document.body.append(this.dialog);
  }

  // The text changed: keep it as a draft soon (or forget the draft when
  // it is the saved text again).
  changed() {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => this.keep(), DRAFT_DELAY_MS);
  }

  keep() {
    this.pending = this.write();
    return this.pending;
  }

  // A save is about to go: no draft written from now on may land after it
  // (the server drops the draft when it saves).
  async saving() {
    clearTimeout(this.timer);
    await this.pending;
  }

  async write() {
    const { api, path, text, saved } = this.hooks;
    if (!path()) return;
    try {
      if (text() !== saved()) {
        await api("/api/draft", { path: path(), text: text() });
        this.kept = true;
      } else if (this.kept) {
        await api("/api/draft/discard", { path: path() });
        this.kept = false;
      }
    } catch (e) {
      this.hooks.status(t("web-draft-failed", { reason: e.message }));
    }
  }

  // Saved: the server dropped the draft.
  saved() {
    clearTimeout(this.timer);
    this.kept = false;
    this.banner.hidden = true;
  }

  // A document was opened with `text` on disk: offer its draft, if any.
  async opened(path, text) {
    clearTimeout(this.timer);
    this.kept = false;
    this.banner.hidden = true;
    this.button.disabled = !path;
    this.draft = null;
    try {
      const d = await this.hooks.api("/api/draft?path=" + encodeURIComponent(path));
      if (d.text === null || d.text === undefined) return;
      if (d.text === text) {
        await this.hooks.api("/api/draft/discard", { path });
        return;
      }
      this.draft = d.text;
      this.kept = true;
      this.said.textContent = t("web-draft-found", { time: when(d.time) });
      this.banner.hidden = false;
    } catch (e) {
      // No draft to offer.
    }
  }

  restore() {
    if (this.draft === null) return;
    this.hooks.setText(this.draft);
    this.banner.hidden = true;
    this.hooks.status(t("web-draft-restored"));
  }

  async discard() {
    this.banner.hidden = true;
    this.draft = null;
    this.kept = false;
    try {
      await this.hooks.api("/api/draft/discard", { path: this.hooks.path() });
    } catch (e) {
      // Nothing to forget.
    }
  }

  async backups() {
    const path = this.hooks.path();
    if (!path) return;
    const list = await this.hooks.api("/api/backups?path=" + encodeURIComponent(path));
    this.list.replaceChildren();
    if (!list.length) this.list.append(el("li", { className: "hint" }, t("web-backups-none")));
    list.forEach((b, i) => {
      const label = t(i === 0 ? "web-backup-latest" : "web-backup", { time: when(b.time), bytes: b.bytes.toLocaleString(wordsLang === "en" ? "en-GB" : "vi-VN") });
      const btn = el("button", { type: "button", className: "backup", value: String(b.n) }, label);
      btn.dataset.n = String(b.n);
      btn.addEventListener("click", async () => {
        try {
          const res = await this.hooks.api(`/api/backup?path=${encodeURIComponent(path)}&n=${b.n}`);
          this.hooks.setText(res.text);
          this.dialog.close();
          this.hooks.status(t("web-backup-opened", { time: when(b.time) }));
        } catch (e) {
          this.hooks.status(t("web-backup-failed", { reason: e.message }));
        }
      });
      this.list.append(el("li", {}, btn));
    });
    this.dialog.showModal();
  }
}
