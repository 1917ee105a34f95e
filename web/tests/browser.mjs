// Drives the page of `newsgraph serve` in headless Chromium and checks it against the
// store behind it (asked over SPARQL, not through the page).
//
//   node tests/browser.mjs BASE_URL SCREENSHOT_DIR [ARTICLE_IRI_WITH_EMOJI]
//
// Run by tests/web_page.rs, which starts the server over a store it filled. Exits 1
// with the list of failed checks, 0 when every check passed.
import { chromium } from "playwright-core";
import { AxeBuilder } from "@axe-core/playwright";
import { readFile, mkdir } from "node:fs/promises";
import path from "node:path";

const [base, shots, emojiArticle] = process.argv.slice(2);
if (!base || !shots) {
  console.error("usage: node tests/browser.mjs BASE_URL SCREENSHOT_DIR [ARTICLE_IRI]");
  process.exit(2);
}
await mkdir(shots, { recursive: true });
const origin = new URL(base).origin;
const failures = [];
const check = (ok, what) => {
  if (!ok) failures.push(what);
  console.log(`${ok ? "ok  " : "FAIL"} ${what}`);
};

const PREFIXES = `PREFIX ng: <https://w3id.org/newsgraph/ontology#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
PREFIX prov: <http://www.w3.org/ns/prov#>
PREFIX nif: <http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#>
PREFIX itsrdf: <http://www.w3.org/2005/11/its/rdf#>
`;
/** The rows of a SELECT query, as plain values. */
async function store(query) {
  const response = await fetch(`${origin}/query`, {
    method: "POST",
    headers: { "Content-Type": "application/sparql-query", Accept: "application/sparql-results+json" },
    body: PREFIXES + query,
  });
  if (!response.ok) throw new Error(`store: ${response.status} ${await response.text()}`);
  const json = await response.json();
  return json.results.bindings.map((b) => Object.fromEntries(Object.entries(b).map(([k, t]) => [k, t.value])));
}
const sameSet = (a, b) => a.length === b.length && [...a].sort().every((x, i) => x === [...b].sort()[i]);

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM ?? "/usr/bin/chromium",
  args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
});
const context = await browser.newContext({ viewport: { width: 1366, height: 860 }, acceptDownloads: true });
const page = await context.newPage();
const consoleErrors = [];
page.on("console", (m) => m.type() === "error" && consoleErrors.push(m.text()));
page.on("pageerror", (e) => consoleErrors.push(e.message));
// Which script broke the Content-Security-Policy, and where (the console says only that it happened).
await context.addInitScript(() =>
  document.addEventListener("securitypolicyviolation", (e) =>
    console.log(`csp-violation ${e.violatedDirective} ${e.sourceFile}:${e.lineNumber}:${e.columnNumber} ${e.sample}`)));
page.on("console", (m) => m.text().startsWith("csp-violation") && console.log(m.text()));
const elsewhere = [];
context.on("request", (r) => {
  const url = new URL(r.url());
  if ((url.protocol === "http:" || url.protocol === "https:" || url.protocol === "ws:") && url.origin !== origin) elsewhere.push(r.url());
});

async function accessible(view) {
  const result = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
  const found = result.violations.map((v) => `${v.id} (${v.nodes.length}): ${v.nodes[0]?.target}`);
  check(found.length === 0, `${view}: no WCAG A/AA violation${found.length ? `: ${found.join("; ")}` : ""}`);
}
async function screenshot(name) {
  await page.screenshot({ path: path.join(shots, `${name}.png`), fullPage: false });
}
const focusedHeading = () => page.evaluate(() => document.activeElement?.tagName === "H1" ? document.activeElement.textContent : null);

