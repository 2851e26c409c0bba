// vanban serve: the page. Talks to the JSON API of the same server.
import { Editor, shortMessage } from "/assets/editor.js";
import { Body } from "/assets/body.js";
import { Drafts } from "/assets/drafts.js";
import { Diff } from "/assets/diff.js";
import { PagesView } from "/assets/preview.js";
import { t, wordsLang, relabel } from "/assets/words.js";

const $ = (id) => document.getElementById(id);
const PREVIEW_DELAY_MS = 60;
// How long a message the user caused stays before a preview note replaces it.
const NOTE_KEEP_MS = 5000;
const FORM_DELAY_MS = 250;

// The form's labels and hints by key (`web-key-*`, `web-hint-*` messages),
// and of other keys where a key path is shown (the diff of a derived
// document).
const LABEL_KEYS = ["co_quan_chu_quan", "co_quan", "ten_co_quan", "so", "ky_hieu", "dia_danh", "ngay", "trich_yeu", "kinh_gui", "nguoi_ky", "quyen_han", "chuc_vu", "chuc_danh", "chu_ky", "dau", "ghi_chu", "ho_ten", "noi_nhan", "noi_dung", "mo_dau", "thuc_hien", "ten_loai", "can_cu", "phu_luc", "trinh_bay", "bien", "loai"];
const HINTED = ["co_quan_chu_quan", "co_quan", "ten_co_quan", "so", "ky_hieu", "dia_danh", "ngay", "trich_yeu", "kinh_gui", "quyen_han", "chuc_vu", "chuc_danh", "chu_ky", "dau", "ghi_chu", "noi_nhan"];

function labelOf(key) {
  if (!LABEL_KEYS.includes(key)) return null;
  return [t("web-key-" + key), HINTED.includes(key) ? t("web-hint-" + key) : ""];
}

// Lists inside a map the form shows, one line per item (the signer's
// authority lines).
const SUB_LISTS = ["quyen_han"];

const state = {
  path: null,
  version: null,
  saved: "",
  docs: [],
  kinds: [],
  // The form's fields in the model's key order, from /api/keys.
  formKeys: [],
  schema: null,
  seq: 0,
  // The diagnostics of the last text checked: { text, diagnostics }.
  checked: null,
  shown: 0,
  inflight: false,
  again: false,
  timer: null,
  // How many pages changed in the last preview (the others were kept).
  sentPages: 0,
  // When a page's picture was last found missing on the server.
  missingAt: 0,
  formQueue: Promise.resolve(),
};
let editor;
let pagesView;

async function api(path, body) {
  const opts = body === undefined ? {} : {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify(body),
  };
  const res = await fetch(path, opts);
  const type = res.headers.get("Content-Type") || "";
  const data = type.includes("json") ? await res.json() : await res.blob();
  if (!res.ok) {
    const err = new Error((data && data.error) || res.statusText);
    err.status = res.status;
    err.data = data;
    throw err;
  }
  return data;
}

function status(text) {
  $("status").textContent = text;
}

// A status the user must get to read (a save): a preview's timing note
// does not replace it for a few seconds.
function statusKept(text) {
  status(text);
  state.keptUntil = performance.now() + NOTE_KEEP_MS;
}

// The preview's timing note, unless a kept status is still showing.
function previewNote(text) {
  if (performance.now() < (state.keptUntil || 0)) return;
  status(text);
}

function dirty() {
  return state.path !== null && editor.value !== state.saved;
}

function updateTitle() {
  $("doc-name").textContent = state.path || t("web-no-doc");
  $("doc-name").classList.toggle("dirty", dirty());
  for (const id of ["btn-save", "btn-pdf", "btn-docx", "btn-next-year", "btn-derive", "btn-cap-so"]) $(id).disabled = !state.path;
  document.title = (dirty() ? "• " : "") + (state.path || "vanban") + " – vanban";
}

// ---- Document list -------------------------------------------------------

async function loadList() {
  state.docs = await api("/api/docs");
  renderList();
}

// Text folded for search: no accents, đ as d, lower case ("Thủ Thừa" →
// "thu thua").
function fold(text) {
  return String(text || "")
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/[đĐ]/g, "d")
    .toLowerCase();
}

