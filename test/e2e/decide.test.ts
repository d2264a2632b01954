import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addUser } from "../../src/server/auth/accounts.js";
import { authDb } from "../../src/store/auth/auth-db.js";
import { examplePlan } from "../support/acme.js";
import { accessibilityViolations, launch, type Running, signIn, startServer } from "./browser.js";

const EDITOR = { email: "coo@acme.example", name: "COO", password: "a long enough password" };

describe("deciding in Chromium: top moves, simulate, apply", () => {
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

  it("shows the top moves with the index after each, and applying one re-plans the rest", async () => {
    await page.goto(`${server.url}/w/acme`);
    const panel = page.getByRole("region", { name: "Top moves" });
    await panel.getByTestId("move").first().waitFor();
    const first = await panel.getByTestId("move").first().textContent();
    expect(first).toMatch(/Index after: \d+(\.\d)?/);
    expect(await panel.getByRole("link", { name: /Download the offsite pack/ }).getAttribute("href")).toBe(
      "/api/v1/workspaces/acme/offsite-pack",
    );
    expect(await accessibilityViolations(page)).toEqual([]);
    const version = (await server.store.workspaces.getWorkspace("acme")).version;
    await panel.getByTestId("move").first().getByRole("button", { name: "Apply this move" }).click();
    // The panel is planned again on the changed plan: the applied move is gone from it.
    await page.waitForFunction(
      `![...document.querySelectorAll("[data-testid=move]")].some((m) => m.textContent === ${JSON.stringify(first)})`,
    );
    expect((await server.store.workspaces.getWorkspace("acme")).version).toBe(version + 1);
  });

  it("simulates a stop on the capacity page before writing, then applies it", async () => {
    await page.goto(`${server.url}/w/acme/capacity`);
    const team = page.locator("#team-marketing");
    await team.getByText("Simulate stopping work").click();
    const version = (await server.store.workspaces.getWorkspace("acme")).version;
    await team.getByLabel(/Stop Brand refresh/).check();
    const result = page.getByTestId("simulated-index");
    await result.waitFor();
    const simulated = (await result.textContent())?.replace(/\s+/g, " ") ?? "";
    expect(simulated).toMatch(/Index \d+(\.\d)? → \d+(\.\d)?/);
    expect(simulated).toContain("frees Marketing 3 FTE");
    expect(simulated).toMatch(/closes \d+ findings?/);
    expect((await server.store.workspaces.getWorkspace("acme")).version).toBe(version);
    await page.getByRole("button", { name: "Apply 1 change" }).click();
    await result.waitFor({ state: "detached" });
    const { plan } = await server.store.workspaces.readPlan("acme");
    expect(plan.initiatives?.find((i) => i.id === "brand-refresh")?.status).toBe("stopped");
  });
});
