/**
 * Least squares through (x, y): the value at `at`, and the slope per unit of x. The one
 * projection shared by the engine (outcome-off-track) and the web app's charts, so the line
 * drawn is the line the finding is about. undefined with fewer than two points or when all
 * points share one x (no trend to project).
 */
export function projectLinear(
  points: readonly { x: number; y: number }[],
  at: number,
): { value: number; slope: number } | undefined {
  if (points.length < 2) return undefined;
  const n = points.length;
  const mx = points.reduce((s, p) => s + p.x, 0) / n;
  const my = points.reduce((s, p) => s + p.y, 0) / n;
  let sxx = 0;
  let sxy = 0;
  for (const p of points) {
    sxx += (p.x - mx) ** 2;
    sxy += (p.x - mx) * (p.y - my);
  }
  if (sxx === 0) return undefined;
  const slope = sxy / sxx;
  return { value: my + slope * (at - mx), slope };
}
