import { daysBetween, durationDays } from "../../domain/primitives.js";
import type { AnalysisContext } from "../context.js";
import { defineRule } from "../define-rule.js";
import { quoted } from "../wording.js";

/** The date of each priority's last review: reviews naming it, or holding an item for an initiative that lists it. */
export function lastReviewByPriority(ctx: AnalysisContext): Map<string, string> {
  const last = new Map<string, string>();
  const note = (id: string, date: string) => {
    const seen = last.get(id);
    if (seen === undefined || date > seen) last.set(id, date);
  };
  for (const review of ctx.plan.reviews ?? []) {
    if (review.priority) note(review.priority, review.date);
    for (const item of review.items)
      for (const id of ctx.initiatives.get(item.initiative)?.priorities ?? []) note(id, review.date);
  }
  return last;
}

export const reviewOverdue = defineRule({
  id: "review-overdue",
  dimension: "reviews",
  severity: "warning",
  summary:
    "A live top-level priority's last review (reviews of priorities beneath it count) is older than its reviewEvery cadence, or it has none and the cycle started longer ago than that.",
  rationale:
    "Reviews are where a strategy is re-decided against what has been learned. When they drift, priorities run on the momentum of the offsite until that runs out.",
  howToClose:
    "Hold the review: walk the priority's initiatives through the three questions and record the answers.",
  check(ctx) {
    const last = lastReviewByPriority(ctx);
    return ctx.liveTopLevel.flatMap((p) => {
      const every = durationDays(p.reviewEvery);
      // Reviewing a function's or team's objective beneath it reviews part of it.
      let date: string | undefined;
      for (const id of ctx.withBeneath(p.id)) {
        const d = last.get(id);
        if (d !== undefined && (date === undefined || d > date)) date = d;
      }
      const since = daysBetween(date ?? ctx.plan.cycle.start, ctx.asOf);
      if (!(since > every)) return [];
      const owner = ctx.ownerOf(p);
      const who = owner.kind === "person" ? ` with ${ctx.personName(owner.id)}` : "";
      return [
        {
          subject: { type: "priority" as const, id: p.id },
          message: date
            ? `Priority ${quoted(p.title)} was last reviewed on ${date}, ${since} days ago (cadence ${p.reviewEvery})`
            : `Priority ${quoted(p.title)} has not been reviewed in the ${since} days since the cycle started (cadence ${p.reviewEvery})`,
          evidence: {
            lastReview: date ?? null,
            daysSince: since,
            reviewEvery: p.reviewEvery,
            overdueDays: since - every,
          },
          suggestion: `Review ${quoted(p.title)}${who} now — ${since - every} days overdue — asking of each initiative how it connects, what it teaches about the segment, and whether to keep investing.`,
        },
      ];
    });
  },
});
