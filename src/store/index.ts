/**
 * The storage layer: the only place with SQL.
 *
 *   const store = await openStore({ databaseUrl, dataDir });   // PostgreSQL, or PGlite in a folder / memory
 *   await store.migrate();
 *   store.workspaces.replacePlan(slug, plan, { actor })      // import, in one transaction
 *   store.workspaces.readPlan(slug)                          // export
 *   store.workspaces.list/get/create/update/remove(slug, section, …)   // entries, with versions
 *   store.workspaces.addCheckin(slug, metricId, checkin, { actor })
 *   store.workspaces.listSnapshots(slug) / listAudit(slug, filter)
 *   await store.close();
 */
import type { Kysely } from "kysely";
import { type DatabaseOptions, migrate, openDatabase } from "./database.js";
import type { Database } from "./schema.js";
import { WorkspaceStore } from "./workspace-store.js";

export interface Store {
  db: Kysely<Database>;
  kind: "postgres" | "pglite";
  location: string;
  workspaces: WorkspaceStore;
  migrate(): Promise<string[]>;
  close(): Promise<void>;
}

export async function openStore(
  options: DatabaseOptions & { today?: () => string; idempotencyLeaseMs?: number } = {},
): Promise<Store> {
  const opened = await openDatabase(options);
  const workspaces = new WorkspaceStore(opened.db, options.today, {
    // The data lock gives a PGlite folder to this process alone: its versions can be remembered.
    exclusive: opened.kind === "pglite",
    idempotencyLeaseMs: options.idempotencyLeaseMs,
  });
  return {
    db: opened.db,
    kind: opened.kind,
    location: opened.location,
    workspaces,
    migrate: () => migrate(opened.db),
    close: async () => {
      await workspaces.settle();
      await opened.close();
    },
  };
}

// Other stores the server reaches (check-ins in bulk, My work's seen marks, digests, applying
// what-if changes, importing converted documents).
export * from "./apply-plan-changes.js";
// Auth storage (users, sessions, memberships, API tokens, invitations, rate limits, their audit
// entries): the server and the command line reach it through this index, never through
// store/auth/* directly (test/architecture.test.ts).
export * from "./auth/api-tokens.js";
export * from "./auth/auth-audit.js";
export * from "./auth/auth-db.js";
export * from "./auth/invites.js";
export * from "./auth/item-owners.js";
export * from "./auth/memberships.js";
export * from "./auth/rate-limits.js";
export * from "./auth/sessions.js";
export * from "./auth/setup-tokens.js";
export * from "./auth/users.js";
export * from "./convert-import.js";
export * from "./digest-store.js";
export type { ClaimResult } from "./idempotency/idempotency-keys.js";
export { type WriteClaim, type WriteClaimSlot, writeClaims } from "./idempotency/write-claim.js";
export * from "./record-checkins.js";
export type { Database } from "./schema.js";
export * from "./seen-marks.js";
export type { Page, StoredItem, Workspace, WriteOptions } from "./workspace-store.js";
export { requestHash, validatePlan } from "./workspace-store.js";
