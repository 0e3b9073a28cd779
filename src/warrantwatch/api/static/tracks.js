// The "watched aircraft" panel: the watchlist and the latest alerts, from /api/aircraft.
// Kept apart from app.js; every text goes in through textContent (never parsed as HTML).
(function () {
  "use strict";
  function el(tag, text, cls) {
    const node = document.createElement(tag);
    if (text !== undefined && text !== null) node.textContent = String(text);
    if (cls) node.className = cls;
    return node;
  }
  async function load() {
    const section = el("section");
    section.id = "tracks-panel";
    section.setAttribute("aria-labelledby", "tracks-title");
    const title = el("h2", "Watched aircraft");
    title.id = "tracks-title";
    section.appendChild(title);
    const status = el("p", "Loading…");
    status.setAttribute("role", "status");
    section.appendChild(status);
    // Below the page's own sections, outside its layout; the wide table scrolls inside its own box.
    section.style.maxWidth = "100%";
    section.style.boxSizing = "border-box";
    section.style.padding = "0 1rem";
    const footer = document.querySelector("footer");
    document.body.insertBefore(section, footer);
    let data;
    try {
      const response = await fetch("api/aircraft");
      if (!response.ok) throw new Error("HTTP " + response.status);
      data = await response.json();
    } catch (error) {
      status.textContent = "The watchlist could not be loaded (" + error.message + ").";
      return;
    }
    status.textContent = data.alerts.length
      ? data.alerts.length + " recent alert(s). An aircraft is not its passengers: an alert never shows who was aboard."
      : "No alerts stored. An aircraft is not its passengers: an alert never shows who was aboard.";
    if (data.alerts.length) {
      const list = el("ul", null, "tracks-alerts");
      data.alerts.forEach(function (a) {
        const item = el("li");
        item.appendChild(el("strong", a.outcome + " "));
        item.appendChild(el("span", a.headline + " (confidence " + a.confidence + ")"));
        list.appendChild(item);
      });
      section.appendChild(list);
    }
    const table = el("table", null, "tracks-table");
    const head = el("tr");
    ["Registration", "ICAO 24-bit", "Type", "Operator", "Associated with"].forEach(function (h) {
      const th = el("th", h);
      th.scope = "col";
      head.appendChild(th);
    });
    const thead = el("thead");
    thead.appendChild(head);
    table.appendChild(thead);
    const body = el("tbody");
    data.aircraft.forEach(function (a) {
      const row = el("tr");
      row.appendChild(el("td", a.registration));
      row.appendChild(el("td", a.icao24));
      row.appendChild(el("td", a.type));
      row.appendChild(el("td", a.operator));
      row.appendChild(el("td", a.persons.length
        ? a.persons.map(function (p) { return p.name + " (" + p.confidence + ")"; }).join(", ")
        : "no one (no source)"));
      body.appendChild(row);
    });
    table.appendChild(body);
    const scroller = el("div", null, "tracks-scroll");
    scroller.style.overflowX = "auto";
    scroller.style.maxWidth = "100%";
    scroller.appendChild(table);
    section.appendChild(scroller);
    section.appendChild(el("p", data.credit + " Alerts as a feed: api/alerts.atom", "credit"));
  }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", load);
  else load();
})();
