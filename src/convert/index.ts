import { type BuildResult, buildPlan } from "./build-plan.js";
import type { ConvertOptions, Draft } from "./draft.js";
import { ConvertError, guardInput } from "./input-guard.js";
import { readMarkdown } from "./markdown/read-markdown.js";
import type { ConvertFormat } from "./report.js";

/*
 * The converter's front: a registry of readers (format → function that turns a document into
 * a Draft), format detection, and `convertDocument`, which the CLI and the server call.
 * Adding a format is one reader module and one line in READERS.
 */

export interface ReaderInput {
  /** The file name as the user gave it (used in messages and the report). */
  source: string;
  bytes: Uint8Array;
  /** The document as UTF-8 text (undefined for binary formats such as xlsx). */
  text?: string;
}

export type Reader = (input: ReaderInput, options: ConvertOptions) => Draft | Promise<Draft>;

export interface ReaderEntry {
  read: Reader;
  /** True when the format is not text (xlsx): the text guards are skipped. */
  binary?: boolean;
  /** A lower size limit than MAX_INPUT_BYTES, for readers that cost more per byte. */
  maxBytes?: number;
}

export const READERS: Partial<Record<ConvertFormat, ReaderEntry>> = {
  // A markdown parse costs far more per byte than a CSV row; the largest real OKR page is
  // under 100 KB, so 2 MB leaves room without letting one upload hold a CPU for minutes.
  markdown: { read: readMarkdown, maxBytes: 2 * 1024 * 1024 },
};

/** `--from auto`: the format a file name (and, for CSV, its header row) implies. */
export function detectFormat(source: string, bytes: Uint8Array): ConvertFormat | undefined {
  const ext = source.toLowerCase().match(/\.([a-z0-9]+)$/)?.[1];
  // Plain-text OKR notes are read as markdown: its lists and "KR:" lines are plain text too.
  if (ext === "md" || ext === "mdx" || ext === "markdown" || ext === "txt") return "markdown";
  if (ext === "xlsx") return "xlsx";
  if (ext === "csv" || ext === "tsv") return sniffCsv(bytes);
  return undefined;
}

/** Tracker exports are CSV too: the other readers register sniffers here (jira-csv, linear-csv). */
export const CSV_SNIFFERS: ((header: string) => ConvertFormat | undefined)[] = [];

function sniffCsv(bytes: Uint8Array): ConvertFormat {
  const head = new TextDecoder().decode(bytes.subarray(0, 4096));
  const header = head.split(/\r?\n/, 1)[0] ?? "";
  for (const sniff of CSV_SNIFFERS) {
    const format = sniff(header);
    if (format) return format;
  }
  return "csv";
}

/** Reads and converts one document; throws ConvertError for input it refuses. */
export async function convertDocument(
  source: string,
  bytes: Uint8Array,
  from: ConvertFormat | "auto",
  options: ConvertOptions = {},
): Promise<BuildResult> {
  const format = from === "auto" ? detectFormat(source, bytes) : from;
  if (!format)
    throw new ConvertError(
      `${source}: cannot tell the format from the file name; name it with --from (markdown, csv, xlsx, jira-csv or linear-csv)`,
    );
  const entry = READERS[format];
  if (!entry) throw new ConvertError(`${source}: the ${format} reader is not available in this build`);
  const text = guardInput(source, bytes, entry.binary ?? false, entry.maxBytes);
  const draft = await entry.read({ source, bytes, text }, options);
  if (draft.objectives.length === 0 && draft.initiatives.length === 0)
    throw new ConvertError(
      `${source}: found no objectives, key results or initiatives in this ${format} document; nothing was written`,
    );
  return buildPlan(draft, options);
}

export { type BuildResult, buildPlan, type Confirmation } from "./build-plan.js";
export type { ConvertOptions, Draft } from "./draft.js";
export { ConvertError, MAX_INPUT_BYTES } from "./input-guard.js";
