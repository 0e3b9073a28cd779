"use strict";
// The page only asks the API and shows what it says; every decision is the engine's. Colours and the
// words for each outcome come from the server's one palette (/palette.css, /api/palette), so the page,
// the maps, the brief, legends and alt text agree. No inline scripts or styles (CSP-friendly).

const $ = (id) => document.getElementById(id);
const S = {
  persons: [], byId: {}, palette: null, about: null, today: "",
  person: null, on: "", timeline: null, timelineKey: "", svgKey: "", shapes: new Map(),
  state: null, opener: null, briefId: null, profile: null, sliderStart: 0,
};
const KIND_WORDS = { planned: "planned visit", occurred: "visit that took place", cancelled: "visit called off",
  remote: "attended by video instead", arrest: "arrest" };
const START = "2002-07-01";

function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (v === undefined || v === null || v === false) continue;
    if (k === "class") node.className = v;
    else if (k.startsWith("on")) node.addEventListener(k.slice(2), v);
    else node.setAttribute(k, v === true ? "" : v);
  }
  for (const child of children.flat()) {
    if (child === null || child === undefined || child === false) continue;
    node.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return node;
}

// ---- requests: cached by URL, stale ones cancelled per channel ----
class ApiError extends Error {
  constructor(error, status) { super(error.message || "request failed"); this.status = status; this.info = error; }
}
const cache = new Map();
const channels = {};
function api(url, { channel, method, body } = {}) {
  if (!method && cache.has(url)) return cache.get(url);
  let signal;
  if (channel) { channels[channel]?.abort(); channels[channel] = new AbortController(); signal = channels[channel].signal; }
  const promise = (async () => {
    const response = await fetch(url, { method, signal, body: body && JSON.stringify(body),
      headers: body ? { "content-type": "application/json" } : undefined });
    const json = response.headers.get("content-type")?.includes("json");
    const data = json ? await response.json() : await response.text();
    if (!response.ok) throw new ApiError(data.error || { message: String(data) }, response.status);
    return data;
  })();
  if (!method) { cache.set(url, promise); promise.catch(() => cache.delete(url)); }
  return promise;
}
const aborted = (e) => e && e.name === "AbortError";
const q = (params) => new URLSearchParams(params).toString();

// ---- words ----
const MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];
// Where a brief's event took place: an occupied place with the state the UN recognises ("Mariupol, Ukraine").
function destination(e) {
  return e.place && e.assessment && e.assessment.place_name ? `${e.assessment.place_name}, ${e.host_name}` : e.host_name;
}

function dayWords(iso) {
  if (!iso) return "date not given";
  const [y, m, d] = iso.split("-").map(Number);
  if (!m) return String(y);
  if (!d) return `${MONTHS[m - 1]} ${y}`;
  return `${d} ${MONTHS[m - 1]} ${y}`;
}
// Where a brief's publication date came from (news/published.py), in words.
const PUBLISHED_FROM = { meta: "the page's metadata", feed: "the feed item", dateline: "the article's dateline",
  request: "the date given", today: "today, as the article gives none" };
const reviewedText = (day) => day ? `Record reviewed to ${dayWords(day)}.` : "Record review date unknown.";
const label = (o) => S.palette.outcomes[o]?.label || o;
const word = (o) => S.palette.outcomes[o]?.word || "";
const swatch = (o) => el("span", { class: `sw sw-${o}`, "aria-hidden": "true" });
const personName = (id) => S.byId[id]?.name || id;
function joinWords(items) { return items.length < 2 ? items.join("") : items.slice(0, -1).join(", ") + " and " + items.at(-1); }

// ---- URL: every view restores from it ----
function writeUrl(push) {
  const p = new URLSearchParams();
  if (S.person) p.set("person", S.person.id);
  if (S.on) p.set("on", S.on);
  if (S.state) p.set("state", S.state);
  if (S.briefId) p.set("brief", S.briefId);
  if (document.body.classList.contains("embed")) p.set("embed", "1");
  const url = "?" + p.toString();
  if (url === location.search) return;
  (push ? history.pushState : history.replaceState).call(history, null, "", url);
}

async function applyUrl() {
  const p = new URLSearchParams(location.search);
  document.body.classList.toggle("embed", p.get("embed") === "1");
  const on = validDay(p.get("on")) || S.today;
  const who = p.get("person") || "vladimir-putin";
  const state = p.get("state");
  await choosePerson(who, on, { push: false, state });
  const brief = p.get("brief");
  if (brief && brief !== S.briefId) loadBrief(brief);
}
function validDay(text) { return text && /^\d{4}-\d{2}-\d{2}$/.test(text) && !isNaN(Date.parse(text)) ? text : null; }

// ---- person and day ----
async function resolvePerson(text) {
  const t = text.trim().toLowerCase();
  const local = S.persons.find((p) => p.id === t || p.name.toLowerCase() === t);
  if (local) return { id: local.id };
  const found = await api(`/api/find/person?${q({ q: text })}`);
  if (found.exact.length === 1) return { id: found.exact[0].id };
  return { missing: text, exact: found.exact, close: found.close };
}

async function choosePerson(text, on, { push = true, state = null } = {}) {
  let r;
  try { r = await resolvePerson(text); } catch (e) { if (!aborted(e)) showEmpty(text, [], e.message); return; }
  if (r.missing) { showEmpty(r.missing, [...r.exact, ...r.close]); writeUrl(push); return; }
  const person = S.byId[r.id];
  hideEmpty();
  if (!state) closePanel(false); // a view without a state shows no assessment
  const changed = S.person?.id !== person.id;
  S.person = person; S.on = on; S.state = state;
  $("person").value = person.name;
  $("on").value = on;
  setupSlider();
  writeUrl(push);
  await loadWorld(changed);
}