// The documents matching every word of `query` (accents and case ignored,
// over every text of the document), best first: a word found in the số
// counts most, then the kind, the trích yếu, the year, the issuer and the
// place, the file name, any other text. Without a query, all in order.
function searchDocs(docs, query) {
  const words = fold(query).split(/\s+/).filter(Boolean);
  if (!words.length) return docs;
  const phrase = words.join(" ");
  const scored = [];
  docs.forEach((d, order) => {
    const fields = [
      [8, d.so_ky_hieu],
      [6, d.trich_yeu],
      [7, `${d.ten_loai} ${d.loai}`],
      [4, (d.ngay || "").slice(0, 4)],
      [3, d.co_quan],
      [2, d.path],
      [1, d.words],
    ].map(([w, t]) => [w, " " + fold(t).replace(/[^\p{L}\p{N}]+/gu, " ") + " "]);
    let score = 0;
    for (const word of words) {
      let best = 0;
      for (const [w, t] of fields) {
        // Words are found from their start: "hoc" finds "học", "học tập".
        if (!t.includes(` ${word}`)) continue;
        const whole = t.includes(` ${word} `) ? 1 : 0.6;
        best = Math.max(best, w * whole);
      }
      if (!best) return;
      score += best;
    }
    // Words next to each other as typed ("thu thua") count again.
    for (let i = 0; i + 1 < words.length; i++) {
      const pair = ` ${words[i]} ${words[i + 1]}`;
      score += Math.max(0, ...fields.filter(([, t]) => t.includes(pair)).map(([w]) => w));
    }
    if (words.length > 2) score += Math.max(0, ...fields.filter(([, t]) => t.includes(` ${phrase} `)).map(([w]) => w));
    scored.push({ d, score, order });
  });
  scored.sort((a, b) => b.score - a.score || a.order - b.order);
  return scored.map((x) => x.d);
}

function renderList() {
  const ul = $("doc-list");
  ul.replaceChildren();
  for (const d of searchDocs(state.docs, $("search").value)) {
    const li = document.createElement("li");
    li.dataset.path = d.path;
    li.classList.toggle("current", d.path === state.path);
    const so = document.createElement("span");
    so.className = "so";
    so.textContent = d.so_ky_hieu || d.path;
    const meta = document.createElement("span");
    meta.className = "meta";
    meta.textContent = [" ", d.ngay, d.ten_loai || d.loai].filter(Boolean).join(" · ");
    const ty = document.createElement("span");
    ty.className = "ty";
    ty.textContent = d.trich_yeu;
    const file = document.createElement("span");
    file.className = "meta";
    file.textContent = d.path;
    li.append(so, meta, ty, file);
    if (d.error) {
      const bad = document.createElement("span");
      bad.className = "bad";
      bad.textContent = " " + t("web-list-bad");
      bad.title = d.error;
      li.append(bad);
    }
    li.addEventListener("click", () => openDoc(d.path));
    ul.append(li);
  }
  if (!ul.children.length && $("search").value.trim()) {
    const li = document.createElement("li");
    li.className = "empty";
    li.textContent = t("web-list-none");
    ul.append(li);
  }
}

// ---- Opening and saving ----------------------------------------------------

async function openDoc(path, { force = false } = {}) {
  if (!force && dirty() && !confirm(t("web-discard"))) return;
  try {
    const doc = await api("/api/doc?path=" + encodeURIComponent(path));
    state.path = doc.path;
    state.version = doc.version;
    state.saved = doc.text;
    editor.value = doc.text;
    editor.setDiagnostics([]);
    $("conflict").hidden = true;
    pagesView.clear();
    history.replaceState(null, "", "#" + encodeURIComponent(doc.path));
    renderList();
    updateTitle();
    status(t("web-opened"));
    await state.drafts.opened(doc.path, doc.text);
    state.diff.changed();
    if (!$("form").hidden) await refreshForm();
    schedulePreview(0);
  } catch (e) {
    status(t("web-cannot-open", { reason: e.message }));
  }
}

async function save(force = false) {
  if (!state.path) return;
  const text = editor.value;
  if (!(await confirmErrors(text))) {
    status(t("web-not-saved"));
    return;
  }
  await state.drafts.saving();
  try {
    const res = await api("/api/save", { path: state.path, text, version: state.version, force });
    state.version = res.version;
    state.saved = text;
    state.drafts.saved();
    $("conflict").hidden = true;
    updateTitle();
    statusKept(t("web-saved-at", { time: new Date().toLocaleTimeString(wordsLang === "en" ? "en-GB" : "vi-VN") }));
    loadList();
  } catch (e) {
    if (e.status === 409) {
      $("conflict").hidden = false;
      status(t("web-not-saved-changed"));
    } else {
      status(t("web-cannot-save"));
      tell(t("web-cannot-save-title"), explain(e, t("web-cannot-save-file", { path: state.path })));
    }
  }
}

