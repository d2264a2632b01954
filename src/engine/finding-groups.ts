import type { Plan } from "../domain/plan-schema.js";
import { AnalysisContext } from "./context.js";
import type { Finding, SubjectType } from "./types.js";

/*
 * Findings people can read at scale: when one rule fires on many subjects, the text and
 * markdown outputs and the dashboard show one line ("16 of 20 priorities have no stop: …")
 * with the list one flag or one click away. The JSON contract stays one finding per subject;
 * this is presentation only, shared so every surface groups alike.
 */

/** A rule firing on this many subjects or more is shown as one group. */
export const GROUP_MIN = 4;

/** Subjects shown by name in a group's headline before "and N more". */
const NAMED_IN_HEADLINE = 3;

/** What a rule's subjects have in common, said of many ("16 priorities … have no stop"). */
const SAID_OF_MANY: Record<string, string> = {
  "priority-no-owner": "have no owner",
  "priority-shared-owner": "are owned by a committee",
  "owner-overloaded": "own more live priorities than one person can carry",
  "initiative-no-owner": "have no owner",
  "initiative-shared-owner": "are owned by several people",
  "too-many-priorities": "carry too many live priorities",
  "priority-vague": "are vague",
  "priority-no-stops": "have no stop",
  "priority-not-cascaded": "are not cascaded to every contributing team",
  "team-over-capacity": "are committed beyond their capacity",
  "orphan-initiative": "serve no live priority",
  "work-spread-thin": "are spread thin",
  "stop-not-enforced": "are not enforced",
  "priority-unmeasured": "have no outcome or business metric",
  "metric-no-target": "have no target",
  "metric-kind-doubtful": "are declared outcomes but read as output",
  "incentive-misaligned": "have scorecards that reward other work than the strategy",
  "metric-reverted-to-output": "were turned from outcome into output",
  "metric-stale": "have no recent check-in",
  "outcome-off-track": "are off track",
  "promise-out-of-step": "are out of step",
  "promise-broken": "are broken",
  "insight-unused": "are cited by no decision",
  "decision-without-evidence": "cite no insight",
  "review-overdue": "are overdue for review",
  "review-incomplete": "have unanswered review questions",
  "review-not-acted-on": "were not acted on after a no",
  "resistance-unassessed": "list no resistance",
  "resistance-unaddressed": "are not addressed",
};

const NOUN: Record<SubjectType, [string, string]> = {
  plan: ["plan", "plans"],
  priority: ["priority", "priorities"],
  team: ["team", "teams"],
  person: ["person", "people"],
  initiative: ["initiative", "initiatives"],
  metric: ["metric", "metrics"],
  stop: ["stop", "stops"],
  promise: ["promise", "promises"],
  insight: ["insight", "insights"],
  decision: ["decision", "decisions"],
  review: ["review", "reviews"],
  resistance: ["resistance item", "resistance items"],
};

/** Rules that judge only live top-level priorities: their population is those. */
const TOP_LEVEL_RULES = new Set([
  "priority-no-stops",
  "priority-unmeasured",
  "review-overdue",
  "resistance-unassessed",
  "priority-not-cascaded",
]);

/** How many subjects each rule looked at, for "16 of 20". */
export interface Population {
  livePriorities: number;
  liveTopLevel: number;
  liveInitiatives: number;
  /** Metrics linked to a live priority. */
  linkedMetrics: number;
  teams: number;
  people: number;
  /** Resistance items of live priorities. */
  resistance: number;
  stops: number;
  promises: number;
  insights: number;
  decisions: number;
  reviews: number;
}

/**
 * The population of a plan as of the analysis day. The plan may come as the API returns it
 * (defaults not written out): a priority without status is committed, an initiative active.
 */
export function populationOf(plan: Plan, asOf: string): Population {
  const withDefaults: Plan = {
    ...plan,
    priorities: plan.priorities.map((p) => (p.status ? p : { ...p, status: "committed" })),
    initiatives: plan.initiatives?.map((i) => (i.status ? i : { ...i, status: "active" })),
  };
  const ctx = new AnalysisContext(withDefaults, asOf);
  const p = ctx.plan;
  return {
    livePriorities: ctx.livePriorities.length,
    liveTopLevel: ctx.liveTopLevel.length,
    liveInitiatives: ctx.liveInitiatives.length,
    linkedMetrics: (p.metrics ?? []).filter((m) => ctx.liveLinks(m.priorities).length > 0).length,
    teams: p.teams.length,
    people: p.people.length,
    resistance: ctx.livePriorities.reduce((n, x) => n + (x.resistance?.length ?? 0), 0),
    stops: p.stops?.length ?? 0,
    promises: p.promises?.length ?? 0,
    insights: p.insights?.length ?? 0,
    decisions: p.decisions?.length ?? 0,
    reviews: p.reviews?.length ?? 0,
  };
}

