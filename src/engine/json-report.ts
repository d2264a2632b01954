import type { PlanChange } from "../domain/plan-change.js";
import type { PlanPath } from "../domain/plan-issue.js";
import type { Plan } from "../domain/plan-schema.js";
import { actionsText } from "./moves/action-text.js";
import type { Move } from "./moves/propose-moves.js";
import type { AnalysisResult, Finding, IndexReport } from "./types.js";
import type { WhatIfResult } from "./what-if/what-if.js";

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

/** A move in the JSON contract (shared spec interfaces.md); `summary` and `opens` are additive. */
export interface JsonMove {
  actions: PlanChange[];
  summary: string;
  freed: Record<string, number>;
  closes: JsonFinding[];
  opens: JsonFinding[];
  indexAfter: number;
}

export function toJsonMoves(moves: readonly Move[], plan: Plan, locate?: Locate): JsonMove[] {
  return moves.map((m) => ({
    actions: m.actions,
    summary: actionsText(m.actions, plan),
    freed: m.freed,
    closes: m.closes.map((f) => toJsonFinding(f, locate)),
    opens: m.opens.map((f) => toJsonFinding(f, locate)),
    indexAfter: m.indexAfter,
  }));
}

/** The answer of `what-if --format json` and `POST /what-if`. */
export interface JsonWhatIf {
  before: IndexReport;
  after: IndexReport;
  freed: Record<string, number>;
  closed: JsonFinding[];
  opened: JsonFinding[];
}

export function toJsonWhatIf(result: WhatIfResult, locate?: Locate): JsonWhatIf {
  return {
    before: result.before,
    after: result.after,
    freed: result.freed,
    closed: result.closed.map((f) => toJsonFinding(f, locate)),
    opened: result.opened.map((f) => toJsonFinding(f, locate)),
  };
}
