import { describe, expect, it } from "vitest";
import { findingsOf } from "../../../test/support/make-plan.js";

describe("resistance-unassessed", () => {
  it("fires (as info) for a live priority with no resistance listed", () => {
    const found = findingsOf("resistance-unassessed", {
      priorities: [{ id: "p", title: "Win retail", resistance: [] }],
    });
    expect(found).toHaveLength(1);
    expect(found[0].severity).toBe("info");
  });

  it("does not fire once resistance is listed, or for a proposed priority", () => {
    const resistance = [{ id: "r", area: "incentives", description: "Sales paid on volume" }];
    expect(
      findingsOf("resistance-unassessed", { priorities: [{ id: "p", title: "W", resistance }] as never }),
    ).toEqual([]);
    expect(
      findingsOf("resistance-unassessed", { priorities: [{ id: "p", title: "W", status: "proposed" }] }),
    ).toEqual([]);
  });
});

describe("resistance-unassessed on a tree of objectives", () => {
  it("asks only of live top-level priorities", () => {
    const found = findingsOf("resistance-unassessed", {
      priorities: [
        { id: "co", title: "Win retail" },
        { id: "fn", title: "Sales: retail pipeline", parent: "co" },
      ],
    });
    expect(found.map((f) => f.subject.id)).toEqual(["co"]);
  });
});
