import type { PlanChange } from "../domain/plan-change.js";
import type { PlanPath } from "../domain/plan-issue.js";
import type { AnalysisResult, Finding, IndexReport } from "./types.js";

export interface SourceLocation {
  line: number;
  column: number;
}

/** One finding in the public JSON contract (shared spec rules.md, "Output"). */
export interface JsonFinding {
  rule: string;
  severity: Finding["severity"];
  dimension: Finding["dimension"];
  subject: Finding["subject"];
  message: string;
  evidence: Record<string, unknown>;
  suggestion: string;
  /** The suggestion as changes `what-if` accepts (additive to the contract; may be empty). */
  actions: PlanChange[];
  location?: SourceLocation;
}

export interface JsonReport {
  index: IndexReport;
  findings: JsonFinding[];
}

export type Locate = (path: PlanPath) => SourceLocation | undefined;

/**
 * The JSON contract of `lint --format json` and `GET /analysis`. `locate` is given when the
 * input was a file; without it (a workspace) findings carry no `location`.
 */
export function toJsonReport(result: AnalysisResult, locate?: Locate): JsonReport {
  return {
    index: result.index,
    findings: result.findings.map((f) => toJsonFinding(f, locate)),
  };
}

export function toJsonFinding(f: Finding, locate?: Locate): JsonFinding {
  const out: JsonFinding = {
    rule: f.rule,
    severity: f.severity,
    dimension: f.dimension,
    subject: f.subject,
    message: f.message,
    evidence: f.evidence,
    suggestion: f.suggestion,
    actions: f.actions ?? [],
  };
  const location = locate && f.path ? locate(f.path) : undefined;
  if (location) out.location = { line: location.line, column: location.column };
  return out;
}
