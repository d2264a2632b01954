import { describe, expect, it } from "vitest";
import { findingsOf } from "../../../test/support/make-plan.js";

const priorities = [
  { id: "p", title: "Win retail" },
  { id: "old", title: "Old bet", status: "retired" as const },
];
const metrics = [
  { id: "nps", name: "Retail NPS", kind: "outcome", direction: "up", priorities: ["p"] },
  { id: "arr", name: "Retail ARR", kind: "business", direction: "up", priorities: ["p"] },
  { id: "velocity", name: "Story points", kind: "output", direction: "up" },
  { id: "old-nps", name: "Old NPS", kind: "outcome", direction: "up", priorities: ["old"] },
];
const team = (scorecard: { metric: string; weight: number }[]) => ({
  id: "product",
  name: "Product",
  capacity: 10,
  scorecard,
});
const run = (scorecard: { metric: string; weight: number }[], rules?: object) =>
  findingsOf("incentive-misaligned", {
    priorities,
    metrics: metrics as never,
    teams: [team(scorecard)],
    rules: rules as never,
  });

describe("incentive-misaligned", () => {
  it("does not fire at exactly half the weight on live-priority outcomes", () => {
    expect(
      run([
        { metric: "nps", weight: 1 },
        { metric: "velocity", weight: 1 },
      ]),
    ).toEqual([]);
  });

  it("fires below half, naming the metric to reduce and the one to raise", () => {
    const found = run([
      { metric: "nps", weight: 1 },
      { metric: "velocity", weight: 1.01 },
    ]);
    expect(found).toHaveLength(1);
    expect(found[0].evidence).toMatchObject({
      weightsByKind: { outcome: 1, output: 1.01 },
      alignedWeight: 1,
    });
    expect(found[0].suggestion).toContain('off "Story points" (output)');
    expect(found[0].suggestion).toContain('onto "Retail NPS"');
  });

  it("counts outcome metrics of retired priorities as not aligned", () => {
    expect(
      run([
        { metric: "old-nps", weight: 3 },
        { metric: "arr", weight: 1 },
      ]),
    ).toHaveLength(1);
  });

  it("does not fire for a team with no scorecard, and honours minAlignedShare", () => {
    expect(findingsOf("incentive-misaligned", { teams: [{ id: "t", name: "T", capacity: 1 }] })).toEqual([]);
    const card = [
      { metric: "nps", weight: 1 },
      { metric: "velocity", weight: 2 },
    ];
    expect(run(card)).toHaveLength(1);
    expect(run(card, { "incentive-misaligned": { minAlignedShare: 0.3 } })).toEqual([]);
  });
});
