import { describe, expect, it } from "vitest";
import { findingsOf } from "../../../test/support/make-plan.js";
import { projectLinear } from "./outcome-off-track.js";

const priorities = [{ id: "p", title: "Win retail" }];
// Cycle starts 2026-01-01; due 2026-12-31 is day 364.
const run = (metric: object, rules?: object) =>
  findingsOf("outcome-off-track", {
    priorities,
    metrics: [
      { id: "m", name: "NPS", kind: "outcome", priorities: ["p"], due: "2026-12-31", ...metric },
    ] as never,
    rules: rules as never,
    asOf: "2026-08-01",
  });

describe("outcome-off-track", () => {
  it("projects by least squares", () => {
    expect(
      projectLinear(
        [
          { x: 0, y: 0 },
          { x: 10, y: 10 },
        ],
        20,
      )?.value,
    ).toBeCloseTo(20);
    expect(
      projectLinear(
        [
          { x: 5, y: 1 },
          { x: 5, y: 3 },
        ],
        20,
      ),
    ).toBeUndefined();
  });

  it("fires when the projection falls short by more than the tolerance (direction up)", () => {
    // Baseline 0 at day 0, 10 at day 182: projects to 20 at day 364 against 40 (tolerance 4).
    const found = run({
      direction: "up",
      baseline: 0,
      target: 40,
      checkins: [{ date: "2026-07-02", value: 10 }],
    });
    expect(found).toHaveLength(1);
    expect(found[0].evidence.projected).toBe(20);
  });

  it("does not fire within the tolerance, nor when beating the target", () => {
    // Projects exactly to 36 = 40 − 10% × 40: not more than the tolerance short.
    expect(
      run({ direction: "up", baseline: 0, target: 40, checkins: [{ date: "2026-07-02", value: 18 }] }),
    ).toEqual([]);
    expect(
      run({ direction: "up", baseline: 0, target: 40, checkins: [{ date: "2026-07-02", value: 30 }] }),
    ).toEqual([]);
  });

  it("works for metrics where down is better", () => {
    const base = { direction: "down", baseline: 100, target: 50 };
    expect(run({ ...base, checkins: [{ date: "2026-07-02", value: 95 }] })).toHaveLength(1);
    expect(run({ ...base, checkins: [{ date: "2026-07-02", value: 70 }] })).toEqual([]);
  });

  it("in the down direction, fires only past the tolerance: exactly on the boundary is on track", () => {
    // Baseline 100, target 50, tolerance 5: the boundary is 55. A check-in at day 182 of v
    // projects to 2v − 100 at day 364.
    const base = { direction: "down", baseline: 100, target: 50 };
    expect(run({ ...base, checkins: [{ date: "2026-07-02", value: 77.5 }] })).toEqual([]); // exactly 55
    const over = run({ ...base, checkins: [{ date: "2026-07-02", value: 77.6 }] }); // 55.2
    expect(over).toHaveLength(1);
    expect(over[0].evidence).toMatchObject({ projected: 55.2, direction: "down", tolerance: 5 });
    // Beating a down target (projecting below it) never fires.
    expect(run({ ...base, checkins: [{ date: "2026-07-02", value: 60 }] })).toEqual([]);
  });

  it("needs two points on different dates, and baseline, target and due", () => {
    expect(run({ direction: "up", baseline: 0, target: 40, checkins: [] })).toEqual([]);
    expect(
      run({
        direction: "up",
        baseline: 0,
        target: 40,
        checkins: [{ date: "2026-01-01", value: 1 }],
      }),
    ).toEqual([]);
    expect(run({ direction: "up", target: 40, checkins: [{ date: "2026-07-02", value: 1 }] })).toEqual([]);
  });

  it("honours the tolerance threshold", () => {
    const metric = {
      direction: "up",
      baseline: 0,
      target: 40,
      checkins: [{ date: "2026-07-02", value: 10 }],
    };
    expect(run(metric, { "outcome-off-track": { tolerance: 0.6 } })).toEqual([]);
  });
});
