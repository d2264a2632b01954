import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildServer } from "../../src/server/app.js";
import { addUser } from "../../src/server/auth/accounts.js";
import { authDb } from "../../src/store/auth/auth-db.js";
import { addMember } from "../../src/store/auth/memberships.js";
import type { Store } from "../../src/store/index.js";
import { examplePlan } from "../support/acme.js";
import { TEST_DATABASES } from "../support/databases.js";

const API = "/api/v1";
const PASSWORD = "a long enough password";

// One database is enough here: the permissions are the server's, not the database's.
const database = TEST_DATABASES[0];

describe("who may simulate and apply changes", () => {
  let store: Store;
  let app: FastifyInstance;
  const session: Record<string, Record<string, string>> = {};

  beforeAll(async () => {
    store = await database.open();
    app = await buildServer({ store });
    const plan = examplePlan();
    // Maya owns "Become the default analytics platform…" and signs in as a contributor.
    plan.people = plan.people.map((p) => (p.id === "maya" ? { ...p, email: "maya@acme.example" } : p));
    const { workspace } = await store.workspaces.replacePlan("acme", plan, { actor: "test" });
    const db = authDb(store.db);
    for (const [email, role] of [
      ["viewer@acme.example", "viewer"],
      ["maya@acme.example", "contributor"],
    ] as const) {
      const user = await addUser(db, { email, password: PASSWORD, isAdmin: false }, app.auth.config);
      await addMember(db, { workspaceId: workspace.id, userId: user.id, role, now: new Date() });
      const res = await app.inject({
        method: "POST",
        url: `${API}/session`,
        payload: { email, password: PASSWORD },
      });
      session[role] = {
        cookie: res.cookies.map((c) => `${c.name}=${c.value}`).join("; "),
        "x-csrf-token": res.json().csrfToken,
      };
    }
  }, 120_000);
  afterAll(async () => {
    await app?.close();
    await store?.close();
    await database.cleanup();
  });

  const post = (role: string, path: string, changes: unknown[]) =>
    app.inject({
      method: "POST",
      url: `${API}/workspaces/acme/${path}`,
      headers: session[role],
      payload: { changes },
    });

  it("lets a viewer simulate but not apply", async () => {
    const stop = [{ op: "stop", initiative: "brand-refresh" }];
    expect((await post("viewer", "what-if", stop)).statusCode).toBe(200);
    expect((await post("viewer", "apply", stop)).statusCode).toBe(403);
  });

  it("lets a contributor apply only what they could edit themselves", async () => {
    const before = (await store.workspaces.getWorkspace("acme")).version;
    const stop = await post("contributor", "apply", [{ op: "stop", initiative: "brand-refresh" }]);
    expect(stop.statusCode).toBe(403);
    expect(stop.json().errors).toEqual([
      { path: "changes[0]", message: "stopping an initiative records a stop, which needs an editor" },
    ]);
    const other = await post("contributor", "apply", [{ op: "drop", priority: "enterprise-ready" }]);
    expect(other.statusCode).toBe(403);
    expect(other.json().errors[0].message).toBe('you do not own the priority "enterprise-ready"');
    expect((await store.workspaces.getWorkspace("acme")).version).toBe(before);

    const own = await post("contributor", "apply", [
      { op: "owner", priority: "win-midmarket-retail", person: "priya" },
    ]);
    expect(own.statusCode).toBe(200);
    const audit = await store.workspaces.listAudit("acme", { entityId: "win-midmarket-retail" });
    expect(audit.items[0]).toMatchObject({ actor: "maya@acme.example", action: "update" });
  });
});
