import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ENTITY_SECTIONS } from "../../src/domain/entity-sections.js";
import { AppError } from "../../src/domain/errors.js";
import { serialisePlan } from "../../src/plan/serialise-plan.js";
import { openStore, type Store } from "../../src/store/index.js";
import { examplePlan } from "../support/acme.js";
import { TEST_DATABASES } from "../support/databases.js";

async function rejects(promise: Promise<unknown>): Promise<AppError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error("expected an AppError");
}

for (const database of TEST_DATABASES) {
  describe(`store on ${database.name}`, () => {
    let store: Store;
    const actor = { actor: "test@example.com" };
    beforeAll(async () => {
      store = await database.open({ today: () => "2026-09-20" });
    }, 120_000);
    afterAll(async () => {
      await store?.close();
      await database.cleanup();
    });

    it("keys every workspace-owned table by workspace_id first", async () => {
      const { rows } = await sql<{ table_name: string; columns: string }>`
        select tc.table_name, string_agg(kcu.column_name, ',' order by kcu.ordinal_position) as columns
        from information_schema.table_constraints tc
        join information_schema.key_column_usage kcu on tc.constraint_name = kcu.constraint_name and tc.table_name = kcu.table_name
        where tc.constraint_type = 'PRIMARY KEY' and tc.table_schema = 'public'
        group by tc.table_name`.execute(store.db);
      const owned = rows.filter((r) => r.columns.split(",").includes("workspace_id"));
      expect(owned.length).toBeGreaterThanOrEqual(14);
      for (const r of owned) expect(r.columns.split(",")[0], r.table_name).toBe("workspace_id");
      for (const table of [...ENTITY_SECTIONS, "checkins", "metric_history", "snapshots", "audit"])
        expect(owned.map((r) => r.table_name)).toContain(table);
    });

    it("imports a plan and gives it back: export → import → export is byte-identical", async () => {
      const plan = examplePlan();
      const { created } = await store.workspaces.replacePlan("roundtrip", plan, actor);
      expect(created).toBe(true);
      const first = serialisePlan((await store.workspaces.readPlan("roundtrip")).plan, "yaml");
      const reloaded = (await import("../../src/plan/load-plan.js")).loadPlan(first, { format: "yaml" });
      if (!reloaded.ok) throw new Error("export is not a valid plan");
      await store.workspaces.replacePlan("roundtrip-2", reloaded.plan, actor);
      expect(serialisePlan((await store.workspaces.readPlan("roundtrip-2")).plan, "yaml")).toBe(first);
      expect(
        (await store.workspaces.readPlan("roundtrip")).plan.metrics?.find((m) => m.id === "activation")
          ?.history,
      ).toHaveLength(1);
    });

    it("changes nothing when a replacement is invalid", async () => {
      await store.workspaces.replacePlan("atomic", examplePlan(), actor);
      const before = await store.workspaces.getWorkspace("atomic");
      const broken = examplePlan();
      broken.initiatives?.push({
        id: "dangling",
        title: "X",
        status: "active",
        priorities: ["no-such-priority"],
      });
      const error = await rejects(store.workspaces.replacePlan("atomic", broken, actor));
      expect(error.code).toBe("invalid_plan");
      expect(error.problems[0].message).toContain("no-such-priority");
      expect((await store.workspaces.getWorkspace("atomic")).version).toBe(before.version);
      expect(
        (await store.workspaces.readPlan("atomic")).plan.initiatives?.some((i) => i.id === "dangling"),
      ).toBe(false);
    });

    it("versions entries: a stale write is refused with the current item; absent ones are not found", async () => {
      await store.workspaces.replacePlan("versions", examplePlan(), actor);
      const item = await store.workspaces.get("versions", "priorities", "live-in-days");
      expect(item.version).toBe(1);
      const updated = await store.workspaces.update(
        "versions",
        "priorities",
        "live-in-days",
        { owner: "lena" },
        { ...actor, expectedVersion: 1 },
      );
      expect(updated).toMatchObject({ owner: "lena", version: 2 });
      const stale = await rejects(
        store.workspaces.update(
          "versions",
          "priorities",
          "live-in-days",
          { owner: "raj" },
          { ...actor, expectedVersion: 1 },
        ),
      );
      expect(stale.code).toBe("stale_version");
      expect((stale.details.current as { owner: string }).owner).toBe("lena");
      expect((await rejects(store.workspaces.get("versions", "teams", "nope"))).code).toBe("not_found");
      expect(
        (
          await rejects(
            store.workspaces.create("versions", "teams", { id: "sales", name: "S", capacity: 1 }, actor),
          )
        ).code,
      ).toBe("conflict");
    });

    it("refuses a write that would leave a dangling reference, and changes nothing", async () => {
      await store.workspaces.replacePlan("refs", examplePlan(), actor);
      const error = await rejects(
        store.workspaces.update("refs", "initiatives", "sso-saml", { owner: "ghost" }, actor),
      );
      expect(error.code).toBe("invalid_request");
      expect(error.problems[0].message).toContain('"ghost"');
      expect((await store.workspaces.get("refs", "initiatives", "sso-saml")).owner).toBe("omar");
    });

    it("appends check-ins and writes the metric's definition history when its kind, target, due or links change", async () => {
      await store.workspaces.replacePlan("metrics", examplePlan(), actor);
      await store.workspaces.addCheckin("metrics", "retail-nps", { date: "2026-09-10", value: 27 }, actor);
      await store.workspaces.update(
        "metrics",
        "metrics",
        "retail-nps",
        { kind: "output", target: 35 },
        actor,
      );
      const metric = await store.workspaces.get("metrics", "metrics", "retail-nps");
      expect((metric.checkins as unknown[]).length).toBe(4);
      expect(metric.history).toEqual([
        { date: "2026-09-20", field: "kind", from: "outcome", to: "output" },
        { date: "2026-09-20", field: "target", from: 40, to: 35 },
      ]);
      const badCheckin = await rejects(
        store.workspaces.addCheckin("metrics", "retail-nps", { date: "2026-02-30", value: 1 }, actor),
      );
      expect(badCheckin.code).toBe("invalid_request");
    });

    it("clears a departed person from what they owned, so ownership gaps show", async () => {
      await store.workspaces.replacePlan("people", examplePlan(), actor);
      await store.workspaces.remove("people", "people", "raj", actor);
      expect((await store.workspaces.get("people", "priorities", "enterprise-ready")).owner).toBeUndefined();
      expect((await store.workspaces.get("people", "priorities", "live-in-days")).owner).toEqual(["lena"]);
    });

    it("audits every kind of write with who, what, before and after, and snapshots the index per change", async () => {
      await store.workspaces.replacePlan("audited", examplePlan(), actor);
      await store.workspaces.create(
        "audited",
        "insights",
        { id: "new", date: "2026-09-01", summary: "Learned" },
        actor,
      );
      await store.workspaces.update("audited", "insights", "new", { summary: "Learned more" }, actor);
      await store.workspaces.remove("audited", "insights", "new", actor);
      const { items } = await store.workspaces.listAudit("audited", { entityId: "new" });
      expect(items.map((a) => a.action)).toEqual(["delete", "update", "create"]);
      expect(items[1]).toMatchObject({
        actor: "test@example.com",
        before: { summary: "Learned" },
        after: { summary: "Learned more" },
      });
      const snapshots = await store.workspaces.listSnapshots("audited");
      expect(snapshots.length).toBeGreaterThanOrEqual(4);
      expect(snapshots[1].overall).toBeGreaterThan(0);
    });

    it("pages through a collection with an opaque cursor", async () => {
      await store.workspaces.replacePlan("pages", examplePlan(), actor);
      const first = await store.workspaces.list("pages", "people", { limit: 5 });
      const second = await store.workspaces.list("pages", "people", {
        limit: 5,
        cursor: first.nextCursor ?? undefined,
      });
      expect(first.items.map((p) => p.id)).toEqual(["maya", "raj", "lena", "tom", "ines"]);
      expect(second.items[0].id).toBe("kai");
    });

    it("rolls a transaction back on error: a failing write leaves no partial change", async () => {
      await store.workspaces.replacePlan("rollback", examplePlan(), actor);
      const before = await store.workspaces.listAudit("rollback");
      await rejects(store.workspaces.update("rollback", "teams", "sales", { capacity: -5 }, actor));
      const after = await store.workspaces.listAudit("rollback");
      expect(after.items.length).toBe(before.items.length);
    });
  });
}

describe("the embedded database folder", () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), "throughline-lock-"));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("belongs to one process: a second process is refused with a clear message", async () => {
    const store = await openStore({ dataDir: dir });
    try {
      const script = `import("${join(import.meta.dirname, "..", "..", "src", "store", "index.ts").replaceAll("\\", "/")}").then(m => m.openStore({ dataDir: ${JSON.stringify(dir)} })).then(() => { console.log("opened"); process.exit(0); }, (e) => { console.log(e.code + ": " + e.message); process.exit(3); })`;
      const child = spawnSync(process.execPath, ["--import", "tsx", "-e", script], {
        encoding: "utf8",
        timeout: 60_000,
      });
      expect(child.stdout).toContain("database_locked: The data folder");
      expect(child.status).toBe(3);
    } finally {
      await store.close();
    }
    // Released on close: it opens again.
    const again = await openStore({ dataDir: dir });
    await again.close();
  }, 120_000);
});
