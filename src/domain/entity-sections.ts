/*
 * The plan's ten entity collections and what one entry of each is called. Kept apart from the
 * zod schemas so the web app's first load can name sections without loading zod.
 */

/** The plan's entity sections, in file order. */
export const ENTITY_SECTIONS = [
  "people",
  "teams",
  "priorities",
  "metrics",
  "initiatives",
  "stops",
  "promises",
  "insights",
  "decisions",
  "reviews",
] as const;
export type EntitySection = (typeof ENTITY_SECTIONS)[number];

/** Sections every plan has (plan-format.md); the others may be left out. */
export const REQUIRED_SECTIONS: ReadonlySet<EntitySection> = new Set(["people", "teams", "priorities"]);

/** One entry of each section, in words ("a priority", "the person"). */
export const ENTITY_SINGULAR: Record<EntitySection, string> = {
  people: "person",
  teams: "team",
  priorities: "priority",
  metrics: "metric",
  initiatives: "initiative",
  stops: "stop",
  promises: "promise",
  insights: "insight",
  decisions: "decision",
  reviews: "review",
};
