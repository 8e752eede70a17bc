// Site search in Material's header dialog, answered by Pagefind (built by `ketaguide`'s hook).
// guide.js opens the dialog and loads this script the first time the reader opens search (or
// when a result opened this page); this script then loads Pagefind's script and only the index
// pieces the query needs, all from this site. Arrows move through results; guide.js closes the
// dialog on Escape. The words searched for are marked on the page a result opens.
(function () {
  "use strict";
  const config = JSON.parse(document.getElementById("__config").textContent);
  const root = new URL(`${config.base.replace(/\/?$/, "/")}`, location.href);
  const t = config.translations; // Material's labels, in the page's language
  // The two the guide adds, per edition (each edition has its own index: ketaguide/search.py).
  const WORDS = {
    en: { more: "Show # more results", failed: "Search could not load. Reload the page and try again." },
    es: { more: "Mostrar # resultados más", failed: "La búsqueda no pudo cargarse. Vuelva a cargar la página e inténtelo de nuevo." },
  };
  const said = WORDS[document.documentElement.lang] || WORDS.en;
  const toggle = document.getElementById("__search");
  const dialog = document.querySelector("[data-kg-search]");
  if (!toggle || !dialog) return;
  const input = dialog.querySelector("input");
  const meta = dialog.querySelector("[data-kg-search-meta]");
  const list = dialog.querySelector("[data-kg-search-list]");
  const PAGE = 5; // results whose text is fetched at a time ("Show more" fetches the next)
  const PAUSE = 80; // ms after the last key before searching
  let pagefind = null;
  let latest = 0;
  let shown = [];

  function load() {
    if (!pagefind) {
      pagefind = import(new URL("pagefind/pagefind.js", root).href).then(async (api) => {
        await api.options({ baseUrl: root.pathname, highlightParam: "h", excerptLength: 24 });
        await api.init();
        return api;
      });
    }
    return pagefind;
  }

  function article(level, title, excerpt) {
    const node = document.createElement("article");
    node.className = "md-search-result__article md-typeset";
    const heading = document.createElement(level);
    heading.textContent = title;
    const text = document.createElement("p");
    text.innerHTML = excerpt; // Pagefind's excerpt: the page's own text, escaped, with <mark>
    node.append(heading, text);
    return node;
  }

  function link(url, child) {
    const anchor = document.createElement("a");
    anchor.className = "md-search-result__link";
    anchor.href = url;
    anchor.append(child);
    return anchor;
  }

  function score(sub) {
    return sub.weighted_locations.reduce((sum, at) => sum + at.balanced_score, 0);
  }

  function item(data) {
    const li = document.createElement("li");
    li.className = "md-search-result__item";
    li.append(link(data.url, article("h1", data.meta.title || data.url, data.excerpt)));
    const sections = data.sub_results
      .filter((sub) => sub.anchor && sub.anchor.element !== "h1")
      .sort((a, b) => score(b) - score(a))
      .slice(0, 2);
    for (const sub of sections) li.append(link(sub.url, article("h2", sub.title, sub.excerpt)));
    return li;
  }

  function count(n) {
    if (n === 0) return t["search.result.none"];
    return n === 1 ? t["search.result.one"] : t["search.result.other"].replace("#", n);
  }

  async function more() {
    const next = shown.splice(0, PAGE);
    const data = await Promise.all(next.map((result) => result.data()));
    list.querySelector(".kg-search-more")?.remove();
    list.append(...data.map(item));
    if (shown.length) {
      const li = document.createElement("li");
      li.className = "kg-search-more md-search-result__item";
      const button = document.createElement("button");
      button.type = "button";
      button.className = "md-search-result__link";
      button.textContent = said.more.replace("#", Math.min(PAGE, shown.length));
      button.addEventListener("click", () => {
        const first = list.children.length - 1; // where the new results start
        more().then(() => list.children[first]?.querySelector("a")?.focus());
      });
      li.append(button);
      list.append(li);
    }
  }

  async function search() {
    const query = input.value.trim();
    const api = await load();
    if (!query) {
      list.replaceChildren();
      meta.textContent = t["search.result.placeholder"];
      return;
    }
    // Our own pause, not Pagefind's debouncedSearch: that fetches the index pieces of every
    // prefix typed on the way ("a", "af", ...), most of the bytes of a first search.
    const id = ++latest;
    await new Promise((done) => setTimeout(done, PAUSE));
    if (id !== latest) return; // a newer query replaced this one
    const found = await api.search(query);
    if (id !== latest) return;
    shown = found.results.slice();
    list.replaceChildren();
    meta.textContent = count(found.results.length);
    await more();
  }

  function move(step) {
    const stops = [input, ...list.querySelectorAll(".md-search-result__link")];
    const at = stops.indexOf(document.activeElement);
    stops[(Math.max(0, at) + step + stops.length) % stops.length].focus();
  }

  function answer() {
    search().catch(() => {
      meta.textContent = said.failed;
    });
  }

  input.addEventListener("focus", load);
  input.addEventListener("input", answer);
  dialog.querySelector("form").addEventListener("submit", (event) => {
    event.preventDefault();
    list.querySelector("a")?.click();
  });
  dialog.querySelector("[type=reset]").addEventListener("click", () => {
    list.replaceChildren();
    meta.textContent = t["search.result.placeholder"];
    input.focus();
  });
  dialog.addEventListener("keydown", (event) => {
    if (event.key !== "ArrowDown" && event.key !== "ArrowUp") return;
    event.preventDefault();
    move(event.key === "ArrowDown" ? 1 : -1);
  });
  // Opened before this script arrived: what the reader typed meanwhile is searched now.
  if (toggle.checked) {
    load();
    if (input.value.trim()) answer();
  }

  // Mark the words searched for on the page a result opened (?h=word&h=word).
  const words = new URLSearchParams(location.search).getAll("h")
    .flatMap((w) => w.split(/\s+/)).filter((w) => w.length > 1)
    .map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"));
  const content = document.querySelector("article.md-content__inner");
  if (!words.length || !content) return;
  const pattern = new RegExp(`\\b(?:${words.join("|")})\\w*`, "gi");
  const walker = document.createTreeWalker(content, NodeFilter.SHOW_TEXT, (node) =>
    node.parentElement.closest("script, style, .kg-tip, mark") ? NodeFilter.FILTER_REJECT
      : NodeFilter.FILTER_ACCEPT);
  const nodes = [];
  while (walker.nextNode()) nodes.push(walker.currentNode);
  for (const node of nodes) {
    const text = node.nodeValue;
    const parts = [];
    let last = 0;
    for (const match of text.matchAll(pattern)) {
      parts.push(text.slice(last, match.index));
      const mark = document.createElement("mark");
      mark.setAttribute("data-md-highlight", "");
      mark.textContent = match[0];
      parts.push(mark);
      last = match.index + match[0].length;
    }
    if (parts.length) node.replaceWith(...parts, text.slice(last));
  }
})();
