import { parse as parseCsv } from "csv-parse/sync";
import ExcelJS from "exceljs";
import { MAX_CHECKINS_PER_REQUEST, type SheetProblem, type SheetRow } from "../domain/checkins.js";
import { isCalendarDate } from "../domain/primitives.js";

/*
 * A check-in sheet (CSV or XLSX): a header row naming the columns — metric (its id or its
 * name), date, value, note — then one check-in per row. Every problem names the row as the
 * spreadsheet numbers it (the header is row 1), so a person can find and fix it.
 */

export type SheetKind = "csv" | "xlsx";
type Cell = string | number | Date | undefined;
interface RawRow {
  row: number;
  cells: Cell[];
}

const COLUMNS = {
  metric: ["metric", "metric id", "metric name", "id", "name", "key result"],
  date: ["date", "day", "as of"],
  value: ["value", "actual", "result"],
  note: ["note", "notes", "comment", "comments"],
} as const;
type Column = keyof typeof COLUMNS;

/** The kind of sheet a content type or file name names; undefined when neither fits. */
export function sheetKind(contentType: string | undefined, fileName?: string): SheetKind | undefined {
  const type = (contentType ?? "").toLowerCase();
  if (type.includes("spreadsheetml") || /\.xlsx$/i.test(fileName ?? "")) return "xlsx";
  if (type.includes("csv") || type.startsWith("text/plain") || /\.csv$/i.test(fileName ?? "")) return "csv";
  return undefined;
}

/** The rows of the first worksheet (XLSX) or of the file (CSV), numbered as a spreadsheet shows them. */
export async function readSheet(bytes: Buffer, kind: SheetKind): Promise<RawRow[]> {
  if (kind === "csv") {
    const text = bytes.toString("utf8").replace(/^\uFEFF/, "");
    const records = parseCsv(text, {
      relax_column_count: true,
      skip_empty_lines: false,
      // Semicolons are what spreadsheets write in much of Europe.
      delimiter: sniffDelimiter(text),
    }) as string[][];
    return records.map((cells, i) => ({ row: i + 1, cells }));
  }
  const workbook = new ExcelJS.Workbook();
  // exceljs's own Buffer type predates Node's generic Buffer.
  await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  const sheet = workbook.worksheets[0];
  if (!sheet) return [];
  const rows: RawRow[] = [];
  sheet.eachRow({ includeEmpty: false }, (row, number) => {
    const cells: Cell[] = [];
    row.eachCell({ includeEmpty: true }, (cell, col) => {
      cells[col - 1] = cellValue(cell.value);
    });
    rows.push({ row: number, cells });
  });
  return rows;
}

function sniffDelimiter(text: string): string {
  const first = text.split(/\r?\n/, 1)[0] ?? "";
  return (first.match(/;/g)?.length ?? 0) > (first.match(/,/g)?.length ?? 0) ? ";" : ",";
}

function cellValue(value: ExcelJS.CellValue): Cell {
  if (value === null || value === undefined) return undefined;
  if (typeof value === "number" || typeof value === "string" || value instanceof Date) return value;
  if (typeof value === "boolean") return String(value);
  if (typeof value === "object") {
    if ("result" in value) return cellValue(value.result as ExcelJS.CellValue);
    if ("richText" in value) return value.richText.map((t) => t.text).join("");
    if ("text" in value) return String(value.text);
  }
  return String(value);
}

/**
 * The check-ins a sheet holds, with each metric named by id or name resolved against the
 * workspace's metrics, and every invalid row as a problem with its row number.
 */
