import type { PlanChange } from "../../domain/plan-change.js";

/*
 * Which rules a change cannot alter — neither which findings they report, nor their words,
 * severity or scope. A what-if keeps those rules' findings and runs only the others
 * (analyse.ts `reanalyse`), which is what makes a what-if on a large plan cost a fraction of a
 * second analysis. Listed as the rules known NOT to be affected, so a rule added later is run
 * until someone checks it belongs here; test/what-if.property.test.ts compares the shortcut
 * with a full analysis on generated plans and fails when a rule here does read what changed.
 */

/** Stopping an initiative or moving FTE changes initiatives (status, allocation) and adds stops. */
const UNAFFECTED_BY_WORK = [
  "priority-no-owner",
  "owner-overloaded",
  "too-many-priorities",
  "priority-unmeasured",
  "metric-reverted-to-output",
  "metric-stale",
  "outcome-off-track",
  "promise-out-of-step",
  "promise-broken",
  "insight-unused",
  "decision-without-evidence",
  "review-overdue",
  "resistance-unassessed",
  "resistance-unaddressed",
];

/** Setting an owner changes one priority's owner: the ownership rules and every text naming owners. */
const UNAFFECTED_BY_OWNER = [
  "too-many-priorities",
  "priority-vague",
  "priority-no-stops",
  "team-over-capacity",
  "work-spread-thin",
  "stop-not-enforced",
  "priority-unmeasured",
  "incentive-misaligned",
  "metric-reverted-to-output",
  "metric-stale",
  "outcome-off-track",
  "promise-out-of-step",
  "promise-broken",
  "decision-without-evidence",
  "review-incomplete",
  "review-not-acted-on",
];

const UNAFFECTED: Record<PlanChange["op"], readonly string[]> = {
  stop: UNAFFECTED_BY_WORK,
  move: UNAFFECTED_BY_WORK,
  owner: UNAFFECTED_BY_OWNER,
  // Retiring a priority changes what is live: every rule reads that.
  drop: [],
};

/** The rules none of the changes can alter (empty when any change could alter them all). */
export function unaffectedRules(changes: readonly PlanChange[]): Set<string> {
  if (changes.length === 0) return new Set();
  let out = new Set(UNAFFECTED[changes[0].op]);
  for (const c of changes.slice(1)) {
    const next = new Set(UNAFFECTED[c.op]);
    out = new Set([...out].filter((id) => next.has(id)));
  }
  return out;
}
