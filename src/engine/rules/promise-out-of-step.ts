import { daysBetween } from "../../domain/primitives.js";
import { defineRule } from "../define-rule.js";
import { joinAnd, plural, quoted } from "../wording.js";

export const promiseOutOfStep = defineRule({
  id: "promise-out-of-step",
  dimension: "timelines",
  severity: "error",
  summary:
    "In a promise, a readiness milestone that is not done is dated after the earliest customer-facing milestone.",
  rationale:
    "Functions move on their own calendars: marketing launches in spring while the product is ready in summer and service is trained in autumn. Customers meet the promise before the organisation can keep it.",
  howToClose:
    "Bring the lagging teams' milestones forward, or move the customer-facing date to when every team is ready.",
  check(ctx) {
    return (ctx.plan.promises ?? []).flatMap((promise) => {
      const facing = promise.milestones.filter((m) => m.customerFacing);
      if (facing.length === 0) return [];
      const first = facing.reduce((a, b) => (b.date < a.date ? b : a));
      const lagging = promise.milestones
        .filter((m) => !m.customerFacing && !m.done && m.date > first.date)
        .map((m) => ({
          team: m.team,
          what: m.what,
          date: m.date,
          daysLate: daysBetween(first.date, m.date),
        }));
      if (lagging.length === 0) return [];
      const latest = lagging.reduce((a, b) => (b.date > a.date ? b : a));
      const named = lagging.map(
        (l) => `${ctx.teamName(l.team)}'s ${quoted(l.what)} forward ${plural(l.daysLate, "day")}`,
      );
      return [
        {
          subject: { type: "promise" as const, id: promise.id },
          message: `Promise ${quoted(promise.statement)} goes to customers on ${first.date} (${quoted(first.what)}) before ${joinAnd(
            [...new Set(lagging.map((l) => ctx.teamName(l.team)))],
          )} ${lagging.length === 1 ? "is" : "are"} ready (up to ${plural(latest.daysLate, "day")} later)`,
          evidence: {
            customerFacing: { team: first.team, what: first.what, date: first.date },
            lagging,
          },
          suggestion: `Bring ${joinAnd(named)}, or move ${quoted(first.what)} to ${latest.date} when every team is ready.`,
          scope: { teams: [...new Set(lagging.map((l) => l.team))] },
        },
      ];
    });
  },
});
