import { defineRule } from "../define-rule.js";
import { joinAnd, quoted } from "../wording.js";

const RESULT_KINDS = new Set(["outcome", "business"]);
const ACTIVITY_KINDS = new Set(["output", "efficiency"]);

export const metricRevertedToOutput = defineRule({
  id: "metric-reverted-to-output",
  dimension: "measurement",
  severity: "warning",
  summary:
    "A metric linked to a live priority was changed during the cycle from an outcome or business metric to an output or efficiency one.",
  rationale:
    "When an outcome proves hard to move, the quiet fix is to measure activity instead. The priority then looks on track while the customer result it was chosen for is no longer watched.",
  howToClose:
    "Restore the metric to the outcome it measured (or add a new outcome metric beside it) and discuss in the next review why it was changed.",
  check(ctx) {
    const { start, end } = ctx.plan.cycle;
    return (ctx.plan.metrics ?? []).flatMap((m) => {
      if (ctx.liveLinks(m.priorities).length === 0) return [];
      const reverts = (m.history ?? []).filter(
        (h) =>
          h.field === "kind" &&
          h.date >= start &&
          h.date <= end &&
          RESULT_KINDS.has(String(h.from)) &&
          ACTIVITY_KINDS.has(String(h.to)),
      );
      if (reverts.length === 0) return [];
      const last = reverts[reverts.length - 1];
      const priorities = ctx.liveLinks(m.priorities).map((id) => quoted(ctx.priorities.get(id)?.title ?? id));
      return [
        {
          subject: { type: "metric" as const, id: m.id },
          message: `Metric ${quoted(m.name)} was changed from ${last.from} to ${last.to} on ${last.date}, while it evidences ${joinAnd(priorities)}`,
          evidence: {
            changes: reverts.map((h) => ({ date: h.date, from: h.from ?? null, to: h.to ?? null })),
            kindNow: m.kind,
          },
          suggestion: `Restore ${quoted(m.name)} to kind ${last.from} (or add a new ${last.from} metric for ${joinAnd(priorities)}) and ask at the next review why it was changed.`,
        },
      ];
    });
  },
});
