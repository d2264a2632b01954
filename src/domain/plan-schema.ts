import { z } from "zod";
import type { EntitySection } from "./entity-sections.js";
import {
  dateSchema,
  durationSchema,
  fteSchema,
  idSchema,
  optional,
  textSchema,
  withDefault,
} from "./primitives.js";
import { entity } from "./unknown-keys.js";

/*
 * The plan file, format version 1 (shared spec plan-format.md). These schemas are the one
 * source of validation: the plan loader, the HTTP API and the OpenAPI document all use them.
 * Shapes are exported so that API request schemas (create, patch) reuse the same fields.
 * Cross-references (dangling ids, duplicates) are checked by plan-references.ts.
 */

const optText = optional(z.string());
const idList = optional(z.array(idSchema));
const fteMap = optional(z.record(idSchema, fteSchema));

export const PRIORITY_STATUSES = ["proposed", "committed", "achieved", "retired"] as const;
export const INITIATIVE_STATUSES = ["proposed", "active", "paused", "stopped", "done"] as const;
export const METRIC_KINDS = ["outcome", "business", "output", "efficiency"] as const;
export const RESISTANCE_AREAS = [
  "incentives",
  "process",
  "structure",
  "decision-rights",
  "resources",
  "skills",
  "culture",
] as const;
export const CHANGE_KINDS = [
  "decision-rights",
  "resource-allocation",
  "performance-measurement",
  "process",
  "structure",
  "other",
] as const;
export const CHANGE_STATUSES = ["planned", "in-progress", "done"] as const;
export const DECISION_KINDS = ["cut", "deprioritise", "stop", "invest", "pivot", "continue"] as const;
export const DECISION_LEVELS = ["company", "function", "team"] as const;
export const STILL_INVEST = ["yes", "no", "unsure"] as const;

export const DEFAULT_PRIORITY_STATUS = "committed";
export const DEFAULT_REVIEW_EVERY = "30d";
export const DEFAULT_INITIATIVE_STATUS = "active";

export const personShape = {
  id: idSchema,
  name: textSchema,
  team: optional(idSchema),
  email: optText,
};
export const personSchema = entity(personShape);

export const scorecardEntryShape = {
  metric: idSchema,
  weight: z.number().finite().gt(0, { message: "must be more than 0" }),
};
export const teamShape = {
  id: idSchema,
  name: textSchema,
  /** Absent means unknown (not zero): capacity rules skip the team. */
  capacity: optional(fteSchema),
  scorecard: optional(z.array(entity(scorecardEntryShape))),
};
export const teamSchema = entity(teamShape);

export const changeShape = {
  kind: z.enum(CHANGE_KINDS),
  description: textSchema,
  owner: idSchema,
  due: dateSchema,
  status: z.enum(CHANGE_STATUSES),
};
export const resistanceShape = {
  id: idSchema,
  area: z.enum(RESISTANCE_AREAS),
  description: textSchema,
  change: optional(entity(changeShape)),
};

/** A priority's owner as written: one id, a list of ids, or absent (rules report the last two). */
export const ownerSchema = optional(z.union([idSchema, z.array(idSchema)]));

export const priorityShape = {
  id: idSchema,
  title: textSchema,
  owner: ownerSchema,
  status: withDefault(z.enum(PRIORITY_STATUSES), DEFAULT_PRIORITY_STATUS),
  segment: optText,
  outcome: optText,
  rightToWin: optText,
  reviewEvery: withDefault(durationSchema, DEFAULT_REVIEW_EVERY),
  resistance: optional(z.array(entity(resistanceShape))),
  /** The priority this one sits beneath (a function's or team's objective under it). */
  parent: optional(idSchema),
  /** The team whose objective this is. */
  team: optional(idSchema),
};
export const prioritySchema = entity(priorityShape);

export const checkinShape = { date: dateSchema, value: z.number().finite(), note: optText };
export const metricHistoryShape = {
  date: dateSchema,
  field: textSchema,
  from: optional(z.union([z.string(), z.number(), z.boolean(), z.array(z.string())])),
  to: optional(z.union([z.string(), z.number(), z.boolean(), z.array(z.string())])),
};
export const metricShape = {
  id: idSchema,
  name: textSchema,
  kind: z.enum(METRIC_KINDS),
  unit: optText,
  direction: z.enum(["up", "down"]),
  baseline: optional(z.number().finite()),
  target: optional(z.number().finite()),
  due: optional(dateSchema),
  priorities: idList,
  checkins: optional(z.array(entity(checkinShape))),
  history: optional(z.array(entity(metricHistoryShape))),
  /** The person who owns the key result and records its check-ins. */
  owner: optional(idSchema),
};
export const metricSchema = entity(metricShape);

export const initiativeShape = {
  id: idSchema,
  title: textSchema,
  owner: ownerSchema,
  priorities: idList,
  status: withDefault(z.enum(INITIATIVE_STATUSES), DEFAULT_INITIATIVE_STATUS),
  start: optional(dateSchema),
  end: optional(dateSchema),
  allocation: fteMap,
  lastReviewed: optional(dateSchema),
  /** Metric ids the initiative is meant to move (the key results it hangs under). */
  metrics: idList,
};
export const initiativeSchema = entity(initiativeShape);

