import type { AuthDb } from "./auth-db.js";

/** One auth write for the workspace's audit log (members, invitations, tokens). */
export interface AuthAuditEntry {
  workspaceId: string;
  /** auditActor(): a user's e-mail or `token:<name>`. */
  actor: string;
  action: "create" | "update" | "delete";
  entityType: "member" | "invite" | "token";
  entityId: string;
  before: unknown;
  after: unknown;
}

/**
 * Appends the entry with the handle it is given: pass the transaction that made the change,
 * so the change and its audit entry are written together or not at all.
 */
export async function appendAuthAudit(db: AuthDb, entry: AuthAuditEntry): Promise<void> {
  await db
    .insertInto("audit")
    .values({
      workspace_id: entry.workspaceId,
      actor: entry.actor,
      action: entry.action,
      entity_type: entry.entityType,
      entity_id: entry.entityId,
      before: entry.before === null || entry.before === undefined ? null : JSON.stringify(entry.before),
      after: entry.after === null || entry.after === undefined ? null : JSON.stringify(entry.after),
    })
    .execute();
}
