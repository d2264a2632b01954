import { z } from "zod";
import { daysBetween } from "../../domain/primitives.js";
import { defineRule } from "../define-rule.js";
import { projectLinear } from "../least-squares.js";
import { threshold } from "../rule-config.js";
import { formatNumber, quoted } from "../wording.js";

export { projectLinear } from "../least-squares.js";

// Two decimals for small scales (NPS 26.36), whole numbers for large ones (EUR 3,325,226).
const round = (n: number) => (Math.abs(n) >= 1000 ? Math.round(n) : Math.round(n * 100) / 100);

export const outcomeOffTrack = defineRule({
  id: "outcome-off-track",
  dimension: "measurement",
  severity: "warning",
  summary:
    "A live priority's metric, projected in a straight line from its check-ins, falls short of its target at its due date by more than 10% of the distance from baseline to target.",
  rationale:
    "A target that the trend will miss is cheaper to act on now than at the due date. Projecting the check-ins turns a hopeful status colour into a date and a gap.",
  howToClose:
    "Change what the initiatives behind the metric do (or their capacity) so the trend bends, or reset the target openly with the priority's owner.",
  thresholds: z.object({
    tolerance: threshold(0.1, "allowed shortfall, as a share of |target − baseline|"),
  }),
  check(ctx, { tolerance }) {
    const start = ctx.plan.cycle.start;
    return (ctx.plan.metrics ?? []).flatMap((m) => {
      if (ctx.liveLinks(m.priorities).length === 0) return [];
      if (m.baseline === undefined || m.target === undefined || m.due === undefined) return [];
      const points = [
        { x: 0, y: m.baseline },
        ...(m.checkins ?? []).map((c) => ({ x: daysBetween(start, c.date), y: c.value })),
      ];
      const projection = projectLinear(points, daysBetween(start, m.due));
      if (!projection) return [];
      const allowed = tolerance * Math.abs(m.target - m.baseline);
      // Compare at a fixed precision so a projection exactly on the boundary is not lost to float noise.
      const at = (n: number) => Math.round(n * 1e6) / 1e6;
      const short =
        m.direction === "up"
          ? at(projection.value) < at(m.target - allowed)
          : at(projection.value) > at(m.target + allowed);
      if (!short) return [];
      const perWeek = round(projection.slope * 7);
      const latest = [...(m.checkins ?? [])].sort((a, b) => (a.date < b.date ? -1 : 1)).pop();
      const weeksLeft = Math.max(daysBetween(ctx.asOf, m.due), 0) / 7;
      const from = latest?.value ?? m.baseline;
      const needed = weeksLeft > 0 ? round((m.target - from) / weeksLeft) : null;
      const unit = m.unit ? ` ${m.unit}` : "";
      return [
        {
          subject: { type: "metric" as const, id: m.id },
          message: `Metric ${quoted(m.name)} is projected to reach ${formatNumber(round(projection.value))}${unit} by ${m.due} against a target of ${formatNumber(m.target)}${unit}`,
          evidence: {
            projected: round(projection.value),
            target: m.target,
            baseline: m.baseline,
            due: m.due,
            direction: m.direction,
            tolerance: round(allowed),
            points: points.length,
            ratePerWeek: perWeek,
            neededPerWeek: needed,
          },
          suggestion:
            needed === null
              ? `${m.due < ctx.asOf ? `The due date ${m.due} has passed` : `The due date is today (${m.due})`} short of target: agree with the owner whether to extend ${quoted(m.name)}'s date or change the initiatives behind it.`
              : `At ${signed(perWeek)}${unit} a week ${quoted(m.name)} misses its target; it needs ${signed(needed)}${unit} a week from here — change the initiatives behind it or reset the target with the priority's owner.`,
        },
      ];
    });
  },
});

/** `+1,200` or `-3.5`: a weekly rate with its sign. */
function signed(n: number): string {
  return `${n >= 0 ? "+" : ""}${formatNumber(n)}`;
}
