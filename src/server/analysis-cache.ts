import type { Plan } from "../domain/plan-schema.js";
import { todayUtc } from "../domain/primitives.js";
import { analyse } from "../engine/analyse.js";
import { type JsonReport, toJsonReport } from "../engine/json-report.js";

/**
 * Responses by workspace version. The version lives in the database, so a cached report is
 * valid exactly while the workspace is at that version: servers sharing one database never
 * serve each other's stale results, and nothing here has to be shared between them.
 */
export class VersionedCache {
  private readonly entries = new Map<string, string>();

  constructor(private readonly capacity = 32) {}

  key(workspaceId: string, version: number, asOf: string): string {
    return `${workspaceId}:${version}:${asOf}`;
  }

  get(key: string): string | undefined {
    const hit = this.entries.get(key);
    if (hit !== undefined) {
      // Most recently used last.
      this.entries.delete(key);
      this.entries.set(key, hit);
    }
    return hit;
  }

  set(key: string, body: string): void {
    this.entries.set(key, body);
    while (this.entries.size > this.capacity) {
      const oldest = this.entries.keys().next().value;
      if (oldest === undefined) break;
      this.entries.delete(oldest);
    }
  }
}

/** Analyses by workspace version. */
export class AnalysisCache extends VersionedCache {
  /** The JSON contract of `lint --format json`, without location, as text ready to send. */
  compute(key: string, plan: Plan, asOf: string): string {
    const report: JsonReport = toJsonReport(analyse(plan, { asOf }));
    const body = JSON.stringify(report);
    this.set(key, body);
    return body;
  }
}

export function analysisDay(
  requested: string | undefined,
  plan: Plan,
  today: () => string = todayUtc,
): string {
  return requested ?? plan.asOf ?? today();
}