function errorsIn(diagnostics) {
  return (diagnostics || []).filter((d) => d.severity === "error");
}

// The errors of `text`: those of the last preview when it was of this text,
// else checked now.
async function errorsOf(text) {
  if (state.checked && state.checked.text === text) return errorsIn(state.checked.diagnostics);
  try {
    const res = await api("/api/preview", { path: state.path, text });
    state.checked = { text, diagnostics: res.diagnostics };
    return errorsIn(res.diagnostics);
  } catch {
    return [];
  }
}

// Before saving a text with errors: says what is wrong and asks. Resolves
// true to save.
async function confirmErrors(text) {
  const errors = await errorsOf(text);
  if (!errors.length) return true;
  const lines = errors.map((d) => (d.line ? t("web-at", { line: d.line, column: d.column }) + " " : "") + shortMessage(d));
  return confirmDialog(
    t("web-errors-title", { n: errors.length }),
    t("web-errors-save") + "\n\n" +
      lines.map((l) => "• " + l).join("\n") +
      "\n\n" + t("web-errors-save-ask"),
    t("web-save-anyway"),
  );
}

// Why the PDF could not be made: the document's errors, in full.
function explainPdf(e, label = "PDF") {
  const list = (e.data && e.data.diagnostics) || [];
  if (!list.length) return explain(e, t("web-cannot-make-file", { what: label }));
  const lines = list.map((d) => (d.line ? t("web-at", { line: d.line, column: d.column }) + " " : "") + shortMessage(d));
  return t("web-fix-before", { what: label }) + "\n\n" + lines.map((l) => "• " + l).join("\n");
}

// A message in the dialog, in full, with only a button to close it.
async function tell(title, message) {
  const cancel = $("dlg-cancel");
  cancel.hidden = true;
  await confirmDialog(title, message, t("web-close"));
  cancel.hidden = false;
}

// A question in the dialog with the message in full; resolves true when
// the user agrees.
function confirmDialog(title, message, okLabel) {
  const dlg = $("dialog");
  $("dlg-title").textContent = title;
  $("dlg-error").textContent = "";
  const p = document.createElement("p");
  p.className = "message";
  p.textContent = message;
  $("dlg-body").replaceChildren(p);
  const ok = $("dlg-ok");
  const label = ok.textContent;
  ok.textContent = okLabel;
  dlg.showModal();
  return new Promise((resolve) => {
    dlg.addEventListener(
      "close",
      () => {
        ok.textContent = label;
        resolve(dlg.returnValue === "ok");
      },
      { once: true },
    );
  });
}

// Downloads the document being edited as a PDF (`pdf`) or a Word file
// (`docx`), built from the text in the editor.
async function download(ext, label) {
  if (!state.path) return;
  status(t("web-making", { what: label }));
  try {
    const blob = await api("/api/" + ext, { path: state.path, text: editor.value });
    const a = document.createElement("a");
    a.href = URL.createObjectURL(blob);
    a.download = state.path.split("/").pop().replace(/\.ya?ml$/, "") + "." + ext;
    document.body.append(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(a.href), 10000);
    status(t("web-made", { what: label }));
  } catch (e) {
    status(t("web-cannot-make", { what: label }));
    tell(t("web-cannot-make", { what: label }), explainPdf(e, label));
  }
}

// Cấp số: the document is saved first; the server takes the next number
// of its series, writes `so:` and `ngay:` into the file and records it.
async function capSo() {
  if (!state.path) return;
  if (!confirm(t("web-cap-so-ask"))) return;
  if (dirty()) {
    await save();
    if (dirty()) return;
  }
  status(t("web-cap-so-running"));
  try {
    const res = await api("/api/cap-so", { path: state.path, version: state.version });
    await openDoc(state.path, { force: true });
    await loadList();
    statusKept(res.message);
  } catch (e) {
    if (e.data && e.data.diagnostics) showDiagnostics(e.data.diagnostics);
    statusKept(t("web-cap-so-failed", { reason: e.message }));
  }
}

