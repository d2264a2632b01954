import type { PlanIssue, PlanPath } from "./plan-issue.js";
import type { Plan } from "./plan-schema.js";
import { isCalendarDate } from "./primitives.js";
import { closestName } from "./unknown-keys.js";

// Fields are read loosely: this check also runs on a plan that failed the schema.
// biome-ignore lint/suspicious/noExplicitAny: a loose read of unvalidated input, guarded field by field
type Loose = Record<string, any>;

/**
 * Checks what a schema cannot: ids unique within their section (resistance ids across the
 * whole plan), every reference resolving, and date ranges that run forwards. It tolerates a
 * plan that failed the schema (whatever has the wrong shape is skipped: the schema reports
 * it), so a file with a typo and a dangling reference reports both at once.
 */
export function checkReferences(input: Plan | unknown): PlanIssue[] {
  const raw: Loose = input && typeof input === "object" ? (input as Loose) : {};
  const section = (key: string): Loose[] => list(raw[key]).map((x) => (x && typeof x === "object" ? x : {}));
  const issues: PlanIssue[] = [];

  const index = (name: string) => {
    const seen = new Map<string, number>();
    section(name).forEach((item, i) => {
      if (typeof item.id !== "string") return;
      const first = seen.get(item.id);
      if (first === undefined) seen.set(item.id, i);
      else
        issues.push({
          path: [name, i, "id"],
          message: `"${item.id}" is used twice`,
          related: [name, first, "id"],
        });
    });
    return seen;
  };

  const people = index("people");
  const teams = index("teams");
  const priorities = index("priorities");
  const metrics = index("metrics");
  const initiatives = index("initiatives");
  for (const name of ["stops", "promises", "decisions", "reviews"]) index(name);
  const insights = index("insights");

  const resistanceSeen = new Map<string, PlanPath>();
  section("priorities").forEach((p, pi) => {
    objects(p.resistance).forEach((r, ri) => {
      if (typeof r.id !== "string") return;
      const path = ["priorities", pi, "resistance", ri, "id"];
      const first = resistanceSeen.get(r.id);
      if (first)
        issues.push({
          path,
          message: `"${r.id}" is used twice (resistance ids are unique across the whole plan)`,
          related: first,
        });
      else resistanceSeen.set(r.id, path);
    });
  });

  // What each id and name stands for, so a wrong reference can say what was probably meant.
  const named = (key: string, field: string) =>
    section(key).flatMap((x) =>
      typeof x.id === "string" ? [{ id: x.id, name: typeof x[field] === "string" ? x[field] : "" }] : [],
    );
  const directory: Record<string, { id: string; name: string }[]> = {
    person: named("people", "name"),
    team: named("teams", "name"),
    priority: named("priorities", "title"),
    metric: named("metrics", "name"),
    initiative: named("initiatives", "title"),
  };
  const ref = (known: Map<string, number>, what: string, id: unknown, path: PlanPath) => {
    if (typeof id === "string" && !known.has(id))
      issues.push({
        path,
        message: `names ${what} "${id}", which is not in the plan${hint(id, [what], directory)}`,
      });
  };
  const refs = (known: Map<string, number>, what: string, ids: unknown, path: PlanPath) => {
    list(ids).forEach((id, i) => ref(known, what, id, [...path, i]));
  };
  const keyRefs = (known: Map<string, number>, what: string, map: unknown, path: PlanPath) => {
    if (map && typeof map === "object" && !Array.isArray(map))
      for (const id of Object.keys(map)) ref(known, what, id, [...path, id]);
  };
  const backwards = (from: unknown, to: unknown) =>
    typeof from === "string" &&
    typeof to === "string" &&
    isCalendarDate(from) &&
    isCalendarDate(to) &&
    to < from;

  const cycle: Loose = raw.cycle && typeof raw.cycle === "object" ? raw.cycle : {};
  if (backwards(cycle.start, cycle.end))
    issues.push({ path: ["cycle", "end"], message: `ends (${cycle.end}) before it starts (${cycle.start})` });

  section("people").forEach((p, i) => ref(teams, "team", p.team, ["people", i, "team"]));
  section("teams").forEach((t, i) =>
    objects(t.scorecard).forEach((s, si) =>
      ref(metrics, "metric", s.metric, ["teams", i, "scorecard", si, "metric"]),
    ),
  );
  section("priorities").forEach((p, i) => {
    const path = ["priorities", i, "owner"];
    if (typeof p.owner === "string") {
      if (!people.has(p.owner) && !teams.has(p.owner))
        issues.push({
          path,
          message: `names "${p.owner}", which is neither a person nor a team in the plan${hint(p.owner, ["person", "team"], directory)}`,
        });
    } else refs(people, "person", p.owner, path);
    ref(priorities, "priority", p.parent, ["priorities", i, "parent"]);
    ref(teams, "team", p.team, ["priorities", i, "team"]);
    objects(p.resistance).forEach((r, ri) => {
      const change: Loose = r.change && typeof r.change === "object" ? r.change : {};
      ref(people, "person", change.owner, ["priorities", i, "resistance", ri, "change", "owner"]);
    });
  });
  issues.push(...parentLoops(section("priorities")));
  section("metrics").forEach((m, i) => {
    refs(priorities, "priority", m.priorities, ["metrics", i, "priorities"]);
    ref(people, "person", m.owner, ["metrics", i, "owner"]);
  });
  section("initiatives").forEach((it, i) => {
    if (Array.isArray(it.owner)) refs(people, "person", it.owner, ["initiatives", i, "owner"]);
    else ref(people, "person", it.owner, ["initiatives", i, "owner"]);
    refs(metrics, "metric", it.metrics, ["initiatives", i, "metrics"]);
    refs(priorities, "priority", it.priorities, ["initiatives", i, "priorities"]);
    keyRefs(teams, "team", it.allocation, ["initiatives", i, "allocation"]);
    if (backwards(it.start, it.end))
      issues.push({
        path: ["initiatives", i, "end"],
        message: `ends (${it.end}) before it starts (${it.start})`,
      });
  });
  section("stops").forEach((s, i) => {
    ref(priorities, "priority", s.priority, ["stops", i, "priority"]);
    ref(initiatives, "initiative", s.initiative, ["stops", i, "initiative"]);
    keyRefs(teams, "team", s.frees, ["stops", i, "frees"]);
    ref(teams, "team", s.team, ["stops", i, "team"]);
    if (backwards(s.decided, s.effective))
      issues.push({
        path: ["stops", i, "effective"],
        message: `takes effect (${s.effective}) before it was decided (${s.decided})`,
      });
  });
  section("promises").forEach((p, i) => {
    ref(priorities, "priority", p.priority, ["promises", i, "priority"]);
    objects(p.milestones).forEach((m, mi) =>
      ref(teams, "team", m.team, ["promises", i, "milestones", mi, "team"]),
    );
  });
  section("insights").forEach((s, i) =>
    refs(priorities, "priority", s.priorities, ["insights", i, "priorities"]),
  );
  section("decisions").forEach((d, i) => {
    ref(priorities, "priority", d.priority, ["decisions", i, "priority"]);
    refs(insights, "insight", d.evidence, ["decisions", i, "evidence"]);
    ref(people, "person", d.decidedBy, ["decisions", i, "decidedBy"]);
    ref(teams, "team", d.team, ["decisions", i, "team"]);
  });
  section("reviews").forEach((r, i) => {
    ref(priorities, "priority", r.priority, ["reviews", i, "priority"]);
    objects(r.items).forEach((item, ii) =>
      ref(initiatives, "initiative", item.initiative, ["reviews", i, "items", ii, "initiative"]),
    );
  });

  return issues;
}

