import type { JsonFinding } from "../engine/json-report.js";
import type { MyWork, OwedItem } from "../engine/my-work.js";

/*
 * The weekly digest as one person reads it: what they owe, the index change and the findings
 * opened and closed since the last digest, and how to stop receiving it. Plain text: it reads
 * the same in every mail client and in the app.
 */

export interface DigestFacts {
  workspaceName: string;
  appUrl: string;
  workspaceSlug: string;
  period: string;
  work: MyWork;
  indexThen: number | null;
  indexNow: number;
  opened: JsonFinding[];
  closed: string[];
  unsubscribeUrl: string;
}

const MAX_LINES = 20;

function lines(items: readonly OwedItem[]): string[] {
  const out = items.slice(0, MAX_LINES).map(({ finding, title }) => `  - ${title}: ${finding.message}`);
  if (items.length > MAX_LINES) out.push(`  …and ${items.length - MAX_LINES} more`);
  return out;
}

export function digestMail(facts: DigestFacts): { subject: string; text: string } {
  const { work } = facts;
  const owed = work.staleCheckins.length + work.reviewsDue.length + work.notActedOn.length;
  const change =
    facts.indexThen === null
      ? `The Execution Gap Index is ${facts.indexNow}.`
      : `The Execution Gap Index went from ${facts.indexThen} to ${facts.indexNow}.`;
  const body: string[] = [`${facts.workspaceName}: your week starting ${facts.period}`, "", change, ""];
  if (owed === 0 && work.findings.length === 0) body.push("You owe nothing this week.", "");
  if (work.staleCheckins.length) body.push("Check-ins due:", ...lines(work.staleCheckins), "");
  if (work.reviewsDue.length) body.push("Reviews due:", ...lines(work.reviewsDue), "");
  if (work.notActedOn.length)
    body.push('Review answers of "no" not acted on:', ...lines(work.notActedOn), "");
  if (work.findings.length) body.push("Other findings about what you own:", ...lines(work.findings), "");
  if (facts.opened.length || facts.closed.length) {
    body.push(
      `Since the last digest: ${facts.opened.length} findings opened, ${facts.closed.length} closed.`,
    );
    for (const f of facts.opened.slice(0, MAX_LINES)) body.push(`  + ${f.message}`);
    body.push("");
  }
  body.push(
    `Record check-ins: ${facts.appUrl}/w/${facts.workspaceSlug}/checkin`,
    `My work: ${facts.appUrl}/w/${facts.workspaceSlug}/my-work`,
    "",
    `Stop these e-mails: ${facts.unsubscribeUrl}`,
  );
  const subject =
    owed > 0
      ? `${facts.workspaceName}: ${owed} thing${owed === 1 ? "" : "s"} to do this week (index ${facts.indexNow})`
      : `${facts.workspaceName}: weekly digest (index ${facts.indexNow})`;
  return { subject, text: body.join("\n") };
}
