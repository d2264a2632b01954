import type { Initiative } from "../../domain/plan-schema.js";
import type { AnalysisContext } from "../context.js";
import { defineRule } from "../define-rule.js";
import { fte, quoted, sumFte } from "../wording.js";

export const priorityNoStops = defineRule({
  id: "priority-no-stops",
  dimension: "focus",
  severity: "warning",
  summary: "A live priority has no stop linked to it.",
  rationale:
    "Strategy is as much what you stop as what you start. A priority added on top of everything already running competes for the same people and hours, and the existing work usually wins.",
  howToClose: "Record a stop for the priority: something formally ended to make room for it.",
  check(ctx) {
    const firing = ctx.livePriorities.filter((p) => (ctx.stopsByPriority.get(p.id) ?? []).length === 0);
    if (firing.length === 0) return [];
    const candidates = stopCandidates(ctx);
    return firing.map((p, i) => {
      // Spread the candidates over the priorities, so each suggestion names different work.
      const c = candidates.length ? candidates[i % candidates.length] : undefined;
      return {
        subject: { type: "priority", id: p.id },
        message: `Priority ${quoted(p.title)} has no stop: nothing was formally stopped to make room for it`,
        evidence: { stops: 0, candidate: c?.initiative.id ?? null },
        suggestion: c
          ? `Record a stop for ${quoted(p.title)}: ${c.text}.`
          : `Record a stop for ${quoted(p.title)}: the work, campaign, report or meeting ended to make room for it, linked to this priority.`,
      };
    });
  },
});

/**
 * Concrete work to name: live initiatives serving no live priority (largest first), then
 * initiatives already stopped that no stop records. Initiatives some stop already names are skipped.
 */
function stopCandidates(ctx: AnalysisContext): { initiative: Initiative; text: string }[] {
  const unrecorded = (i: Initiative) => (ctx.stopsByInitiative.get(i.id) ?? []).length === 0;
  const size = (i: Initiative) => sumFte(ctx.heldAllocation(i).map(([, f]) => f));
  const orphans = ctx.liveInitiatives
    .filter((i) => ctx.isOrphan(i) && unrecorded(i))
    .sort((a, b) => size(b) - size(a) || (a.id < b.id ? -1 : 1))
    .map((i) => ({
      initiative: i,
      text: `stop ${quoted(i.title)}, which serves no live priority${size(i) > 0 ? ` and frees ${fte(size(i))}` : ""}`,
    }));
  const alreadyStopped = (ctx.plan.initiatives ?? [])
    .filter((i) => i.status === "stopped" && unrecorded(i))
    .map((i) => ({
      initiative: i,
      text: `${quoted(i.title)} is already stopped — record it as the stop that made room`,
    }));
  return [...orphans, ...alreadyStopped];
}
