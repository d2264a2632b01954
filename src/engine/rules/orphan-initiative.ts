import type { Initiative } from "../../domain/plan-schema.js";
import { type AnalysisContext, unique } from "../context.js";
import { defineRule } from "../define-rule.js";
import { fte, joinAnd, quoted } from "../wording.js";

export const orphanInitiative = defineRule({
  id: "orphan-initiative",
  dimension: "capacity",
  severity: "warning",
  summary: "A live initiative serves no live priority.",
  rationale:
    "Work that serves no live priority still draws people, money and attention. It is how last year's strategy, and pet projects nobody chose, keep running on the capacity the new priorities need.",
  howToClose:
    "Stop the initiative and free its allocation, or link it to the live priority it really serves.",
  check(ctx) {
    return ctx.liveInitiatives
      .filter((i) => ctx.isOrphan(i))
      .map((i) => {
        const listed = unique(i.priorities);
        const notLive = listed
          .map((id) => ctx.priorities.get(id))
          .filter((p) => p !== undefined)
          .map((p) => `${quoted(p.title)}, ${p.status}`);
        const held = ctx.heldAllocation(i);
        const frees = held.map(([team, f]) => `${ctx.teamName(team)} ${fte(f)}`);
        const target = linkTarget(ctx, i);
        const stop = `Stop ${quoted(i.title)}${frees.length ? ` (frees ${joinAnd(frees)})` : ""}`;
        return {
          subject: { type: "initiative", id: i.id },
          message: `Initiative ${quoted(i.title)} serves no live priority${notLive.length ? ` (it lists only ${notLive.join("; ")})` : ""}`,
          evidence: {
            priorities: listed,
            allocation: Object.fromEntries(held),
            suggestedPriority: target?.id ?? null,
          },
          suggestion: target
            ? `${stop}, or link it to the live priority ${quoted(target.title)} if that is what it serves.`
            : `${stop}: there is no live priority it could serve.`,
        };
      });
  },
});

/** A live priority to suggest linking to: one its owner owns, else the first live priority. */
function linkTarget(ctx: AnalysisContext, initiative: Initiative) {
  const owner = ctx.soleOwnerOf(initiative);
  const owned = owner ? ctx.livePrioritiesOwnedBy(owner) : [];
  return owned[0] ?? ctx.livePriorities[0];
}
