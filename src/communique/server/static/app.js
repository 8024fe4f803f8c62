// communique dashboard: network, dyad timeline, map, event list and event detail over the REST API.
// Every view reads /api/* with the same filters; text from the store is only ever set as textContent.
"use strict";

const PAGE = 25;
const state = { offset: 0, selected: null, point: null };

const $ = (sel) => document.querySelector(sel);

function el(tag, attrs, ...children) {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (k === "class") node.className = v;
    else if (k.startsWith("data-")) node.setAttribute(k, v);
    else node[k] = v;
  }
  for (const c of children) {
    if (c === null || c === undefined) continue;
    node.append(c instanceof Node ? c : document.createTextNode(String(c)));
  }
  return node;
}

function filterParams() {
  const form = new FormData($("#filters"));
  const p = new URLSearchParams();
  for (const key of ["actor", "country", "cameo", "plover", "since", "until", "place", "min_corroboration", "outlet"]) {
    const v = (form.get(key) || "").trim();
    if (v) p.append(key, v);
  }
  const a = (form.get("dyad_a") || "").trim(), b = (form.get("dyad_b") || "").trim();
  if (a && b) { p.append("dyad", a); p.append("dyad", b); if (form.get("directed")) p.append("directed", "true"); }
  for (const key of ["quad_class", "status"]) {
    const v = form.get(key);
    if (v) v.split(",").forEach((x) => p.append(key, x));
  }
  return p;
}

async function api(path, params) {
  const url = params && [...params].length ? `${path}?${params}` : path;
  const res = await fetch(url, { headers: { Accept: "application/json" } });
  const body = await res.json();
  if (!res.ok) throw new Error(body.detail || `${res.status} ${res.statusText}`);
  return body;
}

function showError(err) { $("#error").textContent = err ? String(err.message || err) : ""; }

function quadClassOf(coop, conf) { return coop > conf ? "coop" : conf > coop ? "conf" : "mixed"; }

// -- network ------------------------------------------------------------------------------------------------------

async function drawNetwork() {
  const params = filterParams();
  params.set("level", $("#level").value);
  params.set("max_nodes", "60");
  const net = await api("/api/network", params);
  const box = $("#network");
  box.replaceChildren();
  const w = box.clientWidth || 600, h = box.clientHeight || 360;
  const svg = d3.select(box).append("svg").attr("viewBox", [0, 0, w, h]).attr("data-testid", "network");
  if (!net.nodes.length) { svg.append("text").attr("x", 10).attr("y", 20).text("No actors for these filters."); return; }
  const nodes = net.nodes.map((n) => ({ ...n }));
  const links = net.edges.map((e) => ({ ...e }));
  const r = d3.scaleSqrt().domain([1, d3.max(nodes, (n) => n.events) || 1]).range([5, 22]);
  const width = d3.scaleSqrt().domain([1, d3.max(links, (e) => e.events) || 1]).range([1, 7]);
  const color = d3.scaleOrdinal(d3.schemeTableau10);
  const sim = d3.forceSimulation(nodes)
    .force("link", d3.forceLink(links).id((n) => n.id).distance(70))
    .force("charge", d3.forceManyBody().strength(-160))
    .force("x", d3.forceX(w / 2).strength(0.09))
    .force("y", d3.forceY(h / 2).strength(0.12))
    .force("collide", d3.forceCollide((n) => r(n.events) + 3))
    .stop();
  for (let i = 0; i < 240; i++) sim.tick();
  for (const n of nodes) { n.x = Math.max(20, Math.min(w - 20, n.x)); n.y = Math.max(20, Math.min(h - 20, n.y)); }
  svg.append("g").selectAll("line").data(links).join("line")
    .attr("class", (e) => `link ${quadClassOf(e.cooperation, e.conflict)}`)
    .attr("stroke-width", (e) => width(e.events))
    .attr("x1", (e) => e.source.x).attr("y1", (e) => e.source.y).attr("x2", (e) => e.target.x).attr("y2", (e) => e.target.y)
    .append("title").text((e) => `${e.source.id} → ${e.target.id}: ${e.events} events (${e.cooperation} cooperation, ${e.conflict} conflict), Goldstein ${e.goldstein}`);
  const g = svg.append("g").selectAll("g").data(nodes).join("g").attr("class", "node")
    .attr("transform", (n) => `translate(${n.x},${n.y})`);
  g.append("circle").attr("r", (n) => r(n.events)).attr("fill", (n) => color(n.community))
    .on("click", (ev, n) => {
      const field = $("#level").value === "country" ? "country" : "actor";
      $("#filters").elements[field].value = n.id;
      refresh();
    })
    .append("title").text((n) => `${n.label}: ${n.events} events, betweenness ${n.betweenness}, community ${n.community}`);
  g.append("text").attr("dx", (n) => r(n.events) + 2).attr("dy", 4).text((n) => n.id);
}

