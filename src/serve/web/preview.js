// vanban serve: the preview's pages. One <img> per page, sized from the
// page's dimensions; its picture (/api/page/HASH, SVG) is fetched only when
// the page is near the view, and only for pages whose hash changed. A page
// that changed while its old picture is in view keeps the old picture until
// the new one is decoded (no blank flash while typing).

// How far outside the view a page is drawn ahead (above and below).
const AHEAD = "100% 0px";

export class PagesView {
  // `host` holds the pages; `scroller` is the element that scrolls them;
  // `onMissing` is called when the server no longer has a page's picture.
  constructor(host, scroller, { onMissing }) {
    this.host = host;
    this.entries = [];
    this.near = new Set();
    this.onMissing = onMissing;
    this.observer = new IntersectionObserver((seen) => {
      for (const s of seen) {
        const e = s.target.__entry;
        if (!e) continue;
        if (s.isIntersecting) {
          this.near.add(e);
          this.load(e);
        } else {
          this.near.delete(e);
        }
      }
    }, { root: scroller, rootMargin: AHEAD });
  }

  // Removes every page.
  clear() {
    for (const e of this.entries) this.observer.unobserve(e.img);
    this.entries = [];
    this.near.clear();
    this.host.replaceChildren();
  }

  // The hashes of the pages shown.
  hashes() {
    return this.entries.map((e) => e.hash);
  }

  // Shows `pages` ({ hash, width, height, text } each), keeping the pictures
  // of pages that did not change. Returns how many pages changed.
  show(pages) {
    const old = new Map(this.entries.map((e) => [e.hash, e]));
    const used = new Set();
    let changed = 0;
    const next = pages.map((p, i) => {
      let e = old.get(p.hash);
      if (!e || used.has(e)) {
        changed++;
        const img = document.createElement("img");
        img.style.aspectRatio = `${p.width} / ${p.height}`;
        img.decoding = "async";
        e = { hash: p.hash, img, drawn: false, loading: null, stand: null };
        img.__entry = e;
      }
      used.add(e);
      e.img.alt = p.text;
      e.img.dataset.page = String(i + 1);
      e.img.title = `Trang ${i + 1}`;
      return e;
    });
    const prev = this.entries;
    next.forEach((e, i) => {
      let el = e.img;
      const before = prev[i];
      // A changed page in view: its old picture stays until the new one
      // is ready.
      if (!e.img.isConnected && !e.stand && before && !used.has(before) && before.drawn && this.near.has(before)) {
        e.stand = before.img;
        el = before.img;
        this.load(e).then(() => {
          if (e.stand && e.stand.isConnected && this.entries.includes(e)) e.stand.replaceWith(e.img);
          e.stand = null;
          this.observer.observe(e.img);
        });
      } else if (e.stand && e.stand.isConnected) {
        el = e.stand;
      }
      if (this.host.children[i] !== el) this.host.insertBefore(el, this.host.children[i] || null);
    });
    while (this.host.children.length > next.length) this.host.lastChild.remove();
    for (const e of prev) {
      if (!used.has(e)) {
        this.observer.unobserve(e.img);
        this.near.delete(e);
      }
    }
    for (const e of next) if (!e.stand) this.observer.observe(e.img);
    this.entries = next;
    return changed;
  }

  // Fetches and decodes the picture of `e` (once).
  load(e) {
    if (e.loading) return e.loading;
    e.img.src = "/api/page/" + e.hash;
    e.loading = e.img.decode().then(
      () => {
        e.drawn = true;
        e.img.dataset.drawn = "1";
      },
      () => {
        // Gone from the server (or not an image): lay the text out again.
        if (this.entries.includes(e)) this.onMissing();
      },
    );
    return e.loading;
  }
}
