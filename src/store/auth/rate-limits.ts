import { sql } from "kysely";
import type { AuthDb } from "./auth-db.js";

/*
 * Failed sign-ins counted in the database, in fixed windows per key ("ip:…", "account:…"),
 * so a limit holds across restarts and across several servers sharing one database.
 */

export interface FailureCount {
  failures: number;
  windowStart: Date;
}

/** Counts one failure for each key (a new window starts when the old one has run out). */
export async function recordFailure(
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

/** The failures counted in the current window for each key that has any. */
export async function readFailures(
  db: AuthDb,
  keys: string[],
  now: Date,
  windowMs: number,
): Promise<Map<string, FailureCount>> {
  const out = new Map<string, FailureCount>();
  if (keys.length === 0) return out;
  const rows = await db
    .selectFrom("auth_rate_limits")
    .select(["key", "failures", "window_start"])
    .where("key", "in", keys)
    .where("window_start", ">", new Date(now.getTime() - windowMs))
    .execute();
  for (const row of rows)
    out.set(row.key, { failures: Number(row.failures), windowStart: new Date(row.window_start) });
  return out;
}

export async function clearFailures(db: AuthDb, key: string): Promise<void> {
  await db.deleteFrom("auth_rate_limits").where("key", "=", key).execute();
}

/** Forgets counts whose window ended before `before`. */
export async function deleteStaleFailures(db: AuthDb, before: Date): Promise<void> {
  await db.deleteFrom("auth_rate_limits").where("window_start", "<", before).execute();
}
