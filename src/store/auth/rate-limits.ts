import { sql } from "kysely";
import type { AuthDb } from "./auth-db.js";

/*
 * Sign-in attempts counted in the database, in fixed windows per key ("ip:…", "account:…"),
 * so a limit holds across restarts and across several servers sharing one database. Each
 * attempt is counted by one upsert that returns the new count, before any password is
 * checked: parallel attempts each get their own number, so at most the limit are checked.
 */

export interface FailureCount {
  failures: number;
  windowStart: Date;
}

/** Counts one attempt for the key and returns the count (a new window starts when the old one has run out). */
export async function countAttempt(
  db: AuthDb,
  key: string,
  now: Date,
  windowMs: number,
): Promise<FailureCount> {
  const staleBefore = new Date(now.getTime() - windowMs);
  const row = await db
    .insertInto("auth_rate_limits")
    .values({ key, window_start: now, failures: 1 })
    .onConflict((oc) =>
      oc.column("key").doUpdateSet({
        failures: sql<number>`case when auth_rate_limits.window_start <= ${staleBefore} then 1 else auth_rate_limits.failures + 1 end`,
        window_start: sql<Date>`case when auth_rate_limits.window_start <= ${staleBefore} then ${now} else auth_rate_limits.window_start end`,
      }),
    )
    .returning(["failures", "window_start"])
    .executeTakeFirstOrThrow();
  return { failures: Number(row.failures), windowStart: new Date(row.window_start) };
}

/** Takes back one counted attempt (a sign-in that succeeded is no failure for its address). */
export async function uncountAttempt(db: AuthDb, key: string): Promise<void> {
  await db
    .updateTable("auth_rate_limits")
    .set({ failures: sql<number>`greatest(auth_rate_limits.failures - 1, 0)` })
    .where("key", "=", key)
    .execute();
}

/** Forgets counts whose window ended before `before`. */
export async function deleteStaleFailures(db: AuthDb, before: Date): Promise<void> {
  await db.deleteFrom("auth_rate_limits").where("window_start", "<", before).execute();
}
