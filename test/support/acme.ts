import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { Plan } from "../../src/domain/plan-schema.js";
import { loadPlan } from "../../src/plan/load-plan.js";

export const EXAMPLES = join(import.meta.dirname, "..", "..", "examples");

export function exampleText(name = "acme.yaml"): string {
  return readFileSync(join(EXAMPLES, name), "utf8");
}

export function examplePlan(name = "acme.yaml"): Plan {
  const loaded = loadPlan(exampleText(name), { fileName: name });
  if (!loaded.ok) throw new Error(`${name}: ${JSON.stringify(loaded.problems)}`);
  return loaded.plan;
}
