import { z } from "zod";
import type { Metric } from "../../domain/plan-schema.js";
import { defineRule } from "../define-rule.js";
import { threshold } from "../rule-config.js";
import { formatNumber, joinAnd, quoted, shareText } from "../wording.js";

export const incentiveMisaligned = defineRule({
  id: "incentive-misaligned",
  dimension: "measurement",
  severity: "warning",
  summary:
    "Less than half of a team's scorecard weight is on outcome or business metrics linked to a live priority.",
  rationale:
    "The strategy says one thing, the incentives reward another. A team measured on feature velocity, lead volume or handle time will keep producing exactly that, whatever the offsite decided.",
  howToClose:
    "Move scorecard weight from output and efficiency metrics to the outcome or business metrics of the live priorities the team serves.",
  thresholds: z.object({
    minAlignedShare: threshold(
      0.5,
      "share of scorecard weight that must be on live-priority outcome/business metrics",
    ),
  }),
  check(ctx, { minAlignedShare }) {
    const aligned = (m: Metric | undefined) =>
      m !== undefined &&
      (m.kind === "outcome" || m.kind === "business") &&
      ctx.liveLinks(m.priorities).length > 0;
    // Once, not per team: the metrics a team could shift weight to.
    const candidates = (ctx.plan.metrics ?? []).filter((m) => aligned(m));
    return ctx.plan.teams.flatMap((team) => {
      const card = team.scorecard ?? [];
      if (card.length === 0) return [];
      const total = card.reduce((s, e) => s + e.weight, 0);
      const alignedWeight = card
        .filter((e) => aligned(ctx.metrics.get(e.metric)))
        .reduce((s, e) => s + e.weight, 0);
      const share = alignedWeight / total;
      if (!(share < minAlignedShare)) return [];
      const byKind: Record<string, number> = { outcome: 0, business: 0, output: 0, efficiency: 0 };
      for (const e of card) {
        const kind = ctx.metrics.get(e.metric)?.kind;
        if (kind) byKind[kind] += e.weight;
      }
      const heaviest = card
        .filter((e) => !aligned(ctx.metrics.get(e.metric)))
        .sort((a, b) => b.weight - a.weight)
        .slice(0, 2)
        .map((e) => ctx.metrics.get(e.metric))
        .filter((m): m is Metric => m !== undefined);
      // Prefer a live-priority metric already on the card, then one of a priority the team works on.
      const served = new Set(
        ctx.liveAllocationsOf(team.id).flatMap((a) => ctx.liveLinks(a.initiative.priorities)),
      );
      const target =
        candidates.find((m) => card.some((e) => e.metric === m.id)) ??
        candidates.find((m) => ctx.liveLinks(m.priorities).some((p) => served.has(p))) ??
        candidates[0];
      const shift = Math.round((minAlignedShare * total - alignedWeight) * 100) / 100;
      return [
        {
          subject: { type: "team" as const, id: team.id },
          message: `${team.name} is rewarded mostly on other things: ${share > 0 ? "only " : ""}${shareText(share)} of its scorecard is on outcomes of live priorities`,
          evidence: {
            weightsByKind: byKind,
            alignedWeight,
            totalWeight: total,
            alignedShare: Math.round(share * 1000) / 1000,
            minAlignedShare,
            scorecard: card.map((e) => ({
              metric: e.metric,
              weight: e.weight,
              kind: ctx.metrics.get(e.metric)?.kind ?? null,
              aligned: aligned(ctx.metrics.get(e.metric)),
            })),
          },
          suggestion: `Move at least ${formatNumber(shift)} of ${team.name}'s ${formatNumber(total)} scorecard weight${
            heaviest.length ? ` off ${joinAnd(heaviest.map((m) => `${quoted(m.name)} (${m.kind})`))}` : ""
          }${target ? ` onto ${quoted(target.name)}` : " onto an outcome metric of a live priority (add one if none exists)"}.`,
        },
      ];
    });
  },
});
