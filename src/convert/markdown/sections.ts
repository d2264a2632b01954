import type { Table } from "mdast";
import { parsePeriods } from "../cycle.js";
import { readTarget } from "../read-target.js";
import { plainText } from "./inline-lines.js";

/*
 * Period labels and tables: the parts of a markdown document that are not objective lines.
 */

const MONTHS = [
  "january",
  "february",
  "march",
  "april",
  "may",
  "june",
  "july",
  "august",
  "september",
  "october",
  "november",
  "december",
];
const MONTH_DATE = String.raw`(${MONTHS.join("|")}|jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec)\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})`;
const MONTH_RANGE = new RegExp(`${MONTH_DATE}\\s*(?:to|until|through|–|—|-)\\s*${MONTH_DATE}`, "i");

function isoOf(month: string, day: string, year: string): string {
  const index = MONTHS.findIndex((m) => m.startsWith(month.toLowerCase().slice(0, 3)));
  return `${year}-${String(index + 1).padStart(2, "0")}-${day.padStart(2, "0")}`;
}

/** Period labels a line states: quarter labels, and date ranges ("from February 1, 2020 to April 30, 2020"). */
export function findPeriodLabels(text: string): string[] {
  const range = MONTH_RANGE.exec(text);
  if (range)
    return [
      `${isoOf(range[1] ?? "", range[2] ?? "", range[3] ?? "")} to ${isoOf(range[4] ?? "", range[5] ?? "", range[6] ?? "")}`,
    ];
  if (/\b\d{4}-\d{2}-\d{2}\s*(?:to|until|through|–|—|-)\s*\d{4}-\d{2}-\d{2}\b/.test(text)) return [text];
  // Only short lines name a period; a key result mentioning "FY21-Q2 pipeline" does not.
  if (text.length <= 80 && parsePeriods(text).length > 0) return [text];
  return [];
}

/** A heading that only names a period ("FY24Q3", "2019 Q1", "Q4 2026 Goals"). */
export function isPeriodHeading(text: string): boolean {
  if (parsePeriods(text).length === 0) return false;
  const rest = text
    .replace(/\b(?:FY|CY)?\s?'?\d{2,4}\s*[-– ]?\s*(?:[QH][1-4][-–& ]*)+/gi, "")
    .replace(/\b(?:[QH][1-4])\s*[-– ]?\s*(?:FY|CY)?\s?'?\d{2,4}\b/gi, "")
    .replace(/\b(?:okrs?|objectives?|goals?|key results|priorities|plan|and|the|for|of)\b/gi, "")
    .replace(/[^\p{L}]+/gu, "");
  return rest.length === 0;
}

export interface TableRow {
  line: number;
  objective?: string;
  keyResult?: string;
  owners: string[];
  fields: { baseline?: number; target?: number; current?: number; status?: string; unit?: string };
}

const COLUMNS: [
  keyof Omit<TableRow, "line" | "fields" | "owners"> | "owner" | "baseline" | "target" | "current" | "status",
  RegExp,
][] = [
  ["keyResult", /^(key ?results?|krs?|measures?|metrics?|success (?:criteria|measures?))$/i],
  ["objective", /^(objectives?|goals?|okrs?|priorit(?:y|ies))$/i],
  ["owner", /^(owners?|dri|lead|responsible|who|assignee)$/i],
  ["baseline", /^(baseline|start(?:ing)?(?: value)?|from|was)$/i],
  ["target", /^(target|goal value|to|aim)$/i],
  ["current", /^(current|actual|score|progress|result|now)$/i],
  ["status", /^(status|state|health)$/i],
];

/** Table rows read by their header: objective, key result, owner, baseline, target, current, status. */
export function readTableRows(table: Table): TableRow[] {
  const [header, ...rows] = table.children;
  if (!header) return [];
  const names = header.children.map((c) => plainText(c).trim().replace(/[*:_]/g, ""));
  const roles = names.map((n) => COLUMNS.find(([, re]) => re.test(n))?.[0]);
  if (!roles.includes("keyResult") && !roles.includes("objective")) return [];
  const number = (s: string) => {
    const n = Number(s.replace(/[,%$€£\s]/g, ""));
    return s.trim() && Number.isFinite(n) ? n : undefined;
  };
  return rows.map((row) => {
    const cell = (role: string) => {
      const i = roles.indexOf(role as (typeof roles)[number]);
      const c = i >= 0 ? row.children[i] : undefined;
      return c ? plainText(c).trim() : "";
    };
    const target = number(cell("target"));
    const kr = cell("keyResult");
    const fields: TableRow["fields"] = {};
    const baseline = number(cell("baseline"));
    const current = number(cell("current"));
    if (baseline !== undefined) fields.baseline = baseline;
    if (current !== undefined) fields.current = current;
    if (target !== undefined) fields.target = target;
    else if (kr && readTarget(kr)) Object.assign(fields, readTarget(kr));
    if (/%/.test(cell("target"))) fields.unit = "%";
    if (cell("status")) fields.status = cell("status");
    const owner = cell("owner");
    return {
      line: row.position?.start.line ?? 1,
      ...(cell("objective") ? { objective: cell("objective") } : {}),
      ...(kr ? { keyResult: kr } : {}),
      owners: owner ? owner.split(/\s*(?:,|&|\band\b|\/)\s*/).filter(Boolean) : [],
      fields,
    };
  });
}
