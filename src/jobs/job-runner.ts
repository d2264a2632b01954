import { randomUUID } from "node:crypto";
import { digestSettings, workspaceIds } from "../store/digest-store.js";
import { claimJob, completeJob, enqueueJob, failJob, type Job } from "../store/jobs-queue.js";
import { type JobContext, runDigestJob } from "./digest-job.js";
import { latestDay, latestPeriod } from "./digest-schedule.js";
import { runReminderJob } from "./reminder-job.js";

/** Attempts before a job is given up; the backoff doubles from a minute, so about a day in all. */
const MAX_ATTEMPTS = 11;

/**
 * The background work of one server, run inside `serve`. Every tick it enqueues what is due
 * (each workspace's latest digest period; the job's key makes that idempotent across servers)
 * and then runs due jobs one at a time, each claimed in the database first.
 */
export class JobRunner {
  readonly worker = `worker-${randomUUID()}`;
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> | undefined;
  private stopped = false;

  constructor(
    private readonly ctx: JobContext & { log?: (message: string, fields?: Record<string, unknown>) => void },
  ) {}

  /** Enqueues what is due now and runs every due job. Resolves when none is left. */
  async tick(): Promise<number> {
    await this.schedule();
    let ran = 0;
    for (;;) {
      if (this.stopped) return ran;
      const job = await claimJob(this.ctx.store.db, this.worker, this.ctx.clock.now());
      if (!job) return ran;
      await this.run(job);
      ran++;
    }
  }

  /** Ticks every `intervalMs` until stopped (the first right away). */
  start(intervalMs = 60_000): void {
    const loop = async () => {
      if (this.stopped) return;
      this.running = this.tick().then(
        () => undefined,
        (error) =>
          this.ctx.log?.("background jobs failed; trying again at the next tick", { error: String(error) }),
      );
      await this.running;
      if (!this.stopped) this.timer = setTimeout(loop, intervalMs);
    };
    void loop();
  }

  /** Stops ticking and waits for the job in progress. */
  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    await this.running;
  }

  private async schedule(): Promise<void> {
    const { db } = this.ctx.store;
    const now = this.ctx.clock.now();
    for (const ws of await workspaceIds(db)) {
      const settings = await digestSettings(db, ws.id, now);
      if (!settings.enabled) continue;
      const { period, dueAt } = latestPeriod(settings, now);
      // Periods before the workspace had digests, and the one already sent, are owed nothing.
      if (dueAt.getTime() >= Date.parse(settings.since) && settings.lastPeriod !== period)
        await enqueueJob(db, {
          workspaceId: ws.id,
          key: `digest:${period}`,
          kind: "digest",
          runAt: dueAt,
          payload: { period },
        });
      // Reminders: daily at the digest hour, the latest day only.
      const day = latestDay(settings, now);
      if (day.dueAt.getTime() >= Date.parse(settings.since))
        await enqueueJob(db, {
          workspaceId: ws.id,
          key: `reminders:${day.period}`,
          kind: "reminders",
          runAt: day.dueAt,
        });
    }
  }

  private async run(job: Job): Promise<void> {
    const { db } = this.ctx.store;
    try {
      if (job.kind === "digest") {
        const { sent } = await runDigestJob(this.ctx, job);
        this.ctx.log?.("digest sent", { workspaceId: job.workspaceId, key: job.key, sent });
      } else if (job.kind === "reminders") {
        const { sent } = await runReminderJob(this.ctx, job);
        this.ctx.log?.("reminders sent", { workspaceId: job.workspaceId, key: job.key, sent });
      }
      await completeJob(db, job, this.ctx.clock.now());
    } catch (error) {
      const retry =
        job.attempts < MAX_ATTEMPTS
          ? new Date(this.ctx.clock.now().getTime() + 60_000 * 2 ** (job.attempts - 1))
          : undefined;
      this.ctx.log?.("background job failed", {
        key: job.key,
        attempts: job.attempts,
        error: String(error),
        retry,
      });
      await failJob(db, job, String((error as Error)?.message ?? error), retry);
    }
  }
}
