import { parse } from "csv-parse/sync";
import { inputError, type ProgressListener, type Table } from "./table.js";

const DELIMITERS = [",", ";", "\t"] as const;

/**
 * The delimiter of the first line: the one that occurs most outside quotes (spreadsheets in
 * much of Europe export with ";"; tab-separated exports are common too).
 */
export function sniffDelimiter(text: string): string {
  const end = text.search(/\r?\n/);
  const first = end < 0 ? text : text.slice(0, end);
  let inQuotes = false;
  const counts = new Map<string, number>();
  for (const ch of first) {
    if (ch === '"') inQuotes = !inQuotes;
    else if (!inQuotes && (DELIMITERS as readonly string[]).includes(ch))
      counts.set(ch, (counts.get(ch) ?? 0) + 1);
  }
  let best = ",";
  let most = 0;
  for (const [d, n] of counts)
    if (n > most) {
      best = d;
      most = n;
    }
  return best;
}

const PROGRESS_EVERY = 500;

/**
 * CSV text as a table; each row numbered by the line it starts on, as a spreadsheet shows it.
 * `onProgress` hears rows read of the rows the file holds (its line count, until the end).
 */
export function readCsvTable(text: string, source: string, onProgress?: ProgressListener): Table {
  let records: { record: string[]; info: { lines: number } }[];
  const lines = onProgress ? countLines(text) : 0;
  try {
    records = parse(text, {
      delimiter: sniffDelimiter(text),
      relax_column_count: true,
      relax_quotes: true,
      skip_empty_lines: true,
      info: true,
      ...(onProgress
        ? {
            on_record: (record: string[], context: { records: number }) => {
              if (context.records % PROGRESS_EVERY === 0)
                onProgress(context.records, Math.max(lines, context.records));
              return record;
            },
          }
        : {}),
    }) as unknown as { record: string[]; info: { lines: number } }[];
  } catch (error) {
    const e = error as Error & { lines?: number };
    throw inputError(`${source}${e.lines ? ` line ${e.lines}` : ""}: not readable as CSV: ${e.message}`);
  }
  const rows = [];
  let previousEnd = 0;
  for (const { record, info } of records) {
    // info.lines is where the record ends; a quoted cell may span lines, so the row starts
    // after the previous record (skipping blank lines) — count its own newlines back instead.
    const own = record.reduce((n, cell) => n + (cell.match(/\n/g)?.length ?? 0), 0);
    const number = Math.max(previousEnd + 1, info.lines - own);
    previousEnd = info.lines;
    rows.push({ number, cells: record });
  }
  onProgress?.(rows.length, rows.length);
  return { rows };
}

function countLines(text: string): number {
  let n = 1;
  for (let i = text.indexOf("\n"); i >= 0; i = text.indexOf("\n", i + 1)) n++;
  return n;
}
