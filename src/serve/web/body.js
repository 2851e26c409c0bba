// vanban serve: the body (noi_dung) as a list of blocks in the form tab.
// Every change is one edit sent to /api/body, which changes only the lines
// of that block in the YAML text (comments and other keys kept).
import { t } from "/assets/words.js";

// The kinds of block with their label and hint (`web-block-*` messages).
const KINDS = [
  ["doan", t("web-block-doan"), t("web-block-doan-hint")],
  ["muc", t("web-block-muc"), t("web-block-muc-hint")],
  ["khoan", t("web-block-khoan"), t("web-block-khoan-hint")],
  ["diem", t("web-block-diem"), t("web-block-diem-hint")],
  ["dieu", t("web-block-dieu"), t("web-block-dieu-hint")],
  ["gach", t("web-block-gach"), t("web-block-gach-hint")],
  ["cong", t("web-block-cong"), t("web-block-cong-hint")],
  ["giua", t("web-block-giua"), ""],
  ["tieu_de", t("web-block-tieu_de"), ""],
  ["ghi", t("web-block-ghi"), ""],
  ["bang", t("web-block-bang"), t("web-block-bang-hint")],
  ["ngat_trang", t("web-block-ngat_trang"), t("web-block-ngat_trang-hint")],
];
const LISTS = ["gach", "cong"];

// Grows a textarea to its text (up to the CSS max-height).
function fit(ta) {
  ta.style.height = "auto";
  ta.style.height = ta.scrollHeight + 2 + "px";
}
const DELAY_MS = 250;

function el(tag, props = {}, ...children) {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(props)) {
    if (k === "dataset") Object.assign(e.dataset, v);
    else e[k] = v;
  }
  e.append(...children);
  return e;
}

// The lines of the block's textarea.
function textOf(b) {
  if (LISTS.includes(b.kind)) return b.items.join("\n");
  if (b.kind === "bang") return [...(b.dau.length ? [b.dau] : []), ...b.dong].map((r) => r.join(" | ")).join("\n");
  return b.text || "";
}

// The block of kind `kind` written in the textarea as `value`.
function blockOf(kind, value, head = true) {
  const lines = value.split("\n").map((s) => s.trim()).filter(Boolean);
  if (LISTS.includes(kind)) return { kind, items: lines };
  if (kind === "bang") {
    const rows = lines.map((l) => l.split("|").map((c) => c.trim()));
    return head ? { kind, dau: rows[0] || [], dong: rows.slice(1) } : { kind, dau: [], dong: rows };
  }
  if (kind === "ngat_trang") return { kind };
  return { kind, text: lines.join(" ") };
}

export class Body {
  // `host`: the form, `before`: the element the list goes before (or
  // null: at the end). `hooks`: { api, text(), setText(text), queue(fn),
  // status(msg) }.
  constructor(host, before, hooks) {
    this.hooks = hooks;
    this.blocks = [];
    this.timers = {};
    this.pending = {};
    this.root = el("div", { className: "field body-editor", id: "body" });
    const fs = el("fieldset");
    fs.append(el("legend", {}, t("web-body")));
    fs.append(el("p", { className: "hint" },
      t("web-body-hint")));
    this.note = el("p", { className: "blocked", hidden: true },
      t("web-body-not-editable"));
    this.list = el("ol", { className: "blocks", id: "blocks" });
    const kind = el("select", { id: "body-add-kind", title: t("web-body-add-kind") },
      ...KINDS.map(([k, l]) => el("option", { value: k }, l)));
    const add = el("button", { type: "button", id: "body-add", title: t("web-body-add-title") }, t("web-body-add"));
    add.addEventListener("click", () => this.edit({ op: "add", index: this.blocks.length, block: blockOf(kind.value, "") }, this.blocks.length));
    this.adder = el("div", { className: "body-add" }, kind, add);
    fs.append(this.note, this.list, this.adder);
    this.root.append(fs);
    host.insertBefore(this.root, before);
  }

  // Shows the blocks of `text` (asks the server).
  async refresh(text) {
    try {
      const res = await this.hooks.api("/api/body", { text });
      this.show(res.body);
    } catch (e) {
      this.show(null);
    }
  }

  // Sends one edit; `focus`: the block to focus afterwards. Text typed
  // and not sent yet is sent first (a move must not leave it behind).
  edit(edit, focus) {
    if (edit.op !== "set") {
      for (const [i, send] of Object.entries(this.pending)) {
        clearTimeout(this.timers[i]);
        send();
      }
    }
    if (edit.op === "set") delete this.pending[edit.index];
    return this.hooks.queue(async () => {
      try {
        const res = await this.hooks.api("/api/body", { text: this.hooks.text(), edit });
        this.hooks.setText(res.text);
        this.show(res.body, focus);
      } catch (e) {
        this.hooks.status(t("web-body-failed", { reason: e.message }));
      }
    });
  }

