import { metricsOwnedBy } from "../domain/ownership.js";
import { analyse } from "../engine/analyse.js";
import { toJsonReport } from "../engine/json-report.js";
import { claimMail, digestRecipients, markMailSent, releaseMail } from "../store/digest-store.js";
import type { Job } from "../store/jobs-queue.js";
import type { JobContext } from "./digest-job.js";

/**
 * The daily reminder: each owner of a metric whose check-in has fallen due (metric-stale) gets
 * one mail naming the metrics newly due. A metric is reminded once per last check-in: the mail
 * log's key `<metric>@<last check-in>` is claimed per person, so the next reminder comes only
 * after a check-in was recorded and fell due again.
 */
export async function runReminderJob(ctx: JobContext, job: Job): Promise<{ sent: number }> {
  const { store, clock } = ctx;
  const ws = await store.db
    .selectFrom("workspaces")
    .select(["id", "slug", "name"])
    .where("id", "=", job.workspaceId)
    .executeTakeFirst();
  if (!ws) return { sent: 0 };
  const { plan } = await store.workspaces.readPlan(ws.slug);
  const asOf = plan.asOf ?? clock.now().toISOString().slice(0, 10);
  const stale = new Map(
    toJsonReport(analyse(plan, { asOf }))
      .findings.filter((f) => f.rule === "metric-stale")
      .map((f) => [f.subject.id, f]),
  );
  if (stale.size === 0) return { sent: 0 };
  let sent = 0;
  for (const person of await digestRecipients(store.db, ws.id)) {
    const due = metricsOwnedBy(person.email, plan).filter((m) => stale.has(m.id));
    if (due.length === 0) continue;
    const subject = `${ws.name}: a check-in is due`;
    const text = [
      "A check-in has fallen due on the metrics you own:",
      ...due.map((m) => `  - ${m.name}: ${stale.get(m.id)?.message}`),
      "",
      `Record them: ${ctx.publicUrl}/w/${ws.slug}/checkin`,
    ].join("\n");
    const claimed: string[] = [];
    for (const m of due) {
      const period = `${m.id}@${String(stale.get(m.id)?.evidence.lastCheckin ?? "none")}`;
      if (
        await claimMail(store.db, {
          workspaceId: ws.id,
          userId: person.userId,
          kind: "reminder",
          period,
          recipient: person.email,
          subject,
          body: text,
          transport: ctx.transport.kind,
        })
      )
        claimed.push(period);
    }
    if (claimed.length === 0) continue;
    try {
      await ctx.transport.send({ to: person.email, subject, text });
    } catch (error) {
      for (const period of claimed) await releaseMail(store.db, ws.id, person.userId, "reminder", period);
      throw error;
    }
    for (const period of claimed) await markMailSent(store.db, ws.id, person.userId, "reminder", period);
    sent++;
  }
  return { sent };
}
