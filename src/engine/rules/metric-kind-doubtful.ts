import { judgeKeyResult } from "../classify/index.js";
import { defineRule } from "../define-rule.js";
import { joinAnd, quoted } from "../wording.js";

export const metricKindDoubtful = defineRule({
  id: "metric-kind-doubtful",
  dimension: "measurement",
  severity: "warning",
  summary:
    "A metric linked to a live priority is declared outcome or business, but its name describes a deliverable, an activity or a function's own throughput.",
  rationale:
    'Calling output an outcome is how a strategy quietly reverts to activity: "launch the portal" counts as success whether or not a single customer notices, and the plan passes its own checks while measuring effort.',
  howToClose:
    "Rename the metric to the change a customer or the business would notice (and measure that), or declare it kind output and link a real outcome metric to the priority.",
  check(ctx) {
    return (ctx.plan.metrics ?? []).flatMap((m) => {
      if (m.kind !== "outcome" && m.kind !== "business") return [];
      const served = ctx.liveLinks(m.priorities);
      if (served.length === 0) return [];
      const judged = judgeKeyResult(m.name);
      // Only a confident "output" with the words that decided it accuses: a false accusation
      // of self-deception costs more trust than a missed one.
      if (judged.kind !== "output" || judged.words.length === 0) return [];
      const words = joinAnd(judged.words.map(quoted));
      return [
        {
          subject: { type: "metric" as const, id: m.id },
          message: `Metric ${quoted(m.name)} is declared ${m.kind}, but its name describes output (${words})`,
          evidence: { declared: m.kind, judged: judged.kind, words: judged.words, priorities: served },
          suggestion: `Ask what ${quoted(m.name)} should change for customers or the business, and measure that as the ${m.kind} metric — or declare ${quoted(m.name)} kind output and link an outcome metric to ${joinAnd(served.map((id) => quoted(ctx.priorities.get(id)?.title ?? id)))}.`,
        },
      ];
    });
  },
});
