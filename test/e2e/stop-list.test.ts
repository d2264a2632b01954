import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addUser } from "../../src/server/auth/accounts.js";
import { authDb } from "../../src/store/auth/auth-db.js";
import { examplePlan } from "../support/acme.js";
import { accessibilityViolations, launch, type Running, signIn, startServer } from "./browser.js";

const EDITOR = { email: "cos@acme.example", name: "Chief of Staff", password: "a long enough password" };

describe("the stop list in Chromium", () => {
  let browser: Browser;
  let server: Running;
  let page: Page;

  beforeAll(async () => {
    [browser, server] = await Promise.all([launch(), startServer()]);
    await server.store.workspaces.replacePlan("acme", examplePlan(), { actor: "test" });
    await addUser(authDb(server.store.db), { ...EDITOR, isAdmin: true }, server.app.auth.config);
    page = await (await browser.newContext({ bypassCSP: true })).newPage();
    await signIn(page, server.url, EDITOR);
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it("shows a stop that did not happen, with team names, and ends it in place", async () => {
    await page.goto(`${server.url}/w/acme/stops`);
    const row = page.getByRole("row", { name: /Legacy custom report builder/ });
    await row.getByText("No — still staffed").waitFor();
    expect(await row.textContent()).toMatch(/Product & Engineering: 14 FTE/);
    expect(await accessibilityViolations(page)).toEqual([]);

    await row.getByRole("button", { name: "Stop the initiative now" }).click();
    await page.getByRole("dialog").getByRole("button", { name: "Stop it and release its capacity" }).click();
    await row.getByText("Yes").waitFor();
    const { plan } = await server.store.workspaces.readPlan("acme");
    const stop = plan.stops?.find((s) => s.what === "Legacy custom report builder");
    expect(stop?.initiative).toBeDefined();
    expect(plan.initiatives?.find((i) => i.id === stop?.initiative)?.status).toBe("stopped");
  });
});
