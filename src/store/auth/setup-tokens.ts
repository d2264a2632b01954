import type { AuthDb } from "./auth-db.js";

/** Stores a new first-run link (its hash only). */
export async function createSetupToken(
  db: AuthDb,
  tokenHash: string,
  now: Date,
  expiresAt: Date,
): Promise<void> {
  await db
    .insertInto("setup_tokens")
    .values({ token_hash: tokenHash, created_at: now, expires_at: expiresAt, used_at: null })
    .execute();
}

/** Uses the link up; false when it is unknown, expired or already used (single use under races). */
export async function consumeSetupToken(db: AuthDb, tokenHash: string, now: Date): Promise<boolean> {
  const result = await db
    .updateTable("setup_tokens")
    .set({ used_at: now })
    .where("token_hash", "=", tokenHash)
    .where("used_at", "is", null)
    .where("expires_at", ">", now)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}
