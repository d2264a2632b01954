import { defineRule } from "../define-rule.js";
import { joinAnd, quoted } from "../wording.js";

export const initiativeSharedOwner = defineRule({
  id: "initiative-shared-owner",
  dimension: "ownership",
  severity: "warning",
  summary: "A live initiative's owner is a list of several people.",
  rationale:
    "When several people own a piece of work, each assumes another is watching it: nobody reports on it alone, and nobody feels entitled to say it should stop.",
  howToClose:
    "Name one of them as the owner who answers for the initiative's progress; the others contribute to it.",
  check(ctx) {
    return ctx.liveInitiatives.flatMap((i) => {
      const owner = ctx.initiativeOwnerOf(i);
      if (owner.kind !== "people") return [];
      const names = owner.ids.map((id) => ctx.personName(id));
      return [
        {
          subject: { type: "initiative" as const, id: i.id },
          message: `Initiative ${quoted(i.title)} is owned by ${owner.ids.length} people (${joinAnd(names)}): a shared owner is no owner`,
          evidence: { owners: owner.ids },
          suggestion: `Make one of ${joinAnd(names)} the owner of ${quoted(i.title)} — the one who reports on it and says when to stop it — and keep the others as contributors.`,
        },
      ];
    });
  },
});
