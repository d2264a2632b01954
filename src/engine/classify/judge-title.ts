/*
 * Bare theme or choice? (shared spec rules.md "Wording", "Precise readings".) A title is a
 * choice when it says how much, for whom, which way, or as a sentence with a subject; a
 * bare theme when it is a label ("IACV", "Alerting", "Engineering efficiency and
 * foundations") or a slogan (a verb of no change or of building, whose object is only praise
 * and generic nouns: "Build a world class team", "Continue to foster belonging").
 * The reading, in order, is written in docs/wording.md.
 */

import { cleanText, MAX_CHARS, splitLabels, wordsOf } from "./normalise.js";
import { list } from "./phrase-matcher.js";
import { findQuantity, withoutAsides } from "./quantity.js";
import { CLAUSE, COMPARATIVE, GENERIC, IDIOM, PRAISE, STOP, TO_WORD, WHO } from "./title-words.js";
import type { ThemeJudgement } from "./types.js";
import { AUXILIARY, FINITE, isParticiple, NOUN_FIRST, SLOGAN_VERBS, verbBase, verbClass } from "./verbs.js";

/** Words that name a theme rather than a choice (shared spec rules.md, "Bare theme"). */
const SPEC_THEME_WORDS: ReadonlySet<string> = new Set(
  list(`
  customer, customers, experience, innovation, digital, growth, excellence, operational,
  transformation, efficiency, quality, and
`),
);
const SPEC_WORD = /[\p{L}\p{N}]+/gu;

/** The spec's word-list reading: 1–3 words (runs of letters and digits), all theme words. */
export function isSpecBareTheme(title: string): boolean {
  const words = title.toLowerCase().match(SPEC_WORD) ?? [];
  return words.length >= 1 && words.length <= 3 && words.every((w) => SPEC_THEME_WORDS.has(w));
}

/** Tunable limits; the defaults are what `npm run calibrate` chose (docs/wording.md). */
export interface TitleOptions {
  /** A verbless title of at most this many words is a label. */
  maxLabelWords: number;
  /** A title led by a verb of no change ("Support", "Foster") of at most this many words is a slogan. */
  maxWeakWords: number;
}
export const TITLE_DEFAULTS: TitleOptions = { maxLabelWords: 10, maxWeakWords: 8 };

/** Verbs of change too soft to be a direction when all they change is generic. */
const SOFT_CHANGE: ReadonlySet<string> = new Set(["strengthen", "enhance", "deepen", "nurture", "evolve"]);

/** Verbs of ending a problem, not in the verb lists (which read commands). */
const ENDING_VERBS: ReadonlySet<string> = new Set(["stop", "end", "prevent", "avoid", "halt"]);

/** Words before a verb that leave it without a subject ("Goals each groups deliverables"). */
const DETERMINERS: ReadonlySet<string> = new Set([
  "each",
  "every",
  "all",
  "both",
  "either",
  "neither",
  "any",
]);

/** "stops", "fixes", "removes": the third-person form of a verb of change (not "needs", "goes"). */
function isChangeVerbS(word: string): boolean {
  if (!/[^s]s$/.test(word)) return false;
  const stem = word.replace(/(?:(?<=(?:sh|ch|x|z|ss))es|s)$/, "");
  if (ENDING_VERBS.has(stem)) return true;
  const base = verbBase(word);
  const cls = base && base !== word ? verbClass(base) : undefined;
  return cls === "direction" || cls === "strict" || cls === "general";
}

/** Openers that carry no meaning of their own: "Continue to", "Kick off", "Let's". */
const OPENER = /^(?:(?:continue|continuing|keep|start|begin) to|kick off|let's|let us|we will|we'll|we)\s+/i;

const choice = (words: (string | undefined)[]): ThemeJudgement => ({
  theme: false,
  words: words.filter((w): w is string => !!w),
});
const theme = (words: string[]): ThemeJudgement => ({ theme: true, words });

