import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { toJsonMoves, toJsonWhatIf } from "../../src/engine/json-report.js";
import { proposeMoves } from "../../src/engine/moves/propose-moves.js";
import { whatIf } from "../../src/engine/what-if/what-if.js";
import { buildServer } from "../../src/server/app.js";
import type { Store } from "../../src/store/index.js";
import { examplePlan, exampleText } from "../support/acme.js";
import { TEST_DATABASES } from "../support/databases.js";

const API = "/api/v1";
const TODAY = "2026-09-20";

for (const database of TEST_DATABASES) {
  describe(`what-if, moves and apply over HTTP on ${database.name}`, () => {
    let store: Store;
    let app: FastifyInstance;

    beforeAll(async () => {
      store = await database.open({ today: () => TODAY });
      app = await buildServer({ store, auth: false, today: () => TODAY });
      for (const slug of ["acme", "apply"]) {
        await app.inject({ method: "POST", url: `${API}/workspaces`, payload: { slug, name: slug } });
        await app.inject({
          method: "PUT",
          url: `${API}/workspaces/${slug}/plan`,
          headers: { "content-type": "application/yaml" },
          payload: exampleText(),
        });
      }
    }, 120_000);
    afterAll(async () => {
      await app?.close();
      await store?.close();
      await database.cleanup();
    });

    const version = async (slug: string) => (await store.workspaces.getWorkspace(slug)).version;

    it("simulates changes exactly as the engine does, and writes nothing", async () => {
      const before = await version("acme");
      const changes = [
        { op: "stop", initiative: "custom-themes" },
        { op: "owner", priority: "pos-partners", person: "priya" },
      ] as const;
      const res = await app.inject({
        method: "POST",
        url: `${API}/workspaces/acme/what-if`,
        payload: { changes },
      });
      expect(res.statusCode).toBe(200);
      const plan = examplePlan();
      const expected = whatIf(plan, [...changes], { asOf: plan.asOf ?? TODAY });
      if (!expected.ok) throw new Error("example changed");
      expect(res.json()).toEqual(JSON.parse(JSON.stringify(toJsonWhatIf(expected))));
      expect(res.json().freed).toEqual({ "product-eng": 6, design: 2 });
      expect(await version("acme")).toBe(before);
    });

    it("names a bad reference by its path in the changes, and a malformed change by its field", async () => {
      const bad = await app.inject({
        method: "POST",
        url: `${API}/workspaces/acme/what-if`,
        payload: { changes: [{ op: "drop", priority: "customer-experiance" }] },
      });
      expect(bad.statusCode).toBe(422);
      expect(bad.json().errors).toEqual([
        {
          path: "changes[0].priority",
          message: 'no priority "customer-experiance" in the plan — did you mean "customer-experience"?',
        },
      ]);
      const malformed = await app.inject({
        method: "POST",
        url: `${API}/workspaces/acme/what-if`,
        payload: { changes: [{ op: "move", from: "a", to: "b", team: "t", fte: -1 }] },
      });
      expect(malformed.statusCode).toBe(422);
      expect(JSON.stringify(malformed.json().errors)).toContain("fte");
    });

    it("answers GET /analysis/moves with the engine's moves, each with the index after", async () => {
      const res = await app.inject({ method: "GET", url: `${API}/workspaces/acme/analysis/moves` });
      expect(res.statusCode).toBe(200);
      const plan = examplePlan();
      const expected = proposeMoves(plan, { asOf: plan.asOf ?? TODAY });
      expect(res.json().moves).toEqual(JSON.parse(JSON.stringify(toJsonMoves(expected.moves, plan))));
      expect(res.json().moves.length).toBeGreaterThan(0);
      const indexes = res.json().moves.map((m: { indexAfter: number }) => m.indexAfter);
      expect(indexes).toEqual([...indexes].sort((a, b) => b - a));
      expect(indexes[0]).toBeLessThan(res.json().before.overall);
    });

    it("applies changes as one audited change that the analysis then shows; a stale ETag changes nothing", async () => {
      const start = await version("apply");
      const stale = await app.inject({
        method: "POST",
        url: `${API}/workspaces/apply/apply`,
        headers: { "if-match": `"${start - 1}"` },
        payload: { changes: [{ op: "stop", initiative: "legacy-report-builder" }] },
      });
      expect(stale.statusCode).toBe(412);
      expect(await version("apply")).toBe(start);

      const res = await app.inject({
        method: "POST",
        url: `${API}/workspaces/apply/apply`,
        headers: { "if-match": `"${start}"` },
        payload: { changes: [{ op: "stop", initiative: "legacy-report-builder" }] },
      });
      expect(res.statusCode).toBe(200);
      expect(res.json().version).toBe(start + 1);
      expect(res.json().freed).toEqual({ "product-eng": 14 });
      const initiative = await store.workspaces.get("apply", "initiatives", "legacy-report-builder");
      expect(initiative.status).toBe("stopped");
      expect(initiative.allocation).toBeUndefined();
      const analysis = (await app.inject({ method: "GET", url: `${API}/workspaces/apply/analysis` })).json();
      expect(analysis.index).toEqual(res.json().after);
      const audit = await store.workspaces.listAudit("apply", { entityId: "legacy-report-builder" });
      expect(audit.items.map((a) => a.action)).toContain("update");

      const bad = await app.inject({
        method: "POST",
        url: `${API}/workspaces/apply/apply`,
        payload: {
          changes: [
            { op: "stop", initiative: "brand-refresh" },
            { op: "stop", initiative: "nope" },
          ],
        },
      });
      expect(bad.statusCode).toBe(422);
      expect((await store.workspaces.get("apply", "initiatives", "brand-refresh")).status).toBe("active");
      expect(await version("apply")).toBe(start + 1);
    });

    it("serves the offsite pack as a PDF download", async () => {
      const res = await app.inject({ method: "GET", url: `${API}/workspaces/acme/offsite-pack` });
      expect(res.statusCode).toBe(200);
      expect(res.headers["content-type"]).toBe("application/pdf");
      expect(res.headers["content-disposition"]).toMatch(
        /attachment; filename="acme-offsite-pack-\d{4}-\d{2}-\d{2}\.pdf"/,
      );
      expect(res.rawPayload.subarray(0, 5).toString()).toBe("%PDF-");
    });

    it("documents the three routes in OpenAPI with their request and response schemas", async () => {
      const doc = (await app.inject({ method: "GET", url: `${API}/openapi.json` })).json();
      const whatIfRoute = doc.paths["/api/v1/workspaces/{ws}/what-if"]?.post;
      expect(whatIfRoute.requestBody).toBeDefined();
      expect(whatIfRoute.responses["200"]).toBeDefined();
      expect(doc.paths["/api/v1/workspaces/{ws}/analysis/moves"]?.get.responses["200"]).toBeDefined();
      expect(doc.paths["/api/v1/workspaces/{ws}/apply"]?.post.requestBody).toBeDefined();
    });
  });
}
