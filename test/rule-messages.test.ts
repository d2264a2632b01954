import { describe, expect, it } from "vitest";
import { checkReferences } from "../src/domain/plan-references.js";
import { planSchema } from "../src/domain/plan-schema.js";
import { dropNulls } from "../src/domain/primitives.js";
import { analyse } from "../src/engine/analyse.js";
import { RULES } from "../src/engine/registry.js";
import { examplePlan } from "./support/acme.js";
import { namedIds, randomPlan } from "./support/random-plan.js";

/*
 * What every rule says, read as a person would: on many generated plans, no message or
 * suggestion doubles a word ("customers customers"), shows a share of "0%", prints a number
 * over 9,999 without grouping ("3325226 EUR"), or shows an id where the entity has a name.
 */

const DOUBLED = /\b([\p{L}]+)\s+\1\b/iu;
const ZERO_SHARE = /(^|[^\d.,])0%/;
const UNGROUPED = /(?<![\d.,\-:])\d{5,}(?![\d-])/;

function problems(text: string, ids: readonly string[]): string[] {
  const out: string[] = [];
  const doubled = text.match(DOUBLED);
  if (doubled) out.push(`doubled word "${doubled[0]}"`);
  if (ZERO_SHARE.test(text)) out.push('a share of "0%"');
  const ungrouped = text.match(UNGROUPED);
  if (ungrouped) out.push(`ungrouped number ${ungrouped[0]}`);
  for (const id of ids) if (new RegExp(`(?<![\\w-])${id}(?![\\w-])`).test(text)) out.push(`id "${id}"`);
  return out;
}

describe("rule messages and suggestions", () => {
  it("read well on generated plans, and every rule is rendered at least once", async () => {
    const seen = new Set<string>();
    const failures: string[] = [];
    for (let seed = 1; seed <= 250; seed++) {
      const input = randomPlan(seed);
      expect(checkReferences(input), `seed ${seed}`).toEqual([]);
      const plan = planSchema.parse(dropNulls(input));
      const ids = namedIds(input);
      for (const f of analyse(plan).findings) {
        seen.add(f.rule);
        for (const [field, text] of [
          ["message", f.message],
          ["suggestion", f.suggestion],
        ] as const)
          for (const p of problems(text, ids))
            failures.push(`${f.rule} ${field}: ${p.replace(/".*"|\d+/, "…")} — seed ${seed}: «${text}»`);
      }
    }
    const acme = examplePlan();
    for (const f of analyse(acme).findings) seen.add(f.rule);
    // One example of each kind of problem per rule, so a failure reads as a list of things to fix.
    const byKind = new Map<string, string>();
    for (const f of failures) byKind.set(f.split(" — ")[0] as string, f);
    expect([...byKind.values()]).toEqual([]);
    expect(RULES.map((r) => r.id).filter((id) => !seen.has(id))).toEqual([]);
  });

  it("catches what it looks for (the checks themselves)", () => {
    expect(problems("what All customers customers experience", [])).toEqual([
      'doubled word "customers customers"',
    ]);
    expect(problems("only 0% of its scorecard", [])).toEqual(['a share of "0%"']);
    expect(problems("reach 3325226 EUR by 2026-09-30", [])).toEqual(["ungrouped number 3325226"]);
    expect(problems("reach 3,325,226 EUR by 2026-09-30 (10% of it)", [])).toEqual([]);
    expect(problems('Make pp-1 the owner of "Growth"', ["pp-1", "pp-10"])).toEqual(['id "pp-1"']);
  });
});
