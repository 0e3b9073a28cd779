"use strict";
// The page only asks the API and shows what it says; every decision is the engine's.
const OUTCOME_TEXT = {
  OBLIGED: "bound to arrest (state party)", OBLIGED_OTHER: "bound to arrest (UNSC resolution or declaration)",
  RESIDUAL_DUTY: "residual duty after withdrawal (contested)", NOT_OBLIGED: "no legal duty to arrest",
  NO_ACTIVE_WARRANT: "no public warrant outstanding", UNDETERMINED: "cannot be decided",
};
const COLOURS = { OBLIGED: "#1a7f37", OBLIGED_OTHER: "#2da44e", RESIDUAL_DUTY: "#bf8700", NOT_OBLIGED: "#cf222e",
  NO_ACTIVE_WARRANT: "#8c959f", UNDETERMINED: "#8250df" };
const $ = (id) => document.getElementById(id);
let persons = [], world = null, sliderStart = null;

function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (k === "class") node.className = v; else if (k.startsWith("on")) node.addEventListener(k.slice(2), v);
    else node.setAttribute(k, v);
  }
  for (const child of children) node.append(child instanceof Node ? child : document.createTextNode(String(child ?? "")));
  return node;
}

async function api(path, options) {
  const response = await fetch(path, options);
  const body = response.headers.get("content-type")?.includes("json") ? await response.json() : await response.text();
  if (!response.ok) {
    const err = body.error || { message: String(body) };
    const hint = err.suggestions?.length ? ` Did you mean: ${err.suggestions.join(", ")}?` : "";
    throw new Error(err.message + hint);
  }
  return body;
}

function dayIndexToDate(i) { const d = new Date(sliderStart); d.setUTCDate(d.getUTCDate() + Number(i)); return d.toISOString().slice(0, 10); }
function dateToDayIndex(s) { return Math.round((Date.parse(s) - sliderStart) / 86400000); }

function setupSlider(person) {
  const issued = person.warrants.map((w) => w.issued.slice(0, 10)).sort()[0] || "2002-07-01";
  const start = new Date(issued.length === 4 ? issued + "-01-01" : issued.length === 7 ? issued + "-01" : issued);
  start.setUTCFullYear(start.getUTCFullYear() - 1);
  sliderStart = start.getTime();
  const slider = $("on-slider");
  slider.max = String(dateToDayIndex(new Date().toISOString().slice(0, 10)));
  slider.value = String(Math.max(0, dateToDayIndex($("on").value)));
  $("slider-value").textContent = $("on").value;
}

function currentPerson() {
  const q = $("person").value.trim().toLowerCase();
  return persons.find((p) => p.name.toLowerCase() === q || p.id === q) || null;
}

async function showWorld() {
  const person = $("person").value.trim(), on = $("on").value;
  $("world-status").textContent = "Loading…";
  try {
    world = await api(`/api/world?person=${encodeURIComponent(person)}&on=${encodeURIComponent(on)}`);
  } catch (e) { $("world-status").textContent = e.message; return; }
  const counts = Object.entries(world.counts).map(([k, v]) => `${v} ${OUTCOME_TEXT[k]}`).join("; ");
  $("world-status").textContent = `${world.person_name} on ${world.on}: ${counts}.`;
  renderLegend(); renderList(); await renderMap(); renderTimeline(world.person);
}

function renderLegend() {
  const legend = $("legend"); legend.replaceChildren();
  for (const [k, v] of Object.entries(world.counts)) {
    legend.append(el("span", {}, el("span", { class: "swatch", style: `background:${COLOURS[k]}` }), `${OUTCOME_TEXT[k]} (${v})`));
  }
}

function renderList() {
  const filter = $("state-filter").value.trim().toLowerCase();
  const list = $("state-list"); list.replaceChildren();
  const entries = Object.entries(world.states).sort((a, b) => a[1].name.localeCompare(b[1].name));
  for (const [iso3, s] of entries) {
    if (filter && !s.name.toLowerCase().includes(filter) && !iso3.toLowerCase().includes(filter)) continue;
    list.append(el("li", { "data-iso3": iso3 }, el("button", { type: "button", class: `o-${s.outcome}`,
      "aria-label": `${s.name}: ${OUTCOME_TEXT[s.outcome]}`, onclick: () => showAssessment(iso3) },
      `${s.name} — ${s.outcome}`)));
  }
}

