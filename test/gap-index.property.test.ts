import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { PlanInput } from "../src/domain/plan-schema.js";
import { analyse } from "../src/engine/analyse.js";
import { gapIndex } from "../src/engine/gap-index.js";
import { DIMENSIONS, type Finding, type IndexReport } from "../src/engine/types.js";
import { makePlan } from "./support/make-plan.js";

/** Every score in `higher` is at least the same score in `lower`. */
function expectNotLower(higher: IndexReport, lower: IndexReport): void {
  expect(higher.overall).toBeGreaterThanOrEqual(lower.overall);
  for (const d of DIMENSIONS) expect(higher.dimensions[d]).toBeGreaterThanOrEqual(lower.dimensions[d]);
  for (const [id, v] of Object.entries(lower.priorities))
    expect(higher.priorities[id] ?? 0).toBeGreaterThanOrEqual(v);
  for (const [id, v] of Object.entries(lower.teams)) expect(higher.teams[id] ?? 0).toBeGreaterThanOrEqual(v);
}

const findingArb: fc.Arbitrary<Finding> = fc.record({
  rule: fc.constantFrom("a", "b", "c"),
  severity: fc.constantFrom("error", "warning", "info"),
  dimension: fc.constantFrom(...DIMENSIONS),
  subject: fc.record({ type: fc.constant("priority" as const), id: fc.constantFrom("p1", "p2", "p3") }),
  message: fc.constant("m"),
  evidence: fc.constant({}),
  suggestion: fc.constant("s"),
  scope: fc.record({
    priorities: fc.subarray(["p1", "p2", "p3"]),
    teams: fc.subarray(["t1", "t2"]),
  }),
});

