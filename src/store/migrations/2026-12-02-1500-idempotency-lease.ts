import { type Kysely, sql } from "kysely";

/*
 * Idempotency keys that cannot outlive a crash (issue 15): a pending key names its owner (a
 * server process) and a lease the owner renews while the request runs; the write's own
 * transaction marks it written. A key whose owner died before writing is taken over by the
 * next retry instead of answering "still running" for 48 hours.
 */
// biome-ignore lint/suspicious/noExplicitAny: migrations run against the database as it is, not as typed
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable("idempotency_keys")
    .addColumn("owner", "text", (c) => c.notNull().defaultTo(""))
    .execute();
  await db.schema
    .alterTable("idempotency_keys")
    .addColumn("lease_until", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  await db.schema
    .alterTable("idempotency_keys")
    .addColumn("written", "boolean", (c) => c.notNull().defaultTo(false))
    .execute();
}

// biome-ignore lint/suspicious/noExplicitAny: see up()
export async function down(db: Kysely<any>): Promise<void> {
  for (const column of ["written", "lease_until", "owner"])
    await db.schema.alterTable("idempotency_keys").dropColumn(column).execute();
}
