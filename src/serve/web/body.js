// vanban serve: the body (noi_dung) as a list of blocks in the form tab.
// Every change is one edit sent to /api/body, which changes only the lines
// of that block in the YAML text (comments and other keys kept).

const KINDS = [
  ["doan", "Đoạn văn", "Căn đều, thụt đầu dòng. **đậm**, *nghiêng*, ^[chú thích cuối trang]"],
  ["muc", "Đề mục (Mục)", "In đậm, ví dụ I. MỤC ĐÍCH, YÊU CẦU"],
  ["khoan", "Khoản", "In đậm, ví dụ 1. Thời gian"],
  ["diem", "Điểm", "Ví dụ a) Đối tượng"],
  ["dieu", "Điều", "Ví dụ Điều 1. Phạm vi điều chỉnh"],
  ["gach", "Danh sách gạch đầu dòng (-)", "Mỗi dòng một mục"],
  ["cong", "Danh sách dấu cộng (+)", "Mỗi dòng một mục"],
  ["giua", "Dòng căn giữa", ""],
  ["tieu_de", "Tiêu đề căn giữa, in đậm", ""],
  ["ghi", "Đoạn không thụt đầu dòng", ""],
  ["bang", "Bảng", "Mỗi dòng một hàng, các ô cách nhau bằng dấu |; dòng đầu là hàng tiêu đề"],
  ["ngat_trang", "Ngắt trang", "Phần sau in sang trang mới"],
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
    fs.append(el("legend", {}, "Nội dung văn bản"));
    fs.append(el("p", { className: "hint" },
      "Mỗi khối là một đoạn, đề mục, danh sách hoặc bảng; dùng ↑ ↓ để đổi chỗ. Sửa ở đây thì thẻ YAML đổi theo."));
    this.note = el("p", { className: "blocked", hidden: true },
      "Nội dung được viết theo cách biểu mẫu không sửa được: hãy sửa ở thẻ YAML.");
    this.list = el("ol", { className: "blocks", id: "blocks" });
    const kind = el("select", { id: "body-add-kind", title: "Loại khối thêm vào cuối" },
      ...KINDS.map(([k, l]) => el("option", { value: k }, l)));
    const add = el("button", { type: "button", id: "body-add", title: "Thêm khối vào cuối nội dung" }, "Thêm khối");
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
        this.hooks.status("Không sửa được nội dung: " + e.message);
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
      b.id && `mã ${b.id}`,
      b.sau && `chèn sau ${b.sau}`,
      b.truoc && `chèn trước ${b.truoc}`,
    ].filter(Boolean);
    const tag = el("span", { className: "block-id", hidden: !tags.length }, tags.join(" · "));
    tag.title = b.sau || b.truoc ? "Khối mới, chèn vào nội dung của văn bản cha" : "Thay khối cùng mã của văn bản cha";
    if (b.kind === "khac") {
      head.append(el("span", { className: "hint" }, "Khối khác: sửa ở thẻ YAML"));
      li.append(head, tag, el("pre", { className: "block-yaml" }, b.yaml));
      return li;
    }
    const kind = el("select", { className: "block-kind", title: "Loại khối", disabled: !ok },
      ...KINDS.map(([k, l]) => el("option", { value: k, selected: k === b.kind }, l)));
    const button = (label, title, cls, edit) => {
      const btn = el("button", { type: "button", className: cls, title, disabled: !ok }, label);
      btn.addEventListener("click", edit);
      return btn;
    };
    head.append(kind,
      button("↑", "Đưa khối lên trên", "block-up", () => this.edit({ op: "up", index: i }, i - 1)),
      button("↓", "Đưa khối xuống dưới", "block-down", () => this.edit({ op: "down", index: i }, i + 1)),
      button("+", "Thêm một đoạn văn sau khối này", "block-add", () =>
        this.edit({ op: "add", index: i + 1, block: { kind: "doan", text: "" } }, i + 1)),
      button("✕", "Xóa khối này", "block-remove", () => this.edit({ op: "remove", index: i }, i)));
    li.append(head, tag);
    const hint = KINDS.find(([k]) => k === b.kind)?.[2] || "";
    const head_ = !(b.kind === "bang" && b.dau.length === 0 && b.dong.length > 0);
    if (b.kind !== "ngat_trang") {
      const ta = el("textarea", {
        className: "block-text", value: textOf(b), disabled: !ok,
        rows: LISTS.includes(b.kind) || b.kind === "bang" ? 3 : 2,
        placeholder: hint, title: hint,
      });
      ta.setAttribute("aria-label", `Khối ${i + 1}: ${KINDS.find(([k]) => k === b.kind)?.[1] || ""}`);
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
