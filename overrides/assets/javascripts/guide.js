// Small helpers for every page. "Print only this checklist" marks the page so the print
// stylesheet hides everything but the checklist, then opens the print dialog.
(function () {
  "use strict";
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
