import type { Problem } from "../../domain/errors.js";
import { formatPath } from "../../domain/plan-issue.js";
import type { JsonReport } from "../../engine/json-report.js";
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

/** `file:line:col severity rule message`, one line per finding, like a compiler. */
export function textFindings(file: string, report: JsonReport, p: Paint): string {
  const lines = report.findings.map((f) => {
    const where = `${file}:${f.location?.line ?? 1}:${f.location?.column ?? 1}`;
    const severity =
      f.severity === "error"
        ? p.red(SEVERITY_LABEL.error)
        : f.severity === "warning"
          ? p.yellow(SEVERITY_LABEL.warning)
          : p.blue(SEVERITY_LABEL.info);
    return `${p.bold(where)} ${severity} ${p.dim(f.rule)} ${f.message}`;
  });
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
  return `${verdict} ${file}: Execution Gap Index ${report.index.overall} — ${parts.join(", ")}\n`;
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
