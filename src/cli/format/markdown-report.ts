import type { Plan } from "../../domain/plan-schema.js";
import { type AnalysisResult, DIMENSIONS, type Dimension, type Finding } from "../../engine/types.js";

const DIMENSION_TITLE: Record<Dimension, string> = {
  ownership: "Ownership",
  focus: "Focus and trade-offs",
  capacity: "Capacity",
  measurement: "Measurement and incentives",
  timelines: "Timelines",
  learning: "Learning loop",
  reviews: "Reviews",
  "operating-model": "Operating model",
};

const SEVERITY_MARK = { error: "🔴 error", warning: "🟠 warning", info: "🔵 info" } as const;

/**
 * The report a leadership team reads at an offsite: the index and its dimensions, then the
 * findings grouped by the priority they hold back, each with the action that closes it.
 */
export function markdownReport(plan: Plan, asOf: string, report: AnalysisResult): string {
  const out: string[] = [];
  const count = (s: string) => report.findings.filter((f) => f.severity === s).length;
  out.push(`# Execution gap report — ${md(plan.organisation)}`, "");
  out.push(`As of ${asOf} · cycle ${md(plan.cycle.name)} (${plan.cycle.start} to ${plan.cycle.end})`, "");
  out.push(`## Execution Gap Index: ${report.index.overall} / 100`, "");
  out.push(
    "0 means the organisation is set up to carry its strategy; 100 means it is not set up at all.",
    "",
  );
  out.push("| Dimension | Gap | Findings |", "|---|---:|---:|");
  for (const d of DIMENSIONS) {
    const n = report.findings.filter((f) => f.dimension === d).length;
    out.push(`| ${DIMENSION_TITLE[d]} | ${report.index.dimensions[d]} | ${n} |`);
  }
  out.push("", `**${count("error")} errors · ${count("warning")} warnings · ${count("info")} info**`, "");

  // A finding is listed under the first live priority it counts against, or under the organisation.
  const byPriority = new Map<string, Finding[]>();
  const general: Finding[] = [];
  report.findings.forEach((f) => {
    const first = f.scope.priorities.find((id) => id in report.index.priorities);
    if (first) byPriority.set(first, [...(byPriority.get(first) ?? []), f]);
    else general.push(f);
  });

  const live = plan.priorities.filter((p) => p.id in report.index.priorities);
  if (live.length) out.push("## Priorities", "");
  for (const p of live) {
    const owner = Array.isArray(p.owner) ? p.owner.join(", ") : (p.owner ?? "nobody");
    out.push(`### ${md(p.title)} — gap ${report.index.priorities[p.id]}`, "");
    out.push(`Owner: ${md(owner)}${p.segment ? ` · Segment: ${md(p.segment)}` : ""}`, "");
    const findings = byPriority.get(p.id) ?? [];
    if (findings.length === 0) out.push("No findings: this priority is set up to be carried.", "");
    else out.push(...findings.map(item), "");
  }
  if (general.length) out.push("## Across the organisation", "", ...general.map(item), "");
  if (report.findings.length === 0) out.push("No findings.", "");
  return `${out.join("\n").trimEnd()}\n`;
}

function item(f: Finding): string {
  return `- **${SEVERITY_MARK[f.severity]}** \`${f.rule}\` — ${md(f.message)}\n  - **Action:** ${md(f.suggestion)}`;
}

function md(text: string): string {
  return text.replace(/([\\`*_[\]<>|])/g, "\\$1");
}
