// Measures how fast an HTML report opens in the system Chromium, offline:
//   node tests/browser/measure.mjs FILE.html [RUNS]
// Prints, per run, the DOMContentLoaded and load event times
// (PerformanceNavigationTiming, from the start of navigation) and the time
// to open the first branch section (toggle to the next frame).
import { chromium } from "playwright-core";
import { mkdtempSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { pathToFileURL } from "node:url";

const file = resolve(process.argv[2]);
const runs = +(process.argv[3] || 3);
const url = pathToFileURL(file).href;
const profile = mkdtempSync(join(tmpdir(), "dangjian-chromium-"));
const context = await chromium.launchPersistentContext(profile, {
  executablePath: process.env.CHROMIUM || "/usr/bin/chromium",
  headless: true, offline: true, viewport: { width: 1280, height: 900 },
  args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync"],
});
console.log(`${file}: ${(statSync(file).size / 1e6).toFixed(2)} MB`);
try {
  for (let i = 0; i < runs; i++) {
    const page = await context.newPage();
    await page.goto(url, { waitUntil: "load" });
    const t = await page.evaluate(() => {
      const n = performance.getEntriesByType("navigation")[0];
      return { dcl: n.domContentLoadedEventEnd, load: n.loadEventEnd };
    });
    const open = await page.evaluate(() => new Promise((done) => {
      const d = document.querySelector("details.branch:not([open])");
      if (!d) return done(null);
      const t0 = performance.now();
      d.open = true;
      requestAnimationFrame(() => setTimeout(() => done(performance.now() - t0), 0));
    }));
    const nodes = await page.evaluate(() => document.getElementsByTagName("*").length);
    console.log(`run ${i + 1}: DOMContentLoaded ${t.dcl.toFixed(0)} ms, load ${t.load.toFixed(0)} ms, ` +
      `open a section ${open === null ? "-" : open.toFixed(0) + " ms"}, ${nodes} elements`);
    await page.close();
  }
} finally {
  await context.close();
  rmSync(profile, { recursive: true, force: true });
}
