import { describe, expect, it } from "vitest";
import { checkReferences } from "./plan-references.js";
import { planSchema } from "./plan-schema.js";

const base = {
  version: 1,
  organisation: "Tree Co",
  cycle: { name: "H1", start: "2026-01-01", end: "2026-06-30" },
  people: [{ id: "ana", name: "Ana" }],
  teams: [{ id: "sales", name: "Sales" }],
};

function messages(priorities: unknown[], extra: Record<string, unknown> = {}) {
  return checkReferences({ ...base, priorities, ...extra }).map((i) => `${i.path.join(".")}: ${i.message}`);
}

describe("format additions (plan-format.md, Additions)", () => {
  it("accepts a tree with teams, metric owners, initiative owner lists, team on stops and decisions, and unknown capacity", () => {
    const plan = {
      ...base,
      teams: [{ id: "sales", name: "Sales" }],
      priorities: [
        { id: "grow", title: "Grow mid-market revenue", owner: "ana" },
        { id: "pipe", title: "Double qualified pipeline", owner: "ana", parent: "grow", team: "sales" },
      ],
      metrics: [
        { id: "arr", name: "ARR", kind: "business", direction: "up", owner: "ana", priorities: ["pipe"] },
      ],
      initiatives: [{ id: "i1", title: "Outbound", owner: ["ana"], metrics: ["arr"], priorities: ["pipe"] }],
      stops: [
        { id: "s1", what: "Cold calls", decided: "2026-01-02", effective: "2026-01-03", team: "sales" },
      ],
      decisions: [{ id: "d1", date: "2026-01-02", statement: "Cut", kind: "cut", team: "sales" }],
    };
    expect(planSchema.safeParse(plan).success).toBe(true);
    expect(checkReferences(plan)).toEqual([]);
  });

  it("reports a priority that is its own parent at that priority's parent", () => {
    expect(messages([{ id: "p", title: "P", parent: "p" }])).toEqual([
      'priorities.0.parent: priority "p" is its own parent',
    ]);
  });

  it("reports a loop once, at the priority whose parent closes it (the last of the loop in the file)", () => {
    const found = messages([
      { id: "a", title: "A", parent: "c" },
      { id: "b", title: "B", parent: "a" },
      { id: "c", title: "C", parent: "b" },
      { id: "d", title: "D", parent: "c" },
    ]);
    expect(found).toEqual(['priorities.2.parent: closes a loop of parents: "a" → "c" → "b" → "a"']);
  });

  it("reports dangling parent, team, metric owner, initiative metrics and team references", () => {
    const found = messages([{ id: "a", title: "A", parent: "nope", team: "ghost" }], {
      metrics: [{ id: "m", name: "M", kind: "outcome", direction: "up", owner: "bob" }],
      initiatives: [{ id: "i", title: "I", owner: ["ana", "bob"], metrics: ["zz"] }],
      stops: [{ id: "s", what: "S", decided: "2026-01-01", effective: "2026-01-01", team: "x" }],
      decisions: [{ id: "d", date: "2026-01-01", statement: "D", kind: "cut", team: "y" }],
    });
    expect(found).toEqual([
      'priorities.0.parent: names priority "nope", which is not in the plan',
      'priorities.0.team: names team "ghost", which is not in the plan',
      'metrics.0.owner: names person "bob", which is not in the plan',
      'initiatives.0.owner.1: names person "bob", which is not in the plan',
      'initiatives.0.metrics.0: names metric "zz", which is not in the plan',
      'stops.0.team: names team "x", which is not in the plan',
      'decisions.0.team: names team "y", which is not in the plan',
    ]);
  });
});