function populationFor(rule: string, type: SubjectType, population: Population): number | undefined {
  switch (type) {
    case "priority":
      return TOP_LEVEL_RULES.has(rule) ? population.liveTopLevel : population.livePriorities;
    case "initiative":
      return population.liveInitiatives;
    case "metric":
      return population.linkedMetrics;
    case "team":
      return population.teams;
    case "person":
      return population.people;
    case "resistance":
      return population.resistance;
    case "stop":
      return population.stops;
    case "promise":
      return population.promises;
    case "insight":
      return population.insights;
    case "decision":
      return population.decisions;
    case "review":
      return population.reviews;
    default:
      return undefined;
  }
}

/** The fields grouping reads, so the engine's findings, the JSON form and the web's copy all group. */
export interface GroupableFinding {
  rule: string;
  severity: Finding["severity"];
  subject: { type: string; id: string };
}

export interface FindingGroup<F extends GroupableFinding> {
  rule: string;
  severity: F["severity"];
  subjectType: string;
  /** "16 of 20 priorities have no stop". */
  headline: string;
  /** The subjects' names as given, for the headline's list. */
  findings: F[];
}

export type FindingEntry<F extends GroupableFinding> =
  | { kind: "finding"; finding: F }
  | { kind: "group"; group: FindingGroup<F> };

/**
 * Findings in their order, with each rule that fires on `min` or more subjects of one type
 * (at one severity) folded into one group placed where its first finding was.
 * `nameOf` names a subject in the headline's list (default: its id).
 */
export function groupFindings<F extends GroupableFinding>(
  findings: readonly F[],
  options: { population?: Population; min?: number; nameOf?: (f: F) => string } = {},
): FindingEntry<F>[] {
  const min = options.min ?? GROUP_MIN;
  const keyOf = (f: F) => `${f.rule}\u0000${f.severity}\u0000${f.subject.type}`;
  const members = new Map<string, F[]>();
  for (const f of findings) members.set(keyOf(f), [...(members.get(keyOf(f)) ?? []), f]);
  const out: FindingEntry<F>[] = [];
  const placed = new Set<string>();
  for (const f of findings) {
    const key = keyOf(f);
    const group = members.get(key) ?? [];
    if (group.length < min) {
      out.push({ kind: "finding", finding: f });
      continue;
    }
    if (placed.has(key)) continue;
    placed.add(key);
    out.push({
      kind: "group",
      group: {
        rule: f.rule,
        severity: f.severity,
        subjectType: f.subject.type,
        headline: headline(group, options.population, options.nameOf),
        findings: group,
      },
    });
  }
  return out;
}

function headline<F extends GroupableFinding>(
  group: F[],
  population: Population | undefined,
  nameOf: ((f: F) => string) | undefined,
): string {
  const { rule, subject } = group[0];
  const [one, many] = NOUN[subject.type as SubjectType] ?? [subject.type, `${subject.type}s`];
  const total = population ? populationFor(rule, subject.type as SubjectType, population) : undefined;
  const n = group.length;
  const count = total !== undefined && total >= n ? `${n} of ${total}` : `${n}`;
  const noun = (total ?? n) === 1 ? one : many;
  const said = SAID_OF_MANY[rule] ?? `fire ${rule}`;
  const names = group.slice(0, NAMED_IN_HEADLINE).map((f) => (nameOf ? nameOf(f) : f.subject.id));
  const more = n - names.length;
  return `${count} ${noun} ${said}: ${names.join(", ")}${more > 0 ? ` and ${more} more` : ""}`;
}

/** Names subjects by their title or name in the plan (falling back to the id). */
export function subjectNamer(plan: Plan): (f: GroupableFinding) => string {
  const names = new Map<string, string>();
  const add = (type: SubjectType, id: string, name: string) => names.set(`${type}\u0000${id}`, name);
  for (const x of plan.priorities) add("priority", x.id, x.title);
  for (const x of plan.teams) add("team", x.id, x.name);
  for (const x of plan.people) add("person", x.id, x.name);
  for (const x of plan.initiatives ?? []) add("initiative", x.id, x.title);
  for (const x of plan.metrics ?? []) add("metric", x.id, x.name);
  for (const x of plan.stops ?? []) add("stop", x.id, x.what);
  for (const x of plan.promises ?? []) add("promise", x.id, x.statement);
  for (const x of plan.insights ?? []) add("insight", x.id, x.summary);
  for (const x of plan.decisions ?? []) add("decision", x.id, x.statement);
  return (f) => {
    const name = names.get(`${f.subject.type}\u0000${f.subject.id}`);
    return name ? `"${name}"` : f.subject.id;
  };
}
