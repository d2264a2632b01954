import type { PlanInput } from "../../src/domain/plan-schema.js";

/*
 * Plans with a bit of everything, built from a seed: names that differ from ids, large
 * numbers, segments that already say "customers", due dates on `asOf`, owner lists, trees.
 * For tests that read what every rule says (test/rule-messages.test.ts), not for the index.
 */

function rng(seed: number) {
  let s = seed >>> 0 || 1;
  const next = () => {
    // xorshift32: deterministic and good enough to pick from lists.
    s ^= s << 13;
    s >>>= 0;
    s ^= s >>> 17;
    s ^= s << 5;
    s >>>= 0;
    return s / 4294967296;
  };
  return {
    next,
    int: (lo: number, hi: number) => lo + Math.floor(next() * (hi - lo + 1)),
    pick: <T>(xs: readonly T[]): T => xs[Math.floor(next() * xs.length)] as T,
    chance: (p: number) => next() < p,
    some: <T>(xs: readonly T[], max: number): T[] => xs.filter(() => next() < max / Math.max(xs.length, 1)),
  };
}

const PEOPLE = ["Ana Lima", "Ben Okafor", "Chloé Martin", "Dev Patel", "Eva Novak", "Femi Adeyemi"];
const TEAMS = ["Product & Engineering", "Sales", "Customer Success", "Marketing"];
const TITLES = [
  "Customer Experience",
  "Growth",
  "Get mid-market retailers live in a day",
  "Win back churned agencies",
  "Halve time to first value for new teams",
  "Operational excellence",
];
const SEGMENTS = [
  "All customers",
  "Mid-market customers",
  "Retail chains",
  "  ",
  "Agencies with 10–50 staff",
];
const METRIC_NAMES = [
  "Net revenue retention",
  "Features shipped",
  "Median days to first report",
  "Annual recurring revenue",
  "Support tickets closed",
  "Weekly active teams",
];
const KINDS = ["outcome", "business", "output", "efficiency"] as const;
const ASOF = "2026-06-01";
const DATES = [
  "2026-01-01",
  "2026-02-15",
  "2026-03-31",
  "2026-04-20",
  "2026-05-31",
  ASOF,
  "2026-07-01",
  "2026-09-30",
];

