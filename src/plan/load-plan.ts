import jsYaml from "js-yaml";
import type { Problem } from "../domain/errors.js";
import type { PlanIssue, PlanPath } from "../domain/plan-issue.js";
import type { Plan } from "../domain/plan-schema.js";
import { dropNulls, findUnsafeInput } from "../domain/primitives.js";
import { validatePlan } from "../domain/validate-plan.js";
import { RULES } from "../engine/registry.js";
import { checkRulesConfig } from "../engine/rule-config.js";
import { ALIAS_NODE_BUDGET, checkAliasExpansion } from "./alias-budget.js";
import { PositionIndex, type SourcePosition } from "./position-index.js";
import { SourceDocument } from "./source-document.js";

export type PlanFormat = "yaml" | "json";

export interface LoadedPlan {
  ok: true;
  plan: Plan;
  format: PlanFormat;
  /** Where a path (a finding's subject) is written in the file. */
  locate(path: PlanPath): SourcePosition | undefined;
}

export interface FailedPlan {
  ok: false;
  /** Every problem, sorted by line and column. */
  problems: Problem[];
}

export interface LoadOptions {
  fileName?: string;
  format?: PlanFormat;
}

/** YAML unless the name says .json or the text starts like a JSON object. */
export function detectFormat(text: string, fileName?: string): PlanFormat {
  if (fileName && /\.json$/i.test(fileName)) return "json";
  if (fileName && /\.ya?ml$/i.test(fileName)) return "yaml";
  return /^\s*\{/.test(text) ? "json" : "yaml";
}

/**
 * Reads a plan file: parse, validate the shape, check references and the `rules:` section.
 * A valid plan comes back with a `locate` function; an invalid one with every problem at once.
 *
 * Speed matters on large plans (docs/performance.md): the fast path is one js-yaml parse that
 * also records where each entry is written, so line:column costs no second parser. The
 * `yaml` package (exact, several times slower) is used only to place the problems of an
 * invalid file, or a position the fast index did not record.
 */
export function loadPlan(text: string, options: LoadOptions = {}): LoadedPlan | FailedPlan {
  const format = options.format ?? detectFormat(text, options.fileName);
  const positions = new PositionIndex();
  let raw: unknown;
  try {
    // JSON is YAML 1.2, so one parser serves both and both get positions.
    raw = jsYaml.load(text, {
      schema: jsYaml.CORE_SCHEMA,
      listener: positions.listener,
      json: format === "json",
    });
  } catch (error) {
    return { ok: false, problems: syntaxProblems(text, error) };
  }
  if (raw === undefined || raw === null || typeof raw !== "object" || Array.isArray(raw)) {
    return {
      ok: false,
      problems: [
        {
          path: [],
          message: "is not a plan: expected a map of keys such as version, organisation, cycle",
          line: 1,
          column: 1,
        },
      ],
    };
  }

  // Before any walk: a document whose aliases multiply it is refused in time linear in its size.
  const aliases = checkAliasExpansion(raw);
  if (!aliases.ok) return { ok: false, problems: [aliasProblem(text, aliases.reason)] };
  // NUL, lone surrogates and absurd nesting: the same refusal as the API's (domain/primitives.ts).
  const unsafe = findUnsafeInput(raw);
  if (unsafe) return { ok: false, problems: placeProblems(text, [unsafe]) };

  dropNulls(raw);
  const validated = validatePlan(raw, { rulesConfig: (rules) => checkRulesConfig(rules, RULES) });
  raw = undefined; // let the raw tree go before analysis: peak memory matters on large plans

  if (!validated.ok) return { ok: false, problems: placeProblems(text, dedupe(validated.issues)) };

  let slow: SourceDocument | undefined;
  return {
    ok: true,
    plan: validated.plan,
    format,
    locate(path) {
      const fast = positions.get(path);
      if (fast) return fast;
      slow ??= new SourceDocument(text);
      return slow.locate(path);
    },
  };
}

function aliasProblem(text: string, reason: "budget" | "cycle"): Problem {
  const at = new SourceDocument(text).firstCollectionAlias() ?? { line: 1, column: 1 };
  const message =
    reason === "cycle"
      ? "an alias refers to the list or map that contains it; write the entries out instead"
      : `aliases would expand this plan by more than ${ALIAS_NODE_BUDGET.toLocaleString("en")} entries and values (a YAML "billion laughs" document?); write the repeated part out instead`;
  return { path: [], message, line: at.line, column: at.column };
}

function dedupe(issues: PlanIssue[]): PlanIssue[] {
  const seen = new Set<string>();
  return issues.filter((i) => {
    const key = `${i.path.join("\u0000")}\u0001${i.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** Gives every issue its line and column (the slow, exact path) and sorts them. */
function placeProblems(text: string, issues: PlanIssue[]): Problem[] {
  const doc = new SourceDocument(text);
  const problems = issues.map((issue): Problem => {
    const isUnknownKey = issue.message.startsWith("unknown key");
    const at = doc.locate(issue.path, isUnknownKey) ?? { line: 1, column: 1 };
    let message = issue.message;
    if (issue.related) {
      const first = doc.locate(issue.related);
      if (first) message += ` (first at line ${first.line})`;
    }
    return { path: issue.path, message, line: at.line, column: at.column };
  });
  return problems.sort((a, b) => (a.line ?? 0) - (b.line ?? 0) || (a.column ?? 0) - (b.column ?? 0));
}

function syntaxProblems(text: string, error: unknown): Problem[] {
  // The yaml package reports every syntax error it finds; js-yaml stops at the first.
  const fromYaml = new SourceDocument(text).errors.map(
    (e): Problem => ({
      path: [],
      message: `not valid YAML/JSON: ${e.message}`,
      line: e.position.line,
      column: e.position.column,
    }),
  );
  if (fromYaml.length > 0) return fromYaml;
  const mark = (error as { mark?: { line: number; column: number } }).mark;
  const reason = (error as { reason?: string }).reason ?? (error as Error).message;
  return [
    {
      path: [],
      message: `not valid YAML/JSON: ${reason}`,
      line: (mark?.line ?? 0) + 1,
      column: (mark?.column ?? 0) + 1,
    },
  ];
}