function showEmpty(text, suggestions, message) {
  S.person = null; S.timeline = null; S.state = null;
  $("world-view").hidden = true; $("list-box").hidden = true; closePanel(false);
  $("on-slider").disabled = true;
  const box = $("empty");
  box.hidden = false;
  box.replaceChildren(
    el("h3", {}, message || `No one called “${text}” has an ICC arrest warrant in these records.`),
    el("p", {}, "The records hold every person with a public ICC arrest warrant. Check the spelling, or choose a name from the list."),
    suggestions.length ? el("p", {}, "Did you mean: ", ...suggestions.flatMap((s, i) => [i ? ", " : "",
      el("button", { type: "button", class: "link", onclick: () => choosePerson(s.id, S.on || S.today) }, s.name)]), "?") : "",
  );
  $("world-status").textContent = `No person found for “${text}”.`;
}
function hideEmpty() { $("empty").hidden = true; $("world-view").hidden = false; $("list-box").hidden = false; $("on-slider").disabled = false; }

function setupSlider() {
  const issued = (S.person.warrants.map((w) => w.issued).sort()[0] || START).slice(0, 4);
  const startYear = Math.max(2002, Number(issued) - 1);
  S.sliderStart = Date.UTC(startYear, 0, 1);
  const slider = $("on-slider");
  const last = [S.today, S.on].sort().at(-1);
  slider.max = String(dayIndex(last));
  slider.value = String(Math.max(0, dayIndex(S.on)));
  $("slider-value").textContent = dayWords(S.on);
  slider.setAttribute("aria-valuetext", dayWords(S.on));
}
const dayIndex = (iso) => Math.round((Date.parse(iso) - S.sliderStart) / 86400000);
const indexDay = (i) => new Date(S.sliderStart + Number(i) * 86400000).toISOString().slice(0, 10);

async function loadWorld(personChanged) {
  const person = S.person, on = S.on;
  const tUrl = timelineUrl(person.id, on, S.today);
  const mUrl = worldSvgUrl(person.id, on);
  $("world-status").textContent = "Loading…";
  if (personChanged || !$("map").firstChild) S.svgKey = "";
  const wantMap = !S.svgKey || S.svgKey.split("|")[0] !== person.id;
  const timeline = api(tUrl, { channel: "timeline" });
  const map = wantMap ? api(mUrl, { channel: "svg" }) : null;
  if (personChanged) loadTrips(person.id);
  try {
    S.timeline = await timeline; S.timelineKey = tUrl;
  } catch (e) { if (!aborted(e)) $("world-status").textContent = e.message; return; }
  if (S.person !== person) return;
  performance.mark("ww-timeline");
  showDay();
  performance.mark("ww-list");
  if (map) {
    try { const text = await map; performance.mark("ww-svg"); insertMap(text); S.svgKey = `${person.id}|${on}`; } catch (e) {
      if (aborted(e)) return;
      $("map").replaceChildren(); $("map-alt").textContent = "The map is not available; the list gives every state's outcome.";
    }
    if (S.person !== person) return;
    recolour();
    performance.mark("ww-map");
    // Ready: the list shown and the map coloured, painted (the frame after the change).
    requestAnimationFrame(() => setTimeout(() => { performance.mark("ww-ready"); document.body.dataset.map = "ready"; }));
  }
  if (S.state) openState(S.state, { push: false, focus: false });
}

// The same URLs from the prefetch at start and from later calls, so the cache answers the second.
function timelineUrl(id, on, today) {
  const params = { person: id, from: START };
  if (today && on > today) params.to = on; // the server's default end is today
  return `/api/world/timeline?${q(params)}`;
}
const worldSvgUrl = (id, on) => `/api/maps/world.svg?${q({ person: id, on })}`;

function outcomeOn(intervals, day) {
  for (const i of intervals) if (i.from <= day && day <= i.to) return i;
  return null;
}

function currentOutcomes() {
  const out = {};
  for (const [iso3, s] of Object.entries(S.timeline.states)) {
    const i = outcomeOn(s.intervals, S.on);
    out[iso3] = { name: s.name, outcome: i ? i.outcome : "UNDETERMINED", interval: i };
  }
  // Dependent territories, assessed for their own day as the map does (a ratification may not reach them).
  for (const [code, t] of Object.entries(S.timeline.territories || {})) {
    const i = outcomeOn(t.intervals, S.on);
    out[code] = { name: `${t.name} (${S.timeline.states[t.state]?.name || t.state})`, outcome: i ? i.outcome : "UNDETERMINED",
      interval: i, territory: true, state: t.state };
  }
  return out;
}

function showDay() {
  if (!S.timeline) return;
  if (S.on > S.timeline.to) { loadWorld(false); return; } // beyond the range fetched: ask for a longer one
  S.outcomes = currentOutcomes();
  const home = S.person.nationality;
  const counts = {};
  for (const [iso3, s] of Object.entries(S.outcomes)) if (iso3 !== home) counts[s.outcome] = (counts[s.outcome] || 0) + 1;
  const order = Object.keys(S.palette.outcomes).filter((o) => counts[o]);
  const territories = Object.values(S.outcomes).filter((s) => s.territory).length;
  const total = Object.keys(S.outcomes).length - territories;
  const homeState = S.outcomes[home];
  const noState = (S.timeline.not_assessed || []).length;
  // Legend: the same entries and counts as the map's own legend (the home state drawn and counted apart).
  const legend = $("page-legend");
  legend.replaceChildren(
    homeState ? el("li", {}, el("span", { class: "sw sw-home", "aria-hidden": "true" }), `${homeState.name}: home state (${label(homeState.outcome)})`) : "",
    ...order.map((o) => el("li", { "data-outcome": o }, swatch(o), `${label(o)} (${counts[o]})`)),
    noState ? el("li", {}, el("span", { class: "sw sw-unassessed", "aria-hidden": "true" }), `areas of no recognised state: not assessed (${noState})`) : "");
  const parts = order.map((o) => `${counts[o]} ${label(o)}`);
  // The counts cover dependent territories too (a ratification may not reach them): say so, or "154 state
  // party" would read as 154 states.
  const counted = `${total} states` + (territories ? ` and ${territories} dependent territories, counted together` : "");
  $("world-status").textContent = `${S.person.name}, ${dayWords(S.on)} (${counted}): ${parts.join("; ")}` +
    (homeState ? `; and ${homeState.name}, the home state (${label(homeState.outcome)}).` : ".");
  const colours = order.map((o) => `${counts[o]} ${label(o)} (in ${word(o)})`);
  $("map-alt").textContent = `World map shading each of ${total} states` + (territories ? ` and ${territories} dependent territories` : "") +
    ` by whether it is legally bound to arrest ${S.person.name} on ${S.on}: ${joinWords(colours)}.` +
    (homeState ? ` ${homeState.name}, the home state, is in ${S.palette.home.word}.` : "") +
    (territories ? " A territory is assessed for its own day, since a ratification may not extend to it." : "") +
    " Areas of no recognised state are not assessed and are drawn in a pale neutral shade.";
  $("map").setAttribute("aria-label", `Map: ${S.person.name}, ${dayWords(S.on)}`);
  const reviewed = S.about.reviewed;
  $("reviewed-note").textContent = reviewedText(reviewed) + (reviewed && S.on > reviewed
    ? ` ${dayWords(S.on)} is after that review: warrants, withdrawals, declarations or trips since then are not in this map.` : "");
  renderList(); recolour(); updateExports(); markTrips();
}

