import { formatPath, type PlanIssue, type PlanPath } from "../../domain/plan-issue";
import type { FieldSpec } from "./field-spec";
import type { MapRow, ObjectValue } from "./form-values";

/*
 * Problems, from the schema in the browser or from the server, put next to the field they are
 * about. A field is known by its key, the plan path written as `lint` writes it
 * ("milestones[1].date", "allocation.sales"); a problem deeper than any field (one id in a
 * list of priorities) goes to the nearest field that holds it, and one that matches no field
 * (an unknown key) stays in the summary.
 */

export interface FieldTarget {
  /** What the summary calls it: "Milestone 2 › Date". */
  label: string;
  /** The id of its input, or of the fieldset that groups its inputs. */
  inputId: string;
}

/** The DOM id of a field's input, from its key. */
export function fieldId(key: string): string {
  return `field-${key.replace(/[^a-zA-Z0-9]+/g, "-").replace(/-+$/, "")}`;
}

/** Every field the form shows now, rows and map rows included, by key. */
export function fieldTargets(
  fields: FieldSpec[],
  form: ObjectValue,
  prefix: PlanPath = [],
  labelPrefix = "",
): Map<string, FieldTarget> {
  const targets = new Map<string, FieldTarget>();
  for (const field of fields) {
    const path = [...prefix, field.key];
    const key = formatPath(path);
    const label = `${labelPrefix}${field.label}`;
    targets.set(key, { label, inputId: fieldId(key) });
    const c = field.control;
    const value = form.values[field.key];
    if (c.kind === "rows")
      (value as ObjectValue[]).forEach((row, i) => {
        const rowLabel = `${labelPrefix}${capitalise(c.noun)} ${i + 1} › `;
        for (const [k, t] of fieldTargets(c.fields, row, [...path, i], rowLabel)) targets.set(k, t);
      });
    else if (c.kind === "group")
      for (const [k, t] of fieldTargets(c.fields, value as ObjectValue, path, `${label} › `))
        targets.set(k, t);
    else if (c.kind === "reference-map")
      for (const row of value as MapRow[])
        if (row.key !== "") {
          const rowKey = formatPath([...path, row.key]);
          targets.set(rowKey, { label: `${label} › ${row.key}`, inputId: fieldId(rowKey) });
        }
  }
  return targets;
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

export interface PlacedProblems {
  /** Messages by field key. */
  byField: Record<string, string[]>;
  /** Problems that belong to no shown field. */
  unplaced: PlanIssue[];
}

/** Puts each problem on the deepest shown field its path starts with. */
export function placeProblems(problems: readonly PlanIssue[], known: ReadonlyMap<string, unknown>) {
  const placed: PlacedProblems = { byField: {}, unplaced: [] };
  for (const problem of problems) {
    let key: string | undefined;
    for (let n = problem.path.length; n > 0 && key === undefined; n--) {
      const candidate = formatPath(problem.path.slice(0, n));
      if (known.has(candidate)) key = candidate;
    }
    if (key === undefined) placed.unplaced.push(problem);
    else placed.byField[key] = [...(placed.byField[key] ?? []), problem.message];
  }
  return placed;
}

/**
 * A path as the API writes it ("initiatives[3].end", "milestones[0].date") as the path into
 * the entry: the request-body prefix and the entry's place in the plan are dropped, since the
 * whole-plan check reports where the entry sits in the plan.
 */
export function entryPath(path: string, section: string): PlanPath {
  const parts: (string | number)[] = [];
  for (const m of path.matchAll(/\[(\d+)\]|([^.[\]]+)/g))
    parts.push(m[1] !== undefined ? Number(m[1]) : m[2]);
  if (parts[0] === "body") parts.shift();
  if (parts[0] === section && typeof parts[1] === "number") parts.splice(0, 2);
  return parts;
}
