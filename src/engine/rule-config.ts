import { z } from "zod";
import type { PlanIssue } from "../domain/plan-issue.js";
import { type RulesConfig, SEVERITIES, type Severity } from "../domain/plan-schema.js";
import { closestName } from "../domain/unknown-keys.js";
import type { RuleDefinition } from "./types.js";

/** A rule as configured for one analysis: on or off, its severity, its thresholds. */
export interface ResolvedRule {
  rule: RuleDefinition;
  severity: Severity;
  thresholds: Record<string, unknown>;
}

/**
 * Checks a plan's `rules:` section against the registry: unknown rule ids, unknown
 * threshold names and wrong value types are plan issues like any other.
 */
export function checkRulesConfig(
  config: RulesConfig | undefined,
  registry: readonly RuleDefinition[],
): PlanIssue[] {
  if (!config) return [];
  const issues: PlanIssue[] = [];
  const byId = new Map(registry.map((r) => [r.id, r]));
  for (const [id, setting] of Object.entries(config)) {
    const rule = byId.get(id);
    if (!rule) {
      const guess = closestName(id, [...byId.keys()]);
      issues.push({
        path: ["rules", id],
        message: `unknown rule "${id}"${guess ? ` — did you mean "${guess}"?` : " (see `throughline explain` for the list)"}`,
      });
      continue;
    }
    if (typeof setting === "string") continue; // the schema already limited it to off or a severity
    const names = Object.keys(rule.thresholds.shape);
    for (const [name, value] of Object.entries(setting)) {
      if (name === "severity") {
        if (!(SEVERITIES as readonly unknown[]).includes(value))
          issues.push({ path: ["rules", id, name], message: `must be one of "error", "warning", "info"` });
        continue;
      }
      if (!names.includes(name)) {
        const guess = closestName(name, names);
        issues.push({
          path: ["rules", id, name],
          message: `unknown threshold "${name}" for ${id}${
            guess
              ? ` — did you mean "${guess}"?`
              : names.length
                ? ` (it has ${names.map((n) => `"${n}"`).join(", ")})`
                : " (it has none)"
          }`,
        });
        continue;
      }
      const result = (rule.thresholds.shape[name] as z.ZodType).safeParse(value);
      if (!result.success)
        issues.push({ path: ["rules", id, name], message: result.error.issues[0]?.message ?? "is invalid" });
    }
  }
  return issues;
}

/** The rules to run, with severities and thresholds after the plan's overrides. */
export function resolveRules(
  config: RulesConfig | undefined,
  registry: readonly RuleDefinition[],
): ResolvedRule[] {
  const out: ResolvedRule[] = [];
  for (const rule of registry) {
    const setting = config?.[rule.id];
    if (setting === "off") continue;
    let severity = rule.severity;
    let overrides: Record<string, unknown> = {};
    if (typeof setting === "string") severity = setting;
    else if (setting) {
      const { severity: s, ...rest } = setting;
      if (typeof s === "string" && s !== "off") severity = s as Severity;
      if (s === "off") continue;
      overrides = rest;
    }
    out.push({ rule, severity, thresholds: rule.thresholds.parse(overrides) as Record<string, unknown> });
  }
  return out;
}

/** Threshold schema helper: a non-negative number with a default. */
export function threshold(defaultValue: number, description: string) {
  return z
    .number()
    .finite()
    .min(0, { message: "must be a number of 0 or more" })
    .default(defaultValue)
    .describe(description);
}
