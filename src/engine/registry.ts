import { initiativeNoOwner } from "./rules/initiative-no-owner.js";
import { orphanInitiative } from "./rules/orphan-initiative.js";
import { ownerOverloaded } from "./rules/owner-overloaded.js";
import { priorityNoOwner } from "./rules/priority-no-owner.js";
import { priorityNoStops } from "./rules/priority-no-stops.js";
import { prioritySharedOwner } from "./rules/priority-shared-owner.js";
import { priorityVague } from "./rules/priority-vague.js";
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
  tooManyPriorities,
  priorityVague,
  priorityNoStops,
  teamOverCapacity,
  orphanInitiative,
  workSpreadThin,
  stopNotEnforced,
] as RuleDefinition[];

export function findRule(id: string): RuleDefinition | undefined {
  return RULES.find((r) => r.id === id);
}
