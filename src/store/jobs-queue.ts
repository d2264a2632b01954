import { type Kysely, sql } from "kysely";
import type { Database } from "./schema.js";

/*
 * Background jobs in the database. A job's key is unique per workspace (e.g. `digest:2026-11-30`),
 * so any number of servers may enqueue the same due job and only one row exists. A server claims
 * a due job with FOR UPDATE SKIP LOCKED and holds a lease on it; a server that died mid-job
 * leaves the lease to expire and another takes the job over.
 */

export interface Job {
  workspaceId: string;
  key: string;
  kind: string;
  payload: Record<string, unknown>;
  attempts: number;
}

/** Adds a job unless one with the key exists. True when this call added it. */
export async function enqueueJob(
  db: Kysely<Database>,
  job: { workspaceId: string; key: string; kind: string; runAt: Date; payload?: Record<string, unknown> },
): Promise<boolean> {
  const result = await db
    .insertInto("jobs")
    .values({
      workspace_id: job.workspaceId,
      key: job.key,
      kind: job.kind,
      run_at: job.runAt,
      payload: JSON.stringify(job.payload ?? {}),
    })
    .onConflict((oc) => oc.columns(["workspace_id", "key"]).doNothing())
    .executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0) > 0;
}

/** Claims one due job (pending and due, or running with an expired lease) for `worker`. */
export async function claimJob(
  db: Kysely<Database>,
  worker: string,
  now: Date,
  leaseMs = 5 * 60_000,
): Promise<Job | undefined> {
  const row = await db.transaction().execute(async (tx) => {
    const due = await tx
      .selectFrom("jobs")
      .select(["workspace_id", "key"])
      .where((eb) =>
        eb.or([
          eb.and([eb("state", "=", "pending"), eb("run_at", "<=", now)]),
          eb.and([eb("state", "=", "running"), eb("locked_until", "<", now)]),
        ]),
      )
      .orderBy("run_at")
      .limit(1)
      .forUpdate()
      .skipLocked()
      .executeTakeFirst();
    if (!due) return undefined;
    return tx
      .updateTable("jobs")
      .set({
        state: "running",
        locked_by: worker,
        locked_until: new Date(now.getTime() + leaseMs),
        attempts: sql`attempts + 1`,
      })
      .where("workspace_id", "=", due.workspace_id)
      .where("key", "=", due.key)
      .returningAll()
      .executeTakeFirst();
  });
  return (
    row && {
      workspaceId: row.workspace_id,
      key: row.key,
      kind: row.kind,
      payload: (row.payload ?? {}) as Record<string, unknown>,
      attempts: row.attempts,
    }
  );
}

export async function completeJob(db: Kysely<Database>, job: Job, now: Date): Promise<void> {
  await db
    .updateTable("jobs")
    .set({ state: "done", finished_at: now, locked_until: null, last_error: null })
    .where("workspace_id", "=", job.workspaceId)
    .where("key", "=", job.key)
    .execute();
}

/**
 * A failed attempt: tried again at `retryAt`, or given up ("failed") when that is undefined.
 */
export async function failJob(
  db: Kysely<Database>,
  job: Job,
  error: string,
  retryAt: Date | undefined,
): Promise<void> {
  await db
    .updateTable("jobs")
    .set(
      retryAt
        ? { state: "pending", run_at: retryAt, locked_until: null, last_error: error.slice(0, 2000) }
        : { state: "failed", finished_at: new Date(), locked_until: null, last_error: error.slice(0, 2000) },
    )
    .where("workspace_id", "=", job.workspaceId)
    .where("key", "=", job.key)
    .execute();
}
