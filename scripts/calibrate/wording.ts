/*
 * `npm run calibrate`, the wording section: how well the classifiers agree with the labelled
 * documents (docs/wording.md says how each number is measured). Prints and returns them.
 */
import { TITLE_DEFAULTS, type TitleOptions } from "../../src/engine/classify/index.js";
import { type LabelledObjective, readLabels } from "./labels.js";
import {
  agreement,
  f1,
  type KindScore,
  precision,
  recall,
  scoreKinds,
  scoreThemes,
  type ThemeScore,
} from "./scoring.js";

export interface WordingCalibration {
  objectives: number;
  documents: string[];
  theme: ThemeScore;
  themeLeaveOneOut: ThemeScore;
  /** The title limits each held-out document was judged with (fitted on the others). */
  foldOptions: Record<string, TitleOptions>;
  kinds: KindScore;
  perDocument: { source: string; theme: ThemeScore; kinds: KindScore }[];
}

const LABEL_WORDS = [3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 14];
const WEAK_WORDS = [3, 4, 5, 6, 7, 8, 9, 10, 12];

/** The title limits with the best F1 on `rows`; ties go to the shipped defaults' neighbourhood. */
export function fitTitleOptions(rows: readonly LabelledObjective[]): TitleOptions {
  let best = TITLE_DEFAULTS;
  let bestF1 = -1;
  let bestDistance = 0;
  for (const maxLabelWords of LABEL_WORDS) {
    for (const maxWeakWords of WEAK_WORDS) {
      const options = { maxLabelWords, maxWeakWords };
      const score = f1(scoreThemes(rows, options));
      const distance =
        Math.abs(maxLabelWords - TITLE_DEFAULTS.maxLabelWords) +
        Math.abs(maxWeakWords - TITLE_DEFAULTS.maxWeakWords);
      if (score > bestF1 + 1e-9 || (Math.abs(score - bestF1) <= 1e-9 && distance < bestDistance)) {
        best = options;
        bestF1 = score;
        bestDistance = distance;
      }
    }
  }
  return best;
}

const add = (a: ThemeScore, b: ThemeScore): ThemeScore => ({
  tp: a.tp + b.tp,
  fp: a.fp + b.fp,
  fn: a.fn + b.fn,
  tn: a.tn + b.tn,
});
const r2 = (n: number) => n.toFixed(2);

export function calibrateWording(dir: string, log: (line: string) => void = console.log): WordingCalibration {
  const rows = readLabels(dir);
  const documents = [...new Set(rows.map((r) => r.source))];
  const theme = scoreThemes(rows);
  const kinds = scoreKinds(rows);

  let themeLeaveOneOut: ThemeScore = { tp: 0, fp: 0, fn: 0, tn: 0 };
  const foldOptions: Record<string, TitleOptions> = {};
  const perDocument = documents.map((source) => {
    const held = rows.filter((r) => r.source === source);
    const options = fitTitleOptions(rows.filter((r) => r.source !== source));
    foldOptions[source] = options;
    themeLeaveOneOut = add(themeLeaveOneOut, scoreThemes(held, options));
    return { source, theme: scoreThemes(held), kinds: scoreKinds(held) };
  });

  log(`wording: ${rows.length} labelled objectives in ${documents.length} documents (${dir})`);
  log(
    `  theme: precision ${r2(precision(theme))}, recall ${r2(recall(theme))} ` +
      `(${theme.tp} themes found, ${theme.fp} false, ${theme.fn} missed; goal ≥ 0.80 / ≥ 0.70)`,
  );
  log(
    `  theme, leave one document out (title limits refitted on the other ${documents.length - 1}): ` +
      `precision ${r2(precision(themeLeaveOneOut))}, recall ${r2(recall(themeLeaveOneOut))}`,
  );
  log(
    `  key-result kinds: agreement ${r2(agreement(kinds))} ` +
      `(${kinds.matched} of ${kinds.examples} example key results; goal ≥ 0.85); ` +
      `${r2(kinds.singleKind ? kinds.singleKindMatched / kinds.singleKind : 1)} on objectives whose key results share one kind ` +
      `(${kinds.singleKindMatched} of ${kinds.singleKind})`,
  );
  log(
    `  outcome called output: ${kinds.outcomeCalledOutput} of ${kinds.outcomeOnly} examples from objectives ` +
      `whose key results are all outcomes; ${kinds.outputConfirmed} of ${kinds.judgedOutput} judged output ` +
      `sit where readers saw no outcome`,
  );
  log("  per document (theme precision / recall, kind agreement; no kind limits are fitted):");
  for (const d of perDocument) {
    const t = d.theme;
    log(
      `    ${d.source.padEnd(48)} theme ${r2(precision(t))} / ${r2(recall(t))} ` +
        `(${t.tp}+${t.fn} themes, ${t.fp} false)  kinds ${r2(agreement(d.kinds))} (${d.kinds.matched}/${d.kinds.examples})`,
    );
  }
  return { objectives: rows.length, documents, theme, themeLeaveOneOut, foldOptions, kinds, perDocument };
}
