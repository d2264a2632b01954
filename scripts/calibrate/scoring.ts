/*
 * The numbers `npm run calibrate` prints, computed the same way for every folder.
 *
 * - Theme: precision and recall of `judgeTitle(title).theme` against theme_like (n/a rows
 *   left out).
 * - Key-result kinds: each example key result is judged; an objective's examples are a
 *   subset of its key results, so they are matched to its label counts as well as they can
 *   be (per kind, min(judged, labelled)), and agreement is matched examples / examples.
 *   Objectives whose counts name one kind therefore score every example against that kind.
 * - False accusations: examples judged output in objectives whose key results readers all
 *   called outcome — the mistake metric-kind-doubtful must not make.
 */
import {
  judgeKeyResult,
  judgeTitle,
  type KeyResultKind,
  type TitleOptions,
} from "../../src/engine/classify/index.js";
import type { LabelledObjective } from "./labels.js";

export interface ThemeScore {
  tp: number;
  fp: number;
  fn: number;
  tn: number;
}

export const precision = (s: ThemeScore) => (s.tp + s.fp === 0 ? 1 : s.tp / (s.tp + s.fp));
export const recall = (s: ThemeScore) => (s.tp + s.fn === 0 ? 1 : s.tp / (s.tp + s.fn));
export const f1 = (s: ThemeScore) => {
  const p = precision(s);
  const r = recall(s);
  return p + r === 0 ? 0 : (2 * p * r) / (p + r);
};

export function scoreThemes(rows: readonly LabelledObjective[], options?: TitleOptions): ThemeScore {
  const s: ThemeScore = { tp: 0, fp: 0, fn: 0, tn: 0 };
  for (const row of rows) {
    if (row.theme === undefined) continue;
    const judged = judgeTitle(row.title, options).theme;
    if (judged && row.theme) s.tp++;
    else if (judged) s.fp++;
    else if (row.theme) s.fn++;
    else s.tn++;
  }
  return s;
}

export interface KindScore {
  examples: number;
  matched: number;
  /** Examples judged output where every key result of the objective is labelled outcome. */
  outcomeCalledOutput: number;
  /** Examples in objectives whose key results are all labelled outcome. */
  outcomeOnly: number;
  /** Examples judged output in objectives with no outcome among their labels. */
  outputConfirmed: number;
  judgedOutput: number;
  /** Examples of objectives whose key results all share one kind (no matching slack). */
  singleKind: number;
  singleKindMatched: number;
}

/** The best agreement between judged kinds and an objective's label counts. */
export function bestMatch(
  judged: readonly KeyResultKind[],
  labelled: ReadonlyMap<KeyResultKind, number>,
): number {
  const counts = new Map<KeyResultKind, number>();
  for (const k of judged) counts.set(k, (counts.get(k) ?? 0) + 1);
  let matched = 0;
  for (const [kind, n] of counts) matched += Math.min(n, labelled.get(kind) ?? 0);
  return matched;
}

export function scoreKinds(rows: readonly LabelledObjective[]): KindScore {
  const s: KindScore = {
    examples: 0,
    matched: 0,
    outcomeCalledOutput: 0,
    outcomeOnly: 0,
    outputConfirmed: 0,
    judgedOutput: 0,
    singleKind: 0,
    singleKindMatched: 0,
  };
  for (const row of rows) {
    if (row.examples.length === 0 || row.kinds.size === 0) continue;
    const judged = row.examples.map((e) => judgeKeyResult(e, { objective: row.title }).kind);
    s.examples += judged.length;
    s.matched += bestMatch(judged, row.kinds);
    if (row.kinds.size === 1) {
      s.singleKind += judged.length;
      s.singleKindMatched += bestMatch(judged, row.kinds);
    }
    const onlyOutcome = row.kinds.size === 1 && row.kinds.has("outcome");
    const output = judged.filter((k) => k === "output").length;
    s.judgedOutput += output;
    if (onlyOutcome) {
      s.outcomeOnly += judged.length;
      s.outcomeCalledOutput += output;
    }
    if (!row.kinds.has("outcome")) s.outputConfirmed += output;
  }
  return s;
}

export const agreement = (s: KindScore) => (s.examples === 0 ? 1 : s.matched / s.examples);
