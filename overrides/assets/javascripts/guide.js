// Small helpers for every page, run after the page is parsed (defer).
// Light and dark mode: the reader's choice is applied and saved (the palette script in the
// header applied it at load); until the reader chooses, the page follows the system's mode.
// Search: the header's search opens here ("/", "s" or "f", the search button, or the search
// box); search.js, and Pagefind after it, load only then (or when a result opened this page
// with words to mark). Escape closes search, and hides a glossary tooltip until the pointer or
// focus moves on (WCAG 1.4.13). "Print only this checklist" marks the page so the print
// stylesheet hides everything but the checklist, then opens the print dialog.
(function () {
  "use strict";
  const root = document.documentElement;
  const here = document.currentScript.src;
  const toggle = document.getElementById("__search");
  const dialog = document.querySelector("[data-kg-search]");
  const input = dialog && dialog.querySelector("input");
  let search = null;

  function loadSearch() {
    if (!search) {
      search = document.createElement("script");
      search.src = new URL("search.js", here).href;
      document.head.append(search);
    }
  }

  function open() {
    toggle.checked = true;
    input.focus();
    input.select();
    loadSearch();
  }

  if (toggle && input) {
    input.addEventListener("focus", () => toggle.checked || open());
    toggle.addEventListener("change", () => (toggle.checked ? open() : input.blur()));
    document.addEventListener("keydown", (event) => {
      const target = event.target;
      if (toggle.checked && dialog.contains(target)) {
        if (event.key !== "Escape") return;
        toggle.checked = false;
        input.blur();
      } else if (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName) ||
          event.ctrlKey || event.metaKey || event.altKey || !["/", "s", "f"].includes(event.key)) {
        return;
      } else open();
      event.preventDefault();
    });
    if (new URLSearchParams(location.search).has("h")) loadSearch();
  }

  if (document.querySelector(".kg-tip")) {
    document.addEventListener("keydown", (event) => {
      if (event.key === "Escape") root.classList.add("kg-tips-hidden");
    });
    for (const name of ["mousemove", "focusin"]) {
      document.addEventListener(name, () => root.classList.remove("kg-tips-hidden"));
    }
  }

  const palette = document.querySelector("[data-kg-palette]");
  if (palette && window.__kg_palette) {
    const inputs = [...palette.querySelectorAll("input")];
    palette.addEventListener("change", (event) => {
      document.body.setAttribute("data-md-color-switching", ""); // no transitions meanwhile
      __md_set("__palette", __kg_palette(event.target));
      requestAnimationFrame(() => document.body.removeAttribute("data-md-color-switching"));
    });
    palette.addEventListener("keydown", (event) => {
      if (event.key !== "Enter") return;
      const next = inputs[(inputs.indexOf(event.target) + 1) % inputs.length];
      next.click();
      next.focus();
    });
    matchMedia("(prefers-color-scheme: light)").addEventListener("change", () => __kg_palette());
  }

  for (const button of document.querySelectorAll("[data-kg-print]")) {
    button.hidden = false;
    button.addEventListener("click", () => {
      root.classList.add("kg-print-checklist");
      window.print();
    });
  }
  window.addEventListener("afterprint", () => root.classList.remove("kg-print-checklist"));
})();
