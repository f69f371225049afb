// The reportfacts page: one document with its facts highlighted in place,
// and many documents compared by indicator. It talks to POST /v1/extract of
// the server that serves it and nothing else.
//
// Document text is untrusted: it only ever reaches the page through
// textContent and text nodes, never as HTML (the Content-Security-Policy
// forbids inline script as a second line of defence).
"use strict";

(() => {
  const $ = (id) => document.getElementById(id);
  const CONCURRENCY = 4;
  const KIND_LABEL = {
    metric: "metric",
    date: "date",
    person: "person",
    report: "report title",
  };
  const QUALIFIER_SIGN = {
    MORE_THAN: ">",
    NEARLY: "≈<",
    ABOUT: "≈",
    LESS_THAN: "<",
  };

  const state = {
    token: null, // kept in this tab's memory only
    one: null, // {id, text, response, facts}
    many: [], // [{id, text, response}]
  };

  // ---- Small DOM helpers: elements with text, never parsed HTML ----

  function element(tag, attributes = {}, text = null) {
    const node = document.createElement(tag);
    for (const [name, value] of Object.entries(attributes)) {
      node.setAttribute(name, value);
    }
    if (text !== null) node.textContent = text;
    return node;
  }

  function setStatus(message, isError = false) {
    const status = $("status");
    status.textContent = message;
    status.classList.toggle("error", isError);
  }

  // ---- Talking to the server ----

  function toBase64(text) {
    return bytesToBase64(new TextEncoder().encode(text));
  }

  function bytesToBase64(bytes) {
    let binary = "";
    for (let i = 0; i < bytes.length; i += 0x8000) {
      binary += String.fromCharCode.apply(null, bytes.subarray(i, i + 0x8000));
    }
    return btoa(binary);
  }

  function askForToken() {
    const form = $("token-form");
    form.hidden = false;
    $("token").focus();
    setStatus("The server needs a bearer token.", true);
    return new Promise((resolve) => {
      form.addEventListener(
        "submit",
        (event) => {
          event.preventDefault();
          state.token = $("token").value.trim();
          $("token").value = "";
          form.hidden = true;
          resolve();
        },
        { once: true },
      );
    });
  }

  // documentOf is the Document for a text, or for a file's bytes: UTF-8
  // text goes as text; a web page or bytes in another encoding go as
  // content, which the server converts (and returns as response.text).
  function documentOf(id, text) {
    return { id, text: toBase64(text) };
  }

  async function documentOfFile(file) {
    const id = file.webkitRelativePath || file.name;
    const bytes = new Uint8Array(await file.arrayBuffer());
    const isHtml = /\.html?$/i.test(file.name);
    if (!isHtml) {
      try {
        const text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
        return { document_: documentOf(id, text), text };
      } catch (notUtf8) {
        // sent as content below
      }
    }
    const media_type = isHtml ? "text/html" : "text/plain";
    return { document_: { id, content: bytesToBase64(bytes), media_type }, text: null };
  }

  // extract sends one Document and returns {text, response}: the text the
  // facts' offsets point into.
  async function extract(document_) {
    for (;;) {
      const headers = { "Content-Type": "application/json" };
      if (state.token) headers.Authorization = `Bearer ${state.token}`;
      const response = await fetch("/v1/extract", {
        method: "POST",
        headers,
        body: JSON.stringify({ document: document_ }),
      });
      if (response.status === 401) {
        await askForToken();
        continue;
      }
      const body = await response.json().catch(() => null);
      if (!response.ok) {
        const message = body && body.error ? body.error.message : "";
        throw new Error(`${response.status} ${message}`.trim());
      }
      return body;
    }
  }

  // ---- Facts of a response, in code point offsets ----

  function reportLabel(report, documentId) {
    const place = [report.city, report.year].filter((p) => p !== undefined && p !== "");
    if (place.length > 0) return place.join(" ");
    return report.organization || report.title || documentId;
  }

  function factsOf(response, codePoints) {
    const facts = [];
    const add = (kind, index, item, begin, end) =>
      facts.push({ id: `${kind[0]}${index}`, kind, item, begin, end });
    response.metrics.forEach((m, i) => add("metric", i, m, Number(m.begin), Number(m.end)));
    response.dates.forEach((d, i) => add("date", i, d, Number(d.begin), Number(d.end)));
    response.people.forEach((p, i) => add("person", i, p, Number(p.begin), Number(p.end)));
    // A report's title is highlighted where it first appears in the report.
    const text = codePoints.join("");
    response.reports.forEach((r, i) => {
      if (!r.title) return;
      const begin = Number(r.begin);
      const prefix = codePoints.slice(0, begin).join("");
      const at = text.indexOf(r.title, prefix.length);
      if (at < 0) return;
      const start = Array.from(text.slice(0, at)).length;
      add("report", i, r, start, start + Array.from(r.title).length);
    });
    return facts.filter((f) => f.begin < f.end && f.end <= codePoints.length);
  }

  function valueText(metric) {
    const sign = QUALIFIER_SIGN[metric.qualifier] || "";
    return `${sign}${metric.value}${metric.unit}`;
  }

  // ---- One document: the text with marks, details and the facts table ----

  function renderDocument(entry) {
    const codePoints = Array.from(entry.text);
    const facts = factsOf(entry.response, codePoints);
    entry.facts = facts;
    const byId = new Map(facts.map((f) => [f.id, f]));
    const reportStarts = new Map();
    entry.response.reports.forEach((r, i) => reportStarts.set(Number(r.begin), i));

    // Cut the text at every boundary; each piece knows the facts covering it.
    const cuts = new Set([0, codePoints.length]);
    for (const f of facts) {
      cuts.add(f.begin);
      cuts.add(f.end);
    }
    for (const begin of reportStarts.keys()) cuts.add(begin);
    const points = [...cuts].filter((p) => p >= 0 && p <= codePoints.length);
    points.sort((a, b) => a - b);
    const starts = new Map();
    const ends = new Map();
    for (const f of facts) {
      if (!starts.has(f.begin)) starts.set(f.begin, []);
      starts.get(f.begin).push(f);
      if (!ends.has(f.end)) ends.set(f.end, []);
      ends.get(f.end).push(f);
    }

    const fragment = document.createDocumentFragment();
    const active = new Set();
    for (let k = 0; k + 1 < points.length; k++) {
      const a = points[k];
      const b = points[k + 1];
      for (const f of ends.get(a) || []) active.delete(f);
      const opening = starts.get(a) || [];
      for (const f of opening) active.add(f);
      if (reportStarts.has(a)) {
        const index = reportStarts.get(a);
        const report = entry.response.reports[index];
        fragment.append(
          element(
            "span",
            { class: "report-start", "data-report": String(index) },
            `Report ${index + 1}: ${report.title || "(untitled)"} · ${reportLabel(report, entry.id)}`,
          ),
        );
      }
      const piece = codePoints.slice(a, b).join("");
      if (active.size === 0) {
        fragment.append(document.createTextNode(piece));
        continue;
      }
      const covering = [...active];
      const mark = element("mark", {
        class: `fact ${covering[covering.length - 1].kind === "report" ? "report-title" : covering[covering.length - 1].kind}`,
        "data-fact": covering.map((f) => f.id).join(" "),
      }, piece);
      if (opening.length > 0) {
        mark.tabIndex = 0;
        mark.dataset.starts = opening.map((f) => f.id).join(" ");
      }
      fragment.append(mark);
    }
    const view = $("document");
    view.replaceChildren(fragment);
    renderFactsTable(facts, entry);
    $("details").replaceChildren(element("p", { class: "hint" },
      `${facts.length} facts. Hover or focus a highlight to see one.`));
    view.dataset.facts = String(facts.length);
    view.byId = byId;
  }

  function detailsOf(fact, entry) {
    const list = element("dl");
    const row = (name, value) => {
      if (value === undefined || value === null || value === "") return;
      list.append(element("dt", {}, name), element("dd", {}, String(value)));
    };
    const item = fact.item;
    row("kind", KIND_LABEL[fact.kind]);
    row("text", item.text || item.name || item.title);
    if (fact.kind === "metric") {
      row("value", item.value);
      row("unit", item.unit);
      row("qualifier", item.qualifier);
      row("object", item.object);
      row("action", item.action);
      row("indicator", item.indicator);
    } else if (fact.kind === "date") {
      row("from", item.start);
      row("to", item.finish);
    } else if (fact.kind === "person") {
      row("role", item.role);
      row("organization", item.organization);
    } else {
      row("organization", item.organization);
      row("city", item.city);
      row("province", item.province);
      row("year", item.year);
    }
    if (fact.kind !== "report") {
      const report = entry.response.reports[item.report];
      if (report) row("report", `${report.title || "(untitled)"} (${reportLabel(report, entry.id)})`);
    }
    return list;
  }

  function showDetails(factId) {
    const entry = state.one;
    if (!entry) return;
    const fact = $("document").byId.get(factId);
    if (!fact) return;
    $("details").replaceChildren(detailsOf(fact, entry));
    $("details").dataset.fact = factId;
  }

  function select(factId) {
    for (const old of document.querySelectorAll(".fact.selected")) old.classList.remove("selected");
    const marks = [...document.querySelectorAll("#document mark[data-fact]")].filter((m) =>
      m.dataset.fact.split(" ").includes(factId));
    if (marks.length === 0) return;
    for (const m of marks) m.classList.add("selected");
    marks[0].scrollIntoView({ block: "center" });
    marks[0].tabIndex = 0;
    marks[0].focus({ preventScroll: true });
    showDetails(factId);
  }

  function renderFactsTable(facts, entry) {
    const body = $("facts").tBodies[0];
    const rows = facts.map((f) => {
      const item = f.item;
      const tr = element("tr", { tabindex: "0", "data-fact": f.id });
      tr.append(
        element("td", {}, KIND_LABEL[f.kind]),
        element("td", {}, item.text || item.name || item.title || ""),
        element("td", {}, f.kind === "metric" ? valueText(item) : f.kind === "date" ? `${item.start}..${item.finish}` : item.role || ""),
        element("td", {}, f.kind === "metric" ? item.indicator : ""),
      );
      return tr;
    });
    body.replaceChildren(...rows);
    state.one = entry;
  }

  function factIdOf(target) {
    const mark = target.closest && target.closest("mark[data-fact]");
    if (!mark) return null;
    return (mark.dataset.starts || mark.dataset.fact).split(" ")[0];
  }

  // ---- Many documents: comparison table and chart ----

  function compareTable(entries) {
    const columns = [];
    const labels = new Map();
    entries.forEach((entry, e) => {
      entry.response.reports.forEach((report, r) => {
        let label = reportLabel(report, entry.id);
        const seen = labels.get(label) || 0;
        labels.set(label, seen + 1);
        if (seen > 0) label = `${label} (${seen + 1})`;
        columns.push({ label, entry: e, report: r, title: report.title });
      });
    });
    columns.sort((a, b) => (a.label < b.label ? -1 : a.label > b.label ? 1 : 0));
    const indicators = new Set();
    for (const entry of entries) {
      for (const m of entry.response.metrics) {
        if (m.indicator && m.indicator !== "other") indicators.add(m.indicator);
      }
    }
    const rows = [...indicators].sort().map((indicator) => ({
      indicator,
      cells: columns.map((column) => {
        const metrics = entries[column.entry].response.metrics
          .map((m, i) => ({ m, i }))
          .filter(({ m }) => m.indicator === indicator && m.report === column.report);
        return metrics;
      }),
    }));
    return { columns, rows };
  }

  function renderCompare() {
    const table = compareTable(state.many);
    const head = element("tr");
    head.append(element("th", { scope: "col" }, "indicator"));
    for (const column of table.columns) {
      const th = element("th", { scope: "col", title: column.title || "" }, column.label);
      th.dataset.column = column.label;
      head.append(th);
    }
    $("compare").tHead.replaceChildren(head);
    const rows = table.rows.map((row) => {
      const tr = element("tr");
      tr.append(element("th", { scope: "row" }, row.indicator));
      row.cells.forEach((metrics, c) => {
        const td = element("td");
        const seen = new Set();
        for (const { m, i } of metrics) {
          const text = valueText(m);
          if (seen.has(text)) continue;
          seen.add(text);
          if (td.childNodes.length > 0) td.append(document.createTextNode("; "));
          const link = element("a", { href: "#", "data-entry": String(table.columns[c].entry), "data-metric": String(i) }, text);
          td.append(link);
        }
        tr.append(td);
      });
      return tr;
    });
    $("compare").tBodies[0].replaceChildren(...rows);

    const select = $("chart-indicator");
    const previous = select.value;
    select.replaceChildren(...table.rows.map((row) => element("option", { value: row.indicator }, row.indicator)));
    if (table.rows.some((r) => r.indicator === previous)) select.value = previous;
    renderChart(table);
  }

  function renderChart(table = compareTable(state.many)) {
    const indicator = $("chart-indicator").value;
    const row = table.rows.find((r) => r.indicator === indicator);
    const chart = $("chart");
    if (!row) {
      chart.replaceChildren();
      return;
    }
    const bars = [];
    row.cells.forEach((metrics, c) => {
      if (metrics.length > 0) bars.push({ label: table.columns[c].label, metric: metrics[0].m });
    });
    const ns = "http://www.w3.org/2000/svg";
    const svgNode = (tag, attributes, text = null) => {
      const node = document.createElementNS(ns, tag);
      for (const [name, value] of Object.entries(attributes)) node.setAttribute(name, String(value));
      if (text !== null) node.textContent = text;
      return node;
    };
    const width = Math.max(320, 70 * bars.length + 60);
    const height = 260;
    const top = 24;
    const bottom = 60;
    const max = Math.max(...bars.map((b) => b.metric.value), 1e-9);
    const svg = svgNode("svg", { width, height, role: "img", "aria-label": `${indicator} by report` });
    svg.append(svgNode("text", { x: 8, y: 16 }, `${indicator} (${bars[0] ? bars[0].metric.unit : ""})`));
    bars.forEach((bar, k) => {
      const x = 40 + k * 70;
      const h = ((height - top - bottom) * bar.metric.value) / max;
      const y = height - bottom - h;
      const rect = svgNode("rect", { class: "bar", x, y, width: 40, height: Math.max(h, 1) });
      rect.append(svgNode("title", {}, `${bar.label}: ${valueText(bar.metric)}`));
      svg.append(rect);
      svg.append(svgNode("text", { x, y: y - 4 }, valueText(bar.metric)));
      svg.append(svgNode("text", { x, y: height - bottom + 16 }, bar.label));
    });
    chart.replaceChildren(svg);
  }

  async function extractMany(files) {
    const list = [...files].filter((f) => f.size > 0);
    const progress = $("progress");
    progress.hidden = false;
    progress.max = list.length;
    progress.value = 0;
    state.many = [];
    let next = 0;
    let failed = 0;
    const worker = async () => {
      while (next < list.length) {
        const file = list[next++];
        const id = file.webkitRelativePath || file.name;
        try {
          const read = await documentOfFile(file);
          const response = await extract(read.document_);
          const text = response.text !== undefined ? response.text : read.text;
          state.many.push({ id, text, response });
        } catch (error) {
          failed++;
          setStatus(`${id}: ${error.message}`, true);
        }
        progress.value += 1;
      }
    };
    await Promise.all(Array.from({ length: Math.min(CONCURRENCY, list.length) }, worker));
    state.many.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
    renderCompare();
    if (failed === 0) setStatus(`${state.many.length} documents compared.`);
  }

  // ---- Export, in the CLI's formats ----

  const CSV_HEADER = ["document_id", "report", "title", "organization", "city", "province", "year",
    "begin", "end", "text", "unit_text", "value", "unit", "qualifier", "object", "action",
    "indicator", "sentence"];

  function csvField(value) {
    const text = value === undefined || value === null ? "" : String(value);
    return /[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
  }

  function csvRows(response) {
    const reportColumns = (index) => {
      const r = response.reports[index];
      if (!r) return [response.document_id, "", "", "", "", "", ""];
      return [response.document_id, index, r.title, r.organization, r.city, r.province, r.year === undefined ? "" : r.year];
    };
    const rows = response.metrics.map((m) => [...reportColumns(m.report), m.begin, m.end, m.text,
      m.unit_text, m.value, m.unit, m.qualifier, m.object, m.action, m.indicator, m.sentence]);
    if (rows.length === 0) {
      const row = reportColumns(response.reports.length > 0 ? 0 : -1);
      while (row.length < CSV_HEADER.length) row.push("");
      rows.push(row);
    }
    return rows.map((row) => `${row.map(csvField).join(",")}\n`).join("");
  }

  function download(name, type, content) {
    const url = URL.createObjectURL(new Blob([content], { type }));
    const link = element("a", { href: url, download: name });
    document.body.append(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(url), 1000);
  }

  function exportResponses(responses, format, base) {
    if (responses.length === 0) {
      setStatus("Nothing to export yet.", true);
      return;
    }
    const header = `${CSV_HEADER.map(csvField).join(",")}\n`;
    if (format === "json") {
      download(`${base}.json`, "application/json", `${JSON.stringify(responses[0], null, 1)}\n`);
    } else if (format === "jsonl") {
      download(`${base}.jsonl`, "application/jsonl", responses.map((r) => `${JSON.stringify(r)}\n`).join(""));
    } else {
      download(`${base}.csv`, "text/csv", header + responses.map(csvRows).join(""));
    }
  }

  // ---- Wiring ----

  function showView(name) {
    $("view-one").hidden = name !== "one";
    $("view-many").hidden = name !== "many";
    $("tab-one").setAttribute("aria-pressed", String(name === "one"));
    $("tab-many").setAttribute("aria-pressed", String(name === "many"));
  }

  async function extractOne(id, text, document_ = documentOf(id, text)) {
    setStatus("Extracting…");
    try {
      const response = await extract(document_);
      if (response.text !== undefined) text = response.text;
      $("input-text").value = text;
      renderDocument({ id, text, response });
      setStatus(`${response.metrics.length} metrics, ${response.dates.length} dates, ` +
        `${response.people.length} people, ${response.reports.length} reports.`);
    } catch (error) {
      setStatus(`Extraction failed: ${error.message}`, true);
    }
  }

  function init() {
    $("tab-one").addEventListener("click", () => showView("one"));
    $("tab-many").addEventListener("click", () => showView("many"));
    $("extract").addEventListener("click", () => extractOne("pasted", $("input-text").value));
    const openFile = async (file) => {
      if (!file) return;
      const read = await documentOfFile(file);
      extractOne(read.document_.id, read.text || "", read.document_);
    };
    $("input-file").addEventListener("change", (event) => openFile(event.target.files[0]));
    // Files dropped on a view: one opens in place, several are compared.
    for (const [viewId, many] of [["view-one", false], ["view-many", true]]) {
      const target = $(viewId);
      target.addEventListener("dragover", (event) => event.preventDefault());
      target.addEventListener("drop", (event) => {
        event.preventDefault();
        const files = event.dataTransfer.files;
        if (many || files.length > 1) {
          showView("many");
          extractMany(files);
        } else {
          openFile(files[0]);
        }
      });
    }
    const view = $("document");
    const onFact = (event) => {
      const id = factIdOf(event.target);
      if (id) showDetails(id);
    };
    view.addEventListener("mouseover", onFact);
    view.addEventListener("focusin", onFact);
    view.addEventListener("click", (event) => {
      const id = factIdOf(event.target);
      if (id) select(id);
    });
    const facts = $("facts").tBodies[0];
    const pick = (event) => {
      const tr = event.target.closest("tr[data-fact]");
      if (tr) select(tr.dataset.fact);
    };
    facts.addEventListener("click", pick);
    facts.addEventListener("keydown", (event) => {
      if (event.key === "Enter" || event.key === " ") {
        event.preventDefault();
        pick(event);
      }
    });
    for (const button of document.querySelectorAll("[data-export]")) {
      button.addEventListener("click", () =>
        exportResponses(state.one ? [state.one.response] : [], button.dataset.export, "facts"));
    }
    for (const button of document.querySelectorAll("[data-export-many]")) {
      button.addEventListener("click", () =>
        exportResponses(state.many.map((e) => e.response), button.dataset.exportMany, "facts"));
    }
    for (const input of [$("input-files"), $("input-folder")]) {
      input.addEventListener("change", (event) => extractMany(event.target.files));
    }
    $("chart-indicator").addEventListener("change", () => renderChart());
    $("compare").addEventListener("click", (event) => {
      const link = event.target.closest("a[data-entry]");
      if (!link) return;
      event.preventDefault();
      const entry = state.many[Number(link.dataset.entry)];
      showView("one");
      $("input-text").value = entry.text;
      renderDocument({ id: entry.id, text: entry.text, response: entry.response });
      select(`m${link.dataset.metric}`);
    });
  }

  init();
})();
