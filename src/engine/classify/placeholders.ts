/*
 * Placeholders: the marks people leave where a number or an owner will go — "X", "$X",
 * "from X to Y", "TBD", "[N13]", "N<sub>k</sub>", "XXX", "ZZZ", "@???". Used by the key-result
 * classifier (a key result that is only a placeholder) and by the converter (a target that
 * is a placeholder is no target).
 */

/** Every placeholder holds one of these: a cheap test before the patterns run. */
const HINT = /[XYZN?<[]|[Tt][Bb][DdCcAa]|[Tt]o be /;

const PATTERNS: readonly RegExp[] = [
  // TBD, TBC, TBA, "to be defined/determined/confirmed", "[TBD]".
  /(?<![\p{L}\p{N}])(?:TBD|TBC|TBA|to be (?:defined|determined|decided|confirmed|agreed))(?![\p{L}\p{N}])/giu,
  // XXX, ZZZ, YYY, XX: a repeated capital X, Y or Z.
  /(?<![\p{L}\p{N}])(?:X{2,}|Y{2,}|Z{2,})(?![\p{L}\p{N}])/gu,
  // "$X", "X%", "from X to Y", a lone X or Y standing where a number goes.
  /[$€£]\s?[XYNZ](?:\s?<sub>[^<]*<\/sub>|\d+)?(?![\p{L}\p{N}])/gu,
  /(?<![\p{L}\p{N}$€£])[XYN](?:<sub>[^<]*<\/sub>|\d{0,3})\s?%/gu,
  /(?<![\p{L}\p{N}$€£])(?:from\s+[XYN]\s+to\s+[XYN])(?![\p{L}\p{N}])/gu,
  // "N<sub>6</sub>", "N6", "[N13]", a lone "N" used as a number.
  /\[?(?<![\p{L}\p{N}$€£-])N(?:<sub>[^<]*<\/sub>|\d{1,3})?\]?(?![\p{L}\p{N}-])/gu,
  // "X" alone, or as the whole text.
  /^\s*[XY]\s*$/gu,
  // "@???", "???", "??".
  /@?\?{2,}/gu,
  // "[number]", "<target>", "[owner]".
  /[[<](?:number|target|value|amount|owner|name|date|metric|n|x)[\]>]/giu,
];

/** Longer texts are read up to here: a key result or a target is a line, not a page. */
const MAX_CHARS = 2000;

/** The placeholders in `text`, as written, in the order they appear. Empty when there are none. */
export function findPlaceholders(input: string): string[] {
  const text = input.length > MAX_CHARS ? input.slice(0, MAX_CHARS) : input;
  if (!HINT.test(text)) return [];
  const found: { at: number; text: string }[] = [];
  for (const re of PATTERNS) {
    re.lastIndex = 0;
    for (let m = re.exec(text); m; m = re.exec(text)) {
      const overlaps = found.some((f) => m && m.index < f.at + f.text.length && f.at < m.index + m[0].length);
      if (!overlaps) found.push({ at: m.index, text: m[0].trim() });
      if (m[0].length === 0) re.lastIndex++;
    }
  }
  return found.sort((a, b) => a.at - b.at).map((f) => f.text);
}

/** `text` with its placeholders taken out. */
export function withoutPlaceholders(text: string): string {
  if (!HINT.test(text)) return text;
  let t = text;
  for (const re of PATTERNS) t = t.replace(re, " ");
  return t;
}
