import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadPlan } from "../../src/plan/load-plan.js";
import { buildServer } from "../../src/server/app.js";
import type { Store } from "../../src/store/index.js";
import { TEST_DATABASES } from "../support/databases.js";

const API = "/api/v1";
const FIXTURES = join(import.meta.dirname, "..", "fixtures", "convert");
const okrCsv = readFileSync(join(FIXTURES, "okrs.csv"), "utf8");
const jiraCsv = readFileSync(join(FIXTURES, "jira-export.csv"), "utf8");

for (const database of TEST_DATABASES) {
  describe(`conversion over HTTP on ${database.name}`, () => {
    let store: Store;
    let app: FastifyInstance;

    beforeAll(async () => {
      store = await database.open({ today: () => "2026-05-01" });
      app = await buildServer({ store, auth: false, today: () => "2026-05-01" });
      await app.inject({
        method: "POST",
        url: `${API}/workspaces`,
        payload: { slug: "clinic", name: "Clinic" },
      });
    }, 120_000);
    afterAll(async () => {
      await app?.close();
      await store?.close();
      await database.cleanup();
    });

    const version = async (slug: string) => (await store.workspaces.getWorkspace(slug)).version;
    const exported = async (slug: string) => {
      const res = await app.inject({ method: "GET", url: `${API}/workspaces/${slug}/plan` });
      const loaded = loadPlan(res.body, { format: "yaml" });
      if (!loaded.ok) throw new Error(JSON.stringify(loaded.problems));
      return loaded.plan;
    };

    it("previews a document: report, plan and summary, and writes nothing", async () => {
      const before = await version("clinic");
      const res = await app.inject({
        method: "POST",
        url: `${API}/workspaces/clinic/convert/preview`,
        payload: {
          source: "okrs.csv",
          text: okrCsv,
          options: { cycleStart: "2026-04-01", cycleEnd: "2026-06-30" },
        },
      });
      expect(res.statusCode).toBe(200);
      const body = res.json();
      expect(body.report.from).toBe("csv");
      expect(body.report.cycle).toEqual({ start: "2026-04-01", end: "2026-06-30", assumed: false });
      expect(body.report.objectives).toHaveLength(4);
      expect(body.plan.metrics.length).toBeGreaterThan(5);
      expect(body.summary[0]).toMatch(/^okrs\.csv: 4 objectives/);
      expect(body.confirmations).toContainEqual(expect.objectContaining({ what: "theme", line: 11 }));
      expect(body.merge.priorities).toEqual({ added: 4, updated: 0, kept: 0 });
      expect(await version("clinic")).toBe(before);
    });

    it("imports by merging: adds and updates by id, keeps the rest; audit says what came in", async () => {
      // Something of the workspace's own that the document does not mention is kept.
      const own = await app.inject({
        method: "POST",
        url: `${API}/workspaces/clinic/people`,
        payload: { id: "ceo-of-record", name: "Rosa Lind" },
      });
      expect(own.statusCode).toBe(201);
      const first = await app.inject({
        method: "POST",
        url: `${API}/workspaces/clinic/convert/import`,
        payload: { source: "okrs.csv", text: okrCsv, mode: "merge" },
      });
      expect(first.statusCode).toBe(200);
      expect(first.json().summary.people).toEqual({ added: 5, updated: 0, kept: 1 });
      let plan = await exported("clinic");
      expect(plan.people.map((p) => p.id)).toContain("ceo-of-record");
      expect(plan.priorities).toHaveLength(4);
      // The tracker export merges in beside it, its initiatives linked to priorities by label.
      const second = await app.inject({
        method: "POST",
        url: `${API}/workspaces/clinic/convert/import`,
        payload: { source: "jira.csv", text: jiraCsv, options: { linkColumn: "Labels" } },
      });
      expect(second.statusCode).toBe(200);
      expect(second.json().summary.people.updated).toBeGreaterThan(0);
      plan = await exported("clinic");
      expect(plan.priorities.map((p) => p.title)).toEqual(
        expect.arrayContaining(["Make onboarding the reason small clinics stay", "onboarding"]),
      );
      expect(plan.initiatives?.length).toBe(4);
      expect(plan.metrics?.length).toBeGreaterThan(5);
      const audit = await app.inject({
        method: "GET",
        url: `${API}/workspaces/clinic/audit?entityType=workspace`,
      });
      const actions = audit.json().items.map((e: { action: string }) => e.action);
      expect(actions).toEqual(expect.arrayContaining(["convert-merge"]));
    });

    it("imports a corrected preview plan, and refuses an invalid one with nothing written", async () => {
      const preview = await app.inject({
        method: "POST",
        url: `${API}/convert/preview`,
        payload: { source: "okrs.csv", text: okrCsv },
      });
      const plan = preview.json().plan;
      // The person picked an owner for the objective the sheet left without one.
      plan.priorities[0].owner = "priya-natarajan";
      const created = await app.inject({
        method: "POST",
        url: `${API}/convert/workspaces`,
        payload: { source: "okrs.csv", slug: "clinic-q2", name: "Clinic Q2", plan },
      });
      expect(created.statusCode).toBe(201);
      expect((await exported("clinic-q2")).priorities[0]?.owner).toBe("priya-natarajan");
      const again = await app.inject({
        method: "POST",
        url: `${API}/convert/workspaces`,
        payload: { source: "okrs.csv", slug: "clinic-q2", plan },
      });
      expect(again.statusCode).toBe(409);
      const before = await version("clinic-q2");
      plan.priorities[0].owner = "nobody-we-know";
      const bad = await app.inject({
        method: "POST",
        url: `${API}/workspaces/clinic-q2/convert/import`,
        payload: { source: "okrs.csv", plan, mode: "replace" },
      });
      expect(bad.statusCode).toBe(422);
      expect(bad.json().errors[0].path).toContain("priorities[0].owner");
      expect(await version("clinic-q2")).toBe(before);
    });

    it("round trip: convert → import → export → lint agrees with the converted plan", async () => {
      const preview = await app.inject({
        method: "POST",
        url: `${API}/convert/preview`,
        payload: { source: "jira.csv", text: jiraCsv, options: { linkColumn: "Labels" } },
      });
      await app.inject({
        method: "POST",
        url: `${API}/convert/workspaces`,
        payload: { source: "jira.csv", slug: "tracker", text: jiraCsv, options: { linkColumn: "Labels" } },
      });
      const plan = await exported("tracker");
      const converted = preview.json().plan;
      expect(plan.initiatives?.map((i) => [i.id, i.owner, i.status, i.priorities])).toEqual(
        converted.initiatives.map((i: Record<string, unknown>) => [i.id, i.owner, i.status, i.priorities]),
      );
      expect(plan.priorities.map((p) => p.id)).toEqual(converted.priorities.map((p: { id: string }) => p.id));
    });

    it("refuses a 50 MB upload before reading it, with the limit in the message, and writes nothing", async () => {
      const before = await version("clinic");
      const res = await app.inject({
        method: "POST",
        url: `${API}/workspaces/clinic/convert/import`,
        headers: { "content-type": "application/json" },
        payload: JSON.stringify({ source: "huge.csv", text: "a".repeat(50 * 1024 * 1024) }),
      });
      expect(res.statusCode).toBe(413);
      expect(res.headers["content-type"]).toContain("application/problem+json");
      expect(res.json().detail).toMatch(/too large to convert: the limit is 20 MB.*nothing was written/);
      expect(await version("clinic")).toBe(before);
    });

    it("refuses a spreadsheet over its format's limit with 413, before converting it", async () => {
      const big = `Objective,Key result\n${"Grow,Raise it\n".repeat(700_000)}`;
      const res = await app.inject({
        method: "POST",
        url: `${API}/workspaces/clinic/convert/preview`,
        payload: { source: "big.csv", text: big },
      });
      expect(res.statusCode).toBe(413);
      expect(res.json().detail).toMatch(
        /big\.csv: 9\.\d MB is too large to convert \(the limit is 8\.0 MB\)/,
      );
    });

    it("refuses binary, empty and headerless documents clearly, writing nothing", async () => {
      const before = await version("clinic");
      const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d]).toString(
        "base64",
      );
      const cases: [object, RegExp][] = [
        [{ source: "logo.csv", base64: png }, /binary file/],
        [{ source: "empty.csv", text: "" }, /empty/],
        [{ source: "budget.csv", text: "Line,Amount\nRent,1200\n" }, /no recognisable OKR header/],
        [{ source: "okrs.csv", text: "x", base64: "eA==" }, /exactly one of text, base64 or plan/],
      ];
      for (const [payload, message] of cases) {
        const res = await app.inject({
          method: "POST",
          url: `${API}/workspaces/clinic/convert/import`,
          payload,
        });
        expect(res.statusCode, JSON.stringify(payload)).toBe(422);
        expect(JSON.stringify(res.json())).toMatch(message);
      }
      expect(await version("clinic")).toBe(before);
    });

    it("documents the routes in OpenAPI", async () => {
      const doc = (await app.inject({ method: "GET", url: `${API}/openapi.json` })).json();
      for (const path of [
        "/api/v1/convert/preview",
        "/api/v1/workspaces/{ws}/convert/preview",
        "/api/v1/workspaces/{ws}/convert/import",
        "/api/v1/convert/workspaces",
      ])
        expect(doc.paths[path]?.post, path).toBeDefined();
      const schema = JSON.stringify(doc.paths["/api/v1/workspaces/{ws}/convert/import"].post);
      expect(schema).toContain("linkColumn");
      expect(schema).toContain('"merge"');
    });
  });
}
