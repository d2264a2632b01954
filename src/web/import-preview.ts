import type { ConvertPreviewResponse } from "../convert/api-schemas.js";
import type { Plan } from "../domain/plan-schema.js";

/*
 * The import page's arithmetic, kept out of the components so it is tested in node: the
 * preview as a tree of rows with their flags, and the corrections a person made (owners,
 * key-result kinds) applied to the previewed plan before it is written.
 */

export type Preview = ConvertPreviewResponse;
export type MetricKind = "outcome" | "business" | "output" | "efficiency";
export const METRIC_KINDS: MetricKind[] = ["outcome", "business", "output", "efficiency"];

export interface TreeKeyResult {
  text: string;
  line: number;
  kind: string;
  placeholder: boolean;
  /** The metric it became (a pointer becomes none). */
  metricId?: string;
  metricKind?: MetricKind;
}

export interface TreeRow {
  priorityId: string;
  title: string;
  line: number;
  level: number;
  ownersAsWritten: string[];
  /** The owner the plan holds: a person id, a team id, or undefined. */
  owner?: string;
  flags: ("theme" | "no owner" | "team as owner")[];
  keyResults: TreeKeyResult[];
}

/** Report objectives and plan priorities are in the same order, one each (build-plan.ts). */
export function previewTree(preview: Preview): TreeRow[] {
  const { plan, report } = preview;
  const teamIds = new Set(plan.teams.map((t) => t.id));
  return report.objectives.map((objective, i) => {
    const priority = plan.priorities[i];
    const priorityId = priority?.id ?? `objective-${i}`;
    const owner = typeof priority?.owner === "string" ? priority.owner : priority?.owner?.[0];
    const metrics = (plan.metrics ?? []).filter((m) => m.priorities?.[0] === priorityId);
    let next = 0;
    const keyResults = objective.keyResults.map((kr): TreeKeyResult => {
      if (kr.kind === "pointer") return { ...kr };
      const metric = metrics[next++];
      return { ...kr, ...(metric ? { metricId: metric.id, metricKind: metric.kind as MetricKind } : {}) };
    });
    const flags: TreeRow["flags"] = [];
    if (objective.theme) flags.push("theme");
    if (!owner) flags.push("no owner");
    else if (teamIds.has(owner)) flags.push("team as owner");
    return {
      priorityId,
      title: objective.title,
      line: objective.line,
      level: objective.level,
      ownersAsWritten: objective.ownersAsWritten,
      ...(owner ? { owner } : {}),
      flags,
      keyResults,
    };
  });
}

export type OwnerFix = { person: string } | { newPerson: string };

export interface Fixes {
  /** Priority id → the person who owns it (an existing one, or one to create by name). */
  owners: Record<string, OwnerFix>;
  /** Metric id → its kind. */
  kinds: Record<string, MetricKind>;
}

/** The previewed plan with the person's corrections; new people get ids from their names. */
export function applyFixes(plan: Plan, fixes: Fixes): Plan {
  const out = structuredClone(plan);
  const ids = new Set(out.people.map((p) => p.id));
  const created = new Map<string, string>();
  const personFor = (fix: OwnerFix): string => {
    if ("person" in fix) return fix.person;
    const name = fix.newPerson.trim();
    const known = created.get(name.toLowerCase());
    if (known) return known;
    const base =
      name
        .toLowerCase()
        .normalize("NFKD")
        .replace(/[\u0300-\u036f]/g, "")
        .replace(/[^a-z0-9]+/g, "-")
        .replace(/^-+|-+$/g, "")
        .slice(0, 60) || "person";
    let id = base;
    for (let n = 2; ids.has(id); n++) id = `${base}-${n}`;
    ids.add(id);
    created.set(name.toLowerCase(), id);
    out.people.push({ id, name });
    return id;
  };
  for (const priority of out.priorities) {
    const fix = fixes.owners[priority.id];
    if (fix && ("person" in fix ? fix.person : fix.newPerson.trim())) priority.owner = personFor(fix);
  }
  for (const metric of out.metrics ?? []) {
    const kind = fixes.kinds[metric.id];
    if (kind) metric.kind = kind;
  }
  return out;
}

/** How many flags are left for a person to look at. */
export function openFlags(rows: TreeRow[], fixes: Fixes): number {
  return rows.reduce(
    (n, row) =>
      n +
      row.flags.filter((f) => f === "theme" || !fixes.owners[row.priorityId]).length +
      row.keyResults.filter(
        (k) =>
          (k.kind === "output" || k.kind === "vague" || k.placeholder) &&
          !(k.metricId && fixes.kinds[k.metricId]),
      ).length,
    0,
  );
}
