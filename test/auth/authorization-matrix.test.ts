import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { PlanInput } from "../../src/domain/plan-schema.js";
import { buildServer } from "../../src/server/app.js";
import type { Store } from "../../src/store/index.js";
import { TEST_DATABASES } from "../support/databases.js";
import { makePlan } from "../support/make-plan.js";
import { type RouteCase, runMatrix } from "./support/matrix.js";
import { MATRIX_EMAILS, matrixFixture } from "./support/matrix-fixture.js";

/*
 * The authorization matrix over the whole server, generated from the routes it registered:
 * every route × {anonymous, revoked token, viewer, contributor who owns the item, contributor
 * who does not, editor, admin, instance administrator, member of another workspace, viewer and
 * editor tokens} → the status the roles table says. Another workspace answers 404 with no data.
 */

const SECRET_TITLE = "Win the mid-market on onboarding speed";
const SECRET_PERSON = "Olivia Owner-Matrix";

const acme: Partial<PlanInput> = {
  organisation: "Acme Matrix Co",
  people: [
    { id: "olivia", name: SECRET_PERSON, email: MATRIX_EMAILS.owner.toUpperCase() },
    { id: "boris", name: "Boris", email: "boris@matrix.test" },
  ],
  teams: [{ id: "product", name: "Product", capacity: 5 }],
  priorities: [
    { id: "p-owned", title: SECRET_TITLE, owner: "olivia" },
    { id: "p-other", title: "Keep the enterprise base", owner: "boris" },
  ],
  metrics: [
    { id: "m-owned", name: "Time to value", kind: "outcome", direction: "down", priorities: ["p-owned"] },
    { id: "m-other", name: "Net retention", kind: "business", direction: "up", priorities: ["p-other"] },
  ],
  initiatives: [
    { id: "i-owned", title: "Guided setup", owner: "olivia", priorities: ["p-owned"] },
    { id: "i-other", title: "Account reviews", owner: "boris", priorities: ["p-other"] },
  ],
  stops: [{ id: "s1", what: "Custom reports", decided: "2026-02-01", effective: "2026-03-01" }],
  promises: [
    {
      id: "pr1",
      statement: "Live in a day",
      milestones: [{ team: "product", what: "Wizard", date: "2026-05-01" }],
    },
  ],
  insights: [{ id: "in1", date: "2026-02-01", summary: "Setup takes weeks" }],
  decisions: [{ id: "d1", date: "2026-02-02", statement: "Invest in setup", kind: "invest" }],
  reviews: [{ id: "r1", date: "2026-03-01", items: [{ initiative: "i-owned", stillInvest: "yes" }] }],
};

const OWNED: Record<string, string> = {
  people: "olivia",
  teams: "product",
  priorities: "p-owned",
  metrics: "m-owned",
  initiatives: "i-owned",
  stops: "s1",
  promises: "pr1",
  insights: "in1",
  decisions: "d1",
  reviews: "r1",
};

