import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { analyse } from "../../src/engine/analyse.js";
import { toJsonReport } from "../../src/engine/json-report.js";
import { loadPlan } from "../../src/plan/load-plan.js";
import { buildServer } from "../../src/server/app.js";
import type { Store } from "../../src/store/index.js";
import { exampleText } from "../support/acme.js";
import { TEST_DATABASES } from "../support/databases.js";

const API = "/api/v1";
const yaml = { "content-type": "application/yaml" };

for (const database of TEST_DATABASES) {
  describe(`HTTP API on ${database.name}`, () => {
    let store: Store;
    let app: FastifyInstance;

    // Accounts and roles have their own suite (test/auth); this one is about the data.
    beforeAll(async () => {
      store = await database.open({ today: () => "2026-09-20" });
      app = await buildServer({
        store,
        auth: false,
        today: () => "2026-09-20",
        bodyLimit: 64 * 1024,
        planBodyLimit: 1024 * 1024,
      });
      for (const slug of ["acme", "hostile", "concurrency", "plans"]) {
        await app.inject({ method: "POST", url: `${API}/workspaces`, payload: { slug, name: slug } });
        await app.inject({
          method: "PUT",
          url: `${API}/workspaces/${slug}/plan`,
          headers: yaml,
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

    it("answers GET /analysis exactly as lint --format json, without location", async () => {
      const res = await app.inject({ method: "GET", url: `${API}/workspaces/acme/analysis` });
      expect(res.statusCode).toBe(200);
      const loaded = loadPlan(exampleText(), { fileName: "acme.yaml" });
      if (!loaded.ok) throw new Error("example invalid");
      expect(res.json()).toEqual(JSON.parse(JSON.stringify(toJsonReport(analyse(loaded.plan)))));
      expect(res.body).not.toContain('"location"');
      // A second request is served from the cache for the same version.
      const again = await app.inject({ method: "GET", url: `${API}/workspaces/acme/analysis` });
      expect(again.body).toBe(res.body);
      const asOf = await app.inject({
        method: "GET",
        url: `${API}/workspaces/acme/analysis?asOf=2026-03-01`,
      });
      expect(asOf.json().findings.length).not.toBe(res.json().findings.length);
    });

    it("gives the plan back as YAML or JSON; export → import → export is byte-identical", async () => {
      const first = await app.inject({ method: "GET", url: `${API}/workspaces/plans/plan` });
      expect(first.headers["content-type"]).toContain("application/yaml");
      const put = await app.inject({
        method: "PUT",
        url: `${API}/workspaces/plans/plan`,
        headers: { ...yaml, "if-match": first.headers.etag as string },
        payload: first.body,
      });
      expect(put.statusCode).toBe(200);
      const second = await app.inject({ method: "GET", url: `${API}/workspaces/plans/plan` });
      expect(second.body).toBe(first.body);
      const json = await app.inject({
        method: "GET",
        url: `${API}/workspaces/plans/plan`,
        headers: { accept: "application/json" },
      });
      expect(json.json().organisation).toBe("Acme Analytics");
      const stale = await app.inject({
        method: "PUT",
        url: `${API}/workspaces/plans/plan`,
        headers: { ...yaml, "if-match": first.headers.etag as string },
        payload: first.body,
      });
      expect(stale.statusCode).toBe(412);
    });

    it("without accounts, PUT /plan to a new slug creates the workspace and answers 201", async () => {
      const res = await app.inject({
        method: "PUT",
        url: `${API}/workspaces/brand-new/plan`,
        headers: yaml,
        payload: exampleText(),
      });
      expect(res.statusCode).toBe(201);
      expect((await store.workspaces.getWorkspace("brand-new")).organisation).toBe("Acme Analytics");
    });

    it("answers an invalid plan with 422 and every problem with its line, changing nothing", async () => {
      const before = await version("plans");
      const bad = exampleText()
        .replace("    owner: maya\n", "    ownr: maya\n")
        .replace("capacity: 110", "capacity: lots");
      const res = await app.inject({
        method: "PUT",
        url: `${API}/workspaces/plans/plan`,
        headers: yaml,
        payload: bad,
      });
      expect(res.statusCode).toBe(422);
      expect(res.headers["content-type"]).toContain("application/problem+json");
      const errors = res.json().errors as { path: string; line: number; message: string }[];
      expect(errors.length).toBe(2);
      expect(errors.every((e) => e.line > 0)).toBe(true);
      expect(await version("plans")).toBe(before);
    });

    it("uses ETags: GET gives one, PATCH and DELETE need If-Match (428), a stale one is 412 with the current item", async () => {
      const got = await app.inject({ method: "GET", url: `${API}/workspaces/acme/teams/design` });
      expect(got.headers.etag).toBe('"1"');
      const missing = await app.inject({
        method: "PATCH",
        url: `${API}/workspaces/acme/teams/design`,
        payload: { capacity: 14 },
      });
      expect(missing.statusCode).toBe(428);
      const ok = await app.inject({
        method: "PATCH",
        url: `${API}/workspaces/acme/teams/design`,
        headers: { "if-match": '"1"' },
        payload: { capacity: 14 },
      });
      expect(ok.statusCode).toBe(200);
      expect(ok.headers.etag).toBe('"2"');
      const stale = await app.inject({
        method: "PATCH",
        url: `${API}/workspaces/acme/teams/design`,
        headers: { "if-match": '"1"' },
        payload: { capacity: 9 },
      });
      expect(stale.statusCode).toBe(412);
      expect(stale.json().current).toMatchObject({
        id: "design",
        capacity: 14,
        version: 2,
        changedBy: "system",
      });
      const del = await app.inject({
        method: "DELETE",
        url: `${API}/workspaces/acme/insights/themes-unused`,
      });
      expect(del.statusCode).toBe(428);
    });

    it("creates, lists with a cursor, and deletes entries", async () => {
      const created = await app.inject({
        method: "POST",
        url: `${API}/workspaces/acme/insights`,
        payload: { id: "fresh", date: "2026-09-19", summary: "Buyers want exports" },
      });
      expect(created.statusCode).toBe(201);
      expect(created.json()).toMatchObject({ id: "fresh", version: 1 });
      const dup = await app.inject({
        method: "POST",
        url: `${API}/workspaces/acme/insights`,
        payload: { id: "fresh", date: "2026-09-19", summary: "Again" },
      });
      expect(dup.statusCode).toBe(409);
      const seen: string[] = [];
      let cursor: string | null = null;
      do {
        const page: { json(): { items: { id: string }[]; nextCursor: string | null } } = await app.inject({
          method: "GET",
          url: `${API}/workspaces/acme/insights?limit=2${cursor ? `&cursor=${cursor}` : ""}`,
        });
        expect(page.json().items.length).toBeLessThanOrEqual(2);
        seen.push(...page.json().items.map((i: { id: string }) => i.id));
        cursor = page.json().nextCursor;
      } while (cursor);
      expect(seen).toEqual([
        "setup-abandoned-at-import",
        "buyers-distrust-black-box",
        "themes-unused",
        "managers-want-mobile",
        "fresh",
      ]);
      const del = await app.inject({
        method: "DELETE",
        url: `${API}/workspaces/acme/insights/fresh`,
        headers: { "if-match": '"1"' },
      });
      expect(del.statusCode).toBe(204);
      expect(
        (await app.inject({ method: "GET", url: `${API}/workspaces/acme/insights/fresh` })).statusCode,
      ).toBe(404);
    });

    it("replays a POST with the same Idempotency-Key, refuses the key with another body", async () => {
      const url = `${API}/workspaces/acme/metrics/retail-nps/checkins`;
      const first = await app.inject({
        method: "POST",
        url,
        headers: { "idempotency-key": "abc" },
        payload: { date: "2026-09-18", value: 27 },
      });
      const retry = await app.inject({
        method: "POST",
        url,
        headers: { "idempotency-key": "abc" },
        payload: { date: "2026-09-18", value: 27 },
      });
      expect(first.statusCode).toBe(201);
      expect(retry.statusCode).toBe(201);
      expect(retry.headers["idempotent-replayed"]).toBe("true");
      expect(retry.json().checkins).toEqual(first.json().checkins);
      const metric = await app.inject({ method: "GET", url: `${API}/workspaces/acme/metrics/retail-nps` });
      expect(metric.json().checkins.filter((c: { date: string }) => c.date === "2026-09-18")).toHaveLength(1);
      const other = await app.inject({
        method: "POST",
        url,
        headers: { "idempotency-key": "abc" },
        payload: { date: "2026-09-18", value: 99 },
      });
      expect(other.statusCode).toBe(422);
    });

    it("records a snapshot per change for the history", async () => {
      const res = await app.inject({ method: "GET", url: `${API}/workspaces/acme/analysis/history` });
      const items = res.json().items as { version: number; overall: number }[];
      expect(items.length).toBeGreaterThanOrEqual(3);
      expect(items.map((s) => s.version)).toEqual([...items.map((s) => s.version)].sort((a, b) => a - b));
    });

    it("answers hostile and malformed input with 4xx problem+json, never 5xx, and writes nothing", async () => {
      const before = await version("hostile");
      const cases: {
        method: "POST" | "PATCH" | "PUT" | "GET";
        url: string;
        payload?: unknown;
        headers?: Record<string, string>;
      }[] = [
        {
          method: "POST",
          url: `${API}/workspaces/hostile/teams`,
          payload: "{not json",
          headers: { "content-type": "application/json" },
        },
        {
          method: "POST",
          url: `${API}/workspaces/hostile/teams`,
          payload: { id: "x", name: "X", capacity: "lots" },
        },
        {
          method: "POST",
          url: `${API}/workspaces/hostile/teams`,
          payload: { id: "x", name: "X", capacity: 1, colour: "red" },
        },
        {
          method: "POST",
          url: `${API}/workspaces/hostile/teams`,
          payload: { id: "x'; drop table teams; --", name: "X", capacity: 1 },
        },
        {
          method: "POST",
          url: `${API}/workspaces/hostile/insights`,
          payload: { id: "ok-id", date: "2026-02-30", summary: "x" },
        },
        {
          method: "POST",
          url: `${API}/workspaces/hostile/teams`,
          payload: { id: "big", name: "x".repeat(100_000), capacity: 1 },
        },
        { method: "POST", url: `${API}/workspaces/hostile/teams`, payload: [1, 2, 3] },
        { method: "GET", url: `${API}/workspaces/hostile/teams/NOT_AN_ID` },
        { method: "GET", url: `${API}/workspaces/Robert');DROP/teams` },
        { method: "GET", url: `${API}/workspaces/hostile/teams?limit=100000` },
        { method: "GET", url: `${API}/workspaces/hostile/teams?cursor=%27%20OR%201%3D1` },
        { method: "GET", url: `${API}/workspaces/hostile/analysis?asOf=yesterday` },
        {
          method: "PATCH",
          url: `${API}/workspaces/hostile/teams/sales`,
          payload: { capacity: -1 },
          headers: { "if-match": '"1"' },
        },
        {
          method: "PATCH",
          url: `${API}/workspaces/hostile/teams/sales`,
          payload: { id: "renamed" },
          headers: { "if-match": '"1"' },
        },
        {
          method: "PATCH",
          url: `${API}/workspaces/hostile/teams/sales`,
          payload: { capacity: 2 },
          headers: { "if-match": "garbage" },
        },
        {
          method: "PUT",
          url: `${API}/workspaces/hostile/plan`,
          payload: "version: 1\nteams: [",
          headers: yaml,
        },
        {
          method: "PUT",
          url: `${API}/workspaces/hostile/plan`,
          payload: `x: "${"y".repeat(2 * 1024 * 1024)}"`,
          headers: yaml,
        },
        { method: "PUT", url: `${API}/workspaces/hostile/plan`, payload: "", headers: yaml },
      ];
      for (const c of cases) {
        const res = await app.inject({
          method: c.method,
          url: c.url,
          payload: c.payload as string,
          headers: c.headers,
        });
        expect(res.statusCode, `${c.method} ${c.url} → ${res.body.slice(0, 200)}`).toBeGreaterThanOrEqual(
          400,
        );
        expect(res.statusCode, `${c.method} ${c.url}`).toBeLessThan(500);
        expect(res.headers["content-type"], c.url).toContain("application/problem+json");
      }
      expect(await version("hostile")).toBe(before);
      expect(
        (await app.inject({ method: "GET", url: `${API}/workspaces/hostile/teams/sales` })).json().capacity,
      ).toBe(45);
    });

    it("rejects bodies over the limit with 413", async () => {
      const res = await app.inject({
        method: "POST",
        url: `${API}/workspaces/hostile/teams`,
        payload: { id: "big", name: "x".repeat(200_000), capacity: 1 },
      });
      expect(res.statusCode).toBe(413);
    });

    it("describes every route in an OpenAPI 3.1 document", async () => {
      const res = await app.inject({ method: "GET", url: `${API}/openapi.json` });
      const doc = res.json();
      expect(doc.openapi).toBe("3.1.0");
      for (const path of [
        "/api/v1/workspaces",
        "/api/v1/workspaces/{ws}/plan",
        "/api/v1/workspaces/{ws}/analysis",
        "/api/v1/workspaces/{ws}/initiatives/{id}",
        "/api/v1/workspaces/{ws}/metrics/{id}/checkins",
      ])
        expect(Object.keys(doc.paths)).toContain(path);
      expect(doc.paths["/api/v1/workspaces/{ws}/teams"].post.requestBody).toBeDefined();
      expect((await app.inject({ method: "GET", url: `${API}/docs` })).statusCode).toBeLessThan(400);
    });

    it("loses no acknowledged write when 20 clients read-modify-write the same items with If-Match and retry", async () => {
      const clients = 20;
      const perClient = 3;
      const targets = ["sales", "marketing"];
      const acknowledged: string[] = [];
      await Promise.all(
        Array.from({ length: clients }, async (_, c) => {
          for (let n = 0; n < perClient; n++) {
            const team = targets[(c + n) % targets.length];
            const tag = `x-c${c}-n${n}`;
            for (let attempt = 0; attempt < 200; attempt++) {
              const got = await app.inject({
                method: "GET",
                url: `${API}/workspaces/concurrency/teams/${team}`,
              });
              const current = got.json();
              const tags = [...(current["x-tags"] ?? []), tag];
              const res = await app.inject({
                method: "PATCH",
                url: `${API}/workspaces/concurrency/teams/${team}`,
                headers: { "if-match": got.headers.etag as string },
                payload: { "x-tags": tags },
              });
              if (res.statusCode === 200) {
                acknowledged.push(`${team}:${tag}`);
                break;
              }
              expect(res.statusCode).toBe(412);
            }
          }
        }),
      );
      expect(acknowledged).toHaveLength(clients * perClient);
      for (const team of targets) {
        const final = (
          await app.inject({ method: "GET", url: `${API}/workspaces/concurrency/teams/${team}` })
        ).json();
        const expected = acknowledged.filter((a) => a.startsWith(`${team}:`)).map((a) => a.split(":")[1]);
        expect([...final["x-tags"]].sort()).toEqual(expected.sort());
      }
    }, 120_000);
  });
}
