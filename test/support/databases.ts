import { randomBytes } from "node:crypto";
import pg from "pg";
import { openStore, type Store } from "../../src/store/index.js";

/**
 * The same suites run on both databases: PGlite in memory, and the PostgreSQL server
 * (TEST_DATABASE_URL, default postgres://postgres@127.0.0.1:5432) in a fresh database per
 * suite, dropped afterwards. Off CI, a machine without the server runs the PGlite half only.
 */
export const ADMIN_URL = process.env.TEST_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";

export interface TestDatabase {
  name: "pglite" | "postgres";
  open(options?: { today?: () => string }): Promise<Store>;
  /** Drops what open() created. */
  cleanup(): Promise<void>;
}

async function serverReachable(): Promise<boolean> {
  const client = new pg.Client({ connectionString: ADMIN_URL, connectionTimeoutMillis: 2000 });
  try {
    await client.connect();
    await client.end();
    return true;
  } catch {
    return false;
  }
}

const reachable = await serverReachable();
if (!reachable && process.env.CI) throw new Error(`CI needs PostgreSQL at ${ADMIN_URL}`);

function postgres(): TestDatabase {
  const created: string[] = [];
  return {
    name: "postgres",
    async open(options) {
      const name = `throughline_test_${randomBytes(6).toString("hex")}`;
      const admin = new pg.Client({ connectionString: ADMIN_URL });
      await admin.connect();
      await admin.query(`create database ${name}`);
      await admin.end();
      created.push(name);
      const url = new URL(ADMIN_URL);
      url.pathname = `/${name}`;
      const store = await openStore({ databaseUrl: url.toString(), ...options });
      await store.migrate();
      return store;
    },
    async cleanup() {
      const admin = new pg.Client({ connectionString: ADMIN_URL });
      await admin.connect();
      for (const name of created.splice(0)) await admin.query(`drop database if exists ${name} with (force)`);
      await admin.end();
    },
  };
}

function pglite(): TestDatabase {
  return {
    name: "pglite",
    async open(options) {
      const store = await openStore({ dataDir: "memory", ...options });
      await store.migrate();
      return store;
    },
    async cleanup() {},
  };
}

/** The databases this machine can test on: PGlite always, PostgreSQL when its server answers. */
export const TEST_DATABASES: TestDatabase[] = reachable ? [pglite(), postgres()] : [pglite()];