try {
  // ---- Search with the keyboard, then the entity page --------------------------------
  const [person] = await store(`SELECT ?p ?label (COUNT(DISTINCT ?s) AS ?n) WHERE {
      ?p a ng:Person ; rdfs:label ?label ; ng:holdsRole ?r . ?s ng:speaker ?p }
    GROUP BY ?p ?label ORDER BY DESC(?n) ?label LIMIT 1`);
  check(!!person, "the store holds a person with a role and a statement");
  await page.goto(`${base}/`);
  await page.waitForSelector("#search-input");
  check((await page.title()).includes("Search"), "the first view has a title");
  await accessible("search");
  await screenshot("search");
  check(await page.evaluate(() => document.activeElement?.id === "search-input"), "the search box has the focus");
  await page.keyboard.type(person.label.split(" ").slice(-1)[0].slice(0, 4).toLowerCase(), { delay: 40 });
  await page.waitForSelector('#search-list [role="option"]');
  check((await page.getAttribute("#search-input", "aria-expanded")) === "true", "the list is announced open (aria-expanded)");
  const status = await page.textContent(".search-status");
  check(/\d+ names? found/.test(status ?? ""), `the result count is announced: ${status}`);
  let picked = null;
  for (let k = 0; k < 30 && !picked; k++) {
    await page.keyboard.press("ArrowDown");
    const active = await page.getAttribute("#search-input", "aria-activedescendant");
    const text = active && (await page.textContent(`#${active}`));
    if (text?.startsWith(person.label)) picked = active;
  }
  check(!!picked, `arrows reach "${person.label}" (aria-activedescendant)`);
  await page.keyboard.press("Escape");
  check((await page.getAttribute("#search-input", "aria-expanded")) === "false", "Escape closes the list");
  await page.keyboard.press("ArrowDown");
  for (let k = 0; k < 30; k++) {
    const active = await page.getAttribute("#search-input", "aria-activedescendant");
    if (active && (await page.textContent(`#${active}`))?.startsWith(person.label)) break;
    await page.keyboard.press("ArrowDown");
  }
  await page.keyboard.press("Enter");
  await page.waitForFunction((label) => document.querySelector("article.entity h1")?.textContent.startsWith(label), person.label);
  check(page.url().includes(encodeURIComponent(person.p)), "Enter opens the entity page");
  check((await focusedHeading())?.startsWith(person.label), "the focus moves to the entity's heading");
  await page.waitForFunction((label) => document.title.startsWith(label), person.label, { timeout: 5000 }).catch(() => {});
  check((await page.title()).startsWith(person.label), "the page title names the entity");

  const roles = await store(`SELECT DISTINCT ?role ?title WHERE { <${person.p}> ng:holdsRole ?role . ?role ng:roleTitle ?title }`);
  await page.waitForSelector(".role-title");
  const shownRoles = await page.$$eval("tr[data-role]", (rows) => rows.map((r) => r.getAttribute("data-role")));
  check(sameSet([...new Set(shownRoles)], roles.map((r) => r.role)), `the roles shown are the store's (${roles.length})`);
  const titles = await page.$$eval(".role-title", (cells) => cells.map((c) => c.textContent));
  check(roles.every((r) => titles.includes(r.title)), "every role title is shown");
  const statements = await store(`SELECT DISTINCT ?s ?text WHERE { ?s ng:speaker <${person.p}> ; ng:text ?text }`);
  const shownStatements = await page.$$eval("li[data-statement]", (items) =>
    items.map((li) => [li.getAttribute("data-statement"), li.querySelector("blockquote").textContent]));
  check(sameSet(shownStatements.map(([s]) => s), statements.map((r) => r.s)), `the statements shown are the store's (${statements.length})`);
  check(statements.every((r) => shownStatements.some(([s, text]) => s === r.s && text === r.text)), "each statement's words are the store's");
  await page.waitForSelector(".graph .node >> nth=1");
  const listed = await page.$$eval(".neighbour-list li", (items) => items.length);
  const drawn = await page.$$eval(".graph .edge", (edges) => edges.length);
  check(listed > 0 && listed === drawn, `the neighbours are drawn and listed alike (${drawn})`);
  await accessible("entity");
  await screenshot("entity");
  await page.screenshot({ path: path.join(shots, "entity-full.png"), fullPage: true });

  // ---- Articles: every mention marked, each mark its slice -----------------------------
  const articles = await store(`SELECT ?a ?text WHERE { ?a a ng:Article ; nif:isString ?text } ORDER BY ?a`);
  check(articles.length > 0, `the store holds articles (${articles.length})`);
  for (const { a, text } of articles) {
    const mentions = await store(`SELECT ?m ?b ?e ?anchor WHERE {
        ?m nif:referenceContext <${a}> ; itsrdf:taIdentRef ?x ; nif:beginIndex ?b ; nif:endIndex ?e ; nif:anchorOf ?anchor }`);
    await page.goto(`${base}/#/article/${encodeURIComponent(a)}`);
    await page.waitForSelector(".article-text");
    const marks = await page.$$eval(".article-text mark[data-mention]", (ms) => {
      const by = {};
      for (const m of ms) {
        const id = m.getAttribute("data-mention");
        by[id] = (by[id] ?? "") + m.textContent;
      }
      return by;
    });
    const points = Array.from(text);
    const name = a.replace(/^.*\//, "");
    check(Object.keys(marks).length === mentions.length, `${name}: ${mentions.length} mentions, ${Object.keys(marks).length} marked`);
    const wrong = mentions.filter((m) => marks[m.m] !== points.slice(Number(m.b), Number(m.e)).join("") || marks[m.m] !== m.anchor);
    check(wrong.length === 0, `${name}: each mark's text is its slice of the article${wrong.length ? `: ${wrong.slice(0, 3).map((m) => `${m.b}-${m.e} "${marks[m.m]}" ≠ "${m.anchor}"`).join(", ")}` : ""}`);
    const shown = await page.$eval(".article-text", (t) => t.textContent);
    check(shown === text, `${name}: the text shown is the article's`);
  }

  // ---- A statement's evidence, exactly, after an emoji too -----------------------------
  for (const a of [articles.find((x) => x.a.endsWith("/wic2020"))?.a, emojiArticle].filter(Boolean)) {
    await page.goto(`${base}/#/article/${encodeURIComponent(a)}`);
    await page.waitForSelector(".fact");
    const link = (await page.$(".fact-statement")) ?? (await page.$(".fact"));
    const fact = await link.getAttribute("data-fact");
    await link.click();
    await page.waitForSelector(".article-text .evidence");
    const evidence = await store(`SELECT ?b ?e ?anchor WHERE { <${fact}> ng:evidence ?m . ?m nif:beginIndex ?b ; nif:endIndex ?e ; nif:anchorOf ?anchor } ORDER BY ?b`);
    const lit = await page.$$eval(".article-text .evidence", (es) => es.map((e) => [Number(e.dataset.begin), Number(e.dataset.end), e.textContent]));
    const covered = lit.reduce((n, [b, e]) => n + (e - b), 0);
    const wanted = evidence.reduce((n, r) => n + (Number(r.e) - Number(r.b)), 0);
    const inside = lit.every(([b, e]) => evidence.some((r) => Number(r.b) <= b && e <= Number(r.e)));
    check(inside && covered === wanted, `${a.replace(/^.*\//, "")}: exactly the evidence of ${fact.replace(/^.*\//, "")} is highlighted`);
    check(lit.map(([, , t]) => t).join("") === evidence.map((r) => r.anchor).join(""), "the highlighted words are the evidence's anchor");
    check((await page.textContent(".why")).includes("rule"), "the rule and confidence are shown");
    if (a.endsWith("/wic2020")) {
      await accessible("article");
      await screenshot("article");
      // The deep link survives a reload; Back clears the choice.
      await page.reload();
      await page.waitForSelector(".article-text .evidence");
      const again = await page.$$eval(".article-text .evidence", (es) => es.map((e) => e.textContent).join(""));
      check(again === evidence.map((r) => r.anchor).join(""), "a reload of the deep link shows the same evidence");
      await page.goBack();
      await page.waitForSelector(".article-text");
      await page.waitForFunction(() => !location.hash.includes("fact="));
      check((await page.$$(".article-text .evidence")).length === 0, "Back returns to the article without a highlight");
    }
  }

  // ---- Timeline: in order, for everything and for one entity ---------------------------
  for (const [name, hash] of [["timeline", "#/timeline"], ["timeline of a person", `#/timeline?entity=${encodeURIComponent(person.p)}`]]) {
    await page.goto(`${base}/${hash}`);
    await page.waitForSelector("ol.timeline li, main p:not(.loading)");
    const dates = await page.$$eval("ol.timeline li", (items) => items.map((li) => li.getAttribute("data-date")));
    const shown = dates.length ? "" : ` (the view says: ${(await page.textContent("main")).slice(0, 300)})`;
    check(dates.length > 0 && dates.every((d, i) => i === 0 || dates[i - 1] <= d), `${name}: ${dates.length} items in date order${shown}`);
    if (name === "timeline") {
      await accessible("timeline");
      await screenshot("timeline");
    }
  }
  await page.goto(`${base}/#/timeline?from=2099-01-01`);
  await page.waitForSelector("main p:not(.loading)");
  check((await page.$$("ol.timeline li")).length === 0, "a date range with nothing in it shows nothing");

  // ---- SPARQL editor: an example, a CSV download, an error with its place -------------
  await page.goto(`${base}/#/sparql`);
  await page.waitForSelector(".cm-content");
  await page.click("text=who said what");
  await page.click("button.primary");
  await page.waitForSelector("table.results tbody tr");
  const query = await readFile(new URL("../../examples/queries/who-said-what.rq", import.meta.url), "utf8");
  const expected = await store(query);
  const rowsText = await page.textContent(".row-count");
  check(rowsText.startsWith(`${expected.length} row`), `the example's rows: ${rowsText} (store: ${expected.length})`);
  const [download] = await Promise.all([page.waitForEvent("download"), page.click("text=Download CSV")]);
  const csv = await readFile(await download.path(), "utf8");
  const lines = csv.trim().split(/\r?\n/);
  check(lines[0] === "speaker,quoteType,text,madeAt", `the CSV has the query's columns: ${lines[0]}`);
  check(download.suggestedFilename() === "results.csv", "the download is named results.csv");
  await accessible("sparql");
  await screenshot("sparql");
  await page.click(".cm-content");
  await page.keyboard.press("Control+A");
  await page.keyboard.press("Backspace");
  await page.keyboard.type("SELECT * WHERE {\n?s ?p\n}");
  await page.click("button.primary");
  await page.waitForSelector("pre.error");
  const error = await page.textContent("pre.error");
  check(/line \d+, column \d+/.test(error), `a syntax error names its line and column: ${error.split("\n")[0]}`);
  consoleErrors.splice(0, consoleErrors.length, ...consoleErrors.filter((e) => !e.includes("400 (Bad Request)")));
  await page.click(".cm-content");
  await page.keyboard.press("Control+A");
  await page.keyboard.press("Backspace");
  await page.keyboard.type("PREFIX ng: <https://w3id.org/newsgraph/ontology#> CONSTRUCT { ?p ng:holdsRole ?r } WHERE { ?p ng:holdsRole ?r ");
  await page.click("button.primary");
  await page.waitForSelector("text=triples.");
  await page.click('button:text-is("Turtle")');
  await page.waitForFunction(() => document.querySelector("pre.turtle")?.textContent?.includes("@prefix"));
  check((await page.textContent("pre.turtle")).includes("ng:holdsRole"), "a CONSTRUCT answer shows as Turtle");
  await page.click('button:text-is("Graph")');
  check((await page.$$(".graph .edge")).length > 0, "a CONSTRUCT answer shows as a graph");
} catch (e) {
  failures.push(`the run stopped: ${e.stack ?? e}`);
  console.log(`FAIL ${e.stack ?? e}`);
  await screenshot("failure").catch(() => {});
}

check(consoleErrors.length === 0, `no console errors${consoleErrors.length ? `: ${consoleErrors.join(" | ")}` : ""}`);
check(elsewhere.length === 0, `no request to any other host${elsewhere.length ? `: ${elsewhere.join(", ")}` : ""}`);
await browser.close();
if (failures.length) {
  console.log(`\n${failures.length} check(s) failed:\n- ${failures.join("\n- ")}`);
  process.exit(1);
}
console.log("\nevery check passed");
