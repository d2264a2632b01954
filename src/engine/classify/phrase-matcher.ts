/*
 * Word lists compiled once into one case-insensitive regular expression each, so a judgement
 * costs a few regex scans and no per-call allocation beyond the match itself.
 */

const escapeRegex = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/**
 * One regex matching any entry of `list` as whole words. Inside an entry a space matches any
 * run of spaces or hyphens ("world class" = "world-class"); every entry also matches with a
 * plural `s`/`es`. Longest entries first, so "test coverage" wins over "test".
 */
export function phraseRegex(list: readonly string[], flags = "i"): RegExp {
  const body = [...list]
    .sort((a, b) => b.length - a.length)
    .map((entry) => escapeRegex(entry).replace(/ /g, "[\\s-]+"))
    .join("|");
  // ASCII word boundaries (the lists are English): far cheaper than Unicode lookarounds.
  return new RegExp(`\\b(?:${body})(?:e?s)?\\b`, flags);
}

/** The first match of `re` in `text`, as written, or undefined. */
export function firstMatch(re: RegExp, text: string): string | undefined {
  const m = re.exec(text);
  return m ? m[0] : undefined;
}

/** A word list written as prose: entries separated by commas (an entry may hold spaces). */
export function list(text: string): string[] {
  return text
    .split(",")
    .map((w) => w.trim())
    .filter((w) => w.length > 0);
}
