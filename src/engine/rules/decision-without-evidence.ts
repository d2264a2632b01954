import { defineRule } from "../define-rule.js";
import { joinAnd, quoted } from "../wording.js";

const NEEDS_EVIDENCE = new Set(["cut", "deprioritise", "stop", "invest", "pivot"]);

export const decisionWithoutEvidence = defineRule({
  id: "decision-without-evidence",
  dimension: "learning",
  severity: "info",
  summary: "A decision to cut, deprioritise, stop, invest or pivot cites no insight.",
  rationale:
    "A decision that changes where effort goes, made without customer evidence, is a decision by seniority. Citing the insight behind it shows the learning loop is closed — or that it is not.",
  howToClose: "Cite the insights the decision rests on, or record the customer evidence that was used.",
  check(ctx) {
    // Newest first, by the priority they concern: the candidates a decision could cite.
    const byPriority = new Map<string, typeof ctx.plan.insights & object>();
    for (const i of [...(ctx.plan.insights ?? [])].sort((a, b) =>
      a.date < b.date ? 1 : a.date > b.date ? -1 : 0,
    ))
      for (const p of new Set(i.priorities ?? []))
        byPriority.set(p, [...(byPriority.get(p) ?? []), i].slice(0, 3));
    return (ctx.plan.decisions ?? []).flatMap((d) => {
      if (!NEEDS_EVIDENCE.has(d.kind)) return [];
      // Evidence dated after asOf was not there when the decision is read: it cites none.
      if ((d.evidence ?? []).some((id) => ctx.insights.has(id))) return [];
      const candidates = d.priority !== undefined ? (byPriority.get(d.priority) ?? []) : [];
      return [
        {
          subject: { type: "decision" as const, id: d.id },
          message: `Decision ${quoted(d.statement)} (${d.kind}, ${d.date}) cites no customer insight`,
          evidence: { kind: d.kind, date: d.date, cited: d.evidence ?? [] },
          suggestion: candidates.length
            ? `Cite the insights it rests on — perhaps ${joinAnd(candidates.map((i) => `${i.id} (${quoted(i.summary)})`))}.`
            : "Record the customer insight it rests on and cite it, or note that none was used.",
        },
      ];
    });
  },
});
