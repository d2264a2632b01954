import type { PlanChange } from "../../domain/plan-change.js";
import type { Plan } from "../../domain/plan-schema.js";
import { fte, joinAnd, quoted } from "../wording.js";

/**
 * A change as a sentence with the plan's names (never bare ids where a name exists), for
 * every surface that shows moves: the command line, the reports and the web app.
 */
export function actionText(action: PlanChange, plan: Plan): string {
  const priority = (id: string) => {
    const p = plan.priorities.find((x) => x.id === id);
    return p ? quoted(p.title) : id;
  };
  const initiative = (id: string) => {
    const i = plan.initiatives?.find((x) => x.id === id);
    return i ? quoted(i.title) : id;
  };
  const person = (id: string) => plan.people.find((x) => x.id === id)?.name ?? id;
  const team = (id: string) => plan.teams.find((x) => x.id === id)?.name ?? id;
  switch (action.op) {
    case "stop":
      return `Stop ${initiative(action.initiative)}${action.priorities?.length ? `, to make room for ${joinAnd(action.priorities.map(priority))}` : ""}`;
    case "owner":
      return `Make ${person(action.person)} the owner of ${priority(action.priority)}`;
    case "drop":
      return `Retire ${priority(action.priority)}`;
    case "move":
      return `Move ${fte(action.fte)} of ${team(action.team)} from ${initiative(action.from)} to ${initiative(action.to)}`;
  }
}

/** A move's actions as one sentence: `Stop "A"; make Ana the owner of "B"`. */
export function actionsText(actions: readonly PlanChange[], plan: Plan): string {
  return actions
    .map((a, i) => {
      const text = actionText(a, plan);
      return i === 0 ? text : text.charAt(0).toLowerCase() + text.slice(1);
    })
    .join("; ");
}

/** `Product & Engineering 14 FTE and Design 2 FTE`, by team name. */
export function freedText(freed: Record<string, number>, plan: Plan): string {
  return joinAnd(
    Object.entries(freed).map(([id, n]) => `${plan.teams.find((t) => t.id === id)?.name ?? id} ${fte(n)}`),
  );
}
