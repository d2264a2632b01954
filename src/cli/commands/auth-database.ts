import type { Kysely } from "kysely";
import type { Database } from "../../store/index.js";

/** What the users and tokens commands need of the database: opened, migrated, and closed after. */
export interface CliDatabase {
  db: Kysely<Database>;
  findWorkspace(slug: string): Promise<{ id: string; slug: string } | undefined>;
  close(): Promise<void>;
}

/** Opens the database the way every command does: DATABASE_URL, else --data DIR. */
export type OpenCliDatabase = (options: {
  data: string;
  env: Record<string, string | undefined>;
}) => Promise<CliDatabase>;

/** The real opener: the store, migrated (so `users add` works on a fresh folder too). */
export const openStoreForCli: OpenCliDatabase = async ({ data, env }) => {
  const { openStore } = await import("../../store/index.js");
  const store = await openStore({ databaseUrl: env.DATABASE_URL || undefined, dataDir: data });
  try {
    await store.migrate();
  } catch (error) {
    await store.close();
    throw error;
  }
  return {
    db: store.db,
    findWorkspace: (slug) => store.workspaces.findWorkspace(slug),
    close: () => store.close(),
  };
};
