/*
 * A key result's target from its wording, read conservatively: a number after "to",
 * "at least", ">", "≥", "under"…, else the one percentage or money amount the text holds.
 * A wrong target is worse than none (the person fills it in), so anything ambiguous gives
 * none.
 */

export interface ReadTarget {
  target: number;
  unit?: string;
  /** "from 30% to 60%": the starting value. */
  baseline?: number;
}

const SCALE: Record<string, number> = { k: 1e3, m: 1e6, b: 1e9, bn: 1e9 };

function toNumber(digits: string, scale?: string): number | undefined {
  const n = Number(digits.replace(/,/g, ""));
  if (!Number.isFinite(n)) return undefined;
  return scale ? n * (SCALE[scale.toLowerCase()] ?? 1) : n;
}

const NUMBER = String.raw`(\$|€|£)?\s?(\d[\d,]*(?:\.\d+)?)\s?(k|m|bn|b)?\b\s?(%|x\b)?`;
const COMPARATOR = new RegExp(
  String.raw`(?:\bto\b|\bat least\b|\bat most\b|\bminimum(?: of)?\b|\bmaximum(?: of)?\b|\bmore than\b|\bless than\b|\bgreater than\b|\bunder\b|\bbelow\b|\babove\b|\bover\b|>=|<=|≥|≤|>|<)\s*${NUMBER}`,
  "gi",
);
const MEASURE = /(\$|€|£)\s?(\d[\d,]*(?:\.\d+)?)\s?(k|m|bn|b)?\b|(\d[\d,]*(?:\.\d+)?)\s?(%)/gi;

const FROM_TO = new RegExp(String.raw`\bfrom\s+${NUMBER}\s+to\s+${NUMBER}`, "i");

export function readTarget(text: string): ReadTarget | undefined {
  const compared = [...text.matchAll(COMPARATOR)];
  const range = compared.length === 1 ? FROM_TO.exec(text) : null;
  if (range) {
    const baseline = toNumber(range[2] ?? "", range[3]);
    const target = toNumber(range[6] ?? "", range[7]);
    const unit = range[8] === "%" || range[4] === "%" ? "%" : (range[5] ?? range[1]);
    if (baseline !== undefined && target !== undefined)
      return { target, baseline, ...(unit ? { unit } : {}) };
  }
  if (compared.length === 1) {
    const m = compared[0] as RegExpMatchArray;
    const value = toNumber(m[2] ?? "", m[3]);
    if (value !== undefined) {
      const unit = m[4] === "%" ? "%" : m[4]?.toLowerCase() === "x" ? "x" : m[1] ? m[1] : undefined;
      return unit ? { target: value, unit } : { target: value };
    }
  }
  if (compared.length > 1) return undefined;
  const measures = [...text.matchAll(MEASURE)];
  if (measures.length !== 1) return undefined;
  const m = measures[0] as RegExpMatchArray;
  if (m[1]) {
    const value = toNumber(m[2] ?? "", m[3]);
    return value === undefined ? undefined : { target: value, unit: m[1] };
  }
  const value = toNumber(m[4] ?? "");
  return value === undefined ? undefined : { target: value, unit: "%" };
}
