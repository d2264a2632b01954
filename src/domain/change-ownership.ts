import { ownsInitiative, ownsPriority, personIdsFor } from "./ownership.js";
import type { PlanChange } from "./plan-change.js";
import type { Plan } from "./plan-schema.js";

/**
 * Whether a contributor may apply a change, as for the equivalent edits: setting the owner of
 * or retiring a priority is an edit of that priority, moving FTE an edit of both initiatives
 * (a contributor may edit what they own); stopping an initiative also records a stop, which
 * only an editor may create. Gives the reason when not.
 */
export function contributorMayApply(change: PlanChange, plan: Plan, email: string): string | undefined {
  const me = personIdsFor(email, plan.people);
  const priority = (id: string) => plan.priorities.find((p) => p.id === id);
  const initiative = (id: string) => plan.initiatives?.find((i) => i.id === id);
  switch (change.op) {
    case "stop":
      return "stopping an initiative records a stop, which needs an editor";
    case "owner":
    case "drop": {
      const p = priority(change.priority);
      return !p || ownsPriority(p, me) ? undefined : `you do not own the priority "${change.priority}"`;
    }
    case "move": {
      const notOwned = [change.from, change.to].find((id) => {
        const i = initiative(id);
        return i !== undefined && !ownsInitiative(i, me);
      });
      return notOwned ? `you do not own the initiative "${notOwned}"` : undefined;
    }
  }
}
