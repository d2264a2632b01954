import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addUser } from "../../src/server/auth/accounts.js";
import { authDb } from "../../src/store/auth/auth-db.js";
import { listMembers } from "../../src/store/auth/memberships.js";
import { accessibilityViolations, launch, type Running, signIn, startServer } from "./browser.js";

const ADMIN = { email: "admin@acme.example", name: "Ada Admin", password: "a long enough password" };
const NEWCOMER = { email: "nia@acme.example", name: "Nia Newcomer", password: "newcomer password 123" };

/** Workspaces, members, invitations and API tokens, as an administrator manages them in the web app. */
describe("access in the web app", () => {
  let browser: Browser;
  let server: Running;
  let page: Page;
  let inviteUrl = "";

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

  it("an instance administrator creates a workspace and lands on its plan file page", async () => {
    await page.getByLabel("Name").fill("Globex Retail");
    expect(await page.getByLabel(/^Address/).inputValue()).toBe("globex-retail");
    await page.getByRole("button", { name: "Create the workspace" }).click();
    await page.getByRole("heading", { name: "Export" }).waitFor();
    expect(page.url()).toMatch(/\/w\/globex-retail\/plan$/);
    expect((await server.store.workspaces.getWorkspace("globex-retail")).name).toBe("Globex Retail");
  });

  it("an admin invites someone with a role and is shown the one-time link", async () => {
    await page.getByRole("link", { name: "Members" }).click();
    await page.getByRole("heading", { name: "Members and access" }).waitFor();
    await page.getByLabel("Role for the invitee").selectOption("contributor");
    await page.getByLabel(/^E-mail \(only this address/).fill(NEWCOMER.email);
    await page.getByRole("button", { name: "Create an invitation link" }).click();
    inviteUrl = (await page.getByTestId("invite-link").textContent()) ?? "";
    expect(inviteUrl).toMatch(/\/invite#token=/);
    await page.getByRole("cell", { name: NEWCOMER.email }).waitFor();
    expect(await accessibilityViolations(page)).toEqual([]);
  });

  it("the invitee joins through the link, signed in as a contributor who sees no Members page", async () => {
    const invitee = await (await browser.newContext()).newPage();
    await invitee.goto(inviteUrl);
    await invitee.getByRole("heading", { name: "Join Globex Retail" }).waitFor();
    expect(await invitee.getByText("contributor").count()).toBeGreaterThan(0);
    expect(await invitee.getByLabel("E-mail").inputValue()).toBe(NEWCOMER.email);
    expect(await accessibilityViolations(invitee)).toEqual([]);
    await invitee.getByLabel(/^Name/).fill(NEWCOMER.name);
    await invitee.getByLabel(/^Password/).fill(NEWCOMER.password);
    await invitee.getByRole("button", { name: "Join the workspace" }).click();
    await invitee.getByText(`${NEWCOMER.name} · contributor`).waitFor();
    expect(invitee.url()).toMatch(/\/w\/globex-retail$/);
    expect(await invitee.getByRole("link", { name: "Members" }).count()).toBe(0);

    // The link worked once.
    const again = await (await browser.newContext()).newPage();
    await again.goto(inviteUrl);
    await again.getByText("This invitation link is not valid any more").waitFor();
  });

  it("an admin changes a member's role and creates then revokes an API token", async () => {
    await page.reload();
    await page.getByLabel(`Role of ${NEWCOMER.name}`).selectOption("editor");
    const ws = await server.store.workspaces.getWorkspace("globex-retail");
    await expect
      .poll(
        async () =>
          (await listMembers(authDb(server.store.db), ws.id)).find((m) => m.email === NEWCOMER.email)?.role,
      )
      .toBe("editor");

    await page.getByLabel("Token name").fill("bi-export");
    await page.getByLabel("Token role").selectOption("viewer");
    await page.getByRole("button", { name: "Create a token" }).click();
    const secret = (await page.getByTestId("token-secret").textContent()) ?? "";
    const read = () =>
      fetch(`${server.url}/api/v1/workspaces/globex-retail/analysis`, {
        headers: { authorization: `Bearer ${secret}` },
      }).then((r) => r.status);
    expect(await read()).toBe(200);
    await page.getByRole("button", { name: "Revoke bi-export" }).click();
    await page.getByRole("button", { name: "Revoke bi-export" }).waitFor({ state: "detached" });
    expect(await read()).toBe(401);
  });

  it("serves a browsable API reference that renders under the security headers", async () => {
    const reference = await (await browser.newContext()).newPage();
    await reference.goto(`${server.url}/api/v1/docs`);
    await reference.getByText("Throughline API").first().waitFor();
    await reference.locator(".opblock").first().waitFor();
    expect(await reference.locator(".opblock").count()).toBeGreaterThan(20);
  });
});
