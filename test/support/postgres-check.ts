import pg from "pg";

/*
 * vitest's global setup: the store, API and auth suites run on PGlite and on the PostgreSQL
 * server (databases.ts). On CI a missing server fails the run; elsewhere the run goes on with
 * PGlite only and says so at the end, so a green run without PostgreSQL is never mistaken
 * for a full one.
 */
const ADMIN_URL = process.env.TEST_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";

/** What to do about the PostgreSQL half: fail the run, print a notice, or nothing. */
export function postgresVerdict(reachable: boolean, ci: boolean): { fail?: string; notice?: string } {
  if (reachable) return {};
  if (ci) return { fail: `CI needs PostgreSQL at ${ADMIN_URL} (TEST_DATABASE_URL); the run stops here.` };
  return {
    notice: `PostgreSQL at ${ADMIN_URL} did not answer: the PostgreSQL half of the store, API and auth suites was SKIPPED (PGlite only). Start it, or set CI=1 to make this an error.`,
  };
}

async function reachable(): Promise<boolean> {
  const client = new pg.Client({ connectionString: ADMIN_URL, connectionTimeoutMillis: 2000 });
  try {
    await client.connect();
    await client.end();
    return true;
  } catch {
    return false;
  }
}

export default async function setup(): Promise<() => void> {
  const verdict = postgresVerdict(await reachable(), Boolean(process.env.CI));
  if (verdict.fail) throw new Error(verdict.fail);
  return () => {
    if (verdict.notice) process.stderr.write(`\n⚠ ${verdict.notice}\n\n`);
  };
}
