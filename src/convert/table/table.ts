import { AppError } from "../../domain/errors.js";

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
export function inputError(message: string, problems: { path: string[]; message: string }[] = []): AppError {
  return new AppError("invalid_request", message, { problems });
}

const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04];

/** Does this look like an XLSX (a zip) rather than text? */
export function looksLikeZip(bytes: Uint8Array): boolean {
  return ZIP_MAGIC.every((b, i) => bytes[i] === b);
}

/**
 * The bytes as text, refusing what is not text: a file with NUL bytes or mostly control
 * characters (an image, a PDF, a zip) is refused by name rather than converted into noise.
 */
export function decodeText(input: Uint8Array | string, source: string, expected: string): string {
  if (typeof input !== "string") {
    if (looksLikeZip(input))
      throw inputError(
        `${source} is a zip archive (an .xlsx workbook?), not ${expected}: convert it with --from xlsx`,
      );
    const sample = input.subarray(0, 8192);
    let control = 0;
    for (const b of sample) {
      if (b === 0) throw binaryError(source, expected);
      if (b < 9 || (b > 13 && b < 32)) control++;
    }
    if (sample.length > 0 && control / sample.length > 0.1) throw binaryError(source, expected);
    input = new TextDecoder("utf-8").decode(input);
  } else if (input.includes("\u0000")) throw binaryError(source, expected);
  const text = input.replace(/^\uFEFF/, "");
  if (text.trim() === "") throw inputError(`${source} is empty: there is nothing to convert`);
  return text;
}

function binaryError(source: string, expected: string): AppError {
  return inputError(`${source} is a binary file, not ${expected}: nothing was converted`);
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
