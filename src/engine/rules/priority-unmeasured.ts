import { isBlank } from "../context.js";
import { defineRule } from "../define-rule.js";
import { quoted } from "../wording.js";

export const priorityUnmeasured = defineRule({
  id: "priority-unmeasured",
  dimension: "measurement",
  severity: "error",
  summary: "A live priority has no linked metric of kind outcome or business.",
  rationale:
    "What is not measured as a customer or business result gets measured as activity. Without an outcome metric, a priority is judged by how busy its teams look, and nobody can tell whether it is working.",
  howToClose:
    "Add a metric of kind outcome (what customers experience) or business (revenue, retention) with a baseline, target and due date, and link it to the priority.",
  check(ctx) {
    return ctx.livePriorities.flatMap((p) => {
      const linked = ctx.metricsByPriority.get(p.id) ?? [];
      if (linked.some((m) => m.kind === "outcome" || m.kind === "business")) return [];
      const idea = !isBlank(p.outcome)
        ? `an outcome metric that shows ${quoted((p.outcome ?? "").trim())} happening`
        : !isBlank(p.segment)
          ? `an outcome metric of what customers in the segment ${quoted((p.segment ?? "").trim())} experience`
          : "an outcome metric customers would notice";
      return [
        {
          subject: { type: "priority" as const, id: p.id },
          message: `Priority ${quoted(p.title)} has no outcome or business metric${
            linked.length ? ` (only ${linked.map((m) => `${quoted(m.name)} (${m.kind})`).join(", ")})` : ""
          }`,
          evidence: { linkedMetrics: linked.map((m) => ({ id: m.id, name: m.name, kind: m.kind })) },
          suggestion: `Add ${idea} — kind outcome, with a baseline, target and due date — and link it to ${quoted(p.title)}.`,
        },
      ];
    });
  },
});
