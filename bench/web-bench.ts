import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { loadPlan } from "../src/plan/load-plan.js";
import { buildServer } from "../src/server/app.js";
import { openStore } from "../src/store/index.js";
import { launch, WEB_ROOT } from "../test/e2e/browser.js";
import { generatePlanYaml } from "./generate-plan.js";

/*
 * The web app: initial JavaScript, gzipped (goal ≤ 250 KB), and how long the dashboard of the
 * L workspace takes from navigation to showing its index and findings in Chromium (goal ≤ 1.5 s),
 * next to the time the same browser takes to load a blank page from the same server (the floor).
 */
export async function run(): Promise<Record<string, unknown>> {
  const assets = join(WEB_ROOT, "assets");
  const gzipped = (files: string[]) =>
    Math.round(files.reduce((n, f) => n + gzipSync(readFileSync(join(assets, f))).length, 0) / 1024);
  const allJs = readdirSync(assets).filter((f) => f.endsWith(".js"));

  const store = await openStore({ dataDir: "memory" });
  await store.migrate();
  const loaded = loadPlan(generatePlanYaml("L"), { fileName: "L.yaml" });
  if (!loaded.ok) throw new Error("L plan invalid");
  await store.workspaces.replacePlan("bench-l", loaded.plan, { actor: "bench" });
  const app = await buildServer({ store, auth: false, webRoot: WEB_ROOT });
  const url = await app.listen({ port: 0, host: "127.0.0.1" });
  const browser = await launch();
  try {
    const page = await browser.newPage();
    // Initial JavaScript: what the browser fetches to show the dashboard (lazy chunks, such as
    // the entry forms and their schemas, load only when their page opens).
    const loadedJs = new Set<string>();
    page.on("response", (response) => {
      const name = new URL(response.url()).pathname.match(/^\/assets\/([^/]+\.js)$/)?.[1];
      if (name) loadedJs.add(name);
    });
    const times: number[] = [];
    for (let i = 0; i < 3; i++) {
      const t0 = performance.now();
      await page.goto(`${url}/w/bench-l`);
      await page.getByTestId("gap-index").waitFor();
      await page.locator(".finding").first().waitFor();
      times.push(performance.now() - t0);
    }
    const t1 = performance.now();
    await page.goto(`${url}/api/v1/openapi.json`);
    const blank = performance.now() - t1;
    const median = [...times].sort((a, b) => a - b)[1];
    const result = {
      initialJsGzipKb: gzipped([...loadedJs]),
      allJsGzipKb: gzipped(allJs),
      dashboardMs: Math.round(median),
      blankNavigationMs: Math.round(blank),
    };
    console.log("web (goals: initial JS ≤ 250 KB gzipped, dashboard of L ≤ 1500 ms)", result);
    return result;
  } finally {
    await browser.close();
    await app.close();
    await store.close();
  }
}