describe("Execution Gap Index", () => {
  it("is 0 with no findings and below 100 with many", () => {
    expect(gapIndex([], ["p1"], ["t1"]).overall).toBe(0);
    const many = Array.from({ length: 200 }, (_, i) => ({
      rule: "r",
      severity: "error" as const,
      dimension: DIMENSIONS[i % DIMENSIONS.length],
      subject: { type: "plan" as const, id: "plan" },
      message: "",
      evidence: {},
      suggestion: "",
      scope: { priorities: [], teams: [] },
    }));
    expect(gapIndex(many, [], []).overall).toBeLessThanOrEqual(100);
    expect(gapIndex(many, [], []).overall).toBeGreaterThan(99);
  });

  it("never falls when findings are added (any finding set and a superset of it)", () => {
    fc.assert(
      fc.property(
        fc.array(findingArb, { maxLength: 30 }),
        fc.array(findingArb, { maxLength: 10 }),
        (base, extra) => {
          const before = gapIndex(base, ["p1", "p2", "p3"], ["t1", "t2"]);
          const after = gapIndex([...base, ...extra], ["p1", "p2", "p3"], ["t1", "t2"]);
          expectNotLower(after, before);
        },
      ),
      { numRuns: 300 },
    );
  });

  // Plan-level: small random plans, and defects that only add findings (and their fixes).
  const people = [
    { id: "ana", name: "Ana" },
    { id: "bo", name: "Bo" },
    { id: "cy", name: "Cy" },
  ];
  const teams = [
    { id: "product", name: "Product", capacity: 10, scorecard: [{ metric: "m-out", weight: 1 }] },
    { id: "sales", name: "Sales", capacity: 6 },
  ];
  const priorityArb = (i: number) =>
    fc.record({
      id: fc.constant(`p${i}`),
      title: fc.constantFrom(
        "Win mid-market retailers",
        "Customer experience",
        "Grow enterprise accounts in DACH",
      ),
      owner: fc.constantFrom(undefined, "ana", "bo", ["ana", "bo"], "product"),
      status: fc.constantFrom("committed", "committed", "proposed"),
      segment: fc.constantFrom(undefined, "Mid-market retail"),
      outcome: fc.constantFrom(undefined, "Faster onboarding"),
      rightToWin: fc.constantFrom(undefined, "Our connectors"),
    });
  const planArb = fc
    .record({
      count: fc.integer({ min: 1, max: 7 }),
      allocations: fc.array(
        // Small allocations too, so teams get spread thin and splitting work can tip that.
        fc.record({ product: fc.constantFrom(0, 0.5, 1, 1, 2, 6), sales: fc.constantFrom(0, 0.5, 1, 4) }),
        {
          maxLength: 6,
        },
      ),
      insightAges: fc.array(fc.integer({ min: 0, max: 90 }), { maxLength: 4 }),
    })
    .chain(({ count, allocations, insightAges }) =>
      fc.tuple(...Array.from({ length: count }, (_, i) => priorityArb(i))).map((priorities) => ({
        people,
        teams,
        priorities,
        metrics: [
          {
            id: "m-out",
            name: "Outcome",
            kind: "outcome" as const,
            direction: "up" as const,
            priorities: ["p0"],
          },
        ],
        initiatives: allocations.map((allocation, i) => ({
          id: `i${i}`,
          title: `Initiative ${i}`,
          owner: i % 2 ? "cy" : undefined,
          priorities: i % 3 ? [`p${i % count}`] : [],
          allocation,
        })),
        insights: insightAges.map((age, i) => ({
          id: `n${i}`,
          date: dayBefore("2026-06-01", age),
          summary: "Learned",
        })),
        // A promise on track and a decision that fires nothing, so every dimension is assessed
        // and a defect below only adds findings (not the data that makes a dimension assessed).
        promises: [
          {
            id: "fine",
            statement: "On track",
            milestones: [{ team: "product", what: "Ready", date: "2026-09-01", done: true }],
          },
        ],
        decisions: [{ id: "keep", date: "2026-05-01", statement: "Keep going", kind: "continue" as const }],
      })),
    );

  type Mutation = (plan: Partial<PlanInput>) => Partial<PlanInput>;
  // Each defect adds a finding and closes none; its fix is the reverse.
  const defects: Record<string, Mutation> = {
    "an unowned live priority": (p) => ({
      ...p,
      priorities: [...(p.priorities ?? []), { id: "extra", title: "Lead in mid-market EU retail" }],
    }),
    "an old insight nobody used": (p) => ({
      ...p,
      insights: [...(p.insights ?? []), { id: "old", date: "2026-01-02", summary: "x" }],
    }),
    "a cut without evidence": (p) => ({
      ...p,
      decisions: [
        { id: "d", date: "2026-05-01", statement: "Cut the reseller channel", kind: "cut" as const },
      ],
    }),
    "a promise out of step": (p) => ({
      ...p,
      promises: [
        {
          id: "launch",
          statement: "Launch",
          milestones: [
            { team: "sales", what: "Campaign", date: "2026-07-01", customerFacing: true },
            { team: "product", what: "Ready", date: "2026-07-20" },
          ],
        },
      ],
    }),
  };

  for (const [name, addDefect] of Object.entries(defects)) {
    it(`never falls when a plan gains ${name}, and never rises when it is closed`, () => {
      fc.assert(
        fc.property(planArb, (input) => {
          const without = analyse(makePlan(input)).index;
          const withDefect = analyse(makePlan(addDefect(input))).index;
          expectNotLower(withDefect, without);
          expect(withDefect.overall).toBeGreaterThan(without.overall - 1e-9);
        }),
        { numRuns: 60 },
      );
    });
  }

  it("does not change when an owned initiative is split in two with the same owner, priorities and total allocation", () => {
    fc.assert(
      fc.property(planArb, fc.nat(), fc.double({ min: 0, max: 1, noNaN: true }), (input, pick, share) => {
        const owned = input.initiatives.filter((i) => i.owner !== undefined);
        fc.pre(owned.length > 0);
        const target = owned[pick % owned.length];
        // Halves of each allocation, in whole and fractional FTE; their sum is the original.
        const first = Object.fromEntries(
          Object.entries(target.allocation).map(([t, v]) => [t, Math.round(v * share * 10) / 10]),
        );
        const second = Object.fromEntries(
          Object.entries(target.allocation).map(([t, v]) => [t, Math.round((v - first[t]) * 10) / 10]),
        );
        const split = {
          ...input,
          initiatives: input.initiatives.flatMap((i) =>
            i === target
              ? [
                  { ...i, allocation: first },
                  { ...i, id: `${i.id}-b`, title: `${i.title} (part two)`, allocation: second },
                ]
              : [i],
          ),
        };
        const before = analyse(makePlan(input)).index;
        const after = analyse(makePlan(split)).index;
        expect(after).toEqual(before);
      }),
      { numRuns: 150 },
    );
  });

  it("does not change when splitting work would make a team look spread thin", () => {
    const plan = (parts: number[]) =>
      makePlan({
        people,
        teams,
        priorities: [{ id: "p0", title: "Win mid-market retailers", owner: "ana" }],
        initiatives: [
          ...parts.map((fte, i) => ({
            id: `a${i}`,
            title: `Setup ${i}`,
            owner: "cy",
            priorities: ["p0"],
            allocation: { product: fte },
          })),
          { id: "b", title: "Reports", owner: "bo", priorities: ["p0"], allocation: { product: 1 } },
          { id: "c", title: "Imports", owner: "ana", priorities: ["p0"], allocation: { product: 0.5 } },
        ],
      });
    expect(analyse(plan([0.5, 1])).index).toEqual(analyse(plan([1.5])).index);
  });

  it("does not change when unowned work is written as one initiative per bullet", () => {
    const plan = (bullets: number) =>
      makePlan({
        people,
        teams,
        priorities: [{ id: "p0", title: "Win mid-market retailers", owner: "ana" }],
        initiatives: Array.from({ length: bullets }, (_, i) => ({
          id: `b${i}`,
          title: `Bullet ${i}`,
          priorities: ["p0"],
          allocation: { product: 3 / bullets },
        })),
      });
    const one = analyse(plan(1));
    const three = analyse(plan(3));
    expect(three.findings.filter((f) => f.rule === "initiative-no-owner")).toHaveLength(3);
    expect(three.index).toEqual(one.index);
  });

  it("leaves dimensions the plan holds no data for out of the overall index", () => {
    const bare = analyse(
      makePlan({
        people,
        teams: [{ id: "product", name: "Product" }],
        priorities: [{ id: "p0", title: "Customer experience" }],
      }),
    ).index;
    expect(bare.notAssessed).toEqual(["capacity", "timelines", "learning"]);
    const assessed = DIMENSIONS.filter((d) => !bare.notAssessed.includes(d));
    const mean = assessed.reduce((sum, d) => sum + bare.dimensions[d], 0) / assessed.length;
    expect(bare.overall).toBeCloseTo(mean, 1);
    expect(bare.overall).toBeGreaterThan(
      DIMENSIONS.reduce((sum, d) => sum + bare.dimensions[d], 0) / DIMENSIONS.length,
    );
    // One team with a capacity, one promise and one insight make each dimension assessed.
    const full = analyse(
      makePlan({
        people,
        teams: [{ id: "product", name: "Product", capacity: 3 }],
        priorities: [{ id: "p0", title: "Customer experience" }],
        promises: [
          { id: "x", statement: "x", milestones: [{ team: "product", what: "x", date: "2026-09-01" }] },
        ],
        insights: [{ id: "n", date: "2026-05-30", summary: "x" }],
      }),
    ).index;
    expect(full.notAssessed).toEqual([]);
  });

  it("never rises when a priority gets a single owner (closing ownership findings)", () => {
    fc.assert(
      fc.property(planArb, (input) => {
        const before = analyse(makePlan(input)).index;
        // Each priority gets its own owner, so no one becomes overloaded by the fix.
        const owners = input.priorities.map((_, i) => ({ id: `owner-${i}`, name: `Owner ${i}` }));
        const fixed = {
          ...input,
          people: [...input.people, ...owners],
          priorities: input.priorities.map((p, i) => ({ ...p, owner: owners[i].id })),
        };
        const after = analyse(makePlan(fixed)).index;
        expect(after.dimensions.ownership).toBeLessThanOrEqual(before.dimensions.ownership);
      }),
      { numRuns: 60 },
    );
  });
});

function dayBefore(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) - days * 86_400_000).toISOString().slice(0, 10);
}
