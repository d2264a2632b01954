import { inputError, type Table } from "./table.js";

/*
 * Finding the header row of a sheet and what each column holds, by the names people give
 * columns, with `--map column=field` overriding or adding any of them.
 */

/** What a column can hold, each with the spellings recognised (compared without case or punctuation). */
export type ColumnSpec<F extends string> = Record<F, readonly string[]>;

export interface Header<F extends string> {
  /** Index in `table.rows` of the header row. */
  index: number;
  /** The header cells as written. */
  names: string[];
  /** Field → column index. */
  columns: Partial<Record<F, number>>;
  /** Repeated columns of one field (Jira exports repeat "Labels" once per label). */
  repeats: Partial<Record<F, number[]>>;
}

export function normaliseName(name: string): string {
  return name
    .toLowerCase()
    .replace(/^custom field\s*\((.*)\)$/, "$1")
    .replace(/[^\p{L}\p{N}]+/gu, "");
}

/** The rows looked at for a header: titles and blank lines often sit above it. */
const HEADER_SEARCH_ROWS = 10;

/**
 * The header row: among the first rows, the one whose cells name the most known fields and
 * that has every one of `required` (any one of the alternatives in each group).
 * `map` (column name → field) is applied first and wins over the spellings.
 */
export function findHeader<F extends string>(
  table: Table,
  spec: ColumnSpec<F>,
  options: {
    map?: Record<string, string>;
    required: F[][];
    source: string;
    describe: string;
  },
): Header<F> {
  const fields = Object.keys(spec) as F[];
  const lookup = new Map<string, F>();
  for (const f of fields) for (const name of [f, ...spec[f]]) lookup.set(normaliseName(name), f);
  const map = normaliseMap(options.map ?? {}, fields, lookup, options.source);

  let best: (Header<F> & { score: number }) | undefined;
  const limit = Math.min(table.rows.length, HEADER_SEARCH_ROWS);
  for (let index = 0; index < limit; index++) {
    const names = (table.rows[index]?.cells ?? []).map((c) => c.trim());
    const columns: Partial<Record<F, number>> = {};
    const repeats: Partial<Record<F, number[]>> = {};
    let score = 0;
    names.forEach((name, col) => {
      const key = normaliseName(name);
      if (key === "") return;
      const field = map.get(key) ?? (map.has(key) ? undefined : lookup.get(key));
      if (!field) return;
      if (columns[field] === undefined) {
        columns[field] = col;
        score++;
      }
      const seen = repeats[field] ?? [];
      seen.push(col);
      repeats[field] = seen;
    });
    const complete = options.required.every((group) => group.some((f) => columns[f] !== undefined));
    if (complete && (!best || score > best.score)) best = { index, names, columns, repeats, score };
  }
  if (best) {
    const unused = [...map.keys()].filter((k) => !best.names.some((n) => normaliseName(n) === k));
    if (unused.length)
      throw inputError(
        `${options.source}: --map names ${unused.map((u) => `"${u}"`).join(", ")}, which is not a column of the header on row ${table.rows[best.index]?.number}; the columns are: ${best.names.filter(Boolean).join(", ")}`,
      );
    const { score: _score, ...header } = best;
    return header;
  }
  const firstRow = table.rows.find((r) => r.cells.some((c) => c.trim() !== ""));
  const looked = table.rows.slice(0, limit).flatMap((r) => r.cells.map(normaliseName));
  const missing = [...map.keys()].filter((k) => !looked.includes(k));
  if (missing.length)
    throw inputError(
      `${options.source}: --map names ${missing.map((u) => `"${u}"`).join(", ")}, which is not a column in the first ${HEADER_SEARCH_ROWS} rows${firstRow ? `; row ${firstRow.number} has: ${firstRow.cells.filter((c) => c.trim()).join(", ")}` : ""}`,
    );
  const seen = firstRow ? firstRow.cells.filter((c) => c.trim() !== "").slice(0, 12) : [];
  const wanted = options.required
    .map((group) => group.map((f) => `"${spec[f][0]}"`).join(" or "))
    .join(", and ");
  throw inputError(
    `${options.source}${table.sheet ? ` (sheet "${table.sheet}")` : ""}: no recognisable ${options.describe} header in the first ${HEADER_SEARCH_ROWS} rows. ` +
      `Looked for a row naming ${wanted} (also: ${describeSpellings(spec, options.required)}). ` +
      `${seen.length ? `Row ${firstRow?.number} has: ${seen.join(", ")}. ` : ""}` +
      "Name your columns with --map COLUMN=FIELD (e.g. --map Goal=objective).",
  );
}

function describeSpellings<F extends string>(spec: ColumnSpec<F>, required: F[][]): string {
  return required
    .flat()
    .map((f) => spec[f].slice(1, 5).join(", "))
    .filter(Boolean)
    .join("; ");
}

function normaliseMap<F extends string>(
  map: Record<string, string>,
  fields: F[],
  lookup: Map<string, F>,
  source: string,
): Map<string, F | undefined> {
  const out = new Map<string, F | undefined>();
  for (const [column, field] of Object.entries(map)) {
    // The field by its name ("keyResult", "key-result") or any spelling of it ("KR", "DRI").
    const f = lookup.get(normaliseName(field));
    if (!f && normaliseName(field) !== "ignore")
      throw inputError(
        `${source}: --map ${column}=${field}: "${field}" is not a field; use one of ${fields.join(", ")} (or ignore)`,
      );
    // "ignore" keeps a column that looks like a field out of the conversion.
    out.set(normaliseName(column), f);
  }
  return out;
}

/** The text of a field in a row, trimmed; "" when the column is absent. */
export function cellOf<F extends string>(cells: string[], header: Header<F>, field: F): string {
  const col = header.columns[field];
  return col === undefined ? "" : (cells[col] ?? "").trim();
}

/** Every non-empty value of a field that repeats across columns (Jira's Labels, Components). */
export function cellsOf<F extends string>(cells: string[], header: Header<F>, field: F): string[] {
  return (header.repeats[field] ?? []).map((col) => (cells[col] ?? "").trim()).filter((v) => v !== "");
}
