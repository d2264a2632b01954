import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { AppError } from "../../src/domain/errors.js";
import { loadPlan } from "../../src/plan/load-plan.js";
import { serialisePlan } from "../../src/plan/serialise-plan.js";
import type { Store } from "../../src/store/index.js";
import { examplePlan } from "../support/acme.js";
import { TEST_DATABASES } from "../support/databases.js";

/** The plan-format additions of issue 10 (objective trees, key-result owners) survive the store. */
for (const database of TEST_DATABASES) {
  describe(`objective-tree fields in the store on ${database.name}`, () => {
    let store: Store;
    const actor = { actor: "test@example.com" };
    beforeAll(async () => {
      store = await database.open({ today: () => "2026-05-15" });
      await store.workspaces.replacePlan("tree", examplePlan("fernway-tree.yaml"), actor);
    }, 120_000);
    afterAll(async () => {
      await store?.close();
      await database.cleanup();
    });

    it("reads back parent, team, metric owner, unknown capacity, owner lists, initiative metrics and stop/decision team", async () => {
      const { plan } = await store.workspaces.readPlan("tree");
      expect(plan.priorities.find((p) => p.id === "service-parts-stocked")).toMatchObject({
        parent: "service-same-day",
        team: "service",
      });
      expect(plan.metrics?.find((m) => m.id === "parts-misses")?.owner).toBe("tess");
      const support = plan.teams.find((t) => t.id === "support");
      expect(support && "capacity" in support).toBe(false);
      expect(plan.initiatives?.find((i) => i.id === "commuter-onboarding")).toMatchObject({
        owner: ["ravi", "finn"],
        metrics: ["rides-per-week"],
      });
      expect(plan.stops?.find((s) => s.id === "stop-weekend-workshops")?.team).toBe("service");
      expect(plan.decisions?.find((d) => d.id === "cut-leisure-range")?.team).toBe("marketing");
    });

    it("exports what it imported, byte for byte", async () => {
      const first = serialisePlan((await store.workspaces.readPlan("tree")).plan, "yaml");
      const reloaded = loadPlan(first, { format: "yaml" });
      if (!reloaded.ok) throw new Error(JSON.stringify(reloaded.problems));
      await store.workspaces.replacePlan("tree-2", reloaded.plan, actor);
      expect(serialisePlan((await store.workspaces.readPlan("tree-2")).plan, "yaml")).toBe(first);
    });

    it("creates and edits entries with the new fields, and clears a capacity back to unknown", async () => {
      const created = await store.workspaces.create(
        "tree",
        "priorities",
        {
          id: "support-setup-calls",
          title: "Support: setup calls in week one",
          parent: "commuters-ride-daily",
          team: "support",
        },
        actor,
      );
      expect(created).toMatchObject({ parent: "commuters-ride-daily", team: "support" });
      const metric = await store.workspaces.update(
        "tree",
        "metrics",
        "faults-per-1000",
        { owner: "mira", target: 4.5 },
        actor,
      );
      expect(metric).toMatchObject({ owner: "mira", target: 4.5 });
      await store.workspaces.update("tree", "teams", "product", { capacity: null }, actor);
      const { plan } = await store.workspaces.readPlan("tree");
      expect(plan.teams.find((t) => t.id === "product")?.capacity).toBeUndefined();
    });

    it("refuses a parent that closes a loop, naming the field, and changes nothing", async () => {
      const before = (await store.workspaces.readPlan("tree")).workspace.version;
      let error: unknown;
      try {
        await store.workspaces.update(
          "tree",
          "priorities",
          "commuters-ride-daily",
          { parent: "service-parts-stocked" },
          actor,
        );
      } catch (e) {
        error = e;
      }
      expect(error).toBeInstanceOf(AppError);
      const problems = (error as AppError).problems;
      expect(problems.some((p) => p.path.includes("parent") && /loop/i.test(p.message))).toBe(true);
      expect((await store.workspaces.readPlan("tree")).workspace.version).toBe(before);
    });
  });
}
