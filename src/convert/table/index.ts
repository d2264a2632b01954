import type { AppError } from "../../domain/errors.js";
import type { ConvertOptions, Draft } from "../draft.js";
import { findOkrHeader, okrSheetToDraft } from "./okr-sheet.js";
import { readCsvTable } from "./read-csv.js";
import { readXlsxTables } from "./read-xlsx.js";
import { decodeText, inputError, type ProgressListener, type Table } from "./table.js";
import { sniffTracker } from "./tracker-columns.js";
import { jiraExportToDraft, linearExportToDraft } from "./tracker-export.js";

/*
 * The spreadsheet and tracker-export readers: bytes (or text) in, a Draft out, nothing else.
 * `build-plan.ts` turns the Draft into a plan and its report.
 */

export interface TableReaderContext {
  /** The file name as the user gave it, for messages and the report. */
  source: string;
  options: ConvertOptions;
  onProgress?: ProgressListener;
}

export type TableReader = (input: Uint8Array | string, context: TableReaderContext) => Promise<Draft>;

const CSV = "a CSV file";

/** An OKR spreadsheet saved as CSV: one row per key result or objective. */
export const readOkrCsv: TableReader = async (input, context) => {
  const table = readCsvTable(decodeText(input, context.source, CSV), context.source);
  return okrSheetToDraft(table, { ...context, from: "csv" });
};

/** An OKR workbook: the first sheet with a recognisable header. */
export const readOkrXlsx: TableReader = async (input, context) => {
  const tables = await readXlsxTables(input, context.source);
  let firstError: AppError | undefined;
  for (const table of tables) {
    if (table.rows.length === 0) continue;
    try {
      const header = findOkrHeader(table, context.source, context.options);
      return okrSheetToDraft(table, { ...context, from: "xlsx" }, header);
    } catch (error) {
      firstError ??= error as AppError;
    }
  }
  if (!firstError)
    throw inputError(`${context.source} has no rows in any sheet: there is nothing to convert`);
  if (tables.length > 1)
    throw inputError(
      `${firstError.message} No sheet of ${tables.length} (${tables.map((t) => `"${t.sheet}"`).join(", ")}) has one.`,
    );
  throw firstError;
};

export const readJiraCsv: TableReader = async (input, context) =>
  jiraExportToDraft(readCsvTable(decodeText(input, context.source, CSV), context.source), context);

export const readLinearCsv: TableReader = async (input, context) =>
  linearExportToDraft(readCsvTable(decodeText(input, context.source, CSV), context.source), context);

/** For `--from auto` on a .csv: a Jira or Linear export by its header, else an OKR spreadsheet. */
export function sniffCsvFormat(input: Uint8Array | string): "csv" | "jira-csv" | "linear-csv" {
  const head =
    typeof input === "string" ? input.slice(0, 16384) : new TextDecoder().decode(input.subarray(0, 16384));
  let table: Table;
  try {
    // The sample may end mid-row; only the first rows matter.
    table = readCsvTable(head.slice(0, Math.max(head.lastIndexOf("\n"), 0)) || head, "sample");
  } catch {
    return "csv";
  }
  for (const row of table.rows.slice(0, 10)) {
    const tracker = sniffTracker(row.cells);
    if (tracker) return tracker;
  }
  return "csv";
}
