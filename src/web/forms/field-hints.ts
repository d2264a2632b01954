/*
 * What the zod schemas cannot say about a field: its label in plain words, a short hint (from
 * the plan format spec), which list an id refers to, and whether its text is long. Looked up by
 * "<section>.<path>" first (path without row indexes, e.g. "promises.milestones.what"), then by
 * the field's key alone, because the spec uses the same key for the same meaning everywhere.
 */

/** The plan's lists a reference can point into. */
export type ReferenceTarget = "people" | "teams" | "priorities" | "metrics" | "initiatives" | "insights";

export interface FieldHint {
  label?: string;
  hint?: string;
  ref?: ReferenceTarget;
  /** Free text long enough for a textarea. */
  long?: boolean;
  /** What one row of a list of objects is called ("milestone"). */
  noun?: string;
}

const BY_KEY: Record<string, FieldHint> = {
  id: { label: "Id", hint: "Lowercase letters, digits and hyphens. Other entries refer to it by this id." },
  name: { label: "Name" },
  title: { label: "Title" },
  email: { label: "E-mail" },
  owner: { label: "Owner", ref: "people" },
  decidedBy: { label: "Decided by", ref: "people" },
  team: { label: "Team", ref: "teams" },
  priority: { label: "Priority", ref: "priorities" },
  priorities: { label: "Priorities", ref: "priorities" },
  initiative: { label: "Initiative", ref: "initiatives" },
  metric: { label: "Metric", ref: "metrics" },
  evidence: { label: "Evidence (insights)", ref: "insights" },
  status: { label: "Status" },
  kind: { label: "Kind" },
  level: { label: "Level" },
  date: { label: "Date" },
  due: { label: "Due" },
  description: { label: "Description", long: true },
  statement: { label: "Statement", long: true },
  summary: { label: "Summary", long: true },
  reason: { label: "Reason", long: true },
  segment: { label: "Customer segment" },
  source: { label: "Source" },
};

const BY_PATH: Record<string, FieldHint> = {
  "teams.scorecard": {
    label: "Scorecard",
    hint: "What this team is measured and rewarded on.",
    noun: "scorecard entry",
  },
  "teams.scorecard.weight": { label: "Weight", hint: "Relative, more than 0." },
  "priorities.owner": { label: "Owner", hint: "Exactly one person should own a priority." },
  "priorities.segment": { label: "Customer segment", hint: "The customer segment it goes deep on." },
  "priorities.outcome": { label: "Customer outcome", hint: "The customer outcome it aims at.", long: true },
  "priorities.rightToWin": { label: "Right to win", hint: "Why this company can win there.", long: true },
  "priorities.reviewEvery": { label: "Review every", hint: "A duration such as 30d or 2w (default 30d)." },
  "priorities.resistance": {
    label: "Resistance",
    hint: "Where the current system will resist.",
    noun: "resistance item",
  },
  "priorities.resistance.area": { label: "Area" },
  "priorities.resistance.change": {
    label: "Change",
    hint: "The operating-model change that answers it; leave empty if there is none yet.",
  },
  "priorities.parent": {
    label: "Beneath priority",
    hint: "The company or function objective this one is part of; empty for a top-level priority.",
    ref: "priorities",
  },
  "priorities.team": { label: "Team", hint: "The team whose objective this is." },
  "metrics.owner": { label: "Owner", hint: "The person who owns this key result and records its check-ins." },
  "initiatives.metrics": {
    label: "Moves metrics",
    hint: "The key results this initiative is meant to move.",
    ref: "metrics",
  },
  "initiatives.owner": {
    label: "Owner",
    hint: "One person; a list of several is reported as a shared owner.",
  },
  "stops.team": { label: "Team", hint: "The team whose stop it is." },
  "decisions.team": { label: "Team", hint: "The team whose decision it is." },
  "teams.capacity": {
    label: "Capacity (FTE)",
    hint: "Full-time equivalents available in the cycle. Leave empty if unknown: capacity rules then skip the team.",
  },
  "metrics.unit": { label: "Unit" },
  "metrics.direction": { label: "Better when it goes" },
  "metrics.baseline": { label: "Baseline" },
  "metrics.target": { label: "Target" },
  "metrics.priorities": { label: "Evidences priorities" },
  "initiatives.priorities": { label: "Serves priorities" },
  "initiatives.start": { label: "Start" },
  "initiatives.end": { label: "End" },
  "initiatives.allocation": {
    label: "Allocation",
    hint: "FTE the initiative takes from each team.",
    ref: "teams",
  },
  "initiatives.lastReviewed": { label: "Last reviewed" },
  "stops.what": { label: "What is stopped", long: true },
  "stops.priority": { label: "Makes room for priority" },
  "stops.initiative": { label: "Stops initiative" },
  "stops.decided": { label: "Decided on" },
  "stops.effective": { label: "Takes effect on" },
  "stops.frees": { label: "Frees", hint: "FTE released per team.", ref: "teams" },
  "promises.milestones": { label: "Milestones", noun: "milestone" },
  "promises.milestones.what": { label: "What" },
  "promises.milestones.customerFacing": {
    label: "Customer-facing",
    hint: "Customers are told or the promise goes live.",
  },
  "promises.milestones.done": { label: "Done" },
  "insights.priorities": { label: "About priorities" },
  "reviews.priority": { label: "Priority reviewed" },
  "reviews.items": { label: "Initiatives reviewed", noun: "review item" },
  "reviews.items.connection": { label: "How does this connect to our priorities?", long: true },
  "reviews.items.learning": { label: "What are we learning about this customer segment?", long: true },
  "reviews.items.stillInvest": { label: "Do we still believe we should invest here?" },
};

/** Words for enum values where the value alone reads badly. */
export const CHOICE_LABELS: Record<string, string> = {
  up: "Up (higher is better)",
  down: "Down (lower is better)",
};

/** The hint for a field: its path in the section, without row indexes. */
export function hintFor(section: string, path: readonly string[]): FieldHint {
  const key = path[path.length - 1] ?? "";
  return { ...BY_KEY[key], ...BY_PATH[[section, ...path].join(".")] };
}

/** "rightToWin" → "Right to win": the fallback when no label is written down. */
export function humanise(key: string): string {
  const words = key
    .replace(/([a-z])([A-Z])/g, "$1 $2")
    .replace(/-/g, " ")
    .toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** Fields of a section that this form never edits: metric check-ins are append-only via the API. */
export const EXCLUDED_FIELDS: Record<string, readonly string[]> = { metrics: ["checkins", "history"] };
