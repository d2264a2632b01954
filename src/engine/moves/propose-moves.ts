import { changeKey, type PlanChange } from "../../domain/plan-change.js";
import type { Plan } from "../../domain/plan-schema.js";
import { todayUtc } from "../../domain/primitives.js";
import { analyse } from "../analyse.js";
import { SEVERITY_WEIGHT } from "../gap-index.js";
import type { AnalysisOptions, AnalysisResult, Finding, IndexReport } from "../types.js";
import { findingKey, whatIf } from "../what-if/what-if.js";

/** One move: changes taken together, what they free, the findings they close, the index after. */
export interface Move {
  actions: PlanChange[];
  freed: Record<string, number>;
  closes: Finding[];
  /** Findings the move opens (a smaller one can replace a larger one); additive to the contract. */
  opens: Finding[];
  indexAfter: number;
}

export interface MovesResult {
  before: IndexReport;
  after: IndexReport;
  moves: Move[];
}

export interface MovesOptions extends AnalysisOptions {
  /** At most this many moves (default 5): the few decisions an offsite can take. */
  limit?: number;
  /** The analysis of `plan` on the same day, when the caller already has it. */
  previous?: AnalysisResult;
}

/** Half the index's shown precision (one decimal). */
const MIN_GAIN = 0.05;

interface Candidate {
  key: string;
  actions: PlanChange[];
  /** Index points the candidate is expected to close: a cheap estimate, used only to rank. */
  estimate: number;
}

/**
 * The coherent set of moves (docs/decisions.md, "How moves are chosen"): greedily, the
 * candidate expected to close the most index is simulated on the plan as the earlier moves
 * left it, and kept only if the index really falls and it contradicts no earlier move — it
 * reopens nothing an earlier move closed, hands no priority to someone who would then own more
 * than the limit, and leaves no team newly over capacity. Candidates are the findings'
 * actions, re-derived after each kept move (applying one re-plans the rest), with one stop per
 * initiative carrying every priority it makes room for. Pure.
 */
export function proposeMoves(plan: Plan, options: MovesOptions = {}): MovesResult {
  const asOf = options.asOf ?? plan.asOf ?? options.today ?? todayUtc();
  const limit = options.limit ?? 5;
  const first = options.previous ?? analyse(plan, { asOf });
  let current = { plan, analysis: first };
  const moves: Move[] = [];
  const closedSoFar = new Set<string>();
  const rejected = new Set<string>();
  // Each simulation is a (partial) analysis: bounded, so moves stay a small multiple of one.
  let budget = limit + 2;
  // Derived once per state of the plan: a rejected candidate leaves the plan as it was.
  let ranked = candidates(current.plan, current.analysis);
  while (moves.length < limit && budget > 0) {
    const next = ranked.find((c) => !rejected.has(c.key));
    // A candidate that cannot move the index by a shown tenth is not worth simulating.
    if (!next || next.estimate < MIN_GAIN) break;
    budget--;
    const sim = whatIf(current.plan, next.actions, { asOf, previous: current.analysis });
    const accepted =
      sim.ok &&
      sim.after.overall < current.analysis.index.overall &&
      !sim.opened.some(
        (f) =>
          closedSoFar.has(findingKey(f)) || f.rule === "owner-overloaded" || f.rule === "team-over-capacity",
      );
    if (!sim.ok || !accepted) {
      rejected.add(next.key);
      continue;
    }
    for (const f of sim.closed) closedSoFar.add(findingKey(f));
    moves.push({
      actions: next.actions,
      freed: sim.freed,
      closes: sim.closed,
      opens: sim.opened,
      indexAfter: sim.after.overall,
    });
    current = { plan: sim.plan, analysis: sim.analysis };
    if (moves.length < limit) ranked = candidates(current.plan, current.analysis);
  }
  return { before: first.index, after: current.analysis.index, moves };
}

/** Candidate moves from the findings' actions, ranked by the index they are expected to close. */
function candidates(plan: Plan, analysis: AnalysisResult): Candidate[] {
  const live = new Set(plan.priorities.filter((p) => p.status === "committed").map((p) => p.id));
  const initiatives = new Map((plan.initiatives ?? []).map((i) => [i.id, i]));
  // One stop per initiative, for every priority any finding wants it to make room for.
  const stopFor = new Map<string, Set<string>>();
  for (const f of analysis.findings)
    for (const a of f.actions ?? [])
      if (a.op === "stop") {
        const set =
          stopFor.get(a.initiative) ??
          new Set(initiatives.get(a.initiative)?.priorities?.filter((id) => live.has(id)));
        for (const id of a.priorities ?? []) set.add(id);
        stopFor.set(a.initiative, set);
      }
  const owned = ownedCounts(plan, live);
  const maxOwned = maxOwnedOf(analysis);
  const byKey = new Map<string, PlanChange[]>();
  for (const f of analysis.findings) {
    const actions = (f.actions ?? []).map((a): PlanChange => {
      if (a.op !== "stop") return a;
      const priorities = [...(stopFor.get(a.initiative) ?? [])];
      return priorities.length
        ? { op: "stop", initiative: a.initiative, priorities }
        : { op: "stop", initiative: a.initiative };
    });
    if (actions.length === 0 || !handsNoOneTooMuch(actions, owned, maxOwned)) continue;
    byKey.set(actions.map(changeKey).sort().join("|"), actions);
  }
  const estimator = new GainEstimator(plan, analysis);
  return [...byKey]
    .map(([key, actions]) => ({ key, actions, estimate: estimator.estimate(actions) }))
    .sort(
      (a, b) => b.estimate - a.estimate || a.actions.length - b.actions.length || (a.key < b.key ? -1 : 1),
    );
}

