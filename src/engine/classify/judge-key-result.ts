/*
 * What kind of key result is this text? (shared spec rules.md "Wording"; the kinds as the
 * labelled documents define them, docs/wording.md.) Read in order:
 *
 * 1. placeholder — nothing but placeholders ("$X", "from X to Y", "[N13]") or it opens with
 *    "TBD";
 * 2. pointer — it only sends the reader elsewhere ("See the Compete objective", a team label
 *    followed by an objective's name with no measure, or the objective's own words again);
 * 3. output — hiring; a leading verb of work (publish, identify, ship, launch…) unless what
 *    it moves is a business result with a number; a function's own throughput (merge
 *    requests, test coverage, tickets, posts); a deliverable or its finished state;
 * 4. outcome — a customer or business result (revenue, pipeline, retention, conversion,
 *    usage, satisfaction, availability…), with a number or a direction, or as a metric name;
 * 5. vague — none of these: a direction with nothing measured ("Improve reliability"), or a
 *    state nobody could count.
 * When unsure between outcome and output the reading leans to outcome (a finding that calls
 * an outcome "output" is a false accusation).
 */

import {
  CUSTOMER_PROBLEM,
  DELIVERABLE,
  DONE_STATE,
  HIRING,
  LEVEL_VERBS,
  MEASURE_TOOL,
  OUTCOME,
  PEOPLE,
  PREPOSITIONS,
  SEE_OTHER,
  SERVED,
  SUBJECT_OPENER,
  THROUGHPUT,
  TIMING,
  USAGE,
} from "./measure-words.js";
import { cleanText, splitLabels, wordsOf } from "./normalise.js";
import { findPlaceholders, withoutPlaceholders } from "./placeholders.js";
import { findQuantity, withoutAsides } from "./quantity.js";
import { COMPARATIVE, STOP } from "./title-words.js";
import type { KeyResultContext, KeyResultKind, KindJudgement } from "./types.js";
import { AUXILIARY, FINITE, isParticiple, NOUN_FIRST, verbBase, verbClass } from "./verbs.js";

const TBD_FIRST = /^\s*(?:TBD|TBC|TBA|to be (?:defined|determined|decided|confirmed))(?![\p{L}\p{N}])/iu;
/** Verbs that, leading a key result, name no work and no change: the rest decides. */
const EMPTY_VERBS: ReadonlySet<string> = new Set(["make", "ensure", "help", "support", "get", "continue"]);
/** Work verbs that can bring a result ("Deliver $250k of savings", "Add $2M ARR"). */
const RESULT_VERBS: ReadonlySet<string> = new Set([
  "deliver",
  "generate",
  "produce",
  "bring",
  "add",
  "close",
  "secure",
  "land",
  "book",
  "source",
]);

const judged = (kind: KeyResultKind, words: (string | undefined)[]): KindJudgement => ({
  kind,
  words: [...new Set(words.filter((w): w is string => !!w))],
});

function contentWords(text: string): string[] {
  return wordsOf(text)
    .map((w) => w.toLowerCase())
    .filter((w) => !STOP.has(w));
}

/** The leading verb, after "We will", "In collaboration with PS" or adverbs; or undefined. */
function leadingVerb(words: string[]): string | undefined {
  let at = 0;
  if (words.length > 1 && PREPOSITIONS.has(words[0].toLowerCase())) {
    for (let i = 1; i < Math.min(words.length, 7); i++) {
      if (verbClass(words[i]) && !isParticiple(words[i])) return words[i];
    }
    return undefined;
  }
  while (at < words.length - 1 && /ly$/i.test(words[at]) && !verbClass(words[at])) at++;
  const first = words[at];
  // "Redesigned landing page", "Certified skills get used": a statement, not a command.
  if (!first || verbClass(first) === undefined || isParticiple(first)) return undefined;
  // "Repairs returned the same day", "Fixes shipped": a command never takes the -s form, so
  // the word is a plural noun (the subject), not a verb.
  if (/[^s]s$/i.test(first) && verbBase(first) !== first.toLowerCase()) return undefined;
  if (words.length - at <= 2 && NOUN_FIRST.has(first.toLowerCase())) return undefined;
  // "Share of wallet", "Time to first value", "Reports viewed by managers": a noun, not a command.
  const next = words[at + 1]?.toLowerCase() ?? "";
  if (NOUN_FIRST.has(verbBase(first) ?? "") && (OF_LIKE.has(next) || /ed$/.test(next))) return undefined;
  return first;
}

