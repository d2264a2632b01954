import type { ConvertOptions, Draft, DraftKeyResult, DraftObjective } from "../draft.js";
import type { ConvertFormat } from "../report.js";
import { isPlaceholder, parseCellDate, parseCellNumber, splitOwners } from "./cell-values.js";
import { type ColumnSpec, cellOf, findHeader, type Header } from "./header.js";
import { isBlankRow, rowText, type Table, type TableRow } from "./table.js";

/*
 * An OKR spreadsheet (one row per key result or objective) as a Draft. Rows that repeat an
 * objective group under it; a blank objective cell continues the one above (merged cells
 * export that way); a Parent column builds the tree. A row that cannot be placed is reported
 * by its row number in `unmapped` and the rest are converted.
 */

export const OKR_COLUMNS = {
  objective: ["Objective", "Objectives", "Objective title", "Objective name", "Obj", "OKR", "O"],
  keyResult: [
    "Key result",
    "KR",
    "Key results",
    "KRs",
    "Key result title",
    "Key result name",
    "Result",
    "Measure",
  ],
  title: ["Title", "Name", "Summary", "Item"],
  type: ["Type", "Kind", "Level", "Row type", "Item type"],
  id: ["ID", "Key", "Ref", "Reference", "#", "No", "Number", "Objective ID", "OKR ID"],
  parent: [
    "Parent",
    "Parent objective",
    "Parent ID",
    "Parent OKR",
    "Aligned to",
    "Aligns to",
    "Contributes to",
    "Supports",
  ],
  owner: [
    "Owner",
    "Owners",
    "DRI",
    "Assignee",
    "Responsible",
    "Accountable",
    "Lead",
    "Owned by",
    "KR owner",
    "Key result owner",
  ],
  objectiveOwner: ["Objective owner", "Objective DRI", "Objective lead"],
  team: [
    "Team",
    "Department",
    "Dept",
    "Function",
    "Group",
    "Squad",
    "Business unit",
    "Org",
    "Organisation",
    "Organization",
  ],
  baseline: [
    "Baseline",
    "Start",
    "Starting value",
    "Start value",
    "Initial value",
    "Initial",
    "From",
    "Starting point",
    "Base",
  ],
  target: ["Target", "Goal", "Target value", "To", "End value", "Aim"],
  current: ["Current", "Actual", "Current value", "Latest", "Actual value", "Achieved"],
  unit: ["Unit", "Units", "UoM", "Unit of measure"],
  due: ["Due", "Due date", "Deadline", "End date", "End", "Target date", "By", "Due by"],
  status: ["Status", "State", "Health", "RAG"],
  score: ["Score", "Grade", "Progress", "% complete", "Percent complete", "Completion"],
  period: ["Quarter", "Period", "Cycle", "Timeframe", "Time frame"],
} as const satisfies ColumnSpec<string>;

export type OkrField = keyof typeof OKR_COLUMNS;

/** Fields a `--map` may name, for help texts and messages. */
export const OKR_FIELDS = Object.keys(OKR_COLUMNS) as OkrField[];

