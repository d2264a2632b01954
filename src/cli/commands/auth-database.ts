import type { Kysely } from "kysely";

/** What the users and tokens commands need of the database: opened, migrated, and closed after. */
export interface CliDatabase {
  // biome-ignore lint/suspicious/noExplicitAny: the auth queries type their own tables
  db: Kysely<any>;
  findWorkspace(slug: string): Promise<{ id: string; slug: string } | undefined>;
  close(): Promise<void>;
}

/** Opens the database the way every command does: DATABASE_URL, else --data DIR. */
export type OpenCliDatabase = (options: {
  data: string;
  env: Record<string, string | undefined>;
}) => Promise<CliDatabase>;
