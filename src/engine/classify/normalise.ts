/*
 * Turning a title or key result as people write it into the words the classifiers judge:
 * markup, progress notes ("=> 66%"), owner prefixes ("CRO:", "VP, IT KR:", "`P0` - @ana -")
 * and time words (Q3, FY21, H1, 2020) removed. Pure string work with precompiled patterns.
 */

import { verbClass } from "./verbs.js";

const TAG = /<\/?[A-Za-z][^>]*>/g;
const MD_LINK = /!?\[([^\]]*)\](?:\([^)]*\)|\[[^\]]*\])/g;
const MD_MARK = /\*\*|__|[*`]/g;
/** What follows an arrow is the result someone reported, not the key result. */
const RESULT = /\s*(?:=+>|-+>|→).*$/s;
const OWNER_NOTE = /\(\s*owners?\s*:[^)]*\)/gi;
const LIST_MARK = /^\s*(?:[-*+•]|\d+[.)]|#{1,6})\s+/;
const OBJECTIVE_NO = /^(?:(?:objective|okr|goal)\s*[\dA-Z]*(?:\.\d+)*\s*[:.)-]\s*|OKRs?\s+)/i;
const TRAILING = /[\s.;,:]+$/;
/** Any mark one of the rewrites below acts on. */
const NEEDS_CLEANING =
  /[<[*_`=→>#&!@(:–—\\\n\t]|\s-|^\s*(?:\d|[-+•]|P[0-9X]|FY|Q[1-4]|objective|okr|goal)|KR| {2}/i;
const EMPTY_BRACKETS = /\[\s*\]|\(\s*\)/g;
/** "KR:", "KR 2.1:", "VP, IT KR:", "Sales (Closing Deals) KR:" — the owner of a key result. */
const KR_PREFIX = /^(?:[^:]{0,80}?\s)?KRs?\s*\d*(?:\.\d+)*\s*:\s*/;
/** "`P0` - @handle -", "PX @???:" — priority and owner before an IPFS-style key result. */
const PRIORITY_OWNER = /^(?:P[0-9X]\s*[-:]?\s*)?@\S+\s*[-:–]\s*|^P[0-9X]\s*[-:–]\s*/;
const LEADING_TIME = /^(?:FY\d{2,4}\s*Q[1-4]|Q[1-4]\s*\d{0,4}|\(\d+(?:\.\d+)*\))\s*[-:–]?\s*/i;
const SPACE = /\s+/g;
/** Tracker references ("gitlab-com&265", "Product#725", "epic #60", "ipfs/project#14"). */
const REFERENCE = /(?:\bepic\s+)?(?<![\p{L}\p{N}])[\w./-]*[#&!]\d+(?![\p{L}\p{N}])|\(\s*ref:[^)]*\)/giu;

/**
 * How much of a text is read. A title or key result is a line; past this it is prose, and
 * bounding it keeps every pattern's worst case small (no plan can stall a server with one).
 */
export const MAX_CHARS = 400;

/** The text with markup, reported results, owner notes and key-result owner prefixes removed. */
export function cleanText(input: string): string {
  const raw = input.length > MAX_CHARS ? input.slice(0, MAX_CHARS) : input;
  // Most metric names and many titles hold no markup and no prefix: skip the rewriting.
  if (!NEEDS_CLEANING.test(raw)) return raw.trim().replace(TRAILING, "");
  let t = raw.replace(TAG, "").replace(MD_LINK, "$1").replace(MD_MARK, "").replace(RESULT, "");
  t = t
    .replace(REFERENCE, " ")
    .replace(EMPTY_BRACKETS, " ")
    .replace(OWNER_NOTE, "")
    .replace(/\\\s*$/, "")
    .replace(SPACE, " ")
    .trim();
  for (let i = 0; i < 3; i++) {
    const before = t;
    t = t
      .replace(LIST_MARK, "")
      .replace(OBJECTIVE_NO, "")
      .replace(KR_PREFIX, "")
      .replace(PRIORITY_OWNER, "")
      .replace(LEADING_TIME, "")
      .trim();
    if (t === before) break;
  }
  return t.replace(TRAILING, "");
}

/** "Director of Product, Growth: …", "Ops – …", "Manage:Foundations - …". */
const LABEL = /^([^:–—]{1,60}?)(?::\s*|\s+[–—-]\s+|\s*[–—]\s*)(?=\S)/u;
const WORD = /[\p{L}\p{N}]+(?:['’][\p{L}]+)?/gu;

export interface Labelled {
  /** The leading labels (owners, teams, areas), outermost first. */
  labels: string[];
  /** The text after them. */
  rest: string;
}

/**
 * Splits leading labels off: up to eight words before a colon or a spaced dash, holding no
 * number, percent or currency. A label of two or more words that starts with a verb is really
 * the start of a sentence ("Grow ARR: new logos") and stays.
 */
export function splitLabels(text: string): Labelled {
  const labels: string[] = [];
  let rest = text;
  for (let i = 0; i < 3; i++) {
    const m = LABEL.exec(rest);
    if (!m) break;
    const label = m[1].trim();
    const words = label.match(WORD) ?? [];
    if (words.length === 0 || words.length > 8 || /[%$€£]|\d+\s*%/.test(label)) break;
    if (words.length > 1 && verbClass(words[0] ?? "") !== undefined) break;
    const after = rest.slice(m[0].length).trim();
    if ((after.match(WORD) ?? []).length === 0) break;
    labels.push(label);
    rest = after;
  }
  return { labels, rest };
}

/** Words: runs of letters and digits (apostrophes kept inside a word). */
export function wordsOf(text: string): string[] {
  return text.match(WORD) ?? [];
}

/** Quarters, halves, fiscal years, years, end-of-quarter: time words, not quantities. */
export const TIME_WORDS =
  /\b(?:(?:FY|CY)\s?'?\d{2,4}(?:[-\s]?Q[1-4])?|Q[1-4](?:\s?(?:FY)?'?(?:19|20)?\d{2})?|H[12]|(?:19|20)\d{2}(?:-(?:Q[1-4]|\d{2}-\d{2}))?|EO[QYM]|\d{1,2}(?:st|nd|rd|th))\b/gi;

/** Parenthesised asides ("(pipeline and revenue generation)"): examples, not the title. */
export const ASIDE = /\s*\([^()]*\)/g;
