import { z } from "zod";
import type { Priority } from "../../domain/plan-schema.js";
import { isSpecBareTheme, judgeTitle } from "../classify/index.js";
import { type AnalysisContext, isBlank } from "../context.js";
import { defineRule } from "../define-rule.js";
import { threshold } from "../rule-config.js";
import { joinAnd, quoted } from "../wording.js";

/** The spec's word-list reading of a bare theme (kept for callers of the old name). */
export const isBareTheme = isSpecBareTheme;

/** The five elements of a specific priority, with how a message names each when missing. */
const ELEMENTS = [
  { key: "segment", missing: "no segment" },
  { key: "outcome", missing: "no customer outcome" },
  { key: "rightToWin", missing: "no right to win" },
  { key: "metric", missing: "no outcome or business metric" },
  { key: "stop", missing: "no stop" },
] as const;
type Element = (typeof ELEMENTS)[number]["key"];

function missingElements(ctx: AnalysisContext, p: Priority): Element[] {
  // A function's or team objective works inside the choice made above it: it inherits the
  // segment, outcome and right to win its ancestors state, and a stop or outcome metric
  // beneath it counts for it (as for priority-no-stops and priority-unmeasured).
  const lineage = ancestry(ctx, p);
  const family = ctx.withBeneath(p.id);
  const has: Record<Element, boolean> = {
    segment: lineage.some((x) => !isBlank(x.segment)),
    outcome: lineage.some((x) => !isBlank(x.outcome)),
    rightToWin: lineage.some((x) => !isBlank(x.rightToWin)),
    metric: family.some(
      (id) =>
        (id === p.id || ctx.isLivePriority(id)) &&
        (ctx.metricsByPriority.get(id) ?? []).some((m) => m.kind === "outcome" || m.kind === "business"),
    ),
    stop: family.some((id) => (ctx.stopsByPriority.get(id) ?? []).length > 0),
  };
  return ELEMENTS.map((e) => e.key).filter((k) => !has[k]);
}

/** The priority and its ancestors, nearest first (a loop ends the walk). */
function ancestry(ctx: AnalysisContext, p: Priority): Priority[] {
  const out = [p];
  const seen = new Set([p.id]);
  for (let up = p.parent; up !== undefined && !seen.has(up); ) {
    const next = ctx.priorities.get(up);
    if (!next) break;
    out.push(next);
    seen.add(up);
    up = next.parent;
  }
  return out;
}

const FIX: Record<Element, string> = {
  segment: "name the customer segment it goes deep on (segment)",
  outcome: "state the customer outcome it aims at (outcome)",
  rightToWin: "say why you can win there (rightToWin)",
  metric: "link an outcome or business metric",
  stop: "record what was stopped to make room for it",
};

export const priorityVague = defineRule({
  id: "priority-vague",
  dimension: "focus",
  severity: "warning",
  summary:
    "A live priority lacks 2 or more of segment, outcome, right to win, an outcome/business metric and a stop, or its title is a bare theme.",
  rationale:
    'A priority like "Customer experience" tells nobody what to do differently on Monday. Without a segment, an outcome, a reason to win, a measure and a sacrifice, every team reads it as a blessing for what it was already doing.',
  howToClose:
    "Say who the priority is for, what outcome it aims at, why you can win, how you will measure it and what you stopped for it — and give it a title that is a choice, not a theme.",
  thresholds: z.object({
    minMissing: threshold(2, "how many of the five elements must be missing to fire"),
  }),
  check(ctx, { minMissing }) {
    return ctx.livePriorities.flatMap((p) => {
      const missing = missingElements(ctx, p);
      // The wording classifier decides; every title the spec's word list calls a bare theme stays one.
      const judged = judgeTitle(p.title);
      const bareTheme = judged.theme || isBareTheme(p.title);
      const themeWords = judged.theme
        ? judged.words
        : bareTheme
          ? (p.title.match(/[\p{L}\p{N}]+/gu) ?? [])
          : [];
      if (missing.length < minMissing && !bareTheme) return [];
      const reasons: string[] = [];
      if (bareTheme)
        reasons.push(
          `its title is a bare theme${themeWords.length ? ` (${joinAnd(themeWords.map(quoted))} names an area, not a choice)` : ""}`,
        );
      if (missing.length)
        reasons.push(
          `it has ${joinAnd(ELEMENTS.filter((e) => missing.includes(e.key)).map((e) => e.missing))}`,
        );
      const fixes = missing.map((k) => FIX[k]);
      if (bareTheme) fixes.unshift("retitle it as a choice (who, what outcome)");
      return [
        {
          subject: { type: "priority", id: p.id },
          message: `Priority ${quoted(p.title)} is vague: ${reasons.join("; ")}`,
          evidence: bareTheme
            ? { missing, bareTheme, themeWords, minMissing }
            : { missing, bareTheme, minMissing },
          suggestion: `For ${quoted(p.title)}: ${joinAnd(fixes)}.`,
        },
      ];
    });
  },
});
