import { randomUUID } from "node:crypto";
import type { Role } from "../../domain/roles.js";
import type { AuthDb } from "./auth-db.js";

export interface Invite {
  id: string;
  workspaceId: string;
  role: Role;
  email: string | null;
  createdBy: string | null;
  createdAt: string;
  expiresAt: string;
  acceptedAt: string | null;
  revokedAt: string | null;
}

type Row = {
  id: string;
  workspace_id: string;
  role: string;
  email: string | null;
  created_by: string | null;
  created_at: Date | string;
  expires_at: Date | string;
  accepted_at: Date | string | null;
  revoked_at: Date | string | null;
};
const iso = (value: Date | string | null) => (value === null ? null : new Date(value).toISOString());
const toInvite = (row: Row): Invite => ({
  id: row.id,
  workspaceId: row.workspace_id,
  role: row.role as Role,
  email: row.email,
  createdBy: row.created_by,
  createdAt: new Date(row.created_at).toISOString(),
  expiresAt: new Date(row.expires_at).toISOString(),
  acceptedAt: iso(row.accepted_at),
  revokedAt: iso(row.revoked_at),
});
const columns = [
  "id",
  "workspace_id",
  "role",
  "email",
  "created_by",
  "created_at",
  "expires_at",
  "accepted_at",
  "revoked_at",
] as const;

export async function createInvite(
  db: AuthDb,
  input: {
    workspaceId: string;
    role: Role;
    email: string | null;
    tokenHash: string;
    createdBy: string | null;
    now: Date;
    expiresAt: Date;
  },
): Promise<Invite> {
  const row = {
    id: randomUUID(),
    workspace_id: input.workspaceId,
    role: input.role,
    email: input.email,
    token_hash: input.tokenHash,
    created_by: input.createdBy,
    created_at: input.now,
    expires_at: input.expiresAt,
    accepted_at: null,
    accepted_by: null,
    revoked_at: null,
  };
  await db.insertInto("invites").values(row).execute();
  return toInvite(row);
}

/** An invite that can still be accepted: not used, not revoked, not expired. */
export async function findOpenInvite(db: AuthDb, tokenHash: string, now: Date): Promise<Invite | undefined> {
  const row = await db
    .selectFrom("invites")
    .select(columns)
    .where("token_hash", "=", tokenHash)
    .where("accepted_at", "is", null)
    .where("revoked_at", "is", null)
    .where("expires_at", ">", now)
    .executeTakeFirst();
  return row && toInvite(row);
}

/** Marks the invite used; false when someone else used it first (single use under races). */
export async function markInviteAccepted(
  db: AuthDb,
  id: string,
  userId: string,
  now: Date,
): Promise<boolean> {
  const result = await db
    .updateTable("invites")
    .set({ accepted_at: now, accepted_by: userId })
    .where("id", "=", id)
    .where("accepted_at", "is", null)
    .where("revoked_at", "is", null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

export async function listInvites(db: AuthDb, workspaceId: string): Promise<Invite[]> {
  const rows = await db
    .selectFrom("invites")
    .select(columns)
    .where("workspace_id", "=", workspaceId)
    .orderBy("created_at")
    .orderBy("id")
    .execute();
  return rows.map(toInvite);
}

export async function revokeInvite(db: AuthDb, workspaceId: string, id: string, now: Date): Promise<boolean> {
  const result = await db
    .updateTable("invites")
    .set({ revoked_at: now })
    .where("workspace_id", "=", workspaceId)
    .where("id", "=", id)
    .where("accepted_at", "is", null)
    .where("revoked_at", "is", null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}
