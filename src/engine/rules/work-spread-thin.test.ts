import { describe, expect, it } from "vitest";
import { findingsOf } from "../../../test/support/make-plan.js";

const teams = [{ id: "design", name: "Design", capacity: 10 }];
const priorities = [{ id: "p1", title: "Win mid-market" }];
const initiatives = (ftes: number[]) =>
  ftes.map((fte, i) => ({
    id: `i${i + 1}`,
    title: `Initiative ${i + 1}`,
    priorities: ["p1"],
    allocation: { design: fte },
  }));

describe("work-spread-thin", () => {
  it("does not fire at exactly 4 initiatives averaging exactly 1.0 FTE", () => {
    expect(
      findingsOf("work-spread-thin", { teams, priorities, initiatives: initiatives([0.7, 1.3, 0.9, 1.1]) }),
    ).toEqual([]);
  });

  it("does not fire with 3 initiatives, however small", () => {
    expect(
      findingsOf("work-spread-thin", { teams, priorities, initiatives: initiatives([0.1, 0.2, 0.3]) }),
    ).toEqual([]);
  });

  it("fires at 4 initiatives averaging below 1.0 and names the smallest allocations to consolidate", () => {
    const found = findingsOf("work-spread-thin", {
      teams,
      priorities,
      initiatives: initiatives([1, 1, 1, 0.9]),
    });
    expect(found).toHaveLength(1);
    const [f] = found;
    expect(f.subject).toEqual({ type: "team", id: "design" });
    expect(f.severity).toBe("warning");
    expect(f.evidence).toMatchObject({ count: 4, total: 3.9, averageFte: 0.98, consolidate: ["i4"] });
    expect(f.message).toBe("Design is spread over 4 live initiatives at 0.98 FTE each on average (below 1)");
    expect(f.suggestion).toBe(
      'Stop or fold into larger work "Initiative 4" (0.9 FTE), so Design holds 3 initiatives averaging 1 FTE.',
    );
  });

  it("does not count 0 FTE entries or initiatives that are not live", () => {
    const found = findingsOf("work-spread-thin", {
      teams,
      priorities,
      initiatives: [
        ...initiatives([0.5, 0.5, 0.5, 0]),
        { id: "done", title: "Done", status: "done", allocation: { design: 0.5 } },
      ],
    });
    expect(found).toEqual([]);
  });

  it("follows threshold overrides", () => {
    const plan = { teams, priorities, initiatives: initiatives([0.5, 0.5, 0.5]) };
    expect(findingsOf("work-spread-thin", plan)).toEqual([]);
    const found = findingsOf("work-spread-thin", {
      ...plan,
      rules: { "work-spread-thin": { minInitiatives: 3 } },
    });
    expect(found).toHaveLength(1);
    expect(
      findingsOf("work-spread-thin", {
        teams,
        priorities,
        initiatives: initiatives([1.5, 1.5, 1.5, 1.5]),
        rules: { "work-spread-thin": { minAverageFte: 2 } },
      }),
    ).toHaveLength(1);
  });
});

describe("work-spread-thin and work written as several initiatives", () => {
  const people = [
    { id: "ana", name: "Ana" },
    { id: "bo", name: "Bo" },
  ];
  const owned = (owners: (string | string[] | undefined)[]) =>
    owners.map((owner, i) => ({
      id: `i${i + 1}`,
      title: `Initiative ${i + 1}`,
      owner,
      priorities: ["p1"],
      allocation: { design: 0.5 },
    }));

  it("counts initiatives with the same owner and priorities as one piece of work", () => {
    // Four initiatives, but Ana's two are one piece of work: three pieces, not thin.
    expect(
      findingsOf("work-spread-thin", {
        people,
        teams,
        priorities,
        initiatives: owned(["ana", "ana", "bo", undefined]),
      }),
    ).toEqual([]);
    const [f] = findingsOf("work-spread-thin", {
      people,
      teams,
      priorities,
      initiatives: [...owned(["ana", "ana", "bo", undefined]), { ...owned([["ana", "bo"]])[0], id: "i5" }],
    });
    expect(f.evidence).toMatchObject({ count: 4, total: 2.5 });
    expect(f.message).toContain(
      "spread over 4 live initiatives (5 written, same owner and priorities counted once)",
    );
    // Ana's piece is named as one, with both its initiatives.
    expect(f.evidence.consolidate).toEqual(["i3"]);
  });

  it("keeps initiatives without an owner apart", () => {
    expect(
      findingsOf("work-spread-thin", {
        people,
        teams,
        priorities,
        initiatives: owned([undefined, undefined, undefined, undefined]),
      }),
    ).toHaveLength(1);
  });
});
