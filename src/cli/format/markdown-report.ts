import type { Plan } from "../../domain/plan-schema.js";
import type { Move } from "../../engine/moves/propose-moves.js";
import type { AnalysisResult } from "../../engine/types.js";
import { type OffsiteReport, offsiteReport, type ReportFinding } from "../../report/offsite-model.js";

const SEVERITY_MARK = { error: "🔴 error", warning: "🟠 warning", info: "🔵 info" } as const;

/**
 * The report a leadership team reads at an offsite, in markdown: the same sections as the PDF
 * offsite pack (src/report/offsite-model.ts) — the index and its dimensions, the top moves,
 * findings by priority with their actions, plan-wide findings, capacity and scores by team,
 * promises and the stop list.
 */
export function markdownReport(
  plan: Plan,
  asOf: string,
  analysis: AnalysisResult,
  options: { moves?: readonly Move[] } = {},
): string {
  return renderMarkdown(
    offsiteReport(plan, asOf, analysis, options.moves ?? []),
    options.moves !== undefined,
  );
}

export function renderMarkdown(r: OffsiteReport, withMoves: boolean): string {
  const out: string[] = [];
  out.push(`# Execution gap report — ${md(r.organisation)}`, "");
  out.push(`As of ${r.asOf} · cycle ${md(r.cycle.name)} (${r.cycle.start} to ${r.cycle.end})`, "");
  out.push(`## Execution Gap Index: ${r.overall} / 100`, "");
  out.push(
    "0 means the organisation is set up to carry its strategy; 100 means it is not set up at all.",
    "",
  );
  out.push("| Dimension | Gap | Findings |", "|---|---:|---:|");
  for (const d of r.dimensions)
    out.push(`| ${d.title} | ${d.assessed ? d.score : "not assessed"} | ${d.findings} |`);
  const notAssessed = r.dimensions.filter((d) => !d.assessed);
  if (notAssessed.length)
    out.push(
      "",
      `Not assessed: ${notAssessed.map((d) => d.title).join(", ")} — the plan holds nothing to judge them by, so they do not count in the index.`,
    );
  out.push("", `**${r.counts.error} errors · ${r.counts.warning} warnings · ${r.counts.info} info**`, "");

  if (withMoves) {
    out.push("## Top moves", "");
    if (r.moves.length === 0) out.push("No move found that lowers the index.", "");
    r.moves.forEach((m, i) => {
      out.push(
        `${i + 1}. **${md(m.summary)}** — index after: ${m.indexAfter}; closes ${m.closes} ${m.closes === 1 ? "finding" : "findings"}${m.freed ? `; frees ${md(m.freed)}` : ""}`,
      );
    });
    if (r.moves.length) out.push("");
  }

  if (r.priorities.length) out.push("## Priorities", "");
  for (const p of r.priorities) {
    out.push(`### ${md(p.title)} — gap ${p.gap}`, "");
    out.push(`Owner: ${md(p.owner)}${p.segment ? ` · Segment: ${md(p.segment)}` : ""}`, "");
    if (p.findings.length === 0) out.push("No findings: this priority is set up to be carried.", "");
    else out.push(...p.findings.map(item), "");
  }
  if (r.planWide.length) out.push("## Across the whole plan", "", ...r.planWide.map(item), "");
  if (r.counts.error + r.counts.warning + r.counts.info === 0) out.push("No findings.", "");

  out.push("## Capacity and gap by team", "", "| Team | Capacity (FTE) | Committed (FTE) | Gap | Findings |");
  out.push("|---|---:|---:|---:|---:|");
  for (const t of r.teams)
    out.push(
      `| ${md(t.name)} | ${t.capacity ?? "unknown"} | ${t.committed}${t.capacity !== undefined && t.committed > t.capacity ? " ⚠" : ""} | ${t.gap} | ${t.findings} |`,
    );
  out.push("");

  if (r.promises.length) {
    out.push("## Promises", "");
    for (const p of r.promises) {
      out.push(`### ${md(p.statement)} — ${p.state}`, "");
      if (p.priority) out.push(`For ${md(p.priority)}`, "");
      for (const m of p.milestones)
        out.push(
          `- ${m.date} · ${md(m.team)}: ${md(m.what)}${m.customerFacing ? " (customer-facing)" : ""}${m.done ? " ✔ done" : ""}`,
        );
      out.push("");
    }
  }

  if (r.stops.length) {
    out.push(
      "## Stop list",
      "",
      "| Stopped | For | Decided | Effective | Frees | State |",
      "|---|---|---|---|---|---|",
    );
    for (const s of r.stops)
      out.push(
        `| ${md(s.what)} | ${s.priority ? md(s.priority) : "—"} | ${s.decided} | ${s.effective} | ${s.frees ? md(s.frees) : "—"} | ${md(s.state)} |`,
      );
    out.push("");
  }
  return `${out.join("\n").trimEnd()}\n`;
}

function item(f: ReportFinding): string {
  const lines = [
    `- **${SEVERITY_MARK[f.severity]}** \`${f.rule}\` — ${md(f.message)}`,
    `  - **Action:** ${md(f.suggestion)}`,
  ];
  if (f.actions.length) lines.push(`  - **As changes:** ${f.actions.map(md).join("; ")}`);
  return lines.join("\n");
}

function md(text: string): string {
  return text.replace(/([\\`*_[\]<>|])/g, "\\$1");
}
