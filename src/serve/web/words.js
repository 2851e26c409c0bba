// The page's own words (buttons, labels, tabs, dialogs, status lines) from
// the `web-*` messages of the catalogue, in the language chosen in this
// browser (`web/lang.js`), else Vietnamese. Loaded once, before the page's
// scripts run; `t(id, args)` words a message, `fill()` words the elements
// of index.html that carry `data-w` (their text), `data-w-title`,
// `data-w-placeholder` or `data-w-label` (aria-label). The Vietnamese
// text written in index.html stays when a word is missing.
import { chosen } from "/assets/lang.js";

const ATTRS = [
  ["wTitle", "title"],
  ["wPlaceholder", "placeholder"],
  ["wLabel", "aria-label"],
];

let words = {};

// The language the page's words are in.
export let wordsLang = chosen() || "vi";

async function load(lang) {
  try {
    const res = await fetch("/api/words?lang=" + encodeURIComponent(lang));
    if (res.ok) {
      words = await res.json();
      wordsLang = lang;
    }
  } catch {
    // The words written in the page stay.
  }
}

await load(wordsLang);

// The message `id` with its `{ $name }` placed from `args`; the id when
// the catalogue lacks it (a test makes sure it never does).
export function t(id, args = {}) {
  const text = words[id];
  if (text === undefined) return id;
  return text.replace(/\{\s*\$([A-Za-z0-9_-]+)\s*\}/g, (m, name) =>
    name in args ? String(args[name]) : m);
}

// Words the elements under `root` that name their message.
export function fill(root = document) {
  for (const el of root.querySelectorAll("[data-w]")) {
    if (el.dataset.w in words) el.textContent = t(el.dataset.w);
  }
  for (const [key, attr] of ATTRS) {
    const sel = "[data-" + key.replace(/[A-Z]/g, (c) => "-" + c.toLowerCase()) + "]";
    for (const el of root.querySelectorAll(sel)) {
      if (el.dataset[key] in words) el.setAttribute(attr, t(el.dataset[key]));
    }
  }
  document.documentElement.lang = wordsLang;
}

// Words the page in `lang` without reloading it (a document with unsaved
// changes): the static labels now, the rest as it is drawn again.
export async function relabel(lang) {
  await load(lang);
  fill();
}

fill();