function setDay(on, { push = false, refreshPanel = true } = {}) {
  S.on = on;
  $("on").value = on;
  const slider = $("on-slider");
  if (dayIndex(on) > Number(slider.max)) slider.max = String(dayIndex(on));
  slider.value = String(dayIndex(on));
  $("slider-value").textContent = dayWords(on);
  slider.setAttribute("aria-valuetext", dayWords(on));
  showDay();
  writeUrl(push);
  if (refreshPanel && S.state) openState(S.state, { push: false, focus: false });
}

// ---- the map ----
// The map's own <style> is dropped before parsing (a strict CSP would refuse it even in a parsed
// document); the page's palette.css carries the same rules, scoped to maps.
const withoutStyle = (text) => text.replace(/<style>[\s\S]*?<\/style>/, "");
function insertMap(text) {
  const doc = new DOMParser().parseFromString(withoutStyle(text), "image/svg+xml");
  const svg = doc.documentElement;
  if (svg.nodeName !== "svg") throw new Error("not an SVG");
  svg.querySelectorAll("style, title, desc").forEach((n) => n.remove()); // colours come from palette.css
  svg.setAttribute("aria-hidden", "true"); svg.setAttribute("focusable", "false");
  svg.removeAttribute("role"); svg.removeAttribute("aria-labelledby");
  const node = document.importNode(svg, true);
  S.shapes = new Map();
  for (const shape of node.querySelectorAll("[id^='area-'], [id^='marker-']")) {
    const iso3 = shape.id.replace(/^(area|marker)-/, "");
    const cls = shape.getAttribute("class") || "";
    const base = cls.split(/\s+/).filter((c) => !c.startsWith("o-")).join(" ");
    shape.dataset.iso3 = iso3; shape.dataset.base = base;
    if (!S.shapes.has(iso3)) S.shapes.set(iso3, []);
    S.shapes.get(iso3).push(shape);
  }
  const box = $("map");
  box.replaceChildren(node);
  S.viewBox = node.getAttribute("viewBox").split(/\s+/).map(Number);
  S.zoom = { x: S.viewBox[0], y: S.viewBox[1], w: S.viewBox[2], h: S.viewBox[3] };
  applyZoom();
}

function recolour() {
  if (!S.outcomes || !S.shapes.size) return;
  for (const [iso3, shapes] of S.shapes) {
    const s = S.outcomes[iso3];
    if (!s) continue;
    for (const shape of shapes) {
      const base = shape.dataset.base;
      const selected = iso3 === S.state ? " selected" : "";
      shape.setAttribute("class", base.includes("home") ? base + selected : `${base} o-${s.outcome}${selected}`);
    }
  }
}

// Zoom and pan by the SVG's viewBox: buttons, ctrl+wheel (and trackpad pinch), drag, two-finger pinch.
function applyZoom() {
  const svg = $("map").querySelector("svg");
  if (!svg || !S.zoom) return;
  const z = S.zoom, [x0, y0, w0, h0] = S.viewBox;
  z.w = Math.min(w0, Math.max(w0 / 40, z.w)); z.h = z.w * h0 / w0;
  z.x = Math.min(x0 + w0 - z.w, Math.max(x0, z.x)); z.y = Math.min(y0 + h0 - z.h, Math.max(y0, z.y));
  svg.setAttribute("viewBox", `${z.x} ${z.y} ${z.w} ${z.h}`);
  $("map").classList.toggle("zoomed", z.w < w0 - 1);
}
function zoomBy(factor, cx, cy) {
  const z = S.zoom; if (!z) return;
  cx ??= z.x + z.w / 2; cy ??= z.y + z.h / 2;
  const w = z.w / factor, h = z.h / factor;
  S.zoom = { x: cx - (cx - z.x) / factor, y: cy - (cy - z.y) / factor, w, h };
  applyZoom();
}
function toSvgPoint(clientX, clientY) {
  const rect = $("map").getBoundingClientRect(), z = S.zoom;
  return [z.x + (clientX - rect.left) / rect.width * z.w, z.y + (clientY - rect.top) / rect.height * z.h];
}
function zoomTo(iso3) {
  const shapes = S.shapes.get(iso3); if (!shapes || !S.zoom) return;
  const box = shapes[0].getBBox ? shapes[0].getBBox() : null; if (!box) return;
  const scale = $("map").getBoundingClientRect().width / S.zoom.w;
  if (Math.min(box.width, box.height) * scale >= 10) return; // big enough to see and tap
  const ctm = shapes[0].getCTM(), svg = $("map").querySelector("svg");
  const root = svg.getCTM();
  const k = ctm && root ? ctm.a / root.a : 1;
  const bx = (ctm ? (ctm.e - root.e) / root.a : 0) + box.x * k, by = (ctm ? (ctm.f - root.f) / root.d : 0) + box.y * k;
  const w = Math.max(S.viewBox[2] / 12, box.width * k * 8);
  S.zoom = { x: bx + box.width * k / 2 - w / 2, y: by + box.height * k / 2 - (w * S.viewBox[3] / S.viewBox[2]) / 2, w, h: w * S.viewBox[3] / S.viewBox[2] };
  applyZoom();
}

