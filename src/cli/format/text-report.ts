import type { Problem } from "../../domain/errors.js";
import { formatPath } from "../../domain/plan-issue.js";
import { type GroupableFinding, groupFindings, type Population } from "../../engine/finding-groups.js";
import type { JsonFinding, JsonReport } from "../../engine/json-report.js";
import type { Paint } from "./colour.js";

const SEVERITY_LABEL = { error: "error", warning: "warning", info: "info" } as const;

/** A problem's text as a reader needs it: where in the plan (field path), then what is wrong. */
export function describeProblem(problem: Problem): string {
  if (problem.path.length === 0) return problem.message;
  // An unknown key's message names the key itself; the path to its parent says where.
  if (problem.message.startsWith("unknown key")) {
    const parent = problem.path.slice(0, -1);
    return parent.length ? `${formatPath(parent)}: ${problem.message}` : problem.message;
  }
  return `${formatPath(problem.path)} ${problem.message}`;
}

export interface TextOptions {
  /** List every finding of a group on its own line (`--expand`). */
  expand?: boolean;
  population?: Population;
  nameOf?: (f: GroupableFinding) => string;
}

/**
 * `file:line:col severity rule message`, one line per finding, like a compiler. A rule that
 * fires on many subjects is one line ("16 of 20 priorities have no stop: …") unless `expand`.
 */
export function textFindings(file: string, report: JsonReport, p: Paint, options: TextOptions = {}): string {
  const line = (f: JsonFinding, message: string) => {
    const where = `${file}:${f.location?.line ?? 1}:${f.location?.column ?? 1}`;
    const severity =
      f.severity === "error"
        ? p.red(SEVERITY_LABEL.error)
        : f.severity === "warning"
          ? p.yellow(SEVERITY_LABEL.warning)
          : p.blue(SEVERITY_LABEL.info);
    return `${p.bold(where)} ${severity} ${p.dim(f.rule)} ${message}`;
  };
  const entries = options.expand
    ? report.findings.map((finding) => ({ kind: "finding" as const, finding }))
    : groupFindings(report.findings, { population: options.population, nameOf: options.nameOf });
  let grouped = false;
  const lines = entries.map((e) => {
    if (e.kind === "finding") return line(e.finding, e.finding.message);
    grouped = true;
    return line(e.group.findings[0], e.group.headline);
  });
  if (grouped) lines.push(p.dim("(one line per rule that fires on many subjects: --expand lists each)"));
  return lines.length ? `${lines.join("\n")}\n` : "";
}

export function textSummary(file: string, report: JsonReport, p: Paint): string {
  const count = (s: string) => report.findings.filter((f) => f.severity === s).length;
  const [errors, warnings, infos] = [count("error"), count("warning"), count("info")];
  const parts = [
    `${errors} ${errors === 1 ? "error" : "errors"}`,
    `${warnings} ${warnings === 1 ? "warning" : "warnings"}`,
    `${infos} info`,
  ];
  const verdict = errors ? p.red("✖") : warnings ? p.yellow("⚠") : p.green("✔");
  const skipped = report.index.notAssessed ?? [];
  // A dimension the plan holds no data for is named, not shown as a gap of 0.
  const note = skipped.length ? p.dim(`  not assessed (no data in the plan): ${skipped.join(", ")}\n`) : "";
  return `${verdict} ${file}: Execution Gap Index ${report.index.overall} — ${parts.join(", ")}\n${note}`;
}

export function textProblems(file: string, problems: readonly Problem[], p: Paint): string {
  const lines = problems.map(
    (pr) => `${p.bold(`${file}:${pr.line ?? 1}:${pr.column ?? 1}`)} ${p.red("error")} ${describeProblem(pr)}`,
  );
  const n = problems.length;
  lines.push(
    `${p.red("✖")} ${file}: not a valid plan — ${n} ${n === 1 ? "problem" : "problems"}; nothing was analysed`,
  );
  return `${lines.join("\n")}\n`;
}
