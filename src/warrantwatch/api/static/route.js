// Route panel: which airspaces a flight crosses, the engine's outcome in each, diversion airports,
// and the detour that keeps out of chosen states. Self-contained: it adds its own section to <main>
// and writes every piece of data with textContent (never as HTML).
(function () {
  "use strict";
  function make(tag, attrs, ...children) {
    const node = document.createElement(tag);
    for (const [k, v] of Object.entries(attrs || {})) node.setAttribute(k, v);
    for (const c of children) node.append(c instanceof Node ? c : document.createTextNode(String(c)));
    return node;
  }
  function field(label, input) { return make("label", {}, label + " ", input); }

  function panel() {
    const from = make("input", { id: "route-from", value: "VKO", size: "8", "aria-label": "From airport" });
    const to = make("input", { id: "route-to", value: "ULN", size: "8", "aria-label": "To airport" });
    const person = make("input", { id: "route-person", value: "putin", size: "12" });
    const on = make("input", { id: "route-on", type: "date", value: "2024-09-03" });
    const avoid = make("input", { id: "route-avoid", placeholder: "obliged or FRA,ESP", size: "16" });
    const go = make("button", { id: "route-go", type: "submit" }, "Show route");
    const form = make("form", { id: "route-form" }, field("From", from), " ", field("To", to), " ",
      field("Person", person), " ", field("On", on), " ", field("Avoid", avoid), " ", go);
    const out = make("div", { id: "route-result", "aria-live": "polite" });
    const section = make("section", { "aria-labelledby": "route-title", id: "route" },
      make("h2", { id: "route-title" }, "Route: airspaces crossed and where a flight could be forced down"),
      form, out);
    form.addEventListener("submit", async (ev) => {
      ev.preventDefault();
      const q = new URLSearchParams({ from: from.value, to: to.value, person: person.value });
      if (on.value) q.set("on", on.value);
      if (avoid.value.trim()) q.set("avoid", avoid.value.trim());
      out.replaceChildren(make("p", {}, "Computing…"));
      const response = await fetch("/api/route?" + q.toString());
      const body = await response.json();
      if (!response.ok) {
        const e = body.error || {};
        out.replaceChildren(make("p", { class: "error", role: "alert" }, e.message || "error"));
        return;
      }
      show(out, body, q);
    });
    return section;
  }

  function show(out, r, q) {
    const head = `${r.from.iata || r.from.icao} → ${r.to.iata || r.to.icao}: ${Math.round(r.km).toLocaleString("en")} km, ` +
      `${r.hours} h` + (r.avoid.length ? ` (+${Math.round(r.extra_km).toLocaleString("en")} km to keep out)` : "");
    const rows = r.airspaces.map((a) => make("tr", { class: "o-" + a.outcome },
      make("td", {}, `${Math.round(a.entry_km)}–${Math.round(a.exit_km)} km`), make("td", {}, a.name),
      make("td", {}, a.outcome)));
    const table = make("table", { id: "route-airspaces" },
      make("thead", {}, make("tr", {}, make("th", {}, "Distance"), make("th", {}, "Airspace"), make("th", {}, "Outcome"))),
      make("tbody", {}, ...rows));
    const bound = r.diversion.filter((s) => s.nearest.bound_to_arrest);
    const div = make("ul", { id: "route-diversion" }, ...bound.slice(0, 12).map((s) => make("li", {},
      `${Math.round(s.from_km)}–${Math.round(s.to_km)} km: nearest ${s.nearest.iata || s.nearest.icao} ` +
      `(${s.nearest.state}) is in a state bound to arrest` +
      (s.nearest_without_duty ? `; nearest without a duty: ${s.nearest_without_duty.iata || s.nearest_without_duty.icao} (${s.nearest_without_duty.state})` : ""))));
    const img = make("img", { id: "route-map", alt: "Map of the route", width: "800",
      src: "/api/route/map.svg?" + q.toString() });
    out.replaceChildren(make("p", { class: "route-head" }, head), table,
      make("h3", {}, bound.length ? "Stretches where the nearest diversion airport is in a state bound to arrest" :
        "No stretch where the nearest diversion airport is in a state bound to arrest"), div, img,
      make("ul", { class: "caveats" }, ...r.caveats.map((c) => make("li", {}, c))));
  }

  function mount() {
    const main = document.querySelector("main");
    if (main && !document.getElementById("route")) main.append(panel());
  }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", mount);
  else mount();
})();
