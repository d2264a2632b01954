import type { Plan } from "../domain/plan-schema.js";
import { todayUtc } from "../domain/primitives.js";
import { AnalysisContext, unique } from "./context.js";
import { gapIndex } from "./gap-index.js";
import { actionLimits, findingActions, RULES_WITH_ACTIONS } from "./moves/finding-actions.js";
import { RULES } from "./registry.js";
import { resolveRules } from "./rule-config.js";
import {
  type AnalysisOptions,
  type AnalysisResult,
  DIMENSIONS,
  type Dimension,
  type Finding,
  type RuleFinding,
  type Subject,
} from "./types.js";

const SEVERITY_ORDER = { error: 0, warning: 1, info: 2 } as const;
const DIMENSION_ORDER = new Map(DIMENSIONS.map((d, i) => [d, i]));
const HAS_ACTIONS = new Set(RULES_WITH_ACTIONS);

/**
 * The analysis engine: a pure function of a valid plan and options. The CLI, the server and
 * the tests all call this; nothing else decides what a finding is.
 */
export function analyse(plan: Plan, options: AnalysisOptions = {}): AnalysisResult {
  return run(plan, options);
}

/**
 * The analysis of a changed plan that keeps `previous` findings of the rules in `unaffected`
 * (rules the change cannot alter, engine/what-if/affected-rules.ts) and runs the others: the
 * same result as `analyse`, for a fraction of the work. `previous` must be the analysis of the
 * plan before the change, on the same day.
 */
export function reanalyse(
  plan: Plan,
  options: AnalysisOptions,
  previous: AnalysisResult,
  unaffected: ReadonlySet<string>,
): AnalysisResult {
  return run(plan, options, { previous, unaffected });
}

function run(
  plan: Plan,
  options: AnalysisOptions,
  keep?: { previous: AnalysisResult; unaffected: ReadonlySet<string> },
): AnalysisResult {
  const asOf = options.asOf ?? plan.asOf ?? options.today ?? todayUtc();
  const ctx = new AnalysisContext(plan, asOf, keep && CONTEXTS.get(keep.previous));
  const findings: Finding[] = [];
  const rules = resolveRules(plan.rules, RULES);
  const limits = actionLimits(rules);
  // Kept findings keep their words, but their actions read the changed plan (an owner to
  // suggest may be one who just stopped owning a live initiative): derived again below.
  if (keep)
    for (const f of keep.previous.findings)
      if (keep.unaffected.has(f.rule)) findings.push(HAS_ACTIONS.has(f.rule) ? { ...f } : f);
  for (const { rule, severity, thresholds } of rules) {
    if (keep?.unaffected.has(rule.id)) continue;
    for (const raw of rule.check(ctx, thresholds)) {
      findings.push({
        rule: rule.id,
        severity,
        dimension: rule.dimension,
        subject: raw.subject,
        message: raw.message,
        evidence: raw.evidence,
        suggestion: raw.suggestion,
        path: raw.path ?? ctx.pathOf(raw.subject),
        scope: resolveScope(ctx, raw),
        actions: [],
        ...indexKeyOf(ctx, rule.id, raw.subject),
      });
    }
  }
  for (const f of findings)
    if (!keep?.unaffected.has(f.rule) || HAS_ACTIONS.has(f.rule)) f.actions = findingActions(f, ctx, limits);
  findings.sort(compareFindings);
  const index = gapIndex(
    findings,
    ctx.livePriorities.map((p) => p.id),
    plan.teams.map((t) => t.id),
    notAssessedDimensions(ctx),
  );
  const result = { index, findings };
  CONTEXTS.set(result, ctx);
  return result;
}

/** Each result's context, for a what-if that re-analyses a changed copy of its plan. */
const CONTEXTS = new WeakMap<AnalysisResult, AnalysisContext>();
/**
 * Dimensions whose inputs the plan does not hold at all (shared spec rules.md, "The Execution
 * Gap Index"): capacity when no team has a capacity, timelines without promises, learning
 * without insights and decisions (as of the analysis day).
 */
