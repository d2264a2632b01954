import { describe, expect, it } from "vitest";
import { findingsOf } from "../../../test/support/make-plan.js";

const priorities = [{ id: "p", title: "Win retail" }];
const metric = (history: object[], links = ["p"]) => ({
  id: "m",
  name: "Activation",
  kind: "output",
  direction: "up",
  priorities: links,
  history,
});
const run = (history: object[], links?: string[]) =>
  findingsOf("metric-reverted-to-output", { priorities, metrics: [metric(history, links)] as never });

describe("metric-reverted-to-output", () => {
  it("fires for a change from outcome to output inside the cycle, including its first day", () => {
    expect(run([{ date: "2026-01-01", field: "kind", from: "outcome", to: "output" }])).toHaveLength(1);
    expect(
      run([{ date: "2026-03-01", field: "kind", from: "business", to: "efficiency" }])[0].suggestion,
    ).toContain("business");
  });

  it("does not fire before the cycle, after asOf, for other changes, or when the metric serves no live priority", () => {
    expect(run([{ date: "2025-12-31", field: "kind", from: "outcome", to: "output" }])).toEqual([]);
    expect(run([{ date: "2026-06-02", field: "kind", from: "outcome", to: "output" }])).toEqual([]);
    expect(run([{ date: "2026-03-01", field: "kind", from: "output", to: "outcome" }])).toEqual([]);
    expect(run([{ date: "2026-03-01", field: "target", from: 10, to: 5 }])).toEqual([]);
    expect(run([{ date: "2026-03-01", field: "kind", from: "outcome", to: "output" }], [])).toEqual([]);
  });
});
