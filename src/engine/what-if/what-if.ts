import type { PlanChange } from "../../domain/plan-change.js";
import type { PlanIssue } from "../../domain/plan-issue.js";
import type { Plan } from "../../domain/plan-schema.js";
import { todayUtc } from "../../domain/primitives.js";
import { analyse, reanalyse } from "../analyse.js";
import type { AnalysisOptions, AnalysisResult, Finding, IndexReport } from "../types.js";
import { roundFte } from "../wording.js";
import { unaffectedRules } from "./affected-rules.js";
import { applyChanges } from "./apply-changes.js";

/** The answer of `what-if` and `POST /what-if` (shared spec interfaces.md), before JSON shaping. */
export interface WhatIfResult {
  before: IndexReport;
  after: IndexReport;
  /** FTE per team no longer committed to live initiatives (negative: newly committed). */
  freed: Record<string, number>;
  closed: Finding[];
  opened: Finding[];
}

export interface WhatIfOutcome extends WhatIfResult {
  /** The changed plan and its analysis, for callers that go on from there (moves, apply). */
  plan: Plan;
  analysis: AnalysisResult;
  asOf: string;
}

export type WhatIf = ({ ok: true } & WhatIfOutcome) | { ok: false; problems: PlanIssue[] };

/**
 * The analysis after changes, without writing anything: pure. `previous` (the analysis of
 * `plan` on the same day) saves analysing the plan again when the caller already has it.
 */
export function whatIf(
  plan: Plan,
  changes: readonly PlanChange[],
  options: AnalysisOptions & { previous?: AnalysisResult } = {},
): WhatIf {
  const asOf = options.asOf ?? plan.asOf ?? options.today ?? todayUtc();
  const applied = applyChanges(plan, changes, asOf);
  if (!applied.ok) return applied;
  const before = options.previous ?? analyse(plan, { asOf });
  const unaffected = unaffectedRules(changes);
  const after = reanalyse(applied.plan, { asOf }, before, unaffected);
  // Findings of the rules not re-run are the same on both sides: compare only the others.
  const rerun = (f: Finding) => !unaffected.has(f.rule);
  const { closed, opened } = difference(before.findings.filter(rerun), after.findings.filter(rerun));
  return {
    ok: true,
    before: before.index,
    after: after.index,
    freed: freedByTeam(plan, applied.plan, changes),
    closed,
    opened,
    plan: applied.plan,
    analysis: after,
    asOf,
  };
}

/** A finding is one rule on one subject (rules.md: "one finding per rule and subject"). */
export function findingKey(f: { rule: string; subject: { type: string; id: string } }): string {
  return `${f.rule}\u0000${f.subject.type}\u0000${f.subject.id}`;
}

export function difference(
  before: readonly Finding[],
  after: readonly Finding[],
): { closed: Finding[]; opened: Finding[] } {
  const afterKeys = new Set(after.map(findingKey));
  const beforeKeys = new Set(before.map(findingKey));
  return {
    closed: before.filter((f) => !afterKeys.has(findingKey(f))),
    opened: after.filter((f) => !beforeKeys.has(findingKey(f))),
  };
}

/**
 * FTE per team committed to live initiatives before minus after, over the initiatives the
 * changes name (no other initiative changes). Teams whose commitment did not change are left out.
 */
function freedByTeam(before: Plan, after: Plan, changes: readonly PlanChange[]): Record<string, number> {
  const named = new Set(
    changes.flatMap((c) => (c.op === "stop" ? [c.initiative] : c.op === "move" ? [c.from, c.to] : [])),
  );
  const freed: Record<string, number> = {};
  if (named.size === 0) return freed;
  const add = (plan: Plan, sign: number) => {
    for (const i of plan.initiatives ?? []) {
      if (!named.has(i.id) || !(i.status === "active" || i.status === "paused")) continue;
      for (const [team, fte] of Object.entries(i.allocation ?? {}))
        if (fte > 0) freed[team] = (freed[team] ?? 0) + sign * fte;
    }
  };
  add(before, 1);
  add(after, -1);
  return Object.fromEntries(
    Object.entries(freed)
      .map(([team, fte]) => [team, roundFte(fte)] as const)
      .filter(([, fte]) => fte !== 0),
  );
}
