import { existsSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import type { FastifyInstance } from "fastify";
import { type Browser, chromium, type Page } from "playwright-core";
import { buildServer } from "../../src/server/app.js";
import type { Store } from "../../src/store/index.js";
import { openStore } from "../../src/store/index.js";

/** Debian's Chromium, never a downloaded browser (.ci/run installs it). */
export const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
export const WEB_ROOT = join(import.meta.dirname, "..", "..", "dist", "web");

export async function launch(): Promise<Browser> {
  if (!existsSync(CHROMIUM))
    throw new Error(`Chromium not found at ${CHROMIUM}: apt-get install -y chromium`);
  if (!existsSync(join(WEB_ROOT, "index.html"))) throw new Error("The web app is not built: npm run build");
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
    ],
  });
}

export interface Running {
  store: Store;
  app: FastifyInstance;
  url: string;
  close(): Promise<void>;
}

/** The real server with accounts on, on a free port of 127.0.0.1, over an in-memory database. */
export async function startServer(): Promise<Running> {
  const store = await openStore({ dataDir: "memory" });
  await store.migrate();
  const app = await buildServer({ store, webRoot: WEB_ROOT });
  const address = await app.listen({ port: 0, host: "127.0.0.1" });
  return {
    store,
    app,
    url: address,
    close: async () => {
      await app.close();
      await store.close();
    },
  };
}

/** Signs in through the sign-in form and waits for the workspace list. */
export async function signIn(
  page: Page,
  url: string,
  user: { email: string; password: string },
): Promise<void> {
  await page.goto(url);
  await page.getByLabel("E-mail").fill(user.email);
  await page.getByLabel("Password").fill(user.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.getByRole("heading", { name: "Workspaces" }).waitFor();
}

const AXE = readFileSync(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");

/** axe-core's serious and critical violations on the page as it is now. */
export async function accessibilityViolations(page: Page): Promise<string[]> {
  await page.evaluate(AXE);
  const violations = await page.evaluate(async () => {
    // Runs in the page: axe was injected above. (Node's types know no window; the page has one.)
    // biome-ignore lint/suspicious/noExplicitAny: axe is injected into the page
    const page = globalThis as any;
    const result = await page.axe.run(page.document, { resultTypes: ["violations"] });
    return result.violations
      .filter((v: { impact: string }) => v.impact === "serious" || v.impact === "critical")
      .map(
        (v: { id: string; impact: string; nodes: { target: string[] }[] }) =>
          `${v.impact} ${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`,
      );
  });
  return violations;
}
