import { z } from "zod";
import { defineRule } from "../define-rule.js";
import { threshold } from "../rule-config.js";
import { joinAnd, quoted } from "../wording.js";

export const ownerOverloaded = defineRule({
  id: "owner-overloaded",
  dimension: "ownership",
  severity: "warning",
  summary: "One person owns more than 2 live priorities.",
  rationale:
    "An owner's attention is the scarcest resource a priority has. Spread over too many, each priority gets a fraction of a leader, and the ones that need the hardest calls quietly stall.",
  howToClose: "Hand the extra priorities to people who own none, so each person owns at most the limit.",
  thresholds: z.object({ max: threshold(2, "live priorities one person may own") }),
  check(ctx, { max }) {
    // People who own no live priority at all, alone or in a shared list: the natural candidates.
    const owning = new Set<string>();
    for (const p of ctx.livePriorities) {
      const o = ctx.ownerOf(p);
      if (o.kind === "person") owning.add(o.id);
      if (o.kind === "people") for (const id of o.ids) owning.add(id);
    }
    const free = ctx.plan.people.filter((person) => !owning.has(person.id));
    return ctx.plan.people.flatMap((person) => {
      const owned = ctx.livePrioritiesOwnedBy(person.id);
      if (owned.length <= max) return [];
      const extra = owned.slice(Math.floor(max));
      // Colleagues from the same team first: they already know the work.
      const candidates = [
        ...free.filter((c) => person.team !== undefined && c.team === person.team),
        ...free.filter((c) => person.team === undefined || c.team !== person.team),
      ];
      const handovers = extra.map((p, i) => {
        const to = candidates.length ? candidates[i % candidates.length] : undefined;
        return { priority: p, to };
      });
      const keep = owned.length - extra.length;
      const suggestion = candidates.length
        ? `Hand over ${handoverText(handovers)}, so ${person.name} keeps ${keep}.`
        : `Hand over ${joinAnd(extra.map((p) => quoted(p.title)))} to another owner, so ${person.name} keeps ${keep}.`;
      return [
        {
          subject: { type: "person", id: person.id },
          message: `${person.name} owns ${owned.length} live priorities (at most ${max}): ${joinAnd(owned.map((p) => quoted(p.title)))}`,
          evidence: {
            count: owned.length,
            max,
            priorities: owned.map((p) => ({ id: p.id, title: p.title })),
            handOver: handovers.map((h) => ({ priority: h.priority.id, to: h.to?.id ?? null })),
          },
          suggestion,
        },
      ];
    });
  },
});

/** `"C" and "D" to Cy, who owns no live priority`, or `"C" to Cy and "D" to Dee (they own no live priority)`. */
function handoverText(
  handovers: { priority: { title: string }; to?: { id: string; name: string } }[],
): string {
  const byPerson = new Map<string, { name: string; titles: string[] }>();
  for (const h of handovers) {
    if (!h.to) continue;
    const entry = byPerson.get(h.to.id) ?? { name: h.to.name, titles: [] };
    entry.titles.push(quoted(h.priority.title));
    byPerson.set(h.to.id, entry);
  }
  const parts = [...byPerson.values()].map((e) => `${joinAnd(e.titles)} to ${e.name}`);
  return `${joinAnd(parts)}${byPerson.size === 1 ? ", who owns no live priority" : " (they own no live priority)"}`;
}
