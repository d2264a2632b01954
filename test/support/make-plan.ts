import { type Plan, type PlanInput, planSchema } from "../../src/domain/plan-schema.js";
import { dropNulls } from "../../src/domain/primitives.js";
import { analyse } from "../../src/engine/analyse.js";
import type { Finding } from "../../src/engine/types.js";

/**
 * A valid plan for tests: a cycle from 2026-01-01 to 2026-12-31, analysed as of 2026-06-01,
 * with whatever sections the test gives. Parsed through the real schema so defaults apply.
 */
export function makePlan(overrides: Partial<PlanInput> = {}): Plan {
  return planSchema.parse(
    dropNulls({
      version: 1,
      organisation: "Test Co",
      asOf: "2026-06-01",
      cycle: { name: "2026", start: "2026-01-01", end: "2026-12-31" },
      people: [],
      teams: [],
      priorities: [],
      ...overrides,
    }),
  );
}

/** Findings of one rule for a plan built from `overrides`. */
export function findingsOf(rule: string, overrides: Partial<PlanInput> = {}): Finding[] {
  return analyse(makePlan(overrides)).findings.filter((f) => f.rule === rule);
}