/**
 * What a wrong reference probably meant: an entity of another kind with that id ("a team, not
 * a person"), the same id in another case, an entity whose name is written, or a near id.
 */
function hint(
  written: string,
  wanted: readonly string[],
  directory: Record<string, { id: string; name: string }[]>,
): string {
  for (const [kind, entries] of Object.entries(directory))
    if (!wanted.includes(kind) && entries.some((e) => e.id === written))
      return ` — "${written}" is a ${kind}, and a ${wanted.join(" or a ")} is expected here`;
  const candidates = wanted.flatMap((kind) => directory[kind] ?? []);
  const lower = written.trim().toLowerCase();
  const byId = candidates.find((e) => e.id === lower);
  if (byId) return ` — did you mean "${byId.id}"? (ids are lowercase)`;
  const byName = candidates.find((e) => e.name.trim().toLowerCase() === lower);
  if (byName) return ` — did you mean "${byName.id}"? (${byName.name}; references use ids, not names)`;
  const near = closestName(
    written,
    candidates.map((e) => e.id),
  );
  return near ? ` — did you mean "${near}"?` : "";
}

/**
 * A `parent` chain that comes back on itself. Each loop is reported once, at the `parent` of
 * the priority (in file order) whose link closes it: the last of the loop's members to appear.
 */
function parentLoops(priorities: Loose[]): PlanIssue[] {
  const at = new Map<string, number>();
  priorities.forEach((p, i) => {
    if (typeof p.id === "string" && !at.has(p.id)) at.set(p.id, i);
  });
  const parentOf = (id: string): string | undefined => {
    const i = at.get(id);
    const parent = i === undefined ? undefined : priorities[i]?.parent;
    return typeof parent === "string" && at.has(parent) ? parent : undefined;
  };
  const issues: PlanIssue[] = [];
  const done = new Set<string>();
  for (const start of at.keys()) {
    const trail: string[] = [];
    const onTrail = new Set<string>();
    let id: string | undefined = start;
    while (id !== undefined && !done.has(id) && !onTrail.has(id)) {
      trail.push(id);
      onTrail.add(id);
      id = parentOf(id);
    }
    if (id !== undefined && onTrail.has(id)) {
      const loop = trail.slice(trail.indexOf(id));
      const closer = loop.reduce((a, b) => ((at.get(a) ?? 0) >= (at.get(b) ?? 0) ? a : b));
      const path = ["priorities", at.get(closer) ?? 0, "parent"];
      issues.push({
        path,
        message:
          loop.length === 1
            ? `priority "${closer}" is its own parent`
            : `closes a loop of parents: ${[...loop, loop[0]].map((x) => `"${x}"`).join(" → ")}`,
      });
    }
    for (const x of trail) done.add(x);
  }
  return issues;
}

function list(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [];
}

function objects(value: unknown): Loose[] {
  return list(value).map((x) => (x && typeof x === "object" ? (x as Loose) : {}));
}
