import { describe, expect, it } from "vitest";
import { findingsOf } from "../../../test/support/make-plan.js";

const people = [
  { id: "ana", name: "Ana" },
  { id: "bo", name: "Bo" },
];

describe("priority-no-owner", () => {
  it("fires for a live priority with no owner, or an empty owner list", () => {
    const found = findingsOf("priority-no-owner", {
      people,
      priorities: [
        { id: "p1", title: "Win mid-market" },
        { id: "p2", title: "Win enterprise", owner: [] },
        { id: "p3", title: "Win SMB", owner: null as unknown as undefined },
      ],
    });
    expect(found.map((f) => f.subject)).toEqual([
      { type: "priority", id: "p1" },
      { type: "priority", id: "p2" },
      { type: "priority", id: "p3" },
    ]);
    expect(found[0].severity).toBe("error");
    expect(found[0].path).toEqual(["priorities", 0]);
  });

  it("does not fire for one owner, a one-person list, a shared owner, or a priority that is not live", () => {
    const found = findingsOf("priority-no-owner", {
      people,
      teams: [{ id: "product", name: "Product", capacity: 5 }],
      priorities: [
        { id: "p1", title: "A", owner: "ana" },
        { id: "p2", title: "B", owner: ["bo"] },
        { id: "p3", title: "C", owner: ["ana", "bo"] },
        { id: "p4", title: "D", owner: "product" },
        { id: "p5", title: "E", status: "proposed" },
        { id: "p6", title: "F", status: "retired" },
      ],
    });
    expect(found).toEqual([]);
  });
});
