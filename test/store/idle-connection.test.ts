import { sql } from "kysely";
import pg from "pg";
import { afterAll, describe, expect, it } from "vitest";
import { ADMIN_URL, TEST_DATABASES } from "../support/databases.js";

/*
 * PostgreSQL ends an idle pooled connection (a restart, a failover, an administrator): the
 * server must not crash on the pool's 'error' event, and the next query must work.
 */
const postgres = TEST_DATABASES.find((d) => d.name === "postgres");

describe.runIf(postgres)("an idle PostgreSQL connection ended by the server", () => {
  afterAll(async () => {
    await postgres?.cleanup();
  });

  it("is dropped from the pool without crashing, and the next query opens a fresh one", async () => {
    const store = await (postgres as NonNullable<typeof postgres>).open();
    try {
      const { rows } = await sql<{ name: string }>`select current_database() as name`.execute(store.db);
      const name = rows[0]?.name as string;
      const admin = new pg.Client({ connectionString: ADMIN_URL });
      await admin.connect();
      try {
        const ended = await admin.query(
          "select pg_terminate_backend(pid) from pg_stat_activity where datname = $1 and pid <> pg_backend_pid()",
          [name],
        );
        expect(ended.rowCount).toBeGreaterThan(0);
      } finally {
        await admin.end();
      }
      // The ended client leaves the pool when its error arrives; a query then gets a fresh one.
      await expect
        .poll(
          async () => {
            try {
              return (await sql<{ one: number }>`select 1 as one`.execute(store.db)).rows[0]?.one;
            } catch {
              return undefined;
            }
          },
          { timeout: 30_000, interval: 100 },
        )
        .toBe(1);
    } finally {
      await store.close();
    }
  });
});
