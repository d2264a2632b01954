import type { Priority } from "../../domain/plan-schema.js";
import type { AnalysisContext } from "../context.js";
import { defineRule } from "../define-rule.js";
import { fte, joinAnd, quoted, sumFte } from "../wording.js";

/** Decision kinds by which a team shows it gave something up for a priority. */
const GIVING_UP = new Set(["cut", "deprioritise", "stop"]);

export const priorityNotCascaded = defineRule({
  id: "priority-not-cascaded",
  dimension: "focus",
  severity: "warning",
  summary:
    "A live top-level priority has a contributing team (FTE in a live initiative serving it) with no objective of its own beneath it, no stop and no cut, deprioritise or stop decision for it.",
  rationale:
    "A company objective changes what teams do only when each contributing team translates it into its own choices: its own objective, and what it stops. A team that only lends people to the work keeps running its old plan around it.",
  howToClose:
    "Have each contributing team add its own objective beneath the priority (parent set to it, team set to the team), or record the stop or decision by which it made room.",
  check(ctx) {
    // A plan that writes no cascade (no priority has a parent) cannot be judged for one.
    if (!ctx.hasTree) return [];
    const contributions = contributionsByTop(ctx);
    return ctx.liveTopLevel.flatMap((p) => {
      const missing = uncascadedTeams(ctx, p, contributions.get(p.id));
      if (missing.length === 0) return [];
      const names = missing.map((t) => ctx.teamName(t.team));
      return [
        {
          subject: { type: "priority" as const, id: p.id },
          message: `Priority ${quoted(p.title)} is not cascaded to ${joinAnd(names)}: ${missing.length === 1 ? "it contributes" : "they contribute"} FTE but ${missing.length === 1 ? "has" : "have"} no objective, stop or decision of ${missing.length === 1 ? "its" : "their"} own for it`,
          evidence: {
            teams: missing.map((t) => ({ id: t.team, fte: t.fte, initiatives: t.initiatives })),
          },
          suggestion: `Add a team objective beneath ${quoted(p.title)} for ${joinAnd(
            missing.map((t) => `${ctx.teamName(t.team)} (${fte(t.fte)})`),
          )}: each team's own priority, with ${quoted(p.title)} as its parent and the team set, saying what the team will change, and what it stops, for it.`,
          scope: { priorities: [p.id], teams: missing.map((t) => t.team) },
        },
      ];
    });
  },
});

interface Contribution {
  team: string;
  fte: number;
  initiatives: string[];
}

/** The top-level priority each priority sits beneath (itself when top level), memoised. */
function topLevelOf(ctx: AnalysisContext): (id: string) => string | undefined {
  const memo = new Map<string, string | undefined>();
  // A loop (refused by validation) has no top; the set of visited ids is made only on a miss.
  const find = (id: string, seen: Set<string> | undefined): string | undefined => {
    if (memo.has(id)) return memo.get(id);
    const p = ctx.priorities.get(id);
    let top: string | undefined;
    if (!p || seen?.has(id)) top = undefined;
    else if (ctx.isTopLevel(p)) top = p.id;
    else top = find(p.parent as string, (seen ?? new Set<string>()).add(id));
    memo.set(id, top);
    return top;
  };
  return (id) => find(id, undefined);
}

/**
 * Per live top-level priority, the teams holding FTE in live initiatives serving it (or a
 * priority beneath it): one pass over the initiatives, not one per priority.
 */
function contributionsByTop(
  ctx: AnalysisContext,
): Map<string, Map<string, { fte: number[]; initiatives: string[] }>> {
  const top = topLevelOf(ctx);
  const out = new Map<string, Map<string, { fte: number[]; initiatives: string[] }>>();
  for (const initiative of ctx.liveInitiatives) {
    const held = ctx.heldAllocation(initiative);
    if (held.length === 0) continue;
    const tops = new Set<string>();
    for (const id of initiative.priorities ?? []) {
      const t = top(id);
      if (t !== undefined) tops.add(t);
    }
    for (const t of tops) {
      let teams = out.get(t);
      if (!teams) {
        teams = new Map();
        out.set(t, teams);
      }
      for (const [team, amount] of held) {
        let c = teams.get(team);
        if (!c) {
          c = { fte: [], initiatives: [] };
          teams.set(team, c);
        }
        c.fte.push(amount);
        c.initiatives.push(initiative.id);
      }
    }
  }
  return out;
}

/** Contributing teams that show no translation of the priority: no objective, stop or decision of their own. */
function uncascadedTeams(
  ctx: AnalysisContext,
  priority: Priority,
  contributions: Map<string, { fte: number[]; initiatives: string[] }> | undefined,
): Contribution[] {
  if (!contributions || contributions.size === 0) return [];
  const family = new Set(ctx.withBeneath(priority.id));
  const translated = new Set<string>();
  for (const id of ctx.beneath(priority.id)) {
    const q = ctx.priorities.get(id);
    if (q?.team !== undefined && ctx.isLivePriority(id)) translated.add(q.team);
  }
  for (const s of ctx.plan.stops ?? []) {
    if (s.priority === undefined || !family.has(s.priority)) continue;
    if (s.team !== undefined) translated.add(s.team);
    for (const [team, amount] of Object.entries(s.frees ?? {})) if (amount > 0) translated.add(team);
  }
  for (const d of ctx.plan.decisions ?? [])
    if (d.priority !== undefined && family.has(d.priority) && d.team !== undefined && GIVING_UP.has(d.kind))
      translated.add(d.team);
  return [...contributions]
    .filter(([team]) => !translated.has(team))
    .map(([team, c]) => ({ team, fte: sumFte(c.fte), initiatives: c.initiatives }));
}
