// The language of the server's messages (errors, warnings, status lines):
// a choice kept in this browser (localStorage), sent with every API
// request as `X-Vanban-Lang`. Without a choice, the server's own language,
// which the page carries in <html data-messages>. Loaded before app.js, so that
// every request of the editor carries it. The page's own words follow the
// choice too, Vietnamese without one (web/words.js).

const KEY = "vanban-lang";
const LANGS = [
  ["vi", "Tiếng Việt"],
  ["en", "English"],
];

function stored() {
  try {
    return localStorage.getItem(KEY);
  } catch {
    return null;
  }
}

let choice = stored();

// The language chosen in this browser, if any.
export function chosen() {
  return choice;
}

const pageFetch = window.fetch.bind(window);
window.fetch = (input, init = {}) => {
  const lang = choice;
  const url = typeof input === "string" ? input : input.url;
  if (lang && new URL(url, location.href).pathname.startsWith("/api/")) {
    const headers = new Headers(init.headers || {});
    headers.set("X-Vanban-Lang", lang);
    init = { ...init, headers };
  }
  return pageFetch(input, init);
};

const select = document.createElement("select");
select.id = "lang";
select.title = "Ngôn ngữ · Language";
select.setAttribute("aria-label", select.title);
for (const [code, name] of LANGS) {
  select.append(new Option(name, code));
}
// Without a choice the page's words are Vietnamese and the server's
// messages are in the server's language. When those differ (a server
// started in English) no language is shown as chosen, so that picking
// either one is a change that applies it to the whole page.
const server = document.documentElement.dataset.messages || "vi";
if (!choice && server !== "vi") {
  const none = new Option("—", "");
  none.disabled = true;
  select.prepend(none);
}
select.value = choice || (server === "vi" ? "vi" : "");
select.addEventListener("change", () => {
  choice = select.value;
  try {
    localStorage.setItem(KEY, select.value);
  } catch {
    // A browser without storage: the choice lasts for this page.
  }
  // The page's own words follow (app.js reloads the page, see words.js).
  document.dispatchEvent(new CustomEvent("vanban-lang", { detail: select.value }));
});
document.querySelector("header").append(select);
