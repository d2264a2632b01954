import type { Migration, MigrationProvider } from "kysely";
import * as auth from "../auth/auth-migration.js";
import * as initial from "./2026-11-25-0400-initial.js";
import * as myWork from "./2026-12-02-1500-my-work.js";
import * as digests from "./2026-12-02-1600-digests-and-jobs.js";

/**
 * Every migration, by name; names sort in the order they apply. A static list (no folder
 * scanning) so the compiled build and the tests run the same set. Append, never edit.
 */
const MIGRATIONS: Record<string, Migration> = {
  "2026-11-25-0400-initial": initial,
  "2026-11-25-0500-auth": auth,
  "2026-12-02-1500-my-work": myWork,
  "2026-12-02-1600-digests-and-jobs": digests,
};

export const migrationProvider: MigrationProvider = {
  getMigrations: async () => MIGRATIONS,
};
