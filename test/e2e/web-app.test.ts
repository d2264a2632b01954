import type { Browser, Page, Request } from "playwright-core";
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
      "/edit/priorities/win-midmarket-retail",
      "/edit/promises/new",
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
    expect(await viewerPage.getByLabel("Name", { exact: true }).isDisabled()).toBe(true);
  });

  it("edits, refuses and creates entries through forms generated from the schemas", async () => {
    const initiative = async (id: string) =>
      (await server.store.workspaces.readPlan("acme")).plan.initiatives?.find((i) => i.id === id);
    // An extension key the form does not show must come back untouched.
    await server.store.workspaces.update(
      "acme",
      "initiatives",
      "store-dashboard-v2",
      { "x-tracker": "DASH-7" },
      { actor: "test" },
    );
    const writes: string[] = [];
    const countWrites = (r: Request) => {
      if (r.method() !== "GET" && r.url().includes("/api/v1/workspaces/acme/")) writes.push(r.method());
    };
    page.on("request", countWrites);

    // Edit: a new title, and a new owner through the people picker.
    await page.goto(`${server.url}/w/acme/edit/initiatives/store-dashboard-v2`);
    await page.getByRole("heading", { name: /Edit initiative/ }).waitFor();
    await page.getByLabel("Title", { exact: true }).fill("Store manager morning dashboard");
    await page.getByLabel(/^Owner/).selectOption({ label: "Sofia Rossi" });
    await page.getByRole("button", { name: "Remove Design" }).click();
    await page.getByRole("button", { name: "Save" }).click();
    await page.getByTestId("gap-index").waitFor();
    expect(await initiative("store-dashboard-v2")).toMatchObject({
      title: "Store manager morning dashboard",
      owner: "sofia",
      priorities: ["win-midmarket-retail"],
      start: "2026-02-01",
      allocation: { "product-eng": 20 },
      "x-tracker": "DASH-7",
    });
    expect((await initiative("store-dashboard-v2"))?.allocation).not.toHaveProperty("design");

    // What the schema rejects is shown at its field, and nothing is sent.
    await page.goto(`${server.url}/w/acme/edit/initiatives/store-dashboard-v2`);
    await page.getByLabel("Title", { exact: true }).fill("");
    writes.length = 0;
    await page.getByRole("button", { name: "Save" }).click();
    await page.getByText("Nothing was saved: 1 problem to fix.").waitFor();
    const title = page.getByLabel("Title", { exact: true });
    expect(await title.getAttribute("aria-invalid")).toBe("true");
    expect(await title.getAttribute("aria-describedby")).toBe("field-title-error");
    expect(await page.locator("#field-title-error").textContent()).toContain("is required");
    expect(writes).toEqual([]);
    expect((await initiative("store-dashboard-v2"))?.title).toBe("Store manager morning dashboard");

    // Fixing it clears the error as you type.
    await page.getByLabel("Title", { exact: true }).fill("Store manager morning dashboard");
    await page.locator("#field-title-error").waitFor({ state: "detached" });
    expect(await page.getByText("Nothing was saved").count()).toBe(0);

    // What only the whole plan can tell (an end before the start) comes back from the server to its field.
    await page.getByLabel(/^End/).fill("2026-01-15");
    await page.getByRole("button", { name: "Save" }).click();
    await page.locator("#field-end-error").waitFor();
    expect(await page.locator("#field-end-error").textContent()).toContain("before it starts");
    expect(await page.getByLabel(/^End/).getAttribute("aria-invalid")).toBe("true");
    expect((await initiative("store-dashboard-v2"))?.end).toBeUndefined();

    // A stale edit says who changed the entry since, and "Overwrite with mine" saves the form as it is.
    await page.goto(`${server.url}/w/acme/edit/initiatives/store-dashboard-v2`);
    await page.getByRole("heading", { name: /Edit initiative/ }).waitFor();
    await server.store.workspaces.update(
      "acme",
      "initiatives",
      "store-dashboard-v2",
      { status: "paused" },
      { actor: "Pat Planner" },
    );
    await page.getByLabel("Title", { exact: true }).fill("Dashboard for store managers");
    await page.getByRole("button", { name: "Save" }).click();
    await page.getByText(/Pat Planner changed this since you opened it/).waitFor();
    await page.getByRole("button", { name: "Overwrite with mine" }).click();
    await page.getByTestId("gap-index").waitFor();
    expect(await initiative("store-dashboard-v2")).toMatchObject({
      title: "Dashboard for store managers",
      status: "active",
      "x-tracker": "DASH-7",
    });

    // Create: a promise with a milestone row; the id is suggested from the statement.
    await page.goto(`${server.url}/w/acme/edit/promises/new`);
    await page.getByRole("heading", { name: "New promise" }).waitFor();
    await page.getByLabel("Statement", { exact: true }).fill("Live in five days");
    expect(await page.getByLabel("Id", { exact: true }).inputValue()).toBe("live-in-five-days");
    await page.getByLabel(/^Priority/).selectOption({ label: "Get new customers live in days, not months" });
    await page.getByRole("button", { name: "Add milestone" }).click();
    // Keyboard users land in the new row.
    expect(await page.locator("#field-milestones-0-team:focus").count()).toBe(1);
    await page.getByLabel("Team", { exact: true }).selectOption({ label: "Customer Success" });
    await page.getByLabel("What", { exact: true }).fill("Onboarding playbook ready");
    await page.getByLabel("Date", { exact: true }).fill("2026-11-02");
    await page.getByLabel("Customer-facing", { exact: true }).check();
    await page.getByRole("button", { name: "Save" }).click();
    await page.getByTestId("gap-index").waitFor();
    const { plan } = await server.store.workspaces.readPlan("acme");
    expect(plan.promises?.find((p) => p.id === "live-in-five-days")).toEqual({
      id: "live-in-five-days",
      statement: "Live in five days",
      priority: "live-in-days",
      milestones: [
        {
          team: "customer-success",
          what: "Onboarding playbook ready",
          date: "2026-11-02",
          customerFacing: true,
          done: false,
        },
      ],
    });
    page.off("request", countWrites);
  });
});
