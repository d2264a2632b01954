import { describe, expect, it } from "vitest";
import { findingsOf } from "../../../test/support/make-plan.js";

const people = [
  { id: "ana", name: "Ana", team: "product" },
  { id: "bo", name: "Bo", team: "sales" },
];
const teams = [
  { id: "product", name: "Product", capacity: 5 },
  { id: "sales", name: "Sales", capacity: 5 },
];
const priorities = [
  { id: "p1", title: "Win mid-market", owner: "ana" },
  { id: "p2", title: "Old bet", owner: "bo", status: "retired" as const },
];

describe("initiative-no-owner", () => {
  it("fires for active and paused initiatives without an owner, suggesting the owner of the priority served", () => {
    const found = findingsOf("initiative-no-owner", {
      people,
      teams,
      priorities,
      initiatives: [
        { id: "i1", title: "Self-serve onboarding", priorities: ["p2", "p1"] },
        { id: "i2", title: "Partner portal", status: "paused", allocation: { product: 0, sales: 2 } },
      ],
    });
    expect(found.map((f) => f.subject)).toEqual([
      { type: "initiative", id: "i1" },
      { type: "initiative", id: "i2" },
    ]);
    expect(found[0].severity).toBe("warning");
    expect(found[0].message).toBe('Initiative "Self-serve onboarding" has no owner');
    expect(found[0].evidence).toEqual({ owner: null, suggestedOwner: "ana" });
    expect(found[0].suggestion).toContain('Make Ana the owner of "Self-serve onboarding"');
    // No live priority to follow: someone from the team that staffs it (a 0 FTE entry does not staff it).
    expect(found[1].evidence.suggestedOwner).toBe("bo");
  });

  it("does not fire for an owned initiative or one that is not live", () => {
    const found = findingsOf("initiative-no-owner", {
      people,
      teams,
      priorities,
      initiatives: [
        { id: "i1", title: "A", owner: "ana" },
        { id: "i2", title: "B", status: "proposed" },
        { id: "i3", title: "C", status: "stopped" },
        { id: "i4", title: "D", status: "done" },
      ],
    });
    expect(found).toEqual([]);
  });
});
