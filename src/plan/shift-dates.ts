import type { Plan } from "../domain/plan-schema.js";
import { addDays, daysBetween, isCalendarDate } from "../domain/primitives.js";

/*
 * Moving a whole plan in time. The demo plan is written as of one day; loaded on another, its
 * records would sit in the past or the future and the one-click actions (stamped today) would
 * fall after its pinned `asOf`. Shifting every date by the same number of days keeps every
 * interval (review cadences, staleness, projections) exactly as written.
 */

/** The fields of the plan format that hold a calendar date (plan-format.md). */
const DATE_FIELDS = new Set(["asOf", "start", "end", "due", "date", "decided", "effective", "lastReviewed"]);

/** A copy of `plan` with every date `days` later (earlier when negative). */
export function shiftPlanDates(plan: Plan, days: number): Plan {
  const { rules, ...rest } = plan;
  // The rules section holds thresholds, never dates: left as written.
  const moved = shift(structuredClone(rest), days) as Plan;
  return rules ? { ...moved, rules } : moved;
}

function shift(value: unknown, days: number): unknown {
  if (Array.isArray(value)) return value.map((v) => shift(v, days));
  if (!value || typeof value !== "object") return value;
  const out = value as Record<string, unknown>;
  for (const [key, field] of Object.entries(out)) {
    if (DATE_FIELDS.has(key) && typeof field === "string" && isCalendarDate(field))
      out[key] = addDays(field, days);
    else if (typeof field === "object") out[key] = shift(field, days);
  }
  return out;
}

/**
 * The plan moved so that the day it was written as of (`asOf`) is `today`, and no longer
 * pinned: from then on it is analysed as of each day, like any workspace. A plan without
 * `asOf` is returned as it is.
 */
export function redateToToday(plan: Plan, today: string): Plan {
  if (!plan.asOf) return plan;
  const moved = shiftPlanDates(plan, daysBetween(plan.asOf, today));
  delete moved.asOf;
  return moved;
}
