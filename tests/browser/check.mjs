// Loads an HTML report in the system Chromium, offline, and checks it as a
// reader would use it. Run by tests/html_browser.rs:
//
//   node tests/browser/check.mjs FACTS.json
//
// FACTS.json: {"html": path, "out": dir, "rows": n, "branch": "B01",
// "branch_rows": n, "member": "M08", "month": "2025-06", "letter": "U",
// "label": "未交", "lazy": false, "grids": 6}. Writes OUT/screen.png,
// OUT/branch.png, OUT/grids.png, OUT/timeline.png, OUT/findings.png,
// OUT/print.pdf.
// Exit 0 when every check passes; prints one line per check.

import { chromium } from "playwright-core";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { pathToFileURL } from "node:url";

const facts = JSON.parse(readFileSync(process.argv[2], "utf8"));
const url = pathToFileURL(resolve(facts.html)).href;
const out = resolve(facts.out);
let failed = 0;
function check(name, ok, detail) {
  console.log(`${ok ? "ok  " : "FAIL"} ${name}${detail === undefined ? "" : `: ${detail}`}`);
  if (!ok) failed++;
}

const profile = mkdtempSync(join(tmpdir(), "dangjian-chromium-"));
const context = await chromium.launchPersistentContext(profile, {
  executablePath: process.env.CHROMIUM || "/usr/bin/chromium",
  headless: true,
  offline: true,
  viewport: { width: 1280, height: 900 },
  args: [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
  ],
});
try {
  const requests = [];
  context.on("request", (r) => requests.push(r.url()));
  await context.route("**/*", (route) => {
    const u = route.request().url();
    return u === url ? route.continue() : route.abort();
  });
  const page = context.pages()[0] || (await context.newPage());
  const errors = [];
  page.on("pageerror", (e) => errors.push(String(e)));
  page.on("console", (m) => { if (m.type() === "error") errors.push(m.text()); });

  await page.goto(url, { waitUntil: "load" });
  const timing = await page.evaluate(() => {
    const n = performance.getEntriesByType("navigation")[0];
    return { load: Math.round(n.loadEventEnd), dcl: Math.round(n.domContentLoadedEventEnd) };
  });
  console.log(`load event at ${timing.load} ms (DOMContentLoaded ${timing.dcl} ms)`);

  // No request but the page itself, and no resource fetched by the page.
  const resources = await page.evaluate(() => performance.getEntriesByType("resource").map((e) => e.name));
  check("no request but the page", requests.every((r) => r === url), JSON.stringify(requests.filter((r) => r !== url)));
  check("no resource loaded", resources.length === 0, JSON.stringify(resources));

  // Closed sections keep their bodies unbuilt until opened.
  if (facts.lazy) {
    const built = await page.locator("svg.grid").count();
    const closed = await page.locator("details.branch:not([open])").count();
    check("closed sections are not built", built === 0 && closed > 0, `${built} grids, ${closed} closed`);
  }

  // Every finding is a row.
  const rows = await page.locator("table.findings > tbody > tr").count();
  check("finding rows", rows === facts.rows, `${rows} of ${facts.rows}`);

  // The branch filter.
  await page.selectOption("form.filters select[name=b]", facts.branch);
  const shown = await page.locator("table.findings > tbody > tr:not([hidden])").count();
  const others = await page.locator(`table.findings > tbody > tr:not([hidden]):not([data-b="${facts.branch}"])`).count();
  check("branch filter", shown === facts.branch_rows && others === 0, `${shown} rows shown, ${facts.branch_rows} expected, ${others} of other branches`);
  await page.selectOption("form.filters select[name=b]", "");
  // The section's link filters too.
  const section = page.locator(`details.branch[data-b="${facts.branch}"]`);
  if (!(await section.evaluate((d) => d.open))) await section.locator("summary").click();
  await section.locator("a.only").click();
  const viaLink = await page.locator("table.findings > tbody > tr:not([hidden])").count();
  check("branch link filters", viaLink === facts.branch_rows, `${viaLink}`);
  await page.fill("form.filters input[name=q]", facts.member);
  const searched = await page.locator("table.findings > tbody > tr:not([hidden])").count();
  check("search narrows", searched > 0 && searched < facts.branch_rows, `${searched}`);
  await page.fill("form.filters input[name=q]", "");
  await page.selectOption("form.filters select[name=b]", "");

  // The dues grid shows the member's unpaid month: its letter, and the cell
  // under the pointer is painted as unpaid and named so.
  const grid = section.locator("svg.grid[data-kind=dues]");
  const cell = await grid.evaluate((svg, f) => {
    const months = svg.dataset.m.split(" ");
    const col = months.indexOf(f.month);
    const labels = [...svg.querySelectorAll("g.lbl > text")];
    const row = labels.findIndex((t) => t.textContent.split(" ")[0] === f.member);
    const letters = svg.querySelectorAll("g.lt > text");
    const letter = row >= 0 && col >= 0 ? letters[row].textContent.charAt(col) : null;
    svg.scrollIntoView({ block: "center" });
    return { col, row, letter };
  }, facts);
  check("grid row and column", cell.row >= 0 && cell.col >= 0, JSON.stringify(cell));
  check("grid letter", cell.letter === facts.letter, cell.letter);
  const box = await grid.evaluate((svg, c) => {
    const p = +svg.dataset.p;
    const pt = svg.createSVGPoint();
    pt.x = +svg.dataset.x0 + c.col * p + 10;
    pt.y = +svg.dataset.y0 + c.row * p + 10;
    const s = pt.matrixTransform(svg.getScreenCTM());
    const el = document.elementFromPoint(s.x, s.y);
    return { x: s.x, y: s.y, hit: el ? el.getAttribute("class") : null, fill: el ? el.getAttribute("fill") : null };
  }, cell);
  check("grid cell painted unpaid", box.hit === "c-unpaid", JSON.stringify(box));
  await page.mouse.move(box.x, box.y);
  const tip = await page.locator("#tip").textContent();
  check("grid tooltip", tip.includes(facts.month) && tip.includes(facts.label), tip);

  check("no script error", errors.length === 0, JSON.stringify(errors));

  await page.mouse.move(0, 0);
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path: join(out, "screen.png") });
  await section.screenshot({ path: join(out, "branch.png") });
  await section.locator(".grids").screenshot({ path: join(out, "grids.png") });
  await section.locator("figure.tl").first().screenshot({ path: join(out, "timeline.png") });
  await page.locator("#findings").evaluate((e) => e.scrollIntoView());
  await page.screenshot({ path: join(out, "findings.png") });
  await page.pdf({ path: join(out, "print.pdf"), format: "A4", printBackground: true });
  // Printing built and opened every section.
  const printed = await page.locator("svg.grid").count();
  check("printing includes every grid", printed === facts.grids, `${printed} of ${facts.grids}`);
} finally {
  await context.close();
  rmSync(profile, { recursive: true, force: true });
}
console.log(failed ? `${failed} failed` : "all passed");
process.exit(failed ? 1 : 0);
