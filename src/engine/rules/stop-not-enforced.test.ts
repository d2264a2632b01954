import { describe, expect, it } from "vitest";
import { findingsOf } from "../../../test/support/make-plan.js";
import type { PlanInput } from "../../domain/plan-schema.js";

// asOf is 2026-06-01 (test/support/make-plan.ts).
const base: Partial<PlanInput> = {
  teams: [
    { id: "product", name: "Product", capacity: 10 },
    { id: "sales", name: "Sales", capacity: 10 },
  ],
  priorities: [{ id: "p1", title: "Win mid-market" }],
};
const stop = (effective: string, extra: Record<string, unknown> = {}) => ({
  id: "s1",
  what: "Legacy reports",
  initiative: "legacy",
  priority: "p1",
  decided: "2026-01-15",
  effective,
  ...extra,
});
const legacy = (extra: Record<string, unknown> = {}) => ({
  id: "legacy",
  title: "Legacy reports v3",
  allocation: { product: 2, sales: 1 },
  ...extra,
});

describe("stop-not-enforced", () => {
  it("fires the day after the effective date when the initiative is still live and staffed", () => {
    const found = findingsOf("stop-not-enforced", {
      ...base,
      initiatives: [legacy()],
      stops: [stop("2026-05-31")],
    });
    expect(found).toHaveLength(1);
    const [f] = found;
    expect(f.subject).toEqual({ type: "stop", id: "s1" });
    expect(f.severity).toBe("error");
    expect(f.path).toEqual(["stops", 0]);
    expect(f.evidence).toEqual({
      initiative: "legacy",
      status: "active",
      effective: "2026-05-31",
      allocation: { product: 2, sales: 1 },
      remainingFte: 3,
    });
    expect(f.message).toBe(
      'Stop "Legacy reports" took effect on 2026-05-31, but "Legacy reports v3" is still active and still holds 3 FTE (Product 2 FTE and Sales 1 FTE)',
    );
    expect(f.suggestion).toBe(
      'Set "Legacy reports v3" to stopped and remove its allocation (Product 2 FTE and Sales 1 FTE).',
    );
    expect(f.scope.teams).toEqual(["product", "sales"]);
  });

  it("does not fire when the effective date is asOf itself or later", () => {
    expect(
      findingsOf("stop-not-enforced", { ...base, initiatives: [legacy()], stops: [stop("2026-06-01")] }),
    ).toEqual([]);
    expect(
      findingsOf("stop-not-enforced", { ...base, initiatives: [legacy()], stops: [stop("2026-09-01")] }),
    ).toEqual([]);
  });

  it("fires for a stopped initiative that still holds an allocation, and for a paused one with none", () => {
    const staffed = findingsOf("stop-not-enforced", {
      ...base,
      initiatives: [legacy({ status: "stopped", allocation: { product: 0, sales: 1.5 } })],
      stops: [stop("2026-03-01")],
    });
    expect(staffed).toHaveLength(1);
    expect(staffed[0].evidence).toMatchObject({
      status: "stopped",
      allocation: { sales: 1.5 },
      remainingFte: 1.5,
    });
    expect(staffed[0].suggestion).toBe('Remove the allocation of "Legacy reports v3" (Sales 1.5 FTE).');

    const paused = findingsOf("stop-not-enforced", {
      ...base,
      initiatives: [legacy({ status: "paused", allocation: undefined })],
      stops: [stop("2026-03-01")],
    });
    expect(paused).toHaveLength(1);
    expect(paused[0].suggestion).toBe('Set "Legacy reports v3" to stopped.');
  });

  it("does not fire once the initiative is stopped with no allocation left, or for a stop naming no initiative", () => {
    const found = findingsOf("stop-not-enforced", {
      ...base,
      initiatives: [legacy({ status: "done", allocation: { product: 0 } })],
      stops: [
        stop("2026-03-01"),
        { id: "s2", what: "Weekly status meeting", decided: "2026-01-01", effective: "2026-02-01" },
      ],
    });
    expect(found).toEqual([]);
  });

  it("can be turned off", () => {
    const found = findingsOf("stop-not-enforced", {
      ...base,
      initiatives: [legacy()],
      stops: [stop("2026-05-31")],
      rules: { "stop-not-enforced": "off" },
    });
    expect(found).toEqual([]);
  });
});
