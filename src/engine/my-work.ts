import { metricsOwnedBy, ownsInitiative, ownsPriority, personIdsFor } from "../domain/ownership.js";
import type { Plan } from "../domain/plan-schema.js";
import type { JsonFinding } from "./json-report.js";

/*
 * What one person owes this week, from the plan and its analysis: the findings about what
 * they own (metric owner or owned priority, priorities and initiatives they own, themselves),
 * sorted into the check-ins that are stale, the reviews that are due, the "no" answers of
 * reviews not yet acted on, and the rest. Pure: the server and the digest both call it.
 */

export interface OwedItem {
  finding: JsonFinding;
  /** The subject's name as people know it (metric name, priority or initiative title). */
  title: string;
}

export interface MyWork {
  /** The plan people the signed-in person is (matched by e-mail); empty when none. */
  personIds: string[];
  owns: { priorities: number; initiatives: number; metrics: number };
  staleCheckins: OwedItem[];
  reviewsDue: OwedItem[];
  notActedOn: OwedItem[];
  /** Every other finding about what they own. */
  findings: OwedItem[];
}

const SORTED: Record<string, keyof Pick<MyWork, "staleCheckins" | "reviewsDue" | "notActedOn">> = {
  "metric-stale": "staleCheckins",
  "review-overdue": "reviewsDue",
  "review-not-acted-on": "notActedOn",
};

export function myWork(plan: Plan, findings: readonly JsonFinding[], email: string): MyWork {
  const personIds = personIdsFor(email, plan.people);
  const priorities = plan.priorities.filter((p) => ownsPriority(p, personIds));
  const initiatives = (plan.initiatives ?? []).filter((i) => ownsInitiative(i, personIds));
  const metrics = metricsOwnedBy(email, plan);
  const titles = new Map<string, string>();
  for (const p of priorities) titles.set(`priority:${p.id}`, p.title);
  for (const i of initiatives) titles.set(`initiative:${i.id}`, i.title);
  for (const m of metrics) titles.set(`metric:${m.id}`, m.name);
  for (const p of plan.people) if (personIds.has(p.id)) titles.set(`person:${p.id}`, p.name);
  const out: MyWork = {
    personIds: [...personIds],
    owns: { priorities: priorities.length, initiatives: initiatives.length, metrics: metrics.length },
    staleCheckins: [],
    reviewsDue: [],
    notActedOn: [],
    findings: [],
  };
  for (const finding of findings) {
    const title = titles.get(`${finding.subject.type}:${finding.subject.id}`);
    if (title === undefined) continue;
    out[SORTED[finding.rule] ?? "findings"].push({ finding, title });
  }
  return out;
}

/** A finding's identity across analyses: which rule, about what. */
export function findingKey(f: Pick<JsonFinding, "rule" | "subject">): string {
  return `${f.rule} ${f.subject.type} ${f.subject.id}`;
}

/** The findings opened and closed between two analyses, by identity. */
export function findingChanges(
  before: readonly string[],
  after: readonly JsonFinding[],
): { opened: JsonFinding[]; closed: string[] } {
  const was = new Set(before);
  const now = new Set(after.map(findingKey));
  return {
    opened: after.filter((f) => !was.has(findingKey(f))),
    closed: before.filter((k) => !now.has(k)),
  };
}
