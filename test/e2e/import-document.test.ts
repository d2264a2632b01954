import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addUser } from "../../src/server/auth/accounts.js";
import { authDb } from "../../src/store/auth/auth-db.js";
import { accessibilityViolations, launch, type Running, signIn, startServer } from "./browser.js";

const ADMIN = { email: "ops@clinic.example", name: "Ops Lead", password: "a long enough password" };

const PASTED = [
  "Objective,Key result,Owner,Baseline,Target",
  "Make onboarding the reason clinics stay,60-day retention of new clinics,Priya Natarajan,71%,85%",
  "Make onboarding the reason clinics stay,Time to first booked appointment,Tomás Ferreira,9 days,3 days",
  "Win multi-site dental groups,Groups with 5+ sites signed,Hannah Okafor,2,TBD",
].join("\n");

describe("importing a strategy document in Chromium", () => {
  let browser: Browser;
  let server: Running;
  let page: Page;

  beforeAll(async () => {
    [browser, server] = await Promise.all([launch(), startServer()]);
    await addUser(authDb(server.store.db), { ...ADMIN, isAdmin: true }, server.app.auth.config);
    page = await (await browser.newContext({ bypassCSP: true })).newPage();
    await signIn(page, server.url, ADMIN);
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it("paste → preview with flags → fix an owner → create the workspace → see its analysis", async () => {
    await page.getByRole("link", { name: "Import a strategy document" }).click();
    await page.getByLabel("…or paste it here").fill(PASTED);
    await page.getByLabel(/File name of the pasted text/).fill("clinic-okrs.csv");
    await page.getByRole("button", { name: "Preview" }).click();
    await page.getByRole("heading", { name: "2. What it becomes" }).waitFor();
    // Nothing is written by a preview.
    expect(await server.store.workspaces.listWorkspaces()).toEqual([]);
    const tree = page.locator(".import-tree");
    expect(await tree.textContent()).toMatch(/no owner/);
    expect(await tree.textContent()).toMatch(/placeholder/);
    expect(await accessibilityViolations(page)).toEqual([]);

    // The spreadsheet names no owner for the objective: the person names one, a new person.
    await page
      .getByLabel("Owner of Make onboarding the reason clinics stay")
      .selectOption({ label: "New person…" });
    await page
      .getByLabel("Name of the new owner of Make onboarding the reason clinics stay")
      .fill("Rosa Lind");
    await page.getByLabel("Owner of Win multi-site dental groups").selectOption({ label: "Hannah Okafor" });
    await page.getByLabel("Name of the new workspace").fill("Clinic plan");
    await page.getByRole("button", { name: "Create the workspace" }).click();

    await page.getByRole("heading", { name: "Execution Gap Index" }).waitFor();
    expect(page.url()).toMatch(/\/w\/clinic-plan$/);
    const { plan } = await server.store.workspaces.readPlan("clinic-plan");
    expect(plan.people.find((p) => p.name === "Rosa Lind")).toBeDefined();
    expect(plan.priorities.map((p) => p.owner)).toEqual(["rosa-lind", "hannah-okafor"]);
    expect(plan.metrics?.map((m) => m.name)).toContain("60-day retention of new clinics");
  });
});
