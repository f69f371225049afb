#!/usr/bin/env node
// Drives Debian's Chromium (headless, over the DevTools protocol with
// puppeteer-core) against a real reportfacts-server serving the page at /,
// and checks what an analyst sees:
//   - the page comes with a Content-Security-Policy without inline script;
//   - for a development document, the highlights are exactly the facts of
//     the JSON response, and hovering a metric shows its value and
//     indicator;
//   - text holding <script>, <img onerror> and javascript: shows as text
//     and runs nothing;
//   - the comparison of the sample corpus has one column per report, with
//     its city and year, and draws a bar chart;
//   - with tokens configured, the page asks for one and then works;
//   - a narrow window does not scroll sideways.
// Screenshots of each view go to OUT_DIR.
//
//   node page_test.js SERVER_BIN DATA_DIR SHARED_DIR OUT_DIR
"use strict";

const { execFileSync, spawn } = require("child_process");
const fs = require("fs");
const path = require("path");

function fail(message) {
  console.error(`FAIL: ${message}`);
  process.exit(1);
}

let puppeteer;
try {
  puppeteer = require("puppeteer-core");
} catch (error) {
  fail(`puppeteer-core missing in ${__dirname} (scripts/setup.sh runs npm ci there): ${error.message}`);
}

const CHROMIUM = "/usr/bin/chromium";

function startServer(serverBin, dataDir, env = {}) {
  return new Promise((resolve, reject) => {
    const server = spawn(serverBin, ["--listen=127.0.0.1:0", "--http_listen=127.0.0.1:0",
      `--data_dir=${dataDir}`, "--workers=2"], { env: { ...process.env, ...env }, stdio: ["ignore", "pipe", "pipe"] });
    let out = "";
    let err = "";
    server.stdout.on("data", (chunk) => {
      out += chunk;
      const match = out.match(/^http listening on (\S+)$/m);
      if (match) resolve({ server, base: `http://${match[1]}` });
    });
    server.stderr.on("data", (chunk) => { err += chunk; });
    server.on("exit", (code) => reject(new Error(`server exited ${code}: ${err.slice(-800)}`)));
    setTimeout(() => reject(new Error(`no HTTP port after 60 s: ${err.slice(-800)}`)), 60000);
  });
}

async function extractDirectly(base, id, text, token) {
  const headers = { "Content-Type": "application/json" };
  if (token) headers.Authorization = `Bearer ${token}`;
  const response = await fetch(`${base}/v1/extract`, {
    method: "POST",
    headers,
    body: JSON.stringify({ document: { id, text: Buffer.from(text, "utf8").toString("base64") } }),
  });
  if (!response.ok) fail(`direct extract of ${id}: ${response.status}`);
  return response.json();
}

async function pasteAndExtract(page, text) {
  await page.$eval("#input-text", (area, value) => { area.value = value; }, text);
  await page.evaluate(() => { delete document.getElementById("document").dataset.facts; });
  await page.click("#extract");
  await page.waitForSelector("#document[data-facts]", { timeout: 30000 });
}

