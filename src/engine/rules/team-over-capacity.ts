import { defineRule } from "../define-rule.js";
import { fte, joinAnd, plural, quoted, roundFte, sumFte } from "../wording.js";

export const teamOverCapacity = defineRule({
  id: "team-over-capacity",
  dimension: "capacity",
  severity: "error",
  summary: "The sum of a team's allocations to live initiatives exceeds its capacity.",
  rationale:
    "A team committed beyond its capacity does not do everything slower: it silently chooses what to drop, usually the new strategic work, because the old work has customers and habits behind it.",
  howToClose:
    "Stop live initiatives (or remove their allocation from the team) until the committed FTE fits the capacity — work serving no live priority first.",
  check(ctx) {
    return ctx.plan.teams.flatMap((team) => {
      // Capacity nobody wrote down is unknown, not zero: there is nothing to exceed.
      if (team.capacity === undefined) return [];
      const contributions = ctx
        .liveAllocationsOf(team.id)
        .map((c) => ({ ...c, serves: ctx.liveLinks(c.initiative.priorities).length }));
      const committed = sumFte(contributions.map((c) => c.fte));
      const capacity = roundFte(team.capacity);
      if (committed <= capacity) return [];
      const overload = roundFte(committed - capacity);
      const percent = capacity === 0 ? null : Math.round((committed / capacity) * 100);
      // Orphans first, then those serving the fewest live priorities; a larger allocation
      // to this team first, so the fewest stops cover the overload.
      const ranked = [...contributions].sort(
        (a, b) => a.serves - b.serves || b.fte - a.fte || (a.initiative.id < b.initiative.id ? -1 : 1),
      );
      const toStop: typeof ranked = [];
      let freed = 0;
      for (const c of ranked) {
        if (freed >= overload) break;
        toStop.push(c);
        freed = roundFte(freed + c.fte);
      }
      const named = toStop.map(
        (c) =>
          `${quoted(c.initiative.title)} (${c.serves === 0 ? "orphan" : `serves ${plural(c.serves, "live priority", "live priorities")}`}, ${fte(c.fte)})`,
      );
      return [
        {
          subject: { type: "team", id: team.id },
          message:
            percent === null
              ? `${team.name} is committed to ${roundFte(committed)} FTE against a capacity of 0`
              : `${team.name} is committed to ${committed} FTE against ${capacity} (${percent}%)`,
          evidence: {
            committed,
            capacity,
            overload,
            overloadPercent: percent,
            initiatives: contributions.map((c) => ({
              id: c.initiative.id,
              title: c.initiative.title,
              fte: c.fte,
              livePriorities: c.serves,
            })),
            toStop: toStop.map((c) => c.initiative.id),
          },
          suggestion: `Stop ${joinAnd(named)}, or remove ${toStop.length === 1 ? "its" : "their"} ${team.name} allocation, to free ${fte(freed)} against an overload of ${fte(overload)}.`,
        },
      ];
    });
  },
});
