import type { Kysely } from "kysely";
import type { OwnableCollection } from "../../domain/ownership.js";
import type { Database } from "../../store/index.js";

/**
 * What auth needs from the rest of the server: the database (auth tables live beside the
 * store's), workspaces by slug, an item's owner for contributors, and the audit log.
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
  /** Records one write in the workspace's audit log. */
  audit(entry: AuthAuditEntry): Promise<void>;
}

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
