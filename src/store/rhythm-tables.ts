import type { ColumnType } from "kysely";

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

export interface RhythmTables {
  seen_marks: SeenMarksTable;
}
