import { brotliCompressSync, gzipSync, constants as zlibConstants } from "node:zlib";
import type { Plan } from "../domain/plan-schema.js";
import { todayUtc } from "../domain/primitives.js";
import { analyse } from "../engine/analyse.js";
import { type JsonReport, toJsonReport } from "../engine/json-report.js";

/**
 * Responses by workspace version. The version lives in the database, so a cached report is
 * valid exactly while the workspace is at that version: servers sharing one database never
 * serve each other's stale results, and nothing here has to be shared between them.
 */
export class VersionedCache<T = string> {
  private readonly entries = new Map<string, T>();

  constructor(private readonly capacity = 32) {}

  key(workspaceId: string, version: number, asOf: string): string {
    return `${workspaceId}:${version}:${asOf}`;
  }

  get(key: string): T | undefined {
    const hit = this.entries.get(key);
    if (hit !== undefined) {
      // Most recently used last.
      this.entries.delete(key);
      this.entries.set(key, hit);
    }
    return hit;
  }

  set(key: string, body: T): void {
    this.entries.set(key, body);
    while (this.entries.size > this.capacity) {
      const oldest = this.entries.keys().next().value;
      if (oldest === undefined) break;
      this.entries.delete(oldest);
    }
  }
}

/** One analysis: its report, the contract's text, and that text compressed as clients asked. */
export interface AnalysisEntry {
  report: JsonReport;
  body: string;
  encoded: Map<Encoding, Buffer>;
}

export type Encoding = "br" | "gzip";

/**
 * Analyses by workspace version. Computed once per version and day by the first reader;
 * compressed once per encoding (the L answer is 1.46 MB of JSON, a few percent of it packed).
 */
export class AnalysisCache extends VersionedCache<AnalysisEntry> {
  compute(key: string, plan: Plan, asOf: string): AnalysisEntry {
    const report: JsonReport = toJsonReport(analyse(plan, { asOf }));
    const entry = { report, body: JSON.stringify(report), encoded: new Map<Encoding, Buffer>() };
    this.set(key, entry);
    return entry;
  }
}

/** The text compressed once per entry; quality chosen for speed on every first read. */
export function encoded(entry: { body: string; encoded: Map<Encoding, Buffer> }, encoding: Encoding): Buffer {
  let packed = entry.encoded.get(encoding);
  if (!packed) {
    packed =
      encoding === "br"
        ? brotliCompressSync(entry.body, {
            params: {
              [zlibConstants.BROTLI_PARAM_QUALITY]: 5,
              [zlibConstants.BROTLI_PARAM_SIZE_HINT]: Buffer.byteLength(entry.body),
            },
          })
        : gzipSync(entry.body, { level: 6 });
    entry.encoded.set(encoding, packed);
  }
  return packed;
}

/** The client's preferred encoding among those served (brotli, then gzip), by Accept-Encoding. */
export function negotiateEncoding(header: string | undefined): Encoding | undefined {
  if (!header) return undefined;
  const accepted = new Map<string, number>();
  for (const part of header.split(",")) {
    const [name, ...params] = part.trim().toLowerCase().split(";");
    const q = params.map((p) => /^\s*q=([\d.]+)/.exec(p)?.[1]).find((v) => v !== undefined);
    accepted.set(name ?? "", q === undefined ? 1 : Number(q));
  }
  const weight = (e: string) => accepted.get(e) ?? accepted.get("*") ?? 0;
  if (weight("br") > 0 && weight("br") >= weight("gzip")) return "br";
  if (weight("gzip") > 0) return "gzip";
  return undefined;
}

export function analysisDay(
  requested: string | undefined,
  plan: Plan,
  today: () => string = todayUtc,
): string {
  return requested ?? plan.asOf ?? today();
}
