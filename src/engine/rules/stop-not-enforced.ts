import { defineRule } from "../define-rule.js";
import type { RuleFinding } from "../types.js";
import { fte, joinAnd, quoted, sumFte } from "../wording.js";

export const stopNotEnforced = defineRule({
  id: "stop-not-enforced",
  dimension: "capacity",
  severity: "error",
  summary:
    "A stop's effective date has passed and the initiative it names is still live, or still holds an allocation.",
  rationale:
    "A stop that is announced but not carried out is the most common way room for a priority never appears: the people stay on the old work, the budget stays booked, and the new priority is staffed only on paper.",
  howToClose: "Set the stopped initiative's status to stopped and remove its allocation.",
  check(ctx) {
    const findings: RuleFinding[] = [];
    for (const stop of ctx.plan.stops ?? []) {
      if (!stop.initiative || !ctx.passed(stop.effective)) continue;
      const initiative = ctx.initiatives.get(stop.initiative);
      if (!initiative) continue;
      const live = ctx.isLiveInitiative(initiative);
      const held = ctx.heldAllocation(initiative);
      if (!live && held.length === 0) continue;
      const total = sumFte(held.map(([, f]) => f));
      const teams = held.map(([team, f]) => `${ctx.teamName(team)} ${fte(f)}`);
      const state = [
        live ? `is still ${initiative.status}` : undefined,
        held.length ? `${live ? "and " : ""}still holds ${fte(total)} (${joinAnd(teams)})` : undefined,
      ]
        .filter((x) => x !== undefined)
        .join(" ");
      const actions = [
        live ? `set ${quoted(initiative.title)} to stopped` : undefined,
        held.length
          ? `remove ${live ? "its" : `the allocation of ${quoted(initiative.title)}`}${live ? " allocation" : ""} (${joinAnd(teams)})`
          : undefined,
      ].filter((x) => x !== undefined);
      const sentence = actions.join(" and ");
      findings.push({
        subject: { type: "stop", id: stop.id },
        message: `Stop ${quoted(stop.what)} took effect on ${stop.effective}, but ${quoted(initiative.title)} ${state}`,
        evidence: {
          initiative: initiative.id,
          status: initiative.status,
          effective: stop.effective,
          allocation: Object.fromEntries(held),
          remainingFte: total,
        },
        suggestion: `${sentence.charAt(0).toUpperCase()}${sentence.slice(1)}.`,
        scope: { teams: [...new Set([...held.map(([team]) => team), ...Object.keys(stop.frees ?? {})])] },
      });
    }
    return findings;
  },
});
