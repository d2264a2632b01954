import { type Kysely, sql } from "kysely";
import type { Database } from "./schema.js";

export interface SeenMark {
  seenAt: string;
  version: number;
  overall: number;
  /** Finding keys (engine/my-work.ts findingKey) as they were. */
  findings: string[];
}

/** What a person saw of a workspace when they last looked at My work; undefined the first time. */
export async function readSeenMark(
  db: Kysely<Database>,
  workspaceId: string,
  userId: string,
): Promise<SeenMark | undefined> {
  const row = await db
    .selectFrom("seen_marks")
    .selectAll()
    .where("workspace_id", "=", workspaceId)
    .where("user_id", "=", userId)
    .executeTakeFirst();
  return (
    row && {
      seenAt: new Date(row.seen_at).toISOString(),
      version: row.version,
      overall: row.overall,
      findings: row.findings as string[],
    }
  );
}

/** Remembers what the person has now seen (one row per person and workspace). */
export async function markSeen(
  db: Kysely<Database>,
  workspaceId: string,
  userId: string,
  seen: { version: number; overall: number; findings: string[] },
): Promise<void> {
  const values = {
    workspace_id: workspaceId,
    user_id: userId,
    seen_at: new Date(),
    version: seen.version,
    overall: seen.overall,
    findings: JSON.stringify(seen.findings),
  };
  await db
    .insertInto("seen_marks")
    .values(values)
    .onConflict((oc) =>
      oc.columns(["workspace_id", "user_id"]).doUpdateSet({
        seen_at: sql`excluded.seen_at`,
        version: sql`excluded.version`,
        overall: sql`excluded.overall`,
        findings: sql`excluded.findings`,
      }),
    )
    .execute();
}
