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
