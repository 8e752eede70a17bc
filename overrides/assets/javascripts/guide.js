// Small helpers for every page. "Print only this checklist" marks the page so the print
// stylesheet hides everything but the checklist, then opens the print dialog. Escape hides a
// glossary tooltip until the pointer or focus moves on (WCAG 1.4.13).
(function () {
  "use strict";
  const root = document.documentElement;
  document.addEventListener("keydown", (event) => {
    if (event.key === "Escape") root.classList.add("kg-tips-hidden");
  });
  for (const name of ["mousemove", "focusin"]) {
    document.addEventListener(name, () => root.classList.remove("kg-tips-hidden"));
  }
  for (const button of document.querySelectorAll("[data-kg-print]")) {
    button.hidden = false;
    button.addEventListener("click", () => {
      document.documentElement.classList.add("kg-print-checklist");
      window.print();
    });
  }
  window.addEventListener("afterprint", () => {
    document.documentElement.classList.remove("kg-print-checklist");
  });
})();
