import type { Kysely } from "kysely";
import type { OwnableCollection } from "../../domain/ownership.js";
import type { Database } from "../../store/index.js";

/**
 * What auth needs from the rest of the server: the database (auth tables live beside the
 * store's), workspaces by slug, and an item's owner for contributors.
 */
export interface AuthBackend {
  db: Kysely<Database>;
  findWorkspace(slug: string): Promise<{ id: string; slug: string } | undefined>;
  /** Does the user with this e-mail own the item? undefined when the item does not exist. */
  ownsItem(
    workspaceId: string,
    collection: OwnableCollection,
    itemId: string,
    email: string,
  ): Promise<boolean | undefined>;
}

// Auth writes append to the audit log in their own transaction: store/auth/auth-audit.ts.
export type { AuthAuditEntry } from "../../store/index.js";
