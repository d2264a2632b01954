import { judgeKeyResult } from "../classify/index.js";
import { defineRule } from "../define-rule.js";
import { joinAnd, quoted } from "../wording.js";

export const metricNoTarget = defineRule({
  id: "metric-no-target",
  dimension: "measurement",
  severity: "warning",
  summary: "A metric linked to a live priority has no target.",
  rationale:
    'A key result without a number to reach ("from X to Y", "$X") cannot be missed, so it cannot tell anyone whether the priority is working: every result reads as progress.',
  howToClose:
    "Write the metric's target (and a due date and baseline) — the level that would show the priority is working.",
  check(ctx) {
    return (ctx.plan.metrics ?? []).flatMap((m) => {
      const served = ctx.liveLinks(m.priorities);
      if (served.length === 0 || m.target !== undefined) return [];
      // A name still holding a template's placeholder says where the target was meant to go.
      const judged = judgeKeyResult(m.name);
      const placeholder = judged.kind === "placeholder" ? judged.words : [];
      const titles = served.map((id) => quoted(ctx.priorities.get(id)?.title ?? id));
      const owner = m.owner && ctx.people.has(m.owner) ? ctx.personName(m.owner) : undefined;
      return [
        {
          subject: { type: "metric" as const, id: m.id },
          message: `Metric ${quoted(m.name)} of ${joinAnd(titles)} has no target${
            placeholder.length
              ? ` (its name still holds the placeholder ${joinAnd(placeholder.map(quoted))})`
              : ""
          }`,
          evidence: {
            priorities: served,
            baseline: m.baseline ?? null,
            due: m.due ?? null,
            placeholder,
          },
          suggestion: `${owner ? `Ask ${owner} to write` : "Write"} the target of ${quoted(m.name)}: the ${m.unit ? `${m.unit} ` : ""}level ${m.direction === "down" ? "to get down to" : "to reach"}${m.due ? ` by ${m.due}` : " and the date to reach it by"}${m.baseline === undefined ? ", and where it starts (baseline)" : ""}.`,
        },
      ];
    });
  },
});
