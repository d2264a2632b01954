import type { PlanIssue, PlanPath } from "./plan-issue.js";
import type { Plan } from "./plan-schema.js";

/**
 * Checks what a schema cannot: ids unique within their section (resistance ids across the
 * whole plan), every reference resolving, and date ranges that run forwards. Runs on a plan
 * that passed the schema; returns every problem at once.
 */
export function checkReferences(plan: Plan): PlanIssue[] {
  const issues: PlanIssue[] = [];

  const index = (section: string, items: readonly { id: string }[] | undefined) => {
    const seen = new Map<string, number>();
    (items ?? []).forEach((item, i) => {
      const first = seen.get(item.id);
      if (first === undefined) seen.set(item.id, i);
      else
        issues.push({
          path: [section, i, "id"],
          message: `id "${item.id}" is used twice`,
          related: [section, first, "id"],
        });
    });
    return seen;
  };

  const people = index("people", plan.people);
  const teams = index("teams", plan.teams);
  const priorities = index("priorities", plan.priorities);
  const metrics = index("metrics", plan.metrics);
  const initiatives = index("initiatives", plan.initiatives);
  index("stops", plan.stops);
  index("promises", plan.promises);
  const insights = index("insights", plan.insights);
  index("decisions", plan.decisions);
  index("reviews", plan.reviews);

  const resistanceSeen = new Map<string, PlanPath>();
  plan.priorities.forEach((p, pi) => {
    (p.resistance ?? []).forEach((r, ri) => {
      const path = ["priorities", pi, "resistance", ri, "id"];
      const first = resistanceSeen.get(r.id);
      if (first) issues.push({ path, message: `resistance id "${r.id}" is used twice`, related: first });
      else resistanceSeen.set(r.id, path);
    });
  });

  const ref = (known: Map<string, number>, what: string, id: string | undefined, path: PlanPath) => {
    if (id !== undefined && !known.has(id))
      issues.push({ path, message: `names ${what} "${id}", which is not in the plan` });
  };
  const refs = (
    known: Map<string, number>,
    what: string,
    ids: readonly string[] | undefined,
    path: PlanPath,
  ) => {
    (ids ?? []).forEach((id, i) => ref(known, what, id, [...path, i]));
  };
  const keyRefs = (
    known: Map<string, number>,
    what: string,
    map: Record<string, number> | undefined,
    path: PlanPath,
  ) => {
    for (const id of Object.keys(map ?? {})) ref(known, what, id, [...path, id]);
  };

  if (plan.cycle.end < plan.cycle.start)
    issues.push({
      path: ["cycle", "end"],
      message: `ends (${plan.cycle.end}) before it starts (${plan.cycle.start})`,
    });

  plan.people.forEach((p, i) => ref(teams, "team", p.team, ["people", i, "team"]));
  plan.teams.forEach((t, i) =>
    (t.scorecard ?? []).forEach((s, si) =>
      ref(metrics, "metric", s.metric, ["teams", i, "scorecard", si, "metric"]),
    ),
  );
  plan.priorities.forEach((p, i) => {
    const path = ["priorities", i, "owner"];
    if (typeof p.owner === "string") {
      if (!people.has(p.owner) && !teams.has(p.owner))
        issues.push({
          path,
          message: `names "${p.owner}", which is neither a person nor a team in the plan`,
        });
    } else refs(people, "person", p.owner, path);
    (p.resistance ?? []).forEach((r, ri) =>
      ref(people, "person", r.change?.owner, ["priorities", i, "resistance", ri, "change", "owner"]),
    );
  });
  plan.metrics?.forEach((m, i) => refs(priorities, "priority", m.priorities, ["metrics", i, "priorities"]));
  plan.initiatives?.forEach((it, i) => {
    ref(people, "person", it.owner, ["initiatives", i, "owner"]);
    refs(priorities, "priority", it.priorities, ["initiatives", i, "priorities"]);
    keyRefs(teams, "team", it.allocation, ["initiatives", i, "allocation"]);
    if (it.start && it.end && it.end < it.start)
      issues.push({
        path: ["initiatives", i, "end"],
        message: `ends (${it.end}) before it starts (${it.start})`,
      });
  });
  plan.stops?.forEach((s, i) => {
    ref(priorities, "priority", s.priority, ["stops", i, "priority"]);
    ref(initiatives, "initiative", s.initiative, ["stops", i, "initiative"]);
    keyRefs(teams, "team", s.frees, ["stops", i, "frees"]);
    if (s.effective < s.decided)
      issues.push({
        path: ["stops", i, "effective"],
        message: `takes effect (${s.effective}) before it was decided (${s.decided})`,
      });
  });
  plan.promises?.forEach((p, i) => {
    ref(priorities, "priority", p.priority, ["promises", i, "priority"]);
    p.milestones.forEach((m, mi) => ref(teams, "team", m.team, ["promises", i, "milestones", mi, "team"]));
  });
  plan.insights?.forEach((s, i) => refs(priorities, "priority", s.priorities, ["insights", i, "priorities"]));
  plan.decisions?.forEach((d, i) => {
    ref(priorities, "priority", d.priority, ["decisions", i, "priority"]);
    refs(insights, "insight", d.evidence, ["decisions", i, "evidence"]);
    ref(people, "person", d.decidedBy, ["decisions", i, "decidedBy"]);
  });
  plan.reviews?.forEach((r, i) => {
    ref(priorities, "priority", r.priority, ["reviews", i, "priority"]);
    r.items.forEach((item, ii) =>
      ref(initiatives, "initiative", item.initiative, ["reviews", i, "items", ii, "initiative"]),
    );
  });

  return issues;
}
