import { createHash, randomBytes } from "node:crypto";
import type { Kysely } from "kysely";
import type { Database } from "./schema.js";

/*
 * The weekly digest's data: per-workspace settings (day, hour, time zone) and the state of
 * the last digest, who opted out, one-click unsubscribe tokens (stored as SHA-256 hashes), and
 * the mail log whose unique key makes each mail go out at most once.
 */

export interface DigestSettings {
  enabled: boolean;
  /** ISO weekday: 1 Monday … 7 Sunday. */
  day: number;
  hour: number;
  timeZone: string;
  /** Periods before this instant are not owed a digest (the workspace had none then). */
  since: string;
  lastOverall: number | null;
  lastFindings: string[] | null;
  lastPeriod: string | null;
}

/** The workspace's settings, created with the defaults (Monday 08:00 UTC) on first read. */
export async function digestSettings(
  db: Kysely<Database>,
  workspaceId: string,
  now: Date,
): Promise<DigestSettings> {
  await db
    .insertInto("digest_settings")
    .values({ workspace_id: workspaceId, since: now })
    .onConflict((oc) => oc.column("workspace_id").doNothing())
    .execute();
  const row = await db
    .selectFrom("digest_settings")
    .selectAll()
    .where("workspace_id", "=", workspaceId)
    .executeTakeFirstOrThrow();
  return {
    enabled: row.enabled,
    day: row.day,
    hour: row.hour,
    timeZone: row.time_zone,
    since: new Date(row.since).toISOString(),
    lastOverall: row.last_overall,
    lastFindings: (row.last_findings as string[] | null) ?? null,
    lastPeriod: row.last_period,
  };
}

export async function updateDigestSettings(
  db: Kysely<Database>,
  workspaceId: string,
  patch: { enabled: boolean; day: number; hour: number; timeZone: string },
  now: Date,
): Promise<DigestSettings> {
  await digestSettings(db, workspaceId, now);
  await db
    .updateTable("digest_settings")
    .set({ enabled: patch.enabled, day: patch.day, hour: patch.hour, time_zone: patch.timeZone })
    .where("workspace_id", "=", workspaceId)
    .execute();
  return digestSettings(db, workspaceId, now);
}

/** What the last digest reported, so the next one says what changed since. */
export async function recordDigestState(
  db: Kysely<Database>,
  workspaceId: string,
  state: { period: string; overall: number; findings: string[] },
): Promise<void> {
  await db
    .updateTable("digest_settings")
    .set({
      last_period: state.period,
      last_overall: state.overall,
      last_findings: JSON.stringify(state.findings),
    })
    .where("workspace_id", "=", workspaceId)
    .execute();
}

/** Every workspace with its id: the scheduler looks at each. */
export async function workspaceIds(db: Kysely<Database>): Promise<{ id: string; slug: string }[]> {
  return db.selectFrom("workspaces").select(["id", "slug"]).orderBy("slug").execute();
}

/** The members who get the digest: everyone with a membership who has not opted out. */
export async function digestRecipients(
  db: Kysely<Database>,
  workspaceId: string,
): Promise<{ userId: string; email: string; name: string }[]> {
  const rows = await db
    .selectFrom("memberships")
    .innerJoin("users", "users.id", "memberships.user_id")
    .leftJoin("digest_opt_outs", (join) =>
      join
        .onRef("digest_opt_outs.workspace_id", "=", "memberships.workspace_id")
        .onRef("digest_opt_outs.user_id", "=", "memberships.user_id"),
    )
    .select(["users.id", "users.email", "users.name"])
    .where("memberships.workspace_id", "=", workspaceId)
    .where("digest_opt_outs.user_id", "is", null)
    .orderBy("users.email")
    .execute();
  return rows.map((r) => ({ userId: r.id, email: r.email, name: r.name }));
}

export async function isOptedOut(
  db: Kysely<Database>,
  workspaceId: string,
  userId: string,
): Promise<boolean> {
  const row = await db
    .selectFrom("digest_opt_outs")
    .select("user_id")
    .where("workspace_id", "=", workspaceId)
    .where("user_id", "=", userId)
    .executeTakeFirst();
  return row !== undefined;
}