// -- timeline -----------------------------------------------------------------------------------------------------

async function drawTimeline() {
  const params = filterParams();
  params.set("interval", $("#interval").value);
  params.set("max_events_per_point", "0");
  const series = await api("/api/series", params);
  const box = $("#timeline");
  box.replaceChildren();
  const w = box.clientWidth || 600, h = box.clientHeight || 360, m = { t: 12, r: 40, b: 28, l: 36 };
  const svg = d3.select(box).append("svg").attr("viewBox", [0, 0, w, h]).attr("data-testid", "timeline");
  if (!series.length) { svg.append("text").attr("x", 10).attr("y", 20).text("No dated events for these filters."); return; }
  const dates = series.map((p) => new Date(p.period + "T00:00:00Z"));
  const pad = 86400000 * ($("#interval").value === "month" ? 15 : $("#interval").value === "week" ? 4 : 1);
  const x = d3.scaleUtc().domain([new Date(+d3.min(dates) - pad), new Date(+d3.max(dates) + pad)]).range([m.l, w - m.r]);
  const y = d3.scaleLinear().domain([0, d3.max(series, (p) => p.events)]).nice().range([h - m.b, m.t]);
  const yg = d3.scaleLinear().domain([-10, 10]).range([h - m.b, m.t]);
  const bw = Math.max(2, Math.min(24, (w - m.l - m.r) / (series.length * 1.6)));
  svg.append("g").attr("transform", `translate(0,${h - m.b})`).call(d3.axisBottom(x).ticks(6));
  svg.append("g").attr("transform", `translate(${m.l},0)`).call(d3.axisLeft(y).ticks(5));
  svg.append("g").attr("transform", `translate(${w - m.r},0)`).call(d3.axisRight(yg).ticks(5));
  svg.append("line").attr("x1", m.l).attr("x2", w - m.r).attr("y1", yg(0)).attr("y2", yg(0)).attr("stroke", "#ddd");
  svg.append("g").selectAll("rect").data(series).join("rect").attr("class", "bar")
    .attr("x", (p, i) => x(dates[i]) - bw / 2).attr("width", bw)
    .attr("y", (p) => y(p.events)).attr("height", (p) => y(0) - y(p.events))
    .append("title").text((p) => `${p.period}: ${p.events} events`);
  const withMean = series.filter((p) => p.goldstein_mean !== null);
  svg.append("path").datum(withMean).attr("fill", "none").attr("stroke", "#e07a1f").attr("stroke-width", 1.5)
    .attr("d", d3.line().x((p) => x(new Date(p.period + "T00:00:00Z"))).y((p) => yg(p.goldstein_mean)));
  svg.append("g").selectAll("circle").data(withMean).join("circle").attr("class", "point")
    .attr("r", 5).attr("cx", (p) => x(new Date(p.period + "T00:00:00Z"))).attr("cy", (p) => yg(p.goldstein_mean))
    .on("click", function (ev, p) {
      svg.selectAll(".point").classed("selected", false);
      d3.select(this).classed("selected", true);
      showPoint(p);
    })
    .append("title").text((p) => `${p.period}: ${p.events} events, mean Goldstein ${p.goldstein_mean}, balance ${p.balance}`);
}

function periodEnd(start) {
  const d = new Date(start + "T00:00:00Z"), unit = $("#interval").value;
  if (unit === "day") return start;
  if (unit === "week") d.setUTCDate(d.getUTCDate() + 6);
  else { d.setUTCMonth(d.getUTCMonth() + 1); d.setUTCDate(0); }
  return d.toISOString().slice(0, 10);
}

