import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildServer } from "../../src/server/app.js";
import { addUser, issueApiToken } from "../../src/server/auth/accounts.js";
import { authConfig } from "../../src/server/auth/auth-config.js";
import { authDb } from "../../src/store/auth/auth-db.js";
import type { Store } from "../../src/store/index.js";
import { exampleText } from "../support/acme.js";
import { TEST_DATABASES } from "../support/databases.js";

/* Every kind of write through the API lands in the audit log, naming who made it. */

type Entry = {
  actor: string;
  action: string;
  entityType: string;
  entityId: string;
  before: unknown;
  after: unknown;
};

describe.each(TEST_DATABASES)("audit log on $name", (database) => {
  let store: Store;
  let app: FastifyInstance;
  let admin: Record<string, string>;
  let editorToken: Record<string, string>;

  beforeAll(async () => {
    store = await database.open();
    app = await buildServer({ store });
    await app.ready();
    const db = authDb(store.db);
    await addUser(
      db,
      { email: "root@audit.test", password: "root password long", isAdmin: true },
      authConfig(),
    );
    const signIn = await app.inject({
      method: "POST",
      url: "/api/v1/session",
      payload: { email: "root@audit.test", password: "root password long" },
    });
    const cookie = signIn.cookies.find((c) => c.name === "tl_session");
    admin = { cookie: `tl_session=${cookie?.value}`, "x-csrf-token": signIn.json().csrfToken };
    const created = await app.inject({
      method: "POST",
      url: "/api/v1/workspaces",
      headers: admin,
      payload: { slug: "acme", name: "Acme" },
    });
    expect(created.statusCode).toBe(201);
    const ws = await store.workspaces.getWorkspace("acme");
    const { secret } = await issueApiToken(
      db,
      { workspaceId: ws.id, role: "editor", name: "planner", createdBy: null },
      authConfig(),
    );
    editorToken = { authorization: `Bearer ${secret}` };
  }, 120_000);
  afterAll(async () => {
    await app?.close();
    await store?.close();
    await database.cleanup();
  });

  it("with accounts, PUT /plan to a workspace that does not exist is 404 even for an instance admin, and creates nothing", async () => {
    const res = await app.inject({
      method: "PUT",
      url: "/api/v1/workspaces/not-there/plan",
      headers: { ...admin, "content-type": "application/yaml" },
      payload: exampleText(),
    });
    expect(res.statusCode).toBe(404);
    await expect(store.workspaces.getWorkspace("not-there")).rejects.toThrow();
  });

  const audit = async (query = ""): Promise<{ items: Entry[]; nextCursor: string | null }> => {
    const response = await app.inject({
      method: "GET",
      url: `/api/v1/workspaces/acme/audit${query}`,
      headers: admin,
    });
    expect(response.statusCode).toBe(200);
    return response.json();
  };
  const write = async (
    method: string,
    url: string,
    headers: Record<string, string>,
    payload?: unknown,
    expected = [200, 201, 204],
  ) => {
    const response = await app.inject({
      method: method as "POST",
      url: `/api/v1/workspaces/acme${url}`,
      headers,
      payload: payload as object,
    });
    expect(expected, `${method} ${url}: ${response.body}`).toContain(response.statusCode);
    return response;
  };

  it("records every kind of write: who, what, before and after", async () => {
    const plan = await write(
      "PUT",
      "/plan",
      { ...editorToken, "content-type": "application/yaml" },
      exampleText(),
    );
    expect(plan.statusCode).toBe(200);
    const insight = await write("POST", "/insights", editorToken, {
      id: "in-audit",
      date: "2026-04-01",
      summary: "Buyers want speed",
    });
    const patched = await write(
      "PATCH",
      "/insights/in-audit",
      { ...editorToken, "if-match": insight.headers.etag as string },
      {
        summary: "Buyers want speed above all",
      },
    );
    await write("DELETE", "/insights/in-audit", {
      ...editorToken,
      "if-match": patched.headers.etag as string,
    });
    const metrics = (
      await app.inject({ method: "GET", url: "/api/v1/workspaces/acme/metrics", headers: editorToken })
    ).json();
    const metricId = metrics.items[0].id as string;
    await write("POST", `/metrics/${metricId}/checkins`, editorToken, { date: "2026-04-02", value: 3 });
    const ws = await app.inject({ method: "GET", url: "/api/v1/workspaces/acme", headers: admin });
    await write("PATCH", "", { ...admin, "if-match": ws.headers.etag as string }, { name: "Acme Inc" });
    await addUser(
      authDb(store.db),
      { email: "member@audit.test", password: "member password!", isAdmin: false },
      authConfig(),
    );
    const member = await write("POST", "/members", admin, { email: "member@audit.test", role: "viewer" });
    const userId = member.json().userId as string;
    await write("PATCH", `/members/${userId}`, admin, { role: "editor" });
    await write("DELETE", `/members/${userId}`, admin);
    const invite = await write("POST", "/invites", admin, {
      role: "contributor",
      email: "invited@example.com",
    });
    await write("DELETE", `/invites/${invite.json().invite.id}`, admin);
    const second = await write("POST", "/invites", admin, { role: "viewer", email: "joiner@audit.test" });
    const accepted = await app.inject({
      method: "POST",
      url: "/api/v1/invites/accept",
      payload: { token: second.json().token, email: "joiner@audit.test", password: "joiner password!" },
    });
    expect(accepted.statusCode).toBe(200);
    const token = await write("POST", "/tokens", admin, { role: "viewer", name: "dashboard" });
    await write("DELETE", `/tokens/${token.json().id}`, admin);

    const { items } = await audit("?limit=500");
    const seen = items.map((e) => `${e.action} ${e.entityType} by ${e.actor}`);
    for (const expected of [
      "create workspace by root@audit.test",
      "replace plan by token:planner",
      "create insight by token:planner",
      "update insight by token:planner",
      "delete insight by token:planner",
      "update workspace by root@audit.test",
      "create member by root@audit.test",
      "update member by root@audit.test",
      "delete member by root@audit.test",
      "create invite by root@audit.test",
      "delete invite by root@audit.test",
      "create member by joiner@audit.test",
      "create token by root@audit.test",
      "delete token by root@audit.test",
    ])
      expect(seen).toContain(expected);
    // The check-in is recorded against its metric.
    const checkin = items.find((e) => e.entityType === "checkin");
    expect(checkin).toMatchObject({
      action: "create",
      entityId: metricId,
      actor: "token:planner",
      before: null,
    });
    expect(checkin?.after).toMatchObject({ date: "2026-04-02", value: 3 });
    const update = items.find((e) => e.action === "update" && e.entityType === "insight");
    expect(update?.before).toMatchObject({ summary: "Buyers want speed" });
    expect(update?.after).toMatchObject({ summary: "Buyers want speed above all" });
    // Secrets never reach the log.
    const text = JSON.stringify(items);
    expect(text).not.toContain(token.json().token);
    expect(text).not.toContain(second.json().token);
    expect(text).not.toContain("password");
  });

  it("filters by entity, actor and time, a page at a time", async () => {
    const byType = await audit("?entityType=insight");
    expect(byType.items.map((e) => e.action)).toEqual(["delete", "update", "create"]);
    const byId = await audit("?entityId=in-audit&actor=token%3Aplanner");
    expect(byId.items).toHaveLength(3);
    expect((await audit("?actor=nobody%40audit.test")).items).toEqual([]);
    expect((await audit("?since=2999-01-01")).items).toEqual([]);
    expect((await audit("?until=2000-01-01")).items).toEqual([]);
    const first = await audit("?limit=2");
    expect(first.items).toHaveLength(2);
    expect(first.nextCursor).not.toBeNull();
    const next = await audit(`?limit=2&cursor=${encodeURIComponent(first.nextCursor ?? "")}`);
    expect(next.items[0]).not.toEqual(first.items[0]);
  });

  it("is for admins: editors and tokens below admin get 403", async () => {
    const response = await app.inject({
      method: "GET",
      url: "/api/v1/workspaces/acme/audit",
      headers: editorToken,
    });
    expect(response.statusCode).toBe(403);
  });
});