export async function setOptOut(db: Kysely<Database>, workspaceId: string, userId: string, optOut: boolean) {
  if (optOut)
    await db
      .insertInto("digest_opt_outs")
      .values({ workspace_id: workspaceId, user_id: userId })
      .onConflict((oc) => oc.columns(["workspace_id", "user_id"]).doNothing())
      .execute();
  else
    await db
      .deleteFrom("digest_opt_outs")
      .where("workspace_id", "=", workspaceId)
      .where("user_id", "=", userId)
      .execute();
}

const hash = (token: string) => createHash("sha256").update(token).digest("hex");

/** A new one-click unsubscribe token (192 random bits); store it with `saveUnsubscribeToken`. */
export function newUnsubscribeToken(): string {
  return `tlunsub_${randomBytes(24).toString("base64url")}`;
}

/** Keeps a token's hash for one person and workspace: the link in a mail opts them out. */
export async function saveUnsubscribeToken(
  db: Kysely<Database>,
  token: string,
  workspaceId: string,
  userId: string,
) {
  await db
    .insertInto("unsubscribe_tokens")
    .values({ token_hash: hash(token), workspace_id: workspaceId, user_id: userId })
    .execute();
}

/** Opts out the person a token was made for. Undefined when the token is unknown. */
export async function unsubscribeByToken(
  db: Kysely<Database>,
  token: string,
): Promise<{ workspaceId: string; userId: string } | undefined> {
  const row = await db
    .selectFrom("unsubscribe_tokens")
    .select(["workspace_id", "user_id"])
    .where("token_hash", "=", hash(token))
    .executeTakeFirst();
  if (!row) return undefined;
  await setOptOut(db, row.workspace_id, row.user_id, true);
  return { workspaceId: row.workspace_id, userId: row.user_id };
}

export interface MailRecord {
  seq: number;
  userId: string;
  kind: string;
  period: string;
  recipient: string;
  subject: string;
  body: string;
  state: string;
  transport: string;
  createdAt: string;
}

/**
 * Claims the right to send one mail: true for the one caller that inserted the row, false when
 * this person already has this kind of mail for this period (another server, or an earlier run).
 */
export async function claimMail(
  db: Kysely<Database>,
  mail: {
    workspaceId: string;
    userId: string;
    kind: string;
    period: string;
    recipient: string;
    subject: string;
    body: string;
    transport: string;
  },
): Promise<boolean> {
  const result = await db
    .insertInto("mail_log")
    .values({
      workspace_id: mail.workspaceId,
      user_id: mail.userId,
      kind: mail.kind,
      period: mail.period,
      recipient: mail.recipient,
      subject: mail.subject,
      body: mail.body,
      transport: mail.transport,
    })
    .onConflict((oc) => oc.columns(["workspace_id", "user_id", "kind", "period"]).doNothing())
    .executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0) > 0;
}

export async function markMailSent(
  db: Kysely<Database>,
  workspaceId: string,
  userId: string,
  kind: string,
  period: string,
) {
  await db
    .updateTable("mail_log")
    .set({ state: "sent" })
    .where("workspace_id", "=", workspaceId)
    .where("user_id", "=", userId)
    .where("kind", "=", kind)
    .where("period", "=", period)
    .execute();
}

/** Gives a mail that could not be sent back, so the job's retry sends it. */
export async function releaseMail(
  db: Kysely<Database>,
  workspaceId: string,
  userId: string,
  kind: string,
  period: string,
) {
  await db
    .deleteFrom("mail_log")
    .where("workspace_id", "=", workspaceId)
    .where("user_id", "=", userId)
    .where("kind", "=", kind)
    .where("period", "=", period)
    .where("state", "=", "sending")
    .execute();
}

/** The latest mails of a workspace (of one person when `userId` is given), newest first. */
export async function listMail(
  db: Kysely<Database>,
  workspaceId: string,
  options: { userId?: string; limit?: number } = {},
): Promise<MailRecord[]> {
  let query = db.selectFrom("mail_log").selectAll().where("workspace_id", "=", workspaceId);
  if (options.userId) query = query.where("user_id", "=", options.userId);
  const rows = await query
    .orderBy("seq", "desc")
    .limit(options.limit ?? 20)
    .execute();
  return rows.map((r) => ({
    seq: Number(r.seq),
    userId: r.user_id,
    kind: r.kind,
    period: r.period,
    recipient: r.recipient,
    subject: r.subject,
    body: r.body,
    state: r.state,
    transport: r.transport,
    createdAt: new Date(r.created_at).toISOString(),
  }));
}
