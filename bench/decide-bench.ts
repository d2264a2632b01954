import type { PlanChange } from "../src/domain/plan-change.js";
import type { Plan } from "../src/domain/plan-schema.js";
import { analyse } from "../src/engine/analyse.js";
import { proposeMoves } from "../src/engine/moves/propose-moves.js";
import { whatIf } from "../src/engine/what-if/what-if.js";
import { loadPlan } from "../src/plan/load-plan.js";
import { generatePlanYaml, type Size } from "./generate-plan.js";

/*
 * Deciding at scale, in one process, against a floor measured in the same run: one analysis
 * of the same plan. Goals (issue 13): the moves for the L plan within 3× one analysis; a
 * what-if on the XL plan within 1.5× one analysis. The runs are interleaved (floor, measure,
 * floor, measure…) so that the load of a shared machine weighs on both alike; medians of 7.
 */

function planOf(size: Size): Plan {
  const loaded = loadPlan(generatePlanYaml(size), { fileName: `${size}.yaml` });
  if (!loaded.ok) throw new Error(`${size} plan invalid`);
  return loaded.plan;
}

function time(run: () => unknown): number {
  const start = performance.now();
  run();
  return performance.now() - start;
}

/** Medians of interleaved runs of each function, after one warm-up run of each. */
function interleaved(runs: Record<string, () => unknown>, times = 7): Record<string, number> {
  const samples: Record<string, number[]> = {};
  for (const [name, run] of Object.entries(runs)) {
    run();
    samples[name] = [];
  }
  for (let i = 0; i < times; i++)
    for (const [name, run] of Object.entries(runs)) samples[name].push(time(run));
  return Object.fromEntries(
    Object.entries(samples).map(([name, s]) => [name, s.sort((a, b) => a - b)[Math.floor(times / 2)]]),
  );
}

const round = (n: number, d = 2) => Math.round(n * 10 ** d) / 10 ** d;

export async function run(): Promise<Record<string, unknown>> {
  const rows: Record<string, unknown>[] = [];
  const row = (measure: string, ms: number, floorMs: number, goal: string) =>
    rows.push({ measure, ms: round(ms, 0), floorMs: round(floorMs, 0), ratio: round(ms / floorMs), goal });

  const large = planOf("L");
  const asOfL = large.asOf ?? "2026-09-15";
  const previous = analyse(large, { asOf: asOfL });
  const moveCount = proposeMoves(large, { asOf: asOfL, previous }).moves.length;
  const l = interleaved({
    analysis: () => analyse(large, { asOf: asOfL }),
    // What `lint --moves` and GET /analysis/moves add to the analysis they already made…
    moves: () => proposeMoves(large, { asOf: asOfL, previous }),
    // …and the whole of it from the plan alone.
    whole: () => proposeMoves(large, { asOf: asOfL }),
  });
  row(`moves, L (${moveCount} moves)`, l.moves, l.analysis, "≤ 3");
  row("analysis + moves, L", l.whole, l.analysis, "(information)");

  const xl = planOf("XL");
  const asOfXL = xl.asOf ?? "2026-09-15";
  // A stop of the largest live initiative and a change of one priority's owner: the changes
  // a what-if is asked most. A retirement re-runs every rule (docs/performance.md).
  const size = (i: NonNullable<Plan["initiatives"]>[number]) =>
    Object.values(i.allocation ?? {}).reduce((s, n) => s + n, 0);
  const biggest = (xl.initiatives ?? [])
    .filter((i) => i.status === "active")
    .reduce((a, b) => (size(b) > size(a) ? b : a));
  const stop: PlanChange[] = [{ op: "stop", initiative: biggest.id }];
  const owner: PlanChange[] = [{ op: "owner", priority: xl.priorities[0].id, person: xl.people[0].id }];
  const x = interleaved({
    analysis: () => analyse(xl, { asOf: asOfXL }),
    stop: () => whatIf(xl, stop, { asOf: asOfXL }),
    owner: () => whatIf(xl, owner, { asOf: asOfXL }),
  });
  row("what-if stop, XL", x.stop, x.analysis, "≤ 1.5");
  row("what-if owner, XL", x.owner, x.analysis, "≤ 1.5");
  console.table(rows);
  return { rows };
}

if (import.meta.url === `file://${process.argv[1]}`) await run();
