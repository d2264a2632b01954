import { type ChildProcess, spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pg from "pg";
import { generatePlanYaml, type Size } from "../../bench/generate-plan.js";
import { loadPlan } from "../../src/plan/load-plan.js";
import { issueApiToken } from "../../src/server/auth/accounts.js";
import { authConfig } from "../../src/server/auth/auth-config.js";
import { authDb } from "../../src/store/auth/auth-db.js";
import { openStore } from "../../src/store/index.js";
import { ADMIN_URL } from "./databases.js";

const ROOT = join(import.meta.dirname, "..", "..");
const CLI = join(ROOT, "test", "support", "run-cli.ts");

export interface ServeProcess {
  child: ChildProcess;
  url: string;
  /** Everything it printed so far (logs are JSON lines at LOG_LEVEL=info). */
  output(): string;
  /** Resolves with the first output line matching, as it is printed. */
  waitFor(pattern: RegExp): Promise<string>;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

/** `throughline serve` from the sources, as its own process, on a free port. */
export async function startServe(args: string[], env: Record<string, string> = {}): Promise<ServeProcess> {
  const child = spawn(process.execPath, ["--import", "tsx", CLI, "serve", "--port", "0", ...args], {
    cwd: ROOT,
    env: { ...process.env, LOG_LEVEL: "info", ...env },
  });
  let text = "";
  const waiters: { pattern: RegExp; resolve: (line: string) => void }[] = [];
  const scan = () => {
    for (const waiter of [...waiters]) {
      const line = text.split("\n").find((l) => waiter.pattern.test(l));
      if (line !== undefined) {
        waiters.splice(waiters.indexOf(waiter), 1);
        waiter.resolve(line);
      }
    }
  };
  child.stdout?.on("data", (chunk) => {
    text += chunk;
    scan();
  });
  child.stderr?.on("data", (chunk) => {
    text += chunk;
    scan();
  });
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.once("exit", (code, signal) => resolve({ code, signal })),
  );
  const waitFor = (pattern: RegExp) =>
    new Promise<string>((resolve, reject) => {
      waiters.push({ pattern, resolve });
      scan();
      void exited.then(() => reject(new Error(`serve exited before printing ${pattern}:\n${text}`)));
    });
  const line = await waitFor(/Throughline is running at (http:\/\/\S+)/);
  const url = (/running at (http:\/\/\S+)/.exec(line)?.[1] ?? "").replace("localhost", "127.0.0.1");
  return { child, url, output: () => text, waitFor, exited };
}

const created: string[] = [];

/**
 * A database for a `serve` process: a fresh PostgreSQL database or PGlite folder holding a
 * generated plan as workspace `big`, and an editor token for it.
 */
export async function prepareServeData(kind: "pglite" | "postgres", size: Size = "S") {
  let databaseUrl: string | undefined;
  let dataDir: string | undefined;
  if (kind === "postgres") {
    const name = `throughline_test_${randomBytes(6).toString("hex")}`;
    const admin = new pg.Client({ connectionString: ADMIN_URL });
    await admin.connect();
    await admin.query(`create database ${name}`);
    await admin.end();
    created.push(name);
    const url = new URL(ADMIN_URL);
    url.pathname = `/${name}`;
    databaseUrl = url.toString();
  } else dataDir = join(mkdtempSync(join(tmpdir(), "throughline-serve-")), "data");
  const store = await openStore({ databaseUrl, dataDir });
  await store.migrate();
  const loaded = loadPlan(generatePlanYaml(size), { fileName: "plan.yaml" });
  if (!loaded.ok) throw new Error("the generated plan is not valid");
  const { workspace } = await store.workspaces.replacePlan("big", loaded.plan, { actor: "test" });
  const { secret } = await issueApiToken(
    authDb(store.db),
    { workspaceId: workspace.id, role: "editor", createdBy: null },
    authConfig(),
  );
  const metric = loaded.plan.metrics?.[0]?.id ?? "";
  await store.close();
  return {
    databaseUrl,
    dataDir,
    secret,
    metric,
    args: dataDir ? ["--data", dataDir] : [],
    env: databaseUrl ? { DATABASE_URL: databaseUrl } : ({} as Record<string, string>),
  };
}

/** Drops the PostgreSQL databases prepareServeData made. */
export async function dropServeDatabases(): Promise<void> {
  if (created.length === 0) return;
  const admin = new pg.Client({ connectionString: ADMIN_URL });
  await admin.connect();
  for (const name of created.splice(0)) await admin.query(`drop database if exists ${name} with (force)`);
  await admin.end();
}
