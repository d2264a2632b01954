import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildServer } from "../../src/server/app.js";
import type { Store } from "../../src/store/index.js";
import { exampleText } from "../support/acme.js";
import { TEST_DATABASES } from "../support/databases.js";

const API = "/api/v1";

/** The API carries the plan-format additions of issue 10 and documents them in OpenAPI. */
for (const database of TEST_DATABASES) {
  describe(`objective-tree fields over HTTP on ${database.name}`, () => {
    let store: Store;
    let app: FastifyInstance;
    const ws = `${API}/workspaces/tree`;
    beforeAll(async () => {
      store = await database.open({ today: () => "2026-05-15" });
      app = await buildServer({ store, auth: false, today: () => "2026-05-15" });
      await app.inject({ method: "POST", url: `${API}/workspaces`, payload: { slug: "tree", name: "Tree" } });
      const put = await app.inject({
        method: "PUT",
        url: `${ws}/plan`,
        headers: { "content-type": "application/yaml" },
        payload: exampleText("fernway-tree.yaml"),
      });
      expect(put.statusCode).toBeLessThan(300);
    }, 120_000);
    afterAll(async () => {
      await app?.close();
      await store?.close();
      await database.cleanup();
    });

    it("round-trips a team objective beneath a priority, a key-result owner and an initiative's metrics", async () => {
      const created = await app.inject({
        method: "POST",
        url: `${ws}/priorities`,
        payload: {
          id: "support-calls",
          title: "Support: setup calls in week one",
          parent: "commuters-ride-daily",
          team: "support",
          owner: "ravi",
        },
      });
      expect(created.statusCode).toBe(201);
      const got = await app.inject({ method: "GET", url: `${ws}/priorities/support-calls` });
      expect(got.json()).toMatchObject({ parent: "commuters-ride-daily", team: "support" });

      const metric = await app.inject({ method: "GET", url: `${ws}/metrics/faults-per-1000` });
      const patched = await app.inject({
        method: "PATCH",
        url: `${ws}/metrics/faults-per-1000`,
        headers: { "if-match": metric.headers.etag as string },
        payload: { owner: "mira", target: 4.5 },
      });
      expect(patched.statusCode).toBe(200);
      expect(patched.json()).toMatchObject({ owner: "mira", target: 4.5 });

      const initiative = await app.inject({ method: "GET", url: `${ws}/initiatives/commuter-onboarding` });
      expect(initiative.json()).toMatchObject({ owner: ["ravi", "finn"], metrics: ["rides-per-week"] });
      const team = await app.inject({ method: "GET", url: `${ws}/teams/support` });
      expect(team.json().capacity).toBeUndefined();
    });

    it("refuses a parent that names no priority, at its field", async () => {
      const res = await app.inject({
        method: "POST",
        url: `${ws}/priorities`,
        payload: { id: "stray", title: "Stray", parent: "no-such-priority" },
      });
      expect(res.statusCode).toBe(422);
      expect(JSON.stringify(res.json())).toContain("parent");
    });

    it("reports the tree's findings and the index's not-assessed dimensions", async () => {
      const analysis = (await app.inject({ method: "GET", url: `${ws}/analysis` })).json();
      expect(analysis.index.notAssessed).toEqual([]);
      const rules = new Set(analysis.findings.map((f: { rule: string }) => f.rule));
      for (const rule of ["priority-not-cascaded", "initiative-shared-owner", "metric-no-target"])
        expect(rules.has(rule), rule).toBe(true);
      // Support now has an objective of its own beneath the company objective.
      const cascade = analysis.findings.find(
        (f: { rule: string; subject: { id: string } }) =>
          f.rule === "priority-not-cascaded" && f.subject.id === "commuters-ride-daily",
      );
      expect(cascade.evidence.teams.map((t: { id: string }) => t.id)).toEqual(["marketing"]);
    });

    it("documents the new fields in OpenAPI", async () => {
      const doc = (await app.inject({ method: "GET", url: `${API}/openapi.json` })).json();
      const text = JSON.stringify(doc.paths["/api/v1/workspaces/{ws}/priorities"].post.requestBody);
      expect(text).toContain('"parent"');
      expect(text).toContain('"team"');
      expect(JSON.stringify(doc.paths["/api/v1/workspaces/{ws}/metrics"].post.requestBody)).toContain(
        '"owner"',
      );
      expect(JSON.stringify(doc.paths["/api/v1/workspaces/{ws}/initiatives"].post.requestBody)).toContain(
        '"metrics"',
      );
    });
  });
}
