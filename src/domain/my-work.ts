import { z } from "zod";

/*
 * The My work answer (GET /workspaces/{ws}/my-work) as zod schemas: the response is
 * validated by them and OpenAPI documents it from them. Computed by engine/my-work.ts.
 */

export const findingSchema = z.object({
  rule: z.string(),
  severity: z.enum(["error", "warning", "info"]),
  dimension: z.string(),
  subject: z.object({ type: z.string(), id: z.string() }),
  message: z.string(),
  evidence: z.record(z.string(), z.unknown()),
  suggestion: z.string(),
});

export const owedItemSchema = z.object({ finding: findingSchema, title: z.string() });

export const auditEntrySchema = z.object({
  seq: z.number().int(),
  at: z.string(),
  actor: z.string(),
  action: z.string(),
  entityType: z.string(),
  entityId: z.string(),
});

export const myWorkResponse = z.object({
  asOf: z.string(),
  personIds: z
    .array(z.string())
    .describe("the plan people you are (by e-mail); empty: you are no plan person"),
  owns: z.object({ priorities: z.number().int(), initiatives: z.number().int(), metrics: z.number().int() }),
  staleCheckins: z.array(owedItemSchema).describe("metric-stale findings on metrics you own"),
  reviewsDue: z.array(owedItemSchema).describe("review-overdue findings on priorities you own"),
  notActedOn: z.array(owedItemSchema).describe("review answers of no not yet acted on, on what you own"),
  findings: z.array(owedItemSchema).describe("every other finding about what you own"),
  changes: z.object({
    since: z.string().nullable().describe("when you last looked; null the first time"),
    indexThen: z.number().nullable(),
    indexNow: z.number(),
    opened: z.array(findingSchema),
    closed: z.array(z.string()).describe("findings closed since, as 'rule subject-type subject-id'"),
    activity: z.array(auditEntrySchema).describe("changes others made since (latest first, at most 20)"),
  }),
});
export type MyWorkResponse = z.output<typeof myWorkResponse>;
