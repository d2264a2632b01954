import type { ColumnType, Generated } from "kysely";

/*
 * The operating rhythm's tables (issue 12): what people last saw, background jobs, digest
 * settings and subscriptions, mail sent, webhooks and their deliveries.
 */

type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
type Json = ColumnType<unknown, string, string>;

export interface SeenMarksTable {
  workspace_id: string;
  user_id: string;
  seen_at: Timestamp;
  version: number;
  overall: number;
  findings: Json;
}

export interface JobsTable {
  workspace_id: string;
  key: string;
  kind: string;
  payload: Json;
  state: Generated<string>;
  run_at: Timestamp;
  attempts: Generated<number>;
  locked_by: string | null;
  locked_until: Timestamp | null;
  last_error: string | null;
  created_at: Timestamp;
  finished_at: Timestamp | null;
}

export interface DigestSettingsTable {
  workspace_id: string;
  enabled: Generated<boolean>;
  day: Generated<number>;
  hour: Generated<number>;
  time_zone: Generated<string>;
  since: Timestamp;
  last_overall: number | null;
  last_findings: Json | null;
  last_period: string | null;
}

export interface DigestOptOutsTable {
  workspace_id: string;
  user_id: string;
  at: Timestamp;
}

export interface UnsubscribeTokensTable {
  token_hash: string;
  workspace_id: string;
  user_id: string;
  created_at: Timestamp;
}

export interface MailLogTable {
  workspace_id: string;
  seq: ColumnType<number, never, never>;
  user_id: string;
  kind: string;
  period: string;
  recipient: string;
  subject: string;
  body: string;
  state: Generated<string>;
  transport: string;
  created_at: Timestamp;
}

export interface RhythmTables {
  seen_marks: SeenMarksTable;
  jobs: JobsTable;
  digest_settings: DigestSettingsTable;
  digest_opt_outs: DigestOptOutsTable;
  unsubscribe_tokens: UnsubscribeTokensTable;
  mail_log: MailLogTable;
}
