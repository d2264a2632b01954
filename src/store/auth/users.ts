import { randomUUID } from "node:crypto";
import type { AuthDb } from "./auth-db.js";
import { normaliseEmail, uniquely } from "./auth-db.js";

export interface User {
  id: string;
  email: string;
  name: string;
  isAdmin: boolean;
}
export interface UserWithPassword extends User {
  passwordHash: string;
}

const columns = ["id", "email", "name", "is_admin", "password_hash"] as const;
type Row = { id: string; email: string; name: string; is_admin: boolean; password_hash: string };
const toUser = (row: Row): UserWithPassword => ({
  id: row.id,
  email: row.email,
  name: row.name,
  isAdmin: row.is_admin,
  passwordHash: row.password_hash,
});
/** The user without the password hash, for anything that leaves this module's callers. */
export const publicUser = ({ id, email, name, isAdmin }: User): User => ({ id, email, name, isAdmin });

export async function findUserByEmail(db: AuthDb, email: string): Promise<UserWithPassword | undefined> {
  const row = await db
    .selectFrom("users")
    .select(columns)
    .where("email", "=", normaliseEmail(email))
    .executeTakeFirst();
  return row && toUser(row);
}

export async function findUserById(db: AuthDb, id: string): Promise<UserWithPassword | undefined> {
  const row = await db.selectFrom("users").select(columns).where("id", "=", id).executeTakeFirst();
  return row && toUser(row);
}

export async function countUsers(db: AuthDb): Promise<number> {
  const row = await db
    .selectFrom("users")
    .select((eb) => eb.fn.countAll<string>().as("n"))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

export async function createUser(
  db: AuthDb,
  input: { email: string; name: string; passwordHash: string; isAdmin: boolean; now: Date },
): Promise<User> {
  const row = {
    id: randomUUID(),
    email: normaliseEmail(input.email),
    name: input.name,
    password_hash: input.passwordHash,
    is_admin: input.isAdmin,
    created_at: input.now,
    updated_at: input.now,
  };
  await uniquely(
    () => db.insertInto("users").values(row).execute(),
    `A user with the e-mail ${row.email} already exists.`,
    "email",
  );
  return publicUser(toUser(row));
}

export async function setPasswordHash(db: AuthDb, userId: string, passwordHash: string, now: Date) {
  await db
    .updateTable("users")
    .set({ password_hash: passwordHash, updated_at: now })
    .where("id", "=", userId)
    .execute();
}

export async function setInstanceAdmin(db: AuthDb, userId: string, isAdmin: boolean, now: Date) {
  await db
    .updateTable("users")
    .set({ is_admin: isAdmin, updated_at: now })
    .where("id", "=", userId)
    .execute();
}
