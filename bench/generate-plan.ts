/**
 * A deterministic synthetic plan, written directly as ordinary block-style YAML.
 *
 * | size | teams | people | priorities | metrics (× check-ins) | initiatives | insights | decisions | reviews |
 * |------|-------|--------|------------|-----------------------|-------------|----------|-----------|---------|
 * | S    | 5     | 50     | 6          | 30 × 20               | 50          | 25       | 15        | 5       |
 * | M    | 20    | 200    | 12         | 300 × 20              | 500         | 250      | 150       | 25      |
 * | L    | 50    | 500    | 30         | 1,500 × 20            | 2,500       | 1,250    | 750       | 125     |
 * | XL   | 200   | 2,000  | 60         | 6,000 × 20            | 10,000      | 5,000    | 3,000     | 500     |
 * | XL2  | 400   | 4,000  | 120        | 12,000 × 20           | 20,000      | 10,000   | 6,000     | 1,000   |
 *
 * Priorities form a three-level tree, as real OKRs do: a sixth are company objectives, a third
 * function objectives beneath them, the rest team objectives beneath those (`parent`, `team`);
 * every metric has an owner, one team in ten has no capacity written down, some initiatives
 * have an owner list and the metrics they move, stops and decisions name their team, and
 * metric names are worded like real key results, so the wording classifiers run on every one.
 *
 * Defects are mixed in on purpose (unowned and shared priorities, overloaded teams, orphan
 * work, stale metrics, late promises, unused insights, "no" answers left standing) so that
 * most rules fire, as they would on a real organisation's plan.
 *
 *   npx tsx bench/generate-plan.ts XL > xl.yaml
 */

export const SIZES = {
  S: {
    teams: 5,
    people: 50,
    priorities: 6,
    metrics: 30,
    initiatives: 50,
    insights: 25,
    decisions: 15,
    reviews: 5,
  },
  M: {
    teams: 20,
    people: 200,
    priorities: 12,
    metrics: 300,
    initiatives: 500,
    insights: 250,
    decisions: 150,
    reviews: 25,
  },
  L: {
    teams: 50,
    people: 500,
    priorities: 30,
    metrics: 1500,
    initiatives: 2500,
    insights: 1250,
    decisions: 750,
    reviews: 125,
  },
  XL: {
    teams: 200,
    people: 2000,
    priorities: 60,
    metrics: 6000,
    initiatives: 10000,
    insights: 5000,
    decisions: 3000,
    reviews: 500,
  },
  XL2: {
    teams: 400,
    people: 4000,
    priorities: 120,
    metrics: 12000,
    initiatives: 20000,
    insights: 10000,
    decisions: 6000,
    reviews: 1000,
  },
} as const;
export type Size = keyof typeof SIZES;
const CHECKINS = 20;

