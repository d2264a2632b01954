import type { Plan, Priority } from "../domain/plan-schema.js";
import { actionsText, actionText, freedText } from "../engine/moves/action-text.js";
import type { Move } from "../engine/moves/propose-moves.js";
import { type AnalysisResult, DIMENSIONS, type Dimension, type Finding } from "../engine/types.js";
import { roundFte, sumFte } from "../engine/wording.js";

/**
 * The offsite pack as data: what a leadership team reads, in the order they read it. The
 * markdown report and the PDF both render this one model, so they always hold the same
 * sections — names, never ids, wherever a name exists. Pure.
 */
export interface OffsiteReport {
  organisation: string;
  asOf: string;
  cycle: { name: string; start: string; end: string };
  overall: number;
  dimensions: { id: Dimension; title: string; score: number; findings: number; assessed: boolean }[];
  counts: { error: number; warning: number; info: number };
  moves: ReportMove[];
  priorities: ReportPriority[];
  /** Findings about the plan as a whole, or no one priority (teams, people, insights…). */
  planWide: ReportFinding[];
  teams: ReportTeam[];
  promises: ReportPromise[];
  stops: ReportStop[];
}

export interface ReportMove {
  summary: string;
  freed: string;
  closes: number;
  closed: string[];
  indexAfter: number;
}

export interface ReportFinding {
  severity: Finding["severity"];
  rule: string;
  message: string;
  suggestion: string;
  /** The finding's actions as sentences (what `what-if` would simulate). */
  actions: string[];
}

export interface ReportPriority {
  id: string;
  title: string;
  owner: string;
  segment?: string;
  gap: number;
  findings: ReportFinding[];
}

export interface ReportTeam {
  id: string;
  name: string;
  /** Undefined when the plan does not say (unknown, not zero). */
  capacity?: number;
  committed: number;
  gap: number;
  findings: number;
}

export interface ReportPromise {
  statement: string;
  priority?: string;
  state: "kept" | "out of step" | "broken" | "on track";
  milestones: { team: string; what: string; date: string; customerFacing: boolean; done: boolean }[];
}

export interface ReportStop {
  what: string;
  priority?: string;
  initiative?: string;
  decided: string;
  effective: string;
  frees: string;
  /** What is actually known about it on the analysis day. */
  state: string;
}

export const DIMENSION_TITLE: Record<Dimension, string> = {
  ownership: "Ownership",
  focus: "Focus and trade-offs",
  capacity: "Capacity",
  measurement: "Measurement and incentives",
  timelines: "Timelines",
  learning: "Learning loop",
  reviews: "Reviews",
  "operating-model": "Operating model",
};

