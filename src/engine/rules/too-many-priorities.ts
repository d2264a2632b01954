import { z } from "zod";
import type { Priority } from "../../domain/plan-schema.js";
import type { AnalysisContext } from "../context.js";
import { defineRule } from "../define-rule.js";
import { threshold } from "../rule-config.js";
import type { RuleFinding } from "../types.js";
import { joinAnd, plural, quoted } from "../wording.js";

export const tooManyPriorities = defineRule({
  id: "too-many-priorities",
  dimension: "focus",
  severity: "warning",
  summary:
    "The plan carries more than 5 live top-level priorities, or one team more than 5 live priorities of its own.",
  rationale:
    "When everything is a priority, nothing is: people pick for themselves which ones to work on, resources are spread across all of them, and none gets enough to move. A team handed more objectives than it can hold does the same one level down.",
  howToClose:
    "Retire the priorities with the least evidence of progress, or move them back to proposed, until the limit is met.",
  thresholds: z.object({
    max: threshold(5, "live top-level priorities the plan may carry"),
    maxPerTeam: threshold(5, "live priorities with team set to one team"),
  }),
  check(ctx, { max, maxPerTeam }) {
    const findings: RuleFinding[] = [];
    const top = ctx.liveTopLevel;
    if (top.length > max) {
      const { weakest, progress, describe } = rank(ctx, top, max);
      findings.push({
        subject: { type: "plan", id: "plan" },
        path: ["priorities"],
        message: `The plan carries ${top.length} live${ctx.hasTree ? " top-level" : ""} priorities (at most ${max}): ${joinAnd(top.map((p) => quoted(p.title)))}`,
        evidence: {
          count: top.length,
          max,
          priorities: progress.map(evidenceOf),
          leastProgress: weakest.map((x) => x.id),
        },
        suggestion: `Retire or move back to proposed the ${weakest.length === 1 ? "priority" : `${weakest.length} priorities`} with the least evidence of progress: ${joinAnd(weakest.map(describe))}.`,
        scope: { priorities: weakest.map((x) => x.id), teams: [] },
      });
    }
    const byTeam = new Map<string, Priority[]>();
    for (const p of ctx.livePriorities)
      if (p.team !== undefined) byTeam.set(p.team, [...(byTeam.get(p.team) ?? []), p]);
    for (const team of ctx.plan.teams) {
      const own = byTeam.get(team.id) ?? [];
      if (own.length <= maxPerTeam) continue;
      const { weakest, progress, describe } = rank(ctx, own, maxPerTeam);
      findings.push({
        subject: { type: "team", id: team.id },
        message: `${team.name} carries ${own.length} live priorities of its own (at most ${maxPerTeam}): ${joinAnd(own.map((p) => quoted(p.title)))}`,
        evidence: {
          count: own.length,
          maxPerTeam,
          priorities: progress.map(evidenceOf),
          leastProgress: weakest.map((x) => x.id),
        },
        suggestion: `Retire or move back to proposed ${team.name}'s ${weakest.length === 1 ? "priority" : `${weakest.length} priorities`} with the least evidence of progress: ${joinAnd(weakest.map(describe))}.`,
        scope: { priorities: weakest.map((x) => x.id), teams: [team.id] },
      });
    }
    return findings;
  },
});

/** Least evidence of progress first: fewest check-ins in the cycle on its outcome/business metrics, then fewest such metrics, then id. */
function rank(ctx: AnalysisContext, priorities: readonly Priority[], max: number) {
  const progress = priorities.map((p) => progressOf(ctx, p));
  const weakest = [...progress]
    .sort((a, b) => a.checkins - b.checkins || a.metrics - b.metrics || (a.id < b.id ? -1 : 1))
    .slice(0, priorities.length - Math.floor(max));
  const describe = (x: Progress) =>
    `${quoted(x.title)} (${plural(x.checkins, "check-in")} on ${plural(x.metrics, "outcome/business metric")})`;
  return { progress, weakest, describe };
}

function evidenceOf(x: Progress) {
  return { id: x.id, title: x.title, checkins: x.checkins, metrics: x.metrics };
}

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
