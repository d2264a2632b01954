import { priorityNoOwner } from "./rules/priority-no-owner.js";
import type { RuleDefinition } from "./types.js";

/**
 * Every rule the engine runs, in the order of shared spec rules.md. Adding a rule is one
 * module under rules/, its test, and one line here.
 */
export const RULES: readonly RuleDefinition[] = [priorityNoOwner] as RuleDefinition[];

export function findRule(id: string): RuleDefinition | undefined {
  return RULES.find((r) => r.id === id);
}
