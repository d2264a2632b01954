import type { Initiative } from "../../domain/plan-schema.js";
import type { AnalysisContext } from "../context.js";
import { defineRule } from "../define-rule.js";
import { quoted } from "../wording.js";

export const initiativeNoOwner = defineRule({
  id: "initiative-no-owner",
  dimension: "ownership",
  severity: "warning",
  summary: "A live initiative has no owner.",
  rationale:
    "Work without an owner keeps its budget but loses its direction: nobody reports on it, nobody asks whether it still serves the strategy, and nobody proposes stopping it.",
  howToClose: "Name one person who answers for the initiative's progress and for whether it should continue.",
  check(ctx) {
    return ctx.liveInitiatives
      .filter((i) => ctx.initiativeOwnerOf(i).kind === "none")
      .map((i) => {
        const candidate = ownerCandidate(ctx, i);
        return {
          subject: { type: "initiative", id: i.id },
          message:
            i.owner === undefined || i.owner.length === 0
              ? `Initiative ${quoted(i.title)} has no owner`
              : `Initiative ${quoted(i.title)} names owner ${[i.owner]
                  .flat()
                  .map((o) => `"${o}"`)
                  .join(", ")}, no longer in the workspace`,
          evidence: { owner: i.owner ?? null, suggestedOwner: candidate?.id ?? null },
          suggestion: candidate
            ? `Make ${ctx.personName(candidate.id)} the owner of ${quoted(i.title)} (${candidate.why}).`
            : `Name one person as the owner of ${quoted(i.title)}, someone who will report on it and say when to stop it.`,
        };
      });
  },
});

/**
 * Whom to suggest: the owner of a live priority the initiative serves, else a member of the
 * team giving it the most FTE.
 */
function ownerCandidate(
  ctx: AnalysisContext,
  initiative: Initiative,
): { id: string; why: string } | undefined {
  for (const pid of ctx.liveLinks(initiative.priorities)) {
    const priority = ctx.priorities.get(pid);
    if (!priority) continue;
    const o = ctx.ownerOf(priority);
    if (o.kind === "person" && ctx.people.has(o.id))
      return { id: o.id, why: `who owns the priority it serves, ${quoted(priority.title)}` };
  }
  const teams = ctx.heldAllocation(initiative).sort((a, b) => b[1] - a[1]);
  for (const [teamId] of teams) {
    const member = ctx.plan.people.find((p) => p.team === teamId);
    if (member) return { id: member.id, why: `in ${ctx.teamName(teamId)}, which staffs it` };
  }
  return undefined;
}
