// vanban serve: the tab "Khác văn bản cha" of a derived document (one with
// `extends`): what it changes from its parent, key by key, as the server
// computes it from both loaded documents.

import { t } from "/assets/words.js";

const DELAY_MS = 600;

function el(tag, props = {}, ...children) {
  const e = document.createElement(tag);
  Object.assign(e, props);
  e.append(...children);
  return e;
}

// A value as text: a block `{khoan: "1. …"}` as `khoan: 1. …`, a list one
// item a line.
function shown(v) {
  if (v === null || v === undefined || v === "") return null;
  if (Array.isArray(v)) return v.map((x) => shown(x) ?? "").join("\n");
  if (typeof v === "object") return Object.entries(v).map(([k, x]) => `${k}: ${shown(x) ?? ""}`).join("\n");
  return String(v);
}

export class Diff {
  // hooks: { api, path(), text(), label(key), show(pane) } — `show(false)`
  // asks the page to show its YAML tab.
  constructor(hooks) {
    this.hooks = hooks;
    this.timer = null;
    this.tab = el("button", {
      type: "button", id: "tab-diff", hidden: true,
      title: t("web-diff-title"),
    }, t("web-diff-tab"));
    this.tab.setAttribute("role", "tab");
    this.tab.setAttribute("aria-selected", "false");
    this.tab.addEventListener("click", () => this.open());
    document.querySelector("#edit .tabs").append(this.tab);
    this.pane = el("div", { id: "diff", className: "pane diff", hidden: true });
    this.caption = el("p", { className: "hint", id: "diff-caption" });
    this.table = el("table", { id: "diff-table" });
    this.pane.append(this.caption, this.table);
    document.getElementById("form").after(this.pane);
  }

  // The text changed (or a document was opened): the tab shows for a
  // derived document; an open diff is computed again.
  changed() {
    const derived = /^extends\s*:/m.test(this.hooks.text());
    this.tab.hidden = !derived;
    if (!derived && !this.pane.hidden) this.hooks.show(false);
    if (this.pane.hidden) return;
    clearTimeout(this.timer);
    this.timer = setTimeout(() => this.refresh(), DELAY_MS);
  }

  // Another tab is shown.
  hide() {
    this.pane.hidden = true;
    this.tab.setAttribute("aria-selected", "false");
  }

  open() {
    for (const id of ["tab-yaml", "tab-form"]) document.getElementById(id).setAttribute("aria-selected", "false");
    document.getElementById("editor-host").hidden = true;
    document.getElementById("form").hidden = true;
    this.tab.setAttribute("aria-selected", "true");
    this.pane.hidden = false;
    this.refresh();
  }

  // `noi_dung[3].khoan` as `Nội dung › 3 › khoan`.
  where(path) {
    const parts = path.match(/[^.[\]]+|\[\d+\]/g) || [path];
    return parts.map((p, i) => {
      if (p.startsWith("[")) return p.slice(1, -1);
      const label = this.hooks.label(p);
      return i === 0 && label ? `${label} (${p})` : label || p;
    }).join(" › ");
  }

  async refresh() {
    const path = this.hooks.path();
    if (!path) return;
    let res;
    try {
      res = await this.hooks.api("/api/diff", { path, text: this.hooks.text() });
    } catch (e) {
      this.caption.textContent = t("web-diff-failed", { reason: e.message });
      this.table.replaceChildren();
      return;
    }
    if (!res.parent) {
      this.caption.textContent = t("web-diff-no-parent");
      this.table.replaceChildren();
      return;
    }
    this.caption.textContent = res.changes.length
      ? t("web-diff-changes", { parent: res.parent, n: res.changes.length })
      : t("web-diff-same", { parent: res.parent });
    const head = el("tr", {}, el("th", {}, t("web-diff-where")), el("th", {}, t("web-diff-parent")), el("th", {}, t("web-diff-this")));
    const rows = res.changes.map((c) => {
      const cell = (v, cls) => {
        const s = shown(v);
        return el("td", { className: s === null ? cls + " absent" : cls }, s ?? t("web-diff-absent"));
      };
      const tr = el("tr", {}, el("td", { className: "where", title: c.path }, this.where(c.path)), cell(c.parent, "parent"), cell(c.child, "child"));
      tr.dataset.path = c.path;
      return tr;
    });
    this.table.replaceChildren(el("thead", {}, head), el("tbody", {}, ...rows));
  }
}
