/*
 * What every conversion refuses before reading: nothing at all, a binary file given as a
 * text format, and a file too large to be a strategy document (the limit keeps one upload
 * from stalling a server for everyone else).
 */

/** 20 MiB: a 10,000-row spreadsheet export is a few MB; a 50 MB upload is refused. */
export const MAX_INPUT_BYTES = 20 * 1024 * 1024;

/** A document the converter refuses, with where the problem is when it is known. */
export class ConvertError extends Error {
  constructor(
    message: string,
    readonly line?: number,
  ) {
    super(message);
    this.name = "ConvertError";
  }
}

const MB = (n: number) => `${(n / 1024 / 1024).toFixed(1)} MB`;

/** Throws a ConvertError for input no reader should see; returns the text of a text format. */
export function guardInput(
  source: string,
  bytes: Uint8Array,
  binaryFormat: boolean,
  maxBytes = MAX_INPUT_BYTES,
): string | undefined {
  const limit = Math.min(maxBytes, MAX_INPUT_BYTES);
  if (bytes.byteLength > limit)
    throw new ConvertError(
      `${source}: ${MB(bytes.byteLength)} is too large to convert (the limit is ${MB(limit)}); split the document or export only the sheet or period you need`,
    );
  if (bytes.byteLength === 0) throw new ConvertError(`${source}: the file is empty`);
  if (binaryFormat) return undefined;
  const head = bytes.subarray(0, 8192);
  if (head.includes(0))
    throw new ConvertError(
      `${source}: this is a binary file, not a text document (is it a spreadsheet? use --from xlsx)`,
    );
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    throw new ConvertError(`${source}: the file is not UTF-8 text; save it as UTF-8 and convert again`);
  }
  text = text.replace(/^\uFEFF/, "");
  if (text.trim().length === 0) throw new ConvertError(`${source}: the document is empty (only whitespace)`);
  return text;
}
