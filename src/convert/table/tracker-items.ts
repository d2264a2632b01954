import type { ConvertOptions, Draft, DraftInitiative, DraftObjective } from "../draft.js";
import type { ConvertFormat } from "../report.js";
import type { Header } from "./header.js";
import { normaliseName } from "./header.js";
import { inputError, type TableRow } from "./table.js";

/*
 * What Jira and Linear exports share once their columns are read: items (issues, epics,
 * projects), grouped into the initiatives a plan holds, with owner, status, dates and team,
 * and linked to priorities by the column the user names (`--link`).
 */

export type InitiativeStatus = "proposed" | "active" | "paused" | "stopped" | "done";

export interface TrackerItem {
  row: number;
  key: string;
  title: string;
  /** The group this item rolls up into (an epic's key, a parent issue's key, a project's name). */
  groupRef?: string;
  /** Is this item itself a group (an epic, a Jira initiative)? */
  isGroup: boolean;
  statusAsWritten: string;
  assignee: string;
  team: string;
  start?: string;
  end?: string;
  /** The values of the user's link column. */
  links: string[];
}

/** Tracker statuses and the plan's initiative statuses; unknown ones are active, and said so. */
const STATUS_WORDS: [RegExp, InitiativeStatus][] = [
  [/\b(won'?t|cancel+ed|duplicate|rejected|abandoned|obsolete|declined)\b/i, "stopped"],
  [/\b(done|closed|resolved|complete|completed|shipped|released|merged)\b/i, "done"],
  [/\b(hold|paused|blocked|parked|waiting)\b/i, "paused"],
  [
    /\b(not started|to ?do|backlog|open|new|triage|selected|planned|ready|proposed|idea|icebox|unstarted)\b/i,
    "proposed",
  ],
  [/\b(progress|review|started|doing|active|testing|qa|development|implementing)\b/i, "active"],
];

export function mapStatus(text: string): InitiativeStatus | undefined {
  for (const [pattern, status] of STATUS_WORDS) if (pattern.test(text)) return status;
  return undefined;
}

/** The column the user named with --link, or an error listing the columns there are. */
export function linkColumns(
  header: Header<string>,
  linkColumn: string | undefined,
  source: string,
): number[] {
  if (!linkColumn) return [];
  const wanted = normaliseName(linkColumn);
  const cols = header.names.flatMap((n, i) => (normaliseName(n) === wanted ? [i] : []));
  if (cols.length === 0)
    throw inputError(
      `${source}: --link "${linkColumn}" is not a column of this export; the columns are: ${[...new Set(header.names.filter(Boolean))].join(", ")}`,
    );
  return cols;
}

/** The link values of a row: every repeat of the column, and comma lists within a cell. */
export function linkValues(row: TableRow, cols: number[]): string[] {
  const values = cols.flatMap((c) => (row.cells[c] ?? "").split(/\s*,\s*/)).map((v) => v.trim());
  return [...new Set(values.filter((v) => v !== ""))];
}

/**
 * Items → a Draft. Groups (epics, projects) become initiatives and the items under them roll
 * up into them; items under no group are initiatives themselves. Each distinct link value
 * becomes a top-level objective (a priority) the initiatives serve.
 */
export function itemsToDraft(
  items: TrackerItem[],
  context: { source: string; from: ConvertFormat; options: ConvertOptions; groupNoun: string },
  draft: Draft,
): Draft {
  const { groups, loose, rolledUp } = groupItems(items);
  const statusCounts = new Map<string, { status: InitiativeStatus; count: number; assumed: boolean }>();
  const status = (written: string): InitiativeStatus | undefined => {
    if (!written) return undefined;
    const mapped = mapStatus(written);
    const entry = statusCounts.get(written) ?? { status: mapped ?? "active", count: 0, assumed: !mapped };
    entry.count++;
    statusCounts.set(written, entry);
    return entry.status;
  };

  const initiatives: { initiative: DraftInitiative; links: string[] }[] = [];
  for (const [ref, group] of groups) {
    const all = group.head ? [group.head, ...group.members] : group.members;
    const head = group.head;
    const owner = head?.assignee || mostCommon(group.members.map((m) => m.assignee));
    if (!head?.assignee && owner && new Set(group.members.map((m) => m.assignee).filter(Boolean)).size > 1)
      draft.assumptions.push(
        `row ${group.firstRow}: ${context.groupNoun} "${head?.title ?? ref}" has no lead of its own; owner taken as ${owner}, who holds most of its issues`,
      );
    const initiative: DraftInitiative = {
      title: head?.title ?? ref,
      line: head?.row ?? group.firstRow,
      ownersAsWritten: owner ? [owner] : [],
    };
    const s = head
      ? status(head.statusAsWritten)
      : groupStatus(group.members.map((m) => status(m.statusAsWritten)));
    if (s) initiative.status = s;
    const start = head?.start ?? earliest(all.map((m) => m.start));
    const end = head?.end ?? latest(all.map((m) => m.end));
    if (start) initiative.start = start;
    if (end && (!start || end >= start)) initiative.end = end;
    const team = head?.team || mostCommon(all.map((m) => m.team));
    if (team) initiative.team = team;
    initiatives.push({
      initiative,
      links: head?.links.length ? head.links : unique(all.flatMap((m) => m.links)),
    });
  }
  for (const item of loose) {
    const initiative: DraftInitiative = {
      title: item.title,
      line: item.row,
      ownersAsWritten: item.assignee ? [item.assignee] : [],
    };
    const s = status(item.statusAsWritten);
    if (s) initiative.status = s;
    if (item.start) initiative.start = item.start;
    if (item.end && (!item.start || item.end >= item.start)) initiative.end = item.end;
    if (item.team) initiative.team = item.team;
    initiatives.push({ initiative, links: item.links });
  }
  initiatives.sort((a, b) => a.initiative.line - b.initiative.line);

  linkToObjectives(initiatives, draft, context.options.linkColumn);
  draft.initiatives = initiatives.map((i) => i.initiative);
  if (rolledUp)
    draft.assumptions.push(
      `${rolledUp} issue(s) rolled up into the ${context.groupNoun} they belong to; each ${context.groupNoun} is one initiative`,
    );
  for (const [written, { status: s, count, assumed }] of statusCounts)
    draft.assumptions.push(
      `status "${written}" read as ${s} (${count} item${count === 1 ? "" : "s"})${assumed ? ": not a status this converter knows" : ""}`,
    );
  return draft;
}

interface Group {
  head?: TrackerItem;
  members: TrackerItem[];
  firstRow: number;
}

/**
 * Each item into the group at the top of its chain (sub-task → story → epic). An issue that
 * others name as their parent but that is in no group itself heads a group of its own.
 */
function groupItems(items: TrackerItem[]): {
  groups: Map<string, Group>;
  loose: TrackerItem[];
  rolledUp: number;
} {
  const byName = new Map<string, TrackerItem>();
  for (const item of items) byName.set(normaliseName(item.key), item);
  for (const item of items) if (item.isGroup) byName.set(normaliseName(item.title), item);
  const top = (item: TrackerItem): { ref: string; head?: TrackerItem } | undefined => {
    let ref = item.groupRef;
    let head: TrackerItem | undefined;
    const seen = new Set<TrackerItem>([item]);
    while (ref) {
      const named = byName.get(normaliseName(ref));
      if (!named || seen.has(named)) break;
      seen.add(named);
      head = named;
      if (named.isGroup || !named.groupRef) break;
      ref = named.groupRef;
    }
    return ref ? { ref: head?.key ?? ref, head } : undefined;
  };
  const groups = new Map<string, Group>();
  const heads = new Set<TrackerItem>();
  const members: [TrackerItem, { ref: string; head?: TrackerItem }][] = [];
  for (const item of items) {
    if (item.isGroup) {
      heads.add(item);
      groups.set(item.key, { head: item, members: [], firstRow: item.row });
      continue;
    }
    const found = top(item);
    if (found) {
      members.push([item, found]);
      if (found.head) heads.add(found.head);
    }
  }
  let rolledUp = 0;
  for (const [item, { ref, head }] of members) {
    if (heads.has(item)) continue;
    let group = groups.get(ref);
    if (!group) {
      group = { head, members: [], firstRow: head?.row ?? item.row };
      groups.set(ref, group);
    }
    group.members.push(item);
    rolledUp++;
  }
  const grouped = new Set(members.map(([m]) => m));
  const loose = items.filter((i) => !heads.has(i) && !grouped.has(i));
  return { groups, loose, rolledUp };
}

function linkToObjectives(
  initiatives: { initiative: DraftInitiative; links: string[] }[],
  draft: Draft,
  linkColumn: string | undefined,
): void {
  if (!linkColumn) {
    draft.assumptions.push(
      `initiatives are unlinked: none serves a priority yet. To link them, name the column that says which priority each serves, e.g. --link "Epic Link", --link Labels or --link Project`,
    );
    return;
  }
  const objectiveOf = new Map<string, number>();
  let unlinked = 0;
  for (const { initiative, links } of initiatives) {
    const [first, ...rest] = links;
    if (!first) {
      unlinked++;
      continue;
    }
    let index = objectiveOf.get(normaliseName(first));
    if (index === undefined) {
      const objective: DraftObjective = {
        title: first,
        line: initiative.line,
        level: 1,
        parent: null,
        ownersAsWritten: [],
        keyResults: [],
        stops: [],
      };
      index = draft.objectives.push(objective) - 1;
      objectiveOf.set(normaliseName(first), index);
    }
    initiative.objective = index;
    initiative.link = first;
    if (rest.length)
      draft.assumptions.push(
        `row ${initiative.line}: "${initiative.title}" has several ${linkColumn} values (${links.join(", ")}); linked to the first, "${first}"`,
      );
  }
  draft.assumptions.push(
    `${objectiveOf.size} priorit${objectiveOf.size === 1 ? "y" : "ies"} made from the ${linkColumn} column; ${unlinked} initiative(s) have no ${linkColumn} value and are unlinked`,
  );
}

function groupStatus(statuses: (InitiativeStatus | undefined)[]): InitiativeStatus | undefined {
  const known = statuses.filter((s): s is InitiativeStatus => s !== undefined);
  if (known.length === 0) return undefined;
  if (known.every((s) => s === "done" || s === "stopped"))
    return known.some((s) => s === "done") ? "done" : "stopped";
  if (known.some((s) => s === "active" || s === "done")) return "active";
  if (known.every((s) => s === "paused")) return "paused";
  return "proposed";
}

function mostCommon(values: string[]): string {
  const counts = new Map<string, number>();
  for (const v of values) if (v) counts.set(v, (counts.get(v) ?? 0) + 1);
  let best = "";
  let most = 0;
  for (const [v, n] of counts)
    if (n > most) {
      best = v;
      most = n;
    }
  return best;
}

function unique(values: string[]): string[] {
  return [...new Set(values)];
}

function earliest(dates: (string | undefined)[]): string | undefined {
  return dates.filter((d): d is string => !!d).sort()[0];
}

function latest(dates: (string | undefined)[]): string | undefined {
  return dates
    .filter((d): d is string => !!d)
    .sort()
    .at(-1);
}