/** Is this objective title a bare theme (a label or slogan, not a choice)? */
export function judgeTitle(input: string, options: TitleOptions = TITLE_DEFAULTS): ThemeJudgement {
  const title = input.length > MAX_CHARS ? input.slice(0, MAX_CHARS) : input;
  if (isSpecBareTheme(title)) return theme(wordsOf(title));
  // "CEO:" with nothing after it: an owner, no title.
  if (/:\s*(?:\*\*)?\s*$/.test(title)) return { theme: false, words: [] };
  const { rest } = splitLabels(cleanText(title));
  if (isSpecBareTheme(rest)) return theme(wordsOf(rest));
  const text = withoutAsides(rest).trim();
  const words = wordsOf(text);
  if (words.length === 0) return { theme: false, words: [] };

  // How much, which way, for whom: any of these makes a choice.
  const quantity = findQuantity(text);
  if (quantity) return choice([quantity]);
  const comparative = COMPARATIVE.exec(text);
  if (comparative) return choice([comparative[0]]);
  const who = WHO.exec(text);
  if (who) return choice([who[0]]);

  // A sentence with a subject: "Sourcegraph has world class reliability".
  // An auxiliary after any word, or another finite verb after a subject (not after a verb:
  // "foster trust" is a command and its object; "Zero-trust" is one word).
  const tokens = text.split(/\s+/).map((t) => t.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, ""));
  for (let i = 1; i < tokens.length; i++) {
    const word = tokens[i].toLowerCase();
    const before = tokens[i - 1].toLowerCase();
    if (AUXILIARY.has(word) && !STOP.has(before)) return choice([tokens[i - 1], tokens[i]]);
    if (FINITE.has(word) && verbClass(before) === undefined && !STOP.has(before) && before.length > 0)
      return choice([tokens[i - 1], tokens[i]]);
    // "Battery firmware stops the cut-outs", "Service fixes bikes the same day": a subject, a
    // verb of change in its -s form and an object. A label never has a finite verb.
    const hasObject = tokens.slice(i + 1).some((t) => t.length > 0 && !STOP.has(t.toLowerCase()));
    if (
      isChangeVerbS(word) &&
      hasObject &&
      before.length > 0 &&
      !STOP.has(before) &&
      !DETERMINERS.has(before) &&
      verbClass(before) === undefined
    )
      return choice([tokens[i - 1], tokens[i]]);
  }

  // Commands: find the leading verb after openers and adverbs ("Efficiently build").
  const opened = text.replace(OPENER, "");
  const body = wordsOf(opened);
  let at = 0;
  const praise: string[] = [];
  while (at < body.length - 1 && /ly$/i.test(body[at]) && verbClass(body[at]) === undefined) {
    if (PRAISE.has(body[at].toLowerCase())) praise.push(body[at]);
    at++;
  }
  const first = body[at];
  const firstClass = first ? verbClass(first) : undefined;
  // "Release notes" is a noun phrase; so is "Shared platform services" (a participle as adjective).
  const nounFirst =
    (body.length - at <= 2 && NOUN_FIRST.has(first.toLowerCase())) ||
    (/ed$/i.test(first) && isParticiple(first));
  if (!firstClass || nounFirst) {
    // No verb: a noun phrase. Short ones are labels.
    if (words.length <= options.maxLabelWords) return theme(words);
    return choice([]);
  }
  // "… to win", "… that supports …", "… by automating …": a purpose or a means.
  const plain = opened.replace(IDIOM, " ");
  const clause = CLAUSE.exec(plain);
  if (clause) return choice([first, clause[0]]);
  TO_WORD.lastIndex = 0;
  for (let m = TO_WORD.exec(plain); m; m = TO_WORD.exec(plain)) {
    if (m.index > 0 && verbClass(m[1]) !== undefined && !NOUN_FIRST.has(m[1].toLowerCase()))
      return choice([first, m[0]]);
  }
  if (firstClass === "weak" && body.length <= options.maxWeakWords) return theme([first]);

  // Skip a chain of verbs ("Develop and evangelize"), then read the object.
  let objectAt = at + 1;
  while (
    objectAt < body.length - 1 &&
    (/^(?:and|or|&)$/i.test(body[objectAt]) || verbClass(body[objectAt]) !== undefined) &&
    !GENERIC.has(body[objectAt].toLowerCase())
  )
    objectAt++;
  const base = verbBase(first) ?? "";
  if (SOFT_CHANGE.has(base)) {
    // "Strengthen our engineering culture": a change of nothing anyone could point to.
    const object = body.slice(objectAt).filter((w) => !STOP.has(w.toLowerCase()));
    if (object.length > 0 && object.every((w) => GENERIC.has(w.toLowerCase())))
      return theme([first, ...object]);
  }
  if (SLOGAN_VERBS.has(base) || firstClass === "weak") {
    const object = body.slice(objectAt).filter((w) => !STOP.has(w.toLowerCase()));
    const generic = object.every((w) => PRAISE.has(w.toLowerCase()) || GENERIC.has(w.toLowerCase()));
    const praised = [...praise, ...object.filter((w) => PRAISE.has(w.toLowerCase()))];
    if (object.length > 0 && generic && (praised.length > 0 || firstClass === "weak"))
      return theme([first, ...praised]);
  }
  return choice([first]);
}
