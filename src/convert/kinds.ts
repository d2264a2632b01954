import type { Initiative, Metric } from "../domain/plan-schema.js";
import type { KeyResultKind } from "../engine/classify/index.js";

/*
 * From the report's key-result kinds to the plan's metric kinds, and the other small readings
 * of free text the builder makes (direction, initiative status).
 */

const BUSINESS =
  /\b(revenue|arr|iarr|acv|iacv|mrr|bookings?|pipeline|churn|retention|nrr|grr|margin|profit|sales|deals?|upsell|expansion|contraction|renewals?|\$\s?\d|cost|spend|savings?|invoice|billing)\b/i;

/**
 * outcome → `business` when it speaks of money or the sales pipeline, else `outcome`;
 * output → `output`. A vague or placeholder key result is not credited as an outcome: it
 * becomes `output` so the plan's rules ask for a real measure (docs/decisions.md).
 */
export function metricKindOf(kind: KeyResultKind, text: string): Metric["kind"] {
  if (kind === "outcome") return BUSINESS.test(text) ? "business" : "outcome";
  return "output";
}

/** Which way is better: down for reduce/cut/lower/under/fewer, else up. */
export function directionOf(text: string): Metric["direction"] {
  return /\b(reduce[sd]?|reducing|decrease[sd]?|lower|cut|minimi[sz]e|fewer|less than|under|below|shrink|churn|contraction|downtime|latency|time to)\b|<|≤/i.test(
    text,
  ) && !/\b(increase|grow|raise|improve|more than|above|at least)\b/i.test(text)
    ? "down"
    : "up";
}

/** A tracker or document status word → the plan's initiative status (default active). */
export function initiativeStatusOf(status: string | undefined): Initiative["status"] {
  const s = (status ?? "").toLowerCase();
  if (!s) return "active";
  if (/\b(done|complete[d]?|shipped|closed|resolved|released|finished|achieved)\b/.test(s)) return "done";
  if (/\b(cancel+ed|stopped|dropped|abandoned|won'?t do|killed|descoped)\b/.test(s)) return "stopped";
  if (/\b(paused|on hold|blocked|parked|deferred)\b/.test(s)) return "paused";
  if (/\b(backlog|to ?do|planned|proposed|not started|open|triage|idea|new|later)\b/.test(s))
    return "proposed";
  return "active";
}
