import { AppError } from "../../domain/errors.js";
import type { Db } from "../db.js";
import { PROCESS_OWNER, type WriteClaim } from "./write-claim.js";

/** How long a pending key is held without news from its owner (renewed while it runs). */
export const DEFAULT_LEASE_MS = 15_000;
/** Keys are kept 48 hours (at least the 24 the API promises). */
const KEEP_MS = 48 * 3600_000;

export type ClaimResult =
  | { state: "claimed"; owner: string }
  | { state: "done"; requestHash: string; status: number; body: unknown }
  /** Another live request holds the key: retry after `retryAfter` seconds. */
  | { state: "pending"; requestHash: string; status: 0; body: null; retryAfter: number }
  /** The write committed but its owner died before storing the answer. */
  | { state: "written"; requestHash: string; status: 0; body: null };

export interface ClaimOptions {
  leaseMs?: number;
  /** One process owns this database (PGlite): a key pending under another owner is dead. */
  exclusive?: boolean;
  owner?: string;
}

/**
 * Claims a key for a request. The first request gets "claimed"; a retry gets the stored
 * answer, "pending" while the first still runs, or — when the first died before its write
 * committed (its lease ran out, or on an exclusive database it belonged to an earlier
 * process) — takes the key over and runs again.
 */
export async function claimIdempotencyKey(
  db: Db,
  scope: string,
  key: string,
  requestHash: string,
  options: ClaimOptions = {},
): Promise<ClaimResult> {
  const owner = options.owner ?? PROCESS_OWNER;
  const leaseMs = options.leaseMs ?? DEFAULT_LEASE_MS;
  const now = Date.now();
  await db
    .deleteFrom("idempotency_keys")
    .where("created_at", "<", new Date(now - KEEP_MS))
    .execute();
  const inserted = await db
    .insertInto("idempotency_keys")
    .values({
      scope,
      key,
      request_hash: requestHash,
      status: 0,
      body: null,
      owner,
      lease_until: new Date(now + leaseMs),
    })
    .onConflict((oc) => oc.columns(["scope", "key"]).doNothing())
    .executeTakeFirst();
  if (Number(inserted.numInsertedOrUpdatedRows ?? 0) > 0) return { state: "claimed", owner };
  const row = await db
    .selectFrom("idempotency_keys")
    .selectAll()
    .where("scope", "=", scope)
    .where("key", "=", key)
    .executeTakeFirst();
  // Deleted between the insert and the read (released after a 5xx): claim it again.
  if (!row) return claimIdempotencyKey(db, scope, key, requestHash, options);
  if (row.status !== 0)
    return { state: "done", requestHash: row.request_hash, status: row.status, body: row.body };
  const ownerGone =
    new Date(row.lease_until).getTime() < now || (options.exclusive === true && row.owner !== owner);
  if (row.written)
    return ownerGone
      ? { state: "written", requestHash: row.request_hash, status: 0, body: null }
      : pending(row.request_hash, row.lease_until, now);
  if (!ownerGone) return pending(row.request_hash, row.lease_until, now);
  // Its owner died before writing: nothing was written, so this retry runs it. Only one
  // retry wins the takeover (the old owner is part of the condition).
  const taken = await db
    .updateTable("idempotency_keys")
    .set({
      owner,
      request_hash: requestHash,
      lease_until: new Date(now + leaseMs),
      created_at: new Date(now),
    })
    .where("scope", "=", scope)
    .where("key", "=", key)
    .where("owner", "=", row.owner)
    .where("status", "=", 0)
    .where("written", "=", false)
    .executeTakeFirst();
  if (Number(taken.numUpdatedRows) > 0) return { state: "claimed", owner };
  return claimIdempotencyKey(db, scope, key, requestHash, options);
}

function pending(requestHash: string, leaseUntil: Date | string, now: number): ClaimResult {
  const retryAfter = Math.max(1, Math.ceil((new Date(leaseUntil).getTime() - now) / 1000));
  return { state: "pending", requestHash, status: 0, body: null, retryAfter };
}

/** Tells other servers the owner is alive and still running the request. */
export async function renewIdempotencyLease(db: Db, claim: WriteClaim, leaseMs = DEFAULT_LEASE_MS) {
  await db
    .updateTable("idempotency_keys")
    .set({ lease_until: new Date(Date.now() + leaseMs) })
    .where("scope", "=", claim.scope)
    .where("key", "=", claim.key)
    .where("owner", "=", claim.owner)
    .where("status", "=", 0)
    .execute();
}

/**
 * Inside the write's transaction: the key is written with the change, or not at all. A key a
 * retry took over (this request was presumed dead) aborts the write, so it happens once.
 */
export async function markIdempotencyKeyWritten(tx: Db, claim: WriteClaim): Promise<void> {
  const marked = await tx
    .updateTable("idempotency_keys")
    .set({ written: true })
    .where("scope", "=", claim.scope)
    .where("key", "=", claim.key)
    .where("owner", "=", claim.owner)
    .where("status", "=", 0)
    .executeTakeFirst();
  if (Number(marked.numUpdatedRows) === 0)
    throw new AppError(
      "conflict",
      "A retry with this Idempotency-Key took over this request; it was not performed here",
    );
}

/** Stores the answer given to the request that claimed the key. */
export async function completeIdempotencyKey(
  db: Db,
  claim: WriteClaim,
  status: number,
  body: unknown,
): Promise<void> {
  await db
    .updateTable("idempotency_keys")
    .set({ status, body: JSON.stringify(body ?? null), owner: "" })
    .where("scope", "=", claim.scope)
    .where("key", "=", claim.key)
    .where("owner", "=", claim.owner)
    .execute();
}

/**
 * After a 5xx: frees the key so a retry runs again — unless the change was committed, in
 * which case running it again would write twice; the key then says "written".
 */
export async function releaseIdempotencyKey(db: Db, claim: WriteClaim): Promise<void> {
  await db
    .deleteFrom("idempotency_keys")
    .where("scope", "=", claim.scope)
    .where("key", "=", claim.key)
    .where("owner", "=", claim.owner)
    .where("status", "=", 0)
    .where("written", "=", false)
    .execute();
  await db
    .updateTable("idempotency_keys")
    .set({ lease_until: new Date(0) })
    .where("scope", "=", claim.scope)
    .where("key", "=", claim.key)
    .where("owner", "=", claim.owner)
    .where("status", "=", 0)
    .execute();
}
