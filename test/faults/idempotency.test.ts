import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildServer } from "../../src/server/app.js";
import { issueApiToken } from "../../src/server/auth/accounts.js";
import type { Actor } from "../../src/server/auth/actor.js";
import { authConfig } from "../../src/server/auth/auth-config.js";
import { idempotencyScope } from "../../src/server/idempotency.js";
import type { ApiToken } from "../../src/store/auth/api-tokens.js";
import { authDb } from "../../src/store/auth/auth-db.js";
import type { Store } from "../../src/store/index.js";
import { examplePlan } from "../support/acme.js";
import { TEST_DATABASES } from "../support/databases.js";

/*
 * Idempotency-Key on every side-effecting POST (issue 14.7): scoped by caller and route, a
 * pending key answers 409 with Retry-After, a 5xx frees the key unless its write committed.
 */
const API = "/api/v1";

for (const database of TEST_DATABASES) {
  describe(`Idempotency-Key on ${database.name}`, () => {
    let store: Store;
    let app: FastifyInstance;
    let editor: Record<string, string>;
    let otherEditor: Record<string, string>;
    let admin: Record<string, string>;
    let failures = 0;
    let editorToken: ApiToken | undefined;

    beforeAll(async () => {
      store = await database.open({ today: () => "2026-09-20" });
      await store.workspaces.replacePlan("acme", examplePlan(), { actor: "test" });
      const ws = await store.workspaces.getWorkspace("acme");
      const token = async (role: string) => {
        const issued = await issueApiToken(
          authDb(store.db),
          { workspaceId: ws.id, role, createdBy: null },
          authConfig(),
        );
        if (role === "editor") editorToken ??= issued.token;
        return { authorization: `Bearer ${issued.secret}` };
      };
      editor = await token("editor");
      otherEditor = await token("editor");
      admin = await token("admin");
      app = await buildServer({ store, today: () => "2026-09-20" });
      // A route that writes, then fails on the server's side `failures` times.
      app.post(
        `${API}/workspaces/:ws/test-failing-write`,
        { config: { permission: "workspace:read" } },
        async (request) => {
          const { write } = request.body as { write: boolean };
          if (write)
            await store.workspaces.create(
              "acme",
              "insights",
              { id: `written-${Date.now()}`, date: "2026-09-01", summary: "x" },
              { actor: "t" },
            );
          if (failures > 0) {
            failures--;
            throw new Error("boom");
          }
          return { ok: true };
        },
      );
      await app.ready();
    }, 120_000);
    afterAll(async () => {
      await app?.close();
      await store?.close();
      await database.cleanup();
    });

    const checkin = (headers: Record<string, string>, key: string, value = 31, metric = "retail-nps") =>
      app.inject({
        method: "POST",
        url: `${API}/workspaces/acme/metrics/${metric}/checkins`,
        headers: { ...headers, "idempotency-key": key },
        payload: { date: "2026-09-19", value },
      });
    const checkinsOn = async (metric: string, value: number) =>
      ((await store.workspaces.get("acme", "metrics", metric)).checkins as { value: number }[]).filter(
        (c) => c.value === value,
      ).length;

    it("makes one token from two POST /tokens with one key (the account routes too)", async () => {
      const post = () =>
        app.inject({
          method: "POST",
          url: `${API}/workspaces/acme/tokens`,
          headers: { ...admin, "idempotency-key": "one-token" },
          payload: { name: "ci", role: "viewer" },
        });
      const first = await post();
      const retry = await post();
      expect(first.statusCode).toBe(201);
      expect(retry.statusCode).toBe(201);
      expect(retry.headers["idempotent-replayed"]).toBe("true");
      const list = await app.inject({ method: "GET", url: `${API}/workspaces/acme/tokens`, headers: admin });
      const named = (list.json().items as { name: string }[]).filter((t) => t.name === "ci");
      expect(named).toHaveLength(1);
    });

    it("scopes keys by caller: another caller's same key is another request", async () => {
      expect((await checkin(editor, "shared-key", 41)).statusCode).toBe(201);
      const other = await checkin(otherEditor, "shared-key", 41);
      expect(other.statusCode).toBe(201);
      expect(other.headers["idempotent-replayed"]).toBeUndefined();
      expect(await checkinsOn("retail-nps", 41)).toBe(2);
    });

    it("scopes keys by route: the same key on another route runs", async () => {
      expect((await checkin(editor, "route-key", 42, "retail-nps")).statusCode).toBe(201);
      const elsewhere = await checkin(editor, "route-key", 42, "activation");
      expect(elsewhere.statusCode).toBe(201);
      expect(elsewhere.headers["idempotent-replayed"]).toBeUndefined();
      expect(await checkinsOn("activation", 42)).toBe(1);
    });

    it("answers 409 with Retry-After while the key's request still runs, and writes nothing", async () => {
      const url = `${API}/workspaces/acme/metrics/retail-nps/checkins`;
      // The scope the server gives this caller: hold the key as a live request of this process would.
      const scope = idempotencyScope({ kind: "token", token: editorToken } as Actor, url);
      const body = { date: "2026-09-19", value: 43 };
      const { requestHash } = await import("../../src/store/index.js");
      const held = await store.workspaces.claimIdempotencyKey(scope, "held-key", requestHash(body));
      expect(held.state).toBe("claimed");
      const res = await checkin(editor, "held-key", 43);
      expect(res.statusCode).toBe(409);
      expect(Number(res.headers["retry-after"])).toBeGreaterThan(0);
      expect(await checkinsOn("retail-nps", 43)).toBe(0);
    });

    it("frees the key after a 5xx that wrote nothing, so the retry runs", async () => {
      failures = 1;
      const post = () =>
        app.inject({
          method: "POST",
          url: `${API}/workspaces/acme/test-failing-write`,
          headers: { ...editor, "idempotency-key": "fails-once" },
          payload: { write: false },
        });
      expect((await post()).statusCode).toBe(500);
      const retry = await post();
      expect(retry.statusCode).toBe(200);
      expect(retry.headers["idempotent-replayed"]).toBeUndefined();
      expect(retry.json()).toEqual({ ok: true });
    });

    it("never runs again a request whose write committed before its 5xx", async () => {
      failures = 1;
      const count = async () => (await store.workspaces.readPlan("acme")).plan.insights?.length ?? 0;
      const before = await count();
      const post = () =>
        app.inject({
          method: "POST",
          url: `${API}/workspaces/acme/test-failing-write`,
          headers: { ...editor, "idempotency-key": "wrote-then-failed" },
          payload: { write: true },
        });
      expect((await post()).statusCode).toBe(500);
      const retry = await post();
      expect(retry.statusCode).toBe(200);
      expect(retry.headers["idempotent-replayed"]).toBe("true");
      expect(await count()).toBe(before + 1);
    });
  });
}