  show(body, focus) {
    const ok = body && body.editable;
    this.note.hidden = !body || ok;
    this.adder.hidden = !ok;
    const blocks = body ? body.blocks : [];
    // The same blocks of the same kinds: update the texts in place (not the
    // one being typed in).
    const same = blocks.length === this.blocks.length && blocks.every((b, i) => b.kind === this.blocks[i].kind);
    this.blocks = blocks;
    if (same && this.list.children.length === blocks.length) {
      blocks.forEach((b, i) => {
        const ta = this.list.children[i].querySelector("textarea");
        if (ta && ta !== document.activeElement) {
          ta.value = textOf(b);
          fit(ta);
        }
        this.list.children[i].querySelectorAll("select, textarea, button").forEach((x) => (x.disabled = !ok));
      });
    } else {
      this.list.replaceChildren(...blocks.map((b, i) => this.row(b, i, ok)));
      requestAnimationFrame(() => this.list.querySelectorAll("textarea").forEach(fit));
    }
    if (focus !== undefined) {
      const li = this.list.children[Math.min(Math.max(focus, 0), blocks.length - 1)];
      const target = li && (li.querySelector("textarea") || li.querySelector("select"));
      if (target) target.focus();
    }
  }

  row(b, i, ok) {
    const li = el("li", { className: "block", dataset: { index: i, kind: b.kind } });
    const head = el("div", { className: "block-head" });
    const n = el("span", { className: "block-n" }, String(i + 1));
    head.append(n);
    // A derived document's block: which of the parent's it replaces or
    // follows.
    const tags = [
      b.id && t("web-block-id", { id: b.id }),
      b.sau && t("web-block-after", { id: b.sau }),
      b.truoc && t("web-block-before", { id: b.truoc }),
    ].filter(Boolean);
    const tag = el("span", { className: "block-id", hidden: !tags.length }, tags.join(" · "));
    tag.title = b.sau || b.truoc ? t("web-block-inserted") : t("web-block-replaces");
    if (b.kind === "khac") {
      head.append(el("span", { className: "hint" }, t("web-block-other")));
      li.append(head, tag, el("pre", { className: "block-yaml" }, b.yaml));
      return li;
    }
    const kind = el("select", { className: "block-kind", title: t("web-block-kind"), disabled: !ok },
      ...KINDS.map(([k, l]) => el("option", { value: k, selected: k === b.kind }, l)));
    const button = (label, title, cls, edit) => {
      const btn = el("button", { type: "button", className: cls, title, disabled: !ok }, label);
      btn.addEventListener("click", edit);
      return btn;
    };
    head.append(kind,
      button("↑", t("web-block-up"), "block-up", () => this.edit({ op: "up", index: i }, i - 1)),
      button("↓", t("web-block-down"), "block-down", () => this.edit({ op: "down", index: i }, i + 1)),
      button("+", t("web-block-add"), "block-add", () =>
        this.edit({ op: "add", index: i + 1, block: { kind: "doan", text: "" } }, i + 1)),
      button("✕", t("web-block-remove"), "block-remove", () => this.edit({ op: "remove", index: i }, i)));
    li.append(head, tag);
    const hint = KINDS.find(([k]) => k === b.kind)?.[2] || "";
    const head_ = !(b.kind === "bang" && b.dau.length === 0 && b.dong.length > 0);
    if (b.kind !== "ngat_trang") {
      const ta = el("textarea", {
        className: "block-text", value: textOf(b), disabled: !ok,
        rows: LISTS.includes(b.kind) || b.kind === "bang" ? 3 : 2,
        placeholder: hint, title: hint,
      });
      ta.setAttribute("aria-label", t("web-block-n", { n: i + 1, kind: KINDS.find(([k]) => k === b.kind)?.[1] || "" }));
      ta.addEventListener("input", () => {
        fit(ta);
        clearTimeout(this.timers[i]);
        this.pending[i] = () => this.edit({ op: "set", index: i, block: blockOf(b.kind, ta.value, head_) });
        this.timers[i] = setTimeout(this.pending[i], DELAY_MS);
      });
      li.append(ta);
      if (LISTS.includes(b.kind) || b.kind === "bang") li.append(el("p", { className: "hint" }, hint));
    }
    kind.addEventListener("change", () => {
      const ta = li.querySelector("textarea");
      this.edit({ op: "set", index: i, block: blockOf(kind.value, ta ? ta.value : "") }, i);
    });
    return li;
  }
}
