/*
 * Owners written as placeholders ("@???", "TBD", "?"): nobody yet. Placeholders in key
 * results ("X", "$X", "[N13]") are found by the wording module (engine/classify,
 * findPlaceholders), which the converter uses for targets.
 */

/** An owner written as a placeholder ("@???", "TBD", "?"): nobody yet. */
export function isPlaceholderOwner(text: string): boolean {
  return /^\s*(@?\?+|tbd|tba|tbc|n\/a|none|-+|unassigned|owner)\s*$/i.test(text);
}
