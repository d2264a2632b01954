import type { Kysely } from "kysely";
import type { Plan } from "../../domain/plan-schema.js";
import { analyse } from "../../engine/analyse.js";
import type { Db } from "../db.js";
import type { Database } from "../schema.js";

export interface SnapshotJob {
  workspaceId: string;
  version: number;
  plan: Plan;
}

/**
 * The index over time: one snapshot per committed version, analysed one after another off
 * the write path (not while the workspace is locked and PGlite's one connection is held). A
 * crash between a commit and its snapshot leaves that version out of the history (derived
 * data; the next write's snapshot follows).
 */
export class SnapshotQueue {
  private queue: Promise<void> = Promise.resolve();
  /** Per open transaction: the snapshots to take once it commits. */
  private readonly pending = new WeakMap<Db, SnapshotJob[]>();

  constructor(
    private readonly db: Kysely<Database>,
    private readonly today: () => string,
  ) {}

  /** Runs a transaction, then schedules the snapshots it asked for once it has committed. */
  async around<T>(run: (open: (tx: Db) => void) => Promise<T>): Promise<T> {
    const jobs: SnapshotJob[] = [];
    const result = await run((tx) => this.pending.set(tx, jobs));
    for (const job of jobs)
      this.queue = this.queue
        .then(() => this.take(job))
        .catch((error) =>
          process.emitWarning(`The index snapshot of version ${job.version} failed: ${error}`),
        );
    return result;
  }

  /** Inside a transaction: the version it writes gets a snapshot once it commits. */
  request(tx: Db, job: SnapshotJob): void {
    this.pending.get(tx)?.push(job);
  }

  /** Waits for the snapshots of every write made so far (before reading history, or closing). */
  async settle(): Promise<void> {
    await this.queue;
  }

  private async take({ workspaceId, version, plan }: SnapshotJob): Promise<void> {
    const asOf = plan.asOf ?? this.today();
    const { index, findings } = analyse(plan, { asOf });
    const bySeverity = { error: 0, warning: 0, info: 0 };
    for (const f of findings) bySeverity[f.severity]++;
    await this.db
      .insertInto("snapshots")
      .values({
        workspace_id: workspaceId,
        version,
        as_of: asOf,
        overall: index.overall,
        dimensions: JSON.stringify(index.dimensions),
        counts: JSON.stringify(bySeverity),
      })
      .execute();
  }
}
