import { z } from "zod";
import { issuesFromZod, type PlanIssue } from "./plan-issue.js";
import { ENTITY_SECTIONS, type Plan, planShape, REQUIRED_SECTIONS, SECTION_SCHEMAS } from "./plan-schema.js";
import { optional } from "./primitives.js";
import { entity } from "./unknown-keys.js";

/** The plan's top level with its sections' entries left to SECTION_SCHEMAS. */
const planShellSchema = entity({
  ...planShape,
  ...Object.fromEntries(
    ENTITY_SECTIONS.map((s) => [
      s,
      REQUIRED_SECTIONS.has(s) ? z.array(z.unknown()) : optional(z.array(z.unknown())),
    ]),
  ),
});

/**
 * Validates a parsed plan document (nulls already dropped) with the plan schemas, entry by
 * entry, replacing each raw entry by its validated copy as it goes: the raw tree is released
 * progressively instead of living beside a complete copy, which keeps peak memory down on
 * large plans. The result is the same as `planSchema.safeParse`.
 */
export function parsePlan(
  raw: unknown,
): { success: true; data: Plan } | { success: false; issues: PlanIssue[] } {
  const issues: PlanIssue[] = [];
  if (raw && typeof raw === "object" && !Array.isArray(raw)) {
    const doc = raw as Record<string, unknown>;
    for (const section of ENTITY_SECTIONS) {
      const list = doc[section];
      if (!Array.isArray(list)) continue;
      const schema = SECTION_SCHEMAS[section];
      for (let i = 0; i < list.length; i++) {
        const result = schema.safeParse(list[i], { reportInput: true });
        if (result.success) list[i] = result.data;
        else
          for (const issue of issuesFromZod(result.error))
            issues.push({ ...issue, path: [section, i, ...issue.path] });
      }
    }
  }
  const shell = planShellSchema.safeParse(raw, { reportInput: true });
  if (!shell.success) issues.unshift(...issuesFromZod(shell.error));
  if (issues.length > 0 || !shell.success) return { success: false, issues };
  return { success: true, data: shell.data as unknown as Plan };
}
