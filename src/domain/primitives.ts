import { z } from "zod";

/** Ids: 1–64 chars of a-z 0-9 -. References use ids. */
export const ID_PATTERN = /^[a-z0-9-]{1,64}$/;
export const ID_MESSAGE = "must be 1–64 characters of lowercase letters, digits and hyphens";
export const idSchema = z.string().regex(ID_PATTERN, { message: ID_MESSAGE });

const DATE_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;

/** True when `text` is YYYY-MM-DD and names a real calendar day. */
export function isCalendarDate(text: string): boolean {
  const m = DATE_PATTERN.exec(text);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (mo < 1 || mo > 12 || d < 1) return false;
  return d <= (mo === 2 && isLeapYear(y) ? 29 : (DAYS_IN_MONTH[mo - 1] ?? 0));
}

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

function isLeapYear(y: number): boolean {
  return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
}

/**
 * Days since 1970-01-01 of a YYYY-MM-DD date, by arithmetic (the "days from civil"
 * algorithm): the engine compares tens of thousands of dates, and building a Date for each
 * was a visible share of a large plan's analysis.
 */
function dayNumber(text: string): number {
  const y0 = Number(text.slice(0, 4));
  const m = Number(text.slice(5, 7));
  const d = Number(text.slice(8, 10));
  const y = m <= 2 ? y0 - 1 : y0;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146_097 + doe - 719_468;
}

/** A calendar day as text: dates stay text (YAML 1.2 core schema), compared as strings. */
export const dateSchema = z.string().refine(isCalendarDate, {
  message: "must be a real calendar day written YYYY-MM-DD",
});

const DURATION_PATTERN = /^(\d+)([dw])$/;
export const durationSchema = z
  .string()
  .regex(DURATION_PATTERN, { message: 'must be a duration like "30d" or "2w"' });

/** Days in a duration such as "30d" or "2w". */
export function durationDays(text: string): number {
  const m = DURATION_PATTERN.exec(text);
  if (!m) throw new Error(`not a duration: ${text}`);
  return Number(m[1]) * (m[2] === "w" ? 7 : 1);
}

const MS_PER_DAY = 86_400_000;

/** Whole days from `a` to `b` (positive when b is later). Both YYYY-MM-DD. */
export function daysBetween(a: string, b: string): number {
  return dayNumber(b) - dayNumber(a);
}

/** `date` plus `days`, as YYYY-MM-DD. */
export function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * MS_PER_DAY).toISOString().slice(0, 10);
}

/** Today in UTC as YYYY-MM-DD. */
export function todayUtc(now: Date = new Date()): string {
  return now.toISOString().slice(0, 10);
}

/**
 * An optional field. `null` means absent too: input is normalised by `dropNulls` before it is
 * validated (a transform here would triple the cost of validating a large plan).
 */
export function optional<T extends z.ZodType>(schema: T) {
  return schema.optional();
}

/** Optional with a default: absent (or null, after `dropNulls`) reads as `fallback`. */
export function withDefault<T extends z.ZodType>(schema: T, fallback: z.output<T>) {
  // biome-ignore lint/suspicious/noExplicitAny: zod's default() wants its own util type for the fallback
  return schema.default(fallback as any);
}

/**
 * Removes keys whose value is null, in place, everywhere in a parsed document: the plan
 * format says `null` for an optional field means absent. Lists keep their nulls (an entry
 * that is null is an error the schema reports).
 */
export function dropNulls<T>(value: T): T {
  const stack: unknown[] = [value];
  while (stack.length > 0) {
    const node = stack.pop();
    if (Array.isArray(node)) {
      for (const item of node) if (item !== null && typeof item === "object") stack.push(item);
    } else if (node !== null && typeof node === "object") {
      const record = node as Record<string, unknown>;
      for (const key in record) {
        const child = record[key];
        if (child === null) delete record[key];
        else if (typeof child === "object") stack.push(child);
      }
    }
  }
  return value;
}

/** Non-empty text (after trimming) — for required display fields. */
export const textSchema = z.string().refine((s) => s.trim().length > 0, { message: "must not be blank" });

/** A number of full-time equivalents: finite and ≥ 0. */
export const fteSchema = z.number().finite().min(0, { message: "must be 0 or more" });

/**
 * How deep a plan or a request body may nest. A plan's deepest value is a handful of levels
 * (x- extensions a few more); hostile input nested thousands deep would overflow the stack of
 * whatever walks it recursively (structuredClone, validation, storage).
 */
export const MAX_NESTING = 64;

// A high surrogate not followed by a low one, or a low one not preceded by a high one.
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/**
 * Why a text cannot be taken, or undefined. NUL and lone surrogates are no text a person
 * writes, PostgreSQL cannot store them (text and jsonb refuse them), and they break exports.
 */
export function unsafeTextReason(text: string): string | undefined {
  if (text.includes("\u0000")) return "must not contain the NUL character (U+0000)";
  if (LONE_SURROGATE.test(text)) return "must not contain a lone UTF-16 surrogate (not valid Unicode)";
  return undefined;
}

export interface UnsafeInput {
  kind: "nesting" | "text";
  path: (string | number)[];
  message: string;
}

/**
 * The first place parsed input (a plan document, a request body or query) cannot be taken:
 * nested deeper than `maxNesting`, or a key or text that `unsafeTextReason` refuses. The
 * one check shared by plan files and the API, run before anything else walks the input;
 * iterative, so no input can overflow the stack here.
 */
export function findUnsafeInput(value: unknown, maxNesting = MAX_NESTING): UnsafeInput | undefined {
  if (typeof value === "string") {
    const reason = unsafeTextReason(value);
    return reason ? { kind: "text", path: [], message: reason } : undefined;
  }
  if (value === null || typeof value !== "object") return undefined;
  // One frame per open list or map; the path is the frames' current keys.
  const frames: { node: object; keys: string[] | null; i: number }[] = [];
  const open = (node: object) =>
    frames.push({ node, keys: Array.isArray(node) ? null : Object.keys(node), i: 0 });
  const pathTo = () => frames.map((f) => (f.keys ? (f.keys[f.i - 1] ?? "") : f.i - 1));
  open(value);
  while (frames.length > 0) {
    const frame = frames[frames.length - 1];
    const length = frame.keys ? frame.keys.length : (frame.node as unknown[]).length;
    if (frame.i >= length) {
      frames.pop();
      continue;
    }
    const index = frame.i++;
    let child: unknown;
    if (frame.keys) {
      const key = frame.keys[index];
      const keyReason = unsafeTextReason(key);
      if (keyReason) return { kind: "text", path: pathTo(), message: `the key ${keyReason}` };
      // Kept by the YAML parser as an own key, but any copy (validation, storage) would set the
      // prototype with it instead, and the key would silently vanish: no schema has it.
      if (key === "__proto__")
        return {
          kind: "text",
          path: pathTo(),
          message: 'unknown key "__proto__" — no plan or request has it',
        };
      child = (frame.node as Record<string, unknown>)[key];
    } else child = (frame.node as unknown[])[index];
    if (typeof child === "string") {
      const reason = unsafeTextReason(child);
      if (reason) return { kind: "text", path: pathTo(), message: reason };
    } else if (child !== null && typeof child === "object") {
      if (frames.length >= maxNesting)
        return {
          kind: "nesting",
          path: pathTo(),
          message: `is nested more than ${maxNesting} levels deep`,
        };
      open(child);
    }
  }
  return undefined;
}
