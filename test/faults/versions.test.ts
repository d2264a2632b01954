import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildServer } from "../../src/server/app.js";
import type { Store } from "../../src/store/index.js";
import { examplePlan } from "../support/acme.js";
import { TEST_DATABASES } from "../support/databases.js";

/* Issue 15.4: versions never repeat for an id within a workspace, so a stale ETag stays stale. */
const API = "/api/v1";

for (const database of TEST_DATABASES) {
  describe(`item versions on ${database.name}`, () => {
    let store: Store;
    let app: FastifyInstance;
    beforeAll(async () => {
      store = await database.open({ today: () => "2026-09-20" });
      await store.workspaces.replacePlan("acme", examplePlan(), { actor: "test" });
      app = await buildServer({ store, auth: false, today: () => "2026-09-20" });
    }, 120_000);
    afterAll(async () => {
      await app?.close();
      await store?.close();
      await database.cleanup();
    });

    const insight = { id: "again", date: "2026-09-01", summary: "First text" };

    it("refuses a PATCH with the ETag of a deleted item once the id is created again (412)", async () => {
      const created = await app.inject({
        method: "POST",
        url: `${API}/workspaces/acme/insights`,
        payload: insight,
      });
      expect(created.statusCode).toBe(201);
      const staleTag = created.headers.etag as string;
      const removed = await app.inject({
        method: "DELETE",
        url: `${API}/workspaces/acme/insights/again`,
        headers: { "if-match": staleTag },
      });
      expect(removed.statusCode).toBe(204);
      const recreated = await app.inject({
        method: "POST",
        url: `${API}/workspaces/acme/insights`,
        payload: { ...insight, summary: "Second text" },
      });
      expect(recreated.statusCode).toBe(201);
      expect(recreated.headers.etag).not.toBe(staleTag);

      const stale = await app.inject({
        method: "PATCH",
        url: `${API}/workspaces/acme/insights/again`,
        headers: { "if-match": staleTag },
        payload: { summary: "Overwritten by a stale client" },
      });
      expect(stale.statusCode).toBe(412);
      expect(stale.json().current.summary).toBe("Second text");
      const fresh = await app.inject({
        method: "PATCH",
        url: `${API}/workspaces/acme/insights/again`,
        headers: { "if-match": recreated.headers.etag as string },
        payload: { summary: "Third text" },
      });
      expect(fresh.statusCode).toBe(200);
    });

    it("gives each change of an item a version it never had", async () => {
      const seen = new Set<string>();
      let tag = (await app.inject({ method: "GET", url: `${API}/workspaces/acme/insights/again` })).headers
        .etag as string;
      seen.add(tag);
      for (const summary of ["a", "b", "c"]) {
        const res = await app.inject({
          method: "PATCH",
          url: `${API}/workspaces/acme/insights/again`,
          headers: { "if-match": tag },
          payload: { summary },
        });
        tag = res.headers.etag as string;
        expect(seen.has(tag)).toBe(false);
        seen.add(tag);
      }
    });
  });
}