// When the page comes back into view, look for a change made on disk
// meanwhile: reload an unchanged document, warn about an edited one.
async function checkDisk() {
  if (!state.path || document.hidden) return;
  try {
    const doc = await api("/api/doc?path=" + encodeURIComponent(state.path));
    if (doc.version === state.version) return;
    if (dirty()) {
      $("conflict").hidden = false;
    } else {
      await openDoc(state.path, { force: true });
      status(t("web-reloaded"));
    }
  } catch {
    // The file may have been removed; saving will say so.
  }
}

// ---- Preview -----------------------------------------------------------------

function schedulePreview(delay = PREVIEW_DELAY_MS) {
  clearTimeout(state.timer);
  state.timer = setTimeout(runPreview, delay);
}

async function runPreview() {
  if (!state.path) return;
  if (state.inflight) {
    state.again = true;
    return;
  }
  state.inflight = true;
  const seq = ++state.seq;
  const text = editor.value;
  const t0 = performance.now();
  try {
    const res = await api("/api/preview", { path: state.path, text });
    state.checked = { text, diagnostics: res.diagnostics };
    if (seq > state.shown && text === editor.value) {
      state.shown = seq;
      showDiagnostics(res.diagnostics);
      if (res.ok) {
        state.sentPages = pagesView.show(res.pages, res.version);
        previewNote(t("web-preview-time", { ms: Math.round(performance.now() - t0), sent: state.sentPages, pages: res.pages.length }));
      } else {
        status(t("web-has-errors", { n: errorsIn(res.diagnostics).length }));
      }
      $("pages").classList.toggle("stale", !res.ok);
      const note = $("preview-note");
      note.hidden = res.ok;
      note.textContent = $("pages").children.length
        ? t("web-preview-stale")
        : t("web-preview-none");
    }
  } catch (e) {
    status(t("web-cannot-preview", { reason: e.message }));
  } finally {
    state.inflight = false;
    if (state.again) {
      state.again = false;
      runPreview();
    }
  }
}

// A page's picture is gone from the server (it keeps the last few hundred
// pages): lay the text out again, at most every 2 s.
function pageMissing() {
  if (performance.now() - state.missingAt < 2000) return;
  state.missingAt = performance.now();
  pagesView.clear();
  schedulePreview(0);
}

// ---- Zoom ----------------------------------------------------------------------

const ZOOMS = ["fit", "100", "150"];

function setZoom(zoom) {
  if (!ZOOMS.includes(zoom)) zoom = "fit";
  for (const z of ZOOMS) $("pages").classList.toggle("zoom-" + z, z === zoom);
  for (const b of document.querySelectorAll("#zoom button")) b.setAttribute("aria-pressed", String(b.dataset.zoom === zoom));
  try {
    localStorage.setItem("vanban.zoom", zoom);
  } catch {
    // Storage may be off; the zoom still applies.
  }
}

function initZoom() {
  for (const b of document.querySelectorAll("#zoom button")) b.addEventListener("click", () => setZoom(b.dataset.zoom));
  let saved = "fit";
  try {
    saved = localStorage.getItem("vanban.zoom") || "fit";
  } catch {
    // As above.
  }
  setZoom(saved);
}

function showDiagnostics(list) {
  editor.setDiagnostics(list);
  const ul = $("diagnostics");
  ul.replaceChildren();
  for (const d of list) {
    const li = document.createElement("li");
    li.className = d.severity;
    const where = document.createElement("span");
    where.className = "where";
    where.textContent = d.line ? t("web-at", { line: d.line, column: d.column }) : d.severity === "error" ? t("web-error") : t("web-warning");
    li.append(where, shortMessage(d));
    li.title = d.rendered;
    if (d.line) li.addEventListener("click", () => editor.goTo(d.line, d.column));
    ul.append(li);
  }
}

// ---- Form mode ---------------------------------------------------------------