async function showPoint(p) {
  const params = filterParams();
  params.set("since", p.period);
  params.set("until", periodEnd(p.period));
  params.set("limit", "50");
  const page = await api("/api/events", params);
  const list = el("ul", { class: "point-events" });
  for (const e of page.events) {
    list.append(el("li", {}, el("a", { href: "#", onclick: (ev) => { ev.preventDefault(); showDetail(e.cluster_id); } },
      `${e.date} ${e.source || "?"} ${e.label} ${e.target || ""}`)));
  }
  const q = p.quad_class;
  $("#point").replaceChildren(el("div", {}, `${p.period}: ${p.events} events, Goldstein sum ${p.goldstein_sum}, `
    + `mean ${p.goldstein_mean}; QuadClass shares 1:${q["1"]} 2:${q["2"]} 3:${q["3"]} 4:${q["4"]}; balance ${p.balance}`), list);
}

// -- map ----------------------------------------------------------------------------------------------------------

let world = null;

async function drawMap() {
  if (!world) {
    const res = await fetch("/vendor/world-atlas/countries-110m.json");
    if (!res.ok) throw new Error("map outlines missing: run ./run to install the dashboard assets");
    world = await res.json();
  }
  const places = await api("/api/map", filterParams());
  const box = $("#map");
  box.replaceChildren();
  const w = box.clientWidth || 600, h = box.clientHeight || 360;
  const svg = d3.select(box).append("svg").attr("viewBox", [0, 0, w, h]).attr("data-testid", "map");
  const land = topojson.feature(world, world.objects.countries);
  const projection = d3.geoNaturalEarth1().fitSize([w, h], { type: "Sphere" });
  const path = d3.geoPath(projection);
  svg.append("path").attr("class", "sphere").attr("d", path({ type: "Sphere" }));
  svg.append("g").selectAll("path").data(land.features).join("path").attr("class", "land").attr("d", path)
    .append("title").text((f) => f.properties.name);
  const r = d3.scaleSqrt().domain([1, d3.max(places, (p) => p.events) || 1]).range([4, 16]);
  svg.append("g").selectAll("circle").data(places).join("circle")
    .attr("class", (p) => `marker ${quadClassOf(p.cooperation, p.conflict)}`)
    .attr("r", (p) => r(p.events))
    .attr("transform", (p) => `translate(${projection([p.lon, p.lat])})`)
    .on("click", (ev, p) => { $("#filters").elements.place.value = p.location; refresh(); })
    .append("title").text((p) => `${p.location} (${p.country || "?"}): ${p.events} events, ${p.cooperation} cooperation, ${p.conflict} conflict`);
}

// -- event list and detail ----------------------------------------------------------------------------------------

async function drawList() {
  const params = filterParams();
  params.set("limit", String(PAGE));
  params.set("offset", String(state.offset));
  const page = await api("/api/events", params);
  $("#total").textContent = `${page.total} events` + (page.total > PAGE ? `, ${state.offset + 1}–${Math.min(page.total, state.offset + PAGE)}` : "");
  $("#prev").disabled = state.offset === 0;
  $("#next").disabled = state.offset + PAGE >= page.total;
  const rows = page.events.map((e) => {
    const status = e.negated ? "negated" : e.status;
    const tr = el("tr", { "data-id": String(e.cluster_id) },
      el("td", {}, e.date || "—"), el("td", {}, e.source || "?"),
      el("td", { title: `CAMEO ${e.cameo} / PLOVER ${e.plover || "—"} / Goldstein ${e.goldstein}` }, `${e.cameo} ${e.label}`),
      el("td", {}, e.target || ""), el("td", {}, e.location || ""),
      el("td", {}, el("span", { class: `status ${status}` }, status)), el("td", {}, e.corroboration));
    tr.addEventListener("click", () => showDetail(e.cluster_id));
    if (state.selected === e.cluster_id) tr.classList.add("selected");
    return tr;
  });
  $("#events tbody").replaceChildren(...rows);
}

// Split the article text at every span boundary; each piece carries the classes of the spans covering it.
function highlighted(text, spans) {
  const cuts = new Set([0, text.length]);
  for (const s of spans) {
    if (s.start === null || s.end === null || s.start === undefined || s.end === undefined) continue;
    if (s.start < 0 || s.end > text.length || s.start >= s.end) continue;
    cuts.add(s.start); cuts.add(s.end);
  }
  const points = [...cuts].sort((a, b) => a - b);
  const out = el("div", { class: "article" });
  for (let i = 0; i + 1 < points.length; i++) {
    const a = points[i], b = points[i + 1];
    const covering = spans.filter((s) => s.start <= a && b <= s.end);
    const piece = text.slice(a, b);
    if (!covering.length) { out.append(document.createTextNode(piece)); continue; }
    const mark = el("mark", { class: [...new Set(covering.map((s) => `hl-${s.kind}`))].join(" ") }, piece);
    mark.title = covering.map((s) => s.title).filter(Boolean).join("; ");
    out.append(mark);
  }
  return out;
}

