import { z } from "zod";
import type { Initiative } from "../../domain/plan-schema.js";
import { type AnalysisContext, unique } from "../context.js";
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
    // An initiative staffed by several teams is keyed once.
    const keys = new Map<Initiative, string>();
    const keyOf = (i: Initiative) => {
      let k = keys.get(i);
      if (k === undefined) {
        k = streamKey(ctx, i);
        keys.set(i, k);
      }
      return k;
    };
    return ctx.plan.teams.flatMap((team) => {
      const held = ctx.liveAllocationsOf(team.id);
      const work = streamsOf(held, keyOf);
      const total = sumFte(held.map((h) => h.fte));
      if (!thin(work.length, total)) return [];
      // Drop the smallest allocations (orphans first among equals) until the team is no longer thin.
      const ranked = [...work].sort(
        (a, b) =>
          a.fte - b.fte ||
          Number(ctx.isOrphan(b.group[0].initiative)) - Number(ctx.isOrphan(a.group[0].initiative)) ||
          (a.id < b.id ? -1 : 1),
      );
      const drop: typeof ranked = [];
      let left = total;
      while (thin(work.length - drop.length, left)) {
        const next = ranked[drop.length];
        drop.push(next);
        left = roundFte(left - next.fte);
      }
      const remaining = work.length - drop.length;
      const average = roundFte(total / work.length);
      const merged = work.length < held.length;
      return [
        {
          subject: { type: "team", id: team.id },
          message: `${team.name} is spread over ${work.length} live initiatives${merged ? ` (${held.length} written, same owner and priorities counted once)` : ""} at ${average} FTE each on average (below ${minAverageFte})`,
          evidence: {
            initiatives: held.map((h) => ({ id: h.initiative.id, title: h.initiative.title, fte: h.fte })),
            count: work.length,
            total,
            averageFte: average,
            minInitiatives,
            minAverageFte,
            consolidate: drop.flatMap((w) => w.ids),
          },
          suggestion: `Stop or fold into larger work ${joinAnd(drop.map((w) => `${joinAnd(w.group.map((g) => quoted(g.initiative.title)))} (${fte(w.fte)})`))}, so ${team.name} holds ${plural(remaining, "initiative")}${remaining > 0 ? ` averaging ${roundFte(left / remaining)} FTE` : ""}.`,
        },
      ];
    });
  },
});

interface Stream {
  id: string;
  ids: string[];
  group: { initiative: Initiative; fte: number }[];
  fte: number;
}

/**
 * A team's pieces of work: initiatives with the same owner (a person or the same list) and the
 * same priorities are one piece written as several, so splitting work into bullets does not
 * make a team look spread thin. Initiatives without an owner stay apart: nothing joins them.
 */
function streamsOf(
  held: { initiative: Initiative; fte: number }[],
  keyOf: (i: Initiative) => string,
): Stream[] {
  const byKey = new Map<string, { initiative: Initiative; fte: number }[]>();
  for (const h of held) {
    const k = keyOf(h.initiative);
    const group = byKey.get(k);
    if (group) group.push(h);
    else byKey.set(k, [h]);
  }
  const out: Stream[] = [];
  for (const group of byKey.values()) {
    let fteSum = 0;
    for (const g of group) fteSum += g.fte;
    out.push({
      id: group[0].initiative.id,
      ids: group.map((g) => g.initiative.id),
      group,
      fte: roundFte(fteSum),
    });
  }
  return out;
}

/** Same owner (a person or the same list) and same priorities: one piece of work. */
function streamKey(ctx: AnalysisContext, initiative: Initiative): string {
  const owner = ctx.initiativeOwnerOf(initiative);
  const who =
    owner.kind === "person" ? owner.id : owner.kind === "people" ? [...owner.ids].sort().join(",") : "";
  if (!who) return `apart\u0000${initiative.id}`;
  const serves = initiative.priorities;
  return `${owner.kind}:${who}\u0000${serves && serves.length > 1 ? unique(serves).sort().join(",") : (serves?.[0] ?? "")}`;
}
