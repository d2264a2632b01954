import type { Role } from "../../domain/roles.js";
import type { AuthDb } from "./auth-db.js";
import { uniquely } from "./auth-db.js";

export interface Member {
  userId: string;
  email: string;
  name: string;
  role: Role;
  isInstanceAdmin: boolean;
  since: string;
}

export async function findRole(db: AuthDb, workspaceId: string, userId: string): Promise<Role | undefined> {
  const row = await db
    .selectFrom("memberships")
    .select("role")
    .where("workspace_id", "=", workspaceId)
    .where("user_id", "=", userId)
    .executeTakeFirst();
  return row?.role as Role | undefined;
}

export async function listMembers(db: AuthDb, workspaceId: string): Promise<Member[]> {
  const rows = await db
    .selectFrom("memberships")
    .innerJoin("users", "users.id", "memberships.user_id")
    .select([
      "users.id",
      "users.email",
      "users.name",
      "users.is_admin",
      "memberships.role",
      "memberships.created_at",
    ])
    .where("memberships.workspace_id", "=", workspaceId)
    .orderBy("users.email")
    .execute();
  return rows.map((row) => ({
    userId: row.id,
    email: row.email,
    name: row.name,
    role: row.role as Role,
    isInstanceAdmin: row.is_admin,
    since: new Date(row.created_at).toISOString(),
  }));
}

/** Workspaces the user is a member of (instance administrators see all, decided by the caller). */
export async function listUserWorkspaceIds(db: AuthDb, userId: string): Promise<string[]> {
  const rows = await db
    .selectFrom("memberships")
    .select("workspace_id")
    .where("user_id", "=", userId)
    .execute();
  return rows.map((row) => row.workspace_id);
}

export async function addMember(
  db: AuthDb,
  input: { workspaceId: string; userId: string; role: Role; now: Date },
): Promise<void> {
  await uniquely(
    () =>
      db
        .insertInto("memberships")
        .values({
          workspace_id: input.workspaceId,
          user_id: input.userId,
          role: input.role,
          created_at: input.now,
        })
        .execute(),
    "This user is already a member of the workspace.",
    "email",
  );
}

/** Adds the member, or raises their role to `role` when they already have a weaker one. */
export async function upsertMember(
  db: AuthDb,
  input: { workspaceId: string; userId: string; role: Role; now: Date },
): Promise<void> {
  await db
    .insertInto("memberships")
    .values({
      workspace_id: input.workspaceId,
      user_id: input.userId,
      role: input.role,
      created_at: input.now,
    })
    .onConflict((oc) => oc.columns(["workspace_id", "user_id"]).doUpdateSet({ role: input.role }))
    .execute();
}

export async function setRole(db: AuthDb, workspaceId: string, userId: string, role: Role): Promise<boolean> {
  const result = await db
    .updateTable("memberships")
    .set({ role })
    .where("workspace_id", "=", workspaceId)
    .where("user_id", "=", userId)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

export async function removeMember(db: AuthDb, workspaceId: string, userId: string): Promise<boolean> {
  const result = await db
    .deleteFrom("memberships")
    .where("workspace_id", "=", workspaceId)
    .where("user_id", "=", userId)
    .executeTakeFirst();
  return Number(result.numDeletedRows) > 0;
}

/**
 * The workspace's admins, their rows locked until the transaction ends (FOR UPDATE): a
 * check that one admin remains, made under this lock, holds until the change is committed,
 * so two admins demoting each other at once cannot both succeed. Call inside a transaction.
 */
export async function lockAdmins(db: AuthDb, workspaceId: string): Promise<string[]> {
  const rows = await db
    .selectFrom("memberships")
    .select("user_id")
    .where("workspace_id", "=", workspaceId)
    .where("role", "=", "admin")
    .forUpdate()
    .execute();
  return rows.map((r) => r.user_id);
}
