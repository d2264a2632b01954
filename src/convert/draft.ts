import type { ConvertFormat } from "./report.js";

/*
 * What a reader (markdown, spreadsheet, tracker export) finds in a document, before any
 * decision about ids, people or dates: the one shape every reader produces and
 * `build-plan.ts` turns into a plan and its report. `line` is the 1-based source line
 * (for spreadsheets: the row number as the user sees it).
 */

export interface DraftKeyResult {
  text: string;
  line: number;
  /** Owners as the document names them (a person, role, handle or team), already split. */
  ownersAsWritten: string[];
  baseline?: number;
  target?: number;
  current?: number;
  unit?: string;
  due?: string;
  /** A score or result written after the key result (e.g. `=> 80%`), recorded as a check-in. */
  score?: { value: number; unit?: string; text: string };
  status?: string;
  /** Placeholders written where a number belongs (a spreadsheet's Target "TBD"): flagged, no value. */
  placeholders?: string[];
  /** The key result is only a link to another team's objective (the reader saw it so). */
  pointer?: boolean;
}

export interface DraftInitiative {
  title: string;
  line: number;
  ownersAsWritten: string[];
  status?: string;
  start?: string;
  end?: string;
  team?: string;
  /** Index in `Draft.objectives` of the objective it serves, when known. */
  objective?: number;
  /** A label, epic or project name the user chose to link initiatives to priorities by. */
  link?: string;
}

export interface DraftObjective {
  title: string;
  line: number;
  /** 1 is top level. */
  level: number;
  /** Index in `Draft.objectives` of the objective this one sits under, or null. */
  parent: number | null;
  ownersAsWritten: string[];
  team?: string;
  keyResults: DraftKeyResult[];
  /** Anti-goals: what the objective explicitly will not do (become stops). */
  stops: { text: string; line: number }[];
}

export interface Draft {
  source: string;
  from: ConvertFormat;
  /** A document title or organisation name, when the document states one. */
  title?: string;
  /** Quarter or period labels as written ("FY21-Q3", "2019 Q3"), with their line. */
  periods: { text: string; line: number }[];
  objectives: DraftObjective[];
  initiatives: DraftInitiative[];
  /** Text the reader could not place, with its line. */
  unmapped: { line: number; text: string }[];
  /** What the reader assumed (e.g. "row 4: 'Owner' column read as owner"). */
  assumptions: string[];
}

export interface ConvertOptions {
  cycleStart?: string;
  cycleEnd?: string;
  /** 1–12: the month the fiscal year starts, for labels like "FY21-Q3". */
  fiscalYearStart?: number;
  /** For tracker exports: the column whose value links an initiative to a priority. */
  linkColumn?: string;
  /** Spreadsheet column → field overrides (`--map column=field`). */
  map?: Record<string, string>;
  /** The day the conversion runs (for assumed cycles); injectable for tests. */
  today?: string;
}
