import { describe, expect, it } from "vitest";
import { findingsOf } from "../../../test/support/make-plan.js";

const people = [
  { id: "ana", name: "Ana", team: "product" },
  { id: "bo", name: "Bo", team: "product" },
  { id: "cy", name: "Cy", team: "sales" },
];
const teams = [
  { id: "product", name: "Product", capacity: 5 },
  { id: "sales", name: "Sales", capacity: 5 },
  { id: "ops", name: "Ops", capacity: 2 },
];

describe("priority-shared-owner", () => {
  it("fires for a list of several people and names the first as the single owner", () => {
    const [f, ...rest] = findingsOf("priority-shared-owner", {
      people,
      teams,
      priorities: [{ id: "p1", title: "Win mid-market", owner: ["bo", "ana", "bo"] }],
    });
    expect(rest).toEqual([]);
    expect(f.subject).toEqual({ type: "priority", id: "p1" });
    expect(f.severity).toBe("error");
    expect(f.message).toContain("2 people (Bo and Ana)");
    expect(f.evidence).toEqual({ owner: ["bo", "ana"], team: null, suggestedOwner: "bo" });
    expect(f.suggestion).toMatch(/^Make Bo the single owner of "Win mid-market"; Ana contributes/);
  });

  it("fires for a team and suggests the member of that team who already owns least", () => {
    const found = findingsOf("priority-shared-owner", {
      people,
      teams,
      priorities: [
        { id: "p1", title: "Win mid-market", owner: "product" },
        { id: "p2", title: "Win enterprise", owner: "ana" },
      ],
    });
    expect(found).toHaveLength(1);
    expect(found[0].message).toContain("the team Product");
    expect(found[0].evidence.suggestedOwner).toBe("bo");
    expect(found[0].suggestion).toContain("Make Bo the single owner");
  });

  it("falls back to a live initiative's owner when the team lists nobody", () => {
    const found = findingsOf("priority-shared-owner", {
      people,
      teams,
      priorities: [{ id: "p1", title: "Lean ops", owner: "ops" }],
      initiatives: [{ id: "i1", title: "Automate billing", owner: "cy", priorities: ["p1"] }],
    });
    expect(found[0].evidence.suggestedOwner).toBe("cy");
  });

  it("does not fire for one person, a one-person or repeated list, no owner, or a priority that is not live", () => {
    const found = findingsOf("priority-shared-owner", {
      people,
      teams,
      priorities: [
        { id: "p1", title: "A", owner: "ana" },
        { id: "p2", title: "B", owner: ["bo"] },
        { id: "p3", title: "C", owner: ["cy", "cy"] },
        { id: "p4", title: "D" },
        { id: "p5", title: "E", owner: ["ana", "bo"], status: "proposed" },
        { id: "p6", title: "F", owner: "product", status: "achieved" },
      ],
    });
    expect(found).toEqual([]);
  });

  it("a shared priority does not also get priority-no-owner", () => {
    const found = findingsOf("priority-no-owner", {
      people,
      teams,
      priorities: [{ id: "p1", title: "A", owner: ["ana", "bo"] }],
    });
    expect(found).toEqual([]);
  });
});
