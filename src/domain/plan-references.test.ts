import { describe, expect, it } from "vitest";
import { checkReferences } from "./plan-references.js";

/*
 * One row per kind of reference the plan format checks (shared spec plan-format.md): the
 * smallest plan that breaks it, the issue it must give (path and message), and the same plan
 * mended, which must give none. Plans are raw documents: the check runs before the schema.
 */

const base = {
  people: [{ id: "ana" }, { id: "raj" }],
  teams: [{ id: "product" }, { id: "sales" }],
  priorities: [{ id: "p1", owner: "ana" }],
  metrics: [{ id: "m1" }],
  initiatives: [{ id: "i1" }],
  insights: [{ id: "in1" }],
};
const plan = (extra: Record<string, unknown>) => ({ ...base, ...extra });

interface Row {
  kind: string;
  broken: Record<string, unknown>;
  path: (string | number)[];
  message: RegExp;
  related?: (string | number)[];
  mended: Record<string, unknown>;
}

const ROWS: Row[] = [
  {
    kind: "duplicate person id",
    broken: { people: [{ id: "ana" }, { id: "ana" }] },
    path: ["people", 1, "id"],
    message: /"ana" is used twice/,
    related: ["people", 0, "id"],
    mended: { people: [{ id: "ana" }, { id: "bo" }] },
  },
  {
    kind: "duplicate review id",
    broken: { reviews: [{ id: "r1" }, { id: "r2" }, { id: "r1" }] },
    path: ["reviews", 2, "id"],
    message: /"r1" is used twice/,
    related: ["reviews", 0, "id"],
    mended: { reviews: [{ id: "r1" }, { id: "r2" }, { id: "r3" }] },
  },
  {
    kind: "duplicate stop, promise and decision ids",
    broken: { stops: [{ id: "s" }, { id: "s" }] },
    path: ["stops", 1, "id"],
    message: /"s" is used twice/,
    mended: { stops: [{ id: "s" }, { id: "t" }] },
  },
  {
    kind: "duplicate resistance id across priorities",
    broken: {
      priorities: [
        { id: "p1", owner: "ana", resistance: [{ id: "r" }] },
        { id: "p2", owner: "ana", resistance: [{ id: "x" }, { id: "r" }] },
      ],
    },
    path: ["priorities", 1, "resistance", 1, "id"],
    message: /"r" is used twice/,
    related: ["priorities", 0, "resistance", 0, "id"],
    mended: {
      priorities: [
        { id: "p1", owner: "ana", resistance: [{ id: "r" }] },
        { id: "p2", owner: "ana", resistance: [{ id: "x" }, { id: "y" }] },
      ],
    },
  },
  {
    kind: "priority owner that is neither person nor team",
    broken: { priorities: [{ id: "p1", owner: "nobody" }] },
    path: ["priorities", 0, "owner"],
    message: /names "nobody", which is neither a person nor a team/,
    // A team may own a priority.
    mended: { priorities: [{ id: "p1", owner: "sales" }] },
  },
  {
    kind: "priority owner list naming an unknown person",
    broken: { priorities: [{ id: "p1", owner: ["ana", "ghost"] }] },
    path: ["priorities", 0, "owner", 1],
    message: /names person "ghost"/,
    mended: { priorities: [{ id: "p1", owner: ["ana", "raj"] }] },
  },
  {
    kind: "priority parent and team",
    broken: { priorities: [{ id: "p1", owner: "ana", parent: "p9" }] },
    path: ["priorities", 0, "parent"],
    message: /names priority "p9"/,
    mended: {
      priorities: [
        { id: "p1", owner: "ana" },
        { id: "p2", owner: "ana", parent: "p1" },
      ],
    },
  },
  {
    kind: "priority team",
    broken: { priorities: [{ id: "p1", owner: "ana", team: "ops" }] },
    path: ["priorities", 0, "team"],
    message: /names team "ops"/,
    mended: { priorities: [{ id: "p1", owner: "ana", team: "product" }] },
  },
  {
    kind: "resistance change owner",
    broken: {
      priorities: [{ id: "p1", owner: "ana", resistance: [{ id: "r", change: { owner: "ghost" } }] }],
    },
    path: ["priorities", 0, "resistance", 0, "change", "owner"],
    message: /names person "ghost"/,
    mended: { priorities: [{ id: "p1", owner: "ana", resistance: [{ id: "r", change: { owner: "raj" } }] }] },
  },
  {
    kind: "person team",
    broken: { people: [{ id: "ana", team: "ops" }, { id: "raj" }] },
    path: ["people", 0, "team"],
    message: /names team "ops"/,
    mended: { people: [{ id: "ana", team: "sales" }, { id: "raj" }] },
  },
  {
    kind: "team scorecard metric",
    broken: { teams: [{ id: "product", scorecard: [{ metric: "m9" }] }, { id: "sales" }] },
    path: ["teams", 0, "scorecard", 0, "metric"],
    message: /names metric "m9"/,
    mended: { teams: [{ id: "product", scorecard: [{ metric: "m1" }] }, { id: "sales" }] },
  },
  {
    kind: "metric priorities and owner",
    broken: { metrics: [{ id: "m1", priorities: ["p1", "p9"], owner: "raj" }] },
    path: ["metrics", 0, "priorities", 1],
    message: /names priority "p9"/,
    mended: { metrics: [{ id: "m1", priorities: ["p1"], owner: "raj" }] },
  },
  {
    kind: "metric owner",
    broken: { metrics: [{ id: "m1", owner: "ghost" }] },
    path: ["metrics", 0, "owner"],
    message: /names person "ghost"/,
    mended: { metrics: [{ id: "m1", owner: "ana" }] },
  },
  {
    kind: "initiative owner, metrics, priorities, allocation",
    broken: { initiatives: [{ id: "i1", owner: "ana", allocation: { ops: 1 } }] },
    path: ["initiatives", 0, "allocation", "ops"],
    message: /names team "ops"/,
    mended: {
      initiatives: [
        { id: "i1", owner: ["ana", "raj"], metrics: ["m1"], priorities: ["p1"], allocation: { product: 1 } },
      ],
    },
  },
  {
    kind: "initiative owner list",
    broken: { initiatives: [{ id: "i1", owner: ["ana", "ghost"] }] },
    path: ["initiatives", 0, "owner", 1],
    message: /names person "ghost"/,
    mended: { initiatives: [{ id: "i1", owner: ["ana"] }] },
  },
  {
    kind: "initiative metric",
    broken: { initiatives: [{ id: "i1", metrics: ["m9"] }] },
    path: ["initiatives", 0, "metrics", 0],
    message: /names metric "m9"/,
    mended: { initiatives: [{ id: "i1", metrics: ["m1"] }] },
  },
  {
    kind: "initiative ending before it starts",
    broken: { initiatives: [{ id: "i1", start: "2026-05-02", end: "2026-05-01" }] },
    path: ["initiatives", 0, "end"],
    message: /ends \(2026-05-01\) before it starts \(2026-05-02\)/,
    // Starting and ending on one day is fine.
    mended: { initiatives: [{ id: "i1", start: "2026-05-01", end: "2026-05-01" }] },
  },
  {
    kind: "cycle ending before it starts",
    broken: { cycle: { start: "2026-12-31", end: "2026-01-01" } },
    path: ["cycle", "end"],
    message: /ends \(2026-01-01\) before it starts/,
    mended: { cycle: { start: "2026-01-01", end: "2026-12-31" } },
  },
  {
    kind: "stop effective before decided",
    broken: { stops: [{ id: "s1", decided: "2026-03-02", effective: "2026-03-01" }] },
    path: ["stops", 0, "effective"],
    message: /takes effect \(2026-03-01\) before it was decided \(2026-03-02\)/,
    mended: { stops: [{ id: "s1", decided: "2026-03-01", effective: "2026-03-01" }] },
  },
  {
    kind: "stop priority, initiative, frees and team",
    broken: { stops: [{ id: "s1", priority: "p1", initiative: "i9" }] },
    path: ["stops", 0, "initiative"],
    message: /names initiative "i9"/,
    mended: { stops: [{ id: "s1", priority: "p1", initiative: "i1", frees: { product: 1 }, team: "sales" }] },
  },
  {
    kind: "stop frees an unknown team",
    broken: { stops: [{ id: "s1", frees: { ops: 1 } }] },
    path: ["stops", 0, "frees", "ops"],
    message: /names team "ops"/,
    mended: { stops: [{ id: "s1", frees: { sales: 1 } }] },
  },
  {
    kind: "stop team",
    broken: { stops: [{ id: "s1", team: "ops" }] },
    path: ["stops", 0, "team"],
    message: /names team "ops"/,
    mended: { stops: [{ id: "s1", team: "product" }] },
  },
  {
    kind: "stop priority",
    broken: { stops: [{ id: "s1", priority: "p9" }] },
    path: ["stops", 0, "priority"],
    message: /names priority "p9"/,
    mended: { stops: [{ id: "s1", priority: "p1" }] },
  },
  {
    kind: "promise priority and milestone team",
    broken: { promises: [{ id: "pr", priority: "p1", milestones: [{ team: "product" }, { team: "ops" }] }] },
    path: ["promises", 0, "milestones", 1, "team"],
    message: /names team "ops"/,
    mended: {
      promises: [{ id: "pr", priority: "p1", milestones: [{ team: "product" }, { team: "sales" }] }],
    },
  },
  {
    kind: "promise priority",
    broken: { promises: [{ id: "pr", priority: "p9" }] },
    path: ["promises", 0, "priority"],
    message: /names priority "p9"/,
    mended: { promises: [{ id: "pr", priority: "p1" }] },
  },
  {
    kind: "insight priorities",
    broken: { insights: [{ id: "in1", priorities: ["p9"] }] },
    path: ["insights", 0, "priorities", 0],
    message: /names priority "p9"/,
    mended: { insights: [{ id: "in1", priorities: ["p1"] }] },
  },
  {
    kind: "decision decidedBy",
    broken: { decisions: [{ id: "d1", decidedBy: "ghost" }] },
    path: ["decisions", 0, "decidedBy"],
    message: /names person "ghost"/,
    mended: { decisions: [{ id: "d1", decidedBy: "raj" }] },
  },
  {
    kind: "decision priority, evidence and team",
    broken: { decisions: [{ id: "d1", priority: "p1", evidence: ["in1", "in9"], team: "sales" }] },
    path: ["decisions", 0, "evidence", 1],
    message: /names insight "in9"/,
    mended: { decisions: [{ id: "d1", priority: "p1", evidence: ["in1"], team: "sales" }] },
  },
  {
    kind: "decision team",
    broken: { decisions: [{ id: "d1", team: "ops" }] },
    path: ["decisions", 0, "team"],
    message: /names team "ops"/,
    mended: { decisions: [{ id: "d1", team: "sales" }] },
  },
  {
    kind: "decision priority",
    broken: { decisions: [{ id: "d1", priority: "p9" }] },
    path: ["decisions", 0, "priority"],
    message: /names priority "p9"/,
    mended: { decisions: [{ id: "d1", priority: "p1" }] },
  },
  {
    kind: "review priority",
    broken: { reviews: [{ id: "r1", priority: "p9" }] },
    path: ["reviews", 0, "priority"],
    message: /names priority "p9"/,
    mended: { reviews: [{ id: "r1", priority: "p1" }] },
  },
  {
    kind: "review item initiative",
    broken: { reviews: [{ id: "r1", items: [{ initiative: "i1" }, { initiative: "i9" }] }] },
    path: ["reviews", 0, "items", 1, "initiative"],
    message: /names initiative "i9"/,
    mended: { reviews: [{ id: "r1", items: [{ initiative: "i1" }] }] },
  },
];

describe("plan references, one row per kind", () => {
  it.each(ROWS)("$kind: refused where it is written", (row) => {
    const issues = checkReferences(plan(row.broken));
    expect(issues).toHaveLength(1);
    expect(issues[0].path).toEqual(row.path);
    expect(issues[0].message).toMatch(row.message);
    if (row.related) expect(issues[0].related).toEqual(row.related);
  });

  it.each(ROWS)("$kind: the mended plan passes", (row) => {
    expect(checkReferences(plan(row.mended))).toEqual([]);
  });
});
