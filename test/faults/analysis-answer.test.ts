import { brotliDecompressSync, gunzipSync } from "node:zlib";
import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { JsonFinding, JsonReport } from "../../src/engine/json-report.js";
import { buildServer } from "../../src/server/app.js";
import type { Store } from "../../src/store/index.js";
import { examplePlan } from "../support/acme.js";
import { TEST_DATABASES } from "../support/databases.js";

/* Issue 15.7: GET /analysis compressed, answered 304 to a matching If-None-Match, and paged. */
const API = "/api/v1";
const URL = `${API}/workspaces/acme/analysis`;

for (const database of TEST_DATABASES.slice(0, 1)) {
  describe(`GET /analysis: compression, ETags, pages (${database.name})`, () => {
    let store: Store;
    let app: FastifyInstance;
    let full: JsonReport;
    beforeAll(async () => {
      store = await database.open({ today: () => "2026-09-20" });
      await store.workspaces.replacePlan("acme", examplePlan(), { actor: "test" });
      app = await buildServer({ store, auth: false, today: () => "2026-09-20" });
      full = (await app.inject({ method: "GET", url: URL })).json();
    }, 120_000);
    afterAll(async () => {
      await app?.close();
      await store?.close();
      await database.cleanup();
    });

    it("answers the whole contract without parameters: index and every finding, nothing added", () => {
      expect(Object.keys(full).sort()).toEqual(["findings", "index"]);
      expect(full.findings.length).toBeGreaterThan(5);
    });

    it("compresses with brotli or gzip as Accept-Encoding asks, to the same JSON", async () => {
      const plain = await app.inject({ method: "GET", url: URL });
      for (const [accept, encoding, unpack] of [
        ["gzip, deflate, br", "br", brotliDecompressSync],
        ["gzip", "gzip", gunzipSync],
        ["br;q=0.1, gzip;q=0.9", "gzip", gunzipSync],
      ] as const) {
        const res = await app.inject({ method: "GET", url: URL, headers: { "accept-encoding": accept } });
        expect(res.headers["content-encoding"], accept).toBe(encoding);
        expect(res.rawPayload.length).toBeLessThan(plain.rawPayload.length / 3);
        expect(unpack(res.rawPayload).toString()).toBe(plain.body);
      }
      const identity = await app.inject({
        method: "GET",
        url: URL,
        headers: { "accept-encoding": "identity" },
      });
      expect(identity.headers["content-encoding"]).toBeUndefined();
      expect(identity.body).toBe(plain.body);
    });

    it("answers 304 to If-None-Match with the current ETag, and 200 again once the plan changed", async () => {
      const first = await app.inject({ method: "GET", url: URL });
      const tag = first.headers.etag as string;
      const again = await app.inject({ method: "GET", url: URL, headers: { "if-none-match": tag } });
      expect(again.statusCode).toBe(304);
      expect(again.body).toBe("");
      const otherDay = await app.inject({
        method: "GET",
        url: `${URL}?asOf=2026-07-01`,
        headers: { "if-none-match": tag },
      });
      expect(otherDay.statusCode).toBe(200);
      await store.workspaces.create(
        "acme",
        "insights",
        { id: "etag-change", date: "2026-09-01", summary: "A change" },
        { actor: "test" },
      );
      const changed = await app.inject({ method: "GET", url: URL, headers: { "if-none-match": tag } });
      expect(changed.statusCode).toBe(200);
      expect(changed.headers.etag).not.toBe(tag);
      full = changed.json();
    });

    it("pages findings with ?limit&cursor: every finding once, in the contract's order", async () => {
      const seen: JsonFinding[] = [];
      let cursor: string | null = null;
      let pages = 0;
      do {
        const res: { statusCode: number; json(): unknown } = await app.inject({
          method: "GET",
          url: `${URL}?limit=4${cursor ? `&cursor=${cursor}` : ""}`,
        });
        expect(res.statusCode).toBe(200);
        const page = res.json() as JsonReport & { total: number; nextCursor: string | null };
        expect(page.index).toEqual(full.index);
        expect(page.total).toBe(full.findings.length);
        expect(page.findings.length).toBeLessThanOrEqual(4);
        seen.push(...page.findings);
        cursor = page.nextCursor;
        pages++;
      } while (cursor && pages < 100);
      expect(seen).toEqual(full.findings);
      expect(pages).toBe(Math.ceil(full.findings.length / 4));
    });

    it("filters findings by rule, severity and subject", async () => {
      const get = async (query: string) =>
        (await app.inject({ method: "GET", url: `${URL}?${query}` })).json();
      const rule = full.findings[0].rule;
      expect((await get(`rule=${rule}`)).findings).toEqual(full.findings.filter((f) => f.rule === rule));
      expect((await get("severity=warning,info")).findings).toEqual(
        full.findings.filter((f) => f.severity !== "error"),
      );
      const subject = full.findings[full.findings.length - 1].subject;
      expect((await get(`subject=${subject.type}:${subject.id}`)).findings).toEqual(
        full.findings.filter((f) => f.subject.type === subject.type && f.subject.id === subject.id),
      );
      expect((await get(`subject=${subject.id}`)).findings).toEqual(
        full.findings.filter((f) => f.subject.id === subject.id),
      );
    });

    it("refuses a cursor it did not give and an unknown severity, naming the parameter", async () => {
      const bad = await app.inject({ method: "GET", url: `${URL}?cursor=nonsense` });
      expect(bad.statusCode).toBeGreaterThanOrEqual(400);
      expect(bad.statusCode).toBeLessThan(500);
      expect(JSON.stringify(bad.json())).toMatch(/cursor/);
      const severity = await app.inject({ method: "GET", url: `${URL}?severity=fatal` });
      expect(severity.statusCode).toBe(422);
    });
  });
}
