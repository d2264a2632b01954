import { decisionWithoutEvidence } from "./rules/decision-without-evidence.js";
import { incentiveMisaligned } from "./rules/incentive-misaligned.js";
import { initiativeNoOwner } from "./rules/initiative-no-owner.js";
import { initiativeSharedOwner } from "./rules/initiative-shared-owner.js";
import { insightUnused } from "./rules/insight-unused.js";
import { metricKindDoubtful } from "./rules/metric-kind-doubtful.js";
import { metricNoTarget } from "./rules/metric-no-target.js";
import { metricRevertedToOutput } from "./rules/metric-reverted-to-output.js";
import { metricStale } from "./rules/metric-stale.js";
import { orphanInitiative } from "./rules/orphan-initiative.js";
import { outcomeOffTrack } from "./rules/outcome-off-track.js";
import { ownerOverloaded } from "./rules/owner-overloaded.js";
import { priorityNoOwner } from "./rules/priority-no-owner.js";
import { priorityNoStops } from "./rules/priority-no-stops.js";
import { priorityNotCascaded } from "./rules/priority-not-cascaded.js";
import { prioritySharedOwner } from "./rules/priority-shared-owner.js";
import { priorityUnmeasured } from "./rules/priority-unmeasured.js";
import { priorityVague } from "./rules/priority-vague.js";
import { promiseBroken } from "./rules/promise-broken.js";
import { promiseOutOfStep } from "./rules/promise-out-of-step.js";
import { resistanceUnaddressed } from "./rules/resistance-unaddressed.js";
import { resistanceUnassessed } from "./rules/resistance-unassessed.js";
import { reviewIncomplete } from "./rules/review-incomplete.js";
import { reviewNotActedOn } from "./rules/review-not-acted-on.js";
import { reviewOverdue } from "./rules/review-overdue.js";
import { stopNotEnforced } from "./rules/stop-not-enforced.js";
import { teamOverCapacity } from "./rules/team-over-capacity.js";
import { tooManyPriorities } from "./rules/too-many-priorities.js";
import { workSpreadThin } from "./rules/work-spread-thin.js";
import type { RuleDefinition } from "./types.js";

/**
 * Every rule the engine runs, in the order of shared spec rules.md. Adding a rule is one
 * module under rules/, its test, and one line here.
 */
export const RULES: readonly RuleDefinition[] = [
  priorityNoOwner,
  prioritySharedOwner,
  ownerOverloaded,
  initiativeNoOwner,
  initiativeSharedOwner,
  tooManyPriorities,
  priorityVague,
  priorityNoStops,
  priorityNotCascaded,
  teamOverCapacity,
  orphanInitiative,
  workSpreadThin,
  stopNotEnforced,
  priorityUnmeasured,
  metricNoTarget,
  metricKindDoubtful,
  incentiveMisaligned,
  metricRevertedToOutput,
  metricStale,
  outcomeOffTrack,
  promiseOutOfStep,
  promiseBroken,
  insightUnused,
  decisionWithoutEvidence,
  reviewOverdue,
  reviewIncomplete,
  reviewNotActedOn,
  resistanceUnassessed,
  resistanceUnaddressed,
] as RuleDefinition[];

export function findRule(id: string): RuleDefinition | undefined {
  return RULES.find((r) => r.id === id);
}
