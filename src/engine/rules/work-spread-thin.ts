import { z } from "zod";
import { defineRule } from "../define-rule.js";
import { threshold } from "../rule-config.js";
import { fte, joinAnd, plural, quoted, roundFte, sumFte } from "../wording.js";

export const workSpreadThin = defineRule({
  id: "work-spread-thin",
  dimension: "capacity",
  severity: "warning",
  summary:
    "A team holds allocations in 4 or more live initiatives and averages less than 1.0 FTE per initiative.",
  rationale:
    "A team in slivers across many initiatives spends its week switching context and waiting on others. Each initiative looks staffed on paper, yet none has anyone whose job it is to finish it.",
  howToClose:
    "Stop the smallest allocations or fold them into larger initiatives, so the team works on fewer things with more weight behind each.",
  thresholds: z.object({
    minInitiatives: threshold(4, "live initiatives a team must hold allocations in to fire"),
    minAverageFte: threshold(1.0, "average FTE per such initiative below which it fires"),
  }),
  check(ctx, { minInitiatives, minAverageFte }) {
    const thin = (n: number, total: number) => n > 0 && n >= minInitiatives && total / n < minAverageFte;
    return ctx.plan.teams.flatMap((team) => {
      const held = ctx.liveAllocationsOf(team.id);
      const total = sumFte(held.map((h) => h.fte));
      if (!thin(held.length, total)) return [];
      // Drop the smallest allocations (orphans first among equals) until the team is no longer thin.
      const ranked = [...held].sort(
        (a, b) =>
          a.fte - b.fte ||
          Number(ctx.isOrphan(b.initiative)) - Number(ctx.isOrphan(a.initiative)) ||
          (a.initiative.id < b.initiative.id ? -1 : 1),
      );
      const drop: typeof ranked = [];
      let left = total;
      while (thin(held.length - drop.length, left)) {
        const next = ranked[drop.length];
        drop.push(next);
        left = roundFte(left - next.fte);
      }
      const remaining = held.length - drop.length;
      const average = roundFte(total / held.length);
      return [
        {
          subject: { type: "team", id: team.id },
          message: `${team.name} is spread over ${held.length} live initiatives at ${average} FTE each on average (below ${minAverageFte})`,
          evidence: {
            initiatives: held.map((h) => ({ id: h.initiative.id, title: h.initiative.title, fte: h.fte })),
            count: held.length,
            total,
            averageFte: average,
            minInitiatives,
            minAverageFte,
            consolidate: drop.map((h) => h.initiative.id),
          },
          suggestion: `Stop or fold into larger work ${joinAnd(drop.map((h) => `${quoted(h.initiative.title)} (${fte(h.fte)})`))}, so ${team.name} holds ${plural(remaining, "initiative")}${remaining > 0 ? ` averaging ${roundFte(left / remaining)} FTE` : ""}.`,
        },
      ];
    });
  },
});
