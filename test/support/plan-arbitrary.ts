import fc from "fast-check";
import type { Plan, PlanInput } from "../../src/domain/plan-schema.js";
import { makePlan } from "./make-plan.js";

/*
 * Generated plans with the defects moves act on: teams over capacity, orphans, unowned and
 * shared priorities, overloaded owners, stops not carried out, "no" review answers, too many
 * priorities, teams spread thin. Small enough that a property runs a hundred of them.
 */

const PEOPLE = ["ana", "bo", "cy", "dee", "eli", "fay"];
const TEAMS = ["product", "sales", "ops"];

const ownerArb = fc.constantFrom<PlanInput["priorities"][number]["owner"]>(
  undefined,
  "ana",
  "ana",
  "bo",
  "cy",
  ["ana", "bo"],
  ["dee", "eli"],
  "product",
);

export const planInputArb: fc.Arbitrary<Partial<PlanInput>> = fc
  .record({
    priorityCount: fc.integer({ min: 1, max: 8 }),
    owners: fc.array(ownerArb, { minLength: 8, maxLength: 8 }),
    statuses: fc.array(fc.constantFrom("committed", "committed", "committed", "proposed", "retired"), {
      minLength: 8,
      maxLength: 8,
    }),
    capacities: fc.tuple(
      fc.integer({ min: 0, max: 12 }),
      fc.integer({ min: 0, max: 8 }),
      fc.option(fc.integer({ min: 0, max: 4 }), { nil: undefined }),
    ),
    initiatives: fc.array(
      fc.record({
        serves: fc.array(fc.integer({ min: 0, max: 9 }), { maxLength: 2 }),
        owner: fc.option(fc.constantFrom(...PEOPLE), { nil: undefined }),
        status: fc.constantFrom("active", "active", "active", "paused", "stopped", "proposed"),
        product: fc.constantFrom(0, 0.5, 1, 2, 4, 6),
        sales: fc.constantFrom(0, 0.5, 1, 3),
        ops: fc.constantFrom(0, 0.25, 0.5, 1),
        stopPassed: fc.boolean(),
        reviewedNo: fc.boolean(),
      }),
      { maxLength: 10 },
    ),
  })
  .map(({ priorityCount, owners, statuses, capacities, initiatives }) => {
    const priorities = Array.from({ length: priorityCount }, (_, i) => ({
      id: `p${i}`,
      title: `Win segment ${i} with a faster setup`,
      owner: owners[i],
      status: statuses[i] as "committed" | "proposed" | "retired",
      segment: i % 2 ? "Mid-market retail" : undefined,
    }));
    const list = initiatives.map((x, i) => ({
      id: `i${i}`,
      title: `Initiative ${i}`,
      owner: x.owner,
      // Indexes past the priorities make orphans.
      priorities: x.serves.filter((n) => n < priorityCount).map((n) => `p${n}`),
      status: x.status as "active" | "paused" | "stopped" | "proposed",
      allocation: Object.fromEntries(
        (
          [
            ["product", x.product],
            ["sales", x.sales],
            ["ops", x.ops],
          ] as const
        ).filter(([, fte]) => fte > 0),
      ),
    }));
    return {
      people: PEOPLE.map((id, i) => ({ id, name: id.toUpperCase(), team: TEAMS[i % TEAMS.length] })),
      teams: [
        { id: "product", name: "Product", capacity: capacities[0] },
        { id: "sales", name: "Sales", capacity: capacities[1] },
        { id: "ops", name: "Operations", capacity: capacities[2] },
      ],
      priorities,
      initiatives: list,
      stops: initiatives.flatMap((x, i) =>
        x.stopPassed
          ? [
              {
                id: `s${i}`,
                what: `Stop ${i}`,
                initiative: `i${i}`,
                decided: "2026-03-01",
                effective: "2026-04-01",
              },
            ]
          : [],
      ),
      reviews: [
        {
          id: "r1",
          date: "2026-05-01",
          items: initiatives.flatMap((x, i) =>
            x.reviewedNo
              ? [{ initiative: `i${i}`, connection: "c", learning: "l", stillInvest: "no" as const }]
              : [],
          ),
        },
      ],
      rules: { "work-spread-thin": { minInitiatives: 3 } },
    } satisfies Partial<PlanInput>;
  });

export const planArb: fc.Arbitrary<Plan> = planInputArb.map((input) => makePlan(input));
