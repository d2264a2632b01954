import { parsePlan } from "./parse-plan.js";
import { combineIssues, type PlanIssue } from "./plan-issue.js";
import { checkReferences } from "./plan-references.js";
import type { Plan } from "./plan-schema.js";

export interface PlanChecks {
  /** The `rules:` section's check (the engine's registry knows the rules; the domain does not). */
  rulesConfig?: (rules: Plan["rules"]) => PlanIssue[];
}

export type PlanValidation = { ok: true; plan: Plan; issues: [] } | { ok: false; issues: PlanIssue[] };

/**
 * Every problem of a whole plan — shape, references, the rules section — in one place for the
 * plan files (plan/load-plan.ts) and the store. Entries of `raw` are replaced by their
 * validated copies (parsePlan), so callers that must keep their input pass a copy.
 */
export function validatePlan(raw: unknown, checks: PlanChecks = {}): PlanValidation {
  // References first: parsePlan replaces the raw entries by their validated copies.
  const references = checkReferences(raw);
  const parsed = parsePlan(raw);
  const issues: PlanIssue[] = parsed.success
    ? [...references, ...(checks.rulesConfig?.(parsed.data.rules) ?? [])]
    : combineIssues(parsed.issues, references);
  if (!parsed.success || issues.length > 0) return { ok: false, issues };
  return { ok: true, plan: parsed.data, issues: [] };
}

/**
 * What an entry-level change can break in a plan that was valid: the changed entries'
 * shapes are checked as they are parsed, so here only the references across the whole plan
 * (to and from the changed entries, and anything a removal left dangling).
 */
export function validateEntryChange(plan: Plan): PlanIssue[] {
  return checkReferences(plan);
}
