import { describe, expect, it } from "vitest";
import { findingsOf } from "../../../test/support/make-plan.js";

const people = [
  { id: "ana", name: "Ana", team: "product" },
  { id: "bo", name: "Bo", team: "sales" },
  { id: "cy", name: "Cy", team: "product" },
];
const teams = [
  { id: "product", name: "Product", capacity: 5 },
  { id: "sales", name: "Sales", capacity: 5 },
];
const owned = (n: number, owner: string | string[] = "ana") =>
  Array.from({ length: n }, (_, i) => ({ id: `p${i + 1}`, title: `Priority ${i + 1}`, owner }));

describe("owner-overloaded", () => {
  it("does not fire at exactly 2 priorities owned alone", () => {
    expect(findingsOf("owner-overloaded", { people, teams, priorities: owned(2) })).toEqual([]);
  });

  it("fires at 3, on the person, naming the priority to hand over and a colleague who owns none", () => {
    const found = findingsOf("owner-overloaded", { people, teams, priorities: owned(3) });
    expect(found).toHaveLength(1);
    const [f] = found;
    expect(f.subject).toEqual({ type: "person", id: "ana" });
    expect(f.severity).toBe("warning");
    expect(f.path).toEqual(["people", 0]);
    expect(f.evidence).toMatchObject({ count: 3, max: 2, handOver: [{ priority: "p3", to: "cy" }] });
    expect(f.evidence.priorities).toEqual([
      { id: "p1", title: "Priority 1" },
      { id: "p2", title: "Priority 2" },
      { id: "p3", title: "Priority 3" },
    ]);
    // Cy is on Ana's team and owns nothing: the natural candidate.
    expect(f.suggestion).toBe('Hand over "Priority 3" to Cy, who owns no live priority, so Ana keeps 2.');
  });

  it("counts only live priorities owned alone", () => {
    const found = findingsOf("owner-overloaded", {
      people,
      teams,
      priorities: [
        ...owned(2),
        { id: "s1", title: "Shared", owner: ["ana", "bo"] },
        { id: "s2", title: "Proposed", owner: "ana", status: "proposed" },
        { id: "s3", title: "One-person list", owner: ["ana", "ana"] },
      ],
    });
    // s3 counts (one person), s1 and s2 do not: 3 > 2.
    expect(found[0].evidence.count).toBe(3);
    const notOverloaded = findingsOf("owner-overloaded", {
      people,
      teams,
      priorities: [...owned(2), { id: "s1", title: "Shared", owner: ["ana", "bo"] }],
    });
    expect(notOverloaded).toEqual([]);
  });

  it("follows a `max` override and can be turned off", () => {
    expect(
      findingsOf("owner-overloaded", {
        people,
        teams,
        priorities: owned(3),
        rules: { "owner-overloaded": { max: 3 } },
      }),
    ).toEqual([]);
    expect(
      findingsOf("owner-overloaded", {
        people,
        teams,
        priorities: owned(2),
        rules: { "owner-overloaded": { max: 1 } },
      }),
    ).toHaveLength(1);
    expect(
      findingsOf("owner-overloaded", {
        people,
        teams,
        priorities: owned(4),
        rules: { "owner-overloaded": "off" },
      }),
    ).toEqual([]);
  });

  it("says to hand over to another owner when everybody already owns one", () => {
    const found = findingsOf("owner-overloaded", {
      people: [{ id: "ana", name: "Ana" }],
      priorities: owned(4),
    });
    expect(found[0].suggestion).toBe(
      'Hand over "Priority 3" and "Priority 4" to another owner, so Ana keeps 2.',
    );
  });
});