function schemaNode(node) {
  const defs = state.schema.$defs || state.schema.definitions || {};
  for (let i = 0; node && i < 8; i++) {
    if (node.$ref) node = defs[node.$ref.replace(/^#\/(\$defs|definitions)\//, "")];
    else if (node.anyOf || node.oneOf) node = (node.anyOf || node.oneOf).find((n) => n.type !== "null") || node;
    else break;
  }
  return node || {};
}

function kindOf(node) {
  const t = [].concat(node.type || []).filter((x) => x !== "null");
  if (t.includes("array")) return "list";
  if (t.includes("object") || node.properties) return "object";
  if (t.includes("integer") || t.includes("number")) return "number";
  return "text";
}

function fieldFor(key, node, onInput) {
  const wrap = document.createElement("div");
  wrap.className = "field";
  const [label, hint] = labelOf(key) || [key, ""];
  const id = "f-" + key;
  const kind = kindOf(node);
  if (kind === "object") {
    const fs = document.createElement("fieldset");
    fs.dataset.key = key;
    const legend = document.createElement("legend");
    legend.textContent = label;
    fs.append(legend);
    for (const [sub, subNode] of Object.entries(schemaNode(node).properties || {})) {
      const subKind = kindOf(schemaNode(subNode));
      if (subKind !== "text" && !(subKind === "list" && SUB_LISTS.includes(sub))) continue;
      fs.append(fieldFor(`${key}.${sub}`, schemaNode(subNode), onInput));
      const [l, h] = labelOf(sub) || [sub, ""];
      const f = fs.lastChild;
      f.querySelector("label").textContent = l;
      f.querySelector(".hint").textContent = h || schemaNode(subNode).description || "";
    }
    wrap.append(fs);
    return wrap;
  }
  const lab = document.createElement("label");
  lab.htmlFor = id;
  lab.textContent = label;
  const p = document.createElement("p");
  p.className = "hint";
  p.textContent = hint;
  const input = document.createElement(kind === "list" || key === "trich_yeu" ? "textarea" : "input");
  input.id = id;
  input.name = key;
  input.dataset.kind = kind;
  input.title = node.description || "";
  input.addEventListener("input", () => onInput(key));
  wrap.append(lab, p, input);
  return wrap;
}

function buildForm() {
  const form = $("form");
  form.replaceChildren();
  const note = document.createElement("p");
  note.className = "blocked";
  note.id = "form-blocked";
  note.hidden = true;
  note.textContent = t("web-form-blocked");
  form.append(note);
  const props = schemaNode(state.schema).properties || {};
  for (const key of state.formKeys) {
    if (!props[key]) continue;
    form.append(fieldFor(key, schemaNode(props[key]), onFormInput));
  }
  buildPoints(form);
  state.body = new Body(form, $("points"), {
    api,
    text: () => editor.value,
    setText: (text) => {
      editor.value = text;
      changed();
      refreshFields();
    },
    queue: (fn) => (state.formQueue = state.formQueue.then(fn)),
    status,
  });
}

// A giấy mời's time, place and participants (the items after the body's
// headings "1. Thời gian", "2. Địa điểm", "3. Thành phần"), before the signer.
const POINTS = [
  ["thoi_gian", "web-point-time", "web-point-time-hint"],
  ["dia_diem", "web-point-place", "web-point-place-hint"],
  ["thanh_phan", "web-point-people", "web-point-people-hint"],
];

function buildPoints(form) {
  const wrap = document.createElement("div");
  wrap.className = "field";
  wrap.id = "points";
  wrap.hidden = true;
  const fs = document.createElement("fieldset");
  const legend = document.createElement("legend");
  legend.textContent = t("web-points");
  fs.append(legend);
  for (const [key, label, hint] of POINTS) {
    const f = document.createElement("div");
    f.className = "field";
    const lab = document.createElement("label");
    lab.htmlFor = "f-moi." + key;
    lab.textContent = t(label);
    const p = document.createElement("p");
    p.className = "hint";
    p.textContent = t(hint);
    const input = document.createElement("textarea");
    input.id = "f-moi." + key;
    input.name = "moi." + key;
    input.dataset.kind = "list";
    input.addEventListener("input", () => onFormInput("moi." + key));
    f.append(lab, p, input);
    fs.append(f);
  }
  wrap.append(fs);
  const signer = form.querySelector('fieldset[data-key="nguoi_ky"]');
  form.insertBefore(wrap, signer ? signer.parentElement : null);
}

// The form's values with a giấy mời's points as `moi`.
function withPoints(res) {
  $("points").hidden = !res.moi;
  return res.fields && res.moi ? { ...res.fields, moi: res.moi } : res.fields;
}

// The value of a field (`nguoi_ky.ho_ten` for a key of a map).
function formValue(key) {
  const el = $("f-" + key);
  if (el.dataset.kind === "list") {
    const items = el.value.split("\n").map((s) => s.trim()).filter(Boolean);
    // One authority line is written as a plain value.
    return SUB_LISTS.includes(key.split(".").pop()) && items.length === 1 ? items[0] : items;
  }
  if (el.dataset.kind === "number") return el.value === "" ? null : Number(el.value);
  return el.value;
}

// The value of `name` (`nguoi_ky.ho_ten` for a key of a map) in `fields`,
// as the form shows it.
function shownValue(fields, name) {
  const [key, sub] = name.split(".");
  let v = fields ? fields[key] : undefined;
  if (sub) v = v && typeof v === "object" ? v[sub] : undefined;
  if (Array.isArray(v)) v = v.map((x) => (typeof x === "string" ? x : JSON.stringify(x))).join("\n");
  return v === undefined || v === null ? "" : String(v);
}

function fillForm(fields, inherited) {
  $("form-blocked").hidden = fields !== null;
  for (const el of $("form").querySelectorAll("input[name], textarea[name]")) {
    el.disabled = fields === null;
    if (fields === null) continue;
    if (el !== document.activeElement) el.value = shownValue(fields, el.name);
    showInherited(el, inherited);
  }
}

// A field the document leaves to its parent shows the parent's value
// greyed, with where it comes from and a button to write it here instead.
function showInherited(el, inherited) {
  const from = inherited && inherited.fields ? shownValue(inherited.fields, el.name) : "";
  const wrap = el.parentElement;
  let note = wrap.querySelector(":scope > .inherit");
  const active = from !== "" && el.value === "";
  el.placeholder = active ? from : "";
  el.classList.toggle("inherited", active);
  if (!active) {
    if (note) note.hidden = true;
    return;
  }
  if (!note) {
    note = document.createElement("p");
    note.className = "inherit";
    const said = document.createElement("span");
    const btn = document.createElement("button");
    btn.type = "button";
    btn.textContent = t("web-own-value");
    btn.addEventListener("click", () => {
      el.value = el.placeholder;
      el.focus();
      el.dispatchEvent(new Event("input"));
    });
    note.append(said, btn);
    wrap.append(note);
  }
  note.hidden = false;
  note.firstChild.textContent = t("web-inherited", { from: inherited.from }) + " ";
}

async function refreshFields() {
  const res = await api("/api/form", { text: editor.value, path: state.path });
  fillForm(withPoints(res), res.inherited);
  return res;
}

async function refreshForm() {
  const res = await refreshFields();
  await state.body.refresh(res.text);
}

const formTimers = {};
function onFormInput(key) {
  clearTimeout(formTimers[key]);
  formTimers[key] = setTimeout(() => {
    state.formQueue = state.formQueue.then(async () => {
      try {
        const res = await api("/api/form", { text: editor.value, key, value: formValue(key), path: state.path });
        editor.value = res.text;
        fillForm(withPoints(res), res.inherited);
        changed();
        await state.body.refresh(res.text);
      } catch (e) {
        status(t("web-cannot-update", { reason: e.message }));
      }
    });
  }, FORM_DELAY_MS);
}

function showTab(form) {
  if (state.diff) state.diff.hide();
  $("tab-yaml").setAttribute("aria-selected", String(!form));
  $("tab-form").setAttribute("aria-selected", String(form));
  $("editor-host").hidden = form;
  $("form").hidden = !form;
  if (form) refreshForm();
}

// ---- New document, next year, derive ----------------------------------------

function folderOf(path) {
  const i = (path || "").lastIndexOf("/");
  return i < 0 ? "" : path.slice(0, i + 1);
}

// Asks for values in the dialog; resolves with them, or null if cancelled.
function ask(title, fields) {
  const dlg = $("dialog");
  $("dlg-title").textContent = title;
  $("dlg-error").textContent = "";
  const body = $("dlg-body");
  body.replaceChildren();
  for (const f of fields) {
    const lab = document.createElement("label");
    lab.textContent = f.label;
    let el;
    if (f.options) {
      el = document.createElement("select");
      for (const [v, t] of f.options) el.append(new Option(t, v));
    } else {
      el = document.createElement("input");
      el.type = f.type || "text";
    }
    el.name = f.name;
    el.value = f.value ?? "";
    if (f.onChange) el.addEventListener("change", () => f.onChange(el, body));
    lab.append(el);
    body.append(lab);
  }
  dlg.showModal();
  return new Promise((resolve) => {
    dlg.addEventListener(
      "close",
      () => {
        if (dlg.returnValue !== "ok") return resolve(null);
        const out = {};
        for (const el of body.querySelectorAll("input, select")) out[el.name] = el.value;
        resolve(out);
      },
      { once: true },
    );
  });
}

// What went wrong with a file action, in full and in Vietnamese: what to
// do about it first, then the server's own words.
function explain(e, what) {
  const why = {
    400: "web-why-400",
    403: "web-why-403",
    404: "web-why-404",
    409: "web-why-409",
    422: "web-why-422",
  }[e.status] || "web-why-other";
  const detail = (e.data && e.data.diagnostics || []).map((d) => d.rendered || d.message).join("\n");
  return `${what}\n${t(why)}\n${t("web-detail", { detail: e.message })}${detail ? "\n" + detail : ""}`;
}

// A file name that works: relative, ending in .yaml.
function yamlName(name) {
  let n = String(name || "").trim().replace(/\\/g, "/").replace(/^(\.\/)+/, "");
  if (n && !/\.ya?ml$/i.test(n)) n += ".yaml";
  return n;
}

// `path`, or the first of `path-2.yaml`, `path-3.yaml`… not in the list.
function freeName(path) {
  const taken = new Set(state.docs.map((d) => d.path));
  if (!taken.has(path)) return path;
  const base = path.replace(/\.ya?ml$/, "");
  for (let i = 2; ; i++) if (!taken.has(`${base}-${i}.yaml`)) return `${base}-${i}.yaml`;
}

// Asks for values in the dialog and runs `action` with them while it stays
// open: a failure is shown in full in the dialog, to be corrected or
// cancelled. Resolves with the action's result, or null if cancelled.
function askThen(title, fields, action) {
  const dlg = $("dialog");
  const form = dlg.querySelector("form");
  const pending = ask(title, fields);
  return new Promise((resolve) => {
    let busy = false;
    const onSubmit = async (ev) => {
      if (ev.submitter && ev.submitter.value !== "ok") return;
      ev.preventDefault();
      if (busy) return;
      busy = true;
      $("dlg-error").textContent = "";
      const out = {};
      for (const el of $("dlg-body").querySelectorAll("input, select")) out[el.name] = el.value;
      try {
        const res = await action(out);
        form.removeEventListener("submit", onSubmit);
        dlg.close("done");
        resolve(res);
      } catch (e) {
        $("dlg-error").textContent = e.report || e.message;
      } finally {
        busy = false;
      }
    };
    form.addEventListener("submit", onSubmit);
    pending.then(() => {
      form.removeEventListener("submit", onSubmit);
      resolve(null);
    });
  });
}

// Creates a document through `endpoint` and opens it; throws a full report.
async function create(endpoint, body, out) {
  let res;
  try {
    res = await api(endpoint, body);
  } catch (e) {
    e.report = explain(e, t("web-cannot-create", { path: out }));
    throw e;
  }
  await loadList();
  await openDoc(res.path, { force: true });
  status(t("web-made", { what: res.path }));
  return res;
}

// A list to read (what a command changed), in the dialog.
function showList(title, summary, items) {
  const dlg = $("dialog");
  $("dlg-title").textContent = title;
  $("dlg-error").textContent = "";
  const p = document.createElement("p");
  p.textContent = summary;
  const ul = document.createElement("ul");
  ul.className = "report";
  for (const t of items) {
    const li = document.createElement("li");
    li.textContent = t;
    ul.append(li);
  }
  $("dlg-body").replaceChildren(p, ul);
  dlg.showModal();
}

async function newDoc() {
  if (dirty() && !confirm(t("web-discard"))) return;
  const first = state.kinds[0]?.key || "cong_van";
  const name = (k) => freeName(folderOf(state.path) + k.replace(/_/g, "-") + "-moi.yaml");
  await askThen(t("web-btn-new"), [
    { name: "loai", label: t("web-key-loai"), options: state.kinds.map((k) => [k.key, k.name]), value: first,
      onChange: (el, body) => { body.querySelector('[name="path"]').value = name(el.value); } },
    { name: "path", label: t("web-file-name"), value: name(first) },
  ], (v) => create("/api/new", { loai: v.loai, path: yamlName(v.path) }, yamlName(v.path)));
}

// Next year's file name: the last year in the path moved, else `-YEAR`.
function nextYearName(path, year) {
  const base = path.replace(/\.ya?ml$/, "");
  const out = /20\d\d/.test(base) ? base.replace(/20\d\d(?!.*20\d\d)/, String(year)) : `${base}-${year}`;
  return freeName(out + ".yaml");
}

async function nextYear() {
  if (!state.path) return;
  const m = /\b(20\d\d)\b/.exec(editor.value.match(/^ngay:.*$/m)?.[0] || "");
  const year = m ? Number(m[1]) + 1 : new Date().getFullYear();
  const res = await askThen(t("web-btn-next-year"), [
    { name: "year", label: t("web-year"), type: "number", value: year,
      onChange: (el, body) => { body.querySelector('[name="out"]').value = nextYearName(state.path, el.value); } },
    { name: "out", label: t("web-new-file-name"), value: nextYearName(state.path, year) },
  ], (v) => create("/api/next-year", { path: state.path, out: yamlName(v.out), year: Number(v.year) }, yamlName(v.out)));
  // What changed and what to check, as `vanban new` prints it.
  if (res?.report) showList(t("web-next-year-report"), res.summary, res.report);
}

async function derive() {
  if (!state.path) return;
  const proposed = freeName(folderOf(state.path) + "cap-duoi/" + state.path.split("/").pop());
  await askThen(t("web-derive-title"), [
    { name: "out", label: t("web-new-file-name"), value: proposed },
  ], (v) => create("/api/derive", { path: state.path, out: yamlName(v.out) }, yamlName(v.out)));
}

// ---- Start -------------------------------------------------------------------

function changed() {
  updateTitle();
  schedulePreview();
  if (state.drafts) state.drafts.changed();
  if (state.diff) state.diff.changed();
}

async function main() {
  state.schema = await api("/api/schema");
  state.kinds = await api("/api/kinds");
  state.formKeys = (await api("/api/keys")).form;
  editor = new Editor($("editor-host"), { schema: state.schema, onChange: changed });
  buildForm();
  state.drafts = new Drafts({
    api,
    path: () => state.path,
    text: () => editor.value,
    saved: () => state.saved,
    setText: (text) => {
      editor.value = text;
      changed();
      if (!$("form").hidden) refreshForm();
    },
    status: statusKept,
  });
  state.diff = new Diff({
    api,
    path: () => state.path,
    text: () => editor.value,
    label: (key) => (labelOf(key) || [])[0],
    show: showTab,
  });
  $("search").addEventListener("input", renderList);
  pagesView = new PagesView($("pages"), $("preview"), {
    onMissing: pageMissing,
    onJump: (line) => editor.goTo(line, 1),
  });
  // The value under the caret is outlined on the pages.
  document.addEventListener("selectionchange", () => {
    const ta = document.querySelector(".editor textarea");
    if (document.activeElement !== ta) return;
    const line = ta.value.slice(0, ta.selectionStart).split("\n").length;
    if (line !== pagesView.line) pagesView.highlight(line);
  });
  initZoom();
  $("btn-save").addEventListener("click", () => save());
  $("btn-pdf").addEventListener("click", () => download("pdf", "PDF"));
  $("btn-docx").addEventListener("click", () => download("docx", t("web-word-file")));
  $("btn-new").addEventListener("click", newDoc);
  $("btn-next-year").addEventListener("click", nextYear);
  $("btn-derive").addEventListener("click", derive);
  $("btn-cap-so").addEventListener("click", capSo);
  $("dlg-cancel").addEventListener("click", () => $("dialog").close("cancel"));
  $("btn-reload").addEventListener("click", () => openDoc(state.path, { force: true }));
  $("btn-overwrite").addEventListener("click", () => save(true));
  $("tab-yaml").addEventListener("click", () => showTab(false));
  $("tab-form").addEventListener("click", () => showTab(true));
  $("form").addEventListener("submit", (e) => e.preventDefault());
  document.addEventListener("keydown", (e) => {
    if ((e.ctrlKey || e.metaKey) && e.key === "s") {
      e.preventDefault();
      save();
    }
  });
  window.addEventListener("focus", checkDisk);
  document.addEventListener("visibilitychange", checkDisk);
  // Another language chosen: the page again in it, or, with unsaved
  // changes, its labels now and the rest as it is drawn again.
  document.addEventListener("vanban-lang", (e) => {
    if (e.detail === wordsLang) return;
    if (!dirty()) return location.reload();
    relabel(e.detail);
    // The completion tips too: the schema's descriptions in that language.
    api("/api/schema")
      .then((schema) => {
        state.schema = schema;
        editor.schema = schema;
      })
      .catch(() => {});
  });
  window.addEventListener("beforeunload", (e) => {
    if (dirty()) e.preventDefault();
  });
  updateTitle();
  await loadList();
  const start = decodeURIComponent(location.hash.slice(1));
  if (start) await openDoc(start);
  document.body.dataset.ready = "true";
}

main().catch((e) => status(t("web-cannot-start", { reason: e.message })));