/** mulberry32: small, fast, and the same sequence everywhere. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function day(offset: number): string {
  return new Date(Date.UTC(2026, 0, 1) + offset * 86_400_000).toISOString().slice(0, 10);
}

const KINDS = ["outcome", "business", "output", "efficiency"];
const AREAS = ["incentives", "process", "structure", "decision-rights", "resources", "skills", "culture"];
const DECISION_KINDS = ["cut", "deprioritise", "stop", "invest", "pivot", "continue"];
const OBJECTIVE_TITLES = [
  "Customer experience",
  "Get mid-market retailers live in a day",
  "Engineering efficiency and foundations",
  "Halve the time from signup to first report",
  "Great team",
  "Make support answer setup questions within the hour",
];
const KEY_RESULT_NAMES = [
  "Customers renewing after the first year, segment",
  "Launch the partner portal for region",
  "Hire engineers for squad",
  "Increase weekly active stores from X to Y, cohort",
  "Median days from contract to first dashboard, region",
  "Publish the quarterly benchmark report",
  "Net revenue retention, segment",
  "Tickets closed per agent, queue",
];

export function generatePlanYaml(size: Size, seed = 1): string {
  const n = SIZES[size];
  const rand = prng(seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(rand() * list.length)];
  const int = (max: number) => Math.floor(rand() * max);
  const out: string[] = [];
  const w = (line: string) => out.push(line);

  w("version: 1");
  w(`organisation: Synthetic ${size}`);
  w("asOf: 2026-09-15");
  w("cycle:");
  w("  name: FY2026");
  w("  start: 2026-01-01");
  w("  end: 2026-12-31");

  w("people:");
  for (let i = 0; i < n.people; i++) {
    w(`  - id: person-${i}`);
    w(`    name: Person ${i}`);
    w(`    team: team-${i % n.teams}`);
  }

  // Capacity is set so that roughly one team in five is over it.
  const perTeam = (n.initiatives * 1.5) / n.teams;
  w("teams:");
  for (let t = 0; t < n.teams; t++) {
    w(`  - id: team-${t}`);
    w(`    name: Team ${t}`);
    // Capacity nobody wrote down (unknown, not zero) for one team in ten.
    if (t % 10 !== 9) w(`    capacity: ${Math.round(perTeam * (t % 5 === 0 ? 0.8 : 1.4))}`);
    w("    scorecard:");
    for (let k = 0; k < 3; k++) {
      w(`      - metric: metric-${(t * 3 + k) % n.metrics}`);
      w(`        weight: ${1 + int(3)}`);
    }
  }

  // The objective tree: company objectives first, then function objectives, then team ones.
  const companyLevel = Math.max(1, Math.ceil(n.priorities / 6));
  const functionLevel = Math.max(companyLevel, Math.ceil(n.priorities / 2));
  w("priorities:");
  for (let p = 0; p < n.priorities; p++) {
    w(`  - id: priority-${p}`);
    w(
      `    title: ${p < companyLevel ? `Win segment ${p} with a sharper offer` : pick(OBJECTIVE_TITLES)} (${p})`,
    );
    if (p >= companyLevel) {
      const parent =
        p < functionLevel ? p % companyLevel : companyLevel + (p % (functionLevel - companyLevel || 1));
      w(`    parent: priority-${parent}`);
      w(`    team: team-${p % n.teams}`);
    }
    if (p % 10 === 3) {
      // no owner
    } else if (p % 10 === 7) w(`    owner: [person-${p}, person-${p + 1}]`);
    else w(`    owner: person-${p % Math.max(1, Math.floor(n.people / 3))}`);
    if (p % 7 === 5) w("    status: proposed");
    if (p % 4 !== 1) w(`    segment: Segment ${p}`);
    w(`    outcome: Customers in segment ${p} renew and expand`);
    if (p % 3 !== 2) w(`    rightToWin: Our data on segment ${p}`);
    if (p % 2 === 0) {
      w("    resistance:");
      w(`      - id: resistance-${p}`);
      w(`        area: ${pick(AREAS)}`);
      w(`        description: The current system pulls back to old work in area ${p}`);
      if (p % 4 === 0) {
        w("        change:");
        w("          kind: process");
        w(`          description: Change ${p}`);
        w(`          owner: person-${p}`);
        w(`          due: ${day(100 + int(200))}`);
        w(`          status: ${pick(["planned", "in-progress", "done"])}`);
      }
    }
  }

  w("metrics:");
  for (let m = 0; m < n.metrics; m++) {
    const base = 10 + int(40);
    const up = rand() < 0.7;
    w(`  - id: metric-${m}`);
    w(`    name: ${pick(KEY_RESULT_NAMES)} ${m}`);
    w(`    owner: person-${(m * 7) % n.people}`);
    w(`    kind: ${KINDS[m % 4]}`);
    w(`    direction: ${up ? "up" : "down"}`);
    w(`    baseline: ${base}`);
    w(`    target: ${up ? base + 20 : Math.max(0, base - 10)}`);
    w(`    due: ${day(300 + int(60))}`);
    w("    priorities:");
    w(`      - priority-${m % n.priorities}`);
    w("    checkins:");
    const stale = m % 9 === 0 ? 60 : 0;
    for (let c = 0; c < CHECKINS; c++) {
      w(`      - date: ${day(5 + (c * (200 - stale)) / CHECKINS)}`);
      w(`        value: ${Math.round((base + (up ? 1 : -1) * c * (0.3 + rand())) * 10) / 10}`);
    }
    if (m % 50 === 0) {
      w("    history:");
      w(`      - date: ${day(90)}`);
      w("        field: kind");
      w("        from: outcome");
      w("        to: output");
    }
  }

  w("initiatives:");
  for (let i = 0; i < n.initiatives; i++) {
    w(`  - id: initiative-${i}`);
    w(`    title: Initiative ${i}`);
    if (i % 19 === 4) w(`    owner: [person-${i % n.people}, person-${(i + 1) % n.people}]`);
    else if (i % 13 !== 0) w(`    owner: person-${i % n.people}`);
    if (i % 11 !== 0) {
      w("    priorities:");
      w(`      - priority-${i % n.priorities}`);
    }
    if (i % 17 === 0) w(`    status: ${pick(["done", "stopped", "paused"])}`);
    if (i % 2 === 0) {
      w("    metrics:");
      w(`      - metric-${i % n.metrics}`);
    }
    w("    allocation:");
    w(`      team-${i % n.teams}: ${1 + int(3) * 0.5}`);
    if (i % 3 === 0) w(`      team-${(i + 7) % n.teams}: 0.5`);
  }

  w("stops:");
  for (let s = 0; s < Math.ceil(n.priorities / 2); s++) {
    w(`  - id: stop-${s}`);
    w(`    what: Old line of work ${s}`);
    w(`    priority: priority-${s * 2}`);
    w(`    team: team-${(s * 11) % n.teams}`);
    w(`    initiative: initiative-${s * 11}`);
    w(`    decided: ${day(20 + s)}`);
    w(`    effective: ${day(40 + s)}`);
    w("    frees:");
    w(`      team-${(s * 11) % n.teams}: 1`);
  }

  w("promises:");
  for (let p = 0; p < Math.ceil(n.priorities / 3); p++) {
    w(`  - id: promise-${p}`);
    w(`    statement: Customers in segment ${p} get the new offer`);
    w(`    priority: priority-${p}`);
    w("    milestones:");
    w(`      - team: team-${p % n.teams}`);
    w("        what: Campaign live");
    w(`        date: ${day(200 + p)}`);
    w("        customerFacing: true");
    w(`      - team: team-${(p + 1) % n.teams}`);
    w("        what: Product ready");
    w(`        date: ${day(190 + (p % 2) * 30 + p)}`);
  }

  w("insights:");
  for (let i = 0; i < n.insights; i++) {
    w(`  - id: insight-${i}`);
    w(`    date: ${day(int(250))}`);
    w(`    summary: Customers in segment ${i % n.priorities} said something we can act on (${i})`);
    w("    priorities:");
    w(`      - priority-${i % n.priorities}`);
  }

  w("decisions:");
  for (let d = 0; d < n.decisions; d++) {
    w(`  - id: decision-${d}`);
    w(`    date: ${day(int(250))}`);
    w(`    statement: Decision ${d}`);
    w(`    kind: ${pick(DECISION_KINDS)}`);
    if (d % 2 === 0) {
      w(`    priority: priority-${d % n.priorities}`);
      w(`    team: team-${d % n.teams}`);
    }
    if (d % 3 !== 0) {
      w("    evidence:");
      w(`      - insight-${(d * 2) % n.insights}`);
    }
  }

  w("reviews:");
  for (let r = 0; r < n.reviews; r++) {
    w(`  - id: review-${r}`);
    w(`    date: ${day(150 + (r % 100))}`);
    w(`    priority: priority-${r % n.priorities}`);
    w("    items:");
    for (let k = 0; k < 4; k++) {
      const it = (r * 4 + k) % n.initiatives;
      w(`      - initiative: initiative-${it}`);
      w(`        connection: Serves priority ${it % n.priorities}`);
      if (k !== 3) w("        learning: Customers respond");
      w(`        stillInvest: ${k === 2 && r % 5 === 0 ? "no" : "yes"}`);
    }
  }
  return `${out.join("\n")}\n`;
}

if (process.argv[1]?.endsWith("generate-plan.ts")) {
  const size = (process.argv[2] ?? "S") as Size;
  if (!(size in SIZES)) {
    process.stderr.write(`size must be one of ${Object.keys(SIZES).join(", ")}\n`);
    process.exit(2);
  }
  process.stdout.write(generatePlanYaml(size, Number(process.argv[3] ?? 1)));
}
