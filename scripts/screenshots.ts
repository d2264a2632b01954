/**
 * `npm run screenshots`: PNGs of the main pages of the demo workspace (the Acme example),
 * taken in Debian's Chromium, into screenshots/; and the offsite pack's pages, rendered from
 * its PDF by pdftoppm where it is installed (poppler-utils).
 */
import { spawnSync } from "node:child_process";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { loadPlan } from "../src/plan/load-plan.js";
import { buildServer } from "../src/server/app.js";
import { openStore } from "../src/store/index.js";
import { launch, WEB_ROOT } from "../test/e2e/browser.js";

const ROOT = join(import.meta.dirname, "..");
const OUT = join(ROOT, "screenshots");
const PAGES: [string, string][] = [
  ["dashboard", ""],
  ["stops", "/stops"],
  ["map", "/map"],
  ["priority", "/priorities/win-midmarket-retail"],
  ["capacity", "/capacity"],
  ["promises", "/promises"],
  ["review", "/review?priority=win-midmarket-retail"],
];

const store = await openStore({ dataDir: "memory" });
await store.migrate();
const loaded = loadPlan(readFileSync(join(ROOT, "examples", "acme.yaml"), "utf8"), { fileName: "acme.yaml" });
if (!loaded.ok) throw new Error("examples/acme.yaml is not valid");
await store.workspaces.replacePlan("demo", loaded.plan, { actor: "screenshots" });
// Screenshots show the product's pages, not the sign-in form: accounts are off for this local run.
const app = await buildServer({ store, auth: false, webRoot: WEB_ROOT });
const url = await app.listen({ port: 0, host: "127.0.0.1" });
const browser = await launch();
try {
  mkdirSync(OUT, { recursive: true });
  const page = await browser.newPage({ viewport: { width: 1366, height: 900 } });
  for (const [name, path] of PAGES) {
    await page.goto(`${url}/w/demo${path}`);
    await page.locator("main h1").first().waitFor();
    await page.waitForTimeout(200);
    // The whole page, but at most the first 2,400 px: the dashboard's full list of findings is
    // ten screens long, and what a reader of the picture needs is its top.
    const height = await page.evaluate<number>("document.documentElement.scrollHeight");
    await page.screenshot({
      path: join(OUT, `${name}.png`),
      fullPage: true,
      clip: { x: 0, y: 0, width: 1366, height: Math.min(height, 2400) },
    });
    console.log(`screenshots/${name}.png`);
  }
  // The offsite pack as the download button gives it, each page as a PNG.
  const pack = await fetch(`${url}/api/v1/workspaces/demo/offsite-pack`);
  const pdf = join(OUT, "offsite-pack.pdf");
  writeFileSync(pdf, Buffer.from(await pack.arrayBuffer()));
  const rendered = spawnSync("pdftoppm", ["-r", "80", "-png", pdf, join(OUT, "offsite-pack")], {
    stdio: "inherit",
  });
  if (rendered.error)
    console.log("pdftoppm is not installed: the offsite pack is in screenshots/offsite-pack.pdf only");
  else console.log("screenshots/offsite-pack-*.png");
} finally {
  await browser.close();
  await app.close();
  await store.close();
}
