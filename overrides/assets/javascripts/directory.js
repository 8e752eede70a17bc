// Clinic directory: filter by state, service and telehealth, and sort by distance from a ZIP
// code. Without JavaScript the plain list stays. The ZIP code never leaves the browser: the
// ZIP centers come from this site, one small file per two-digit prefix.
(function () {
  "use strict";
  const root = document.querySelector("[data-kg-directory]");
  if (!root) return;
  const form = root.querySelector("[data-kg-filters]");
  const status = root.querySelector("[data-kg-status]");
  const count = root.querySelector("[data-kg-count]");
  const list = root.querySelector(".kg-clinic-list");
  const items = Array.from(list.querySelectorAll(".kg-clinic"));
  const zipBase = root.getAttribute("data-kg-zips");
  form.hidden = false;

  function apply() {
    const state = form.elements.state.value;
    const services = Array.from(form.querySelectorAll("input[name=service]:checked"))
      .map((box) => box.value);
    const telehealth = form.elements.telehealth.checked;
    let shown = 0;
    for (const item of items) {
      const offered = (item.dataset.services || "").split(" ");
      const visible = (!state || item.dataset.state === state) &&
        services.every((s) => offered.includes(s)) &&
        (!telehealth || item.dataset.telehealth === "yes");
      item.hidden = !visible;
      if (visible) shown += 1;
    }
    count.textContent = `${shown} of ${items.length} clinic(s) shown.`;
  }

  function miles(lat1, lon1, lat2, lon2) {
    const rad = Math.PI / 180;
    const a = Math.sin((lat2 - lat1) * rad / 2) ** 2 +
      Math.cos(lat1 * rad) * Math.cos(lat2 * rad) * Math.sin((lon2 - lon1) * rad / 2) ** 2;
    return 3958.8 * 2 * Math.asin(Math.sqrt(a));
  }

  async function center(zip) {
    const response = await fetch(`${zipBase}${zip.slice(0, 2)}.json`);
    if (!response.ok) return null;
    const table = await response.json();
    return table[zip] || null;
  }

  function distanceText(d, zip) {
    const n = Math.round(d);
    if (n < 1) return `Less than 1 mile from ZIP ${zip} (straight line)`;
    return `About ${n} ${n === 1 ? "mile" : "miles"} from ZIP ${zip} (straight line)`;
  }

  // A distance from an earlier ZIP must not stay on screen beside a message about a new one.
  function clearDistances() {
    for (const item of items) {
      delete item.dataset.miles;
      const label = item.querySelector(".kg-distance");
      label.textContent = "";
      label.hidden = true;
    }
  }

  async function sortByDistance(zip) {
    if (!/^[0-9]{5}$/.test(zip)) {
      clearDistances();
      status.textContent = "Please enter a five-digit ZIP code.";
      return;
    }
    status.textContent = `Finding clinics near ${zip}…`;
    let here = null;
    try {
      here = await center(zip);
    } catch (error) {
      here = null;
    }
    if (!here) {
      clearDistances();
      status.textContent = `We could not find ZIP code ${zip}. Check the number and try again.`;
      return;
    }
    for (const item of items) {
      const d = miles(here[0], here[1], Number(item.dataset.lat), Number(item.dataset.lon));
      item.dataset.miles = String(d);
      const label = item.querySelector(".kg-distance");
      label.textContent = distanceText(d, zip);
      label.hidden = false;
    }
    items.sort((a, b) => Number(a.dataset.miles) - Number(b.dataset.miles));
    for (const item of items) list.appendChild(item);
    status.textContent = `Clinics sorted by distance from ZIP ${zip}, nearest first.`;
  }

  form.addEventListener("change", apply);
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    sortByDistance(form.elements.zip.value.trim());
  });
  apply();
})();