export function okrSheetToDraft(
  table: Table,
  context: { source: string; from: ConvertFormat; options: ConvertOptions },
  header: Header<OkrField> = findOkrHeader(table, context.source, context.options),
): Draft {
  const draft: Draft = {
    source: context.source,
    from: context.from,
    periods: [],
    objectives: [],
    initiatives: [],
    unmapped: [],
    assumptions: [],
  };
  const headerRow = table.rows[header.index] as TableRow;
  const described = (Object.keys(header.columns) as OkrField[])
    .map((f) => `"${header.names[header.columns[f] as number]}" as ${f}`)
    .join(", ");
  draft.assumptions.push(
    `row ${headerRow.number}${table.sheet ? ` of sheet "${table.sheet}"` : ""} is the header: ${described}`,
  );

  const byKey = new Map<string, number>();
  const byId = new Map<string, number>();
  const parentRefs: { objective: number; ref: string; row: number }[] = [];
  const periods = new Set<string>();
  let current: number | undefined;
  const cell = (row: TableRow, f: OkrField) => cellOf(row.cells, header, f);
  const body = table.rows.slice(header.index + 1);

  const addObjective = (row: TableRow, title: string): number => {
    const parentRef = cell(row, "parent");
    const key = `${norm(title)}\u0000${norm(parentRef)}`;
    const existing = byKey.get(key);
    if (existing !== undefined) return existing;
    const objective: DraftObjective = {
      title,
      line: row.number,
      level: 1,
      parent: null,
      ownersAsWritten: [],
      keyResults: [],
      stops: [],
    };
    const index = draft.objectives.push(objective) - 1;
    byKey.set(key, index);
    byId.set(norm(title), byId.get(norm(title)) ?? index);
    const id = cell(row, "id");
    if (id) byId.set(norm(id), index);
    if (parentRef) parentRefs.push({ objective: index, ref: parentRef, row: row.number });
    return index;
  };

  body.forEach((row) => {
    if (isBlankRow(row) || isRepeatedHeader(row, headerRow)) return;
    const period = cell(row, "period");
    if (period && !periods.has(period)) {
      periods.add(period);
      draft.periods.push({ text: period, line: row.number });
    }
    let objectiveTitle = cell(row, "objective");
    let krText = cell(row, "keyResult");
    const title = cell(row, "title");
    if (title) {
      const type = cell(row, "type").toLowerCase();
      if (header.columns.type === undefined || /^(o|obj|objective|goal|okr)\b/.test(type))
        objectiveTitle ||= title;
      else if (/^(kr|key ?results?|result|metric|measure)\b/.test(type)) krText ||= title;
      else {
        draft.unmapped.push({
          line: row.number,
          text: `row ${row.number}: type "${cell(row, "type")}" is neither an objective nor a key result: ${rowText(row)}`,
        });
        return;
      }
    }
    if (!objectiveTitle && !krText) {
      draft.unmapped.push({
        line: row.number,
        text: `row ${row.number}: no objective or key result in this row: ${rowText(row)}`,
      });
      return;
    }
    if (objectiveTitle) {
      current = addObjective(row, objectiveTitle);
      const objective = draft.objectives[current] as DraftObjective;
      const ownerCell = cell(row, "objectiveOwner") || (krText ? "" : cell(row, "owner"));
      for (const owner of splitOwners(ownerCell))
        if (!objective.ownersAsWritten.includes(owner)) objective.ownersAsWritten.push(owner);
      objective.team ??= cell(row, "team") || undefined;
    } else {
      // A key result without an objective cell: under its Parent, else under the objective above.
      const parentRef = cell(row, "parent");
      const named = parentRef ? byId.get(norm(parentRef)) : undefined;
      if (named !== undefined) current = named;
      if (current === undefined) {
        draft.unmapped.push({
          line: row.number,
          text: `row ${row.number}: key result with no objective above it or named in a Parent column: ${rowText(row)}`,
        });
        return;
      }
    }
    if (krText) {
      const objective = draft.objectives[current] as DraftObjective;
      objective.keyResults.push(readKeyResult(row, krText, cell, draft));
      if (!objectiveTitle) objective.team ??= cell(row, "team") || undefined;
    }
  });

  resolveParents(draft, parentRefs, byId);
  inferObjectiveOwners(draft);
  return draft;
}

export function findOkrHeader(table: Table, source: string, options: ConvertOptions): Header<OkrField> {
  return findHeader<OkrField>(table, OKR_COLUMNS, {
    map: options.map,
    required: [["objective", "keyResult", "title"]],
    source,
    describe: "OKR",
  });
}

