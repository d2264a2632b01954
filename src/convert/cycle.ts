import { addDays, isCalendarDate } from "../domain/primitives.js";
import type { ConvertOptions, Draft } from "./draft.js";

/*
 * The plan's cycle: from --cycle-start/--cycle-end, else from the quarter labels the
 * document states ("FY21-Q3", "FY24 Q2", "2019 Q3", "CY19 Q4", "Q1 2019", "H2 2020"), else
 * assumed to be the current calendar quarter and said so. Fiscal labels are named by the
 * calendar year the fiscal year ends in (FY21 starting in February runs 2020-02-01 to
 * 2021-01-31), the common convention; `--fiscal-year-start MM` says when it starts.
 */

export interface ResolvedCycle {
  name: string;
  start: string;
  end: string;
  assumed: boolean;
  /** What a person should know about how the cycle was chosen. */
  assumptions: string[];
}

interface Period {
  start: string;
  end: string;
  fiscal: boolean;
  /** Dates the document states outright ("runs from 2020-05-01 to 2020-07-31"). */
  explicit?: boolean;
}

const pad = (n: number) => String(n).padStart(2, "0");
const fullYear = (y: string) => (y.length === 2 ? 2000 + Number(y) : Number(y));

/** The first day of the month `months` after year/month (month 1-12). */
function monthStart(year: number, month: number, months = 0): { year: number; month: number } {
  const index = year * 12 + (month - 1) + months;
  return { year: Math.floor(index / 12), month: (index % 12) + 1 };
}

function span(
  year: number,
  month: number,
  fromMonth: number,
  months: number,
): { start: string; end: string } {
  const a = monthStart(year, month, fromMonth);
  const b = monthStart(year, month, fromMonth + months);
  return { start: `${a.year}-${pad(a.month)}-01`, end: addDays(`${b.year}-${pad(b.month)}-01`, -1) };
}

/**
 * Every period named in a label: "FY24-Q2-Q3" names two quarters, "2019 Q3" one, "FY20"
 * a whole year. Returns [] when the text names none.
 */
export function parsePeriods(text: string, fiscalYearStart = 1): Period[] {
  const out: Period[] = [];
  // Stated dates win: "runs from 2020-05-01 to 2020-07-31".
  const range = /\b(\d{4}-\d{2}-\d{2})\s*(?:to|until|through|–|—|-)\s*(\d{4}-\d{2}-\d{2})\b/.exec(text);
  if (range?.[1] && range[2] && isCalendarDate(range[1]) && isCalendarDate(range[2]) && range[1] <= range[2])
    return [{ start: range[1], end: range[2], fiscal: false, explicit: true }];
  const fyStart = (fy: number) => (fiscalYearStart === 1 ? fy : fy - 1);
  // FY21-Q3, FY24 Q2, FY24-Q2-Q3, Q2 FY20, FY2021 H1
  const fiscal =
    /\bFY\s?'?(\d{2}|\d{4})\s*[-–/ ]?\s*((?:[QH][1-4]\s*[-–&,/]?\s*(?:and\s+)?)+)|\b((?:[QH][1-4]\s*[-–&,/]?\s*)+)\s*FY\s?'?(\d{2}|\d{4})\b/gi;
  for (const m of text.matchAll(fiscal)) {
    const year = fullYear(m[1] ?? m[4] ?? "");
    const parts = (m[2] ?? m[3] ?? "").match(/[QH][1-4]/gi) ?? [];
    for (const part of parts) out.push({ ...partSpan(fyStart(year), fiscalYearStart, part), fiscal: true });
  }
  if (out.length > 0) return out;
  // 2019 Q3, 2019Q1, CY19 Q4, Q1 2019, Q4 '19, 2019-Q3, H1 2020
  const calendar =
    /(?:\bCY\s?'?(\d{2}|\d{4})|\b(\d{4}))\s*[-– ]?\s*([QH][1-4])\b|\b([QH][1-4])\s*[-–,/ ]?\s*(?:CY\s?)?'?(\d{4}|\d{2})\b/gi;
  for (const m of text.matchAll(calendar)) {
    const year = fullYear(m[1] ?? m[2] ?? m[5] ?? "");
    if (year < 1990 || year > 2100) continue;
    out.push({ ...partSpan(year, 1, m[3] ?? m[4] ?? ""), fiscal: false });
  }
  if (out.length > 0) return out;
  const wholeFiscal = /\bFY\s?'?(\d{2}|\d{4})\b/i.exec(text);
  if (wholeFiscal) {
    const year = fullYear(wholeFiscal[1] ?? "");
    return [{ ...span(fyStart(year), fiscalYearStart, 0, 12), fiscal: true }];
  }
  return out;
}

function partSpan(year: number, month: number, part: string): { start: string; end: string } {
  const n = Number(part.slice(1));
  return part[0]?.toUpperCase() === "H"
    ? span(year, month, (n - 1) * 6, 6)
    : span(year, month, (n - 1) * 3, 3);
}

/** The calendar quarter holding `day`. */
function quarterOf(day: string): { name: string; start: string; end: string } {
  const year = Number(day.slice(0, 4));
  const q = Math.floor((Number(day.slice(5, 7)) - 1) / 3);
  return { name: `${year} Q${q + 1}`, ...span(year, 1, q * 3, 3) };
}

export function resolveCycle(draft: Draft, options: ConvertOptions): ResolvedCycle {
  if (options.cycleStart && options.cycleEnd)
    return {
      name: `${options.cycleStart} – ${options.cycleEnd}`,
      start: options.cycleStart,
      end: options.cycleEnd,
      assumed: false,
      assumptions: [],
    };
  const fiscalStart = options.fiscalYearStart ?? 1;
  let found: { period: Period; label: string; line: number }[] = [];
  for (const label of draft.periods)
    for (const period of parsePeriods(label.text, fiscalStart))
      found.push({ period, label: label.text, line: label.line });
  // Dates the document states outright win over labels that need a fiscal calendar.
  if (found.some((f) => f.period.explicit)) found = found.filter((f) => f.period.explicit);
  if (found.length > 0) {
    const start = found.map((f) => f.period.start).sort()[0] as string;
    const end = found
      .map((f) => f.period.end)
      .sort()
      .at(-1) as string;
    const labels = [...new Set(found.map((f) => f.label.trim()))];
    const name = labels.join(", ");
    const first = found[0] as (typeof found)[number];
    const fiscalGuess =
      found.some((f) => f.period.fiscal && !f.period.explicit) && options.fiscalYearStart === undefined;
    const assumptions = fiscalGuess
      ? [
          `line ${first.line}: "${first.label.trim()}" read with the fiscal year starting in January (the calendar year), so the cycle is ${start} – ${end}; if your fiscal year starts in another month, convert again with --fiscal-year-start MM`,
        ]
      : [`line ${first.line}: cycle ${start} – ${end} read from "${labels.join('", "')}"`];
    return { name, start, end, assumed: fiscalGuess, assumptions };
  }
  const today = options.today ?? new Date().toISOString().slice(0, 10);
  const quarter = quarterOf(today);
  return {
    ...quarter,
    assumed: true,
    assumptions: [
      `the document states no period: assumed the current calendar quarter, ${quarter.start} – ${quarter.end}; set it with --cycle-start YYYY-MM-DD --cycle-end YYYY-MM-DD`,
    ],
  };
}
