import type { Severity } from "../domain/plan-schema.js";
import { DIMENSIONS, type Dimension, type Finding, type IndexReport } from "./types.js";

/**
 * The Execution Gap Index (docs/gap-index.md). Each finding closes a share of the remaining
 * distance to 100 according to its severity, so a score is 100 × (1 − Π(1 − wᵢ)) over the
 * findings that count towards it. The overall index is the mean of the eight dimensions.
 * Adding a finding can only multiply the product by a factor ≤ 1, so every score is monotone.
 */
export const SEVERITY_WEIGHT: Record<Severity, number> = { error: 0.3, warning: 0.12, info: 0.04 };

function score(findings: Iterable<Finding>): number {
  let remaining = 1;
  for (const f of findings) remaining *= 1 - SEVERITY_WEIGHT[f.severity];
  return round1(100 * (1 - remaining));
}

function round1(n: number): number {
  return Math.round(n * 10) / 10;
}

export function gapIndex(
  findings: readonly Finding[],
  priorityIds: readonly string[],
  teamIds: readonly string[],
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
  // The mean of unrounded dimension scores would be finer, but the mean of the shown ones
  // lets a reader check the overall number against the bars on screen.
  const overall = round1(DIMENSIONS.reduce((sum, d) => sum + dimensions[d], 0) / DIMENSIONS.length);
  return {
    overall,
    dimensions,
    priorities: Object.fromEntries([...byPriority].map(([id, fs]) => [id, score(fs)])),
    teams: Object.fromEntries([...byTeam].map(([id, fs]) => [id, score(fs)])),
  };
}
