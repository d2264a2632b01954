import type { PlanChange } from "../../domain/plan-change.js";
import type { Priority } from "../../domain/plan-schema.js";
import type { AnalysisContext } from "../context.js";
import type { ResolvedRule } from "../rule-config.js";
import type { Finding } from "../types.js";

/**
 * Each finding's suggestion as changes `what-if` can simulate, derived from the rule id and
 * the finding's evidence (not from its text). Rules whose fix needs words a person must write
 * (a metric, a segment, a review) have none. Kept apart from the rules, so the rules stay
 * about what is wrong and this module about the operations that would close it.
 */

export interface ActionLimits {
  /** Live priorities one person may own (owner-overloaded's `max`): nobody is handed more. */
  maxOwned: number;
}

export function actionLimits(rules: readonly ResolvedRule[]): ActionLimits {
  const overloaded = rules.find((r) => r.rule.id === "owner-overloaded");
  const max = (overloaded?.thresholds as { max?: number } | undefined)?.max;
  return { maxOwned: typeof max === "number" ? max : 2 };
}

type Derive = (f: Finding, ctx: AnalysisContext, limits: ActionLimits) => PlanChange[];

const stopSubject: Derive = (f) => [{ op: "stop", initiative: f.subject.id }];

const DERIVE: Record<string, Derive> = {
  "priority-no-owner": (f, ctx, limits) => {
    const priority = ctx.priorities.get(f.subject.id);
    const person = priority ? ownerCandidate(ctx, priority, limits) : undefined;
    return person ? [{ op: "owner", priority: f.subject.id, person }] : [];
  },
  // The rule's suggested owner first, then the others it lists — never one already at the limit.
  "priority-shared-owner": (f, ctx, limits) => {
    const pool = [f.evidence.suggestedOwner, ...(Array.isArray(f.evidence.owner) ? f.evidence.owner : [])];
    const person = pool.find(
      (id): id is string =>
        typeof id === "string" &&
        ctx.people.has(id) &&
        ctx.livePrioritiesOwnedBy(id).length < limits.maxOwned,
    );
    return person ? [{ op: "owner", priority: f.subject.id, person }] : [];
  },
  "owner-overloaded": (f) =>
    records(f.evidence.handOver).flatMap((h) =>
      typeof h.priority === "string" && typeof h.to === "string"
        ? [{ op: "owner" as const, priority: h.priority, person: h.to }]
        : [],
    ),
  "too-many-priorities": (f) =>
    strings(f.evidence.leastProgress).map((priority) => ({ op: "drop", priority })),
  "team-over-capacity": (f) => strings(f.evidence.toStop).map((initiative) => ({ op: "stop", initiative })),
  "orphan-initiative": stopSubject,
  "review-not-acted-on": stopSubject,
  "stop-not-enforced": (f) =>
    typeof f.evidence.initiative === "string" ? [{ op: "stop", initiative: f.evidence.initiative }] : [],
  "priority-no-stops": (f, ctx) => {
    const candidate = f.evidence.candidate;
    if (typeof candidate !== "string" || !ctx.initiatives.has(candidate)) return [];
    return [{ op: "stop", initiative: candidate, priorities: [f.subject.id] }];
  },
  // Folding a sliver into the team's largest other initiative keeps the FTE and ends the split.
  "work-spread-thin": (f, ctx) => {
    const drop = new Set(strings(f.evidence.consolidate));
    const keep = ctx
      .liveAllocationsOf(f.subject.id)
      .filter((a) => !drop.has(a.initiative.id))
      .sort((a, b) => b.fte - a.fte || (a.initiative.id < b.initiative.id ? -1 : 1))[0];
    return ctx
      .liveAllocationsOf(f.subject.id)
      .filter((a) => drop.has(a.initiative.id))
      .map((a) =>
        keep
          ? { op: "move", from: a.initiative.id, to: keep.initiative.id, team: f.subject.id, fte: a.fte }
          : { op: "stop", initiative: a.initiative.id },
      );
  },
};

export function findingActions(f: Finding, ctx: AnalysisContext, limits: ActionLimits): PlanChange[] {
  return DERIVE[f.rule]?.(f, ctx, limits) ?? [];
}

/** The rules whose findings can carry actions. */
export const RULES_WITH_ACTIONS: readonly string[] = Object.keys(DERIVE);

/**
 * The person to name for an ownerless priority: the sole owner of a live initiative serving
 * it, else a member of its team — never someone already at the limit, the fewest owned first.
 */
function ownerCandidate(ctx: AnalysisContext, priority: Priority, limits: ActionLimits): string | undefined {
  const builders = (ctx.initiativesByPriority.get(priority.id) ?? [])
    .filter((i) => ctx.isLiveInitiative(i))
    .flatMap((i) => ctx.soleOwnerOf(i) ?? []);
  const members = priority.team
    ? ctx.plan.people.filter((p) => p.team === priority.team).map((p) => p.id)
    : [];
  for (const pool of [builders, members]) {
    let best: string | undefined;
    let fewest = limits.maxOwned;
    for (const id of pool) {
      const owned = ctx.livePrioritiesOwnedBy(id).length;
      if (owned < fewest) {
        best = id;
        fewest = owned;
      }
    }
    if (best) return best;
  }
  return undefined;
}

function strings(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((x): x is string => typeof x === "string") : [];
}

function records(value: unknown): Record<string, unknown>[] {
  return Array.isArray(value)
    ? value.filter((x): x is Record<string, unknown> => typeof x === "object" && x !== null)
    : [];
}
