import type { PlanPath } from "../domain/plan-issue.js";
import type {
  Decision,
  Initiative,
  Insight,
  Metric,
  Person,
  Plan,
  Priority,
  Stop,
  Team,
} from "../domain/plan-schema.js";
import type { Subject, SubjectType } from "./types.js";

/**
 * The two questions every "which day" decision of the engine asks, answered here only:
 * a record dated `day` is part of the plan as it stood on `asOf` when it is dated on or
 * before it (a check-in, decision or stop dated on `asOf` counts), and a date has passed by
 * `asOf` only when it is strictly before it (a milestone due on `asOf` is not late yet).
 */
export function isKnownOn(day: string, asOf: string): boolean {
  return day <= asOf;
}
export function hasPassedOn(day: string, asOf: string): boolean {
  return day < asOf;
}

/** How a priority's owner reads under the ownership rules. */
export type OwnerReading =
  | { kind: "none" }
  | { kind: "person"; id: string }
  | { kind: "people"; ids: string[] }
  | { kind: "team"; id: string };

/**
 * Everything a rule needs, computed once per analysis: the plan as it stood on `asOf`
 * (later dated records dropped, later metric definition changes undone) and lookups.
 * Rules read only from here, so they stay small and the engine stays linear in plan size.
 */
export class AnalysisContext {
  readonly asOf: string;
  /** The plan as it stood on `asOf`. */
  readonly plan: Plan;
  readonly people = new Map<string, Person>();
  readonly teams = new Map<string, Team>();
  readonly priorities = new Map<string, Priority>();
  readonly metrics = new Map<string, Metric>();
  readonly initiatives = new Map<string, Initiative>();
  readonly insights = new Map<string, Insight>();
  /** Live priorities (status committed), in plan order. */
  readonly livePriorities: Priority[];
  /** Metrics linked to each priority. */
  readonly metricsByPriority = new Map<string, Metric[]>();
  /** Initiatives listing each priority, whatever their status. */
  readonly initiativesByPriority = new Map<string, Initiative[]>();
  /** Stops linked to each priority (their `priority` field). */
  readonly stopsByPriority = new Map<string, Stop[]>();
  /** Stops naming each initiative. */
  readonly stopsByInitiative = new Map<string, Stop[]>();
  /** Decisions citing each insight (only decisions on or before asOf). */
  readonly decisionsByInsight = new Map<string, Decision[]>();
  private readonly paths: Map<string, PlanPath> = new Map();
  private readonly originalMetrics: Plan["metrics"];
  // Lookups built on first use: rules run once per analysis, so each is computed at most once.
  private cachedLiveInitiatives?: Initiative[];
  private cachedAllocations?: Map<string, { initiative: Initiative; fte: number }[]>;
  private cachedOwned?: Map<string, Priority[]>;
  private readonly liveIds: Set<string>;
  /** Priorities naming each priority as `parent`, in plan order. */
  private readonly childrenOf = new Map<string, Priority[]>();
  private readonly cachedBeneath = new Map<string, string[]>();
  /** Live top-level priorities (status committed, no `parent` in the plan), in plan order. */
  readonly liveTopLevel: Priority[];
  /** Whether any priority sits beneath another: the plan writes a cascade of objectives. */
  readonly hasTree: boolean;

  /** Whether a record dated `day` is part of the plan as of `asOf` (isKnownOn). */
  known(day: string): boolean {
    return isKnownOn(day, this.asOf);
  }

  /** Whether `day` has passed by `asOf` (hasPassedOn). */
  passed(day: string): boolean {
    return hasPassedOn(day, this.asOf);
  }

  /**
   * `previous`: the context of the plan this one was changed from (a what-if), on the same day.
   * What-if changes only replace entries and append stops, so where entries are written and
   * the as-of metrics (when the metrics list is the same) carry over instead of being rebuilt.
   */
  constructor(original: Plan, asOf: string, previous?: AnalysisContext) {
    this.asOf = asOf;
    const reuse = previous && previous.asOf === asOf ? previous : undefined;
    if (reuse) this.paths = reuse.paths;
    else this.indexPaths(original);
    this.plan =
      reuse && reuse.originalMetrics === original.metrics
        ? { ...planAsOf({ ...original, metrics: undefined }, asOf), metrics: reuse.plan.metrics }
        : planAsOf(original, asOf);
    this.originalMetrics = original.metrics;
    const p = this.plan;
    for (const x of p.people) this.people.set(x.id, x);
    for (const x of p.teams) this.teams.set(x.id, x);
    for (const x of p.priorities) this.priorities.set(x.id, x);
    for (const x of p.metrics ?? []) this.metrics.set(x.id, x);
    for (const x of p.initiatives ?? []) this.initiatives.set(x.id, x);
    for (const x of p.insights ?? []) this.insights.set(x.id, x);
    this.livePriorities = p.priorities.filter((x) => x.status === "committed");
    this.liveIds = new Set(this.livePriorities.map((x) => x.id));
    for (const x of p.priorities)
      if (x.parent !== undefined && x.parent !== x.id && this.priorities.has(x.parent))
        push(this.childrenOf, x.parent, x);
    this.hasTree = this.childrenOf.size > 0;
    this.liveTopLevel = this.livePriorities.filter((x) => this.isTopLevel(x));
    for (const m of p.metrics ?? [])
      for (const id of unique(m.priorities)) push(this.metricsByPriority, id, m);
    for (const i of p.initiatives ?? [])
      for (const id of unique(i.priorities)) push(this.initiativesByPriority, id, i);
    for (const s of p.stops ?? []) {
      if (s.priority) push(this.stopsByPriority, s.priority, s);
      if (s.initiative) push(this.stopsByInitiative, s.initiative, s);
    }
    for (const d of p.decisions ?? [])
      for (const id of unique(d.evidence)) push(this.decisionsByInsight, id, d);
  }

