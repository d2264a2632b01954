/*
 * The wording classifiers (shared spec rules.md, "Wording"): pure, deterministic, English.
 * `judgeTitle` says whether an objective title is a bare theme; `judgeKeyResult` reads a key
 * result or metric name as outcome | output | vague | placeholder | pointer. Each judgement
 * returns the words that decided it, so a finding can say why.
 *
 * This file is the contract the rules and the converter call; the word lists and patterns
 * live beside it.
 */

export type KeyResultKind = "outcome" | "output" | "vague" | "placeholder" | "pointer";

export interface ThemeJudgement {
  theme: boolean;
  /** The words (or pattern) that decided it, as written in the title. */
  words: string[];
}

export interface KindJudgement {
  kind: KeyResultKind;
  /** The words (or pattern) that decided it, as written in the text. */
  words: string[];
}

/** Words that name a theme rather than a choice (shared spec rules.md, "Bare theme"). */
const SPEC_THEME_WORDS = new Set([
  "customer",
  "customers",
  "experience",
  "innovation",
  "digital",
  "growth",
  "excellence",
  "operational",
  "transformation",
  "efficiency",
  "quality",
  "and",
]);

/** The spec's word-list reading: 1–3 words (runs of letters and digits), all theme words. */
export function isSpecBareTheme(title: string): boolean {
  const words = title.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
  return words.length >= 1 && words.length <= 3 && words.every((w) => SPEC_THEME_WORDS.has(w));
}

/** Is this objective title a bare theme (a label or slogan, not a choice)? */
export function judgeTitle(title: string): ThemeJudgement {
  if (isSpecBareTheme(title)) return { theme: true, words: title.match(/[\p{L}\p{N}]+/gu) ?? [] };
  return { theme: false, words: [] };
}

/** What kind of key result does this text describe? */
export function judgeKeyResult(text: string): KindJudgement {
  if (/^\s*(x|\$x|tbd|xxx)\s*$/i.test(text)) return { kind: "placeholder", words: [text.trim()] };
  return { kind: "outcome", words: [] };
}
