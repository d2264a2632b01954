import type { Priority } from "../../domain/plan-schema.js";
import type { AnalysisContext } from "../context.js";
import { defineRule } from "../define-rule.js";
import type { RuleFinding } from "../types.js";
import { joinAnd, quoted } from "../wording.js";

export const prioritySharedOwner = defineRule({
  id: "priority-shared-owner",
  dimension: "ownership",
  severity: "error",
  summary: "A live priority's owner is a list of several people or a team.",
  rationale:
    "When several people or a whole team own a priority, each assumes another will make the hard call. Decisions wait for consensus, and the priority loses every trade-off to work that has a single owner.",
  howToClose: "Make one person the owner of the priority; the others contribute through its initiatives.",
  check(ctx) {
    const findings: RuleFinding[] = [];
    for (const p of ctx.livePriorities) {
      const owner = ctx.ownerOf(p);
      if (owner.kind === "people") {
        const [first, ...rest] = owner.ids;
        const names = owner.ids.map((id) => ctx.personName(id));
        findings.push({
          subject: { type: "priority", id: p.id },
          message: `Priority ${quoted(p.title)} is owned by ${owner.ids.length} people (${joinAnd(names)}): a committee is not an owner`,
          evidence: { owner: owner.ids, team: null, suggestedOwner: first },
          suggestion: `Make ${ctx.personName(first)} the single owner of ${quoted(p.title)}; ${joinAnd(rest.map((id) => ctx.personName(id)))} contribute${rest.length === 1 ? "s" : ""} through its initiatives.`,
        });
      } else if (owner.kind === "team") {
        const team = ctx.teamName(owner.id);
        const candidate = ownerCandidate(ctx, p, owner.id);
        findings.push({
          subject: { type: "priority", id: p.id },
          message: `Priority ${quoted(p.title)} is owned by the team ${team}: a team is not an owner`,
          evidence: { owner: owner.id, team: owner.id, suggestedOwner: candidate ?? null },
          suggestion: candidate
            ? `Make ${ctx.personName(candidate)} the single owner of ${quoted(p.title)}; the rest of ${team} contributes through its initiatives.`
            : `Name one person as the single owner of ${quoted(p.title)} (${team} lists no people in the plan); the team contributes through its initiatives.`,
        });
      }
    }
    return findings;
  },
});

/**
 * The person to suggest for a team-owned priority: a member of the team, else an owner of an
 * initiative serving it — whoever already owns the fewest live priorities (plan order breaks ties).
 */
function ownerCandidate(ctx: AnalysisContext, priority: Priority, teamId: string): string | undefined {
  let pool = ctx.plan.people.filter((person) => person.team === teamId).map((person) => person.id);
  if (pool.length === 0)
    pool = (ctx.initiativesByPriority.get(priority.id) ?? [])
      .filter((i) => ctx.isLiveInitiative(i))
      .flatMap((i) => ctx.soleOwnerOf(i) ?? []);
  let best: string | undefined;
  let fewest = Number.POSITIVE_INFINITY;
  for (const id of pool) {
    const owned = ctx.livePrioritiesOwnedBy(id).length;
    if (owned < fewest) {
      best = id;
      fewest = owned;
    }
  }
  return best;
}