async function main() {
  const [serverBin, dataDir, sharedDir, outDir] = process.argv.slice(2);
  if (!outDir) fail("usage: page_test.js SERVER_BIN DATA_DIR SHARED_DIR OUT_DIR");
  if (!fs.existsSync(CHROMIUM)) fail(`no ${CHROMIUM} (scripts/setup.sh installs chromium)`);
  fs.mkdirSync(outDir, { recursive: true });
  const corpusDir = path.join(sharedDir, "corpus");
  const corpus = fs.readdirSync(corpusDir).filter((f) => f.endsWith(".txt")).sort()
    .map((f) => path.join(corpusDir, f));
  if (corpus.length === 0) fail(`no documents in ${corpusDir}`);

  const { server, base } = await startServer(serverBin, dataDir);
  const browser = await puppeteer.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage"],
  });
  const problems = [];
  try {
    const page = await browser.newPage();
    page.on("pageerror", (error) => problems.push(`page error: ${error.message}`));
    page.on("console", (message) => {
      if (message.type() === "error") problems.push(`console: ${message.text()}`);
    });
    await page.setViewport({ width: 1280, height: 800 });

    // The page and its policy.
    const response = await page.goto(`${base}/`, { waitUntil: "load" });
    if (response.status() !== 200) fail(`GET / answered ${response.status()}`);
    const policy = response.headers()["content-security-policy"] || "";
    if (!/script-src 'self'/.test(policy) || /unsafe-inline|unsafe-eval/.test(policy) ||
        !/default-src 'self'/.test(policy)) {
      fail(`Content-Security-Policy is "${policy}"`);
    }

    // One document: highlights are the facts.
    const text = fs.readFileSync(corpus[0], "utf8");
    const expected = await extractDirectly(base, "pasted", text);
    await pasteAndExtract(page, text);
    const shown = await page.$$eval("#document mark[data-fact]", (marks) => {
      const ids = new Set();
      for (const m of marks) for (const id of m.dataset.fact.split(" ")) ids.add(id);
      const count = (k) => [...ids].filter((id) => id[0] === k).length;
      return { m: count("m"), d: count("d"), p: count("p"), reports: document.querySelectorAll(".report-start").length };
    });
    const want = { m: expected.metrics.length, d: expected.dates.length, p: expected.people.length,
      reports: expected.reports.length };
    if (JSON.stringify(shown) !== JSON.stringify(want)) {
      fail(`highlights ${JSON.stringify(shown)} but the response has ${JSON.stringify(want)}`);
    }
    if (want.m === 0) fail("the development document gave no metric");
    const rows = await page.$$eval("#facts tbody tr", (trs) => trs.length);
    if (rows < want.m + want.d + want.p) fail(`the facts table has ${rows} rows`);
    // Hovering the first metric shows its value and indicator.
    const first = await page.$eval("#document mark.metric[data-starts]", (m) => m.dataset.starts.split(" ")[0]);
    const metric = expected.metrics[Number(first.slice(1))];
    await page.hover(`#document mark[data-starts~="${first}"]`);
    await page.waitForFunction((id) => document.getElementById("details").dataset.fact === id, {}, first);
    const details = await page.$eval("#details", (d) => d.textContent);
    if (!details.includes(String(metric.value)) || !details.includes(metric.indicator)) {
      fail(`hovering ${first} shows "${details}", not ${metric.value} and ${metric.indicator}`);
    }
    // The keyboard reaches a fact from the table.
    await page.focus("#facts tbody tr");
    await page.keyboard.press("Enter");
    const focused = await page.evaluate(() => document.activeElement.tagName);
    if (focused !== "MARK") fail(`Enter on a table row focused ${focused}, not the highlight`);
    await page.screenshot({ path: path.join(outDir, "one-document.png") });

    // A GBK web page opened as a file: the server converts it, and the page
    // shows the text it returns, with the facts in place.
    const html = "<html><head><meta charset=\"gbk\"><title>t</title></head><body>" +
      "<nav>首页 | 新闻 | 联系我们</nav><article><h1>某县政协全年工作</h1>" +
      "<p>全年共收到提案120件，经审查立案108件。</p></article></body></html>";
    const gbkPath = path.join(outDir, "page-gbk.html");
    fs.writeFileSync(gbkPath, execFileSync("iconv", ["-f", "UTF-8", "-t", "GBK"], { input: html }));
    await page.evaluate(() => { delete document.getElementById("document").dataset.facts; });
    await (await page.$("#input-file")).uploadFile(gbkPath);
    await page.waitForSelector("#document[data-facts]", { timeout: 30000 });
    const converted = await page.evaluate(() => ({
      text: document.getElementById("document").textContent,
      metrics: new Set([...document.querySelectorAll("#document mark.metric")]
        .flatMap((m) => m.dataset.fact.split(" ")).filter((id) => id[0] === "m")).size,
    }));
    if (!converted.text.includes("立案108件") || converted.text.includes("联系我们") ||
        converted.metrics !== 2) {
      fail(`the GBK page shows ${JSON.stringify(converted)}`);
    }

    // Hostile text stays text.
    const hostile = "<script>window.__pwned = 1</script>全年立案12件，" +
      "<img src=x onerror=\"window.__pwned = 2\">办结10件，javascript:window.__pwned=3 协商3次。";
    await pasteAndExtract(page, hostile);
    const safety = await page.evaluate(() => ({
      pwned: window.__pwned,
      scripts: document.querySelectorAll("#document script, #details script").length,
      images: document.querySelectorAll("#document img").length,
      links: document.querySelectorAll("#document a").length,
      shown: document.getElementById("document").textContent,
    }));
    if (safety.pwned !== undefined || safety.scripts || safety.images || safety.links) {
      fail(`hostile text ran or became markup: ${JSON.stringify(safety)}`);
    }
    for (const piece of ["<script>", "<img src=x onerror=", "javascript:"]) {
      if (!safety.shown.includes(piece)) fail(`"${piece}" is not shown as text`);
    }

    // Many documents: one column per report, city and year, a chart.
    await page.click("#tab-many");
    const input = await page.$("#input-files");
    await input.uploadFile(...corpus);
    await page.waitForFunction(() => {
      const p = document.getElementById("progress");
      return !p.hidden && p.value === p.max && document.querySelectorAll("#compare thead th").length > 1;
    }, { timeout: 60000 });
    let reports = [];
    for (const file of corpus) {
      const answer = await extractDirectly(base, path.basename(file), fs.readFileSync(file, "utf8"));
      reports = reports.concat(answer.reports);
    }
    const headers = await page.$$eval("#compare thead th[data-column]", (ths) => ths.map((th) => th.textContent));
    if (headers.length !== reports.length) {
      fail(`${headers.length} columns for ${reports.length} reports: ${headers.join(" | ")}`);
    }
    for (const report of reports) {
      if (!report.city || report.year === undefined) continue;
      const label = `${report.city} ${report.year}`;
      if (!headers.some((h) => h.startsWith(label))) fail(`no column "${label}"`);
    }
    const bars = await page.$$eval("#chart svg rect.bar", (rects) => rects.length);
    if (bars === 0) fail("the chart has no bar");
    await page.screenshot({ path: path.join(outDir, "many-documents.png"), fullPage: true });
    // A cell leads back to its highlighted sentence.
    await page.click("#compare tbody a");
    await page.waitForFunction(() => !document.getElementById("view-one").hidden &&
      document.querySelector("#document mark.selected") !== null);

    // A narrow window does not scroll sideways.
    await page.setViewport({ width: 420, height: 800 });
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    if (overflow > 1) fail(`a 420 px window scrolls sideways by ${overflow} px`);
    await page.screenshot({ path: path.join(outDir, "narrow.png") });
  } finally {
    await browser.close();
    server.kill("SIGTERM");
  }

  // With tokens, the page asks for one and keeps it in memory.
  const secured = await startServer(serverBin, dataDir, { REPORTFACTS_AUTH_TOKENS: "page-token" });
  const browser2 = await puppeteer.launch({ executablePath: CHROMIUM, headless: true,
    args: ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage"] });
  try {
    const page = await browser2.newPage();
    page.on("pageerror", (error) => problems.push(`page error: ${error.message}`));
    await page.goto(`${secured.base}/`, { waitUntil: "load" });
    await page.$eval("#input-text", (area) => { area.value = "全年立案12件。"; });
    await page.click("#extract");
    await page.waitForSelector("#token-form:not([hidden])", { timeout: 20000 });
    await page.type("#token", "page-token");
    await page.click("#token-form button");
    await page.waitForSelector("#document[data-facts]", { timeout: 20000 });
    const stored = await page.evaluate(() => JSON.stringify(localStorage) + JSON.stringify(sessionStorage) + document.cookie);
    if (stored.includes("page-token")) fail("the token was stored beyond the tab's memory");
  } finally {
    await browser2.close();
    secured.server.kill("SIGTERM");
  }

  const real = problems;
  if (real.length > 0) fail(real.join("\n"));
  console.log(`PASS: page (screenshots in ${outDir})`);
}

main().catch((error) => fail(error.stack || String(error)));
