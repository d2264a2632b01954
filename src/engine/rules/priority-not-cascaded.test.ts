import { describe, expect, it } from "vitest";
import { findingsOf } from "../../../test/support/make-plan.js";
import type { PlanInput } from "../../domain/plan-schema.js";

const teams = [
  { id: "product", name: "Product", capacity: 20 },
  { id: "sales", name: "Sales", capacity: 10 },
  { id: "data", name: "Data", capacity: 5 },
];
// A company objective with a function objective beneath it: the plan writes a cascade.
const priorities = [
  { id: "co", title: "Win mid-market retail" },
  { id: "fn", title: "Product: setup in a day", parent: "co", team: "product" },
];
const base = (over: Partial<PlanInput> = {}): Partial<PlanInput> => ({
  teams,
  priorities,
  initiatives: [
    // Serves the function objective beneath: Product and Sales contribute to "co".
    { id: "setup", title: "Guided setup", priorities: ["fn"], allocation: { product: 6, sales: 1 } },
    { id: "campaign", title: "Retail campaign", priorities: ["co"], allocation: { sales: 2, data: 0 } },
  ],
  ...over,
});

describe("priority-not-cascaded", () => {
  it("fires once per top-level priority, listing contributing teams with no objective, stop or decision of their own", () => {
    const found = findingsOf("priority-not-cascaded", base());
    expect(found).toHaveLength(1);
    expect(found[0].subject).toEqual({ type: "priority", id: "co" });
    expect(found[0].severity).toBe("warning");
    expect(found[0].dimension).toBe("focus");
    // Product has "fn" beneath; Sales holds 3 FTE and has nothing; Data's 0 FTE is not held.
    expect(found[0].evidence).toEqual({
      teams: [{ id: "sales", fte: 3, initiatives: ["setup", "campaign"] }],
    });
    expect(found[0].message).toBe(
      'Priority "Win mid-market retail" is not cascaded to Sales: it contributes FTE but has no objective, stop or decision of its own for it',
    );
    expect(found[0].suggestion).toContain(
      'Add a team objective beneath "Win mid-market retail" for Sales (3 FTE)',
    );
    expect(found[0].suggestion).toContain('with "Win mid-market retail" as its parent and the team set');
    expect(found[0].scope.teams).toEqual(["sales"]);
  });

  it("counts a team objective at any depth beneath, but not a retired one or one of another team", () => {
    const deep = [
      ...priorities,
      { id: "team", title: "Sales: retail playbook", parent: "fn", team: "sales" },
    ];
    expect(findingsOf("priority-not-cascaded", base({ priorities: deep }))).toEqual([]);
    const retired = [
      ...priorities,
      {
        id: "team",
        title: "Sales: retail playbook",
        parent: "fn",
        team: "sales",
        status: "retired" as const,
      },
    ];
    expect(findingsOf("priority-not-cascaded", base({ priorities: retired }))).toHaveLength(1);
    const other = [...priorities, { id: "team", title: "Data: models", parent: "co", team: "data" }];
    expect(findingsOf("priority-not-cascaded", base({ priorities: other }))).toHaveLength(1);
  });

  it("counts a stop for it (or beneath it) with the team set or freeing the team's FTE", () => {
    const stop = (over: Record<string, unknown>) =>
      base({
        stops: [
          {
            id: "s",
            what: "Trade shows",
            priority: "fn",
            decided: "2026-02-01",
            effective: "2026-03-01",
            ...over,
          },
        ],
      });
    expect(findingsOf("priority-not-cascaded", stop({ team: "sales" }))).toEqual([]);
    expect(findingsOf("priority-not-cascaded", stop({ frees: { sales: 1 } }))).toEqual([]);
    expect(findingsOf("priority-not-cascaded", stop({ frees: { sales: 0 } }))).toHaveLength(1);
    expect(findingsOf("priority-not-cascaded", stop({ team: "data" }))).toHaveLength(1);
    // A stop decided after asOf does not count yet.
    expect(findingsOf("priority-not-cascaded", stop({ team: "sales", decided: "2026-07-01" }))).toHaveLength(
      1,
    );
  });

  it("counts a cut, deprioritise or stop decision of the team for it, not invest, pivot or continue", () => {
    const decision = (kind: string, over: Record<string, unknown> = {}) =>
      base({
        decisions: [
          {
            id: "d",
            date: "2026-03-01",
            statement: "Drop the long tail",
            kind,
            priority: "co",
            team: "sales",
            ...over,
          },
        ] as never,
      });
    for (const kind of ["cut", "deprioritise", "stop"])
      expect(findingsOf("priority-not-cascaded", decision(kind)), kind).toEqual([]);
    for (const kind of ["invest", "pivot", "continue"])
      expect(findingsOf("priority-not-cascaded", decision(kind)), kind).toHaveLength(1);
    expect(findingsOf("priority-not-cascaded", decision("cut", { team: undefined }))).toHaveLength(1);
    expect(findingsOf("priority-not-cascaded", decision("cut", { date: "2026-07-01" }))).toHaveLength(1);
  });

  it("ignores initiatives that are not live and priorities that are not live or not top level", () => {
    const notLive = base({
      initiatives: [
        {
          id: "setup",
          title: "Guided setup",
          priorities: ["fn"],
          allocation: { product: 6, sales: 1 },
          status: "done",
        },
      ],
    });
    expect(findingsOf("priority-not-cascaded", notLive)).toEqual([]);
    const proposed = base({ priorities: [{ ...priorities[0], status: "proposed" as const }, priorities[1]] });
    expect(findingsOf("priority-not-cascaded", proposed)).toEqual([]);
  });

  it("is silent for a plan that writes no cascade (no priority has a parent)", () => {
    const flat = base({ priorities: [priorities[0], { ...priorities[1], parent: undefined }] });
    expect(findingsOf("priority-not-cascaded", flat)).toEqual([]);
  });
});
