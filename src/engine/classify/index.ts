/*
 * The wording classifiers (shared spec rules.md, "Wording"): pure, deterministic, English.
 * `judgeTitle` says whether an objective title is a bare theme; `judgeKeyResult` reads a key
 * result or metric name as outcome | output | vague | placeholder | pointer; and
 * `findPlaceholders` finds the "X", "TBD", "[N13]" people leave where a number goes. Each
 * judgement returns the words that decided it, so a finding can say why.
 *
 * This file is the contract the rules and the converter call; the word lists and patterns
 * live beside it (docs/wording.md describes them and how they were calibrated).
 */

export { judgeKeyResult } from "./judge-key-result.js";
export { isSpecBareTheme, judgeTitle, TITLE_DEFAULTS, type TitleOptions } from "./judge-title.js";
export { findPlaceholders } from "./placeholders.js";
export type { KeyResultContext, KeyResultKind, KindJudgement, ThemeJudgement } from "./types.js";
