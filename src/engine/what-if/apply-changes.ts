import type { PlanChange, StopChange } from "../../domain/plan-change.js";
import type { PlanIssue } from "../../domain/plan-issue.js";
import type { Initiative, Plan, Priority, Stop } from "../../domain/plan-schema.js";
import { closestName } from "../../domain/unknown-keys.js";
import { roundFte } from "../wording.js";

export type ApplyOutcome = { ok: true; plan: Plan } | { ok: false; problems: PlanIssue[] };

/**
 * Applies changes to a plan in memory, in order, without touching the original: entries that
 * change are copied, everything else is shared, so a what-if on a large plan costs little more
 * than the entries it names. Every change is checked first; any bad reference is reported
 * (path `changes[i].field`, with a "did you mean") and nothing is applied.
 *
 * - stop: the initiative's status becomes stopped and its allocation is removed; a stop dated
 *   `asOf` is recorded for each priority it makes room for (by default the live priorities it
 *   served; one stop without priority when it served none), unless a stop already names it.
 * - owner: the person becomes the priority's single owner.
 * - drop: the priority is retired.
 * - move: FTE of one team's allocation go from one initiative to another.
 */
export function applyChanges(plan: Plan, changes: readonly PlanChange[], asOf: string): ApplyOutcome {
  const draft = new Draft(plan);
  const problems = changes.flatMap((change, i) => draft.check(change, i));
  if (problems.length) return { ok: false, problems };
  for (const change of changes) draft.apply(change, asOf);
  return { ok: true, plan: draft.result() };
}

class Draft {
  private priorities: Priority[];
  private initiatives: Initiative[];
  private stops: Stop[];
  private readonly priorityAt = new Map<string, number>();
  private readonly initiativeAt = new Map<string, number>();
  private readonly people: Set<string>;
  private readonly teams: Set<string>;
  private readonly stopIds: Set<string>;
  private touched = { priorities: false, initiatives: false, stops: false };

  constructor(private readonly plan: Plan) {
    this.priorities = plan.priorities;
    this.initiatives = plan.initiatives ?? [];
    this.stops = plan.stops ?? [];
    this.priorities.forEach((p, i) => this.priorityAt.set(p.id, i));
    this.initiatives.forEach((x, i) => this.initiativeAt.set(x.id, i));
    this.people = new Set(plan.people.map((p) => p.id));
    this.teams = new Set(plan.teams.map((t) => t.id));
    this.stopIds = new Set(this.stops.map((s) => s.id));
  }

  check(change: PlanChange, i: number): PlanIssue[] {
    const problems: PlanIssue[] = [];
    const ref = (
      field: string,
      id: string,
      kind: string,
      known: ReadonlyMap<string, unknown> | Set<string>,
    ) => {
      if (known.has(id)) return;
      const guess = closestName(id, [...known.keys()]);
      problems.push({
        path: ["changes", i, field],
        message: `no ${kind} "${id}" in the plan${guess ? ` — did you mean "${guess}"?` : ""}`,
      });
    };
    switch (change.op) {
      case "stop":
        ref("initiative", change.initiative, "initiative", this.initiativeAt);
        change.priorities?.forEach((id, j) => {
          if (!this.priorityAt.has(id))
            problems.push({
              path: ["changes", i, "priorities", j],
              message: `no priority "${id}" in the plan`,
            });
        });
        break;
      case "owner":
        ref("priority", change.priority, "priority", this.priorityAt);
        if (!this.people.has(change.person) && this.teams.has(change.person))
          problems.push({
            path: ["changes", i, "person"],
            message: `"${change.person}" is a team, not a person: a priority's owner is one person`,
          });
        else ref("person", change.person, "person", this.people);
        break;
      case "drop":
        ref("priority", change.priority, "priority", this.priorityAt);
        break;
      case "move": {
        ref("from", change.from, "initiative", this.initiativeAt);
        ref("to", change.to, "initiative", this.initiativeAt);
        ref("team", change.team, "team", this.teams);
        if (change.from === change.to)
          problems.push({ path: ["changes", i, "to"], message: "must name another initiative than from" });
        const from = this.initiativeAt.get(change.from);
        const held = from === undefined ? undefined : this.initiatives[from].allocation?.[change.team];
        if (from !== undefined && this.teams.has(change.team) && roundFte(held ?? 0) < roundFte(change.fte))
          problems.push({
            path: ["changes", i, "fte"],
            message: `"${change.from}" holds ${roundFte(held ?? 0)} FTE of ${change.team}, less than the ${change.fte} to move`,
          });
        break;
      }
    }
    return problems;
  }

