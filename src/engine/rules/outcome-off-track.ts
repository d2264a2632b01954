import { z } from "zod";
import { daysBetween } from "../../domain/primitives.js";
import { defineRule } from "../define-rule.js";
import { threshold } from "../rule-config.js";
import { formatNumber, quoted } from "../wording.js";

/** Least squares through (x, y): the value at `at`, and the slope per unit of x. */
export function projectLinear(
  points: readonly { x: number; y: number }[],
  at: number,
): { value: number; slope: number } | undefined {
  if (points.length < 2) return undefined;
  const n = points.length;
  const mx = points.reduce((s, p) => s + p.x, 0) / n;
  const my = points.reduce((s, p) => s + p.y, 0) / n;
  let sxx = 0;
  let sxy = 0;
  for (const p of points) {
    sxx += (p.x - mx) ** 2;
    sxy += (p.x - mx) * (p.y - my);
  }
  if (sxx === 0) return undefined; // all points on one date: no trend to project
  const slope = sxy / sxx;
  return { value: my + slope * (at - mx), slope };
}

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
