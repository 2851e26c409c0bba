// vanban serve: the page. Talks to the JSON API of the same server.
import { Editor, shortMessage } from "/assets/editor.js";

const $ = (id) => document.getElementById(id);
const PREVIEW_DELAY_MS = 150;
const FORM_DELAY_MS = 250;

const LABELS = {
  co_quan_chu_quan: ["Cơ quan chủ quản", "Chữ in hoa, ví dụ UBND HUYỆN THỦ THỪA"],
  co_quan: ["Cơ quan ban hành", "Chữ in hoa, ví dụ PHÒNG GIÁO DỤC VÀ ĐÀO TẠO"],
  so: ["Số", "Để trống khi chưa vào sổ (dự thảo)"],
  ky_hieu: ["Ký hiệu", "Phần sau dấu gạch chéo, ví dụ PGDĐT"],
  dia_danh: ["Địa danh", "Ví dụ Thủ Thừa"],
  ngay: ["Ngày ban hành", "2023-10-02 hoặc 02/10/2023; dự thảo có thể để trống ngày: 2023-10"],
  trich_yeu: ["Trích yếu", "Nội dung tóm tắt của văn bản"],
  kinh_gui: ["Kính gửi", "Mỗi dòng một nơi nhận"],
  nguoi_ky: ["Người ký", ""],
  quyen_han: ["Quyền hạn ký", "TM., KT., TL., TUQ.… ví dụ KT. TRƯỞNG PHÒNG"],
  chuc_vu: ["Chức vụ", "Ví dụ PHÓ TRƯỞNG PHÒNG"],
  ho_ten: ["Họ và tên", ""],
  noi_nhan: ["Nơi nhận", "Mỗi dòng một nơi; dòng cuối thường là Lưu: VT"],
};

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
  shown: 0,
  inflight: false,
  again: false,
  timer: null,
  urls: [],
  formQueue: Promise.resolve(),
};
let editor;

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

function dirty() {
  return state.path !== null && editor.value !== state.saved;
}

function updateTitle() {
  $("doc-name").textContent = state.path || "Chưa mở văn bản";
  $("doc-name").classList.toggle("dirty", dirty());
  for (const id of ["btn-save", "btn-pdf", "btn-docx", "btn-next-year", "btn-derive", "btn-cap-so"]) $(id).disabled = !state.path;
  document.title = (dirty() ? "• " : "") + (state.path || "vanban") + " – vanban";
}

// ---- Document list -------------------------------------------------------

async function loadList() {
  state.docs = await api("/api/docs");
  renderList();
}

function renderList() {
  const q = $("search").value.trim().toLowerCase();
  const ul = $("doc-list");
  ul.replaceChildren();
  for (const d of state.docs) {
    const hay = [d.path, d.so_ky_hieu, d.ngay, d.loai, d.trich_yeu, d.co_quan].join(" ").toLowerCase();
    if (q && !hay.includes(q)) continue;
    const li = document.createElement("li");
    li.dataset.path = d.path;
    li.classList.toggle("current", d.path === state.path);
    const so = document.createElement("span");
    so.className = "so";
    so.textContent = d.so_ky_hieu || d.path;
    const meta = document.createElement("span");
    meta.className = "meta";
    meta.textContent = [" ", d.ngay, d.loai].filter(Boolean).join(" · ");
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
      bad.textContent = " (có lỗi)";
      bad.title = d.error;
      li.append(bad);
    }
    li.addEventListener("click", () => openDoc(d.path));
    ul.append(li);
  }
}

// ---- Opening and saving ----------------------------------------------------

async function openDoc(path, { force = false } = {}) {
  if (!force && dirty() && !confirm("Văn bản đang soạn chưa được lưu. Bỏ các thay đổi?")) return;
  try {
    const doc = await api("/api/doc?path=" + encodeURIComponent(path));
    state.path = doc.path;
    state.version = doc.version;
    state.saved = doc.text;
    editor.value = doc.text;
    editor.setDiagnostics([]);
    $("conflict").hidden = true;
    $("pages").replaceChildren();
    history.replaceState(null, "", "#" + encodeURIComponent(doc.path));
    renderList();
    updateTitle();
    status("Đã mở");
    if (!$("form").hidden) await refreshForm();
    schedulePreview(0);
  } catch (e) {
    status("Không mở được: " + e.message);
  }
}

