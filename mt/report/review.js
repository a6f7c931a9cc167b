// The review page: findings list, filters, keys, decisions (localStorage + decisions.jsonl), one
// page of pairs at a time. Reads its data from the JSON in #mt-data; needs no server, no network.
(function () {
  "use strict";
  const D = JSON.parse(document.getElementById("mt-data").textContent);
  const META = D.meta, F = D.findings, P = D.pairs;
  const SEV = ["critical", "major", "minor"], WEIGHT = { critical: 0.6, major: 0.3, minor: 0.1 };
  const LABEL = { confirmed: "confirmed", false_alarm: "false alarm", fixed: "fixed" };
  const KINDS = ["confirmed", "false_alarm", "fixed"];
  const PAGE = 100;
  const STORE = "mt-review:" + META.key;
  const $ = (id) => document.getElementById(id);
  const esc = (s) => String(s).replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]);
  const nums = (ids) => !ids.length ? "–" : ids.length === 1 ? String(ids[0] + 1) : (Math.min(...ids) + 1) + "–" + (Math.max(...ids) + 1);
  const plural = (n, w, many) => n + " " + (n === 1 ? w : (many || w + "s"));
  const fmt = (n) => n.toLocaleString("en");

  // ---- decisions: id -> {decision, note, time}; the later time wins when two sources disagree
  let decisions = {};
  function merge(list) {
    let n = 0;
    for (const d of list) {
      const old = decisions[d.id];
      if (!old || (d.time || "") >= (old.time || "")) { decisions[d.id] = { decision: d.decision || "", note: d.note || "", time: d.time || "" }; n++; }
    }
    return n;
  }
  merge(D.decisions || []);
  let stored = true;
  try {
    const saved = JSON.parse(localStorage.getItem(STORE) || "{}");
    merge(Object.keys(saved).map((id) => Object.assign({ id: id }, saved[id])));
  } catch (e) { stored = false; }
  function save() {
    try { localStorage.setItem(STORE, JSON.stringify(decisions)); } catch (e) { stored = false; }
  }
  const decisionOf = (i) => (decisions[F[i].id] || {}).decision || "";
  const noteOf = (i) => (decisions[F[i].id] || {}).note || "";

  // ---- order: by severity, then position; the list, the keys and the print-out follow it
  const order = F.map((f, i) => i).sort((a, b) => SEV.indexOf(F[a].severity) - SEV.indexOf(F[b].severity) || F[a].pair - F[b].pair || a - b);
  const byId = {};
  F.forEach((f, i) => { byId[f.id] = i; });
  const types = [...new Set(F.map((f) => f.type))].sort();
  const typeSel = $("f-type");
  for (const t of types) typeSel.insertAdjacentHTML("beforeend", `<option value="${esc(t)}">${esc(t)}</option>`);

  let cur = -1, page = 0, view = "all";
  const filt = { sev: "", type: "", dec: "" };
  function visible(i) {
    const f = F[i], d = decisionOf(i);
    return (!filt.sev || f.severity === filt.sev) && (!filt.type || f.type === filt.type) &&
      (!filt.dec || (filt.dec === "open" ? !d : d === filt.dec));
  }
  const live = (i) => decisionOf(i) !== "false_alarm";
  function worst(idx) {
    let w = 3;
    for (const i of idx) if (live(i)) w = Math.min(w, SEV.indexOf(F[i].severity));
    return w < 3 ? SEV[w] : "";
  }

  // ---- findings list
  function renderList() {
    const parts = [];
    for (const s of SEV) {
      const all = order.filter((i) => F[i].severity === s), shown = all.filter(visible);
      if (!all.length) continue;
      const count = shown.length === all.length ? String(all.length) : `${shown.length} of ${all.length}`;
      parts.push(`<h3 class="${s}"><span>${s[0].toUpperCase() + s.slice(1)}</span><span>${count}</span></h3><ol>`);
      for (const i of shown) parts.push(listItem(i));
      parts.push("</ol>");
    }
    if (!F.length) parts.push('<p class="empty-list">No findings.</p>');
    else if (!order.some(visible)) parts.push('<p class="empty-list">No finding matches the filters.</p>');
    $("findings").innerHTML = parts.join("");
    reviewLine();
  }
  function where(f) { return `${esc(META.src_lang)} ${nums(f.src)} → ${esc(META.tgt_lang)} ${nums(f.tgt)}`; }
  function listItem(i) {
    const f = F[i], d = decisionOf(i), note = noteOf(i);
    return `<li class="fi ${f.severity}${i === cur ? " current" : ""}${d ? " decided-" + d : ""}" id="fi-${i}" data-i="${i}">` +
      `<div class="fi-head"><span class="sev ${f.severity}">${f.severity}</span><b>${esc(f.type)}</b><span class="where">${where(f)}</span>` +
      `<span class="dec ${d}">${d ? LABEL[d] : ""}</span></div><div class="fi-msg">${esc(f.message)}</div>` +
      (note ? `<div class="fi-note">${esc(note)}</div>` : "") + "</li>";
  }
  function reviewLine() {
    const c = { confirmed: 0, false_alarm: 0, fixed: 0 };
    F.forEach((f, i) => { const d = decisionOf(i); if (d) c[d]++; });
    const done = c.confirmed + c.false_alarm + c.fixed;
    $("review-line").textContent = `Reviewed ${done} of ${plural(F.length, "finding")}: ${c.confirmed} confirmed, ` +
      `${plural(c.false_alarm, "false alarm")}, ${c.fixed} fixed.` + (stored ? "" : " (This browser keeps no local storage here: export your decisions before closing.)");
  }

  // ---- pairs, one page at a time
  function pairList() {
    if (view === "all") return null;
    const ks = [];
    P.forEach((p, k) => { if (p[4].some(visible)) ks.push(k); });
    return ks;
  }
  function marked(text, spans) {
    spans.sort((a, b) => a[0] - b[0] || b[1] - a[1]);
    let out = "", pos = 0;
    for (const [s, e, cls] of spans) {
      if (s < pos || s >= e) continue;
      out += esc(text.slice(pos, s)) + `<mark class="${cls}">` + esc(text.slice(s, e)) + "</mark>";
      pos = e;
    }
    return out + esc(text.slice(pos));
  }
  function side(k, name) {
    const ids = P[k][name === "src" ? 0 : 1], doc = D[name], lang = name === "src" ? META.src_lang : META.tgt_lang;
    if (!ids.length) return '<div class="none">(no counterpart)</div>';
    return ids.map((n) => {
      const fs = P[k][4].filter((i) => (name === "src" ? F[i].src : F[i].tgt).includes(n));
      const spans = [];
      for (const i of P[k][4]) for (const e of F[i].evidence) if (e[0] === name && e[1] === n) spans.push([e[2], e[3], F[i].severity]);
      const w = worst(fs) || (fs.length ? "minor" : "");
      const kind = doc[n][1] !== "content" ? `<span class="kind">${esc(doc[n][1])}</span>` : "";
      return `<div class="seg${fs.length ? " flagged " + w : ""}" data-seg="${name}-${n}"><span class="sid">${esc(lang)} ${n + 1}</span>${kind}${marked(doc[n][0], spans)}</div>`;
    }).join("");
  }
  function findingBox(i) {
    const f = F[i], d = decisionOf(i);
    const buttons = KINDS.map((k) => `<button type="button" data-d="${k}" class="${d === k ? "on" : ""}">${LABEL[k]} <kbd>${k === "confirmed" ? "c" : k === "false_alarm" ? "f" : "x"}</kbd></button>`).join("");
    return `<div class="finding ${f.severity}${i === cur ? " current" : ""}" id="fx-${i}" data-i="${i}">` +
      `<div class="fhead"><span class="sev ${f.severity}">${f.severity}</span><b>${esc(f.type)}</b><span class="where">${where(f)}</span>` +
      `<span class="dec ${d}">${d ? LABEL[d] : ""}</span><span class="fid" title="finding id">${esc(f.id)}</span></div>` +
      `<div class="fmsg">${esc(f.message)} <span class="sig">(${esc(f.signal)}, confidence ${f.confidence.toFixed(2)})</span></div>` +
      `<div class="fctl">${buttons}<button type="button" data-d="">undo <kbd>u</kbd></button>` +
      `<input class="note" type="text" placeholder="note (e)" aria-label="note" value="${esc(noteOf(i))}"></div></div>`;
  }
  function row(k) {
    const [, , score, why, fs] = P[k];
    const w = worst(fs);
    const cut = fs.filter((i) => !F[i].dismissed).map((i) => `−${WEIGHT[F[i].severity].toFixed(2)} ${F[i].severity}`);
    return `<tr id="pair-${k + 1}" class="${w}${cur >= 0 && F[cur].pair === k ? " target" : ""}"><td class="num">${k + 1}</td>` +
      `<td class="score" title="${esc(why)}"><b>${score.toFixed(2)}</b>${cut.length ? "<small>" + cut.join("<br>") + "</small>" : ""}</td>` +
      `<td>${side(k, "src")}</td><td>${side(k, "tgt")}${fs.map(findingBox).join("")}</td></tr>`;
  }
  function renderRows() {
    const ks = pairList(), total = ks ? ks.length : P.length, pages = Math.max(1, Math.ceil(total / PAGE));
    page = Math.min(Math.max(page, 0), pages - 1);
    const lo = page * PAGE, hi = Math.min(total, lo + PAGE), html = [];
    for (let n = lo; n < hi; n++) html.push(row(ks ? ks[n] : n));
    $("rows").innerHTML = html.join("") || '<tr><td colspan="4" class="none">No pair matches the filters.</td></tr>';
    const what = ks ? "pairs with findings shown in the list" : "pairs";
    const pager = `<button type="button" data-page="-1"${page ? "" : " disabled"}>◀ previous</button>` +
      `<span>${total ? `${fmt(lo + 1)}–${fmt(hi)} of ${fmt(total)} ${what}` : "no " + what} (page ${page + 1} of ${pages})</span>` +
      `<button type="button" data-page="1"${page < pages - 1 ? "" : " disabled"}>next ▶</button>` +
      `<label>show <select class="view"><option value="all"${view === "all" ? " selected" : ""}>all pairs</option>` +
      `<option value="flagged"${view === "flagged" ? " selected" : ""}>pairs with findings</option></select></label>`;
    $("pager-top").innerHTML = pager;
    $("pager-bottom").innerHTML = pager;
  }
  function pageOf(k) {
    const ks = pairList();
    const n = ks ? ks.indexOf(k) : k;
    if (n < 0) { view = "all"; return Math.floor(k / PAGE); }
    return Math.floor(n / PAGE);
  }
  function showPair(k) {
    const p = pageOf(k);
    if (p !== page || !document.getElementById("pair-" + (k + 1))) { page = p; renderRows(); }
    const tr = document.getElementById("pair-" + (k + 1));
    if (tr) tr.scrollIntoView({ block: "center" });
    return tr;
  }

  // ---- chart: at most 240 bars, each the worst of its pairs; a legend; click to go there
  function renderChart() {
    const N = P.length, bins = Math.min(N, 240), W = 900, H = 60, bw = W / Math.max(1, bins), parts = [];
    for (let b = 0; b < bins; b++) {
      const lo = Math.floor(b * N / bins), hi = Math.floor((b + 1) * N / bins);
      let cut = 0, w = 3, count = { critical: 0, major: 0, minor: 0 };
      for (let k = lo; k < hi; k++) {
        let c = 0;
        for (const i of P[k][4]) if (live(i)) { c += WEIGHT[F[i].severity]; count[F[i].severity]++; w = Math.min(w, SEV.indexOf(F[i].severity)); }
        cut = Math.max(cut, Math.min(1, c));
      }
      const cls = w < 3 ? SEV[w] : "ok", h = w < 3 ? Math.max(10, H * cut) : 4;
      const label = (hi - lo > 1 ? `pairs ${lo + 1}–${hi}` : `pair ${lo + 1}`) + ": " +
        (w < 3 ? SEV.filter((s) => count[s]).map((s) => `${count[s]} ${s}`).join(", ") : "no finding");
      parts.push(`<rect class="bar ${cls}" data-lo="${lo}" data-hi="${hi}" x="${(b * bw).toFixed(2)}" y="${(H - h).toFixed(2)}" width="${Math.max(1, bw - (bins > 120 ? 0 : 1)).toFixed(2)}" height="${h.toFixed(2)}"><title>${label}</title></rect>`);
    }
    let cursor = "";
    if (cur >= 0 && N) {
      const b = Math.floor(F[cur].pair * bins / N);
      cursor = `<rect class="cursor" x="${(b * bw).toFixed(2)}" y="1" width="${Math.max(2, bw).toFixed(2)}" height="${H - 2}"></rect>`;
    }
    $("chart").innerHTML = `<svg viewBox="0 0 ${W} ${H}" preserveAspectRatio="none" role="img" aria-label="findings along the document">${parts.join("")}${cursor}</svg>` +
      `<div class="legend"><span><i class="critical"></i>critical</span><span><i class="major"></i>major</span><span><i class="minor"></i>minor</span>` +
      `<span><i class="ok"></i>no finding</span><span>bar height: how far the pair's fidelity falls below 1 · pairs 1 to ${fmt(N)}, left to right` +
      `${bins < N ? ` (${(N / bins).toFixed(1)} pairs a bar, the worst shown)` : ""} · click a bar to go there</span></div>`;
  }

  // ---- print: every finding shown in the list, with its pair's text
  function renderPrint() {
    const shown = order.filter(visible).length;
    const parts = [`<p>${esc($("review-line").textContent)}</p><h2>Findings (${shown === F.length ? F.length : `${shown} of ${F.length}, as filtered`})</h2>`];
    for (const i of order.filter(visible)) {
      const f = F[i], k = f.pair, d = decisionOf(i), note = noteOf(i);
      parts.push(`<div class="pf ${f.severity}"><div><span class="sev ${f.severity}">${f.severity}</span> <b>${esc(f.type)}</b> · pair ${k + 1} · ${where(f)}` +
        `${d ? ` · <span class="dec ${d}">${LABEL[d]}</span>` : ""} · <span class="fid">${esc(f.id)}</span></div><p>${esc(f.message)}</p>` +
        (note ? `<p><i>Note: ${esc(note)}</i></p>` : "") +
        `<table><tr><td>${side(k, "src")}</td><td>${side(k, "tgt")}</td></tr></table></div>`);
    }
    $("print-findings").innerHTML = parts.join("");
  }

  // ---- selection, decisions, notes
  function markCurrent() {
    document.querySelectorAll(".current").forEach((el) => el.classList.remove("current"));
    document.querySelectorAll("tr.target").forEach((el) => el.classList.remove("target"));
    if (cur < 0) return;
    const li = $("fi-" + cur), box = $("fx-" + cur), tr = document.getElementById("pair-" + (F[cur].pair + 1));
    if (li) li.classList.add("current");
    if (box) box.classList.add("current");
    if (tr) tr.classList.add("target");
  }
  function scrollList(el) {
    const side = $("side"), top = side.querySelector(".panel").offsetHeight;
    const r = el.getBoundingClientRect(), c = side.getBoundingClientRect();
    if (r.top < c.top + top || r.bottom > c.bottom) side.scrollTop += r.top - c.top - top - 40;
  }
  function select(i) {
    cur = i;
    showPair(F[i].pair);
    markCurrent();
    renderChart();
    const li = $("fi-" + i);
    if (li) scrollList(li);
    history.replaceState(null, "", "#finding-" + F[i].id);
  }
  function move(step) {
    if (!order.length) return;
    let n = cur < 0 ? (step > 0 ? -1 : order.length) : order.indexOf(cur);
    for (let t = 0; t < order.length; t++) {
      n += step;
      if (n < 0 || n >= order.length) return msg(step > 0 ? "last finding" : "first finding");
      if (visible(order[n])) return select(order[n]);
    }
  }
  const now = () => new Date().toISOString();
  function decide(i, d) {
    if (i < 0) return msg("choose a finding first (j)");
    const id = F[i].id, note = noteOf(i);
    if (!d && !note) delete decisions[id];
    else decisions[id] = { decision: d, note: note, time: now() };
    save();
    refresh();
  }
  function setNote(i, text) {
    const id = F[i].id, old = decisions[id] || { decision: "" };
    if (!text && !old.decision) delete decisions[id];
    else decisions[id] = { decision: old.decision, note: text, time: now() };
    save();
    const li = $("fi-" + i);
    if (li) li.outerHTML = listItem(i);
    reviewLine();
  }
  function refresh() {
    renderList();
    renderRows();
    renderChart();
    markCurrent();
  }
  let msgTimer = 0;
  function msg(text) {
    $("io-msg").textContent = text;
    clearTimeout(msgTimer);
    msgTimer = setTimeout(() => { $("io-msg").textContent = ""; }, 6000);
  }

  // ---- export and import of decisions.jsonl
  function exportText() {
    const ids = order.map((i) => F[i].id).concat(Object.keys(decisions).filter((id) => !(id in byId)));
    return ids.filter((id) => decisions[id] && decisions[id].decision)
      .map((id) => JSON.stringify({ id: id, decision: decisions[id].decision, note: decisions[id].note || "", time: decisions[id].time || "" }) + "\n").join("");
  }
  function download() {
    const text = exportText(), n = text ? text.split("\n").length - 1 : 0;
    if (!n) return msg("no decisions to export yet");
    const a = document.createElement("a");
    a.href = URL.createObjectURL(new Blob([text], { type: "application/x-ndjson" }));
    a.download = "decisions.jsonl";
    document.body.appendChild(a);
    a.click();
    setTimeout(() => { URL.revokeObjectURL(a.href); a.remove(); }, 1000);
    msg(`exported ${plural(n, "decision")}`);
  }
  function parse(text) {
    const out = [];
    text.split(/\r?\n/).forEach((line, n) => {
      if (!line.trim()) return;
      let d;
      try { d = JSON.parse(line); } catch (e) { throw new Error(`line ${n + 1}: not JSON`); }
      if (!d || typeof d.id !== "string" || !KINDS.includes(d.decision)) throw new Error(`line ${n + 1}: needs an id and a decision (${KINDS.join(", ")})`);
      out.push({ id: d.id, decision: d.decision, note: typeof d.note === "string" ? d.note : "", time: typeof d.time === "string" ? d.time : "" });
    });
    return out;
  }
  function importText(text) {
    const list = parse(text), n = merge(list), other = list.filter((d) => !(d.id in byId)).length;
    save();
    refresh();
    return `imported ${plural(n, "decision")}` + (other ? ` (${other} about findings not in this report, kept for export)` : "");
  }

  // ---- events
  $("findings").addEventListener("click", (e) => { const li = e.target.closest("li.fi"); if (li) select(+li.dataset.i); });
  $("rows").addEventListener("click", (e) => {
    const b = e.target.closest("button[data-d]");
    if (b) { const i = +b.closest(".finding").dataset.i; cur = i; decide(i, b.dataset.d); return; }
    const box = e.target.closest(".finding");
    if (box && !e.target.closest("input")) { cur = +box.dataset.i; markCurrent(); renderChart(); }
  });
  $("rows").addEventListener("input", (e) => { if (e.target.classList.contains("note")) setNote(+e.target.closest(".finding").dataset.i, e.target.value); });
  $("rows").addEventListener("focusin", (e) => { if (e.target.classList.contains("note")) { cur = +e.target.closest(".finding").dataset.i; markCurrent(); } });
  for (const id of ["pager-top", "pager-bottom"]) {
    $(id).addEventListener("click", (e) => { const b = e.target.closest("button[data-page]"); if (b) { page += +b.dataset.page; renderRows(); markCurrent(); $("text").scrollIntoView(); } });
    $(id).addEventListener("change", (e) => { if (e.target.classList.contains("view")) { view = e.target.value; page = 0; renderRows(); markCurrent(); } });  // renderRows replaces the select: focus returns to the page
  }
  $("chart").addEventListener("click", (e) => {
    const r = e.target.closest("rect.bar");
    if (!r) return;
    const lo = +r.dataset.lo, hi = +r.dataset.hi;
    for (const i of order) if (F[i].pair >= lo && F[i].pair < hi && live(i)) return select(i);
    showPair(lo);
    markCurrent();
  });
  [["f-sev", "sev"], ["f-type", "type"], ["f-dec", "dec"]].forEach(([id, key]) => $(id).addEventListener("change", (e) => { filt[key] = e.target.value; page = 0; refresh(); e.target.blur(); }));  // keys work again at once
  $("export").addEventListener("click", download);
  $("import").addEventListener("change", (e) => {
    const file = e.target.files[0];
    if (!file) return;
    file.text().then((text) => msg(importText(text))).catch((err) => msg(`${file.name}: ${err.message}`)).finally(() => { e.target.value = ""; });
  });
  $("help-close").addEventListener("click", () => { $("help").hidden = true; });
  document.addEventListener("keydown", (e) => {
    if (e.ctrlKey || e.metaKey || e.altKey) return;
    const t = e.target;
    if (t && t.matches && t.matches("input, textarea, select")) {
      if (t.classList.contains("note") && (e.key === "Enter" || e.key === "Escape")) { t.blur(); e.preventDefault(); }
      return;
    }
    const keys = { j: () => move(1), n: () => move(1), k: () => move(-1), p: () => move(-1),
      c: () => decide(cur, "confirmed"), f: () => decide(cur, "false_alarm"), x: () => decide(cur, "fixed"), u: () => decide(cur, ""),
      e: () => { const box = $("fx-" + cur); if (box) box.querySelector("input.note").focus(); else msg("choose a finding first (j)"); },
      "?": () => { $("help").hidden = !$("help").hidden; }, Escape: () => { $("help").hidden = true; } };
    if (!keys[e.key]) return;
    e.preventDefault();
    keys[e.key]();
  });
  // the print-out is drawn only when printing: kept out of the DOM (and out of each key press) otherwise
  window.addEventListener("beforeprint", renderPrint);
  window.addEventListener("afterprint", () => { $("print-findings").innerHTML = ""; });

  // for scripts and tests: the same text the export button downloads
  window.mtReview = { exportText: exportText, importText: importText, decisions: () => decisions, current: () => (cur >= 0 ? F[cur].id : null) };

  refresh();
  const h = location.hash.match(/^#finding-(.+)$/), hp = location.hash.match(/^#pair-(\d+)$/);
  if (h && h[1] in byId) select(byId[h[1]]);
  else if (hp && +hp[1] >= 1 && +hp[1] <= P.length) { showPair(+hp[1] - 1); }
})();
