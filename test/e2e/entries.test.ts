import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addUser } from "../../src/server/auth/accounts.js";
import { authDb } from "../../src/store/auth/auth-db.js";
import { addMember } from "../../src/store/auth/memberships.js";
import { examplePlan } from "../support/acme.js";
import { accessibilityViolations, launch, type Running, signIn, startServer } from "./browser.js";

// Lena is a person of the acme plan (lena@acme.example) and owns the initiative "guided-setup".
const LENA = { email: "lena@acme.example", name: "Lena Okafor", password: "contributor password 1" };

/** Reaching every entry from the web app, and what a contributor may change there. */
describe("plan entries in Chromium", () => {
  let browser: Browser;
  let server: Running;
  let page: Page;

  beforeAll(async () => {
    [browser, server] = await Promise.all([launch(), startServer()]);
    const { workspace } = await server.store.workspaces.replacePlan("acme", examplePlan(), { actor: "test" });
    const db = authDb(server.store.db);
    const lena = await addUser(db, { ...LENA, isAdmin: false }, server.app.auth.config);
    await addMember(db, { workspaceId: workspace.id, userId: lena.id, role: "contributor", now: new Date() });
    page = await (await browser.newContext({ bypassCSP: true })).newPage();
    await signIn(page, server.url, LENA);
    await page.getByRole("link", { name: "Acme" }).click();
    await page.getByTestId("gap-index").waitFor();
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it("lists every collection's entries, each a link to its form", async () => {
    await page.getByRole("link", { name: "Entries" }).click();
    await page.getByRole("heading", { name: "Plan entries" }).waitFor();
    await page.getByRole("link", { name: /^Teams \(\d+\)$/ }).click();
    await page.getByRole("link", { name: "Customer Success" }).click();
    await page.getByRole("heading", { name: /Edit team/ }).waitFor();
    // A contributor reads teams but does not edit them.
    expect(await page.getByRole("button", { name: "Save" }).count()).toBe(0);
    await page.goto(`${server.url}/w/acme/entries/initiatives`);
    await page.getByRole("link", { name: "Guided setup with pre-built POS connectors" }).waitFor();
    expect(await page.getByRole("link", { name: /New initiative/ }).count()).toBe(0);
    expect(await accessibilityViolations(page)).toEqual([]);
  });

  it("lets a contributor edit the initiative they own, and only that", async () => {
    await page.goto(`${server.url}/w/acme/edit/initiatives/store-dashboard-v2`);
    await page.getByRole("heading", { name: /Edit initiative/ }).waitFor();
    expect(await page.getByRole("button", { name: "Save" }).count()).toBe(0);

    await page.goto(`${server.url}/w/acme/edit/initiatives/guided-setup`);
    await page.getByLabel("Title", { exact: true }).fill("Guided setup, POS connectors included");
    await page.getByRole("button", { name: "Save" }).click();
    await page.getByTestId("gap-index").waitFor();
    const { plan } = await server.store.workspaces.readPlan("acme");
    expect(plan.initiatives?.find((i) => i.id === "guided-setup")?.title).toBe(
      "Guided setup, POS connectors included",
    );
    // Deleting stays with editors.
    await page.goto(`${server.url}/w/acme/edit/initiatives/guided-setup`);
    await page.getByRole("button", { name: "Save" }).waitFor();
    expect(await page.getByRole("button", { name: "Delete" }).count()).toBe(0);
  });

  it("returns to the list an entry was opened from after saving it", async () => {
    await page.goto(`${server.url}/w/acme/entries/initiatives`);
    await page.getByRole("link", { name: /^Guided setup/ }).click();
    await page.getByLabel("Title", { exact: true }).fill("Guided setup with POS connectors");
    await page.getByRole("button", { name: "Save" }).click();
    await page.getByRole("heading", { name: "Plan entries" }).waitFor();
    await page.getByRole("link", { name: "Guided setup with POS connectors" }).waitFor();
  });

  it("offers a contributor the one-click action only on a finding about what they own", async () => {
    await page.goto(`${server.url}/w/acme`);
    const shared = page.locator('li[data-rule="priority-shared-owner"]');
    await shared.waitFor();
    // Lena shares "Get new customers live in days" with Raj; "Customer Experience" is nobody's.
    expect(await page.locator('li[data-rule="priority-no-owner"] .finding-actions button').count()).toBe(0);
    await shared.getByRole("button", { name: "Make one owner" }).click();
    // The picker starts on the person the suggestion names, not the first in the list.
    expect(await page.getByRole("dialog").getByLabel("Owner").inputValue()).toBe("raj");
    await page.getByRole("dialog").getByLabel("Owner").selectOption({ label: "Lena Okafor" });
    await page.getByRole("dialog").getByRole("button", { name: "Make owner" }).click();
    await shared.waitFor({ state: "detached" });
    const { plan } = await server.store.workspaces.readPlan("acme");
    expect(plan.priorities.find((p) => p.id === "live-in-days")?.owner).toBe("lena");
  });

  it("lets a contributor add an insight from the insights inbox", async () => {
    await page.goto(`${server.url}/w/acme/insights`);
    await page.getByRole("link", { name: "Add an insight" }).click();
    await page.getByRole("heading", { name: "New insight" }).waitFor();
    await page
      .getByLabel("Summary", { exact: true })
      .fill("Store managers print the dashboard for the morning huddle");
    await page.getByLabel("Date", { exact: true }).fill("2026-11-20");
    await page.getByRole("button", { name: "Save" }).click();
    // Back in the inbox it was added from, which shows it.
    await page.getByText("Store managers print the dashboard for the morning huddle").waitFor();
    await page.getByRole("heading", { name: "Insights and decisions" }).waitFor();
    const { plan } = await server.store.workspaces.readPlan("acme");
    expect(plan.insights?.some((i) => i.summary.startsWith("Store managers print the dashboard"))).toBe(true);
  });
});
