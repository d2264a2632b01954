import { defineRule } from "../define-rule.js";

export const priorityNoOwner = defineRule({
  id: "priority-no-owner",
  dimension: "ownership",
  severity: "error",
  summary: "A live priority has no owner.",
  rationale:
    "A priority nobody owns is everybody's second job. When trade-offs collide, no one has the standing to decide in its favour, so the old work wins by default.",
  howToClose: "Name one person who answers for the priority's outcome and can make trade-offs for it.",
  check(ctx) {
    return ctx.livePriorities
      .filter((p) => ctx.ownerOf(p).kind === "none")
      .map((p) => {
        const named = typeof p.owner === "string" ? p.owner : undefined;
        return {
          subject: { type: "priority", id: p.id },
          message: named
            ? `Priority "${p.title}" names owner "${named}", who is no longer in the workspace`
            : `Priority "${p.title}" has no owner`,
          evidence: { owner: p.owner ?? null },
          suggestion: `Make one person the owner of "${p.title}" — someone who can say no to other work for it.`,
        };
      });
  },
});