async function save(force = false) {
  if (!state.path) return;
  const text = editor.value;
  try {
    const res = await api("/api/save", { path: state.path, text, version: state.version, force });
    state.version = res.version;
    state.saved = text;
    $("conflict").hidden = true;
    updateTitle();
    status("Đã lưu lúc " + new Date().toLocaleTimeString("vi-VN"));
    loadList();
  } catch (e) {
    if (e.status === 409) {
      $("conflict").hidden = false;
      status("Chưa lưu: tệp đã bị thay đổi trên đĩa");
    } else {
      status("Không lưu được: " + e.message);
    }
  }
}

// Downloads the document being edited as a PDF (`pdf`) or a Word file
// (`docx`), built from the text in the editor.
async function download(ext, label) {
  if (!state.path) return;
  status("Đang tạo " + label + "…");
  try {
    const blob = await api("/api/" + ext, { path: state.path, text: editor.value });
    const a = document.createElement("a");
    a.href = URL.createObjectURL(blob);
    a.download = state.path.split("/").pop().replace(/\.ya?ml$/, "") + "." + ext;
    document.body.append(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(a.href), 10000);
    status("Đã tạo " + label);
  } catch (e) {
    status("Không tạo được " + label + ": " + e.message);
  }
}

// Cấp số: the document is saved first; the server takes the next number
// of its series, writes `so:` and `ngay:` into the file and records it.
async function capSo() {
  if (!state.path) return;
  if (!confirm("Cấp số cho văn bản này? Số đã cấp được ghi vào sổ đăng ký và không cấp lại được.")) return;
  if (dirty()) {
    await save();
    if (dirty()) return;
  }
  status("Đang cấp số…");
  try {
    const res = await api("/api/cap-so", { path: state.path, version: state.version });
    await openDoc(state.path, { force: true });
    await loadList();
    status(res.message);
  } catch (e) {
    if (e.data && e.data.diagnostics) showDiagnostics(e.data.diagnostics);
    status("Không cấp số được: " + e.message);
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
      status("Đã tải lại: tệp vừa được thay đổi trên đĩa");
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
    if (seq > state.shown && text === editor.value) {
      state.shown = seq;
      showDiagnostics(res.diagnostics);
      if (res.ok) {
        showPages(res.pages);
        status(`Xem trước: ${Math.round(performance.now() - t0)} ms`);
      } else {
        status("Văn bản có lỗi");
      }
      $("pages").classList.toggle("stale", !res.ok);
      const note = $("preview-note");
      note.hidden = res.ok;
      note.textContent = $("pages").children.length
        ? "Văn bản đang có lỗi: bản xem trước dưới đây là bản đúng gần nhất."
        : "Văn bản đang có lỗi: sửa các lỗi bên trái để xem trước.";
    }
  } catch (e) {
    status("Không xem trước được: " + e.message);
  } finally {
    state.inflight = false;
    if (state.again) {
      state.again = false;
      runPreview();
    }
  }
}

