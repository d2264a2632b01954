import ExcelJS from "exceljs";
import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildServer } from "../../src/server/app.js";
import type { Store } from "../../src/store/index.js";
import { exampleText } from "../support/acme.js";
import { TEST_DATABASES } from "../support/databases.js";

const API = "/api/v1";
const TODAY = "2026-09-15";

for (const database of TEST_DATABASES) {
  describe(`check-ins in bulk and the analysis date on ${database.name}`, () => {
    let store: Store;
    let app: FastifyInstance;

    beforeAll(async () => {
      store = await database.open({ today: () => TODAY });
      app = await buildServer({ store, auth: false, today: () => TODAY });
      const plan = exampleText().replace(/^asOf: .*$/m, "");
      for (const slug of ["acme", "pinned"])
        await app.inject({
          method: "PUT",
          url: `${API}/workspaces/${slug}/plan`,
          headers: { "content-type": "application/yaml" },
          payload: slug === "pinned" ? exampleText() : plan,
        });
    }, 120_000);
    afterAll(async () => {
      await app?.close();
      await store?.close();
      await database.cleanup();
    });

    const findings = async (rule: string) =>
      (
        (await app.inject({ method: "GET", url: `${API}/workspaces/acme/analysis` })).json() as {
          findings: { rule: string; subject: { id: string } }[];
        }
      ).findings
        .filter((f) => f.rule === rule)
        .map((f) => f.subject.id);
    const checkinCount = async (id: string) =>
      ((await store.workspaces.get("acme", "metrics", id)).checkins as unknown[] | undefined)?.length ?? 0;

    it("says the day a workspace is analysed as of: today unless the plan pins it", async () => {
      const today = await app.inject({ method: "GET", url: `${API}/workspaces/acme/analysis/date` });
      expect(today.json()).toEqual({ asOf: TODAY, pinned: false, today: TODAY });
      const pinned = await app.inject({ method: "GET", url: `${API}/workspaces/pinned/analysis/date` });
      expect(pinned.json()).toEqual({ asOf: "2026-09-15", pinned: true, today: TODAY });
    });

    it("gives the plan as it stood on an earlier day", async () => {
      const res = await app.inject({
        method: "GET",
        url: `${API}/workspaces/acme/plan?asOf=2026-06-15`,
        headers: { accept: "application/json" },
      });
      const plan = res.json() as { asOf: string; metrics: { id: string; checkins?: { date: string }[] }[] };
      expect(plan.asOf).toBe("2026-06-15");
      const nps = plan.metrics.find((m) => m.id === "retail-nps");
      expect(nps?.checkins?.map((c) => c.date)).toEqual(["2026-03-31"]);
    });

    it("records check-ins for two metrics in one request and closes their metric-stale findings", async () => {
      expect(await findings("metric-stale")).toEqual(
        expect.arrayContaining(["time-to-first-dashboard", "activation"]),
      );
      const res = await app.inject({
        method: "POST",
        url: `${API}/workspaces/acme/checkins`,
        payload: {
          checkins: [
            { metric: "time-to-first-dashboard", date: TODAY, value: 30, note: "two pilots live" },
            { metric: "activation", date: TODAY, value: 12 },
          ],
        },
      });
      expect(res.statusCode).toBe(201);
      expect(res.json()).toMatchObject({ recorded: 2, metrics: ["time-to-first-dashboard", "activation"] });
      const stale = await findings("metric-stale");
      expect(stale).not.toContain("time-to-first-dashboard");
      expect(stale).not.toContain("activation");
      const audit = await store.workspaces.listAudit("acme", { entityType: "checkin" });
      expect(audit.items.map((a) => a.entityId)).toEqual(
        expect.arrayContaining(["time-to-first-dashboard", "activation"]),
      );
    });

    it("writes nothing when one row is invalid, and names the row", async () => {
      const before = await checkinCount("retail-nps");
      const res = await app.inject({
        method: "POST",
        url: `${API}/workspaces/acme/checkins`,
        payload: {
          checkins: [
            { metric: "retail-nps", date: TODAY, value: 26 },
            { metric: "no-such-metric", date: TODAY, value: 1 },
          ],
        },
      });
      expect(res.statusCode).toBe(422);
      expect(res.json().errors).toEqual([
        { path: "checkins[1].metric", message: 'no metric "no-such-metric" in this workspace' },
      ]);
      const badDate = await app.inject({
        method: "POST",
        url: `${API}/workspaces/acme/checkins`,
        payload: { checkins: [{ metric: "retail-nps", date: "2026-13-01", value: 26 }] },
      });
      expect(badDate.statusCode).toBe(422);
      expect(badDate.json().errors[0].path).toBe("checkins[0].date");
      expect(await checkinCount("retail-nps")).toBe(before);
    });

    it("previews an uploaded CSV, refuses it with row numbers while a row is invalid, and records the valid rows when told to skip", async () => {
      const csv = `metric,date,value,note\nretail-nps,${TODAY},27,survey\nMid-market retail NPS,2026-09-16,28,\nretail-nps,yesterday,1,\n`;
      const upload = (query: string) =>
        app.inject({
          method: "POST",
          url: `${API}/workspaces/acme/checkins/upload${query}`,
          headers: { "content-type": "text/csv" },
          payload: csv,
        });
      const before = await checkinCount("retail-nps");
      const preview = await upload("?dryRun=true");
      expect(preview.statusCode).toBe(200);
      expect(preview.json()).toMatchObject({
        dryRun: true,
        recorded: 0,
        rows: [
          { row: 2, metric: "retail-nps", note: "survey" },
          { row: 3, metric: "retail-nps" },
        ],
        problems: [{ row: 4, column: "date", message: '"yesterday" is not a date (YYYY-MM-DD)' }],
      });
      const refused = await upload("");
      expect(refused.statusCode).toBe(422);
      expect(refused.json().errors).toEqual([
        { path: "row 4.date", message: '"yesterday" is not a date (YYYY-MM-DD)' },
      ]);
      expect(await checkinCount("retail-nps")).toBe(before);
      const skipped = await upload("?skipInvalid=true");
      expect(skipped.statusCode).toBe(201);
      expect(skipped.json()).toMatchObject({ recorded: 2, problems: [{ row: 4 }] });
      expect(await checkinCount("retail-nps")).toBe(before + 2);
    });

    it("records an uploaded XLSX sheet", async () => {
      const workbook = new ExcelJS.Workbook();
      const sheet = workbook.addWorksheet("Week 38");
      sheet.addRow(["Metric", "Date", "Value"]);
      sheet.addRow(["partner-arr", new Date(Date.UTC(2026, 8, 15)), 1_000_000]);
      const before = await checkinCount("partner-arr");
      const res = await app.inject({
        method: "POST",
        url: `${API}/workspaces/acme/checkins/upload`,
        headers: { "content-type": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" },
        payload: Buffer.from(await workbook.xlsx.writeBuffer()),
      });
      expect(res.statusCode).toBe(201);
      expect(await checkinCount("partner-arr")).toBe(before + 1);
    });

    it("documents the new routes in OpenAPI with their schemas", async () => {
      const doc = (await app.inject({ method: "GET", url: `${API}/openapi.json` })).json();
      const batch = doc.paths["/api/v1/workspaces/{ws}/checkins"].post;
      expect(batch.requestBody.content["application/json"].schema.properties.checkins).toBeDefined();
      expect(batch.responses["201"]).toBeDefined();
      expect(doc.paths["/api/v1/workspaces/{ws}/analysis/date"].get.responses["200"]).toBeDefined();
      expect(doc.paths["/api/v1/workspaces/{ws}/checkins/upload"].post).toBeDefined();
    });
  });
}
