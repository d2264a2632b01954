import type { ColumnSpec } from "./header.js";
import { normaliseName } from "./header.js";

/*
 * The columns of Jira's and Linear's CSV exports, by the names those tools write (Jira
 * writes custom fields as "Custom field (Team)"; normaliseName strips that wrapper).
 */

export const JIRA_COLUMNS = {
  key: ["Issue key", "Key"],
  id: ["Issue id"],
  title: ["Summary"],
  type: ["Issue Type", "Issuetype", "Type"],
  status: ["Status"],
  assignee: ["Assignee"],
  reporter: ["Reporter"],
  created: ["Created"],
  start: ["Start date", "Start Date", "Target start"],
  due: ["Due date", "Due Date", "Due", "Target end"],
  resolved: ["Resolved", "Resolution date"],
  epic: ["Epic Link", "Epic link", "Parent Link", "Epic"],
  parent: ["Parent", "Parent key", "Parent id", "Parent summary"],
  epicName: ["Epic Name"],
  labels: ["Labels", "Label"],
  components: ["Component/s", "Components", "Component"],
  team: ["Team", "Team Name"],
  sprint: ["Sprint"],
} as const satisfies ColumnSpec<string>;

export const LINEAR_COLUMNS = {
  key: ["ID", "Identifier"],
  title: ["Title"],
  status: ["Status"],
  assignee: ["Assignee"],
  creator: ["Creator"],
  project: ["Project"],
  team: ["Team"],
  labels: ["Labels"],
  cycle: ["Cycle Name", "Cycle"],
  cycleNumber: ["Cycle Number"],
  created: ["Created"],
  start: ["Started"],
  due: ["Due Date", "Due date"],
  completed: ["Completed"],
  canceled: ["Canceled", "Cancelled"],
  parent: ["Parent issue", "Parent"],
  priority: ["Priority"],
  initiatives: ["Initiatives"],
  milestone: ["Project Milestone"],
} as const satisfies ColumnSpec<string>;

export type JiraField = keyof typeof JIRA_COLUMNS;
export type LinearField = keyof typeof LINEAR_COLUMNS;

/** The tracker whose export this header line is, or undefined for an ordinary spreadsheet. */
export function sniffTracker(headerCells: string[]): "jira-csv" | "linear-csv" | undefined {
  const names = new Set(headerCells.map(normaliseName));
  const has = (...n: string[]) => n.every((x) => names.has(normaliseName(x)));
  if (has("Issue key", "Summary") || has("Issue Type", "Summary")) return "jira-csv";
  if (
    has("ID", "Title", "Status") &&
    (names.has("project") || names.has("cycle") || names.has("cyclename") || names.has("creator"))
  )
    return "linear-csv";
  return undefined;
}
