import ExcelJS from "exceljs";
import { inputError, looksLikeZip, type Table, type TableRow } from "./table.js";

/**
 * Every sheet of an XLSX workbook as a table of text cells, rendered the way the sheet shows
 * them where it matters to a plan: a cell formatted as a percentage reads "45%", a currency
 * "$1200", a date "2026-03-31".
 */
export async function readXlsxTables(input: Uint8Array | string, source: string): Promise<Table[]> {
  if (typeof input === "string" || !looksLikeZip(input))
    throw inputError(
      `${source} is not an .xlsx workbook (an .xlsx file is a zip archive): nothing was converted`,
    );
  const workbook = new ExcelJS.Workbook();
  try {
    // exceljs's typings want a Node Buffer; a Uint8Array view of the same bytes is one.
    await workbook.xlsx.load(Buffer.from(input.buffer, input.byteOffset, input.byteLength) as never);
  } catch (error) {
    throw inputError(`${source} is not a readable .xlsx workbook: ${(error as Error).message}`);
  }
  const tables: Table[] = [];
  for (const sheet of workbook.worksheets) {
    const rows: TableRow[] = [];
    sheet.eachRow({ includeEmpty: false }, (row, number) => {
      const cells: string[] = [];
      row.eachCell({ includeEmpty: true }, (cell, col) => {
        cells[col - 1] = cellText(cell.value, cell.numFmt);
      });
      for (let i = 0; i < cells.length; i++) cells[i] ??= "";
      rows.push({ number, cells });
    });
    tables.push({ sheet: sheet.name, rows });
  }
  return tables;
}

function cellText(value: ExcelJS.CellValue, numFmt: string | undefined): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "number") return numberText(value, numFmt);
  if (typeof value === "string") return value;
  if (typeof value === "boolean") return value ? "TRUE" : "FALSE";
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === "object") {
    if ("richText" in value) return value.richText.map((r) => r.text).join("");
    if ("formula" in value || "sharedFormula" in value) {
      const result = (value as { result?: unknown }).result;
      return result === undefined || result === null || typeof result === "object"
        ? result instanceof Date
          ? result.toISOString().slice(0, 10)
          : ""
        : typeof result === "number"
          ? numberText(result, numFmt)
          : String(result);
    }
    if ("text" in value) return String((value as { text: unknown }).text);
    if ("error" in value) return "";
  }
  return String(value);
}

/** A number as the sheet shows it: percentages as "45%", currency formats with their symbol. */
function numberText(value: number, numFmt: string | undefined): string {
  const format = numFmt ?? "";
  if (format.includes("%")) return `${Number((value * 100).toPrecision(12))}%`;
  const currency = /[$€£]/.exec(format)?.[0];
  return currency ? `${currency}${value}` : String(value);
}
