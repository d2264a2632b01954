import type { z } from "zod";
import { ID_MESSAGE } from "./primitives.js";

/** A path into a plan: keys and list indexes, e.g. ["teams", 1, "id"]. */
export type PlanPath = readonly (string | number)[];

/**
 * One problem with a plan. Surfaces add where it is: the plan loader a line and column,
 * the API the field path. `related` points at another place the message refers to
 * (the first use of a duplicated id).
 */
export interface PlanIssue {
  path: PlanPath;
  message: string;
  related?: PlanPath;
}

/** `teams[1].id` — the path as a reader writes it. */
export function formatPath(path: PlanPath): string {
  let out = "";
  for (const part of path) {
    if (typeof part === "number") out += `[${part}]`;
    else out += out === "" ? part : `.${part}`;
  }
  return out;
}

/** Turns zod's issues into plan issues with messages a non-engineer can act on. */
export function issuesFromZod(error: z.ZodError): PlanIssue[] {
  const out: PlanIssue[] = [];
  for (const issue of error.issues) collect(issue as ZodIssueLike, [], out);
  return out;
}

interface ZodIssueLike {
  code: string;
  path: PropertyKey[];
  message: string;
  expected?: string;
  input?: unknown;
  keys?: string[];
  values?: unknown[];
  errors?: ZodIssueLike[][];
}

function collect(issue: ZodIssueLike, prefix: PlanPath, out: PlanIssue[]): void {
  const path = [...prefix, ...issue.path.map((p) => (typeof p === "number" ? p : String(p)))];
  if (issue.code === "invalid_union" && issue.errors && issue.errors.length > 0) {
    // Report the alternative that got furthest (the fewest issues) rather than a vague "invalid input".
    const best = [...issue.errors].sort((a, b) => a.length - b.length)[0];
    const allTypeErrors = issue.errors.every((alt) =>
      alt.every((i) => i.code === "invalid_type" && i.path.length === 0),
    );
    if (!allTypeErrors) {
      for (const sub of best) collect(sub, path, out);
      return;
    }
    out.push({ path, message: `has the wrong type (${describe(issue.input)})` });
    return;
  }
  out.push({ path, message: friendlyMessage(issue) });
}

function describe(value: unknown): string {
  if (value === undefined) return "missing";
  if (value === null) return "null";
  if (Array.isArray(value)) return "a list";
  if (typeof value === "object") return "a map";
  if (typeof value === "string")
    return `the text ${JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value)}`;
  return `${typeof value} ${String(value)}`;
}

const TYPE_NAMES: Record<string, string> = {
  string: "text",
  number: "a number",
  boolean: "true or false",
  array: "a list",
  object: "a map of keys",
  record: "a map of keys",
};

function friendlyMessage(issue: ZodIssueLike): string {
  switch (issue.code) {
    case "invalid_type":
      if (issue.input === undefined) return "is required but missing";
      return `must be ${TYPE_NAMES[issue.expected ?? ""] ?? issue.expected}, not ${describe(issue.input)}${numberHint(issue)}`;
    case "invalid_value":
      if (issue.values && issue.values.length > 0)
        return `must be one of ${issue.values.map((v) => JSON.stringify(v)).join(", ")}, not ${describe(issue.input)}`;
      return issue.message;
    case "unrecognized_keys":
      return `unknown key(s) ${(issue.keys ?? []).map((k) => `"${k}"`).join(", ")}`;
    case "invalid_format":
    case "too_small":
    case "too_big":
    case "custom":
      return typeof issue.input === "string"
        ? `${issue.message}, not ${describe(issue.input)}`
        : issue.message;
    default:
      return issue.message.startsWith("Invalid input") && issue.input !== undefined
        ? `is invalid (${describe(issue.input)})`
        : issue.message;
  }
}

/**
 * Schema and reference problems of one plan, together. Where a reference names something not
 * in the plan ("CEO" for `ceo`), the reference problem says what was meant; the schema's
 * complaint about the same text's spelling as an id adds nothing, so it is left out.
 */
export function combineIssues(schema: readonly PlanIssue[], references: readonly PlanIssue[]): PlanIssue[] {
  const referenced = new Set(references.map((i) => formatPath(i.path)));
  return [
    ...schema.filter((i) => !(referenced.has(formatPath(i.path)) && i.message.startsWith(ID_MESSAGE))),
    ...references,
  ];
}

/**
 * A number written with its unit or separators ("17%", "$1.2M", "1,200") is the commonest
 * reason a number field is text: say what to write instead.
 */
function numberHint(issue: ZodIssueLike): string {
  if (issue.expected !== "number" || typeof issue.input !== "string") return "";
  const text = issue.input.trim();
  const percent = text.match(/^([-+]?\d+(?:\.\d+)?)\s*%$/);
  if (percent) return ` — write ${percent[1]} and give the metric unit: "%"`;
  const money = text.match(/^([$€£])\s*([\d.,]+)\s*([kKmMbB]?)$/);
  if (money) {
    const unit = { $: "USD", "€": "EUR", "£": "GBP" }[money[1] as "$" | "€" | "£"];
    return ` — write the number alone (${plainNumber(money[2] ?? "", money[3] ?? "")}) and give the metric unit: "${unit}"`;
  }
  if (/^[-+]?\d{1,3}(,\d{3})+(\.\d+)?$/.test(text))
    return ` — write it without separators (${text.replace(/,/g, "")})`;
  return "";
}

function plainNumber(digits: string, scale: string): string {
  const n = Number(digits.replace(/,/g, ""));
  const factor = ({ k: 1e3, m: 1e6, b: 1e9 } as Record<string, number>)[scale.toLowerCase()] ?? 1;
  return Number.isFinite(n) ? String(Math.round(n * factor * 100) / 100) : digits;
}