export function offsiteReport(
  plan: Plan,
  asOf: string,
  analysis: AnalysisResult,
  moves: readonly Move[] = [],
): OffsiteReport {
  const person = (id: string) => plan.people.find((p) => p.id === id)?.name ?? id;
  const team = (id: string) => plan.teams.find((t) => t.id === id)?.name ?? id;
  const priorityTitle = (id?: string) =>
    id ? (plan.priorities.find((p) => p.id === id)?.title ?? id) : undefined;
  const initiativeTitle = (id?: string) =>
    id ? (plan.initiatives?.find((i) => i.id === id)?.title ?? id) : undefined;
  // Not-assessed dimensions (index.notAssessed) are shown as such, never as a score of zero.
  const notAssessed = new Set((analysis.index as { notAssessed?: string[] }).notAssessed ?? []);
  const counts = { error: 0, warning: 0, info: 0 };
  for (const f of analysis.findings) counts[f.severity]++;

  const item = (f: Finding): ReportFinding => ({
    severity: f.severity,
    rule: f.rule,
    message: f.message,
    suggestion: f.suggestion,
    actions: (f.actions ?? []).map((a) => actionText(a, plan)),
  });

  // A finding about a priority, or about something that serves exactly one, is filed under it;
  // one about the whole plan (too-many-priorities) or several priorities is plan-wide.
  const byPriority = new Map<string, ReportFinding[]>();
  const planWide: ReportFinding[] = [];
  for (const f of analysis.findings) {
    const live = f.scope.priorities.filter((id) => id in analysis.index.priorities);
    const home =
      f.subject.type === "plan"
        ? undefined
        : f.subject.type === "priority"
          ? f.subject.id
          : live.length === 1
            ? live[0]
            : undefined;
    if (home && home in analysis.index.priorities)
      byPriority.set(home, [...(byPriority.get(home) ?? []), item(f)]);
    else planWide.push(item(f));
  }

  const ownerText = (p: Priority) => {
    if (p.owner === undefined || (Array.isArray(p.owner) && p.owner.length === 0)) return "nobody";
    if (typeof p.owner === "string")
      return plan.teams.some((t) => t.id === p.owner) && !plan.people.some((x) => x.id === p.owner)
        ? `${team(p.owner)} (a team)`
        : person(p.owner);
    return [...new Set(p.owner)].map(person).join(", ");
  };

  const committed = new Map<string, number>();
  for (const i of plan.initiatives ?? [])
    if (i.status === "active" || i.status === "paused")
      for (const [t, fte] of Object.entries(i.allocation ?? {}))
        committed.set(t, (committed.get(t) ?? 0) + fte);

  const promiseState = (id: string, allDone: boolean): ReportPromise["state"] => {
    const rules = analysis.findings
      .filter((f) => f.subject.type === "promise" && f.subject.id === id)
      .map((f) => f.rule);
    if (rules.includes("promise-broken")) return "broken";
    if (rules.includes("promise-out-of-step")) return "out of step";
    return allDone ? "kept" : "on track";
  };

  return {
    organisation: plan.organisation,
    asOf,
    cycle: plan.cycle,
    overall: analysis.index.overall,
    dimensions: DIMENSIONS.map((d) => ({
      id: d,
      title: DIMENSION_TITLE[d],
      score: analysis.index.dimensions[d],
      findings: analysis.findings.filter((f) => f.dimension === d).length,
      assessed: !notAssessed.has(d),
    })),
    counts,
    moves: moves.map((m) => ({
      summary: actionsText(m.actions, plan),
      freed: freedText(Object.fromEntries(Object.entries(m.freed).filter(([, n]) => n > 0)), plan),
      closes: m.closes.length,
      closed: m.closes.map((f) => f.message),
      indexAfter: m.indexAfter,
    })),
    priorities: plan.priorities
      .filter((p) => p.id in analysis.index.priorities)
      .map((p) => ({
        id: p.id,
        title: p.title,
        owner: ownerText(p),
        segment: p.segment,
        gap: analysis.index.priorities[p.id],
        findings: byPriority.get(p.id) ?? [],
      })),
    planWide,
    teams: plan.teams.map((t) => ({
      id: t.id,
      name: t.name,
      capacity: t.capacity === undefined ? undefined : roundFte(t.capacity),
      committed: roundFte(committed.get(t.id) ?? 0),
      gap: analysis.index.teams[t.id] ?? 0,
      findings: analysis.findings.filter((f) => f.scope.teams.includes(t.id)).length,
    })),
    promises: (plan.promises ?? []).map((p) => ({
      statement: p.statement,
      priority: priorityTitle(p.priority),
      state: promiseState(
        p.id,
        p.milestones.every((m) => m.done === true),
      ),
      milestones: [...p.milestones]
        .sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0))
        .map((m) => ({
          team: team(m.team),
          what: m.what,
          date: m.date,
          customerFacing: m.customerFacing === true,
          done: m.done === true,
        })),
    })),
    stops: (plan.stops ?? []).map((s) => {
      const initiative = s.initiative ? plan.initiatives?.find((i) => i.id === s.initiative) : undefined;
      const frees = s.frees ?? {};
      return {
        what: s.what,
        priority: priorityTitle(s.priority),
        initiative: initiativeTitle(s.initiative),
        decided: s.decided,
        effective: s.effective,
        frees:
          Object.keys(frees).length > 1
            ? `${freedText(frees, plan)} (${sumFte(Object.values(frees))} FTE)`
            : freedText(frees, plan),
        state: stopState(s.decided, s.effective, asOf, initiative),
      };
    }),
  };
}

function stopState(
  decided: string,
  effective: string,
  asOf: string,
  initiative: { status?: string; allocation?: Record<string, number> } | undefined,
): string {
  if (decided > asOf) return `decided after ${asOf}`;
  if (effective > asOf) return `takes effect on ${effective}`;
  if (!initiative) return "in effect (names no initiative to check)";
  const live = initiative.status === "active" || initiative.status === "paused";
  const holds = Object.values(initiative.allocation ?? {}).some((n) => n > 0);
  if (live) return `not carried out: the initiative is still ${initiative.status}`;
  if (holds) return "not carried out: the initiative still holds an allocation";
  return "in effect";
}