function readKeyResult(
  row: TableRow,
  text: string,
  cell: (row: TableRow, f: OkrField) => string,
  draft: Draft,
): DraftKeyResult {
  const kr: DraftKeyResult = { text, line: row.number, ownersAsWritten: splitOwners(cell(row, "owner")) };
  const units: string[] = [];
  for (const field of ["baseline", "target", "current"] as const) {
    const written = cell(row, field);
    if (!written) continue;
    if (isPlaceholder(written)) {
      // A target still to be decided is flagged with the key result (the report's placeholder).
      if (field === "target") kr.placeholders = [written];
      else
        draft.assumptions.push(`row ${row.number}: ${field} "${written}" is a placeholder; left without one`);
      continue;
    }
    const n = parseCellNumber(written);
    if (!n) {
      draft.unmapped.push({
        line: row.number,
        text: `row ${row.number}: ${field} "${written}" is not a number`,
      });
      continue;
    }
    kr[field] = n.value;
    if (n.unit) units.push(n.unit);
  }
  const unit = cell(row, "unit") || units[0];
  if (unit) kr.unit = unit;
  const dueText = cell(row, "due");
  if (dueText) {
    const due = parseCellDate(dueText);
    if (due) kr.due = due;
    else draft.unmapped.push({ line: row.number, text: `row ${row.number}: due "${dueText}" is not a date` });
  }
  const status = cell(row, "status");
  if (status) kr.status = status;
  const scoreText = cell(row, "score");
  const score = scoreText && !isPlaceholder(scoreText) ? parseCellNumber(scoreText) : undefined;
  if (score) kr.score = { value: score.value, ...(score.unit ? { unit: score.unit } : {}), text: scoreText };
  return kr;
}

/** Parent cells name an objective by id or title; one the sheet lacks becomes a top-level objective. */
function resolveParents(
  draft: Draft,
  refs: { objective: number; ref: string; row: number }[],
  byId: Map<string, number>,
): void {
  for (const { objective, ref, row } of refs) {
    let parent = byId.get(norm(ref));
    if (parent === undefined) {
      parent =
        draft.objectives.push({
          title: ref,
          line: row,
          level: 1,
          parent: null,
          ownersAsWritten: [],
          keyResults: [],
          stops: [],
        }) - 1;
      byId.set(norm(ref), parent);
      draft.assumptions.push(
        `row ${row}: parent "${ref}" is not an objective of this sheet; added it as a top-level objective`,
      );
    }
    if (parent === objective || isAncestor(draft, objective, parent)) {
      draft.unmapped.push({
        line: row,
        text: `row ${row}: parent "${ref}" would make a loop; the objective was kept at the top level`,
      });
      continue;
    }
    (draft.objectives[objective] as DraftObjective).parent = parent;
  }
  const levelOf = (i: number): number => {
    const p = draft.objectives[i]?.parent;
    return p === null || p === undefined ? 1 : levelOf(p) + 1;
  };
  draft.objectives.forEach((o, i) => {
    o.level = levelOf(i);
  });
}

/** Is `candidate` an ancestor-to-be of `parent` (would linking them close a loop)? */
function isAncestor(draft: Draft, candidate: number, parent: number): boolean {
  for (let p: number | null = parent; p !== null; p = draft.objectives[p]?.parent ?? null)
    if (p === candidate) return true;
  return false;
}

/** Inferred owners listed one by one up to this many; past it, one line says how many more. */
const LISTED_INFERENCES = 10;

/** An objective with no owner column whose key results all share one owner: that owner, said so. */
function inferObjectiveOwners(draft: Draft): void {
  let inferred = 0;
  const rows: number[] = [];
  for (const o of draft.objectives) {
    if (o.ownersAsWritten.length || o.keyResults.length === 0) continue;
    const owners = new Set(o.keyResults.map((k) => k.ownersAsWritten.join(" & ")));
    const only = [...owners][0];
    if (owners.size !== 1 || !only) continue;
    o.ownersAsWritten = [...(o.keyResults[0] as DraftKeyResult).ownersAsWritten];
    if (++inferred <= LISTED_INFERENCES)
      draft.assumptions.push(
        `row ${o.line}: objective "${o.title}" has no owner column; its key results are all owned by ${only}, so it is too`,
      );
    else rows.push(o.line);
  }
  if (rows.length)
    draft.assumptions.push(
      `${rows.length} more objectives (rows ${rows.slice(0, 5).join(", ")}…) took the one owner of all their key results in the same way`,
    );
}

function isRepeatedHeader(row: TableRow, header: TableRow): boolean {
  return row.cells.length > 0 && row.cells.every((c, i) => c.trim() === (header.cells[i] ?? "").trim());
}

function norm(text: string): string {
  return text.toLowerCase().replace(/\s+/g, " ").trim();
}
