import { describe, expect, it } from "vitest";
import { findingsOf } from "../../../test/support/make-plan.js";

const teams = [{ id: "product", name: "Product", capacity: 20 }];
const priorities = [
  { id: "p1", title: "Win mid-market" },
  { id: "p2", title: "Old bet", status: "retired" as const },
];

describe("priority-no-stops", () => {
  it("fires for a live priority with no stop, naming the largest orphan initiative to stop", () => {
    const found = findingsOf("priority-no-stops", {
      teams,
      priorities,
      initiatives: [
        { id: "small", title: "Small orphan", priorities: ["p2"], allocation: { product: 1 } },
        { id: "big", title: "Legacy reports", allocation: { product: 4 } },
        { id: "served", title: "Onboarding", priorities: ["p1"], allocation: { product: 9 } },
      ],
      // A stop for another priority does not count for p1.
      stops: [
        { id: "s1", what: "Trade shows", priority: "p2", decided: "2026-01-01", effective: "2026-01-01" },
      ],
    });
    expect(found).toHaveLength(1);
    expect(found[0].subject).toEqual({ type: "priority", id: "p1" });
    expect(found[0].severity).toBe("warning");
    expect(found[0].evidence).toEqual({ stops: 0, candidate: "big" });
    expect(found[0].suggestion).toBe(
      'Record a stop for "Win mid-market": stop "Legacy reports", which serves no live priority and frees 4 FTE.',
    );
  });

  it("without an orphan, names an already stopped initiative no stop records, or asks for a stop", () => {
    const stopped = findingsOf("priority-no-stops", {
      teams,
      priorities,
      initiatives: [{ id: "x", title: "Print catalogue", status: "stopped" }],
    });
    expect(stopped[0].suggestion).toContain('"Print catalogue" is already stopped');
    const none = findingsOf("priority-no-stops", { teams, priorities });
    expect(none[0].evidence.candidate).toBeNull();
    expect(none[0].suggestion).toContain("linked to this priority");
  });

  it("does not fire when a stop is linked, or for a priority that is not live", () => {
    const found = findingsOf("priority-no-stops", {
      teams,
      priorities,
      stops: [
        { id: "s1", what: "Trade shows", priority: "p1", decided: "2026-01-01", effective: "2026-09-01" },
      ],
    });
    expect(found).toEqual([]);
  });

  it("ignores a stop decided after asOf", () => {
    const found = findingsOf("priority-no-stops", {
      teams,
      priorities,
      stops: [
        { id: "s1", what: "Trade shows", priority: "p1", decided: "2026-06-02", effective: "2026-07-01" },
      ],
    });
    expect(found).toHaveLength(1);
  });
});