function bindMap() {
  const box = $("map");
  const pointers = new Map();
  let drag = null, pinch = null, moved = false;
  box.addEventListener("pointerdown", (ev) => {
    pointers.set(ev.pointerId, ev);
    moved = false;
    if (pointers.size === 2) {
      const [a, b] = [...pointers.values()];
      pinch = { d: Math.hypot(a.clientX - b.clientX, a.clientY - b.clientY), zoom: { ...S.zoom } };
    } else drag = { x: ev.clientX, y: ev.clientY, zoom: { ...S.zoom } };
  });
  box.addEventListener("pointermove", (ev) => {
    if (pointers.has(ev.pointerId)) pointers.set(ev.pointerId, ev);
    if (pinch && pointers.size === 2) {
      const [a, b] = [...pointers.values()];
      const d = Math.hypot(a.clientX - b.clientX, a.clientY - b.clientY);
      S.zoom = { ...pinch.zoom }; moved = true;
      const [cx, cy] = toSvgPoint((a.clientX + b.clientX) / 2, (a.clientY + b.clientY) / 2);
      zoomBy(d / pinch.d, cx, cy); return;
    }
    if (drag && pointers.size === 1 && box.classList.contains("zoomed")) {
      const rect = box.getBoundingClientRect();
      const dx = (ev.clientX - drag.x) / rect.width * drag.zoom.w, dy = (ev.clientY - drag.y) / rect.height * drag.zoom.h;
      if (Math.abs(ev.clientX - drag.x) + Math.abs(ev.clientY - drag.y) > 4) moved = true;
      if (moved) { S.zoom = { ...drag.zoom, x: drag.zoom.x - dx, y: drag.zoom.y - dy }; applyZoom(); }
      return;
    }
    if (ev.pointerType === "mouse") showTooltip(ev);
  });
  const end = (ev) => {
    pointers.delete(ev.pointerId);
    if (pointers.size < 2) pinch = null;
    if (pointers.size === 0) drag = null;
  };
  box.addEventListener("pointerup", (ev) => {
    const wasMoved = moved; end(ev);
    if (wasMoved) return;
    tap(ev);
  });
  box.addEventListener("pointercancel", end);
  box.addEventListener("pointerleave", () => { $("tooltip").hidden = true; });
  box.addEventListener("wheel", (ev) => {
    if (!ev.ctrlKey && !box.classList.contains("zoomed")) return;
    ev.preventDefault();
    const [cx, cy] = toSvgPoint(ev.clientX, ev.clientY);
    zoomBy(ev.deltaY < 0 ? 1.25 : 0.8, cx, cy);
  }, { passive: false });
  $("zoom-in").addEventListener("click", () => zoomBy(1.6));
  $("zoom-out").addEventListener("click", () => zoomBy(1 / 1.6));
  $("zoom-reset").addEventListener("click", () => { const [x, y, w, h] = S.viewBox || []; if (w) { S.zoom = { x, y, w, h }; applyZoom(); } });
}

function showTooltip(ev) {
  const tip = $("tooltip");
  const shape = ev.target.closest?.("[data-iso3]");
  const s = shape && S.outcomes?.[shape.dataset.iso3];
  if (!s) { tip.hidden = true; return; }
  const frame = $("map").parentElement.getBoundingClientRect();
  tip.replaceChildren(el("strong", {}, s.name), el("br"), swatch(s.outcome), label(s.outcome));
  tip.hidden = false;
  const x = Math.min(ev.clientX - frame.left + 14, frame.width - tip.offsetWidth - 4);
  tip.style.left = `${Math.max(4, x)}px`;
  tip.style.top = `${ev.clientY - frame.top + 14}px`;
}

// A tap on a small state, or near several, asks which one was meant.
function tap(ev) {
  $("picker").hidden = true;
  const target = ev.target.closest?.("[data-iso3]");
  const radius = ev.pointerType === "mouse" ? 0 : 18;
  let candidates = [];
  if (radius) {
    for (const [iso3, shapes] of S.shapes) {
      if (!S.outcomes?.[iso3]) continue;
      for (const shape of shapes) {
        const r = shape.getBoundingClientRect();
        const dx = Math.max(r.left - ev.clientX, 0, ev.clientX - r.right), dy = Math.max(r.top - ev.clientY, 0, ev.clientY - r.bottom);
        if (Math.hypot(dx, dy) <= radius) {
          const small = Math.min(r.width, r.height) < 24;
          candidates.push({ iso3, distance: Math.hypot(dx, dy), small });
          break;
        }
      }
    }
    candidates.sort((a, b) => a.distance - b.distance);
  }
  const anySmall = candidates.some((c) => c.small);
  if (candidates.length > 1 && anySmall) {
    const picker = $("picker");
    const frame = $("map").parentElement.getBoundingClientRect();
    picker.replaceChildren(el("p", {}, "Which state?"), ...candidates.slice(0, 6).map((c) =>
      el("button", { type: "button", "data-iso3": c.iso3, onclick: () => { picker.hidden = true; openState(c.iso3); } },
        swatch(S.outcomes[c.iso3].outcome), S.outcomes[c.iso3].name)));
    picker.hidden = false;
    picker.style.left = `${Math.min(Math.max(4, ev.clientX - frame.left - 80), frame.width - 180)}px`;
    picker.style.top = `${Math.max(4, ev.clientY - frame.top + 10)}px`;
    picker.querySelector("button").focus();
    return;
  }
  const iso3 = target?.dataset.iso3 || candidates[0]?.iso3;
  if (iso3 && S.outcomes?.[iso3]) openState(iso3);
}

