import { describe, expect, it } from "vitest";
import { makePlan } from "../../test/support/make-plan.js";
import type { Severity } from "../domain/plan-schema.js";
import { analyse } from "./analyse.js";
import { gapIndex } from "./gap-index.js";
import type { Dimension, Finding } from "./types.js";

/*
 * Golden values of the documented formula (docs/gap-index.md), worked out by hand:
 * score = 100 × (1 − Π(1 − w)), w = 0.30 error, 0.12 warning, 0.04 info, rounded to 0.1;
 * overall = mean of the eight rounded dimension scores.
 */

function finding(
  severity: Severity,
  dimension: Dimension,
  scope: { priorities?: string[]; teams?: string[] } = {},
): Finding {
  return {
    rule: "test-rule",
    severity,
    dimension,
    subject: { type: "priority", id: "p" },
    message: "",
    evidence: {},
    suggestion: "",
    scope: { priorities: scope.priorities ?? [], teams: scope.teams ?? [] },
  };
}

describe("Execution Gap Index golden values", () => {
  it("is 0 everywhere without findings", () => {
    const index = gapIndex([], ["p1"], ["t1"]);
    expect(index.overall).toBe(0);
    expect(Object.values(index.dimensions)).toEqual([0, 0, 0, 0, 0, 0, 0, 0]);
    expect(index.priorities).toEqual({ p1: 0 });
    expect(index.teams).toEqual({ t1: 0 });
  });

  it("weights one finding by its severity: error 30, warning 12, info 4", () => {
    expect(gapIndex([finding("error", "ownership")], [], []).dimensions.ownership).toBe(30);
    expect(gapIndex([finding("warning", "focus")], [], []).dimensions.focus).toBe(12);
    expect(gapIndex([finding("info", "learning")], [], []).dimensions.learning).toBe(4);
  });

  it("compounds findings in one dimension: 51, 65.7, and 40.9 for one of each", () => {
    const errors = (n: number) => Array.from({ length: n }, () => finding("error", "capacity"));
    expect(gapIndex(errors(2), [], []).dimensions.capacity).toBe(51);
    expect(gapIndex(errors(3), [], []).dimensions.capacity).toBe(65.7);
    const mixed = [
      finding("error", "timelines"),
      finding("warning", "timelines"),
      finding("info", "timelines"),
    ];
    // 1 − 0.7 × 0.88 × 0.96 = 0.40864
    expect(gapIndex(mixed, [], []).dimensions.timelines).toBe(40.9);
  });

  it("takes the overall as the mean of the eight dimensions, not their maximum", () => {
    const index = gapIndex(
      [finding("error", "ownership"), finding("error", "ownership"), finding("warning", "focus")],
      [],
      [],
    );
    expect(index.dimensions).toMatchObject({ ownership: 51, focus: 12 });
    expect(index.overall).toBe(7.9); // (51 + 12) / 8 = 7.875
  });

  it("scores each priority and team over the findings scoped to it", () => {
    const index = gapIndex(
      [
        finding("error", "ownership", { priorities: ["p1"] }),
        finding("warning", "capacity", { priorities: ["p1"], teams: ["t1"] }),
        finding("info", "capacity", { teams: ["t1", "t2"] }),
      ],
      ["p1", "p2"],
      ["t1", "t2", "t3"],
    );
    expect(index.priorities).toEqual({ p1: 38.4, p2: 0 }); // 1 − 0.7 × 0.88
    expect(index.teams).toEqual({ t1: 15.5, t2: 4, t3: 0 }); // 1 − 0.88 × 0.96 = 0.1552
  });

  it("ignores scopes outside the lists it scores (a priority that is not live, a team that is gone)", () => {
    const index = gapIndex(
      [
        finding("error", "ownership", { priorities: ["proposed"], teams: ["gone"] }),
        { ...finding("error", "ownership"), dimension: "not-a-dimension" as Dimension },
      ],
      ["p1"],
      ["t1"],
    );
    expect(index.priorities).toEqual({ p1: 0 });
    expect(index.teams).toEqual({ t1: 0 });
    expect(index.dimensions.ownership).toBe(30);
  });

  it("gives a small plan its documented index, dimension by dimension", () => {
    const { findings, index } = analyse(
      makePlan({
        people: [{ id: "ana", name: "Ana" }],
        teams: [{ id: "product", name: "Product", capacity: 5 }],
        priorities: [
          { id: "p1", title: "Win mid-market retailers in the Nordics", owner: "ana" },
          { id: "p2", title: "Grow enterprise accounts" },
        ],
      }),
    );
    // The findings the numbers come from, so a change in the rules shows here first.
    expect(findings.map((f) => `${f.rule}:${f.severity}:${f.scope.priorities.join()}`).sort()).toEqual([
      "priority-no-owner:error:p2",
      "priority-no-stops:warning:p1",
      "priority-no-stops:warning:p2",
      "priority-unmeasured:error:p1",
      "priority-unmeasured:error:p2",
      "priority-vague:warning:p1",
      "priority-vague:warning:p2",
      "resistance-unassessed:info:p1",
      "resistance-unassessed:info:p2",
      "review-overdue:warning:p1",
      "review-overdue:warning:p2",
    ]);
    expect(index).toEqual({
      // Timelines and learning have no data in this plan: not assessed, left out of the mean.
      notAssessed: ["timelines", "learning"],
      overall: 25.2, // (30 + 40 + 0 + 51 + 22.6 + 7.8) / 6 = 25.23
      dimensions: {
        ownership: 30, // one error
        focus: 40, // four warnings: 1 − 0.88⁴
        capacity: 0,
        measurement: 51, // two errors
        timelines: 0,
        learning: 0,
        reviews: 22.6, // two warnings
        "operating-model": 7.8, // two infos
      },
      priorities: {
        p1: 54.2, // one error, three warnings, one info: 1 − 0.7 × 0.88³ × 0.96
        p2: 67.9, // two errors, three warnings, one info
      },
      teams: { product: 0 },
    });
  });
});