function actorLabel(a) { return `${a.name || a.actor_id}${a.code ? ` [${a.code}]` : ""}`; }

async function showDetail(id) {
  state.selected = id;
  document.querySelectorAll("#events tbody tr").forEach((tr) => tr.classList.toggle("selected", tr.dataset.id === String(id)));
  const d = await api(`/api/events/${id}`);
  const status = d.negated ? "negated" : d.status;
  const parts = [
    el("div", { class: "meta" },
      el("strong", {}, `${d.source || "?"} — ${d.label} (CAMEO ${d.cameo}, ${d.plover || "no PLOVER type"}) — ${d.target || "no target"}`),
      el("span", {}, `date ${d.date || "unknown"} (${d.date_precision || "—"})`),
      el("span", {}, `place ${d.location || "—"}${d.country ? ", " + d.country : ""}`),
      el("span", {}, "status ", el("span", { class: `status ${status}` }, status)),
      el("span", {}, `Goldstein ${d.goldstein}, QuadClass ${d.quad_class}`),
      el("span", {}, `${d.corroboration} article(s), ${d.outlets} outlet(s)`)),
    el("div", { class: "keys" }, el("span", { class: "hl-evidence" }, "evidence"), el("span", { class: "hl-trigger" }, "trigger"),
      el("span", { class: "hl-actor" }, "actor"), el("span", { class: "hl-quote" }, "quote"), el("span", { class: "hl-attribution" }, "attribution")),
    el("div", { class: "history" }, "Status history: ",
      d.status_history.map((h) => `${h.published || "undated"} ${h.outlet || h.article}: ${h.negated ? "negated" : h.status}`).join(" → ")),
  ];
  for (const r of d.reports) {
    const text = r.article.text;
    const involved = new Set([...r.source, ...r.target].map((a) => a.actor_id));
    const spans = [
      { start: r.evidence.start, end: r.evidence.end, kind: "evidence", title: "evidence" },
      { start: r.trigger.start, end: r.trigger.end, kind: "trigger", title: `trigger of ${r.cameo}` },
      ...r.mentions.filter((m) => involved.has(m.actor_id)).map((m) => ({ start: m.start, end: m.end, kind: "actor", title: `actor ${m.actor_id}` })),
      ...r.quotes.map((q) => ({ start: q.start, end: q.end, kind: "quote", title: `quote${q.speaker ? " by " + q.speaker : ""}` })),
      ...r.attribution.filter((t) => t.start !== null).map((t) => ({ start: t.start, end: t.end, kind: "attribution", title: `according to ${t.source}` })),
    ];
    const chain = r.attribution.map((t) => `${t.source}${t.anonymous ? " (anonymous)" : ""} [${t.kind}]`).join(" ← ");
    parts.push(el("div", { class: "report" },
      el("div", { class: "meta" },
        el("strong", {}, r.article.title || r.article.id),
        el("span", {}, r.article.outlet || "no outlet"), el("span", {}, r.article.published || "undated"),
        r.article.url ? el("a", { href: r.article.url, rel: "noopener noreferrer", target: "_blank" }, "source") : null,
        el("span", {}, `report status ${r.negated ? "negated" : r.status}`),
        el("span", {}, `source: ${r.source.map(actorLabel).join(", ") || "—"}; target: ${r.target.map(actorLabel).join(", ") || "—"}`),
        el("span", {}, `attribution: ${chain || "the outlet"}`)),
      highlighted(text, spans)));
  }
  $("#detail").classList.remove("muted");
  $("#detail").replaceChildren(...parts);
  const ev = $("#detail .hl-evidence");
  if (ev) ev.scrollIntoView({ block: "nearest" });
}

// -- wiring -------------------------------------------------------------------------------------------------------

// -- what changed ---------------------------------------------------------------------------------------------------

function clip(text, n) { return text.length > n ? text.slice(0, n - 1) + "…" : text; }

