import { daysBetween } from "../../domain/primitives.js";
import { defineRule } from "../define-rule.js";
import { joinAnd, plural, quoted } from "../wording.js";

export const promiseBroken = defineRule({
  id: "promise-broken",
  dimension: "timelines",
  severity: "error",
  summary:
    "A customer-facing milestone's date has passed while a readiness milestone of the same promise is not done.",
  rationale:
    "Customers have been told, and the organisation is not ready: the promise is being broken in front of them right now, and each day costs trust that the strategy depends on.",
  howToClose:
    "Finish the open readiness milestones as the first call on the teams named, or tell customers a new date.",
  check(ctx) {
    return (ctx.plan.promises ?? []).flatMap((promise) => {
      const passed = promise.milestones.filter((m) => m.customerFacing && ctx.passed(m.date));
      const open = promise.milestones.filter((m) => !m.customerFacing && !m.done);
      if (passed.length === 0 || open.length === 0) return [];
      const first = passed.reduce((a, b) => (b.date < a.date ? b : a));
      const openNamed = open.map((m) => `${ctx.teamName(m.team)}'s ${quoted(m.what)}`);
      return [
        {
          subject: { type: "promise" as const, id: promise.id },
          message: `Promise ${quoted(promise.statement)} reached customers on ${first.date} (${quoted(first.what)}, ${plural(
            daysBetween(first.date, ctx.asOf),
            "day",
          )} ago) but ${joinAnd(openNamed)} ${open.length === 1 ? "is" : "are"} not done`,
          evidence: {
            customerFacing: passed.map((m) => ({ team: m.team, what: m.what, date: m.date })),
            notDone: open.map((m) => ({ team: m.team, what: m.what, date: m.date })),
          },
          suggestion: `Make ${joinAnd(openNamed)} the first call on ${joinAnd([...new Set(open.map((m) => ctx.teamName(m.team)))])}, or tell customers a new date.`,
          scope: { teams: [...new Set(open.map((m) => m.team))] },
        },
      ];
    });
  },
});
