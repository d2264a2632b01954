import { daysBetween } from "../../domain/primitives.js";
import { defineRule } from "../define-rule.js";
import type { RuleFinding } from "../types.js";
import { quoted } from "../wording.js";

/** The change kind that usually answers resistance in an area. */
const CHANGE_FOR_AREA: Record<string, string> = {
  incentives: "performance-measurement",
  process: "process",
  structure: "structure",
  "decision-rights": "decision-rights",
  resources: "resource-allocation",
  skills: "other",
  culture: "other",
};

export const resistanceUnaddressed = defineRule({
  id: "resistance-unaddressed",
  dimension: "operating-model",
  severity: "warning",
  summary:
    "A resistance item of a live priority has no operating-model change answering it, or its change is past due and not done.",
  rationale:
    "Naming resistance without changing the system that produces it changes nothing. The incentive, process or decision right stays as it was, and so does the work.",
  howToClose: "Give the resistance a change with an owner and a due date, and see it done.",
  check(ctx) {
    const findings: RuleFinding[] = [];
    for (const p of ctx.livePriorities) {
      for (const r of p.resistance ?? []) {
        const subject = { type: "resistance" as const, id: r.id };
        const scope = { priorities: [p.id] };
        if (!r.change) {
          findings.push({
            subject,
            message: `Resistance ${quoted(r.description)} (${r.area}) to ${quoted(p.title)} has no change answering it`,
            evidence: { priority: p.id, area: r.area, change: null },
            suggestion: `Name the ${CHANGE_FOR_AREA[r.area] ?? "other"} change that answers ${quoted(r.description)}, with an owner and a due date.`,
            scope,
          });
        } else if (ctx.passed(r.change.due) && r.change.status !== "done") {
          const late = daysBetween(r.change.due, ctx.asOf);
          findings.push({
            subject,
            message: `The change ${quoted(r.change.description)} answering resistance to ${quoted(p.title)} was due ${r.change.due} and is ${r.change.status} (${late} days late)`,
            evidence: { priority: p.id, area: r.area, change: { ...r.change }, daysLate: late },
            suggestion: `${ctx.personName(r.change.owner)} to finish ${quoted(r.change.description)} or reset its due date at the next review of ${quoted(p.title)}.`,
            scope,
          });
        }
      }
    }
    return findings;
  },
});
