import type { z } from "zod";
import type { PlanChange } from "../domain/plan-change.js";
import type { PlanPath } from "../domain/plan-issue.js";
import type { Severity } from "../domain/plan-schema.js";
import type { AnalysisContext } from "./context.js";

export const DIMENSIONS = [
  "ownership",
  "focus",
  "capacity",
  "measurement",
  "timelines",
  "learning",
  "reviews",
  "operating-model",
] as const;
export type Dimension = (typeof DIMENSIONS)[number];

export const SUBJECT_TYPES = [
  "plan",
  "priority",
  "team",
  "person",
  "initiative",
  "metric",
  "stop",
  "promise",
  "insight",
  "decision",
  "review",
  "resistance",
] as const;
export type SubjectType = (typeof SUBJECT_TYPES)[number];

export interface Subject {
  type: SubjectType;
  id: string;
}

/** What a rule reports; the engine adds the rule id, severity and dimension. */
export interface RuleFinding {
  subject: Subject;
  message: string;
  evidence: Record<string, unknown>;
  suggestion: string;
  /** Where in the plan the finding is best shown; defaults to the subject's own entry. */
  path?: PlanPath;
  /** Priorities and teams this finding counts against; defaults to those the subject touches. */
  scope?: { priorities?: readonly string[]; teams?: readonly string[] };
}

export interface Finding {
  rule: string;
  severity: Severity;
  dimension: Dimension;
  subject: Subject;
  message: string;
  evidence: Record<string, unknown>;
  suggestion: string;
  /** Path of the subject in the plan: surfaces turn it into `location` (line:column). */
  path?: PlanPath;
  scope: { priorities: readonly string[]; teams: readonly string[] };
  /** The suggestion as changes `what-if` can simulate (engine/moves/finding-actions.ts); may be empty. */
  actions?: PlanChange[];
  /**
   * Findings with the same key count once towards the index (the most severe): a finding on
   * an initiative is keyed by rule, owner and priorities, so writing one piece of work as
   * several initiatives does not move the index. Absent: the finding counts on its own.
   */
  indexKey?: string;
}

/**
 * One rule of shared spec rules.md. A rule is a module under engine/rules/ and one line in
 * the registry. `thresholds` is a zod object whose defaults are the rule's default
 * thresholds; a plan's `rules:` section overrides them by name.
 */
export interface RuleDefinition<T extends z.ZodObject = z.ZodObject> {
  id: string;
  dimension: Dimension;
  severity: Severity;
  /** One line: what fires it. */
  summary: string;
  /** Why the rule exists: the way strategy dies that it catches. */
  rationale: string;
  /** The smallest action that closes it. */
  howToClose: string;
  thresholds: T;
  check(ctx: AnalysisContext, thresholds: z.output<T>): RuleFinding[];
}

export interface IndexReport {
  /** Mean of the assessed dimensions. */
  overall: number;
  /** Every dimension's score over its findings, assessed or not (see `notAssessed`). */
  dimensions: Record<Dimension, number>;
  /** Dimensions whose inputs the plan does not hold at all: shown as "not assessed", left out of `overall`. */
  notAssessed: Dimension[];
  priorities: Record<string, number>;
  teams: Record<string, number>;
}

export interface AnalysisResult {
  index: IndexReport;
  findings: Finding[];
}

export interface AnalysisOptions {
  /** The analysis day (YYYY-MM-DD). Defaults to the plan's `asOf`, else today (UTC). */
  asOf?: string;
  /** Injected clock for "today" so tests and servers stay deterministic. */
  today?: string;
}
