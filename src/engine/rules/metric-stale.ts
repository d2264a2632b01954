import { z } from "zod";
import { daysBetween } from "../../domain/primitives.js";
import { defineRule } from "../define-rule.js";
import { threshold } from "../rule-config.js";
import { quoted } from "../wording.js";

export const metricStale = defineRule({
  id: "metric-stale",
  dimension: "measurement",
  severity: "warning",
  summary:
    "A metric linked to a live priority has its last check-in more than 45 days old, or none although the cycle started more than 45 days ago.",
  rationale:
    "A metric nobody updates is a metric nobody looks at. Reviews then run on opinion, and a priority can drift for a quarter before anyone sees it in the numbers.",
  howToClose: "Record a check-in now, and agree who records the next one and when.",
  thresholds: z.object({
    days: threshold(45, "days since the last check-in beyond which a metric is stale"),
  }),
  check(ctx, { days }) {
    return (ctx.plan.metrics ?? []).flatMap((m) => {
      if (ctx.liveLinks(m.priorities).length === 0) return [];
      let last: string | undefined;
      for (const c of m.checkins ?? []) if (last === undefined || c.date > last) last = c.date;
      const age = last ? daysBetween(last, ctx.asOf) : undefined;
      const cycleAge = daysBetween(ctx.plan.cycle.start, ctx.asOf);
      if (age !== undefined ? !(age > days) : !(cycleAge > days)) return [];
      return [
        {
          subject: { type: "metric" as const, id: m.id },
          message: last
            ? `Metric ${quoted(m.name)} was last checked in on ${last}, ${age} days ago`
            : `Metric ${quoted(m.name)} has no check-in, ${cycleAge} days into the cycle`,
          evidence: {
            lastCheckin: last ?? null,
            daysSince: age ?? null,
            cycleStart: ctx.plan.cycle.start,
            days,
          },
          suggestion: `Record a check-in for ${quoted(m.name)} now and agree who records the next one within ${days} days.`,
        },
      ];
    });
  },
});
