import { ConvertError } from "../input-guard.js";

/*
 * A sheet as rows of text cells, each row with the number a person sees in their spreadsheet
 * (the CSV line, or the XLSX row), so every message can name the row it is about.
 */
export interface Table {
  /** The sheet's name (XLSX) or undefined (CSV). */
  sheet?: string;
  rows: TableRow[];
}

export interface TableRow {
  /** 1-based, as the spreadsheet shows it. */
  number: number;
  cells: string[];
}

/** Progress of a long conversion: rows done of rows in all. */
export type ProgressListener = (done: number, total: number) => void;

/** Bad input: a clear message naming what is wrong; the caller writes nothing. */
export function inputError(message: string, line?: number): ConvertError {
  return new ConvertError(message, line);
}

const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04];

/** Does this look like an XLSX (a zip) rather than text? */
export function looksLikeZip(bytes: Uint8Array): boolean {
  return ZIP_MAGIC.every((b, i) => bytes[i] === b);
}

/** A row's cells as one line, for messages and the report's unmapped list. */
export function rowText(row: TableRow): string {
  return row.cells
    .map((c) => c.trim())
    .filter((c) => c !== "")
    .join(" | ");
}

export function isBlankRow(row: TableRow): boolean {
  return row.cells.every((c) => c.trim() === "");
}
