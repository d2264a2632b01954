import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadDemoWorkspace } from "../../src/cli/demo-workspace.js";
import { addUser } from "../../src/server/auth/accounts.js";
import { authDb } from "../../src/store/auth/auth-db.js";
import { addMember } from "../../src/store/auth/memberships.js";
import { accessibilityViolations, launch, type Running, signIn, startServer } from "./browser.js";

// Raj is a person of the demo plan (raj@acme.example) and co-owns "live-in-days", whose two
// metrics are stale when the demo is loaded.
const RAJ = { email: "raj@acme.example", name: "Raj Patel", password: "contributor password 1" };
const ADMIN = { email: "admin@example.com", name: "Admin", password: "administrator password 1" };

/** The operating rhythm in Chromium: the demo's actions close findings; a contributor checks in from My work. */
describe("the operating rhythm in Chromium", () => {
  let browser: Browser;
  let server: Running;
  let context: Awaited<ReturnType<Browser["newContext"]>>;

  beforeAll(async () => {
    [browser, server] = await Promise.all([launch(), startServer()]);
    await loadDemoWorkspace(server.store);
    const workspace = await server.store.workspaces.getWorkspace("demo");
    const db = authDb(server.store.db);
    await addUser(db, { ...ADMIN, isAdmin: true }, server.app.auth.config);
    const raj = await addUser(db, { ...RAJ, isAdmin: false }, server.app.auth.config);
    await addMember(db, { workspaceId: workspace.id, userId: raj.id, role: "contributor", now: new Date() });
    context = await browser.newContext({ bypassCSP: true });
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  const newPage = async (): Promise<Page> => {
    await context.clearCookies();
    return context.newPage();
  };

  it("in the demo, re-dated to today, “Record a stop” closes priority-no-stops", async () => {
    const page = await newPage();
    await signIn(page, server.url, ADMIN);
    await page.goto(`${server.url}/w/demo`);
    await page.getByTestId("gap-index").waitFor();
    // Every page says which day it analyses.
    expect(await page.getByTestId("analysis-date").textContent()).toMatch(
      /Analysed as of \d{4}-\d{2}-\d{2} \(today\)/,
    );
    // Many priorities without a stop are one grouped line on the dashboard: open the list.
    const group = page.locator('li.finding-group[data-rule="priority-no-stops"]');
    if (await group.count()) await group.getByRole("button", { name: /Show each/ }).click();
    const findings = page.locator('li.finding:not(.finding-group)[data-rule="priority-no-stops"]');
    await findings.first().waitFor();
    const before = await findings.count();
    expect(before).toBeGreaterThan(0);
    const finding = findings.first();
    await finding.getByRole("button", { name: "Record a stop" }).click();
    const dialog = page.getByRole("dialog");
    const what = dialog.getByLabel("What is stopped");
    if ((await what.inputValue()) === "") await what.fill("The weekly status deck");
    await dialog.getByRole("button", { name: "Record the stop" }).click();
    await expect.poll(() => findings.count(), { timeout: 30_000 }).toBe(before - 1);
    await page.close();
  }, 120_000);

  it("a contributor lands on My work, records two check-ins in one form, and sees metric-stale gone and the index lower", async () => {
    const page = await newPage();
    await signIn(page, server.url, RAJ);
    await page.getByRole("heading", { name: "My work", level: 1 }).waitFor();
    const owed = page.locator('.my-work li[data-rule="metric-stale"]');
    await owed.first().waitFor();
    expect(await owed.count()).toBe(2);
    expect(await accessibilityViolations(page)).toEqual([]);

    await page.goto(`${server.url}/w/demo`);
    const indexBefore = Number(await page.getByTestId("gap-index").textContent());
    expect(await page.locator('li[data-rule="metric-stale"]').count()).toBeGreaterThan(0);

    await page.goto(server.url);
    await page.getByRole("link", { name: "Record this week's check-ins" }).click();
    await page.getByRole("heading", { name: "Check-in", exact: true }).waitFor();
    // Keyboard-first: the first value has focus; Tab goes to its note, then the next value.
    await page.keyboard.type("30");
    await page.keyboard.press("Tab");
    await page.keyboard.type("two pilots live");
    await page.keyboard.press("Tab");
    await page.keyboard.type("12");
    await page.keyboard.press("Enter");
    await page
      .getByRole("status")
      .filter({ hasText: /Recorded 2 check-ins/ })
      .waitFor();
    expect(await accessibilityViolations(page)).toEqual([]);

    await page.getByRole("link", { name: "Dashboard" }).click();
    await page.getByTestId("gap-index").waitFor();
    expect(await page.locator('li[data-rule="metric-stale"]').count()).toBe(0);
    expect(Number(await page.getByTestId("gap-index").textContent())).toBeLessThan(indexBefore);
    const { plan } = await server.store.workspaces.readPlan("demo");
    const notes = plan.metrics?.flatMap((m) => (m.checkins ?? []).map((c) => c.note)).filter(Boolean);
    expect(notes).toContain("two pilots live");
  }, 120_000);

  it("an earlier day is viewed read-only", async () => {
    const page = await newPage();
    await signIn(page, server.url, ADMIN);
    await page.goto(`${server.url}/w/demo`);
    await page.getByTestId("gap-index").waitFor();
    await page.getByLabel("View as of").fill("2026-01-15");
    await page.getByText("Viewing the plan as it stood on").waitFor();
    expect(page.url()).toContain("asOf=2026-01-15");
    await page.getByTestId("gap-index").waitFor();
    expect(await page.getByRole("button", { name: "Record a stop" }).count()).toBe(0);
  }, 120_000);
});
