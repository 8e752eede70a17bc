// Clinic directory: the list loads by state, as the reader asks, never all at once (each state's
// list is its own page, which also works without JavaScript). Filter by service and telehealth;
// sort by distance from a ZIP code: the ZIP's center comes from this site (one small file per
// two-digit prefix) and only the lists of the states near it are fetched. The ZIP code itself
// never leaves the browser. Every sentence comes from the page (data-kg-words, written from
// publish/words.py in the page's language): this script has no words of its own.
(function () {
  "use strict";
  const root = document.querySelector("[data-kg-directory]");
  if (!root) return;
  const form = root.querySelector("[data-kg-filters]");
  const status = root.querySelector("[data-kg-status]");
  const count = root.querySelector("[data-kg-count]");
  const far = root.querySelector("[data-kg-far]");
  const list = root.querySelector("[data-kg-list]");
  const zipBase = root.getAttribute("data-kg-zips");
  const stateBase = root.getAttribute("data-kg-states-base");
  const nearMiles = Number(root.getAttribute("data-kg-near-miles"));
  const states = JSON.parse(root.querySelector("[data-kg-state-boxes]").textContent);
  const words = JSON.parse(root.querySelector("[data-kg-words]").textContent);
  const numbers = new Intl.NumberFormat(root.getAttribute("data-kg-locale")); // en-US, es-US
  const total = states.reduce((sum, s) => sum + s.count, 0);
  const loadAll = root.hasAttribute("data-kg-load-all"); // a small directory: every state
  const loaded = new Map(); // state code -> its list items (a promise while loading)
  let shownStates = [];
  let zipSort = null; // {zip, here} while the list is sorted by distance
  form.hidden = false;

  function loadState(code) {
    if (!loaded.has(code)) {
      const url = `${stateBase}${code.toLowerCase()}/`;
      loaded.set(code, fetch(url).then((r) => {
        if (!r.ok) throw new Error(`${url}: ${r.status}`);
        return r.text();
      }).then((html) => {
        const page = new DOMParser().parseFromString(html, "text/html");
        const items = Array.from(page.querySelectorAll(".kg-clinic-list > .kg-clinic"));
        const base = new URL(url, location.href); // links on the state's page are relative to it
        for (const link of page.querySelectorAll(".kg-clinic-list > .kg-clinic a[href]")) {
          link.setAttribute("href", new URL(link.getAttribute("href"), base).href);
        }
        return items.map((item) => document.importNode(item, true));
      }));
    }
    return loaded.get(code);
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

  async function show() {
    const state = form.elements.state.value;
    const services = Array.from(form.querySelectorAll("input[name=service]:checked"))
      .map((box) => box.value);
    const telehealth = form.elements.telehealth.checked;
    const codes = state ? [state] : shownStates;
    let items = (await Promise.all(codes.map(loadState))).flat();
    items = items.filter((item) => {
      const offered = (item.dataset.services || "").split(" ");
      return services.every((s) => offered.includes(s)) &&
        (!telehealth || item.dataset.telehealth === "yes");
    });
    const away = new Map(); // item -> miles from the ZIP, while sorted by distance
    for (const item of items) {
      const label = item.querySelector(".kg-distance");
      label.hidden = !zipSort;
      if (zipSort) {
        const d = miles(zipSort.here[0], zipSort.here[1],
          Number(item.dataset.lat), Number(item.dataset.lon));
        away.set(item, d);
        label.textContent = distanceText(d, zipSort.zip);
      }
    }
    if (zipSort) items.sort((a, b) => away.get(a) - away.get(b));
    list.replaceChildren(...items);
    const near = zipSort && items.some((item) => away.get(item) <= nearMiles);
    far.hidden = !zipSort || Boolean(near);
    count.textContent = codes.length
      ? say("script_shown", {shown: items.length, count: total})
      : say("script_choose", {count: total});
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
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    sortByDistance(form.elements.zip.value.trim());
  });
  if (loadAll) shownStates = states.map((s) => s.code);
  update();
})();