/** Nobody is handed a priority that would take them past the limit of owned live priorities. */
function handsNoOneTooMuch(actions: PlanChange[], owned: Map<string, number>, max: number): boolean {
  const extra = new Map<string, number>();
  for (const a of actions) if (a.op === "owner") extra.set(a.person, (extra.get(a.person) ?? 0) + 1);
  return [...extra].every(([person, n]) => (owned.get(person) ?? 0) + n <= max);
}

function ownedCounts(plan: Plan, live: Set<string>): Map<string, number> {
  const owned = new Map<string, number>();
  for (const p of plan.priorities) {
    if (!live.has(p.id)) continue;
    const ids = typeof p.owner === "string" ? [p.owner] : [...new Set(p.owner ?? [])];
    if (ids.length === 1) owned.set(ids[0], (owned.get(ids[0]) ?? 0) + 1);
  }
  return owned;
}

function maxOwnedOf(analysis: AnalysisResult): number {
  const f = analysis.findings.find((x) => x.rule === "owner-overloaded");
  return typeof f?.evidence.max === "number" ? f.evidence.max : 2;
}

/**
 * Which findings a candidate should close, read from the findings themselves: those whose
 * actions it contains, those about an initiative it stops (or a stop naming it), a priority
 * it records a stop for, and a team whose overload the FTE it frees cover. Scored with the
 * index's own weights, so ranking costs no analysis.
 */
class GainEstimator {
  private readonly remaining = new Map<string, number>();
  private readonly dimensions: number;
  /** Per action key, the findings proposing it with every key they need to be closed. */
  private readonly byActionKey = new Map<string, { finding: Finding; needs: string[] }[]>();
  private readonly bySubject = new Map<string, Finding[]>();

  private readonly initiatives: Map<string, NonNullable<Plan["initiatives"]>[number]>;

  constructor(plan: Plan, analysis: AnalysisResult) {
    this.initiatives = new Map((plan.initiatives ?? []).map((i) => [i.id, i]));
    for (const f of analysis.findings) {
      this.remaining.set(
        f.dimension,
        (this.remaining.get(f.dimension) ?? 1) * (1 - SEVERITY_WEIGHT[f.severity]),
      );
      const needs = (f.actions ?? []).map(changeKey);
      for (const key of needs) {
        const list = this.byActionKey.get(key);
        if (list) list.push({ finding: f, needs });
        else this.byActionKey.set(key, [{ finding: f, needs }]);
      }
      this.file(`${f.subject.type}:${f.subject.id}`, f);
      if (f.rule === "stop-not-enforced" && typeof f.evidence.initiative === "string")
        this.file(`initiative:${f.evidence.initiative}`, f);
    }
    this.dimensions = Math.max(1, Object.keys(analysis.index.dimensions).length);
  }

  private file(key: string, f: Finding): void {
    const list = this.bySubject.get(key);
    if (list) list.push(f);
    else this.bySubject.set(key, [f]);
  }

  estimate(actions: PlanChange[]): number {
    const closes = new Set<Finding>();
    const keys = new Set(actions.map(changeKey));
    for (const key of keys)
      for (const { finding, needs } of this.byActionKey.get(key) ?? [])
        if (needs.every((k) => keys.has(k))) closes.add(finding);
    const freed = new Map<string, number>();
    for (const a of actions) {
      if (a.op === "stop") {
        for (const f of this.bySubject.get(`initiative:${a.initiative}`) ?? []) closes.add(f);
        for (const id of a.priorities ?? [])
          for (const f of this.bySubject.get(`priority:${id}`) ?? [])
            if (f.rule === "priority-no-stops") closes.add(f);
        const i = this.initiatives.get(a.initiative);
        if (i && (i.status === "active" || i.status === "paused"))
          for (const [team, fte] of Object.entries(i.allocation ?? {}))
            freed.set(team, (freed.get(team) ?? 0) + fte);
      }
      if (a.op === "drop") for (const f of this.bySubject.get(`priority:${a.priority}`) ?? []) closes.add(f);
    }
    for (const [team, fte] of freed)
      for (const f of this.bySubject.get(`team:${team}`) ?? [])
        if (
          f.rule === "team-over-capacity" &&
          typeof f.evidence.overload === "number" &&
          fte >= f.evidence.overload
        )
          closes.add(f);
    const lifted = new Map<string, number>();
    for (const f of closes)
      lifted.set(f.dimension, (lifted.get(f.dimension) ?? 1) * (1 - SEVERITY_WEIGHT[f.severity]));
    let gain = 0;
    for (const [dimension, factor] of lifted) {
      const before = this.remaining.get(dimension) ?? 1;
      gain += (100 * (before / factor - before)) / this.dimensions;
    }
    return gain;
  }
}
