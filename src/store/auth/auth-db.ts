import type { Kysely } from "kysely";
import { AppError } from "../../domain/errors.js";
import type { Database } from "../schema.js";

/**
 * Any Kysely handle (the store's database or a transaction): the auth tables are part of the
 * one typed `Database` (schema.ts), so auth queries can join workspaces and write the audit log.
 */
export type AuthDb = Kysely<Database>;

/** The store's handle, for auth code (kept so callers read as "the auth view"; no cast). */
export function authDb(db: Kysely<Database>): AuthDb {
  return db;
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
