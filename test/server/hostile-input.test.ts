import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildServer } from "../../src/server/app.js";
import { addUser } from "../../src/server/auth/accounts.js";
import { authConfig } from "../../src/server/auth/auth-config.js";
import { startSession } from "../../src/server/auth/sessions.js";
import { authDb } from "../../src/store/auth/auth-db.js";
import { addMember } from "../../src/store/auth/memberships.js";
import type { Store } from "../../src/store/index.js";
import { exampleText } from "../support/acme.js";
import { TEST_DATABASES } from "../support/databases.js";
import { aliasBomb, deepJson } from "../support/hostile.js";

/*
 * Hostile input against the whole server (issue 14): nothing may answer 5xx, nothing may be
 * stored, and the server keeps answering others meanwhile.
 */

const API = "/api/v1";

describe.each(TEST_DATABASES)("hostile input on $name", (database) => {
  let store: Store;
  let app: FastifyInstance;
  let headers: Record<string, string>;

  beforeAll(async () => {
    store = await database.open();
    app = await buildServer({ store });
    await app.ready();
    const db = authDb(store.db);
    const root = await addUser(
      db,
      { email: "root@hostile.test", password: "a long root password", isAdmin: true },
      authConfig(),
    );
    const session = await startSession(db, root.id, authConfig());
    headers = { cookie: `tl_session=${session.sessionId}`, "x-csrf-token": session.csrfToken };
    await store.workspaces.createWorkspace({ slug: "acme", name: "Acme" }, { actor: "test" });
    const put = await app.inject({
      method: "PUT",
      url: `${API}/workspaces/acme/plan`,
      headers: { ...headers, "content-type": "application/yaml" },
      payload: exampleText(),
    });
    expect(put.statusCode).toBe(200);
  }, 120_000);
  afterAll(async () => {
    await app?.close();
    await store?.close();
    await database.cleanup();
  });

  const version = async () => (await store.workspaces.getWorkspace("acme")).version;
  /** A route's URL with its parameters filled: the acme workspace and an item that exists. */
  const concrete = (url: string) =>
    url
      .replace(":ws", "acme")
      .replace(/\/priorities\/:[a-z]+/, "/priorities/win-midmarket-retail")
      .replace(/:[a-zA-Z]+/g, "x");

  it("refuses JSON nested 10,000 deep on every route that reads a body, as 400, changing nothing", async () => {
    const before = await version();
    const routes = app.auth.routes.filter((r) => r.method !== "GET" && r.method !== "DELETE");
    expect(routes.length).toBeGreaterThan(20);
    const failures: string[] = [];
    for (const route of routes) {
      const res = await app.inject({
        method: route.method as "POST",
        url: concrete(route.url),
        headers: { ...headers, "content-type": "application/json" },
        payload: `{"x": ${deepJson(10_000)}}`,
      });
      const plan = route.url.endsWith("/plan");
      // A plan upload is a plan file: refused with the plan's problems (422), like lint.
      if (res.statusCode !== (plan ? 422 : 400))
        failures.push(`${route.method} ${route.url}: ${res.statusCode}`);
    }
    expect(failures).toEqual([]);
    expect(await version()).toBe(before);
  });

  it("refuses NUL characters and lone surrogates in text fields as 422 naming the field", async () => {
    const before = await version();
    for (const bad of ["Ana\u0000", "half \ud800 a pair", "\udc00"]) {
      const post = await app.inject({
        method: "POST",
        url: `${API}/workspaces/acme/people`,
        headers,
        payload: { id: "mallory", name: bad },
      });
      expect(post.statusCode).toBe(422);
      expect(post.json().errors).toContainEqual({
        path: "name",
        message: expect.stringMatching(/NUL|surrogate/),
      });
      const patch = await app.inject({
        method: "PATCH",
        url: `${API}/workspaces/acme/priorities/win-midmarket-retail`,
        headers,
        payload: { title: bad },
      });
      expect(patch.statusCode).toBe(422);
      expect(patch.json().errors[0].path).toBe("title");
    }
    expect(await version()).toBe(before);
  });

  it("refuses NUL in query parameters as 422", async () => {
    const res = await app.inject({ method: "GET", url: `${API}/workspaces/acme/audit?actor=%00`, headers });
    expect(res.statusCode).toBe(422);
    expect(res.json().errors[0].path).toBe("query.actor");
    const people = await app.inject({
      method: "GET",
      url: `${API}/workspaces/acme/people?cursor=a%00b`,
      headers,
    });
    expect(people.statusCode).toBe(422);
  });

  it("refuses NUL and lone surrogates in a plan upload with line and column", async () => {
    const before = await version();
    const plan = exampleText().replace(/^organisation: .*$/m, 'organisation: "Acme \\0 Co"');
    const res = await app.inject({
      method: "PUT",
      url: `${API}/workspaces/acme/plan`,
      headers: { ...headers, "content-type": "application/yaml" },
      payload: plan,
    });
    expect(res.statusCode).toBe(422);
    expect(res.json().errors[0]).toMatchObject({
      path: "organisation",
      message: expect.stringMatching(/NUL/),
    });
    expect(res.json().errors[0].line).toBeGreaterThan(0);
    const json = await app.inject({
      method: "PUT",
      url: `${API}/workspaces/acme/plan`,
      headers: { ...headers, "content-type": "application/json" },
      payload: '{"version": 1, "organisation": "\\ud800"}',
    });
    expect(json.statusCode).toBe(422);
    expect(json.json().errors[0]).toMatchObject({
      path: "organisation",
      message: expect.stringMatching(/surrogate/),
    });
    expect(await version()).toBe(before);
  });

  it("refuses a YAML alias bomb as 422 at its line and column, answering other requests meanwhile", async () => {
    const before = await version();
    // Ten levels: ten billion nodes expanded. The suite would never end if anything walked them.
    const bomb = app.inject({
      method: "PUT",
      url: `${API}/workspaces/acme/plan`,
      headers: { ...headers, "content-type": "application/yaml" },
      payload: exampleText() + aliasBomb(10),
    });
    const other = app.inject({ method: "GET", url: `${API}/workspaces/acme/people`, headers });
    const [refused, answered] = await Promise.all([bomb, other]);
    expect(answered.statusCode).toBe(200);
    expect(refused.statusCode).toBe(422);
    expect(refused.json().errors).toHaveLength(1);
    expect(refused.json().errors[0].message).toMatch(/aliases would expand/);
    const bombLine = exampleText().split("\n").length + 1;
    expect(refused.json().errors[0]).toMatchObject({ line: bombLine, column: 12 });
    expect(await version()).toBe(before);
  });

  it("does not tell a workspace admin that a workspace they cannot see exists, when renaming", async () => {
    await store.workspaces.createWorkspace({ slug: "hidden-rival", name: "Rival" }, { actor: "test" });
    const db = authDb(store.db);
    const wsAdmin = await addUser(
      db,
      { email: "ws-admin@hostile.test", password: "a long admin password", isAdmin: false },
      authConfig(),
    );
    const acme = await store.workspaces.getWorkspace("acme");
    await addMember(db, { workspaceId: acme.id, userId: wsAdmin.id, role: "admin", now: new Date() });
    const session = await startSession(db, wsAdmin.id, authConfig());
    const rename = (slug: string) =>
      app.inject({
        method: "PATCH",
        url: `${API}/workspaces/acme`,
        headers: {
          cookie: `tl_session=${session.sessionId}`,
          "x-csrf-token": session.csrfToken,
          "if-match": `"${acme.version}"`,
        },
        payload: { slug },
      });
    const taken = await rename("hidden-rival");
    const reserved = await rename("settings");
    expect(taken.statusCode).toBe(409);
    expect(taken.body).not.toContain("exists");
    // The same answer as for a slug no workspace has: "not available" proves nothing.
    expect(taken.json().detail.replace("hidden-rival", "X")).toBe(
      reserved.json().detail.replace("settings", "X"),
    );
    expect(taken.json().errors).toEqual(reserved.json().errors);
    // The instance administrator sees every workspace and is told plainly.
    const plain = await app.inject({
      method: "PATCH",
      url: `${API}/workspaces/acme`,
      headers: { ...headers, "if-match": `"${acme.version}"` },
      payload: { slug: "hidden-rival" },
    });
    expect(plain.json().detail).toMatch(/already exists/);
  });

  it("refuses keys named like Object.prototype members as unknown keys, on plan files and the API", async () => {
    for (const key of ["toString", "constructor", "hasOwnProperty", "__proto__"]) {
      const plan = exampleText().replace(/^organisation: .*$/m, (line) => `${line}\n${key}: 1`);
      const res = await app.inject({
        method: "PUT",
        url: `${API}/workspaces/acme/plan`,
        headers: { ...headers, "content-type": "application/yaml" },
        payload: plan,
      });
      expect(res.statusCode, key).toBe(422);
      expect(res.json().errors[0].message).toMatch(new RegExp(`unknown key "${key}"`));
    }
    for (const key of ["toString", "valueOf"]) {
      const res = await app.inject({
        method: "POST",
        url: `${API}/workspaces/acme/people`,
        headers,
        payload: { id: "pat", name: "Pat", [key]: "x" },
      });
      expect(res.statusCode, key).toBe(422);
      expect(res.json().errors[0]).toMatchObject({
        path: key,
        message: expect.stringMatching(/unknown key/),
      });
    }
  });
});
