/*
 * Reading one spreadsheet cell as a number, a date, a placeholder or a list of owners. Cells
 * are text by the time they get here (the xlsx reader renders percentages and currencies the
 * way the sheet shows them), so one set of rules serves CSV and XLSX alike.
 */

/** "X", "$X", "TBD", "XXX", "[N13]", "?" — a target written as still to be decided. */
export function isPlaceholder(text: string): boolean {
  // Most cells are plain numbers: no need for the pattern (10,000-row sheets call this often).
  if (PLAIN.test(text)) return false;
  return /^\s*(?:[$€£]?\s*x+|tbd|tbc|n\/?a|\?+|\[[a-z]*\d*\]|-{1,3})\s*%?\s*$/i.test(text);
}

const PLAIN = /^[\d\s.,%-]*\d[\d\s.,%]*$/;

export interface CellNumber {
  value: number;
  /** "%", "$", "€", "£" or the words written after the number ("users", "days"). */
  unit?: string;
}

const SCALE: Record<string, number> = { k: 1e3, m: 1e6, mm: 1e6, b: 1e9, bn: 1e9 };

/**
 * "$1.2M" → 1 200 000 "$"; "45%" → 45 "%"; "1,200" → 1200; "3.5 days" → 3.5 "days";
 * "(12)" → -12. Undefined when the cell is not a number with at most a unit around it.
 */
export function parseCellNumber(text: string): CellNumber | undefined {
  const s = text.trim();
  if (s === "") return undefined;
  // Fast paths for what most cells hold: "1200", "-3.5", "45%".
  if (/^-?\d+(?:\.\d+)?$/.test(s)) return { value: Number(s) };
  const percent = /^(-?\d+(?:\.\d+)?)\s*%$/.exec(s);
  if (percent) return { value: Number(percent[1]), unit: "%" };
  const m =
    /^(?<neg>[-−(])?\s*(?<pre>[$€£]|usd|eur|gbp)?\s*(?<num>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d*\.?\d+)\s*(?<scale>k|m|mm|bn|b)?\b\s*\)?\s*(?<post>%|[$€£]|[\p{L}][\p{L} /]*)?$/iu.exec(
      s,
    );
  if (!m?.groups) return undefined;
  const { neg, pre, num, scale, post } = m.groups;
  let value = Number((num as string).replace(/,/g, ""));
  if (!Number.isFinite(value)) return undefined;
  if (scale) value *= SCALE[scale.toLowerCase()] ?? 1;
  if (neg) value = -value;
  // Floating noise from scaling (1.2 * 1e6) would show in the plan file.
  value = Number(value.toPrecision(12));
  const unit = pre ? currencyUnit(pre) : post?.trim() || undefined;
  return unit ? { value, unit } : { value };
}

function currencyUnit(prefix: string): string {
  const p = prefix.toLowerCase();
  return p === "usd" ? "$" : p === "eur" ? "€" : p === "gbp" ? "£" : prefix;
}

const MONTHS = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];

/**
 * A calendar date as YYYY-MM-DD from the spellings trackers and spreadsheets export:
 * ISO (with or without a time), "12/Mar/24 10:15 AM" (Jira), "12 Mar 2024", "Mar 12, 2024",
 * and numeric d/m/y or m/d/y (read as day first unless the day would exceed 12 only as a month).
 */
export function parseCellDate(text: string): string | undefined {
  const s = text.trim();
  if (s === "") return undefined;
  let y: number | undefined;
  let mo: number | undefined;
  let d: number | undefined;
  let m = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ].*)?$/.exec(s);
  if (m) [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (!m) {
    m = /^(\d{1,2})[/\- ]([A-Za-z]{3,9})\.?[/\- ,]+(\d{2,4})(?:\s.*)?$/.exec(s);
    if (m) [d, mo, y] = [Number(m[1]), monthOf(m[2] as string), fullYear(m[3] as string)];
  }
  if (!m) {
    m = /^([A-Za-z]{3,9})\.? (\d{1,2}),? (\d{4})(?:\s.*)?$/.exec(s);
    if (m) [mo, d, y] = [monthOf(m[1] as string), Number(m[2]), Number(m[3])];
  }
  if (!m) {
    m = /^(\d{1,2})[/.](\d{1,2})[/.](\d{2,4})(?:\s.*)?$/.exec(s);
    if (m) {
      const a = Number(m[1]);
      const b = Number(m[2]);
      y = fullYear(m[3] as string);
      // Day first, as most of the world writes it; month first when the first part cannot be a month.
      [d, mo] = b > 12 ? [b, a] : [a, b];
    }
  }
  if (y === undefined || mo === undefined || d === undefined || !mo) return undefined;
  const date = new Date(Date.UTC(y, mo - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== mo - 1 || date.getUTCDate() !== d)
    return undefined;
  return date.toISOString().slice(0, 10);
}

function monthOf(name: string): number | undefined {
  const i = MONTHS.indexOf(name.slice(0, 3).toLowerCase());
  return i < 0 ? undefined : i + 1;
}

function fullYear(text: string): number {
  const n = Number(text);
  return text.length <= 2 ? 2000 + n : n;
}

/**
 * Owners as written, split from "Ana, Ben", "Ana & Ben", "Ana and Ben", "Ana / Ben" or "Ana; Ben".
 * Empty cells and placeholders ("TBD", "-") give no owner.
 */
export function splitOwners(text: string): string[] {
  return text
    .split(/\s*(?:[,;&/+]|\band\b|\n)\s*/i)
    .map((s) => s.trim())
    .filter((s) => s !== "" && !isPlaceholder(s));
}
