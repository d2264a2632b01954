import type { Reader, ReaderInput } from "../index.js";
import { guardInput } from "../input-guard.js";
import type { Header } from "./header.js";
import { findOkrHeader, type OkrField, okrSheetToDraft } from "./okr-sheet.js";
import { readCsvTable } from "./read-csv.js";
import { readXlsxTables } from "./read-xlsx.js";
import { inputError, type Table } from "./table.js";
import { sniffTracker } from "./tracker-columns.js";
import { jiraExportToDraft, linearExportToDraft } from "./tracker-export.js";

/*
 * The spreadsheet and tracker-export readers: bytes (or text) in, a Draft out, nothing else.
 * `build-plan.ts` turns the Draft into a plan and its report.
 */

/** The text of a CSV input: the registry's guards have run (size, binary, encoding, empty). */
function csvText(input: ReaderInput): string {
  return input.text ?? (guardInput(input.source, input.bytes, false) as string);
}

/** An OKR spreadsheet saved as CSV: one row per key result or objective. */
export const readOkrCsv: Reader = (input, options) =>
  okrSheetToDraft(readCsvTable(csvText(input), input.source, input.onProgress), {
    source: input.source,
    from: "csv",
    options,
  });

/** An OKR workbook: the first sheet with a recognisable header. */
export const readOkrXlsx: Reader = async (input, options) => {
  const tables = await readXlsxTables(input.bytes, input.source);
  let firstError: Error | undefined;
  for (const table of tables) {
    if (table.rows.length === 0) continue;
    let header: Header<OkrField>;
    try {
      header = findOkrHeader(table, input.source, options);
    } catch (error) {
      firstError ??= error as Error;
      continue;
    }
    const context = { source: input.source, from: "xlsx" as const, options };
    return okrSheetToDraft(table, context, header);
  }
  if (!firstError) throw inputError(`${input.source} has no rows in any sheet: there is nothing to convert`);
  if (tables.length > 1)
    throw inputError(
      `${firstError.message} No sheet of ${tables.length} (${tables.map((t) => `"${t.sheet}"`).join(", ")}) has one.`,
    );
  throw firstError;
};

export const readJiraCsv: Reader = (input, options) =>
  jiraExportToDraft(readCsvTable(csvText(input), input.source, input.onProgress), {
    source: input.source,
    options,
  });

export const readLinearCsv: Reader = (input, options) =>
  linearExportToDraft(readCsvTable(csvText(input), input.source, input.onProgress), {
    source: input.source,
    options,
  });

/** For `--from auto` on a .csv: a Jira or Linear export by its header line, else undefined. */
export function sniffTrackerCsv(headerLine: string): "jira-csv" | "linear-csv" | undefined {
  let table: Table;
  try {
    table = readCsvTable(headerLine, "header");
  } catch {
    return undefined;
  }
  return sniffTracker(table.rows[0]?.cells ?? []);
}
