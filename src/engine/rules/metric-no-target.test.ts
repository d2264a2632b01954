import { describe, expect, it } from "vitest";
import { findingsOf } from "../../../test/support/make-plan.js";

const people = [{ id: "ana", name: "Ana" }];
const priorities = [
  { id: "p1", title: "Win mid-market" },
  { id: "old", title: "Old bet", status: "retired" as const },
];
const metric = (over: Record<string, unknown>) =>
  ({
    id: "m",
    name: "Mid-market NPS",
    kind: "outcome",
    direction: "up",
    priorities: ["p1"],
    ...over,
  }) as never;

describe("metric-no-target", () => {
  it("fires for a metric of a live priority without a target, asking its owner", () => {
    const found = findingsOf("metric-no-target", {
      people,
      priorities,
      metrics: [metric({ owner: "ana", unit: "points", due: "2026-12-31", baseline: 20 })],
    });
    expect(found).toHaveLength(1);
    expect(found[0].subject).toEqual({ type: "metric", id: "m" });
    expect(found[0].severity).toBe("warning");
    expect(found[0].dimension).toBe("measurement");
    expect(found[0].message).toBe('Metric "Mid-market NPS" of "Win mid-market" has no target');
    expect(found[0].evidence).toEqual({
      priorities: ["p1"],
      baseline: 20,
      due: "2026-12-31",
      placeholder: [],
    });
    expect(found[0].suggestion).toBe(
      'Ask Ana to write the target of "Mid-market NPS": the points level to reach by 2026-12-31.',
    );
  });

  it("asks for the date and baseline too when they are missing, and reads direction down", () => {
    const [f] = findingsOf("metric-no-target", { priorities, metrics: [metric({ direction: "down" })] });
    expect(f.suggestion).toBe(
      'Write the target of "Mid-market NPS": the level to get down to and the date to reach it by, and where it starts (baseline).',
    );
  });

  it("fires whatever the kind, and names a placeholder left in the name", () => {
    const [f] = findingsOf("metric-no-target", {
      priorities,
      metrics: [metric({ name: "$X", kind: "output" })],
    });
    expect(f.message).toContain('still holds the placeholder "$X"');
    expect(f.evidence.placeholder).toEqual(["$X"]);
  });

  it("does not fire with a target (0 is a target), or for a metric linked to no live priority", () => {
    expect(findingsOf("metric-no-target", { priorities, metrics: [metric({ target: 0 })] })).toEqual([]);
    expect(
      findingsOf("metric-no-target", { priorities, metrics: [metric({ priorities: ["old"] })] }),
    ).toEqual([]);
    expect(findingsOf("metric-no-target", { priorities, metrics: [metric({ priorities: [] })] })).toEqual([]);
  });

  it("reads the target as it stood on asOf: one set after asOf does not count", () => {
    const found = findingsOf("metric-no-target", {
      priorities,
      metrics: [metric({ target: 40, history: [{ date: "2026-07-01", field: "target", to: 40 }] })],
    });
    expect(found.map((f) => f.subject.id)).toEqual(["m"]);
  });
});
