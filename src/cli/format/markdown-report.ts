import type { Plan } from "../../domain/plan-schema.js";
import { groupFindings, type Population, populationOf, subjectNamer } from "../../engine/finding-groups.js";
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
export function markdownReport(
  plan: Plan,
  asOf: string,
  report: AnalysisResult,
  options: { expand?: boolean } = {},
): string {
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
  const notAssessed = report.index.notAssessed ?? [];
  for (const d of DIMENSIONS) {
    const n = report.findings.filter((f) => f.dimension === d).length;
    // No data in the plan for a dimension is not a gap of 0.
    const gap = notAssessed.includes(d) ? "not assessed" : report.index.dimensions[d];
    out.push(`| ${DIMENSION_TITLE[d]} | ${gap} | ${n} |`);
  }
  if (notAssessed.length)
    out.push(
      "",
      `Not assessed — the plan holds no data for them, so the index leaves them out: ${notAssessed.map((d) => DIMENSION_TITLE[d]).join(", ")}.`,
    );
  out.push("", `**${count("error")} errors · ${count("warning")} warnings · ${count("info")} info**`, "");

  const population = populationOf(plan, asOf);
  const nameOf = subjectNamer(plan);
  const items = (findings: Finding[]) => listItems(findings, options.expand, population, nameOf);
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
    else out.push(...items(findings), "");
  }
  if (general.length) out.push("## Across the organisation", "", ...items(general), "");
  if (report.findings.length === 0) out.push("No findings.", "");
  return `${out.join("\n").trimEnd()}\n`;
}

/** A rule firing on many subjects is one line with the list a click away (`<details>`), unless expanded. */
function listItems(
  findings: Finding[],
  expand: boolean | undefined,
  population: Population,
  nameOf: (f: Finding) => string,
): string[] {
  if (expand) return findings.map(item);
  return groupFindings(findings, { population, nameOf }).map((e) =>
    e.kind === "finding"
      ? item(e.finding)
      : [
          `- **${SEVERITY_MARK[e.group.severity]}** \`${e.group.rule}\` — ${md(e.group.headline)}`,
          "  <details><summary>Each one, with its action</summary>",
          "",
          ...e.group.findings.map((f) => `  - ${md(f.message)}\n    - **Action:** ${md(f.suggestion)}`),
          "",
          "  </details>",
        ].join("\n"),
  );
}

function item(f: Finding): string {
  return `- **${SEVERITY_MARK[f.severity]}** \`${f.rule}\` — ${md(f.message)}\n  - **Action:** ${md(f.suggestion)}`;
}

function md(text: string): string {
  return text.replace(/([\\`*_[\]<>|])/g, "\\$1");
}