export function notAssessedDimensions(ctx: AnalysisContext): Dimension[] {
  const out: Dimension[] = [];
  if (!ctx.plan.teams.some((t) => t.capacity !== undefined)) out.push("capacity");
  if ((ctx.plan.promises ?? []).length === 0) out.push("timelines");
  if ((ctx.plan.insights ?? []).length === 0 && (ctx.plan.decisions ?? []).length === 0) out.push("learning");
  return out;
}

/**
 * One piece of work written as several initiatives (same owner, same priorities) counts once
 * towards the index, so splitting or merging initiatives leaves it unchanged.
 */
function indexKeyOf(ctx: AnalysisContext, rule: string, subject: Subject): { indexKey?: string } {
  if (subject.type !== "initiative") return {};
  const initiative = ctx.initiatives.get(subject.id);
  if (!initiative) return {};
  const owner = ctx.initiativeOwnerOf(initiative);
  const who =
    owner.kind === "person" ? owner.id : owner.kind === "people" ? [...owner.ids].sort().join(",") : "";
  const serves = unique(initiative.priorities).sort().join(",");
  return { indexKey: `${rule}\u0000${owner.kind}:${who}\u0000${serves}` };
}

export function compareFindings(a: Finding, b: Finding): number {
  return (
    SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity] ||
    (DIMENSION_ORDER.get(a.dimension) ?? 0) - (DIMENSION_ORDER.get(b.dimension) ?? 0) ||
    cmp(a.subject.id, b.subject.id) ||
    cmp(a.rule, b.rule) ||
    cmp(a.subject.type, b.subject.type) ||
    cmp(a.message, b.message)
  );
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** The priorities and teams a finding counts against, for the per-priority and per-team index. */
function resolveScope(ctx: AnalysisContext, raw: RuleFinding): Finding["scope"] {
  const fallback = defaultScope(ctx, raw.subject);
  return {
    priorities: unique(raw.scope?.priorities ?? fallback.priorities),
    teams: unique(raw.scope?.teams ?? fallback.teams),
  };
}

function defaultScope(ctx: AnalysisContext, subject: Subject): { priorities: string[]; teams: string[] } {
  const none = { priorities: [], teams: [] };
  const plan = ctx.plan;
  switch (subject.type) {
    case "priority":
      return { priorities: [subject.id], teams: [] };
    case "team":
      return { priorities: [], teams: [subject.id] };
    case "initiative": {
      const it = ctx.initiatives.get(subject.id);
      if (!it) return none;
      const teams = Object.entries(it.allocation ?? {})
        .filter(([, fte]) => fte > 0)
        .map(([t]) => t);
      return { priorities: ctx.liveLinks(it.priorities), teams };
    }
    case "metric": {
      const m = ctx.metrics.get(subject.id);
      if (!m) return none;
      const teams = plan.teams.filter((t) => t.scorecard?.some((s) => s.metric === m.id)).map((t) => t.id);
      return { priorities: ctx.liveLinks(m.priorities), teams };
    }
    case "stop": {
      const s = plan.stops?.find((x) => x.id === subject.id);
      return s ? { priorities: s.priority ? [s.priority] : [], teams: Object.keys(s.frees ?? {}) } : none;
    }
    case "promise": {
      const p = plan.promises?.find((x) => x.id === subject.id);
      return p
        ? { priorities: p.priority ? [p.priority] : [], teams: p.milestones.map((m) => m.team) }
        : none;
    }
    case "insight":
      return { priorities: ctx.liveLinks(ctx.insights.get(subject.id)?.priorities), teams: [] };
    case "decision": {
      const d = plan.decisions?.find((x) => x.id === subject.id);
      return { priorities: d?.priority ? [d.priority] : [], teams: [] };
    }
    case "resistance": {
      const owner = plan.priorities.find((p) => p.resistance?.some((r) => r.id === subject.id));
      return { priorities: owner ? [owner.id] : [], teams: [] };
    }
    case "person":
      return {
        priorities: ctx.livePriorities
          .filter((p) => {
            const o = ctx.ownerOf(p);
            return o.kind === "person" && o.id === subject.id;
          })
          .map((p) => p.id),
        teams: [],
      };
    default:
      return none;
  }
}