export function checkinRowsFromSheet(
  raw: readonly RawRow[],
  metrics: readonly { id: string; name: string }[],
): { rows: SheetRow[]; problems: SheetProblem[] } {
  const problems: SheetProblem[] = [];
  const rows: SheetRow[] = [];
  const header = raw.find((r) => r.cells.some((c) => text(c) !== ""));
  if (!header) return { rows, problems: [{ row: 1, message: "the sheet is empty: expected a header row" }] };
  const positions = columnPositions(header.cells);
  const missing = (["metric", "date", "value"] as const).filter((c) => positions[c] === undefined);
  if (missing.length)
    return {
      rows,
      problems: [
        {
          row: header.row,
          message: `the header row has no ${missing.join(", ")} column (expected columns: metric, date, value, note)`,
        },
      ],
    };
  const byId = new Map(metrics.map((m) => [m.id, m]));
  const byName = new Map<string, { id: string; name: string }[]>();
  for (const m of metrics) {
    const key = m.name.trim().toLowerCase();
    byName.set(key, [...(byName.get(key) ?? []), m]);
  }
  const body = raw.filter((r) => r.row > header.row && r.cells.some((c) => text(c) !== ""));
  if (body.length > MAX_CHECKINS_PER_REQUEST)
    return {
      rows,
      problems: [
        {
          row: header.row,
          message: `the sheet has ${body.length} rows; at most ${MAX_CHECKINS_PER_REQUEST} at once`,
        },
      ],
    };
  for (const r of body) {
    const at = (c: Column) => (positions[c] === undefined ? undefined : r.cells[positions[c] as number]);
    const rowProblems: SheetProblem[] = [];
    const named = text(at("metric"));
    let metric = byId.get(named);
    if (!metric && named) {
      const found = byName.get(named.toLowerCase()) ?? [];
      if (found.length > 1)
        rowProblems.push({
          row: r.row,
          column: "metric",
          message: `"${named}" names ${found.length} metrics; use the metric's id`,
        });
      metric = found.length === 1 ? found[0] : undefined;
    }
    if (!named) rowProblems.push({ row: r.row, column: "metric", message: "is empty" });
    else if (!metric && !rowProblems.length)
      rowProblems.push({ row: r.row, column: "metric", message: `no metric with the id or name "${named}"` });
    const date = dateOf(at("date"));
    if (!date)
      rowProblems.push({
        row: r.row,
        column: "date",
        message: `"${text(at("date"))}" is not a date (YYYY-MM-DD)`,
      });
    const value = numberOf(at("value"));
    if (value === undefined)
      rowProblems.push({ row: r.row, column: "value", message: `"${text(at("value"))}" is not a number` });
    if (rowProblems.length || !metric || !date || value === undefined) {
      problems.push(...rowProblems);
      continue;
    }
    const note = text(at("note"));
    rows.push({
      row: r.row,
      metric: metric.id,
      metricName: metric.name,
      date,
      value,
      ...(note ? { note } : {}),
    });
  }
  if (body.length === 0) problems.push({ row: header.row + 1, message: "no check-ins below the header row" });
  return { rows, problems };
}

function columnPositions(cells: readonly Cell[]): Partial<Record<Column, number>> {
  const out: Partial<Record<Column, number>> = {};
  cells.forEach((cell, i) => {
    const name = text(cell).toLowerCase().replace(/[_-]+/g, " ");
    for (const [column, names] of Object.entries(COLUMNS) as [Column, readonly string[]][])
      if (out[column] === undefined && names.includes(name)) out[column] = i;
  });
  return out;
}

function text(cell: Cell): string {
  if (cell === undefined) return "";
  if (cell instanceof Date) return cell.toISOString().slice(0, 10);
  return String(cell).trim();
}

function dateOf(cell: Cell): string | undefined {
  // A date cell of a spreadsheet is midnight UTC of the day it shows.
  if (cell instanceof Date) return Number.isNaN(cell.getTime()) ? undefined : cell.toISOString().slice(0, 10);
  const value = text(cell);
  return isCalendarDate(value) ? value : undefined;
}

function numberOf(cell: Cell): number | undefined {
  if (typeof cell === "number") return Number.isFinite(cell) ? cell : undefined;
  const value = text(cell).replace(/[\s_]/g, "");
  if (value === "" || !/^[-+]?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?%?$/i.test(value)) return undefined;
  const n = Number(value.replace(/%$/, ""));
  return Number.isFinite(n) ? n : undefined;
}
