import { PGlite } from "@electric-sql/pglite";
import { Kysely, Migrator, PostgresDialect } from "kysely";
import pg from "pg";
import { AppError } from "../domain/errors.js";
import { lockDataDir } from "./data-lock.js";
import { migrationProvider } from "./migrations/index.js";
import { PGliteDialect } from "./pglite-dialect.js";
import type { Database } from "./schema.js";

export interface DatabaseOptions {
  /** A postgres:// URL: use that server. */
  databaseUrl?: string;
  /** The embedded database's folder; `memory` (or undefined with no URL) keeps it in memory. */
  dataDir?: string;
}

export interface OpenDatabase {
  db: Kysely<Database>;
  kind: "postgres" | "pglite";
  /** Where the data lives, for messages: the URL without password, or the folder. */
  location: string;
  close(): Promise<void>;
}

// PostgreSQL int8 (counts) as numbers: every count here is far below 2^53.
pg.types.setTypeParser(20, (v) => Number(v));

/**
 * Opens the database every command uses: `DATABASE_URL` (PostgreSQL), else PGlite in a
 * folder (one process at a time), else PGlite in memory (tests).
 */
export async function openDatabase(options: DatabaseOptions): Promise<OpenDatabase> {
  if (options.databaseUrl) {
    if (!/^postgres(ql)?:\/\//.test(options.databaseUrl))
      throw new AppError("invalid_request", "DATABASE_URL must be a postgres:// URL");
    const pool = new pg.Pool({ connectionString: options.databaseUrl, max: 10 });
    // An idle pooled connection that the server ends (a restart, a failover, an administrator)
    // is an 'error' event on the pool; unhandled, it would crash the process. The pool drops
    // that client and the next query opens a fresh one, so it is logged, not fatal.
    pool.on("error", (error) => {
      process.emitWarning(`PostgreSQL closed an idle connection: ${error.message}`);
    });
    const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
    return {
      db,
      kind: "postgres",
      location: options.databaseUrl.replace(/\/\/([^:@/]+):[^@/]*@/, "//$1:***@"),
      close: () => db.destroy(),
    };
  }
  const dir = options.dataDir && options.dataDir !== "memory" ? options.dataDir : undefined;
  const unlock = dir ? lockDataDir(dir) : () => {};
  try {
    const pglite = dir ? new PGlite(dir) : new PGlite();
    await pglite.waitReady;
    const db = new Kysely<Database>({ dialect: new PGliteDialect(pglite) });
    return {
      db,
      kind: "pglite",
      location: dir ?? "memory",
      close: async () => {
        await db.destroy();
        unlock();
      },
    };
  } catch (error) {
    unlock();
    throw error;
  }
}

/** Applies every pending migration; throws with the failing migration's name. */
export async function migrate(db: Kysely<Database>): Promise<string[]> {
  const migrator = new Migrator({ db, provider: migrationProvider });
  const { error, results } = await migrator.migrateToLatest();
  if (error) {
    const failed = results?.find((r) => r.status === "Error")?.migrationName;
    throw new Error(`migration ${failed ?? "?"} failed: ${(error as Error).message}`);
  }
  return (results ?? []).filter((r) => r.status === "Success").map((r) => r.migrationName);
}
