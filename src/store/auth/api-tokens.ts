import { randomUUID } from "node:crypto";
import type { Role } from "../../domain/roles.js";
import type { AuthDb } from "./auth-db.js";

export interface ApiToken {
  id: string;
  workspaceId: string;
  name: string;
  role: Role;
  createdBy: string | null;
  createdAt: string;
  lastUsedAt: string | null;
  revokedAt: string | null;
}

type Row = {
  id: string;
  workspace_id: string;
  name: string;
  role: string;
  created_by: string | null;
  created_at: Date | string;
  last_used_at: Date | string | null;
  revoked_at: Date | string | null;
};
const iso = (value: Date | string | null) => (value === null ? null : new Date(value).toISOString());
const toToken = (row: Row): ApiToken => ({
  id: row.id,
  workspaceId: row.workspace_id,
  name: row.name,
  role: row.role as Role,
  createdBy: row.created_by,
  createdAt: new Date(row.created_at).toISOString(),
  lastUsedAt: iso(row.last_used_at),
  revokedAt: iso(row.revoked_at),
});
const columns = [
  "id",
  "workspace_id",
  "name",
  "role",
  "created_by",
  "created_at",
  "last_used_at",
  "revoked_at",
] as const;

export async function createApiToken(
  db: AuthDb,
  input: {
    workspaceId: string;
    name: string;
    role: Role;
    tokenHash: string;
    createdBy: string | null;
    now: Date;
  },
): Promise<ApiToken> {
  const row = {
    id: randomUUID(),
    workspace_id: input.workspaceId,
    name: input.name,
    role: input.role,
    token_hash: input.tokenHash,
    created_by: input.createdBy,
    created_at: input.now,
    last_used_at: null,
    revoked_at: null,
  };
  await db.insertInto("api_tokens").values(row).execute();
  return toToken(row);
}

/** The live (unrevoked) token with this hash. */
export async function findLiveApiToken(db: AuthDb, tokenHash: string): Promise<ApiToken | undefined> {
  const row = await db
    .selectFrom("api_tokens")
    .select(columns)
    .where("token_hash", "=", tokenHash)
    .where("revoked_at", "is", null)
    .executeTakeFirst();
  return row && toToken(row);
}

export async function findApiToken(
  db: AuthDb,
  workspaceId: string,
  id: string,
): Promise<ApiToken | undefined> {
  const row = await db
    .selectFrom("api_tokens")
    .select(columns)
    .where("workspace_id", "=", workspaceId)
    .where("id", "=", id)
    .executeTakeFirst();
  return row && toToken(row);
}

export async function listApiTokens(db: AuthDb, workspaceId: string): Promise<ApiToken[]> {
  const rows = await db
    .selectFrom("api_tokens")
    .select(columns)
    .where("workspace_id", "=", workspaceId)
    .orderBy("created_at")
    .orderBy("id")
    .execute();
  return rows.map(toToken);
}

/** Revokes the token; false when it is absent or already revoked. */
export async function revokeApiToken(
  db: AuthDb,
  workspaceId: string,
  id: string,
  now: Date,
): Promise<boolean> {
  const result = await db
    .updateTable("api_tokens")
    .set({ revoked_at: now })
    .where("workspace_id", "=", workspaceId)
    .where("id", "=", id)
    .where("revoked_at", "is", null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

/** Records use at most once a minute per token, so reads do not turn into a write each. */
export async function touchApiToken(db: AuthDb, id: string, now: Date): Promise<void> {
  const aMinuteAgo = new Date(now.getTime() - 60_000);
  await db
    .updateTable("api_tokens")
    .set({ last_used_at: now })
    .where("id", "=", id)
    .where((eb) => eb.or([eb("last_used_at", "is", null), eb("last_used_at", "<", aMinuteAgo)]))
    .execute();
}
