import type { PlanPath } from "../../domain/plan-issue.js";
import { isBlank } from "../context.js";
import { defineRule } from "../define-rule.js";
import type { RuleFinding } from "../types.js";
import { joinAnd, quoted } from "../wording.js";

export const reviewIncomplete = defineRule({
  id: "review-incomplete",
  dimension: "reviews",
  severity: "warning",
  summary:
    "A review item leaves any of the three questions unanswered: how it connects to the priorities, what it teaches about the segment, whether to keep investing.",
  rationale:
    'The three questions are the review: skipping one turns it into a status update. An unanswered "still invest?" is how work nobody believes in keeps its budget.',
  howToClose: "Answer the missing questions for the initiative, at the next review at the latest.",
  check(ctx) {
    const byInitiative = new Map<
      string,
      { path: PlanPath; items: { review: string; date: string; missing: string[] }[] }
    >();
    for (const review of ctx.plan.reviews ?? []) {
      const reviewPath = ctx.pathOf({ type: "review", id: review.id }) ?? [];
      // Within one review, the last item for an initiative counts.
      const lastIndex = new Map<string, number>();
      review.items.forEach((item, i) => lastIndex.set(item.initiative, i));
      for (const [initiative, i] of lastIndex) {
        const item = review.items[i];
        const missing = [
          isBlank(item.connection) ? "connection" : undefined,
          isBlank(item.learning) ? "learning" : undefined,
          item.stillInvest === undefined ? "stillInvest" : undefined,
        ].filter((m): m is string => m !== undefined);
        if (missing.length === 0) continue;
        const entry = byInitiative.get(initiative) ?? { path: [...reviewPath, "items", i], items: [] };
        entry.items.push({ review: review.id, date: review.date, missing });
        byInitiative.set(initiative, entry);
      }
    }
    const QUESTION: Record<string, string> = {
      connection: "how it connects to the priorities",
      learning: "what it teaches about the segment",
      stillInvest: "whether to keep investing",
    };
    const findings: RuleFinding[] = [];
    for (const [id, { path, items }] of byInitiative) {
      const title = ctx.initiatives.get(id)?.title ?? id;
      const missing = [...new Set(items.flatMap((x) => x.missing))];
      findings.push({
        subject: { type: "initiative", id },
        message: `Initiative ${quoted(title)} was reviewed without answering ${joinAnd(missing.map((m) => QUESTION[m]))}`,
        evidence: { reviews: items },
        suggestion: `At the next review of ${quoted(title)}, answer ${joinAnd(missing.map((m) => QUESTION[m]))}.`,
        path,
      });
    }
    return findings;
  },
});
