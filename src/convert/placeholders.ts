/*
 * Placeholders left in OKR documents where a number should be: "X", "$X", "TBD", "XXX",
 * "ZZZ", "[N13]", "$N", "N<sub>6</sub>", "@???". A key result holding one has no target yet;
 * the converter records none and flags it. Kept here until the engine's wording module
 * offers a placeholder detector (docs/decisions.md).
 */

const TOKEN = [
  String.raw`\$?X{1,3}`, // X, $X, XX, XXX
  String.raw`\$?N(?:<sub>\s*\w+\s*</sub>|\d{0,3})`, // N, $N, N6, N<sub>6</sub>
  String.raw`\$?TB[DAC]`,
  "Z{3,}",
  String.raw`@?\?{2,}`,
  String.raw`\[N\d+\]`,
].join("|");
/** A placeholder standing alone as a word: not the "X" of "1.8X" or the "N" of "NPS". */
const PLACEHOLDER = new RegExp(String.raw`(?<![\p{L}\p{N}.])(?:${TOKEN})(?![\p{L}\p{N}])`, "gu");

/** The placeholders written in `text`, as written (empty when there are none). */
export function findPlaceholders(text: string): string[] {
  return [...text.matchAll(PLACEHOLDER)].map((m) => m[0]);
}

/** An owner written as a placeholder ("@???", "TBD", "?"): nobody yet. */
export function isPlaceholderOwner(text: string): boolean {
  return /^\s*(@?\?+|tbd|tba|tbc|n\/a|none|-+|unassigned|owner)\s*$/i.test(text);
}
