import { z } from "zod";
import { checkinShape } from "./plan-schema.js";
import { idSchema, optional } from "./primitives.js";
import { entity } from "./unknown-keys.js";

/*
 * Check-ins recorded together: the batch the check-in form saves in one request, and the rows
 * of an uploaded sheet once read. One row names its metric by id; the sheet may also use the
 * metric's name (resolved in src/plan/checkin-sheet.ts before it gets here).
 */

/** The most rows one request may carry: a year of weekly check-ins for 1,000 metrics is 52,000. */
export const MAX_CHECKINS_PER_REQUEST = 10_000;

export const checkinRowShape = { metric: idSchema, ...checkinShape };
export const checkinRowSchema = entity(checkinRowShape);
export type CheckinRow = z.output<typeof checkinRowSchema>;

export const checkinBatchBody = z.strictObject({
  checkins: z
    .array(checkinRowSchema)
    .min(1, { message: "must hold at least one check-in" })
    .max(MAX_CHECKINS_PER_REQUEST, { message: `must hold at most ${MAX_CHECKINS_PER_REQUEST} check-ins` }),
});
export type CheckinBatch = z.output<typeof checkinBatchBody>;

export const checkinBatchResponse = z.object({
  recorded: z.number().int().describe("check-ins written"),
  metrics: z.array(z.string()).describe("the metrics that received check-ins"),
  workspaceVersion: z.number().int(),
});

/** One problem of an uploaded sheet, by its row number as a spreadsheet shows it (header = 1). */
export const sheetProblemSchema = z.object({
  row: z.number().int(),
  column: optional(z.string()),
  message: z.string(),
});
export type SheetProblem = z.output<typeof sheetProblemSchema>;

export const sheetRowSchema = z.object({
  row: z.number().int(),
  metric: z.string(),
  metricName: z.string(),
  date: z.string(),
  value: z.number(),
  note: optional(z.string()),
});
export type SheetRow = z.output<typeof sheetRowSchema>;

export const uploadQuery = z.strictObject({
  dryRun: z
    .enum(["true", "false"])
    .optional()
    .transform((v) => v === "true")
    .describe("true: read and check the sheet, write nothing (the preview)"),
  skipInvalid: z
    .enum(["true", "false"])
    .optional()
    .transform((v) => v === "true")
    .describe("true: record the valid rows and skip the invalid ones; else any invalid row writes nothing"),
});

export const uploadResponse = z.object({
  dryRun: z.boolean(),
  rows: z.array(sheetRowSchema).describe("the valid rows, as they will be (or were) recorded"),
  problems: z.array(sheetProblemSchema).describe("the invalid rows, by row number"),
  recorded: z.number().int(),
  workspaceVersion: optional(z.number().int()),
});
