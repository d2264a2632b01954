import { describe, expect, it } from "vitest";
import { findingsOf } from "../../../test/support/make-plan.js";

const change = (due: string, status: string) => ({
  kind: "performance-measurement",
  description: "Pay sales on retention",
  owner: "ana",
  due,
  status,
});
const run = (resistance: object[], status = "committed") =>
  findingsOf("resistance-unaddressed", {
    people: [{ id: "ana", name: "Ana" }],
    priorities: [{ id: "p", title: "Win retail", status, resistance }] as never,
  });

describe("resistance-unaddressed", () => {
  it("fires on the resistance item when it has no change, suggesting the kind of change", () => {
    const found = run([{ id: "volume-pay", area: "incentives", description: "Sales paid on volume" }]);
    expect(found).toHaveLength(1);
    expect(found[0].subject).toEqual({ type: "resistance", id: "volume-pay" });
    expect(found[0].path).toEqual(["priorities", 0, "resistance", 0]);
    expect(found[0].suggestion).toContain("performance-measurement");
    expect(found[0].scope.priorities).toEqual(["p"]);
  });

  it("fires when the change is past due and not done; not on its due day, not when done", () => {
    const item = (c: object) => [
      { id: "r", area: "incentives", description: "Sales paid on volume", change: c },
    ];
    expect(run(item(change("2026-05-31", "in-progress")))).toHaveLength(1);
    expect(run(item(change("2026-06-01", "planned")))).toEqual([]);
    expect(run(item(change("2026-01-31", "done")))).toEqual([]);
  });

  it("ignores priorities that are not live", () => {
    expect(run([{ id: "r", area: "culture", description: "x" }], "proposed")).toEqual([]);
  });
});
