import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addUser } from "../../src/server/auth/accounts.js";
import { authDb } from "../../src/store/auth/auth-db.js";
import { addMember } from "../../src/store/auth/memberships.js";
import { examplePlan } from "../support/acme.js";
import { accessibilityViolations, launch, type Running, signIn, startServer } from "./browser.js";

const EDITOR = { email: "hana@fernway.example", name: "Hana Sato", password: "an editor's long password" };

/** Objective trees in the web app: the map, grouped findings, not-assessed dimensions, the new actions. */
describe("objective trees in Chromium", () => {
  let browser: Browser;
  let server: Running;
  let page: Page;

  beforeAll(async () => {
    [browser, server] = await Promise.all([launch(), startServer()]);
    const { workspace } = await server.store.workspaces.replacePlan(
      "fernway",
      examplePlan("fernway-tree.yaml"),
      {
        actor: "test",
      },
    );
    // A second workspace with no capacities, promises, insights or decisions, and many priorities.
    const bare = await server.store.workspaces.replacePlan(
      "bare",
      {
        version: 1,
        organisation: "Bare Co",
        asOf: "2026-06-01",
        cycle: { name: "2026", start: "2026-01-01", end: "2026-12-31" },
        people: [{ id: "ana", name: "Ana" }],
        teams: [{ id: "product", name: "Product" }],
        priorities: Array.from({ length: 5 }, (_, i) => ({
          id: `p${i}`,
          title: `Win segment ${i} with a sharper offer`,
          owner: "ana",
          status: "committed" as const,
          reviewEvery: "30d",
        })),
      },
      { actor: "test" },
    );
    const db = authDb(server.store.db);
    const user = await addUser(db, { ...EDITOR, isAdmin: false }, server.app.auth.config);
    for (const ws of [workspace, bare.workspace])
      await addMember(db, { workspaceId: ws.id, userId: user.id, role: "editor", now: new Date() });
    page = await (await browser.newContext({ bypassCSP: true })).newPage();
    await signIn(page, server.url, EDITOR);
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it("draws the tree on the strategy map and collapses it to company objectives", async () => {
    await page.goto(`${server.url}/w/fernway/map`);
    await page.getByRole("group", { name: "Levels shown" }).waitFor();
    const labels = async () => page.locator("svg.map a.node title").allTextContents();
    expect(await labels()).toContain("Battery firmware stops the cold-morning cut-outs");
    expect(await page.locator("svg.map .tree-edge").count()).toBe(5);
    await page.getByLabel("Company objectives").check();
    await expect
      .poll(async () => (await labels()).includes("Battery firmware stops the cold-morning cut-outs"))
      .toBe(false);
    expect(await page.locator("svg.map .tree-edge").count()).toBe(0);
    expect(await page.locator("svg.map text", { hasText: "beneath" }).count()).toBeGreaterThan(0);
    expect(await accessibilityViolations(page)).toEqual([]);
  });

  it("shows dimensions without data as not assessed and groups a rule firing on many priorities", async () => {
    await page.goto(`${server.url}/w/bare`);
    await page.getByTestId("gap-index").waitFor();
    for (const d of ["capacity", "timelines", "learning"])
      await page.locator(`li.not-assessed[data-dimension="${d}"]`).getByText("not assessed").waitFor();
    const group = page.locator('li.finding-group[data-rule="review-overdue"]');
    await group.getByText("5 of 5 priorities are overdue for review").waitFor();
    expect(await group.locator("li.finding").count()).toBe(0);
    await group.getByRole("button", { name: "Show each (5)" }).click();
    expect(await group.locator("li.finding").count()).toBe(5);
    expect(await accessibilityViolations(page)).toEqual([]);
  });

  it("sets a metric's target from its metric-no-target finding in one click", async () => {
    await page.goto(`${server.url}/w/fernway`);
    const finding = page.locator('li[data-rule="metric-no-target"]', { hasText: "Same-day misses" });
    await finding.getByRole("button", { name: "Set the target" }).click();
    const dialog = page.getByRole("dialog");
    // The action opens straight on the target field.
    await expect
      // biome-ignore lint/suspicious/noExplicitAny: runs in the page, which has a document
      .poll(() => page.evaluate(() => (globalThis as any).document.activeElement?.getAttribute("name")))
      .toBe("target");
    await dialog.getByLabel("Target").fill("40");
    await dialog.getByRole("button", { name: "Set the target" }).click();
    await dialog.waitFor({ state: "hidden" });
    // Stored; the finding stays while the plan is analysed as of its own asOf (before the change).
    await expect
      .poll(
        async () =>
          (await server.store.workspaces.readPlan("fernway")).plan.metrics?.find(
            (m) => m.id === "parts-misses",
          )?.target,
      )
      .toBe(40);
  });

  it("adds a team objective beneath a priority that is not cascaded, prefilled with parent and team", async () => {
    const finding = page.locator('li[data-rule="priority-not-cascaded"]', { hasText: "Customer Support" });
    await finding.getByRole("button", { name: "Add a team objective beneath" }).click();
    const dialog = page.getByRole("dialog");
    expect(await dialog.locator(`select[name="team"]`).inputValue()).toBe("support");
    await dialog.getByLabel("Team objective").fill("Support calls every new owner in week one");
    await dialog.locator(`select[name="owner"]`).selectOption({ label: "Ravi Menon" });
    await dialog.getByRole("button", { name: "Add the team objective" }).click();
    await dialog.waitFor({ state: "hidden" });
    // Support now has its own objective beneath: the finding names only Marketing.
    await finding.waitFor({ state: "detached" });
    await page
      .locator('li[data-rule="priority-not-cascaded"]', { hasText: "not cascaded to Marketing" })
      .waitFor();
    const { plan } = await server.store.workspaces.readPlan("fernway");
    expect(
      plan.priorities.find((p) => p.title === "Support calls every new owner in week one"),
    ).toMatchObject({
      parent: "commuters-ride-daily",
      team: "support",
      owner: "ravi",
    });
  });
});
