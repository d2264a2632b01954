import { analyse } from "../engine/analyse.js";
import { toJsonReport } from "../engine/json-report.js";
import { findingChanges, findingKey, myWork } from "../engine/my-work.js";
import {
  claimMail,
  digestRecipients,
  digestSettings,
  markMailSent,
  newUnsubscribeToken,
  recordDigestState,
  releaseMail,
  saveUnsubscribeToken,
} from "../store/digest-store.js";
import type { Store } from "../store/index.js";
import type { Job } from "../store/jobs-queue.js";
import type { Clock } from "./clock.js";
import { digestMail } from "./digest-mail.js";
import type { MailTransport } from "./mail-transport.js";

export interface JobContext {
  store: Store;
  clock: Clock;
  transport: MailTransport;
  /** The address people open the app at (links and the unsubscribe URL in mails). */
  publicUrl: string;
}

/**
 * One workspace's weekly digest for one period: a mail to every member who has not opted out.
 * Each mail is claimed in the mail log before it is sent, so a retry or a second server skips
 * the people already mailed; a mail that fails is released for the job's retry.
 */
export async function runDigestJob(ctx: JobContext, job: Job): Promise<{ sent: number }> {
  const { store, clock } = ctx;
  const period = String(job.payload.period);
  const ws = await store.db
    .selectFrom("workspaces")
    .select(["id", "slug", "name"])
    .where("id", "=", job.workspaceId)
    .executeTakeFirst();
  if (!ws) return { sent: 0 };
  const { plan } = await store.workspaces.readPlan(ws.slug);
  const now = clock.now();
  const asOf = plan.asOf ?? now.toISOString().slice(0, 10);
  const report = toJsonReport(analyse(plan, { asOf }));
  const settings = await digestSettings(store.db, ws.id, now);
  const { opened, closed } = settings.lastFindings
    ? findingChanges(settings.lastFindings, report.findings)
    : { opened: [], closed: [] };
  let sent = 0;
  for (const person of await digestRecipients(store.db, ws.id)) {
    const token = newUnsubscribeToken();
    const unsubscribeUrl = `${ctx.publicUrl}/api/v1/unsubscribe?token=${token}`;
    const { subject, text } = digestMail({
      workspaceName: ws.name,
      workspaceSlug: ws.slug,
      appUrl: ctx.publicUrl,
      period,
      work: myWork(plan, report.findings, person.email),
      indexThen: settings.lastOverall,
      indexNow: report.index.overall,
      opened,
      closed,
      unsubscribeUrl,
    });
    const mail = { workspaceId: ws.id, userId: person.userId, kind: "digest", period };
    if (
      !(await claimMail(store.db, {
        ...mail,
        recipient: person.email,
        subject,
        body: text,
        transport: ctx.transport.kind,
      }))
    )
      continue;
    await saveUnsubscribeToken(store.db, token, ws.id, person.userId);
    try {
      await ctx.transport.send({
        to: person.email,
        subject,
        text,
        // RFC 8058 one-click unsubscribe (and RFC 2369's List-Unsubscribe it builds on).
        headers: {
          "List-Unsubscribe": `<${unsubscribeUrl}>`,
          "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
        },
      });
    } catch (error) {
      await releaseMail(store.db, ws.id, person.userId, "digest", period);
      throw error;
    }
    await markMailSent(store.db, ws.id, person.userId, "digest", period);
    sent++;
  }
  await recordDigestState(store.db, ws.id, {
    period,
    overall: report.index.overall,
    findings: report.findings.map(findingKey),
  });
  return { sent };
}
