/*
 * Small helpers that keep finding messages consistent: FTE shown without floating-point
 * noise, titles in quotes, lists read as prose.
 */

/** FTE to two decimals: sums like 0.1 + 0.2 compare and display as 0.3. */
export function roundFte(n: number): number {
  return Math.round(n * 100) / 100;
}

/** Sum of FTE values, rounded. */
export function sumFte(values: Iterable<number>): number {
  let total = 0;
  for (const v of values) total += v;
  return roundFte(total);
}

/** `2.5 FTE`. */
export function fte(n: number): string {
  return `${roundFte(n)} FTE`;
}

/** `"Win mid-market"`. */
export function quoted(title: string): string {
  return `"${title}"`;
}

/** `a`, `a and b`, `a, b and c`. */
export function joinAnd(items: readonly string[]): string {
  if (items.length <= 1) return items.join("");
  return `${items.slice(0, -1).join(", ")} and ${items[items.length - 1]}`;
}

/** `1 initiative`, `3 initiatives`. */
export function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

const GROUPED = new Intl.NumberFormat("en", { maximumFractionDigits: 2 });

/** `3325226` → `3,325,226`; `0.125` → `0.13`: numbers as people write them in prose. */
export function formatNumber(n: number): string {
  return GROUPED.format(n);
}

/** A share in words: `none`, `less than 1%`, `42%`, `all`. Never a bare "0%". */
export function shareText(fraction: number): string {
  if (fraction <= 0) return "none";
  if (fraction >= 1) return "all";
  const percent = Math.round(fraction * 100);
  if (percent === 0) return "less than 1%";
  if (percent === 100) return "more than 99%";
  return `${percent}%`;
}
