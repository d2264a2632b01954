import type { Kysely } from "kysely";
import { AppError } from "../../domain/errors.js";
import type { AuthTables } from "./auth-tables.js";

/** Any Kysely handle (the store's database or a transaction) seen with the auth tables. */
export type AuthDb = Kysely<AuthTables>;

/** The store's handle typed for the auth tables (they live in the same database, migration auth-001). */
export function authDb<DB>(db: Kysely<DB>): AuthDb {
  return db as unknown as AuthDb;
}

/** PostgreSQL's unique_violation, from pg and PGlite alike. */
export function isUniqueViolation(error: unknown): boolean {
  return typeof error === "object" && error !== null && (error as { code?: unknown }).code === "23505";
}

/** Runs a write and turns a duplicate key into a 409 with `message`. */
export async function uniquely<T>(write: () => Promise<T>, message: string, path: string): Promise<T> {
  try {
    return await write();
  } catch (error) {
    if (isUniqueViolation(error))
      throw new AppError("conflict", message, { problems: [{ path: [path], message }] });
    throw error;
  }
}

/** E-mail addresses compare case-insensitively and without surrounding spaces. */
export function normaliseEmail(email: string): string {
  return email.trim().toLowerCase();
}