function showPages(pages) {
  const urls = pages.map((p) => URL.createObjectURL(new Blob([p.svg], { type: "image/svg+xml" })));
  const imgs = pages.map((p, i) => {
    const img = document.createElement("img");
    img.src = urls[i];
    img.alt = p.text;
    img.dataset.page = String(i + 1);
    img.title = `Trang ${i + 1}`;
    return img;
  });
  $("pages").replaceChildren(...imgs);
  for (const u of state.urls) URL.revokeObjectURL(u);
  state.urls = urls;
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
    where.textContent = d.line ? `Dòng ${d.line}, cột ${d.column}:` : d.severity === "error" ? "Lỗi:" : "Cảnh báo:";
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
  const [label, hint] = LABELS[key] || [key, ""];
  const id = "f-" + key;
  const kind = kindOf(node);
  if (kind === "object") {
    const fs = document.createElement("fieldset");
    fs.dataset.key = key;
    const legend = document.createElement("legend");
    legend.textContent = label;
    fs.append(legend);
    for (const [sub, subNode] of Object.entries(schemaNode(node).properties || {})) {
      if (kindOf(schemaNode(subNode)) !== "text") continue;
      fs.append(fieldFor(`${key}.${sub}`, schemaNode(subNode), onInput));
      const [l, h] = LABELS[sub] || [sub, ""];
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
  note.textContent = "Nội dung YAML đang có lỗi cú pháp: hãy sửa ở thẻ YAML trước khi dùng biểu mẫu.";
  form.append(note);
  const props = schemaNode(state.schema).properties || {};
  for (const key of state.formKeys) {
    if (!props[key]) continue;
    form.append(fieldFor(key, schemaNode(props[key]), onFormInput));
  }
}

// The value of a field (`nguoi_ky.ho_ten` for a key of a map).
function formValue(key) {
  const el = $("f-" + key);
  if (el.dataset.kind === "list") return el.value.split("\n").map((s) => s.trim()).filter(Boolean);
  if (el.dataset.kind === "number") return el.value === "" ? null : Number(el.value);
  return el.value;
}

function fillForm(fields) {
  $("form-blocked").hidden = fields !== null;
  for (const el of $("form").querySelectorAll("input, textarea")) {
    el.disabled = fields === null;
    if (fields === null || el === document.activeElement) continue;
    const [key, sub] = el.name.split(".");
    let v = fields[key];
    if (sub) v = v && typeof v === "object" ? v[sub] : undefined;
    if (Array.isArray(v)) v = v.map((x) => (typeof x === "string" ? x : JSON.stringify(x))).join("\n");
    el.value = v === undefined || v === null ? "" : String(v);
  }
}

async function refreshForm() {
  const res = await api("/api/form", { text: editor.value });
  fillForm(res.fields);
}

const formTimers = {};
function onFormInput(key) {
  clearTimeout(formTimers[key]);
  formTimers[key] = setTimeout(() => {
    state.formQueue = state.formQueue.then(async () => {
      try {
        const res = await api("/api/form", { text: editor.value, key, value: formValue(key) });
        editor.value = res.text;
        fillForm(res.fields);
        changed();
      } catch (e) {
        status("Không cập nhật được: " + e.message);
      }
    });
  }, FORM_DELAY_MS);
}

function showTab(form) {
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

async function create(endpoint, body) {
  try {
    const res = await api(endpoint, body);
    await loadList();
    await openDoc(res.path, { force: true });
    status("Đã tạo " + res.path);
  } catch (e) {
    status("Không tạo được: " + e.message);
  }
}

async function newDoc() {
  if (dirty() && !confirm("Văn bản đang soạn chưa được lưu. Bỏ các thay đổi?")) return;
  const first = state.kinds[0]?.key || "cong_van";
  const name = (k) => folderOf(state.path) + k.replace(/_/g, "-") + "-moi.yaml";
  const v = await ask("Văn bản mới", [
    { name: "loai", label: "Loại văn bản", options: state.kinds.map((k) => [k.key, k.name]), value: first,
      onChange: (el, body) => { body.querySelector('[name="path"]').value = name(el.value); } },
    { name: "path", label: "Tên tệp (trong thư mục đang mở)", value: name(first) },
  ]);
  if (v) await create("/api/new", v);
}

async function nextYear() {
  if (!state.path) return;
  const m = /\b(20\d\d)\b/.exec(editor.value.match(/^ngay:.*$/m)?.[0] || "");
  const year = m ? Number(m[1]) + 1 : new Date().getFullYear();
  const base = state.path.replace(/\.ya?ml$/, "");
  const out = /20\d\d/.test(base) ? base.replace(/20\d\d(?!.*20\d\d)/, String(year)) : `${base}-${year}`;
  const v = await ask("Dự thảo năm sau", [
    { name: "year", label: "Năm", type: "number", value: year },
    { name: "out", label: "Tên tệp mới", value: out + ".yaml" },
  ]);
  if (v) await create("/api/next-year", { path: state.path, out: v.out, year: Number(v.year) });
}

async function derive() {
  if (!state.path) return;
  const v = await ask("Văn bản cấp dưới (kế thừa văn bản này)", [
    { name: "out", label: "Tên tệp mới", value: folderOf(state.path) + "cap-duoi/" + state.path.split("/").pop() },
  ]);
  if (v) await create("/api/derive", { path: state.path, out: v.out });
}

// ---- Start -------------------------------------------------------------------

function changed() {
  updateTitle();
  schedulePreview();
}

async function main() {
  state.schema = await api("/api/schema");
  state.kinds = await api("/api/kinds");
  state.formKeys = (await api("/api/keys")).form;
  editor = new Editor($("editor-host"), { schema: state.schema, onChange: changed });
  buildForm();
  $("search").addEventListener("input", renderList);
  $("btn-save").addEventListener("click", () => save());
  $("btn-pdf").addEventListener("click", () => download("pdf", "PDF"));
  $("btn-docx").addEventListener("click", () => download("docx", "tệp Word"));
  $("btn-new").addEventListener("click", newDoc);
  $("btn-next-year").addEventListener("click", nextYear);
  $("btn-derive").addEventListener("click", derive);
  $("btn-cap-so").addEventListener("click", capSo);
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
  window.addEventListener("beforeunload", (e) => {
    if (dirty()) e.preventDefault();
  });
  updateTitle();
  await loadList();
  const start = decodeURIComponent(location.hash.slice(1));
  if (start) await openDoc(start);
  document.body.dataset.ready = "true";
}

main().catch((e) => status("Lỗi khởi động: " + e.message));
