import { type Kysely, sql } from "kysely";

/*
 * What each person saw of a workspace when they last looked at My work: the version, the index
 * and the findings then, so the page can say what changed since. Frozen like every migration.
 */
// biome-ignore lint/suspicious/noExplicitAny: migrations run against the database as it is, not as typed
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable("seen_marks")
    .addColumn("workspace_id", "text", (c) => c.notNull().references("workspaces.id").onDelete("cascade"))
    .addColumn("user_id", "text", (c) => c.notNull().references("users.id").onDelete("cascade"))
    .addColumn("seen_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn("version", "integer", (c) => c.notNull())
    .addColumn("overall", "real", (c) => c.notNull())
    .addColumn("findings", "jsonb", (c) => c.notNull())
    .addPrimaryKeyConstraint("seen_marks_pk", ["workspace_id", "user_id"])
    .execute();
}

// biome-ignore lint/suspicious/noExplicitAny: see up
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable("seen_marks").execute();
}
