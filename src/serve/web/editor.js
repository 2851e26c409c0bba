// A small YAML editor: a transparent <textarea> over a highlighted copy of
// its text (same font, same wrapping), with line numbers, inline
// diagnostics at their line and column, and key completion from the JSON
// Schema of the vocabulary.

import { t } from "/assets/words.js";

// A diagnostic's message without the list of every accepted key (the
// suggestion says which one was meant; the full text is in the tooltip).
export function shortMessage(d) {
  const m = d.message.split("\n")[0].replace(/, expected (one of )?`[\s\S]*$/, "");
  return d.help ? `${m} (${d.help})` : m;
}

const esc = (s) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");

// Index of the comment in a line (a `#` after a space, outside quotes), or -1.
function commentAt(line) {
  let quote = null;
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    const prev = i === 0 ? " " : line[i - 1];
    if (quote) {
      if (c === quote) quote = null;
    } else if ((c === '"' || c === "'") && (prev === " " || prev === ":" || prev === "[" || prev === "," || i === 0)) {
      quote = c;
    } else if (c === "#" && /\s/.test(prev)) {
      return i;
    }
  }
  return -1;
}

function valueHtml(v) {
  const t = v.trim();
  let cls = "";
  if (/^(["']).*\1$/.test(t)) cls = "s";
  else if (/^-?\d+(\.\d+)?$/.test(t)) cls = "n";
  else if (/^(true|false|null|~)$/.test(t)) cls = "b";
  let html = esc(v).replace(/\{\{.*?\}\}|\{%.*?%\}/g, (m) => `<span class="j">${m}</span>`);
  return cls ? `<span class="${cls}">${html}</span>` : html;
}

// Highlights one line of YAML; `mark` is a 0-based character column to
// underline, or -1.
function lineHtml(line, mark) {
  const parts = []; // [text, class]
  const ci = commentAt(line);
  const code = ci >= 0 ? line.slice(0, ci) : line;
  const comment = ci >= 0 ? line.slice(ci) : "";
  const m = /^(\s*)((?:- +)*)([^\s:#'"{[][^:#]*?)?(:)(?=\s|$)(.*)$/.exec(code);
  if (m && m[3] !== undefined) {
    parts.push([m[1], ""], [m[2], "d"], [m[3], "k"], [m[4], "k"], [m[5], "v"]);
  } else {
    const d = /^(\s*)((?:- *)*)(.*)$/.exec(code);
    parts.push([d[1], ""], [d[2], "d"], [d[3], "v"]);
  }
  if (comment) parts.push([comment, "c"]);
  let html = "";
  let pos = 0;
  for (const [text, cls] of parts) {
    if (!text) continue;
    const end = pos + text.length;
    const wrap = (s) => (cls === "v" ? valueHtml(s) : cls ? `<span class="${cls}">${esc(s)}</span>` : esc(s));
    if (mark >= pos && mark < end) {
      const a = mark - pos;
      html += wrap(text.slice(0, a)) + `<span class="mark">${esc(text[a])}</span>` + wrap(text.slice(a + 1));
    } else {
      html += wrap(text);
    }
    pos = end;
  }
  if (mark >= line.length) html += '<span class="mark">\u00a0</span>';
  return html || "\u200b";
}

// The properties a schema node allows (through $ref, arrays, unions).
function properties(schema, node, acc = new Map(), depth = 0) {
  if (!node || depth > 12) return acc;
  if (node.$ref) {
    const name = node.$ref.replace(/^#\/(\$defs|definitions)\//, "");
    const defs = schema.$defs || schema.definitions || {};
    return properties(schema, defs[name], acc, depth + 1);
  }
  if (node.items) properties(schema, node.items, acc, depth + 1);
  for (const k of ["anyOf", "oneOf", "allOf"]) {
    for (const n of node[k] || []) properties(schema, n, acc, depth + 1);
  }
  for (const [k, v] of Object.entries(node.properties || {})) {
    if (!acc.has(k)) acc.set(k, v);
  }
  if (node.additionalProperties && typeof node.additionalProperties === "object") {
    properties(schema, node.additionalProperties, acc, depth + 1);
  }
  return acc;
}

// The fixed values a schema node allows (`const` / `enum`, through $ref
// and unions), each with its description: [[value, doc], …].
function choices(schema, node, acc = new Map(), depth = 0) {
  if (!node || depth > 12) return acc;
  if (node.$ref) {
    const name = node.$ref.replace(/^#\/(\$defs|definitions)\//, "");
    return choices(schema, (schema.$defs || schema.definitions || {})[name], acc, depth + 1);
  }
  if (typeof node.const === "string" && !acc.has(node.const)) acc.set(node.const, node.description || "");
  for (const v of node.enum || []) if (typeof v === "string" && !acc.has(v)) acc.set(v, "");
  for (const k of ["anyOf", "oneOf", "allOf"]) {
    for (const n of node[k] || []) choices(schema, n, acc, depth + 1);
  }
  if (node.items) choices(schema, node.items, acc, depth + 1);
  return acc;
}

function describe(schema, node, depth = 0) {
  if (!node || depth > 4) return "";
  if (node.description) return node.description;
  if (node.$ref) {
    const name = node.$ref.replace(/^#\/(\$defs|definitions)\//, "");
    return describe(schema, (schema.$defs || schema.definitions || {})[name], depth + 1);
  }
  return "";
}

// Keys of the YAML map the caret is in: the path of parent keys above the
// line, from indentation.
export function parentPath(lines, row, indent) {
  const path = [];
  let want = indent;
  for (let i = row - 1; i >= 0 && want > 0; i--) {
    const l = lines[i];
    if (!l.trim() || /^\s*#/.test(l)) continue;
    const m = /^(\s*)((?:- +)*)([^\s:#][^:#]*?)?:(?=\s|$)/.exec(l);
    const lead = /^(\s*)((?:- +)*)/.exec(l);
    const keyIndent = lead[1].length + lead[2].length;
    if (keyIndent >= want) continue;
    if (lead[1].length < want && lead[2] && keyIndent === want) continue;
    if (m && m[3] !== undefined && keyIndent < want) {
      path.unshift(m[3].trim());
      want = keyIndent;
    } else if (lead[1].length < want) {
      want = lead[1].length;
    }
  }
  return path;
}

export class Editor {
  constructor(host, { onChange, schema }) {
    this.onChange = onChange || (() => {});
    this.schema = schema;
    this.diagnostics = [];
    this.root = document.createElement("div");
    this.root.className = "editor";
    this.hl = document.createElement("div");
    this.hl.className = "hl";
    this.hl.setAttribute("aria-hidden", "true");
    this.ta = document.createElement("textarea");
    this.ta.spellcheck = false;
    this.ta.setAttribute("aria-label", t("web-yaml-label"));
    this.ta.setAttribute("autocomplete", "off");
    this.ta.setAttribute("autocapitalize", "off");
    this.popup = document.createElement("ul");
    this.popup.className = "complete";
    this.popup.hidden = true;
    this.popup.setAttribute("role", "listbox");
    this.root.append(this.hl, this.ta, this.popup);
    host.append(this.root);
    this.ta.addEventListener("input", () => {
      this.render();
      this.complete(false);
      this.onChange(this.ta.value);
    });
    this.ta.addEventListener("scroll", () => this.syncScroll());
    this.ta.addEventListener("keydown", (e) => this.keydown(e));
    this.ta.addEventListener("blur", () => setTimeout(() => this.closePopup(), 150));
    this.ta.addEventListener("click", () => this.closePopup());
    new ResizeObserver(() => this.syncScroll()).observe(this.ta);
    this.render();
  }

  get value() {
    return this.ta.value;
  }

  // Replaces the whole text (opening a document, form mode).
  set value(text) {
    if (text === this.ta.value) return;
    const { scrollTop, selectionStart } = this.ta;
    this.ta.value = text;
    this.ta.selectionStart = this.ta.selectionEnd = Math.min(selectionStart, text.length);
    this.ta.scrollTop = scrollTop;
    this.render();
  }

  setDiagnostics(list) {
    this.diagnostics = list.filter((d) => d.line);
    this.render();
  }

  // Puts the caret at a line and column (1-based) and scrolls to it.
  goTo(line, column) {
    const lines = this.ta.value.split("\n");
    let off = 0;
    for (let i = 0; i < line - 1 && i < lines.length; i++) off += lines[i].length + 1;
    off += Math.max(0, (column || 1) - 1);
    this.ta.focus();
    this.ta.setSelectionRange(off, off);
    const el = this.hl.querySelector(`.l[data-line="${line}"]`);
    if (el) this.ta.scrollTop = el.offsetTop - this.ta.clientHeight / 3;
  }

  render() {
    const byLine = new Map();
    for (const d of this.diagnostics) {
      const prev = byLine.get(d.line);
      if (!prev || (prev.severity !== "error" && d.severity === "error")) byLine.set(d.line, d);
    }
    const lines = this.ta.value.split("\n");
    let html = "";
    lines.forEach((line, i) => {
      const n = i + 1;
      const d = byLine.get(n);
      if (d) {
        const col = Math.max(0, Math.min((d.column || 1) - 1, line.length));
        const msg = esc(shortMessage(d));
        html += `<div class="l ${d.severity}" data-line="${n}" data-message="${msg.replace(/"/g, "&quot;")}">${lineHtml(line, col)}<span class="msg">${msg}</span></div>`;
      } else {
        html += `<div class="l" data-line="${n}">${lineHtml(line, -1)}</div>`;
      }
    });
    this.hl.innerHTML = html;
    this.syncScroll();
  }

  syncScroll() {
    this.hl.scrollTop = this.ta.scrollTop;
    this.hl.style.width = this.ta.offsetWidth + "px";
  }

  // Suggestions for the word being typed at the start of a line.
  suggestions() {
    if (!this.schema) return null;
    const text = this.ta.value;
    const caret = this.ta.selectionStart;
    if (caret !== this.ta.selectionEnd) return null;
    const start = text.lastIndexOf("\n", caret - 1) + 1;
    const before = text.slice(start, caret);
    const lines = text.split("\n");
    const row = text.slice(0, start).split("\n").length - 1;
    // A value being typed after a key whose values are fixed (`loai: ke_`).
    const v = /^(\s*)((?:- +)*)([A-Za-z_]\w*): *([A-Za-z_]*)$/.exec(before);
    if (v) {
      let node = this.schema;
      for (const key of parentPath(lines, row, v[1].length + v[2].length)) {
        node = properties(this.schema, node).get(key);
        if (!node) return null;
      }
      node = properties(this.schema, node).get(v[3]);
      const word = v[4];
      const items = [...choices(this.schema, node).entries()]
        .filter(([k]) => k.startsWith(word) && k !== word)
        .map(([k, doc]) => ({ key: k, doc, value: true }));
      return { word, items, start: caret - word.length, row };
    }
    const m = /^(\s*)((?:- +)*)([A-Za-z_]*)$/.exec(before);
    if (!m) return null;
    const indent = m[1].length + m[2].length;
    let node = this.schema;
    for (const key of parentPath(lines, row, indent)) {
      node = properties(this.schema, node).get(key);
      if (!node) return null;
    }
    const props = properties(this.schema, node);
    const present = new Set();
    if (indent === 0) {
      for (const l of lines) {
        const k = /^([A-Za-z_]\w*):/.exec(l);
        if (k) present.add(k[1]);
      }
    }
    const word = m[3];
    const items = [...props.entries()]
      .filter(([k]) => k.startsWith(word) && k !== word && !present.has(k))
      .map(([k, v]) => ({ key: k, doc: describe(this.schema, v) }));
    return { word, items, start: caret - word.length, row };
  }

  complete(force) {
    const s = this.suggestions();
    if (!s || !s.items.length || (!force && !s.word)) return this.closePopup();
    this.current = s;
    this.selected = 0;
    this.popup.innerHTML = s.items
      .map((it, i) => `<li role="option" data-i="${i}"${i === 0 ? ' class="sel"' : ""}>${esc(it.key)}<small>${esc(it.doc.split("\n")[0])}</small></li>`)
      .join("");
    for (const li of this.popup.children) {
      li.addEventListener("mousedown", (e) => {
        e.preventDefault();
        this.accept(Number(li.dataset.i));
      });
    }
    const line = this.hl.querySelector(`.l[data-line="${s.row + 1}"]`);
    // Width of the text before the word, measured in the editor's font.
    const lineStart = this.ta.value.lastIndexOf("\n", s.start - 1) + 1;
    const probe = document.createElement("span");
    probe.style.whiteSpace = "pre";
    probe.textContent = this.ta.value.slice(lineStart, s.start);
    this.hl.append(probe);
    const indent = probe.getBoundingClientRect().width;
    probe.remove();
    const top = (line ? line.offsetTop + line.offsetHeight : 0) - this.ta.scrollTop;
    const left = parseFloat(getComputedStyle(this.ta).paddingLeft) + indent;
    this.popup.style.left = Math.max(0, left) + "px";
    this.popup.hidden = false;
    // Below the line if it fits, else above it.
    const room = this.root.clientHeight;
    const above = top - (line ? line.offsetHeight : 0) - this.popup.offsetHeight;
    this.popup.style.top = (top + this.popup.offsetHeight > room && above >= 0 ? above : top) + "px";
  }

  closePopup() {
    this.popup.hidden = true;
    this.current = null;
  }

  accept(i) {
    const s = this.current;
    if (!s) return;
    const { key, value } = s.items[i];
    this.ta.focus();
    this.ta.setSelectionRange(s.start, this.ta.selectionStart);
    const insert = value ? key : key + ": ";
    if (!document.execCommand("insertText", false, insert)) {
      this.ta.setRangeText(insert, s.start, this.ta.selectionEnd, "end");
      this.ta.dispatchEvent(new Event("input"));
    }
    this.closePopup();
  }

  keydown(e) {
    if (!this.popup.hidden && this.current) {
      const n = this.current.items.length;
      if (e.key === "ArrowDown" || e.key === "ArrowUp") {
        e.preventDefault();
        this.selected = (this.selected + (e.key === "ArrowDown" ? 1 : n - 1)) % n;
        [...this.popup.children].forEach((li, i) => li.classList.toggle("sel", i === this.selected));
        this.popup.children[this.selected].scrollIntoView({ block: "nearest" });
        return;
      }
      if (e.key === "Enter" || e.key === "Tab") {
        e.preventDefault();
        this.accept(this.selected);
        return;
      }
      if (e.key === "Escape") {
        e.preventDefault();
        this.closePopup();
        return;
      }
    }
    if (e.key === " " && e.ctrlKey) {
      e.preventDefault();
      this.complete(true);
    } else if (e.key === "Tab" && !e.shiftKey && !e.ctrlKey && !e.altKey) {
      // YAML is indented with spaces.
      e.preventDefault();
      document.execCommand("insertText", false, "  ");
    }
  }
}
