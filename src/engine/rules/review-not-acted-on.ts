import { z } from "zod";
import { daysBetween } from "../../domain/primitives.js";
import { defineRule } from "../define-rule.js";
import { threshold } from "../rule-config.js";
import { fte, joinAnd, quoted } from "../wording.js";

export const reviewNotActedOn = defineRule({
  id: "review-not-acted-on",
  dimension: "reviews",
  severity: "error",
  summary:
    'An initiative\'s latest review answer is "no, do not keep investing", given more than 14 days ago, and it is still live with no stop naming it.',
  rationale:
    "A review that says stop and a plan that carries on is the execution gap in one line: the decision was taken, and the operating system ignored it.",
  howToClose:
    "Record the stop for the initiative and release its allocation, or review it again and change the answer.",
  thresholds: z.object({ days: threshold(14, 'grace in days after a "no" before it fires') }),
  check(ctx, { days }) {
    // Reviews in date order (file order breaks ties); within a review the last item for an initiative counts.
    const ordered = (ctx.plan.reviews ?? [])
      .map((r, i) => ({ r, i }))
      .sort((a, b) => (a.r.date < b.r.date ? -1 : a.r.date > b.r.date ? 1 : a.i - b.i));
    const latest = new Map<string, { answer: string; date: string; review: string }>();
    for (const { r } of ordered) {
      const last = new Map<string, (typeof r.items)[number]>();
      for (const item of r.items) last.set(item.initiative, item);
      for (const [id, item] of last)
        if (item.stillInvest !== undefined)
          latest.set(id, { answer: item.stillInvest, date: r.date, review: r.id });
    }
    return [...latest].flatMap(([id, answer]) => {
      const initiative = ctx.initiatives.get(id);
      if (!initiative || answer.answer !== "no" || !ctx.isLiveInitiative(initiative)) return [];
      const age = daysBetween(answer.date, ctx.asOf);
      if (!(age > days) || (ctx.stopsByInitiative.get(id)?.length ?? 0) > 0) return [];
      const held = ctx.heldAllocation(initiative).map(([team, n]) => `${ctx.teamName(team)} ${fte(n)}`);
      return [
        {
          subject: { type: "initiative" as const, id },
          message: `Initiative ${quoted(initiative.title)} is still ${initiative.status} ${age} days after review ${answer.review} said not to keep investing (${answer.date})`,
          evidence: {
            review: answer.review,
            date: answer.date,
            daysSince: age,
            status: initiative.status,
            allocation: initiative.allocation ?? {},
          },
          suggestion: `Record a stop for ${quoted(initiative.title)}${held.length ? ` and release ${joinAnd(held)}` : ""}, or review it again and change the answer.`,
        },
      ];
    });
  },
});
