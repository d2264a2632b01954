import { describe, expect, it } from "vitest";
import { findingsOf } from "../../../test/support/make-plan.js";

const people = [{ id: "ana", name: "Ana" }];
const teams = [
  { id: "product", name: "Product", capacity: 20 },
  { id: "sales", name: "Sales", capacity: 20 },
];
const priorities = [
  { id: "p1", title: "Win mid-market" },
  { id: "p2", title: "Win enterprise", owner: "ana" },
  { id: "old", title: "Old bet", status: "retired" as const },
  { id: "next", title: "Next bet", status: "proposed" as const },
];

describe("orphan-initiative", () => {
  it("fires for live initiatives listing no priority or only ones that are not live", () => {
    const found = findingsOf("orphan-initiative", {
      people,
      teams,
      priorities,
      initiatives: [
        { id: "a", title: "Legacy reports", owner: "ana", allocation: { product: 2, sales: 0.5 } },
        {
          id: "b",
          title: "Old campaign",
          status: "paused",
          priorities: ["old", "next"],
          allocation: { sales: 0 },
        },
      ],
    });
    expect(found.map((f) => f.subject.id)).toEqual(["a", "b"]);
    expect(found[0].severity).toBe("warning");
    expect(found[0].message).toBe('Initiative "Legacy reports" serves no live priority');
    expect(found[0].evidence).toEqual({
      priorities: [],
      allocation: { product: 2, sales: 0.5 },
      suggestedPriority: "p2",
    });
    // Its owner owns "Win enterprise", so that is the priority to suggest linking it to.
    expect(found[0].suggestion).toBe(
      'Stop "Legacy reports" (frees Product 2 FTE and Sales 0.5 FTE), or link it to the live priority "Win enterprise" if that is what it serves.',
    );
    expect(found[1].message).toBe(
      'Initiative "Old campaign" serves no live priority (it lists only "Old bet", retired; "Next bet", proposed)',
    );
    expect(found[1].suggestion).toContain('link it to the live priority "Win mid-market"');
  });

  it("does not fire for an initiative serving a live priority, or one that is not live", () => {
    const found = findingsOf("orphan-initiative", {
      people,
      teams,
      priorities,
      initiatives: [
        { id: "a", title: "A", priorities: ["old", "p1"] },
        { id: "b", title: "B", status: "proposed" },
        { id: "c", title: "C", status: "stopped" },
        { id: "d", title: "D", status: "done", priorities: [] },
      ],
    });
    expect(found).toEqual([]);
  });
});