  /**
   * A priority without `parent` (or whose parent is not in the plan, as a workspace may
   * hold after a deletion): with no `parent` fields every priority is top level.
   */
  isTopLevel(priority: Priority): boolean {
    return priority.parent === undefined || !this.priorities.has(priority.parent);
  }

  /** Ids of the priorities beneath one, at any depth and whatever their status (a loop ends the walk). */
  beneath(id: string): string[] {
    const cached = this.cachedBeneath.get(id);
    if (cached) return cached;
    const seen = new Set<string>([id]);
    const out: string[] = [];
    const queue = [id];
    for (let next = queue.shift(); next !== undefined; next = queue.shift())
      for (const child of this.childrenOf.get(next) ?? [])
        if (!seen.has(child.id)) {
          seen.add(child.id);
          out.push(child.id);
          queue.push(child.id);
        }
    this.cachedBeneath.set(id, out);
    return out;
  }

  /** A priority and every priority beneath it. */
  withBeneath(id: string): string[] {
    return [id, ...this.beneath(id)];
  }

  isLivePriority(id: string): boolean {
    return this.liveIds.has(id);
  }

  isLiveInitiative(initiative: Initiative): boolean {
    return initiative.status === "active" || initiative.status === "paused";
  }

  /** Live initiatives, in plan order. */
  get liveInitiatives(): Initiative[] {
    this.cachedLiveInitiatives ??= (this.plan.initiatives ?? []).filter((i) => this.isLiveInitiative(i));
    return this.cachedLiveInitiatives;
  }

  /** Per team, the live initiatives holding an allocation of it (more than 0 FTE), in plan order. */
  liveAllocationsOf(teamId: string): { initiative: Initiative; fte: number }[] {
    if (!this.cachedAllocations) {
      const byTeam = new Map<string, { initiative: Initiative; fte: number }[]>();
      for (const initiative of this.liveInitiatives)
        for (const [team, fte] of this.heldAllocation(initiative)) push(byTeam, team, { initiative, fte });
      this.cachedAllocations = byTeam;
    }
    return this.cachedAllocations.get(teamId) ?? [];
  }

  /** The live priorities an initiative or metric serves. */
  liveLinks(ids: readonly string[] | undefined): string[] {
    return unique(ids).filter((id) => this.liveIds.has(id));
  }

  /** A live initiative serving no live priority. */
  isOrphan(initiative: Initiative): boolean {
    return this.isLiveInitiative(initiative) && this.liveLinks(initiative.priorities).length === 0;
  }

  /** The allocation entries an initiative holds (a 0 FTE entry is not held), as [team, fte]. */
  heldAllocation(initiative: Initiative): [string, number][] {
    return Object.entries(initiative.allocation ?? {}).filter(([, fte]) => fte > 0);
  }

  /** Live priorities a person owns alone (a shared list or a team is not an owner). */
  livePrioritiesOwnedBy(personId: string): Priority[] {
    if (!this.cachedOwned) {
      const owned = new Map<string, Priority[]>();
      for (const p of this.livePriorities) {
        const o = this.ownerOf(p);
        if (o.kind === "person") push(owned, o.id, p);
      }
      this.cachedOwned = owned;
    }
    return this.cachedOwned.get(personId) ?? [];
  }

  /** `[ana]` is ana; `[ana, ana]` is one person; `[]` is no owner; a team id is a committee. */
  ownerOf(priority: Priority): OwnerReading {
    const owner = priority.owner;
    if (owner === undefined) return { kind: "none" };
    if (typeof owner === "string") {
      if (this.people.has(owner)) return { kind: "person", id: owner };
      if (this.teams.has(owner)) return { kind: "team", id: owner };
      return { kind: "none" };
    }
    const ids = unique(owner);
    if (ids.length === 0) return { kind: "none" };
    if (ids.length === 1) return { kind: "person", id: ids[0] };
    return { kind: "people", ids };
  }

