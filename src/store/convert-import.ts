import { type MergeSummary, mergePlans } from "../convert/merge-plan.js";
import { AppError } from "../domain/errors.js";
import type { Plan } from "../domain/plan-schema.js";
import type { Workspace, WorkspaceStore } from "./workspace-store.js";
import { validatePlan } from "./workspace-store.js";

/*
 * Writing a converted document into a workspace, through the workspace store's public
 * methods only: `create` a new workspace from it, `replace` a workspace's content with it, or
 * `merge` it in (convert/merge-plan.ts). Each is one transaction of the store's; an invalid
 * result changes nothing.
 */

export type ImportMode = "create" | "merge" | "replace";

export interface ImportResult {
  workspace: Workspace;
  created: boolean;
  /** Per section: entries added, updated and kept (for merge; for create and replace, all added). */
  summary: MergeSummary;
}

/** Attempts of a merge that lost a race with another write: it is re-read and merged again. */
const MERGE_ATTEMPTS = 3;

export async function importConverted(
  workspaces: WorkspaceStore,
  input: { slug: string; name?: string; plan: Plan; mode: ImportMode; source: string },
  options: { actor: string; expectedVersion?: number },
): Promise<ImportResult> {
  const { slug, plan, mode } = input;
  let result: ImportResult;
  if (mode === "create") {
    if (await workspaces.findWorkspace(slug))
      throw new AppError(
        "conflict",
        `A workspace "${slug}" already exists: merge into it or choose another`,
        {
          problems: [{ path: ["slug"], message: `"${slug}" is taken` }],
        },
      );
    assertValid(plan);
    const workspace = await workspaces.createWorkspace(
      { slug, name: input.name?.trim() || plan.organisation, plan },
      { actor: options.actor },
    );
    result = { workspace, created: true, summary: mergePlans(emptyOf(plan), plan).summary };
  } else if (mode === "replace") {
    const { workspace, created } = await workspaces.replacePlan(slug, plan, options);
    result = { workspace, created, summary: mergePlans(emptyOf(plan), plan).summary };
  } else {
    result = await merge(workspaces, slug, plan, options);
  }
  await workspaces.appendAudit({
    workspaceId: result.workspace.id,
    actor: options.actor,
    action: `convert-${mode}`,
    entityType: "workspace",
    entityId: result.workspace.slug,
    before: null,
    after: { source: input.source, summary: result.summary },
  });
  return result;
}

async function merge(
  workspaces: WorkspaceStore,
  slug: string,
  incoming: Plan,
  options: { actor: string; expectedVersion?: number },
): Promise<ImportResult> {
  for (let attempt = 1; ; attempt++) {
    const { plan: base, workspace } = await workspaces.readPlan(slug);
    if (options.expectedVersion !== undefined && options.expectedVersion !== workspace.version)
      throw new AppError(
        "stale_version",
        "The workspace has changed since you previewed the import; preview it again",
        {
          details: { version: workspace.version },
        },
      );
    const { plan, summary } = mergePlans(base, incoming);
    assertValid(plan);
    try {
      const written = await workspaces.replacePlan(slug, plan, {
        actor: options.actor,
        expectedVersion: workspace.version,
      });
      return { workspace: written.workspace, created: false, summary };
    } catch (error) {
      // Someone wrote between our read and our write: merge into what they wrote, never over it.
      const raced = error instanceof AppError && error.code === "stale_version";
      if (!raced || options.expectedVersion !== undefined || attempt >= MERGE_ATTEMPTS) throw error;
    }
  }
}

function assertValid(plan: Plan): void {
  const problems = validatePlan(plan);
  if (problems.length)
    throw new AppError("invalid_plan", "The imported plan is not valid; nothing was changed", { problems });
}

/** A plan with no entries: merging into it counts every entry as added. */
function emptyOf(plan: Plan): Plan {
  return {
    version: plan.version,
    organisation: plan.organisation,
    cycle: plan.cycle,
    people: [],
    teams: [],
    priorities: [],
  };
}
