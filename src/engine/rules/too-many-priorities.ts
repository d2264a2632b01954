import { z } from "zod";
import type { Priority } from "../../domain/plan-schema.js";
import type { AnalysisContext } from "../context.js";
import { defineRule } from "../define-rule.js";
import { threshold } from "../rule-config.js";
import { joinAnd, plural, quoted } from "../wording.js";

export const tooManyPriorities = defineRule({
  id: "too-many-priorities",
  dimension: "focus",
  severity: "warning",
  summary: "The plan carries more than 5 live priorities.",
  rationale:
    "When everything is a priority, nothing is: people pick for themselves which ones to work on, resources are spread across all of them, and none gets enough to move.",
  howToClose:
    "Retire the priorities with the least evidence of progress, or move them back to proposed, until the limit is met.",
  thresholds: z.object({ max: threshold(5, "live priorities the plan may carry") }),
  check(ctx, { max }) {
    const live = ctx.livePriorities;
    if (live.length <= max) return [];
    const progress = live.map((p) => progressOf(ctx, p));
    // Least evidence of progress first: fewest check-ins in the cycle on its outcome/business
    // metrics, then fewest such metrics, then id.
    const weakest = [...progress]
      .sort((a, b) => a.checkins - b.checkins || a.metrics - b.metrics || (a.id < b.id ? -1 : 1))
      .slice(0, live.length - Math.floor(max));
    const describe = (x: Progress) =>
      `${quoted(x.title)} (${plural(x.checkins, "check-in")} on ${plural(x.metrics, "outcome/business metric")})`;
    return [
      {
        subject: { type: "plan", id: "plan" },
        path: ["priorities"],
        message: `The plan carries ${live.length} live priorities (at most ${max}): ${joinAnd(live.map((p) => quoted(p.title)))}`,
        evidence: {
          count: live.length,
          max,
          priorities: progress.map((x) => ({
            id: x.id,
            title: x.title,
            checkins: x.checkins,
            metrics: x.metrics,
          })),
          leastProgress: weakest.map((x) => x.id),
        },
        suggestion: `Retire or move back to proposed the ${weakest.length === 1 ? "priority" : `${weakest.length} priorities`} with the least evidence of progress: ${joinAnd(weakest.map(describe))}.`,
        scope: { priorities: weakest.map((x) => x.id), teams: [] },
      },
    ];
  },
});

interface Progress {
  id: string;
  title: string;
  /** Check-ins inside the cycle (up to asOf) on the priority's outcome/business metrics. */
  checkins: number;
  /** Its linked outcome/business metrics. */
  metrics: number;
}

function progressOf(ctx: AnalysisContext, priority: Priority): Progress {
  const { start, end } = ctx.plan.cycle;
  const metrics = (ctx.metricsByPriority.get(priority.id) ?? []).filter(
    (m) => m.kind === "outcome" || m.kind === "business",
  );
  let checkins = 0;
  for (const m of metrics)
    checkins += (m.checkins ?? []).filter(
      (c) => c.date >= start && c.date <= end && ctx.known(c.date),
    ).length;
  return { id: priority.id, title: priority.title, checkins, metrics: metrics.length };
}
