// Clinic directory: the list loads as the reader asks, never all at once. Each state's list is
// its own page (which also works without JavaScript) and, beside it, a file of the same entries
// (list.json) with what the filters and the sort need. Filter by state, service and telehealth;
// sort by distance from a ZIP code: the ZIP's center comes from this site (one small file per
// two-digit prefix), then the clinics come in small groups (by the first three digits of their
// ZIP code), the nearest groups first, only until the nearest clinics are known for sure. The
// ZIP code itself never leaves the browser. The first entries are shown, then "Show more" adds
// more: a long list is never built in one go. The entries were escaped when the site was built;
// this script writes nothing into them but text (a distance). Every sentence comes from the
// page (data-kg-words, written from publish/words.py in the page's language): this script has
// no words of its own.
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
  const nearBase = root.getAttribute("data-kg-near-base");
  const nearIndex = root.getAttribute("data-kg-near-index");
  const listFile = root.getAttribute("data-kg-list-file");
  const nearMiles = Number(root.getAttribute("data-kg-near-miles"));
  const pageSize = Number(root.getAttribute("data-kg-page-size"));
  const states = JSON.parse(root.querySelector("[data-kg-states]").textContent);
  const words = JSON.parse(root.querySelector("[data-kg-words]").textContent);
  const numbers = new Intl.NumberFormat(root.getAttribute("data-kg-locale")); // en-US, es-US
  const total = states.reduce((sum, s) => sum + s.count, 0);
  const loadAll = root.hasAttribute("data-kg-load-all"); // a small directory: every state
  const loaded = new Map(); // the URL of a list file -> its clinics (a promise while loading)
  const scratch = document.createElement("template"); // entries are parsed here, inert
  let groups = null; // the groups by ZIP prefix and their boxes (a promise once asked for)
  let zipSort = null; // {zip, here, ranked, next, pool} while the list is sorted by distance
  let matches = []; // the clinics that answer the question asked, in order
  let away = new Map(); // clinic -> miles from the ZIP, while sorted by distance
  let shown = 0; // how many of the matches are on screen
  let farther = false; // sorted by distance: whether clinics farther away may remain
  let asked = 0; // the latest question: an answer to an older one is dropped
  form.hidden = false;

  function loadList(path) {
    const url = new URL(`${path}${listFile}`, location.href);
    if (!loaded.has(url.href)) {
      loaded.set(url.href, fetch(url).then((r) => {
        if (!r.ok) throw new Error(`${url}: ${r.status}`);
        return r.json();
      }).then((data) => data.clinics.map((clinic) => Object.assign(clinic, {base: url}))));
    }
    return loaded.get(url.href);
  }

  const stateList = (code) => loadList(`${stateBase}${code.toLowerCase()}/`);
  const groupList = (prefix) => loadList(`${nearBase}${prefix}/`);

  // The entries of these clinics, ready to insert at once: their links made to work from this
  // page (they are written relative to the list file) and, while sorted, their distance.
  function entries(clinics) {
    scratch.innerHTML = clinics.map((clinic) => clinic.html).join("");
    const items = scratch.content.children;
    clinics.forEach((clinic, n) => {
      for (const link of items[n].querySelectorAll("a[href]")) {
        link.setAttribute("href", new URL(link.getAttribute("href"), clinic.base).href);
      }
      if (zipSort) {
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

  // Miles from a point to a box of clinics (south, north, west, east), a little less than the
  // nearest of them can be: the nearest corner by latitude and longitude is not quite the
  // nearest point on a sphere, so 3% is taken off to stay on the safe side.
  function milesToBox(here, box) {
    const lat = Math.min(Math.max(here[0], box[0]), box[1]);
    const lon = Math.min(Math.max(here[1], box[2]), box[3]);
    return 0.97 * miles(here[0], here[1], lat, lon);
  }

  function distanceText(d, zip) {
    const n = Math.round(d);
    if (n < 1) return say("script_under_a_mile", {zip});
    return say("script_miles", {count: n, zip});
  }

  function filters() {
    const services = Array.from(form.querySelectorAll("input[name=service]:checked"))
      .map((box) => box.value);
    const telehealth = form.elements.telehealth.checked;
    return {
      passes: (clinic) => services.every((s) => clinic.services.includes(s)) &&
        (!telehealth || clinic.telehealth),
      // whether a group (by what any of its clinics offers) can hold a clinic that passes
      mayPass: (group) => services.every((s) => group.services.includes(s)) &&
        (!telehealth || group.telehealth),
    };
  }

  // The `want` nearest clinics that pass the filters, for sure: groups are fetched nearest
  // first, more at a time as the search widens, until no group left can hold a nearer one.
  async function nearest(want, test) {
    const sort = zipSort;
    for (;;) {
      const found = sort.pool.filter(test.passes);
      while (sort.next < sort.ranked.length && !test.mayPass(sort.ranked[sort.next][1])) {
        sort.next += 1; // no clinic there can pass: not fetched
      }
      const bound = sort.next < sort.ranked.length ? sort.ranked[sort.next][0] : Infinity;
      const sure = found.filter((clinic) => away.get(clinic) <= bound);
      if (sure.length >= want || bound === Infinity) {
        return {clinics: sure.slice(0, want), farther: found.length > want || bound !== Infinity};
      }
      const batch = sort.ranked.slice(sort.next, sort.next + Math.max(6, sort.next))
        .filter(([, group]) => test.mayPass(group));
      sort.next += Math.max(6, sort.next);
      const lists = (await Promise.all(batch.map(([, group]) => groupList(group.prefix)))).flat();
      for (const clinic of lists) {
        away.set(clinic, miles(sort.here[0], sort.here[1], clinic.lat, clinic.lon));
      }
      sort.pool = sort.pool.concat(lists).sort((a, b) => away.get(a) - away.get(b));
    }
  }

  async function answer(want) {
    const test = filters();
    if (zipSort) return nearest(want, test);
    const state = form.elements.state.value;
    const codes = state ? [state] : loadAll ? states.map((s) => s.code) : [];
    const clinics = (await Promise.all(codes.map(stateList))).flat().filter(test.passes);
    return {clinics, farther: false, choose: !codes.length};
  }

  function countText() {
    if (zipSort && shown) return say("script_nearest", {count: shown});
    if (shown < matches.length) return say("script_paged", {shown, count: matches.length});
    return say("script_shown", {shown: matches.length, count: total});
  }

  function offerMore() {
    const left = matches.length - shown;
    more.hidden = !(left > 0 || farther);
    if (zipSort) more.textContent = say("script_more_near");
    else if (left > 0) more.textContent = say("script_more", {count: Math.min(pageSize, left)});
  }

  async function show() {
    const ticket = ++asked;
    const found = await answer(pageSize);
    if (ticket !== asked) return;
    matches = found.clinics;
    farther = found.farther;
    shown = Math.min(pageSize, matches.length);
    list.replaceChildren(entries(matches.slice(0, shown)));
    offerMore();
    far.hidden = !zipSort || (matches.length > 0 && away.get(matches[0]) <= nearMiles);
    count.textContent = found.choose ? say("script_choose", {count: total}) : countText();
  }

  // The next entries, added after the others; the reader's focus moves to the first of them
  // and the status says how many are shown.
  async function showMore() {
    const ticket = ++asked;
    if (zipSort) {
      const found = await answer(shown + pageSize);
      if (ticket !== asked) return;
      matches = found.clinics;
      farther = found.farther;
    }
    const next = matches.slice(shown, shown + pageSize);
    if (next.length) {
      const added = entries(next);
      const first = added.firstElementChild;
      list.append(added);
      shown += next.length;
      first.querySelector("h3 a").focus();
    }
    if (zipSort && !next.length) farther = false;
    offerMore();
    count.textContent = countText();
    status.textContent = count.textContent;
  }

  function failed() {
    status.textContent = say("script_load_failed");
  }

  async function center(zip) {
    const response = await fetch(`${zipBase}${zip.slice(0, 2)}.json`);
    if (!response.ok) return null;
    const table = await response.json();
    return table[zip] || null;
  }

  function loadGroups() {
    if (!groups) {
      groups = fetch(new URL(nearIndex, location.href)).then((r) => {
        if (!r.ok) throw new Error(`${r.url}: ${r.status}`);
        return r.json();
      }).then((data) => data.groups);
    }
    return groups;
  }

  async function sortByDistance(zip) {
    if (!/^[0-9]{5}$/.test(zip)) {
      zipSort = null;
      status.textContent = say("script_zip_invalid");
      return show();
    }
    status.textContent = say("script_finding", {zip});
    const boxes = loadGroups();
    let here = null;
    try {
      here = await center(zip);
    } catch (error) {
      here = null;
    }
    if (!here) {
      zipSort = null;
      status.textContent = say("script_zip_unknown", {zip});
      return show();
    }
    const ranked = (await boxes).map((group) => [milesToBox(here, group.box), group])
      .sort((a, b) => a[0] - b[0]);
    away = new Map();
    zipSort = {zip, here, ranked, next: 0, pool: []};
    form.elements.state.value = "";
    await show();
    status.textContent = say("script_sorted", {zip});
  }

  // A new search (a ZIP code sent, or a state chosen, which undoes the ZIP sort) starts with an
  // empty status: the old message never stands beside the new list. The form has novalidate:
  // this script checks the ZIP code and says what is wrong in the page's language.
  form.addEventListener("change", (event) => {
    if (event.target.name === "zip") return;
    if (event.target.name === "state") {
      zipSort = null;
      status.textContent = "";
    }
    show().catch(failed);
  });
  more.addEventListener("click", () => showMore().catch(failed));
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    status.textContent = "";
    sortByDistance(form.elements.zip.value.trim()).catch(failed);
  });
  show().catch(failed);
})();
