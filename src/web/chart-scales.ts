import { projectLinear } from "../engine/least-squares.js";
/** The arithmetic of the charts: scales, axis ticks and projections (pure, tested in node). */

export function linearScale(domain: [number, number], range: [number, number]) {
  const [d0, d1] = domain;
  const [r0, r1] = range;
  const span = d1 - d0 || 1;
  return (v: number) => r0 + ((v - d0) / span) * (r1 - r0);
}

/**
 * Round tick values covering [min, max]: steps of 1, 2 or 5 times a power of ten, about
 * `count` of them. The chart's y-axis runs from the first tick to the last.
 */
export function niceTicks(min: number, max: number, count = 4): number[] {
  if (!Number.isFinite(min) || !Number.isFinite(max)) return [0, 1];
  if (min === max) {
    const spread = Math.abs(min) / 10 || 1;
    return niceTicks(min - spread, max + spread, count);
  }
  const rough = (max - min) / count;
  const power = 10 ** Math.floor(Math.log10(rough));
  const step =
    [1, 2, 5, 10].reduce((best, m) =>
      Math.abs(m * power - rough) < Math.abs(best * power - rough) ? m : best,
    ) * power;
  const first = Math.floor(min / step) * step;
  const ticks: number[] = [];
  // Rounded to the step's precision so 0.1 + 0.2 prints as 0.3.
  const digits = Math.max(0, -Math.floor(Math.log10(step)));
  for (let v = first; v < max + step * 0.999; v += step) ticks.push(Number(v.toFixed(digits)));
  return ticks;
}

/** Least squares through the points, evaluated at `at` (the engine's projection); undefined with fewer than two dates. */
export function projectAt(points: { x: number; y: number }[], at: number): number | undefined {
  return projectLinear(points, at)?.value;
}

const DAY_MS = 86_400_000;

/** A date or timestamp (`2026-12-02`, `2026-12-02T10:00:00Z`) as fractional days since 1970. */
export function dayNumber(dateOrTime: string): number {
  return Date.parse(dateOrTime.length === 10 ? `${dateOrTime}T00:00:00Z` : dateOrTime) / DAY_MS;
}

/**
 * Dated ticks for a time axis from day `min` to day `max`: at most `count` whole days, evenly
 * spread, labelled YYYY-MM-DD (one tick when everything happened on one day).
 */
export function dateTicks(min: number, max: number, count = 4): { x: number; label: string }[] {
  const first = Math.floor(min);
  const last = Math.floor(max);
  const label = (day: number) => new Date(day * DAY_MS).toISOString().slice(0, 10);
  if (last <= first) return [{ x: min, label: label(first) }];
  const step = Math.max(1, Math.ceil((last - first) / Math.max(count - 1, 1)));
  const ticks: { x: number; label: string }[] = [];
  for (let day = first; day < last; day += step) ticks.push({ x: Math.max(day, min), label: label(day) });
  // The last tick is the last day itself, unless it would crowd the one before it.
  if (ticks.length > 1 && last - (ticks[ticks.length - 1]?.x ?? 0) < step / 2) ticks.pop();
  ticks.push({ x: Math.min(last, max), label: label(last) });
  return ticks;
}