async function drawSignals() {
  const body = await api("/api/signals", new URLSearchParams({ limit: "12" }));
  const list = $("#signals");
  list.replaceChildren();
  if (!body.signals.length) list.append(el("li", {}, "no shifts found in the stored events"));
  for (const s of body.signals) {
    // the evidence behind the signal: each event's first report, its article and the evidence's character
    // offsets into that article's text; a click opens the event with every report highlighted
    const evidence = el("ul", { class: "small evidence" }, ...s.events.slice(0, 5).map((e) => {
      const li = el("li", { "data-id": String(e.cluster_id), title: `article ${e.article_id}, characters ${e.evidence_start}–${e.evidence_end}` },
        `${e.date || ""}${e.date_precision && e.date_precision !== "day" ? ` (${e.date_precision.replaceAll("_", " ")})` : ""} ${e.cameo || ""} ${e.source || "?"} → ${e.target || "?"}: “${clip(e.evidence || "", 280)}” `,
        el("span", { class: "muted" }, `(${e.outlet || e.article_id}${e.corroboration > 1 ? `, ${e.corroboration} articles` : ""})`));
      li.addEventListener("click", (ev) => { ev.stopPropagation(); showDetail(e.cluster_id).catch(showError); });
      return li;
    }));
    const more = s.event_count > Math.min(5, s.events.length) ? el("div", { class: "small muted" }, `${s.event_count} events in all: click the signal to list them`) : null;
    const item = el("li", { class: `signal ${s.channel === "cooperation" ? "coop" : "conf"}`, "data-unit": s.unit },
      el("b", {}, s.unit), ` ${s.direction} (${s.channel} ${s.change}), ${s.start} – ${s.end}, score ${s.score}: `,
      `${s.observed} events against ${s.expected} expected`
        + (s.window_start ? ` in ${s.window_start === s.window_end ? s.window_start : `${s.window_start} – ${s.window_end}`}` : ""),
      evidence, more);
    item.addEventListener("click", () => {
      const [a, b] = s.unit.split("–");
      const form = $("#filters");
      if (b) { form.elements.dyad_a.value = a; form.elements.dyad_b.value = b; form.elements.actor.value = ""; }
      else { form.elements.actor.value = a; form.elements.dyad_a.value = ""; form.elements.dyad_b.value = ""; }
      form.elements.since.value = s.start; form.elements.until.value = s.end;
      refresh();
    });
    list.append(item);
  }
  const blocs = body.blocs;
  $("#blocs").textContent = blocs && blocs.blocs.length
    ? `Blocs ${blocs.start} – ${blocs.end}: ` + blocs.blocs.map((b) => b.join(", ")).join(" | ")
      + (blocs.moves.length ? `; moved: ${blocs.moves.map((m) => m.actor).join(", ")}` : "")
      + (blocs.deepening.length ? `; deepening: ${blocs.deepening.map((d) => d.dyad).join(", ")}` : "")
    : "";
}

async function refresh() {
  showError(null);
  state.offset = 0;
  $("#point").replaceChildren();
  const views = [drawList(), drawNetwork(), drawTimeline(), drawMap(), drawSignals()];
  const results = await Promise.allSettled(views);
  const failed = results.find((r) => r.status === "rejected");
  if (failed) showError(failed.reason);
  document.body.dataset.ready = "true";
}

async function start() {
  $("#filters").addEventListener("submit", (ev) => { ev.preventDefault(); refresh(); });
  $("#reset").addEventListener("click", () => { $("#filters").reset(); refresh(); });
  $("#level").addEventListener("change", () => drawNetwork().catch(showError));
  $("#interval").addEventListener("change", () => drawTimeline().catch(showError));
  $("#prev").addEventListener("click", () => { state.offset = Math.max(0, state.offset - PAGE); drawList().catch(showError); });
  $("#next").addEventListener("click", () => { state.offset += PAGE; drawList().catch(showError); });
  try {
    const s = await api("/api/stats");
    $("#stats").textContent = `${s.events} events from ${s.articles} articles, ${s.first_date || "—"} to ${s.last_date || "—"}`;
  } catch (err) { showError(err); }
  await refresh();
}

if (typeof d3 === "undefined" || typeof topojson === "undefined") {
  document.addEventListener("DOMContentLoaded", () => showError("dashboard assets missing: run ./run to install them (npm)"));
} else {
  start();
}