// ---- the list and "Find a state" (the CLI's resolver, through /api/find/state) ----
function fold(text) { return text.normalize("NFKD").replace(/[\u0300-\u036f]/g, "").toLowerCase(); }
let findResult = { query: "", ids: [] };
function renderList() {
  if (!S.outcomes) return;
  const query = $("state-filter").value.trim();
  const f = fold(query);
  const list = $("state-list");
  const entries = Object.entries(S.outcomes).sort((a, b) => a[1].name.localeCompare(b[1].name));
  const resolved = findResult.query === query ? findResult.ids : [];
  const shown = entries.filter(([iso3, s]) => !f || resolved.includes(iso3) || fold(s.name).includes(f) || iso3.toLowerCase() === f);
  shown.sort((a, b) => (resolved.includes(b[0]) - resolved.includes(a[0])) || 0);
  list.replaceChildren(...shown.map(([iso3, s]) => el("li", { "data-iso3": iso3 },
    el("button", { type: "button", "aria-pressed": String(iso3 === S.state), onclick: (ev) => openState(iso3, { opener: ev.currentTarget }) },
      swatch(s.outcome), el("span", { class: "name" }, s.name), el("span", { class: "what" }, ` — ${label(s.outcome)}`)))));
  const note = $("find-note");
  if (!query) note.textContent = "";
  else if (!shown.length) note.textContent = `No state matches “${query}”.`;
  else note.textContent = `${shown.length} state${shown.length > 1 ? "s" : ""}` +
    (resolved.length && !fold(S.outcomes[resolved[0]].name).includes(f) ? `: “${query}” is ${joinWords(resolved.map((i) => S.outcomes[i].name))}` : "");
}
let findTimer = 0;
function onFind() {
  renderList();
  clearTimeout(findTimer);
  const query = $("state-filter").value.trim();
  if (query.length < 2) return;
  findTimer = setTimeout(async () => {
    try {
      const r = await api(`/api/find/state?${q({ q: query })}`, { channel: "find" });
      findResult = { query, ids: [...r.exact, ...r.close].map((x) => x.id) };
      renderList();
    } catch (e) { if (!aborted(e)) $("find-note").textContent = e.message; }
  }, 150);
}
function onFindKey(ev) {
  if (ev.key !== "Enter") return;
  ev.preventDefault();
  const first = $("state-list").querySelector("li[data-iso3]");
  if (first) openState(first.dataset.iso3, { opener: $("state-filter") });
}

// ---- the assessment, beside the map (a dialog on phones) ----
const phone = () => matchMedia("(max-width: 48rem)").matches;
async function openState(iso3, { push = true, focus = true, opener = null } = {}) {
  if (!S.person) return;
  const changed = S.state !== iso3;
  S.state = iso3;
  if (opener || (focus && changed)) S.opener = opener || document.activeElement;
  const panel = $("panel");
  panel.hidden = false;
  panel.setAttribute("role", "dialog");
  if (phone()) panel.setAttribute("aria-modal", "true"); else panel.removeAttribute("aria-modal");
  document.body.classList.toggle("panel-open", true);
  recolour(); renderListPressed();
  if (focus) zoomTo(iso3);
  writeUrl(push);
  const name = S.outcomes?.[iso3]?.name || iso3;
  $("panel-title").textContent = `${S.person.name} in ${name}, ${dayWords(S.on)}`;
  const box = $("assessment");
  if (focus) $("panel-title").focus();
  const url = `/api/assess?${q({ person: S.person.id, state: iso3, on: S.on })}`;
  if (!cache.has(url)) box.replaceChildren(el("p", {}, "Loading…"));
  let a;
  try { a = await api(url, { channel: "assess" }); } catch (e) { if (!aborted(e)) box.replaceChildren(el("p", {}, e.message)); return; }
  if (S.state !== iso3) return;
  box.replaceChildren(...assessmentView(a, S.profile));
}
function renderListPressed() {
  for (const b of $("state-list").querySelectorAll("li[data-iso3] > button")) b.setAttribute("aria-pressed", String(b.parentElement.dataset.iso3 === S.state));
}
function closePanel(push = true) {
  const panel = $("panel");
  if (panel.hidden) return;
  panel.hidden = true; document.body.classList.remove("panel-open");
  S.state = null; recolour(); renderListPressed();
  if (push) writeUrl(true);
  if (S.opener && document.contains(S.opener)) S.opener.focus();
  S.opener = null;
}