export const stopShape = {
  id: idSchema,
  what: textSchema,
  priority: optional(idSchema),
  initiative: optional(idSchema),
  decided: dateSchema,
  effective: dateSchema,
  frees: fteMap,
  reason: optText,
  /** The team whose stop it is. */
  team: optional(idSchema),
};
export const stopSchema = entity(stopShape);

export const milestoneShape = {
  team: idSchema,
  what: textSchema,
  date: dateSchema,
  customerFacing: withDefault(z.boolean(), false),
  done: withDefault(z.boolean(), false),
};
export const promiseShape = {
  id: idSchema,
  statement: textSchema,
  priority: optional(idSchema),
  milestones: z.array(entity(milestoneShape)),
};
export const promiseSchema = entity(promiseShape);

export const insightShape = {
  id: idSchema,
  date: dateSchema,
  summary: textSchema,
  segment: optText,
  source: optText,
  priorities: idList,
};
export const insightSchema = entity(insightShape);

export const decisionShape = {
  id: idSchema,
  date: dateSchema,
  statement: textSchema,
  kind: z.enum(DECISION_KINDS),
  level: optional(z.enum(DECISION_LEVELS)),
  priority: optional(idSchema),
  evidence: idList,
  decidedBy: optional(idSchema),
  /** The team whose decision it is. */
  team: optional(idSchema),
};
export const decisionSchema = entity(decisionShape);

export const reviewItemShape = {
  initiative: idSchema,
  connection: optText,
  learning: optText,
  stillInvest: optional(z.enum(STILL_INVEST)),
};
export const reviewShape = {
  id: idSchema,
  date: dateSchema,
  priority: optional(idSchema),
  items: z.array(entity(reviewItemShape)),
};
export const reviewSchema = entity(reviewShape);

export const cycleSchema = entity({ name: textSchema, start: dateSchema, end: dateSchema });

export const SEVERITIES = ["error", "warning", "info"] as const;
/**
 * `rules:` as written: per rule id, `off`, a severity, or `{ severity?, ...thresholds }`.
 * Only the shape is checked here; rule ids and threshold names are checked against the
 * engine's registry (engine/rule-config.ts), so adding a rule never edits the domain.
 */
export const ruleSettingSchema = z.union([
  z.enum(["off", ...SEVERITIES]),
  z.record(z.string(), z.union([z.string(), z.number(), z.boolean()])),
]);
export const rulesConfigSchema = optional(z.record(z.string(), ruleSettingSchema));

export const planShape = {
  version: z.literal(1, { message: "must be 1 (the only plan format version so far)" }),
  organisation: textSchema,
  asOf: optional(dateSchema),
  cycle: cycleSchema,
  people: z.array(personSchema),
  teams: z.array(teamSchema),
  priorities: z.array(prioritySchema),
  metrics: optional(z.array(metricSchema)),
  initiatives: optional(z.array(initiativeSchema)),
  stops: optional(z.array(stopSchema)),
  promises: optional(z.array(promiseSchema)),
  insights: optional(z.array(insightSchema)),
  decisions: optional(z.array(decisionSchema)),
  reviews: optional(z.array(reviewSchema)),
  rules: rulesConfigSchema,
};
export const planSchema = entity(planShape);

export type Plan = z.output<typeof planSchema>;
export type PlanInput = z.input<typeof planSchema>;
export type Person = z.output<typeof personSchema>;
export type Team = z.output<typeof teamSchema>;
export type Priority = z.output<typeof prioritySchema>;
export type Resistance = NonNullable<Priority["resistance"]>[number];
export type Metric = z.output<typeof metricSchema>;
export type Checkin = NonNullable<Metric["checkins"]>[number];
export type MetricHistoryEntry = NonNullable<Metric["history"]>[number];
export type Initiative = z.output<typeof initiativeSchema>;
export type Stop = z.output<typeof stopSchema>;
export type CustomerPromise = z.output<typeof promiseSchema>;
export type Milestone = CustomerPromise["milestones"][number];
export type Insight = z.output<typeof insightSchema>;
export type Decision = z.output<typeof decisionSchema>;
export type Review = z.output<typeof reviewSchema>;
export type ReviewItem = Review["items"][number];
export type RulesConfig = NonNullable<Plan["rules"]>;
export type Severity = (typeof SEVERITIES)[number];

export {
  ENTITY_SECTIONS,
  ENTITY_SINGULAR,
  type EntitySection,
  REQUIRED_SECTIONS,
} from "./entity-sections.js";

/** The fields of one entry of each section (what forms are generated from). */
export const SECTION_SHAPES: Record<EntitySection, z.ZodRawShape> = {
  people: personShape,
  teams: teamShape,
  priorities: priorityShape,
  metrics: metricShape,
  initiatives: initiativeShape,
  stops: stopShape,
  promises: promiseShape,
  insights: insightShape,
  decisions: decisionShape,
  reviews: reviewShape,
};

/** The schema of one entry of each section: the plan file, the API and the forms all use these. */
export const SECTION_SCHEMAS: Record<EntitySection, z.ZodType> = {
  people: personSchema,
  teams: teamSchema,
  priorities: prioritySchema,
  metrics: metricSchema,
  initiatives: initiativeSchema,
  stops: stopSchema,
  promises: promiseSchema,
  insights: insightSchema,
  decisions: decisionSchema,
  reviews: reviewSchema,
};