const OF_LIKE: ReadonlySet<string> = new Set(["of", "per", "to", "from"]);

/** A finite verb or auxiliary: the text is a statement, not a noun phrase. */
function hasFiniteVerb(words: string[]): boolean {
  for (let i = 1; i < words.length; i++) {
    const w = words[i].toLowerCase();
    if (AUXILIARY.has(w) || (FINITE.has(w) && w !== "use" && w !== "live")) return true;
  }
  return false;
}

/** Does the key result mostly repeat the words of its objective? */
function restatesObjective(rest: string, objective: string | undefined): boolean {
  if (!objective) return false;
  const mine = contentWords(rest);
  if (mine.length === 0) return false;
  const theirs = new Set(contentWords(cleanText(objective)));
  const shared = mine.filter((w) => theirs.has(w)).length;
  return shared / mine.length >= 0.6;
}

/** What kind of key result does this text describe? */
export function judgeKeyResult(text: string, context: KeyResultContext = {}): KindJudgement {
  const cleaned = cleanText(text);
  if (cleaned.length === 0) return judged("vague", []);

  // 1. Placeholder: "TBD …", or nothing left once the placeholders are taken out.
  const tbd = TBD_FIRST.exec(cleaned);
  if (tbd) return judged("placeholder", [tbd[0].trim()]);
  const placeholders = findPlaceholders(cleaned);
  if (placeholders.length > 0 && contentWords(withoutPlaceholders(cleaned)).length === 0)
    return judged("placeholder", placeholders);

  // 2. Pointer: "See … objective".
  const see = SEE_OTHER.exec(cleaned);
  if (see) return judged("pointer", [see[0]]);

  const { labels, rest } = splitLabels(cleaned);
  const body = withoutAsides(rest).replace(SUBJECT_OPENER, "").trim() || rest;
  const words = wordsOf(body);
  const verb = leadingVerb(words);
  const verbKind = verb ? verbClass(verb) : undefined;
  const base = verb ? (verbBase(verb) ?? "") : "";
  const quantity = findQuantity(body);
  const outcomeMatch = OUTCOME.exec(body) ?? PEOPLE.exec(body);
  const toolMatch = MEASURE_TOOL.exec(body);
  const tool = toolMatch?.[0];
  // Where an outcome and a throughput phrase overlap the longer wins: "pipeline coverage" is
  // an outcome, "data pipeline" is not.
  const throughputMatch = THROUGHPUT.exec(body);
  const clash = !!throughputMatch && !!outcomeMatch && overlaps(throughputMatch, outcomeMatch);
  const outcomeWins = clash && (outcomeMatch?.[0].length ?? 0) >= (throughputMatch?.[0].length ?? 0);
  const outcome = clash && !outcomeWins ? undefined : outcomeMatch?.[0];
  const throughput = clash && outcomeWins ? undefined : throughputMatch?.[0];
  // Which the key result names first: "Generate N deals … within two weeks of first meeting".
  const outcomeFirst =
    !!outcome && (!throughput || (outcomeMatch?.index ?? 0) < (throughputMatch?.index ?? 0));
  const deliverable = DELIVERABLE.exec(body)?.[0];
  const done = DONE_STATE.exec(body)?.[0];
  const participle = words.find((w, i) => (i > 0 || !verb ? isDoneParticiple(w) : false));
  const direction = COMPARATIVE.exec(body)?.[0];

  // 2b. Pointer: a team label and then only an objective's name, or the objective again.
  const noMeasure = !quantity && !outcome && !throughput && !deliverable && !done && !participle;
  const workVerb = verbKind === "strict" || verbKind === "general";
  if (noMeasure && !workVerb && !LEVEL_VERBS.has(base)) {
    if (labels.length > 0) return judged("pointer", [labels[labels.length - 1], rest]);
    if (restatesObjective(rest, context.objective)) return judged("pointer", [rest]);
  }

  // 3. Hiring is output whatever the number.
  const hiring = HIRING.exec(body)?.[0];
  if (hiring) return judged("output", [hiring]);

  // The tool measures the result when it comes first or right after it ("SMAU tracking").
  const toolMeasures =
    !!toolMatch &&
    (!outcomeMatch ||
      toolMatch.index < outcomeMatch.index ||
      toolMatch.index - (outcomeMatch.index + outcomeMatch[0].length) <= 4);
  const businessResult = outcome && !toolMeasures && (quantity || direction || verbKind === "direction");
  if (verb && verbKind === "strict") {
    // "Present and implement a tax structure that lowers tax cash out 25%": still a result.
    if (businessResult && quantity && direction) return judged("outcome", [outcome, quantity]);
    return judged("output", [verb]);
  }
  if (verb && verbKind === "general" && !EMPTY_VERBS.has(base)) {
    if (RESULT_VERBS.has(base) && businessResult && quantity && outcomeFirst && !deliverable)
      return judged("outcome", [outcome, quantity]);
    return judged("output", [verb]);
  }
  if (verb && verbKind === "direction") {
    if (outcome && !toolMeasures && outcomeFirst) return judged("outcome", [verb, outcome]);
    const work = throughput ?? deliverable ?? tool;
    if (work) return judged("output", [verb, work]);
    if (quantity) return judged("output", [verb, quantity]);
    return judged("vague", [verb]);
  }
  // Statements, noun phrases, metric names and empty verbs ("Make", "Ensure"): with nothing
  // measured, "Make X clearer" and "Ensure X is prioritised" are vague.
  if (verb && !quantity && !outcome && base !== "get" && EMPTY_VERBS.has(base))
    return judged("vague", [verb]);
  const deliverableMatch = DELIVERABLE.exec(body);
  const workFirst =
    (throughputMatch && !clash && throughputMatch.index < (outcomeMatch?.index ?? 0)) ||
    (deliverableMatch && deliverableMatch.index < (outcomeMatch?.index ?? 0));
  if (outcome && !toolMeasures && !workFirst && (!throughput || quantity) && !(done && !quantity))
    return judged("outcome", quantity ? [outcome, quantity] : [outcome]);
  // Problems customers meet, or their things mended, counted, timed or reported: their
  // result ("Faults per 1000 bikes", "Repairs returned the same day", "Cut-outs reported").
  const problem = CUSTOMER_PROBLEM.exec(body);
  const timing = TIMING.exec(body)?.[0];
  // "Complaints dashboard shipped", "Fault report": a thing made about the problems is output.
  const reported = tool && /ed$/i.test(tool) ? tool : undefined;
  const madeThing = !!deliverableMatch || (!!tool && !reported);
  if (!verb && problem && !throughput && !madeThing && !hasFiniteVerb(words)) {
    if (quantity || timing || reported || direction || words.length <= 4)
      return judged("outcome", [problem[0], quantity ?? timing ?? reported ?? direction]);
  }
  // A noun phrase about customers or users (a metric name, most often) is read as their
  // result, never as a team's output: "Customer tickets per 1,000 users", "Patients seen
  // within 48 hours". Calling such a metric output would be the false accusation. A longer
  // one still counts when the people served are its subject and it gives a rate or a time
  // ("Owners riding to work four or more days a week").
  const servedLead = SERVED.exec(body);
  const servedSubject =
    !!servedLead && servedLead.index === 0 && !!(timing || quantity) && words.length <= 14;
  if (!verb && (words.length <= 8 || servedSubject) && !hasFiniteVerb(words)) {
    const served = SERVED.exec(body);
    const deliverableFirst =
      served &&
      deliverableMatch &&
      deliverableMatch.index < served.index &&
      !(outcomeMatch && overlaps(deliverableMatch, outcomeMatch));
    const usage = USAGE.exec(body)?.[0];
    if (usage) return judged("outcome", served ? [served[0], usage] : [usage]);
    if (served && !deliverableFirst) return judged("outcome", quantity ? [served[0], quantity] : [served[0]]);
  }
  const work = throughput ?? deliverable ?? tool ?? done ?? participle;
  if (work) return judged("output", [work]);
  // A number is the last resort, and never where the text names the people served or their
  // problems ("four" in "Owners riding … four days a week", "1000" in "Faults per 1000 bikes"):
  // there it says how much of their result, and calling it output is the false accusation.
  // Elsewhere the labelled documents read counted internal states as output ("100% of
  // expenses have a purchase order").
  if (quantity && !verb && !problem && !servedLead) return judged("output", [quantity]);
  return judged("vague", verb ? [verb] : []);
}

function overlaps(a: RegExpExecArray, b: RegExpExecArray): boolean {
  return a.index < b.index + b[0].length && b.index < a.index + a[0].length;
}

/** "published", "rolled", "held": a piece of work reported done (not "aligned", "supported"). */
function isDoneParticiple(word: string): boolean {
  if (!isParticiple(word) || /ing$/i.test(word)) return false;
  const cls = verbClass(word);
  return cls === "strict" || cls === "general";
}
