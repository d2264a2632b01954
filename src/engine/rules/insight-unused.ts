import { z } from "zod";
import { daysBetween } from "../../domain/primitives.js";
import { defineRule } from "../define-rule.js";
import { threshold } from "../rule-config.js";
import { quoted } from "../wording.js";

export const insightUnused = defineRule({
  id: "insight-unused",
  dimension: "learning",
  severity: "warning",
  summary: "An insight older than 30 days is cited as evidence by no decision.",
  rationale:
    "Customer insight that never reaches a decision is research theatre. The organisation learns, writes it down, and then decides as it would have anyway.",
  howToClose:
    "Take the insight to the owner of the priority it concerns and record a decision that cites it — even a decision to continue.",
  thresholds: z.object({ days: threshold(30, "age in days beyond which an uncited insight fires") }),
  check(ctx, { days }) {
    return (ctx.plan.insights ?? []).flatMap((insight) => {
      const age = daysBetween(insight.date, ctx.asOf);
      if (!(age > days) || (ctx.decisionsByInsight.get(insight.id)?.length ?? 0) > 0) return [];
      const priority = ctx.liveLinks(insight.priorities).map((id) => ctx.priorities.get(id))[0];
      const owner = priority ? ctx.ownerOf(priority) : undefined;
      const who = owner?.kind === "person" ? ctx.personName(owner.id) : undefined;
      return [
        {
          subject: { type: "insight" as const, id: insight.id },
          message: `Insight ${quoted(insight.summary)} from ${insight.date} (${age} days ago) has informed no decision`,
          evidence: { date: insight.date, ageDays: age, days, priorities: insight.priorities ?? [] },
          suggestion: priority
            ? `Take it to ${who ?? "the owner of"} ${who ? `(owner of ${quoted(priority.title)})` : quoted(priority.title)} and record a decision that cites ${insight.id}.`
            : `Decide which priority it bears on, take it to that priority's owner, and record a decision that cites ${insight.id}.`,
        },
      ];
    });
  },
});
