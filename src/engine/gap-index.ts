import type { Severity } from "../domain/plan-schema.js";
import { DIMENSIONS, type Dimension, type Finding, type IndexReport } from "./types.js";

/**
 * The Execution Gap Index (docs/gap-index.md). Each finding closes a share of the remaining
 * distance to 100 according to its severity, so a score is 100 × (1 − Π(1 − wᵢ)) over the
 * findings that count towards it (findings sharing an `indexKey` count once, at their highest
 * weight). The overall index is the mean of the assessed dimensions. Adding a finding can
 * only multiply the product by a factor ≤ 1, so every score is monotone.
 */
export const SEVERITY_WEIGHT: Record<Severity, number> = { error: 0.3, warning: 0.12, info: 0.04 };

function score(findings: Iterable<Finding>): number {
  let remaining = 1;
  const keyed = new Map<string, number>();
  for (const f of findings) {
    const w = SEVERITY_WEIGHT[f.severity];
    if (f.indexKey === undefined) remaining *= 1 - w;
    else keyed.set(f.indexKey, Math.max(keyed.get(f.indexKey) ?? 0, w));
  }
  for (const w of keyed.values()) remaining *= 1 - w;
  return round1(100 * (1 - remaining));
}

function round1(n: number): number {
  return Math.round(n * 10) / 10;
}

export function gapIndex(
  findings: readonly Finding[],
  priorityIds: readonly string[],
  teamIds: readonly string[],
  notAssessed: readonly Dimension[] = [],
): IndexReport {
  const byDimension = new Map<Dimension, Finding[]>(DIMENSIONS.map((d) => [d, []]));
  const byPriority = new Map<string, Finding[]>(priorityIds.map((id) => [id, []]));
  const byTeam = new Map<string, Finding[]>(teamIds.map((id) => [id, []]));
  for (const f of findings) {
    byDimension.get(f.dimension)?.push(f);
    for (const id of f.scope.priorities) byPriority.get(id)?.push(f);
    for (const id of f.scope.teams) byTeam.get(id)?.push(f);
  }
  const dimensions = Object.fromEntries(
    DIMENSIONS.map((d) => [d, score(byDimension.get(d) ?? [])]),
  ) as Record<Dimension, number>;
  const skipped = DIMENSIONS.filter((d) => notAssessed.includes(d));
  const assessed = DIMENSIONS.filter((d) => !skipped.includes(d));
  // The mean of unrounded dimension scores would be finer, but the mean of the shown ones
  // lets a reader check the overall number against the bars on screen.
  const overall = assessed.length
    ? round1(assessed.reduce((sum, d) => sum + dimensions[d], 0) / assessed.length)
    : 0;
  return {
    overall,
    dimensions,
    notAssessed: skipped,
    priorities: Object.fromEntries([...byPriority].map(([id, fs]) => [id, score(fs)])),
    teams: Object.fromEntries([...byTeam].map(([id, fs]) => [id, score(fs)])),
  };
}