export function randomPlan(seed: number): PlanInput {
  const r = rng(seed);
  const people = PEOPLE.slice(0, r.int(2, PEOPLE.length)).map((name, i) => ({
    id: `pp-${i + 1}`,
    name,
    team: r.chance(0.7) ? `tm-${r.int(1, 3)}` : undefined,
  }));
  const personIds = people.map((p) => p.id);
  const metricIds = METRIC_NAMES.map((_, i) => `mt-${i + 1}`);
  const teams = TEAMS.slice(0, 3).map((name, i) => ({
    id: `tm-${i + 1}`,
    name,
    capacity: r.chance(0.8) ? r.pick([0, 2, 8, 12.5, 30]) : undefined,
    scorecard: r.chance(0.6)
      ? r.some(metricIds, 3).map((metric) => ({ metric, weight: r.pick([1, 2, 5, 10]) }))
      : undefined,
  }));
  const teamIds = teams.map((t) => t.id);
  const owner = () =>
    r.pick([
      undefined,
      r.pick(personIds),
      r.pick(personIds),
      [r.pick(personIds)],
      [personIds[0], personIds[1]],
      r.pick(teamIds),
      [],
    ]);
  const priorities = Array.from({ length: r.int(2, 8) }, (_, i) => ({
    id: `pr-${i + 1}`,
    title: r.pick(TITLES),
    owner: owner(),
    status: r.pick(["committed", "committed", "committed", "proposed", "retired"] as const),
    segment: r.chance(0.6) ? r.pick(SEGMENTS) : undefined,
    outcome: r.chance(0.4) ? "Teams see their first report within a week" : undefined,
    rightToWin: r.chance(0.3) ? "We own the connectors" : undefined,
    parent: i > 0 && r.chance(0.3) ? `pr-${r.int(1, i)}` : undefined,
    team: r.chance(0.3) ? r.pick(teamIds) : undefined,
    resistance: r.chance(0.5)
      ? [
          {
            id: `rs-${i + 1}`,
            area: "incentives" as const,
            description: "Sales is paid on bookings",
            change: r.chance(0.7)
              ? {
                  kind: "performance-measurement" as const,
                  description: "Pay on retained revenue",
                  owner: r.pick(personIds),
                  due: r.pick(DATES),
                  status: r.pick(["planned", "in-progress", "done"] as const),
                }
              : undefined,
          },
        ]
      : undefined,
  }));
  const priorityIds = priorities.map((p) => p.id);
  const metrics = METRIC_NAMES.map((name, i) => {
    const big = r.chance(0.5);
    const baseline = r.chance(0.8) ? (big ? r.int(1_000_000, 3_000_000) : r.int(0, 50)) : undefined;
    return {
      id: metricIds[i] as string,
      name,
      kind: r.pick(KINDS),
      unit: r.pick([undefined, "EUR", "%", "days"]),
      direction: r.pick(["up", "down"] as const),
      baseline,
      target: r.chance(0.8) ? (big ? r.int(3_000_000, 9_000_000) : r.int(10, 100)) : undefined,
      due: r.chance(0.8) ? r.pick(DATES) : undefined,
      priorities: r.some(priorityIds, 2),
      owner: r.chance(0.4) ? r.pick(personIds) : undefined,
      checkins: r
        .some(DATES.slice(0, 6), 3)
        .map((date) => ({ date, value: big ? r.int(900_000, 4_000_000) : r.int(0, 60) })),
      history: r.chance(0.2)
        ? [{ date: "2026-03-01", field: "kind", from: "outcome", to: "output" }]
        : undefined,
    };
  });
  const initiatives = Array.from({ length: r.int(2, 10) }, (_, i) => ({
    id: `in-${i + 1}`,
    title: r.pick([
      "Guided setup wizard",
      "Partner portal",
      "Brand refresh",
      "Custom dashboard themes",
      "Pricing page",
    ]),
    owner: r.pick([undefined, r.pick(personIds), [personIds[0], personIds[1]], [r.pick(personIds)]]),
    priorities: r.some(priorityIds, 2),
    status: r.pick(["active", "active", "paused", "proposed", "done"] as const),
    allocation: Object.fromEntries(r.some(teamIds, 2).map((t) => [t, r.pick([0, 0.25, 0.5, 2, 7.5])])),
    metrics: r.chance(0.3) ? r.some(metricIds, 1) : undefined,
  }));
  const initiativeIds = initiatives.map((i) => i.id);
  const stops = Array.from({ length: r.int(0, 3) }, (_, i) => {
    const decided = r.pick(DATES.slice(0, 5));
    return {
      id: `st-${i + 1}`,
      what: "Quarterly partner newsletter",
      priority: r.chance(0.7) ? r.pick(priorityIds) : undefined,
      initiative: r.chance(0.6) ? r.pick(initiativeIds) : undefined,
      decided,
      effective: r.pick(DATES.filter((d) => d >= decided)),
      team: r.chance(0.4) ? r.pick(teamIds) : undefined,
      frees: r.chance(0.5) ? { [r.pick(teamIds)]: 1.5 } : undefined,
    };
  });
  const promises = Array.from({ length: r.int(0, 2) }, (_, i) => ({
    id: `pm-${i + 1}`,
    statement: "Live in a day",
    priority: r.chance(0.5) ? r.pick(priorityIds) : undefined,
    milestones: Array.from({ length: r.int(1, 4) }, () => ({
      team: r.pick(teamIds),
      what: r.pick(["Launch campaign", "Onboarding flow ready", "Support trained"]),
      date: r.pick(DATES),
      customerFacing: r.chance(0.4),
      done: r.chance(0.3),
    })),
  }));
  const insights = Array.from({ length: r.int(0, 3) }, (_, i) => ({
    id: `is-${i + 1}`,
    date: r.pick(DATES),
    summary: "Agencies churn when setup takes a week",
    priorities: r.some(priorityIds, 1),
  }));
  const decisions = Array.from({ length: r.int(0, 3) }, (_, i) => ({
    id: `dc-${i + 1}`,
    date: r.pick(DATES),
    statement: "Stop building custom themes",
    kind: r.pick(["cut", "deprioritise", "stop", "invest", "pivot", "continue"] as const),
    priority: r.chance(0.5) ? r.pick(priorityIds) : undefined,
    evidence: r.some(
      insights.map((x) => x.id),
      1,
    ),
    decidedBy: r.chance(0.5) ? r.pick(personIds) : undefined,
    team: r.chance(0.3) ? r.pick(teamIds) : undefined,
  }));
  const reviews = Array.from({ length: r.int(0, 2) }, (_, i) => ({
    id: `rv-${i + 1}`,
    date: r.pick(DATES.slice(0, 6)),
    priority: r.chance(0.5) ? r.pick(priorityIds) : undefined,
    items: r.some(initiativeIds, 2).map((initiative) => ({
      initiative,
      connection: r.chance(0.7) ? "Serves onboarding" : undefined,
      learning: r.chance(0.6) ? "Agencies want templates" : " ",
      stillInvest: r.pick([undefined, "yes", "no", "unsure"] as const),
    })),
  }));
  return {
    version: 1,
    organisation: "Random Co",
    asOf: ASOF,
    cycle: { name: "2026", start: "2026-01-01", end: "2026-12-31" },
    people,
    teams,
    priorities,
    metrics,
    initiatives,
    stops,
    promises,
    insights,
    decisions,
    reviews,
  } as PlanInput;
}

/** Ids of the entities that have names (a message should name them, not show their id). */
export function namedIds(plan: PlanInput): string[] {
  return [
    ...plan.people.map((p) => p.id),
    ...plan.teams.map((t) => t.id),
    ...plan.priorities.map((p) => p.id),
    ...(plan.metrics ?? []).map((m) => m.id),
    ...(plan.initiatives ?? []).map((i) => i.id),
  ];
}
