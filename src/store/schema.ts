import type { ColumnType, Generated } from "kysely";
import type { AuthTables } from "./auth/auth-tables.js";
import type { RhythmTables } from "./rhythm-tables.js";

type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
type Json = ColumnType<unknown, string, string>;

export interface WorkspacesTable {
  id: string;
  slug: string;
  name: string;
  version: number;
  organisation: string;
  as_of: string | null;
  cycle: Json;
  rules: Json | null;
  extensions: Json | null;
  created_at: Timestamp;
  updated_at: Timestamp;
}

/** Every entity table: the plan-format object in `data`, in plan order by `position`. */
export interface EntityTable {
  workspace_id: string;
  id: string;
  position: number;
  version: number;
  data: Json;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface CheckinsTable {
  workspace_id: string;
  metric_id: string;
  seq: Generated<number>;
  date: string;
  value: number;
  note: string | null;
  recorded_at: Timestamp;
}

export interface MetricHistoryTable {
  workspace_id: string;
  metric_id: string;
  seq: Generated<number>;
  date: string;
  field: string;
  from_value: Json | null;
  to_value: Json | null;
  recorded_at: Timestamp;
}

export interface SnapshotsTable {
  workspace_id: string;
  seq: Generated<number>;
  version: number;
  taken_at: Timestamp;
  as_of: string;
  overall: number;
  dimensions: Json;
  counts: Json;
}

export interface AuditTable {
  workspace_id: string;
  seq: Generated<number>;
  at: Timestamp;
  actor: string;
  action: string;
  entity_type: string;
  entity_id: string;
  before: Json | null;
  after: Json | null;
}

export interface IdempotencyKeysTable {
  scope: string;
  key: string;
  request_hash: string;
  status: number;
  body: Json | null;
  created_at: Timestamp;
}

export interface Database extends AuthTables, RhythmTables {
  workspaces: WorkspacesTable;
  people: EntityTable;
  teams: EntityTable;
  priorities: EntityTable;
  metrics: EntityTable;
  initiatives: EntityTable;
  stops: EntityTable;
  promises: EntityTable;
  insights: EntityTable;
  decisions: EntityTable;
  reviews: EntityTable;
  checkins: CheckinsTable;
  metric_history: MetricHistoryTable;
  snapshots: SnapshotsTable;
  audit: AuditTable;
  idempotency_keys: IdempotencyKeysTable;
}
