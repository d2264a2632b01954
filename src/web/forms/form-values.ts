import type { PlanIssue, PlanPath } from "../../domain/plan-issue";
import type { FieldSpec } from "./field-spec";

/*
 * What the inputs hold while someone types, and the plan-format entry it stands for. Inputs
 * hold text (a number input's value is text until it parses), so conversion happens once, on
 * submit; an empty input means the field is absent.
 */

export interface MapRow {
  key: string;
  value: string;
}

/** An object being edited: its fields' input values and keys the form does not show (x- keys). */
export interface ObjectValue {
  values: Record<string, FormValue>;
  extras: Record<string, unknown>;
}

export type FormValue = string | boolean | string[] | MapRow[] | ObjectValue[] | ObjectValue;

type Entry = Record<string, unknown>;

/** The form's values for an entry (or a new one: defaults filled in). */
export function toFormValues(
  fields: FieldSpec[],
  entry: Entry | undefined,
  excluded: readonly string[] = [],
) {
  const source = entry ?? {};
  const values: Record<string, FormValue> = {};
  for (const field of fields) values[field.key] = toFormValue(field, source[field.key], entry === undefined);
  const extras: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(source))
    if (!fields.some((f) => f.key === key) && !excluded.includes(key)) extras[key] = value;
  return { values, extras } satisfies ObjectValue;
}

function toFormValue(field: FieldSpec, value: unknown, isNew: boolean): FormValue {
  const c = field.control;
  // A new entry starts on a field's default, so a select with a default never shows "none".
  const v = value === undefined && isNew ? field.defaultValue : value;
  switch (c.kind) {
    case "boolean":
      return v === true;
    case "reference-list":
      return Array.isArray(v) ? v.map(String) : [];
    case "reference-or-list":
      return Array.isArray(v) ? v.map(String) : v === undefined || v === null ? "" : String(v);
    case "reference-map":
      return v !== null && typeof v === "object"
        ? Object.entries(v as Entry).map(([key, n]) => ({ key, value: String(n) }))
        : [];
    case "rows":
      return Array.isArray(v) ? v.map((row) => toFormValues(c.fields, asEntry(row))) : [];
    case "group":
      return toFormValues(c.fields, v === undefined ? {} : asEntry(v));
    case "json":
      return v === undefined ? "" : JSON.stringify(v, null, 2);
    default:
      return v === undefined || v === null ? "" : String(v);
  }
}

function asEntry(value: unknown): Entry {
  return value !== null && typeof value === "object" && !Array.isArray(value) ? (value as Entry) : {};
}

/**
 * The entry the form stands for, and problems found while reading it (JSON that does not
 * parse, a map row without its key). Everything else is for the schema to judge.
 */
export function fromFormValues(
  fields: FieldSpec[],
  form: ObjectValue,
  path: PlanPath = [],
): { entry: Entry; problems: PlanIssue[] } {
  const entry: Entry = {};
  const problems: PlanIssue[] = [];
  for (const field of fields) {
    const value = fromFormValue(field, form.values[field.key], [...path, field.key], problems);
    if (value !== undefined) entry[field.key] = value;
  }
  // Keys the form does not show go back exactly as they came.
  for (const [key, value] of Object.entries(form.extras)) if (!(key in entry)) entry[key] = value;
  return { entry, problems };
}

function fromFormValue(
  field: FieldSpec,
  value: FormValue | undefined,
  path: PlanPath,
  problems: PlanIssue[],
) {
  const c = field.control;
  switch (c.kind) {
    case "boolean":
      return value === true;
    case "number": {
      const text = typeof value === "string" ? value.trim() : "";
      if (text === "") return undefined;
      const n = Number(text);
      // Not a number: pass the text on so the schema says what is wrong with it.
      return Number.isFinite(n) ? n : text;
    }
    case "reference-list":
      return Array.isArray(value) && value.length > 0 ? value : undefined;
    case "reference-or-list":
      if (Array.isArray(value)) return value.length > 0 ? value : undefined;
      return typeof value === "string" && value !== "" ? value : undefined;
    case "reference-map": {
      const rows = (value ?? []) as MapRow[];
      const map: Record<string, unknown> = {};
      for (const row of rows) {
        if (row.key === "" && row.value.trim() === "") continue;
        if (row.key === "") {
          problems.push({ path, message: "has a row with no team chosen" });
          continue;
        }
        const text = row.value.trim();
        if (text === "") {
          problems.push({ path: [...path, row.key], message: "needs a number" });
          continue;
        }
        const n = Number(text);
        map[row.key] = Number.isFinite(n) ? n : text;
      }
      return Object.keys(map).length > 0 ? map : undefined;
    }
    case "rows": {
      const rows = (value ?? []) as ObjectValue[];
      const list = rows.map((row, i) => {
        const read = fromFormValues(c.fields, row, [...path, i]);
        problems.push(...read.problems);
        return read.entry;
      });
      // A required list (a promise's milestones) stays a list even when empty.
      return list.length > 0 || !field.optional ? list : undefined;
    }
    case "group": {
      const read = fromFormValues(c.fields, value as ObjectValue, path);
      problems.push(...read.problems);
      return isBlank(read.entry) ? undefined : read.entry;
    }
    case "json": {
      const text = typeof value === "string" ? value.trim() : "";
      if (text === "") return undefined;
      try {
        return JSON.parse(text) as unknown;
      } catch (error) {
        problems.push({ path, message: `is not valid JSON (${(error as Error).message})` });
        return undefined;
      }
    }
    default: {
      const text = typeof value === "string" ? value : "";
      return text.trim() === "" ? undefined : text;
    }
  }
}

/** An optional group the person left empty (unticked boxes count as empty) is absent. */
function isBlank(entry: Entry): boolean {
  return Object.values(entry).every((v) => v === false);
}

/** "Sales Ops" → "sales-ops": an id suggested from a new entry's name. */
export function suggestId(text: string): string {
  return text
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 64)
    .replace(/-+$/, "");
}
