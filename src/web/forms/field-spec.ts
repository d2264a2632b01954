import { z } from "zod";
import { type EntitySection, SECTION_SCHEMAS, SECTION_SHAPES } from "../../domain/plan-schema";
import { dateSchema, durationSchema } from "../../domain/primitives";
import { CHOICE_LABELS, EXCLUDED_FIELDS, hintFor, humanise, type ReferenceTarget } from "./field-hints";

/*
 * A form's fields, read from the domain's zod shapes: the same definitions that validate plan
 * files and API bodies decide which control each field gets, so a new field in the schema
 * shows up in the form without touching it.
 */

export type Control =
  | { kind: "text"; long: boolean; format?: "duration" | "email" }
  | { kind: "number" }
  | { kind: "date" }
  | { kind: "boolean" }
  | { kind: "choice"; options: readonly { value: string; label: string }[] }
  | { kind: "reference"; to: ReferenceTarget }
  | { kind: "reference-list"; to: ReferenceTarget }
  /** One id or a list of ids (a priority's owner): a picker that still shows a list it was given. */
  | { kind: "reference-or-list"; to: ReferenceTarget }
  /** A map of id → number (an initiative's allocation): rows of picker and number. */
  | { kind: "reference-map"; to: ReferenceTarget }
  | { kind: "rows"; noun: string; fields: FieldSpec[] }
  | { kind: "group"; fields: FieldSpec[] }
  /** Anything too irregular for a control of its own: edited as JSON. */
  | { kind: "json" };

export interface FieldSpec {
  key: string;
  label: string;
  hint?: string;
  /** Absent is allowed (optional, or a default applies). */
  optional: boolean;
  defaultValue?: unknown;
  control: Control;
}

export interface SectionForm {
  section: EntitySection;
  schema: z.ZodType;
  fields: FieldSpec[];
  /** Keys the form leaves alone and never sends (metric check-ins and history). */
  excluded: readonly string[];
}

export function isSection(section: string): section is EntitySection {
  return Object.hasOwn(SECTION_SCHEMAS, section);
}

/** The form for one section: its fields in schema order and the schema that validates it. */
export function sectionForm(section: EntitySection): SectionForm {
  const shape = SECTION_SHAPES[section];
  const schema = SECTION_SCHEMAS[section];
  const excluded = EXCLUDED_FIELDS[section] ?? [];
  const fields = Object.entries(shape)
    .filter(([key]) => !excluded.includes(key))
    .map(([key, field]) => describeField(section, [key], field as z.ZodType));
  return { section, schema, fields, excluded };
}

function describeField(section: string, path: string[], schema: z.ZodType): FieldSpec {
  const key = path[path.length - 1];
  const hint = hintFor(section, path);
  let inner: z.ZodType = schema;
  let optional = false;
  let defaultValue: unknown;
  // Optional and default wrap the type in either order; peel both to reach it.
  for (;;) {
    if (inner instanceof z.ZodOptional) {
      optional = true;
      inner = inner.unwrap() as z.ZodType;
    } else if (inner instanceof z.ZodDefault) {
      optional = true;
      defaultValue = inner.def.defaultValue;
      inner = inner.unwrap() as z.ZodType;
    } else break;
  }
  return {
    key,
    label: hint.label ?? humanise(key),
    hint: hint.hint,
    optional,
    defaultValue,
    control: controlFor(section, path, inner),
  };
}

function controlFor(section: string, path: string[], schema: z.ZodType): Control {
  const hint = hintFor(section, path);
  if (schema instanceof z.ZodString) {
    if (schema === dateSchema) return { kind: "date" };
    if (hint.ref) return { kind: "reference", to: hint.ref };
    if (schema === durationSchema) return { kind: "text", long: false, format: "duration" };
    return {
      kind: "text",
      long: hint.long === true,
      ...(path.at(-1) === "email" ? { format: "email" } : {}),
    };
  }
  if (schema instanceof z.ZodNumber) return { kind: "number" };
  if (schema instanceof z.ZodBoolean) return { kind: "boolean" };
  if (schema instanceof z.ZodEnum)
    return {
      kind: "choice",
      options: (schema.options as string[]).map((value) => ({
        value,
        label: CHOICE_LABELS[value] ?? humanise(value),
      })),
    };
  if (schema instanceof z.ZodArray) {
    const element = schema.element as z.ZodType;
    if (element instanceof z.ZodString && hint.ref) return { kind: "reference-list", to: hint.ref };
    if (element instanceof z.ZodObject)
      return { kind: "rows", noun: hint.noun ?? "entry", fields: describeObject(section, path, element) };
  }
  if (
    schema instanceof z.ZodRecord &&
    schema.keyType instanceof z.ZodString &&
    schema.valueType instanceof z.ZodNumber &&
    hint.ref
  )
    return { kind: "reference-map", to: hint.ref };
  if (schema instanceof z.ZodUnion && hint.ref) {
    const options = schema.options as z.ZodType[];
    const single = options.some((o) => o instanceof z.ZodString);
    const list = options.some((o) => o instanceof z.ZodArray && o.element instanceof z.ZodString);
    if (options.length === 2 && single && list) return { kind: "reference-or-list", to: hint.ref };
  }
  if (schema instanceof z.ZodObject) return { kind: "group", fields: describeObject(section, path, schema) };
  return { kind: "json" };
}

function describeObject(section: string, path: string[], schema: z.ZodObject): FieldSpec[] {
  return Object.entries(schema.shape).map(([key, field]) =>
    describeField(section, [...path, key], field as z.ZodType),
  );
}