async function renderMap() {
  const box = $("map");
  try {
    const svg = await api(`/api/maps/world.svg?person=${encodeURIComponent(world.person)}&on=${world.on}`);
    box.innerHTML = svg; // SVG produced by our own server, with every text escaped there
    for (const shape of box.querySelectorAll("[id^='area-'], [id^='marker-']")) {
      const iso3 = shape.id.replace(/^(area|marker)-/, ""), s = world.states[iso3];
      if (!s) continue;
      shape.setAttribute("tabindex", "0");
      shape.setAttribute("role", "button");
      shape.setAttribute("aria-label", `${s.name}: ${OUTCOME_TEXT[s.outcome]}`);
      shape.setAttribute("data-iso3", iso3);
      const tip = document.createElementNS("http://www.w3.org/2000/svg", "title");
      tip.textContent = `${s.name}: ${OUTCOME_TEXT[s.outcome]}`;
      shape.append(tip);
      shape.addEventListener("click", () => showAssessment(iso3));
      shape.addEventListener("keydown", (ev) => { if (ev.key === "Enter" || ev.key === " ") { ev.preventDefault(); showAssessment(iso3); } });
    }
    const desc = box.querySelector("desc");
    $("map-alt").textContent = desc ? desc.textContent : "";
  } catch (e) {
    box.replaceChildren(); $("map-alt").textContent = "The map is not available; the list below gives every state's outcome.";
  }
}

async function showAssessment(iso3) {
  const box = $("assessment");
  box.hidden = false; box.replaceChildren(el("p", {}, "Loading…"));
  let a;
  try { a = await api(`/api/assess?person=${encodeURIComponent(world.person)}&state=${iso3}&on=${world.on}`); }
  catch (e) { box.replaceChildren(el("p", {}, e.message)); return; }
  box.replaceChildren(
    el("h3", {}, `${a.person_name} in ${a.state_name} on ${a.on}`),
    el("p", {}, el("strong", { class: `o-${a.outcome}`, "data-outcome": a.outcome }, a.outcome), ` — ${a.summary}`),
    el("p", {}, `Standing: ${a.standing}`),
    section("Legal basis", a.basis.map((b) => `${b.ref} — ${b.why}`)),
    section("Caveats", a.caveats.map((c) => (c.contested ? "[contested] " : "") + c.text)),
    section(`Record of ${a.state_name} up to ${a.on}`, recordRows(a.record, "")),
    section(`Stated positions of ${a.state_name} (what it said, not the legal answer)`,
      [...a.record.stated_positions, ...a.record.later.stated_positions].map((p) =>
        `${p.date > a.on ? "[later] " : ""}${p.date}, ${p.speaker}, on ${p.person_name}: ${p.summary}`)),
    section(`Later (after ${a.on})`, recordRows(a.record.later, "[later] ")),
    section("Sources", a.sources, true),
    el("p", { class: "reviewed" }, a.reviewed ? `Record reviewed to ${a.reviewed}.` : "Record review date unknown."));
  box.focus();
}

function recordRows(record, mark) {
  return [...record.visits.map((v) => `${mark}${v.start}: ${v.person_name} — ${v.kind}${v.occasion ? " (" + v.occasion + ")" : ""}`),
    ...record.findings.map((f) => `${mark}${f.date}: ${f.chamber}${f.person_name ? " about " + f.person_name : ""}, ` +
      `${f.non_compliance ? "non-compliance found" : "no finding"}${f.appeal ? ". Appeal: " + f.appeal : ""}`)];
}

