import { describe, expect, it } from "vitest";
import { findingsOf } from "../../../test/support/make-plan.js";

const priorities = [{ id: "p", title: "Win retail" }];
const run = (checkins: object[], extra: object = {}) =>
  findingsOf("metric-stale", {
    priorities,
    metrics: [
      { id: "m", name: "NPS", kind: "outcome", direction: "up", priorities: ["p"], checkins },
    ] as never,
    ...extra,
  });

describe("metric-stale", () => {
  // asOf is 2026-06-01: 45 days before is 2026-04-17.
  it("does not fire at exactly 45 days since the last check-in, fires at 46", () => {
    expect(run([{ date: "2026-04-17", value: 1 }])).toEqual([]);
    const found = run([
      { date: "2026-01-10", value: 0 },
      { date: "2026-04-16", value: 1 },
    ]);
    expect(found).toHaveLength(1);
    expect(found[0].evidence).toMatchObject({ lastCheckin: "2026-04-16", daysSince: 46 });
  });

  it("ignores check-ins after asOf", () => {
    expect(
      run([
        { date: "2026-04-01", value: 1 },
        { date: "2026-06-20", value: 2 },
      ]),
    ).toHaveLength(1);
  });

  it("with no check-in, fires only once the cycle is more than 45 days old", () => {
    expect(run([])).toHaveLength(1);
    expect(run([], { cycle: { name: "C", start: "2026-04-17", end: "2026-12-31" } })).toEqual([]);
    expect(run([], { cycle: { name: "C", start: "2026-04-16", end: "2026-12-31" } })).toHaveLength(1);
  });

  it("honours the days threshold", () => {
    expect(run([{ date: "2026-04-16", value: 1 }], { rules: { "metric-stale": { days: 60 } } })).toEqual([]);
  });
});
