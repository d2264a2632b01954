import { AppError } from "../domain/errors.js";
import type { PlanChange } from "../domain/plan-change.js";
import type { Plan } from "../domain/plan-schema.js";
import { type WhatIfOutcome, whatIf } from "../engine/what-if/what-if.js";
import type { Workspace, WorkspaceStore, WriteOptions } from "./workspace-store.js";

/**
 * Applies what-if changes (stop, owner, drop, move) to a workspace as one audited change: the
 * same in-memory application the simulation used, written in one transaction through the
 * store's write path (each changed entry in the audit log, one snapshot of the index). A bad
 * reference is a 422 naming `changes[i].field`; a stale `expectedVersion` a 412.
 * `authorize` sees the plan as it is inside the transaction, for ownership checks.
 */
export async function applyPlanChanges(
  workspaces: WorkspaceStore,
  slug: string,
  changes: readonly PlanChange[],
  options: WriteOptions & { asOf?: string; today: () => string; authorize?: (plan: Plan) => void },
): Promise<{ workspace: Workspace; result: WhatIfOutcome }> {
  let outcome: WhatIfOutcome | undefined;
  await workspaces.change(slug, options, (draft) => {
    options.authorize?.(draft);
    const asOf = options.asOf ?? draft.asOf ?? options.today();
    const result = whatIf(draft, changes, { asOf });
    if (!result.ok)
      throw new AppError(
        "invalid_request",
        "A change names something the plan does not hold; nothing was changed",
        {
          problems: result.problems,
        },
      );
    outcome = result;
    Object.assign(draft, result.plan);
  });
  if (!outcome) throw new AppError("internal", "The changes were not applied");
  return { workspace: await workspaces.getWorkspace(slug), result: outcome };
}