function section(title, rows, links = false) {
  if (!rows.length) return el("div");
  return el("div", {}, el("h4", {}, title), el("ul", {}, ...rows.map((r) =>
    el("li", {}, links && /^https?:\/\//.test(r) ? el("a", { href: r, rel: "noopener" }, r) : r))));
}

async function renderTimeline(personId) {
  const list = $("timeline"); list.replaceChildren();
  try {
    const profile = await api(`/api/persons/${encodeURIComponent(personId)}`);
    if (!profile.visits.length) list.append(el("li", {}, "No trips recorded."));
    for (const v of profile.visits) {
      list.append(el("li", {}, `${v.start}${v.end && v.end !== v.start ? " to " + v.end : ""} — ${v.host}: ${v.kind}${v.occasion ? " (" + v.occasion + ")" : ""} — `,
        el("span", { class: `o-${v.outcome}` }, `${v.outcome} (${OUTCOME_TEXT[v.outcome]})`)));
    }
  } catch (e) { list.append(el("li", {}, e.message)); }
}

async function writeBrief(ev) {
  ev.preventDefault();
  $("brief-status").textContent = "Reading…";
  const out = $("brief"); out.replaceChildren();
  let b;
  try {
    b = await api("/api/brief", { method: "POST", headers: { "content-type": "application/json" },
      body: JSON.stringify({ text: $("article").value, published: $("published").value || null }) });
  } catch (e) { $("brief-status").textContent = e.message; return; }
  $("brief-status").textContent = `${b.events.length} event(s) found` +
    (b.background.length ? `, and ${b.background.length} earlier trip(s) recalled` : "") +
    ` (published ${b.article.published}; published date: from ${b.article.published_from}).` +
    (b.reviewed ? ` Record reviewed to ${b.reviewed}.` : "");
  for (const e of b.events) {
    const a = e.assessment;
    const item = el("div", { class: "brief-item" },
      el("h3", {}, `${e.person_name} → ${e.host_name}, ${e.date || "date not given"} (${e.kind})`),
      el("p", {}, el("strong", { class: `o-${a.outcome}`, "data-outcome": a.outcome }, a.outcome), ` — ${a.summary}`),
      section("Legal basis", a.basis.map((x) => `${x.ref} — ${x.why}`)),
      section("Caveats", a.caveats.map((c) => (c.contested ? "[contested] " : "") + c.text)),
      section("Evidence", e.evidence));
    out.append(item);
    const home = persons.find((p) => p.id === e.person)?.nationality;
    if (home) addMap(item, e, home); // the text first; the map follows when drawn
  }
  if (b.background.length) {
    out.append(section("Earlier trips the article recalls", b.background.map((e) =>
      `${e.person_name} → ${e.host_name}, ${e.date} (${e.kind}): ${e.assessment.outcome}`)));
  }
}

async function addMap(item, e, home) {
  const url = `/api/maps/locator.svg?home=${home}&host=${e.host}`;
  try {
    const svg = await api(url);
    const fig = el("figure", {});
    fig.innerHTML = svg; // SVG from our own server, every text escaped there
    const desc = fig.querySelector("desc");
    fig.append(el("figcaption", {}, e.map?.caption || (desc ? desc.textContent : "")),
      el("p", {}, el("a", { href: url, download: `map-${e.host}.svg` }, "Download SVG"), " · ",
        el("a", { href: url.replace(".svg", ".png"), download: `map-${e.host}.png` }, "Download PNG")));
    item.append(fig);
  } catch (_) { /* maps unavailable: the text brief stands alone */ }
}

async function init() {
  persons = await api("/api/persons");
  const datalist = $("person-list");
  for (const p of persons) datalist.append(el("option", { value: p.name }));
  const sync = () => { const p = currentPerson(); if (p) setupSlider(p); };
  $("person").addEventListener("change", () => { sync(); showWorld(); });
  $("on").addEventListener("change", () => { sync(); showWorld(); });
  $("on-slider").addEventListener("input", (ev) => { const d = dayIndexToDate(ev.target.value); $("slider-value").textContent = d; $("on").value = d; });
  $("on-slider").addEventListener("change", showWorld);
  $("world-form").addEventListener("submit", (ev) => { ev.preventDefault(); sync(); showWorld(); });
  $("state-filter").addEventListener("input", () => world && renderList());
  $("brief-form").addEventListener("submit", writeBrief);
  $("use-seed").addEventListener("click", async () => { $("article").value = await (await fetch("seed-article.txt")).text(); $("published").value = "2024-08-30"; });
  sync();
  await showWorld();
}
init();
