import { defineRule } from "../define-rule.js";
import { quoted } from "../wording.js";

export const resistanceUnassessed = defineRule({
  id: "resistance-unassessed",
  dimension: "operating-model",
  severity: "info",
  summary:
    "A live top-level priority lists no resistance: nobody has asked where the current system will resist it.",
  rationale:
    "Organisations were built to run the existing business; they resist a new strategy by default, through incentives, process, structure, decision rights, resources, skills and culture. Naming where is the first step to changing it.",
  howToClose:
    "With the owner, list where the current operating model will resist the priority, and the change that answers each.",
  check(ctx) {
    return ctx.liveTopLevel
      .filter((p) => (p.resistance ?? []).length === 0)
      .map((p) => {
        const owner = ctx.ownerOf(p);
        return {
          subject: { type: "priority" as const, id: p.id },
          message: `Priority ${quoted(p.title)} lists no resistance from the current operating model`,
          evidence: {},
          suggestion: `Ask ${owner.kind === "person" ? ctx.personName(owner.id) : "its owner"} where today's incentives, processes, structure, decision rights, resources, skills or culture will resist ${quoted(p.title)}, and record each with the change that answers it.`,
        };
      });
  },
});
