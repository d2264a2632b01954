/*
 * Quantities: what makes a statement measurable. Numbers, percentages, money, multipliers,
 * number words and placeholders for numbers count; time words (Q3, FY21, H1, 2020) do not.
 */
import { ASIDE, TIME_WORDS } from "./normalise.js";
import { findPlaceholders } from "./placeholders.js";

const NUMBER =
  /(?:[<>≤≥+~]=?\s?)?[$€£]?\d[\d.,]*\s?(?:%|[xX](?![\p{L}])|[kKmMbB](?![\p{L}])|bn)?|(?<![\p{L}])(?:zero|two|three|four|five|six|seven|eight|nine|ten|twelve|twenty|fifty|hundred|thousand|million|twice|double|triple|half|dozens?|no (?:customer|user|one)s?)(?![\p{L}-])/iu;

/** The first quantity written in `text` (time words ignored), or undefined. */
export function findQuantity(text: string): string | undefined {
  // Time words only matter when there are digits to confuse them with.
  const t = DIGIT.test(text) ? text.replace(TIME_WORDS, blank) : text;
  const m = NUMBER.exec(t);
  const placeholder = findPlaceholders(text)[0];
  if (placeholder && (!m || text.indexOf(placeholder) <= m.index)) return placeholder;
  return m ? m[0].trim() : undefined;
}

const DIGIT = /\d/;
const blank = (w: string) => " ".repeat(w.length);

/** `text` without parenthesised asides: examples and notes, not the statement. */
export function withoutAsides(text: string): string {
  return text.replace(ASIDE, " ");
}