function links(urls) {
  return el("ul", { class: "sources" }, ...urls.map((u) => el("li", {}, /^https?:\/\//.test(u) ? el("a", { href: u, rel: "noopener noreferrer" }, u) : u)));
}
function block(title, ...content) {
  const items = content.flat().filter(Boolean);
  return items.length ? el("section", {}, el("h4", {}, title), ...items) : null;
}
function outcomeLine(a) {
  return el("p", { class: "outcome" }, swatch(a.outcome), el("strong", { "data-outcome": a.outcome }, label(a.outcome)));
}
function recordRows(record, stateName, mark = "") {
  const rows = [];
  for (const v of record.visits || []) {
    rows.push(el("li", {}, mark ? el("span", { class: "tag" }, mark) : "",
      `${dayWords(v.start)}${v.end && v.end !== v.start ? " to " + dayWords(v.end) : ""}: ${v.person_name || personName(v.person)} — ` +
      `${KIND_WORDS[v.kind] || v.kind}${v.occasion ? " (" + v.occasion + ")" : ""}`, v.sources?.length ? links(v.sources) : ""));
  }
  for (const f of record.findings || []) {
    rows.push(el("li", {}, mark ? el("span", { class: "tag" }, mark) : "",
      `${dayWords(f.date)}: ${f.chamber}${f.document ? ", " + f.document : ""}${f.person_name ? " (about " + f.person_name + ")" : ""} — ` +
      `${f.non_compliance ? `found that ${stateName} failed to comply (art. 87(7))` : "no finding of non-compliance"}` +
      `${f.referred_to?.length ? ", referred to " + f.referred_to.join(", ") : ""}${f.appeal ? ". Appeal: " + f.appeal : ""}`,
      f.sources?.length ? links(f.sources) : ""));
  }
  return rows;
}
function positionRows(a) {
  return [...(a.record.stated_positions || []), ...(a.record.later?.stated_positions || [])].map((p) =>
    el("li", {}, p.date > a.on ? el("span", { class: "tag" }, "later") : "",
      `${dayWords(p.date)}, ${p.speaker}, on ${p.person_name}: ${p.summary}`, p.sources?.length ? links(p.sources) : ""));
}
function assessmentView(a, profile) {
  const warrants = (profile?.warrants || []).filter((w) => a.warrants.includes(w.id));
  const used = new Set([...warrants.flatMap((w) => w.sources || []), ...a.record.visits.flatMap((v) => v.sources || []),
    ...a.record.findings.flatMap((f) => f.sources || [])]);
  const standing = a.sources.filter((s) => !used.has(s));
  return [
    outcomeLine(a),
    el("p", {}, a.summary),
    el("p", {}, el("strong", {}, "Standing: "), a.standing),
    block("Legal basis", el("ul", {}, ...a.basis.map((b) => el("li", {}, el("strong", {}, b.ref), ` — ${b.why}`)))),
    block("Caveats", a.caveats.length ? el("ul", {}, ...a.caveats.map((c) => el("li", {}, c.contested ? el("span", { class: "tag" }, "contested") : "", c.text))) : null),
    block(`Record of ${a.state_name} up to ${dayWords(a.on)}`, el("ul", {}, ...(recordRows(a.record, a.state_name).length ? recordRows(a.record, a.state_name)
      : [el("li", {}, "No recorded visits by ICC warrant subjects and no findings.")]))),
    block(`Stated positions of ${a.state_name} (what it said, not the legal answer)`,
      positionRows(a).length ? el("ul", {}, ...positionRows(a)) : null),
    block(`Later (after ${dayWords(a.on)})`, a.record.later && recordRows(a.record.later, a.state_name, "later").length
      ? el("ul", {}, ...recordRows(a.record.later, a.state_name, "later")) : null),
    block("Warrants", warrants.length ? el("ul", {}, ...warrants.map((w) => el("li", {}, `Warrant of ${dayWords(w.issued)} (${w.case || w.situation}): ${w.state_today}`,
      w.sources?.length ? links(w.sources) : ""))) : null),
    block("Sources", standing.length ? [el("p", { class: "note" }, `For ${a.state_name}'s standing and instruments:`), links(standing)] : null,
      used.size ? el("p", { class: "note" }, "Sources for the warrant, each visit and each finding are listed with them above.") : null),
    el("p", { class: "reviewed" }, reviewedText(a.reviewed)),
  ];
}

// ---- trips on the date axis ----
async function loadTrips(id) {
  $("trip-axis").replaceChildren(); $("trip-list").replaceChildren();
  let profile;
  try { profile = await api(`/api/persons/${encodeURIComponent(id)}`, { channel: "trips" }); } catch (e) { if (!aborted(e)) $("trip-list").append(el("li", {}, e.message)); return; }
  if (S.person?.id !== id) return;
  S.profile = profile;
  const axis = $("trip-axis"), list = $("trip-list");
  const span = Date.parse(indexDay($("on-slider").max)) - S.sliderStart;
  if (!profile.visits.length) list.append(el("li", {}, "No trips recorded."));
  for (const v of profile.visits) {
    const day = v.start.length === 10 ? v.start : v.assessed_on;
    const text = `${v.host_name}, ${dayWords(v.start)}${v.end && v.end !== v.start ? " to " + dayWords(v.end) : ""}: ${KIND_WORDS[v.kind] || v.kind} — ${label(v.outcome)}`;
    const go = () => { setDay(day, { push: true, refreshPanel: false }); openState(v.host, { opener: null }); };
    const mark = el("button", { type: "button", class: `trip sw-${v.outcome}`, "aria-label": text, "data-day": day, onclick: go, tabindex: "-1" });
    mark.style.left = `${Math.min(100, Math.max(0, (Date.parse(day) - S.sliderStart) / span * 100))}%`;
    axis.append(mark);
    list.append(el("li", { "data-day": day }, el("button", { type: "button", class: "link", onclick: go },
      swatch(v.outcome), `${dayWords(v.start)} — ${v.host_name}`), ` · ${KIND_WORDS[v.kind] || v.kind}${v.occasion ? " (" + v.occasion + ")" : ""} · ${label(v.outcome)}`));
  }
  axis.append(el("span", { class: "now", "aria-hidden": "true" }));
  markTrips();
}
function markTrips() {
  const now = $("trip-axis").querySelector(".now");
  if (!now) return;
  const span = Date.parse(indexDay($("on-slider").max)) - S.sliderStart;
  now.style.left = `${Math.min(100, Math.max(0, (Date.parse(S.on) - S.sliderStart) / span * 100))}%`;
}

// ---- exports ----
function updateExports() {
  const id = S.person.id, on = S.on, stem = `${id}-${on}`;
  const set = (elId, href, name) => { const a = $(elId); a.href = href; a.setAttribute("download", name); };
  set("dl-svg", `/api/maps/world.svg?${q({ person: id, on })}`, `${stem}.svg`);
  set("dl-png", `/api/maps/world.png?${q({ person: id, on, width: 1600 })}`, `${stem}.png`);
  set("dl-csv", `/api/world?${q({ person: id, on, format: "csv" })}`, `${stem}.csv`);
  set("dl-json", `/api/world?${q({ person: id, on })}`, `${stem}.json`);
  set("dl-timeline", S.timelineKey, `${id}-over-time.json`);
  const view = `${location.origin}${location.pathname}?${q({ person: id, on })}`;
  $("embed-code").value = `<iframe src="${view}&embed=1" title="States bound to arrest ${S.person.name} on ${dayWords(on)}" width="100%" height="600" loading="lazy"></iframe>`;
  $("cite-line").value = `warrantwatch, “States bound to arrest ${S.person.name} on ${dayWords(on)}”, record reviewed to ` +
    `${S.about.reviewed || "an unknown date"}, retrieved ${S.today}, ${view}`;
}
async function copy(from, what) {
  try { await navigator.clipboard.writeText($(from).value); $("copy-note").textContent = `${what} copied.`; }
  catch { $(from).select(); $("copy-note").textContent = "Select and copy the text above."; }
}

// ---- the brief ----
const DATE_IN_TEXT = /\b(20\d\d)-(\d\d)-(\d\d)\b|\b(\d{1,2}) (January|February|March|April|May|June|July|August|September|October|November|December) (20\d\d)\b|\b(January|February|March|April|May|June|July|August|September|October|November|December) (\d{1,2}), (20\d\d)\b/;
let publishedTouched = false; // the user gave the date (typed it, chose the example, opened a brief given one)
let publishedRead = false; // the page read the date from the article's first lines
// Sent to the server: a date the user gave or the page read; the default (today) is left to the server,
// which reads the article's dateline first and names where the date came from.
const publishedToSend = (value) => (publishedTouched || publishedRead) && value ? value : null;
function articleDate(text) {
  const head = text.slice(0, 400).split("\n").slice(0, 4).join("\n");
  const m = DATE_IN_TEXT.exec(head);
  if (!m) return null;
  const pad = (n) => String(n).padStart(2, "0");
  if (m[1]) return `${m[1]}-${m[2]}-${m[3]}`;
  if (m[4]) return `${m[6]}-${pad(MONTHS.indexOf(m[5]) + 1)}-${pad(m[4])}`;
  return `${m[9]}-${pad(MONTHS.indexOf(m[7]) + 1)}-${pad(m[8])}`;
}
function onArticleInput() {
  if (publishedTouched) return;
  const found = articleDate($("article").value);
  publishedRead = Boolean(found && validDay(found));
  $("published").value = publishedRead ? found : S.today;
  $("brief-status").textContent = found ? `Publication date read from the article: ${dayWords(found)}.` : "";
}

async function writeBrief(ev) {
  ev.preventDefault();
  const text = $("article").value, published = $("published").value;
  if (!text.trim()) { $("brief-status").textContent = "Paste the article's text first."; $("article").focus(); return; }
  if (publishedToSend(published) && !validDay(published)) { $("brief-status").textContent = "Give the publication date as YYYY-MM-DD, or leave it empty."; $("published").focus(); return; }
  $("brief-status").textContent = "Reading…";
  let b;
  try { b = await api("/api/brief", { method: "POST", body: { text, published: publishedToSend(published) }, channel: "brief" }); }
  catch (e) { if (!aborted(e)) $("brief-status").textContent = e.message; return; }
  showBrief(b, true);
}
async function loadBrief(id) {
  $("brief-status").textContent = "Loading the brief…";
  try { showBrief(await api(`/api/brief/${encodeURIComponent(id)}`, { channel: "brief" }), false); }
  catch (e) { if (!aborted(e)) $("brief-status").textContent = e.message; }
}

function showBrief(b, push) {
  S.briefId = b.id;
  $("article").value = b.text; $("published").value = b.article.published;
  writeUrl(push);
  publishedTouched = b.article.published_from === "request"; publishedRead = false; // a date the server read or chose is not the user's
  $("brief-status").textContent = `${b.events.length} event${b.events.length === 1 ? "" : "s"} found` +
    (b.background.length ? `, and ${b.background.length} earlier trip${b.background.length === 1 ? "" : "s"} recalled.` : ".") +
    ` Published ${dayWords(b.article.published)} (published date: from ${PUBLISHED_FROM[b.article.published_from] || b.article.published_from}).` +
    ` ${reviewedText(b.reviewed)}`;
  const base = `/api/brief/${b.id}`;
  $("dl-brief-md").href = `${base}?format=md`; $("dl-brief-html").href = `${base}?format=html`; $("dl-brief-json").href = base;
  $("dl-brief-json").setAttribute("download", `brief-${b.article.published}.json`);
  $("brief-link").href = `?${q({ brief: b.id })}`;
  $("brief-downloads").hidden = false;
  const out = $("brief");
  out.replaceChildren();
  if (!b.events.length) out.append(el("p", {}, "No visit by a person wanted by the ICC was found in this article."));
  // as news.brief.READING_NOTE says it in the Markdown and HTML briefs
  else out.append(el("p", { class: "note reading-note" }, "The events below were read from the article by machine: any of them " +
    "may be wrong in its person, place, date or kind. Check each against the evidence quoted with it before relying on it; " +
    "the legal assessment is for the event as read."));
  for (const e of b.events) {
    const a = e.assessment;
    const rough = e.date && e.date.length < 10;
    const item = el("article", { class: "brief-item" },
      el("h3", {}, `${e.person_name} → ${destination(e)}, ${dayWords(e.date)} (${KIND_WORDS[e.kind] || e.kind})`),
      rough ? el("p", { class: "flag" }, `Date known only to the ${e.date.length === 7 ? "month" : "year"}: ${e.date}.`) : "",
      e.date_note ? el("p", { class: "note" }, e.date_note) : "",
      typeof e.confidence === "number" ? el("p", { class: "note" }, `Confidence of this reading: ${e.confidence.toFixed(2)}.` +
        (e.confidence_on_new_text ? ` ${e.confidence_on_new_text.in_words}` : "")) : "",
      outcomeLine(a), el("p", {}, a.summary),
      block("Legal basis", el("ul", {}, ...a.basis.map((x) => el("li", {}, el("strong", {}, x.ref), ` — ${x.why}`)))),
      block("Caveats", a.caveats.length ? el("ul", {}, ...a.caveats.map((c) => el("li", {}, c.contested ? el("span", { class: "tag" }, "contested") : "", c.text))) : null),
      block(`What ${e.host_name} did before`, el("ul", {}, ...(recordRows(a.record, e.host_name).length ? recordRows(a.record, e.host_name)
        : [el("li", {}, "No recorded visits by ICC warrant subjects and no findings.")]))),
      block("Warrants", el("ul", {}, ...e.warrants.map((w) => el("li", {}, `Warrant of ${dayWords(w.issued)} (${w.case || w.situation})`,
        w.crimes?.length ? `: ${w.crimes.join("; ")}` : "", w.sources?.length ? links(w.sources) : "")))),
      block("Evidence", ...e.evidence.map((x) => el("blockquote", {}, x))),
      block("Sources", links(a.sources)));
    out.append(item);
    const home = S.byId[e.person]?.nationality;
    if (home) addMap(item, e, home);
  }
  if (b.background.length) {
    out.append(block("Earlier trips the article recalls", el("ul", {}, ...b.background.map((e) =>
      el("li", {}, swatch(e.assessment.outcome), `${e.person_name} → ${destination(e)}, ${dayWords(e.date)} (${KIND_WORDS[e.kind] || e.kind}): ` +
        `${label(e.assessment.outcome)} on ${dayWords(e.assessed_on)}`, e.date_note ? el("span", { class: "note" }, ` ${e.date_note}`) : "")))));
  }
}
async function addMap(item, e, home) {
  const params = q({ home, host: e.host, person: e.person, on: e.assessed_on });
  const url = `/api/maps/locator.svg?${params}`;
  try {
    const text = await api(url);
    const doc = new DOMParser().parseFromString(withoutStyle(text), "image/svg+xml");
    const svg = doc.documentElement;
    const alt = svg.querySelector("desc")?.textContent || "";
    svg.querySelectorAll("style").forEach((n) => n.remove());
    svg.setAttribute("aria-hidden", "true");
    const fig = el("figure", { role: "group", "aria-label": alt },
      el("div", { class: "locator", role: "img", "aria-label": alt }, document.importNode(svg, true)),
      el("figcaption", {}, e.map?.caption || alt),
      el("p", {}, el("a", { href: url, download: `map-${e.host}.svg` }, "Download SVG"), " · ",
        el("a", { href: url.replace(".svg?", ".png?"), download: `map-${e.host}.png` }, "Download PNG")));
    item.insertBefore(fig, item.children[3] || null);
  } catch (_) { /* maps unavailable: the text brief stands alone */ }
}

// ---- start ----
function bind() {
  $("world-form").addEventListener("submit", (ev) => {
    ev.preventDefault();
    const on = validDay($("on").value) || S.today;
    if (S.person && $("person").value.trim() === S.person.name) { if (on !== S.on) setDay(on, { push: true }); return; }
    choosePerson($("person").value, on);
  });
  $("person").addEventListener("change", () => { if (!S.person || $("person").value.trim() !== S.person.name) choosePerson($("person").value, validDay($("on").value) || S.today); });
  $("on").addEventListener("change", () => { const d = validDay($("on").value); if (d && S.person && d !== S.on) setDay(d, { push: true }); });
  // The slider recolours from the timeline already loaded: no request per step.
  $("on-slider").addEventListener("input", (ev) => { if (S.timeline) setDay(indexDay(ev.target.value), { refreshPanel: false }); });
  $("on-slider").addEventListener("change", (ev) => { if (S.timeline) setDay(indexDay(ev.target.value), { push: true }); });
  $("state-filter").addEventListener("input", onFind);
  $("state-filter").addEventListener("keydown", onFindKey);
  $("panel-close").addEventListener("click", () => closePanel());
  document.addEventListener("keydown", (ev) => {
    if (ev.key !== "Escape") return;
    if (!$("picker").hidden) { $("picker").hidden = true; return; }
    if (!$("panel").hidden) { ev.preventDefault(); closePanel(); }
  });
  $("example-link").addEventListener("click", (ev) => { ev.preventDefault(); history.pushState(null, "", ev.currentTarget.getAttribute("href")); applyUrl(); });
  $("copy-embed").addEventListener("click", () => copy("embed-code", "Embed code"));
  $("copy-cite").addEventListener("click", () => copy("cite-line", "Citation"));
  $("brief-form").addEventListener("submit", writeBrief);
  $("article").addEventListener("input", onArticleInput);
  $("published").addEventListener("input", () => { publishedTouched = true; });
  $("use-seed").addEventListener("click", async () => {
    $("article").value = await api("seed-article.txt");
    $("published").value = "2024-08-30"; publishedTouched = true;
    $("brief-status").textContent = "The example story (published 30 August 2024) is in the box.";
  });
  window.addEventListener("popstate", () => applyUrl());
  bindMap();
}

async function init() {
  bind();
  const p = new URLSearchParams(location.search), id = p.get("person"), on = validDay(p.get("on"));
  if (id && on) { // start the two large answers at once, while the small ones arrive
    const guess = new Date().toISOString().slice(0, 10);
    api(timelineUrl(id, on, on > guess ? guess : null)).catch(() => {});
    api(worldSvgUrl(id, on)).catch(() => {});
  }
  performance.mark("ww-start");
  const [about, palette, persons] = await Promise.all([api("/api/about"), api("/api/palette"), api("/api/persons")]);
  performance.mark("ww-basics");
  S.about = about; S.today = about.today; S.palette = palette; S.persons = persons;
  for (const p of persons) S.byId[p.id] = p;
  $("person-list").replaceChildren(...persons.map((p) => el("option", { value: p.name })));
  $("published").value = S.today;
  $("data-note").textContent = reviewedText(about.reviewed);
  await applyUrl();
  document.body.dataset.ready = "1";
}
init();
