import autocannon from "autocannon";
import Fastify from "fastify";
import { sql } from "kysely";
import { ENTITY_SECTIONS } from "../src/domain/plan-schema.js";
import { analyse } from "../src/engine/analyse.js";
import { loadPlan } from "../src/plan/load-plan.js";
import { buildServer } from "../src/server/app.js";
import type { Store } from "../src/store/index.js";
import { TEST_DATABASES } from "../test/support/databases.js";
import { generatePlanYaml, type Size } from "./generate-plan.js";

/*
 * The server against floors measured in the same run:
 * - throughput and p99 of GET /analysis (cached) and GET /initiatives?limit=100 on the L
 *   workspace, as ratios to a bare Fastify route returning the same bytes (goal ≥ 0.5);
 * - a cold analysis of XL from the database, as a ratio to merely selecting its rows (goal ≤ 2);
 * - importing XL, in rows per second, on PGlite and on PostgreSQL.
 * Accounts are off here: this measures the data path (auth adds one indexed lookup per request).
 */

function plan(size: Size) {
  const loaded = loadPlan(generatePlanYaml(size), { fileName: `${size}.yaml` });
  if (!loaded.ok) throw new Error(`${size} plan is invalid`);
  return loaded.plan;
}

async function load(url: string): Promise<{ rps: number; p99: number }> {
  const result = await autocannon({ url, connections: 10, duration: 5 });
  return { rps: result.requests.average, p99: result.latency.p99 };
}

async function bare(body: string, type: string): Promise<{ url: string; close(): Promise<void> }> {
  const app = Fastify();
  app.get("/", async (_req, reply) => reply.type(type).send(body));
  const url = await app.listen({ port: 0, host: "127.0.0.1" });
  return { url, close: () => app.close() };
}

const round = (n: number, d = 2) => Math.round(n * 10 ** d) / 10 ** d;

async function httpBench(store: Store): Promise<Record<string, unknown>[]> {
  await store.workspaces.replacePlan("bench-l", plan("L"), { actor: "bench" });
  const app = await buildServer({ store, auth: false });
  const base = await app.listen({ port: 0, host: "127.0.0.1" });
  const rows: Record<string, unknown>[] = [];
  try {
    for (const path of [
      "/api/v1/workspaces/bench-l/analysis",
      "/api/v1/workspaces/bench-l/initiatives?limit=100",
    ]) {
      const first = await fetch(`${base}${path}`);
      const body = await first.text();
      const floor = await bare(body, first.headers.get("content-type") ?? "application/json");
      try {
        const ours = await load(`${base}${path}`);
        const bareRun = await load(floor.url);
        rows.push({
          route: `GET ${path.replace("/api/v1/workspaces/bench-l", "")}`,
          rps: Math.round(ours.rps),
          bareRps: Math.round(bareRun.rps),
          throughputRatio: round(ours.rps / bareRun.rps),
          p99ms: ours.p99,
          bareP99ms: bareRun.p99,
        });
      } finally {
        await floor.close();
      }
    }
  } finally {
    await app.close();
  }
  return rows;
}

async function coldAnalysis(store: Store): Promise<Record<string, unknown>> {
  const ws = await store.workspaces.getWorkspace("bench-xl");
  const t0 = performance.now();
  for (const table of ENTITY_SECTIONS)
    await store.db.selectFrom(table).selectAll().where("workspace_id", "=", ws.id).execute();
  await store.db.selectFrom("checkins").selectAll().where("workspace_id", "=", ws.id).execute();
  const select = performance.now() - t0;
  const t1 = performance.now();
  const { plan: stored } = await store.workspaces.readPlan("bench-xl");
  analyse(stored);
  const cold = performance.now() - t1;
  return { selectRowsMs: Math.round(select), coldAnalysisMs: Math.round(cold), ratio: round(cold / select) };
}

async function importRate(store: Store): Promise<Record<string, unknown>> {
  const xl = plan("XL");
  const rows =
    ENTITY_SECTIONS.reduce((n, s) => n + ((xl[s] as unknown[] | undefined)?.length ?? 0), 0) +
    (xl.metrics ?? []).reduce((n, m) => n + (m.checkins?.length ?? 0), 0);
  const t0 = performance.now();
  await store.workspaces.replacePlan("bench-xl", xl, { actor: "bench" });
  const seconds = (performance.now() - t0) / 1000;
  const { rows: count } = await sql<{ n: number }>`select count(*)::int as n from checkins`.execute(store.db);
  return {
    rows,
    seconds: round(seconds),
    rowsPerSecond: Math.round(rows / seconds),
    checkinsStored: count[0]?.n,
  };
}

export async function run(): Promise<Record<string, unknown>> {
  const results: Record<string, unknown> = {};
  for (const database of TEST_DATABASES) {
    const store = await database.open();
    try {
      const http = await httpBench(store);
      const imported = await importRate(store);
      const cold = await coldAnalysis(store);
      console.log(
        `\n${database.name}: HTTP on the L workspace vs a bare Fastify route with the same bytes (goal ≥ 0.5)`,
      );
      console.table(http);
      console.log(`${database.name}: import XL`, imported);
      console.log(`${database.name}: cold analysis of XL vs selecting its rows (goal ≤ 2)`, cold);
      results[database.name] = { http, import: imported, cold };
    } finally {
      await store.close();
      await database.cleanup();
    }
  }
  return results;
}