  apply(change: PlanChange, asOf: string): void {
    switch (change.op) {
      case "stop":
        this.stop(change, asOf);
        return;
      case "owner":
        this.setPriority(change.priority, (p) => ({ ...p, owner: change.person }));
        return;
      case "drop":
        this.setPriority(change.priority, (p) => ({ ...p, status: "retired" }));
        return;
      case "move": {
        this.setInitiative(change.from, (x) => {
          const allocation = { ...x.allocation };
          const left = roundFte((allocation[change.team] ?? 0) - change.fte);
          if (left > 0) allocation[change.team] = left;
          else delete allocation[change.team];
          return { ...x, allocation };
        });
        this.setInitiative(change.to, (x) => ({
          ...x,
          allocation: {
            ...x.allocation,
            [change.team]: roundFte((x.allocation?.[change.team] ?? 0) + change.fte),
          },
        }));
        return;
      }
    }
  }

  result(): Plan {
    const out: Plan = { ...this.plan };
    if (this.touched.priorities) out.priorities = this.priorities;
    if (this.touched.initiatives) out.initiatives = this.initiatives;
    if (this.touched.stops) out.stops = this.stops;
    return out;
  }

  private stop(change: StopChange, asOf: string): void {
    const at = this.initiativeAt.get(change.initiative);
    if (at === undefined) return;
    const initiative = this.initiatives[at];
    const frees = Object.fromEntries(Object.entries(initiative.allocation ?? {}).filter(([, f]) => f > 0));
    this.setInitiative(initiative.id, (x) => {
      const { allocation: _freed, ...rest } = x;
      return { ...rest, status: "stopped" };
    });
    const named = this.stops.filter((s) => s.initiative === initiative.id);
    const served =
      change.priorities ??
      (initiative.priorities ?? []).filter((id) => {
        const p = this.priorityAt.get(id);
        return p !== undefined && this.priorities[p].status === "committed";
      });
    const open = [...new Set(served)].filter((id) => !named.some((s) => s.priority === id));
    // A stop that already names the initiative is now carried out; record one only for what it
    // does not yet cover.
    const forPriorities: (string | undefined)[] = open.length ? open : named.length ? [] : [undefined];
    forPriorities.forEach((priority, i) => {
      const stop: Stop = {
        id: this.freshStopId(initiative.id),
        what: initiative.title,
        initiative: initiative.id,
        decided: asOf,
        effective: asOf,
      };
      if (priority) stop.priority = priority;
      // The freed FTE are written once, on the first stop, so the stop list does not count them twice.
      if (i === 0 && Object.keys(frees).length) stop.frees = frees;
      this.touch("stops");
      this.stops.push(stop);
    });
  }

  private freshStopId(initiativeId: string): string {
    const base = `stop-${initiativeId}`.slice(0, 58).replace(/-+$/, "");
    let id = base;
    for (let n = 2; this.stopIds.has(id); n++) id = `${base}-${n}`;
    this.stopIds.add(id);
    return id;
  }

  private setPriority(id: string, change: (p: Priority) => Priority): void {
    const at = this.priorityAt.get(id);
    if (at === undefined) return;
    this.touch("priorities");
    this.priorities[at] = change(this.priorities[at]);
  }

  private setInitiative(id: string, change: (x: Initiative) => Initiative): void {
    const at = this.initiativeAt.get(id);
    if (at === undefined) return;
    this.touch("initiatives");
    this.initiatives[at] = change(this.initiatives[at]);
  }

  /** Copies a section's list the first time it changes: the original plan is never mutated. */
  private touch(section: "priorities" | "initiatives" | "stops"): void {
    if (this.touched[section]) return;
    this.touched[section] = true;
    if (section === "priorities") this.priorities = [...this.priorities];
    else if (section === "initiatives") this.initiatives = [...this.initiatives];
    else this.stops = [...this.stops];
  }
}
