import { type Analysis, api, get } from "../api";
import { asOfQuery } from "../as-of";

// The plan as the pages read it (plan-format JSON); loose on purpose: the server validated it.
// biome-ignore lint/suspicious/noExplicitAny: plan-format objects are read field by field
export type Plan = Record<string, any>;

export async function loadPlanAndAnalysis(ws: string): Promise<{ plan: Plan; analysis: Analysis }> {
  const [plan, analysis] = await Promise.all([
    api<Plan>("GET", `/workspaces/${ws}/plan${asOfQuery()}`, { accept: "application/json" }).then(
      (r) => r.data,
    ),
    get<Analysis>(`/workspaces/${ws}/analysis${asOfQuery()}`),
  ]);
  return { plan, analysis };
}

/** The worst severity of the findings about one subject. */
export function worstFor(
  analysis: Analysis,
  type: string,
  id: string,
): "error" | "warning" | "info" | "none" {
  let worst: "error" | "warning" | "info" | "none" = "none";
  const rank = { none: 0, info: 1, warning: 2, error: 3 };
  for (const f of analysis.findings)
    if (f.subject.type === type && f.subject.id === id && rank[f.severity] > rank[worst]) worst = f.severity;
  return worst;
}
