import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addUser, createSetupLink } from "../../src/server/auth/accounts.js";
import { authDb } from "../../src/store/auth/auth-db.js";
import { addMember } from "../../src/store/auth/memberships.js";
import { EXAMPLES } from "../support/acme.js";
import { accessibilityViolations, launch, type Running, startServer } from "./browser.js";

const ADMIN = { email: "coo@acme.example", name: "Casey COO", password: "a long enough password" };
const VIEWER = { email: "viewer@acme.example", name: "Vic Viewer", password: "another long password" };

describe("the web app in Chromium", () => {
  let browser: Browser;
  let server: Running;
  let page: Page;

  beforeAll(async () => {
    [browser, server] = await Promise.all([launch(), startServer()]);
    page = await (await browser.newContext({ bypassCSP: true })).newPage();
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  const index = async () => Number(await page.getByTestId("gap-index").textContent());

  it("first-run setup creates the administrator and signs them in", async () => {
    const { token } = await createSetupLink(authDb(server.store.db), server.app.auth.config);
    await page.goto(`${server.url}/setup#token=${token}`);
    await page.getByLabel("Name").fill(ADMIN.name);
    await page.getByLabel("E-mail").fill(ADMIN.email);
    await page.getByLabel(/Password/).fill(ADMIN.password);
    await page.getByRole("button", { name: "Create the administrator" }).click();
    await page.getByRole("heading", { name: "Workspaces" }).waitFor();
    expect(await page.getByText(ADMIN.name).count()).toBeGreaterThan(0);
  });

  it("signs in with e-mail and password", async () => {
    await page.getByRole("button", { name: "Sign out" }).click();
    await page.getByRole("heading", { name: "Sign in to Throughline" }).waitFor();
    await page.getByLabel("E-mail").fill(ADMIN.email);
    await page.getByLabel("Password").fill(ADMIN.password);
    await page.getByRole("button", { name: "Sign in" }).click();
    await page.getByRole("heading", { name: "Workspaces" }).waitFor();
  });

  it("imports a plan file and shows the index and its findings", async () => {
    await server.store.workspaces.createWorkspace({ slug: "acme", name: "Acme" }, { actor: "test" });
    await page.goto(`${server.url}/w/acme/plan`);
    await page.getByLabel("Plan file (YAML or JSON)").setInputFiles(`${EXAMPLES}/acme.yaml`);
    await page.getByText("Imported acme.yaml").waitFor();
    await page.goto(`${server.url}/w/acme`);
    await page.getByTestId("gap-index").waitFor();
    expect(await index()).toBeGreaterThan(0);
    await page.getByText('Priority "Customer Experience" has no owner').waitFor();
  });

  it("closes a finding from the UI: one owner for a priority lowers the index", async () => {
    const before = await index();
    const finding = page.locator('li[data-rule="priority-no-owner"]');
    await finding.getByRole("button", { name: "Make one owner" }).click();
    await page.getByRole("dialog").getByLabel("Owner").selectOption({ label: "Sofia Rossi" });
    await page.getByRole("dialog").getByRole("button", { name: "Make owner" }).click();
    await page.locator('li[data-rule="priority-no-owner"]').waitFor({ state: "detached" });
    await expect.poll(index).toBeLessThan(before);
  });

  it("review mode records a “no” and then the stop", async () => {
    await page.goto(`${server.url}/w/acme/review?priority=enterprise-ready`);
    const answer = async (stillInvest: string) => {
      await page.getByLabel("How does this connect to our priorities?").fill("Enterprise security");
      await page
        .getByLabel("What are we learning about this customer segment?")
        .fill("Security reviews stall deals");
      await page.getByLabel(stillInvest).check();
    };
    await answer("yes");
    await page.getByRole("button", { name: "Next initiative" }).click();
    await answer("no");
    await page.getByRole("button", { name: "Record the review" }).click();
    await page.getByRole("heading", { name: /You answered “no”/ }).waitFor();
    await page.getByRole("button", { name: "Record the stop" }).click();
    await page.getByRole("link", { name: "Back to the dashboard" }).waitFor();
    const { plan } = await server.store.workspaces.readPlan("acme");
    const review = plan.reviews?.find((r) => r.priority === "enterprise-ready");
    expect(review?.items.map((i) => i.stillInvest)).toEqual(["yes", "no"]);
    const stopped = review?.items.find((i) => i.stillInvest === "no")?.initiative;
    expect(plan.stops?.some((s) => s.initiative === stopped)).toBe(true);
    expect(plan.initiatives?.find((i) => i.id === stopped)?.status).toBe("stopped");
  });

  it("has no serious or critical accessibility violation on any page", async () => {
    for (const path of [
      "",
      "/map",
      "/capacity",
      "/promises",
      "/insights",
      "/review",
      "/review?priority=win-midmarket-retail",
      "/stops",
      "/plan",
      "/priorities/win-midmarket-retail",
      "/edit/teams/sales",
    ]) {
      await page.goto(`${server.url}/w/acme${path}`);
      await page.locator("main h1").first().waitFor();
      expect(await accessibilityViolations(page), path || "/").toEqual([]);
    }
  }, 120_000);

  it("shows a viewer no edit controls", async () => {
    const db = authDb(server.store.db);
    const viewer = await addUser(db, { ...VIEWER, isAdmin: false }, server.app.auth.config);
    const ws = await server.store.workspaces.getWorkspace("acme");
    await addMember(db, { workspaceId: ws.id, userId: viewer.id, role: "viewer", now: new Date() });
    const viewerPage = await (await browser.newContext()).newPage();
    await viewerPage.goto(server.url);
    await viewerPage.getByLabel("E-mail").fill(VIEWER.email);
    await viewerPage.getByLabel("Password").fill(VIEWER.password);
    await viewerPage.getByRole("button", { name: "Sign in" }).click();
    await viewerPage.getByRole("link", { name: "Acme" }).click();
    await viewerPage.getByTestId("gap-index").waitFor();
    await viewerPage.getByText("viewer", { exact: false }).first().waitFor();
    expect(await viewerPage.locator(".finding").count()).toBeGreaterThan(0);
    expect(await viewerPage.locator(".finding-actions button").count()).toBe(0);
    await viewerPage.goto(`${server.url}/w/acme/plan`);
    await viewerPage.getByRole("heading", { name: "Export" }).waitFor();
    expect(await viewerPage.getByLabel("Plan file (YAML or JSON)").count()).toBe(0);
    await viewerPage.goto(`${server.url}/w/acme/edit/teams/sales`);
    await viewerPage.getByRole("heading", { name: /Edit team/ }).waitFor();
    expect(await viewerPage.getByRole("button", { name: "Save" }).count()).toBe(0);
  });
});
