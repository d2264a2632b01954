import autocannon from "autocannon";
import type { FastifyInstance } from "fastify";
import { loadPlan } from "../src/plan/load-plan.js";
import { buildServer } from "../src/server/app.js";
import { openStore } from "../src/store/index.js";
import { generatePlanYaml, type Size } from "./generate-plan.js";

/*
 * Issue 15, against floors measured in the same run (PGlite in memory, loopback, accounts off):
 * - GET /analysis of L: compressed bytes and requests/s with `Accept-Encoding: br` / `gzip`,
 *   as ratios to the uncompressed answer;
 * - PATCH of one entry on L vs on S, median of a bounded sequence (goal ≤ 3: a write no longer
 *   scales with the plan);
 * - mixed load on L: reads' p99 while a writer PATCHes without pause, vs their p99 with no
 *   writes (goal ≤ 2).
 */
const API = "/api/v1/workspaces";
const PATCHES = 40;
const round = (n: number, d = 2) => Math.round(n * 10 ** d) / 10 ** d;

function plan(size: Size) {
  const loaded = loadPlan(generatePlanYaml(size), { fileName: `${size}.yaml` });
  if (!loaded.ok) throw new Error(`${size} plan is invalid`);
  return loaded.plan;
}

async function load(url: string, headers: Record<string, string> = {}, duration = 5) {
  const result = await autocannon({ url, connections: 10, duration, headers });
  return { rps: result.requests.average, p99: result.latency.p99, bytes: result.throughput.average };
}

/** Milliseconds of each of `count` sequential PATCHes of one initiative (If-Match from each answer). */
async function patches(
  base: string,
  slug: string,
  id: string,
  count = PATCHES,
  going: () => boolean = () => true,
): Promise<number[]> {
  let tag = (await fetch(`${base}${API}/${slug}/initiatives/${id}`)).headers.get("etag") ?? "";
  const times: number[] = [];
  for (let i = 0; i < count && going(); i++) {
    const t0 = performance.now();
    const res = await fetch(`${base}${API}/${slug}/initiatives/${id}`, {
      method: "PATCH",
      headers: { "content-type": "application/json", "if-match": tag },
      body: JSON.stringify({ title: `Renamed ${i}` }),
    });
    await res.arrayBuffer();
    if (res.status !== 200) throw new Error(`PATCH answered ${res.status}`);
    tag = res.headers.get("etag") ?? "";
    times.push(performance.now() - t0);
  }
  return times;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0;

export async function run(): Promise<Record<string, unknown>> {
  const store = await openStore({ dataDir: "memory" });
  await store.migrate();
  const l = plan("L");
  const s = plan("S");
  await store.workspaces.replacePlan("bench-l", l, { actor: "bench" });
  await store.workspaces.replacePlan("bench-s", s, { actor: "bench" });
  const app: FastifyInstance = await buildServer({ store, auth: false });
  const base = await app.listen({ port: 0, host: "127.0.0.1" });
  try {
    // Compression of the analysis answer.
    const analysis = `${base}${API}/bench-l/analysis`;
    const sizes: Record<string, number> = {};
    for (const encoding of ["identity", "gzip", "br"]) {
      sizes[encoding] = await rawBytes(analysis, encoding);
    }
    const plain = await load(analysis, { "accept-encoding": "identity" });
    const br = await load(analysis, { "accept-encoding": "br" });
    const gzip = await load(analysis, { "accept-encoding": "gzip" });
    const compression = {
      identityBytes: sizes.identity,
      brBytes: sizes.br,
      gzipBytes: sizes.gzip,
      brBytesRatio: round(sizes.br / sizes.identity, 3),
      identityRps: Math.round(plain.rps),
      brRps: Math.round(br.rps),
      gzipRps: Math.round(gzip.rps),
      brRpsRatio: round(br.rps / plain.rps),
    };
    console.log("\nGET /analysis of L, compressed vs not (bytes ratio, requests/s ratio)");
    console.table([compression]);

    // PATCH on L vs S.
    const patchS = median(await patches(base, "bench-s", s.initiatives?.[0]?.id ?? ""));
    const patchL = median(await patches(base, "bench-l", l.initiatives?.[0]?.id ?? ""));
    const writes = { patchSms: round(patchS), patchLms: round(patchL), ratio: round(patchL / patchS) };
    console.log(`PATCH on L vs on S, median of ${PATCHES} (goal ≤ 3)`, writes);

    // Mixed load on L: reads alone, then reads with a writer running.
    const read = `${base}${API}/bench-l/initiatives?limit=100`;
    const quiet = await load(read);
    let writing = true;
    // Stops after the PATCH running when the reads end.
    const writer = patches(
      base,
      "bench-l",
      l.initiatives?.[1]?.id ?? "",
      Number.MAX_SAFE_INTEGER,
      () => writing,
    );
    const busy = await load(read);
    writing = false;
    await writer;
    const mixed = {
      readP99QuietMs: quiet.p99,
      readP99WithWritesMs: busy.p99,
      ratio: round(busy.p99 / Math.max(1, quiet.p99)),
      readRpsQuiet: Math.round(quiet.rps),
      readRpsWithWrites: Math.round(busy.rps),
    };
    console.log("Reads on L while a writer PATCHes vs no writes, p99 (goal ≤ 2)", mixed);
    return { compression, writes, mixed };
  } finally {
    await app.close();
    await store.close();
  }
}

/** Bytes on the wire (fetch would decode them). */
async function rawBytes(url: string, encoding: string): Promise<number> {
  const { request } = await import("node:http");
  return new Promise((resolve, reject) => {
    request(url, { headers: { "accept-encoding": encoding } }, (res) => {
      let n = 0;
      res.on("data", (c: Buffer) => {
        n += c.length;
      });
      res.on("end", () => resolve(n));
      res.on("error", reject);
    })
      .on("error", reject)
      .end();
  });
}
