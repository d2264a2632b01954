import { type Kysely, sql } from "kysely";

/*
 * The first schema. Frozen: change the schema with a new migration file, never by editing this.
 * Every workspace-owned table leads its primary key and its foreign keys with workspace_id, so
 * the schema can be distributed by workspace (Citus) or partitioned without a rewrite.
 */
export const ENTITY_TABLES = [
  "people",
  "teams",
  "priorities",
  "metrics",
  "initiatives",
  "stops",
  "promises",
  "insights",
  "decisions",
  "reviews",
] as const;

// biome-ignore lint/suspicious/noExplicitAny: migrations run against the database as it is, not as typed
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable("workspaces")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("slug", "text", (c) => c.notNull().unique())
    .addColumn("name", "text", (c) => c.notNull())
    .addColumn("version", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("organisation", "text", (c) => c.notNull())
    .addColumn("as_of", "text")
    .addColumn("cycle", "jsonb", (c) => c.notNull())
    .addColumn("rules", "json")
    .addColumn("extensions", "json")
    .addColumn("created_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn("updated_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .execute();

  for (const table of ENTITY_TABLES) {
    await db.schema
      .createTable(table)
      .addColumn("workspace_id", "text", (c) => c.notNull().references("workspaces.id").onDelete("cascade"))
      .addColumn("id", "text", (c) => c.notNull())
      .addColumn("position", "integer", (c) => c.notNull())
      .addColumn("version", "integer", (c) => c.notNull().defaultTo(1))
      // json, not jsonb: it keeps the key order of maps (allocations, frees), which reports and
      // exports follow, so a workspace reads back exactly as its plan file was written.
      .addColumn("data", "json", (c) => c.notNull())
      .addColumn("created_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
      .addColumn("updated_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
      .addPrimaryKeyConstraint(`${table}_pk`, ["workspace_id", "id"])
      .execute();
    await db.schema
      .createIndex(`${table}_position_idx`)
      .on(table)
      .columns(["workspace_id", "position"])
      .execute();
  }

  // Append-only: check-ins are never updated, only added (or removed with their metric).
  await db.schema
    .createTable("checkins")
    .addColumn("workspace_id", "text", (c) => c.notNull())
    .addColumn("metric_id", "text", (c) => c.notNull())
    .addColumn("seq", "integer", (c) => c.generatedAlwaysAsIdentity())
    .addColumn("date", "text", (c) => c.notNull())
    .addColumn("value", "double precision", (c) => c.notNull())
    .addColumn("note", "text")
    .addColumn("recorded_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .addPrimaryKeyConstraint("checkins_pk", ["workspace_id", "metric_id", "seq"])
    .addForeignKeyConstraint(
      "checkins_metric_fk",
      ["workspace_id", "metric_id"],
      "metrics",
      ["workspace_id", "id"],
      (c) => c.onDelete("cascade"),
    )
    .execute();

  // A metric's definition changes: written by the store when kind, target, due or links change.
  await db.schema
    .createTable("metric_history")
    .addColumn("workspace_id", "text", (c) => c.notNull())
    .addColumn("metric_id", "text", (c) => c.notNull())
    .addColumn("seq", "integer", (c) => c.generatedAlwaysAsIdentity())
    .addColumn("date", "text", (c) => c.notNull())
    .addColumn("field", "text", (c) => c.notNull())
    .addColumn("from_value", "jsonb")
    .addColumn("to_value", "jsonb")
    .addColumn("recorded_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .addPrimaryKeyConstraint("metric_history_pk", ["workspace_id", "metric_id", "seq"])
    .addForeignKeyConstraint(
      "metric_history_metric_fk",
      ["workspace_id", "metric_id"],
      "metrics",
      ["workspace_id", "id"],
      (c) => c.onDelete("cascade"),
    )
    .execute();

  await db.schema
    .createTable("snapshots")
    .addColumn("workspace_id", "text", (c) => c.notNull().references("workspaces.id").onDelete("cascade"))
    .addColumn("seq", "integer", (c) => c.generatedAlwaysAsIdentity())
    .addColumn("version", "integer", (c) => c.notNull())
    .addColumn("taken_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn("as_of", "text", (c) => c.notNull())
    .addColumn("overall", "double precision", (c) => c.notNull())
    .addColumn("dimensions", "jsonb", (c) => c.notNull())
    .addColumn("counts", "jsonb", (c) => c.notNull())
    .addPrimaryKeyConstraint("snapshots_pk", ["workspace_id", "seq"])
    .execute();

  await db.schema
    .createTable("audit")
    .addColumn("workspace_id", "text", (c) => c.notNull().references("workspaces.id").onDelete("cascade"))
    .addColumn("seq", "integer", (c) => c.generatedAlwaysAsIdentity())
    .addColumn("at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn("actor", "text", (c) => c.notNull())
    .addColumn("action", "text", (c) => c.notNull())
    .addColumn("entity_type", "text", (c) => c.notNull())
    .addColumn("entity_id", "text", (c) => c.notNull())
    .addColumn("before", "jsonb")
    .addColumn("after", "jsonb")
    .addPrimaryKeyConstraint("audit_pk", ["workspace_id", "seq"])
    .execute();
  await db.schema
    .createIndex("audit_entity_idx")
    .on("audit")
    .columns(["workspace_id", "entity_type", "entity_id"])
    .execute();

  // Shared by every server on the database, so a retried POST is answered once whichever server gets it.
  await db.schema
    .createTable("idempotency_keys")
    .addColumn("scope", "text", (c) => c.notNull())
    .addColumn("key", "text", (c) => c.notNull())
    .addColumn("request_hash", "text", (c) => c.notNull())
    .addColumn("status", "integer", (c) => c.notNull())
    .addColumn("body", "jsonb")
    .addColumn("created_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .addPrimaryKeyConstraint("idempotency_keys_pk", ["scope", "key"])
    .execute();
}

// biome-ignore lint/suspicious/noExplicitAny: see up()
export async function down(db: Kysely<any>): Promise<void> {
  for (const table of [
    "idempotency_keys",
    "audit",
    "snapshots",
    "metric_history",
    "checkins",
    ...[...ENTITY_TABLES].reverse(),
    "workspaces",
  ])
    await db.schema.dropTable(table).ifExists().execute();
}
