// Clinic directory: the list loads by state, as the reader asks, never all at once. Each state's
// list is its own page (which also works without JavaScript) and, beside it, a file of the same
// entries (list.json) with what the filters and the ZIP sort need. Filter by service and
// telehealth; sort by distance from a ZIP code: the ZIP's center comes from this site (one small
// file per two-digit prefix) and only the lists of the states near it are fetched. The ZIP code
// itself never leaves the browser. The first entries are shown, then "Show more" adds as many:
// a long list is never built in one go. The entries were escaped when the site was built; this
// script writes nothing into them but text (a distance). Every sentence comes from the page
// (data-kg-words, written from publish/words.py in the page's language): this script has no
// words of its own.
(function () {
  "use strict";
  const root = document.querySelector("[data-kg-directory]");
  if (!root) return;
  const form = root.querySelector("[data-kg-filters]");
  const status = root.querySelector("[data-kg-status]");
  const count = root.querySelector("[data-kg-count]");
  const far = root.querySelector("[data-kg-far]");
  const list = root.querySelector("[data-kg-list]");
  const more = root.querySelector("[data-kg-more]");
  const zipBase = root.getAttribute("data-kg-zips");
  const stateBase = root.getAttribute("data-kg-states-base");
  const listFile = root.getAttribute("data-kg-list-file");
  const nearMiles = Number(root.getAttribute("data-kg-near-miles"));
  const pageSize = Number(root.getAttribute("data-kg-page-size"));
  const states = JSON.parse(root.querySelector("[data-kg-state-boxes]").textContent);
  const words = JSON.parse(root.querySelector("[data-kg-words]").textContent);
  const numbers = new Intl.NumberFormat(root.getAttribute("data-kg-locale")); // en-US, es-US
  const total = states.reduce((sum, s) => sum + s.count, 0);
  const loadAll = root.hasAttribute("data-kg-load-all"); // a small directory: every state
  const loaded = new Map(); // state code -> its clinics (a promise while loading)
  const scratch = document.createElement("template"); // entries are parsed here, inert
  let shownStates = [];
  let zipSort = null; // {zip, here} while the list is sorted by distance
  let matches = []; // the clinics that answer the reader's question, in order
  let away = null; // clinic -> miles from the ZIP, while sorted by distance
  let shown = 0; // how many of the matches are on screen
  let asked = 0; // the latest question: an answer to an older one is dropped
  form.hidden = false;

  function loadState(code) {
    if (!loaded.has(code)) {
      const url = new URL(`${stateBase}${code.toLowerCase()}/${listFile}`, location.href);
      loaded.set(code, fetch(url).then((r) => {
        if (!r.ok) throw new Error(`${url}: ${r.status}`);
        return r.json();
      }).then((data) => data.clinics.map((clinic) => Object.assign(clinic, {base: url}))));
    }
    return loaded.get(code);
  }

  // The entries of these clinics, ready to insert at once: their links made to work from this
  // page (they are written relative to the list file) and, while sorted, their distance.
  function entries(clinics) {
    scratch.innerHTML = clinics.map((clinic) => clinic.html).join("");
    const items = scratch.content.children;
    clinics.forEach((clinic, n) => {
      for (const link of items[n].querySelectorAll("a[href]")) {
        link.setAttribute("href", new URL(link.getAttribute("href"), clinic.base).href);
      }
      if (away) {
        const label = items[n].querySelector(".kg-distance");
        label.textContent = distanceText(away.get(clinic), zipSort.zip);
        label.hidden = false;
      }
    });
    return scratch.content;
  }

  // A sentence from the page with its {placeholders} filled; a sentence with two forms takes
  // the singular for a count of exactly 1 (as words.plural_form in Python).
  function say(key, values = {}) {
    let text = words[key];
    if (typeof text !== "string") text = text[values.count === 1 ? "one" : "other"];
    return text.replace(/\{(\w+)\}/g, (whole, name) => {
      const value = values[name];
      return typeof value === "number" ? numbers.format(value) : String(value);
    });
  }

  function miles(lat1, lon1, lat2, lon2) {
    const rad = Math.PI / 180;
    const a = Math.sin((lat2 - lat1) * rad / 2) ** 2 +
      Math.cos(lat1 * rad) * Math.cos(lat2 * rad) * Math.sin((lon2 - lon1) * rad / 2) ** 2;
    return 3958.8 * 2 * Math.asin(Math.sqrt(a));
  }

  // Miles from a point to the nearest point of a state's box of clinics.
  function milesToBox(here, box) {
    const lat = Math.min(Math.max(here[0], box[0]), box[1]);
    const lon = Math.min(Math.max(here[1], box[2]), box[3]);
    return miles(here[0], here[1], lat, lon);
  }

  function distanceText(d, zip) {
    const n = Math.round(d);
    if (n < 1) return say("script_under_a_mile", {zip});
    return say("script_miles", {count: n, zip});
  }

  function countText() {
    if (shown < matches.length) return say("script_paged", {shown, count: matches.length});
    return say("script_shown", {shown: matches.length, count: total});
  }

  function offerMore() {
    const left = matches.length - shown;
    more.hidden = left <= 0;
    if (left > 0) more.textContent = say("script_more", {count: Math.min(pageSize, left)});
  }

  async function show() {
    const ticket = ++asked;
    const state = form.elements.state.value;
    const services = Array.from(form.querySelectorAll("input[name=service]:checked"))
      .map((box) => box.value);
    const telehealth = form.elements.telehealth.checked;
    const codes = state ? [state] : shownStates;
    const clinics = (await Promise.all(codes.map(loadState))).flat().filter((clinic) =>
      services.every((s) => clinic.services.includes(s)) && (!telehealth || clinic.telehealth));
    if (ticket !== asked) return;
    away = null;
    if (zipSort) {
      const [lat, lon] = zipSort.here;
      away = new Map(clinics.map((c) => [c, miles(lat, lon, c.lat, c.lon)]));
      clinics.sort((a, b) => away.get(a) - away.get(b));
    }
    matches = clinics;
    shown = Math.min(pageSize, clinics.length);
    list.replaceChildren(entries(clinics.slice(0, shown)));
    offerMore();
    far.hidden = !zipSort || clinics.some((clinic) => away.get(clinic) <= nearMiles);
    count.textContent = codes.length ? countText() : say("script_choose", {count: total});
  }

  // The next entries, added after the others; the reader's focus moves to the first of them
  // and the status says how many are shown.
  function showMore() {
    const next = matches.slice(shown, shown + pageSize);
    if (!next.length) return;
    const added = entries(next);
    const first = added.firstElementChild;
    list.append(added);
    shown += next.length;
    offerMore();
    count.textContent = countText();
    status.textContent = count.textContent;
    first.querySelector("h3 a").focus();
  }

  function update() {
    show().catch(() => {
      status.textContent = say("script_load_failed");
    });
  }

  async function center(zip) {
    const response = await fetch(`${zipBase}${zip.slice(0, 2)}.json`);
    if (!response.ok) return null;
    const table = await response.json();
    return table[zip] || null;
  }

  async function sortByDistance(zip) {
    if (!/^[0-9]{5}$/.test(zip)) {
      zipSort = null;
      status.textContent = say("script_zip_invalid");
      return update();
    }
    status.textContent = say("script_finding", {zip});
    let here = null;
    try {
      here = await center(zip);
    } catch (error) {
      here = null;
    }
    if (!here) {
      zipSort = null;
      status.textContent = say("script_zip_unknown", {zip});
      return update();
    }
    zipSort = {zip, here};
    // Only the states that can hold a clinic near the ZIP (a state's box is never farther than
    // its clinics), else those within three times that, else the nearest state: every near
    // clinic is listed, and far fewer lists are fetched and read than all within reach.
    const ranked = states.map((s) => [milesToBox(here, s.box), s.code]).sort((a, b) => a[0] - b[0]);
    const within = (miles) => ranked.filter(([d]) => d <= miles).map(([, code]) => code);
    const nearest = ranked.slice(0, 1).map(([, code]) => code);
    const reach = [within(nearMiles), within(nearMiles * 3)].find((codes) => codes.length);
    if (!loadAll) shownStates = reach || nearest;
    form.elements.state.value = "";
    await show();
    status.textContent = say("script_sorted", {zip});
  }

  form.addEventListener("change", (event) => {
    if (event.target.name === "zip") return;
    if (event.target.name === "state") {
      zipSort = null;
      shownStates = loadAll ? states.map((s) => s.code) : [];
    }
    update();
  });
  more.addEventListener("click", showMore);
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    sortByDistance(form.elements.zip.value.trim());
  });
  if (loadAll) shownStates = states.map((s) => s.code);
  update();
})();