describe.each(TEST_DATABASES)("authorization matrix on $name", (database) => {
  let store: Store;
  let app: FastifyInstance;
  beforeAll(async () => {
    store = await database.open();
    app = await buildServer({ store });
    await app.ready();
    await store.workspaces.replacePlan("acme", makePlan(acme), { actor: "test" });
    await store.workspaces.replacePlan("globex", makePlan({ organisation: "Globex" }), { actor: "test" });
  });
  afterAll(async () => {
    await app?.close();
    await store?.close();
    await database.cleanup();
  });

  it("covers every API route, and every route declares a permission", () => {
    const routes = app.auth.routes;
    const keys = routes.map((r) => `${r.method} ${r.url}`);
    for (const expected of [
      "GET /api/v1/workspaces",
      "PUT /api/v1/workspaces/:ws/plan",
      "GET /api/v1/workspaces/:ws/analysis",
      "PATCH /api/v1/workspaces/:ws/priorities/:id",
      "POST /api/v1/workspaces/:ws/metrics/:id/checkins",
      "GET /api/v1/workspaces/:ws/audit",
      "POST /api/v1/session",
      "DELETE /api/v1/workspaces/:ws/tokens/:tokenId",
    ])
      expect(keys).toContain(expected);
    // Nothing under /api/v1 escaped the list: Fastify's own route tree, read independently.
    const registered = routeTree(app.printRoutes({ commonPrefix: false })).filter(
      (r) => r.url.startsWith("/api/v1/") && !r.url.startsWith("/api/v1/docs") && r.method !== "HEAD",
    );
    expect(registered.length).toBeGreaterThan(60);
    const missing = registered.filter((r) => !keys.includes(`${r.method} ${r.url}`));
    expect(missing).toEqual([]);
  });

  it("lists only the caller's workspaces, and a token never reaches another workspace", async () => {
    const target = await store.workspaces.getWorkspace("acme");
    const other = await store.workspaces.getWorkspace("globex");
    const fixture = await matrixFixture({
      app,
      db: store.db,
      target: { id: target.id, slug: "acme" },
      other: { id: other.id, slug: "globex" },
      itemId: () => "x",
      ownable: () => false,
      body: () => ({}),
      secrets: [],
      emailPrefix: "list-",
    });
    const slugs = async (actor: Parameters<typeof fixture.headers>[0]) => {
      const response = await app.inject({
        method: "GET",
        url: "/api/v1/workspaces",
        headers: await fixture.headers(actor, "GET"),
      });
      return response.json().items.map((w: { slug: string }) => w.slug);
    };
    expect(await slugs("member of another workspace")).toEqual(["globex"]);
    expect(await slugs("viewer")).toEqual(["acme"]);
    expect(await slugs("editor token")).toEqual(["acme"]);
    expect(await slugs("instance administrator")).toEqual(["acme", "globex"]);
    const token = await fixture.headers("editor token", "GET");
    for (const url of [
      "/api/v1/workspaces/globex",
      "/api/v1/workspaces/globex/plan",
      "/api/v1/workspaces/globex/analysis",
    ]) {
      const response = await app.inject({ method: "GET", url, headers: token });
      expect(response.statusCode).toBe(404);
      expect(response.body).not.toContain("Globex");
    }
    // HEAD is GET without a body: the same rules.
    expect((await app.inject({ method: "HEAD", url: "/api/v1/workspaces/acme/plan" })).statusCode).toBe(401);
    expect(
      (await app.inject({ method: "HEAD", url: "/api/v1/workspaces/acme/plan", headers: token })).statusCode,
    ).toBe(200);
    expect(
      (await app.inject({ method: "HEAD", url: "/api/v1/workspaces/globex/plan", headers: token }))
        .statusCode,
    ).toBe(404);
  });

  it("describes the auth routes in the OpenAPI document, with their bodies", async () => {
    const doc = (await app.inject({ method: "GET", url: "/api/v1/openapi.json" })).json();
    expect(doc.paths["/api/v1/session"].post.requestBody).toBeDefined();
    expect(doc.paths["/api/v1/workspaces/{ws}/tokens"].post.requestBody).toBeDefined();
    expect(doc.paths["/api/v1/workspaces/{ws}/members/{userId}"].patch).toBeDefined();
  });

  it("every route × every caller answers as the policy says; other workspaces answer 404 without data", async () => {
    const target = await store.workspaces.getWorkspace("acme");
    const other = await store.workspaces.getWorkspace("globex");
    const fixture = await matrixFixture({
      app,
      db: store.db,
      target: { id: target.id, slug: "acme" },
      other: { id: other.id, slug: "globex" },
      itemId: (collection) => OWNED[collection] ?? "unknown",
      ownable: (route: RouteCase) => route.permission === "workspace:edit-owned",
      body: () => ({}),
      secrets: [SECRET_TITLE, SECRET_PERSON, "Acme Matrix Co", target.id],
    });
    const routes = app.auth.routes;
    expect(routes.length).toBeGreaterThan(60);
    await runMatrix(fixture, routes);
  }, 120_000);

  it("refuses every cookie-authenticated write without the CSRF token, before touching anything", async () => {
    const target = await store.workspaces.getWorkspace("acme");
    const other = await store.workspaces.getWorkspace("globex");
    const before = target.version;
    const fixture = await matrixFixture({
      app,
      db: store.db,
      target: { id: target.id, slug: "acme" },
      other: { id: other.id, slug: "globex" },
      itemId: (collection) => OWNED[collection] ?? "unknown",
      ownable: () => false,
      body: () => ({}),
      secrets: [],
      emailPrefix: "csrf-",
    });
    const failures: string[] = [];
    for (const route of app.auth.routes) {
      if (route.method === "GET" || route.permission === "public") continue;
      const headers = await fixture.headers("instance administrator", route.method);
      const withoutToken = { cookie: headers.cookie };
      const wrongToken = { cookie: headers.cookie, "x-csrf-token": "not-the-token" };
      for (const attempt of [withoutToken, wrongToken]) {
        const response = await app.inject({
          method: route.method as "POST",
          url: await fixture.path(route),
          headers: attempt,
          payload: {},
        });
        if (response.statusCode !== 403 || !response.body.includes("X-CSRF-Token"))
          failures.push(`${route.method} ${route.url}: ${response.statusCode}`);
      }
    }
    expect(failures).toEqual([]);
    expect((await store.workspaces.getWorkspace("acme")).version).toBe(before);
  }, 120_000);
});

/** Every method and full path in Fastify's printRoutes tree (4 characters of indent per level). */
function routeTree(printed: string): { method: string; url: string }[] {
  const out: { method: string; url: string }[] = [];
  const stack: string[] = [];
  for (const line of printed.split("\n")) {
    const match = /^([│├└─\s]*)(\S.*?)(?: \(([A-Z, ]+)\))?$/.exec(line);
    if (!match) continue;
    const depth = match[1].length / 4;
    stack.length = depth;
    const parent = stack.join("");
    const segment = match[2];
    // A radix tree: each segment continues its parent's path exactly ("/session" + "s").
    const path = parent + segment;
    stack[depth] = path.slice(parent.length);
    for (const method of (match[3] ?? "")
      .split(",")
      .map((m) => m.trim())
      .filter(Boolean))
      out.push({ method, url: path });
  }
  return out;
}
