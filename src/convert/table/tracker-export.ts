import type { ConvertOptions, Draft } from "../draft.js";
import type { ConvertFormat } from "../report.js";
import { parseCellDate } from "./cell-values.js";
import { cellOf, findHeader, type Header } from "./header.js";
import { isBlankRow, rowText, type Table, type TableRow } from "./table.js";
import { JIRA_COLUMNS, type JiraField, LINEAR_COLUMNS, type LinearField } from "./tracker-columns.js";
import { itemsToDraft, linkColumns, linkValues, type TrackerItem } from "./tracker-items.js";

/*
 * Jira and Linear CSV exports as Drafts of initiatives. Jira: epics (and Jira "Initiative"
 * issues) are initiatives and their issues roll up into them; Linear: projects are
 * initiatives. Issues under neither are initiatives of their own; sub-tasks roll up into
 * their parent issue.
 */

interface Context {
  source: string;
  options: ConvertOptions;
}

export function jiraExportToDraft(table: Table, context: Context): Draft {
  const header = findHeader<JiraField>(table, JIRA_COLUMNS, {
    map: context.options.map,
    required: [["title"], ["key", "type", "status"]],
    source: context.source,
    describe: "Jira export",
  });
  const links = linkColumns(header as Header<string>, context.options.linkColumn, context.source);
  const draft = emptyDraft(context.source, "jira-csv");
  const items = eachItem(table, header, draft, (row, cell) => {
    const type = cell("type").toLowerCase();
    const isGroup = /\b(epic|initiative)\b/.test(type);
    const subtask = /sub-?task/.test(type);
    // A sub-task rolls into its parent issue; a story or task into its epic (Epic Link or,
    // in newer exports, Parent).
    const groupRef = isGroup
      ? undefined
      : subtask
        ? cell("parent") || cell("epic")
        : cell("epic") || cell("parent");
    return {
      key: cell("key") || cell("id") || `row ${row.number}`,
      title: (isGroup && cell("epicName")) || cell("title"),
      isGroup,
      groupRef: groupRef || undefined,
      statusAsWritten: cell("status"),
      assignee: cell("assignee"),
      team: cell("team"),
      start: date(cell("start")) ?? date(cell("created")),
      end: date(cell("due")) ?? date(cell("resolved")),
      links: linkValues(row, links),
    };
  });
  return itemsToDraft(items, { ...context, from: "jira-csv", groupNoun: "epic" }, draft);
}

export function linearExportToDraft(table: Table, context: Context): Draft {
  const header = findHeader<LinearField>(table, LINEAR_COLUMNS, {
    map: context.options.map,
    required: [["title"], ["key", "status"]],
    source: context.source,
    describe: "Linear export",
  });
  const links = linkColumns(header as Header<string>, context.options.linkColumn, context.source);
  const draft = emptyDraft(context.source, "linear-csv");
  const items = eachItem(table, header, draft, (row, cell) => ({
    key: cell("key") || `row ${row.number}`,
    title: cell("title"),
    isGroup: false,
    // Projects are Linear's unit of planned work; a sub-issue outside any project rolls into its parent.
    groupRef: cell("project") || cell("parent") || undefined,
    statusAsWritten: cell("status"),
    assignee: cell("assignee"),
    team: cell("team"),
    start: date(cell("start")) ?? date(cell("created")),
    end: date(cell("due")) ?? date(cell("completed")) ?? date(cell("canceled")),
    links: linkValues(row, links),
  }));
  return itemsToDraft(items, { ...context, from: "linear-csv", groupNoun: "project" }, draft);
}

function eachItem<F extends JiraField | LinearField>(
  table: Table,
  header: Header<F>,
  draft: Draft,
  read: (row: TableRow, cell: (f: F) => string) => Omit<TrackerItem, "row">,
): TrackerItem[] {
  const body = table.rows.slice(header.index + 1);
  const items: TrackerItem[] = [];
  body.forEach((row) => {
    if (isBlankRow(row)) return;
    const item = { row: row.number, ...read(row, (f) => cellOf(row.cells, header, f)) };
    if (!item.title) {
      draft.unmapped.push({ line: row.number, text: `row ${row.number}: no title: ${rowText(row)}` });
      return;
    }
    items.push(item);
  });
  return items;
}

function emptyDraft(source: string, from: ConvertFormat): Draft {
  return { source, from, periods: [], objectives: [], initiatives: [], unmapped: [], assumptions: [] };
}

function date(text: string): string | undefined {
  return text ? parseCellDate(text) : undefined;
}
