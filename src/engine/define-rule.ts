import { z } from "zod";
import type { RuleDefinition } from "./types.js";

/** Declares a rule with its thresholds typed from their schema (an empty object when none). */
export function defineRule<T extends z.ZodObject = z.ZodObject<Record<string, never>>>(
  rule: Omit<RuleDefinition<T>, "thresholds"> & { thresholds?: T },
): RuleDefinition {
  return { ...rule, thresholds: rule.thresholds ?? z.object({}) } as unknown as RuleDefinition;
}