  /** An initiative's owner: one person id or a list (no team), read as for priorities. */
  initiativeOwnerOf(initiative: Initiative): OwnerReading {
    const owner = initiative.owner;
    if (owner === undefined) return { kind: "none" };
    const ids = unique(typeof owner === "string" ? [owner] : owner).filter((id) => this.people.has(id));
    if (ids.length === 0) return { kind: "none" };
    if (ids.length === 1) return { kind: "person", id: ids[0] };
    return { kind: "people", ids };
  }

  /** The one person who owns an initiative, if exactly one does. */
  soleOwnerOf(initiative: Initiative): string | undefined {
    const o = this.initiativeOwnerOf(initiative);
    return o.kind === "person" ? o.id : undefined;
  }

  personName(id: string): string {
    return this.people.get(id)?.name ?? id;
  }

  teamName(id: string): string {
    return this.teams.get(id)?.name ?? id;
  }

  /** Where an entity is written in the plan file (its index in the original, unfiltered plan). */
  pathOf(subject: Subject): PlanPath | undefined {
    return this.paths.get(key(subject.type, subject.id));
  }

  private indexPaths(plan: Plan): void {
    const add = (type: SubjectType, section: string, items: readonly { id: string }[] | undefined) => {
      items?.forEach((item, i) => {
        const k = key(type, item.id);
        if (!this.paths.has(k)) this.paths.set(k, [section, i]);
      });
    };
    add("person", "people", plan.people);
    add("team", "teams", plan.teams);
    add("priority", "priorities", plan.priorities);
    add("metric", "metrics", plan.metrics);
    add("initiative", "initiatives", plan.initiatives);
    add("stop", "stops", plan.stops);
    add("promise", "promises", plan.promises);
    add("insight", "insights", plan.insights);
    add("decision", "decisions", plan.decisions);
    add("review", "reviews", plan.reviews);
    plan.priorities.forEach((p, pi) => {
      p.resistance?.forEach((r, ri) => {
        const k = key("resistance", r.id);
        if (!this.paths.has(k)) this.paths.set(k, ["priorities", pi, "resistance", ri]);
      });
    });
  }
}

function key(type: string, id: string): string {
  return `${type}\u0000${id}`;
}

function push<K, V>(map: Map<K, V[]>, k: K, v: V): void {
  const list = map.get(k);
  if (list) list.push(v);
  else map.set(k, [v]);
}

/** Distinct values, first-seen order. */
export function unique<T>(values: readonly T[] | undefined): T[] {
  return values ? [...new Set(values)] : [];
}

/** Metric fields a history entry can undo, with the type its value must have. */
const UNDOABLE: Record<string, (v: unknown) => boolean> = {
  kind: (v) => v === "outcome" || v === "business" || v === "output" || v === "efficiency",
  direction: (v) => v === "up" || v === "down",
  target: (v) => typeof v === "number",
  baseline: (v) => typeof v === "number",
  due: (v) => typeof v === "string",
  name: (v) => typeof v === "string",
  unit: (v) => typeof v === "string",
  priorities: (v) => Array.isArray(v),
};

/**
 * The plan as it stood on `asOf`: records dated after it are ignored, and a metric
 * definition change dated after it is undone (the field takes the `from` of the earliest).
 */
export function planAsOf(plan: Plan, asOf: string): Plan {
  const known = (day: string) => isKnownOn(day, asOf);
  const onOrBefore = <T extends { date: string }>(items: T[] | undefined) =>
    items?.some((x) => !known(x.date)) ? items.filter((x) => known(x.date)) : items;
  const metrics = plan.metrics?.map((m) => {
    const later = m.history?.filter((h) => !known(h.date));
    const laterCheckins = m.checkins?.some((c) => !known(c.date));
    if (!later?.length && !laterCheckins) return m;
    const out: Metric = { ...m, checkins: onOrBefore(m.checkins), history: onOrBefore(m.history) };
    if (later?.length) {
      const earliest = new Map<string, (typeof later)[number]>();
      for (const h of [...later].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0)))
        if (!earliest.has(h.field)) earliest.set(h.field, h);
      for (const [field, h] of earliest) {
        const accepts = UNDOABLE[field];
        if (!accepts) continue;
        if (h.from === undefined && field !== "kind" && field !== "direction")
          delete (out as Record<string, unknown>)[field];
        else if (accepts(h.from)) (out as Record<string, unknown>)[field] = h.from;
      }
    }
    return out;
  });
  return {
    ...plan,
    metrics,
    stops: plan.stops?.filter((s) => known(s.decided)),
    insights: onOrBefore(plan.insights),
    decisions: onOrBefore(plan.decisions),
    reviews: onOrBefore(plan.reviews),
  };
}

/** Missing text: absent, null or blank (shared spec rules.md, "Precise readings"). */
export function isBlank(text: string | null | undefined): boolean {
  return text == null || text.trim() === "";
}
