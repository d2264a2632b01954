import { z } from "zod";
import { planSchema } from "../domain/plan-schema.js";
import { MAX_INPUT_BYTES } from "./input-guard.js";
import { CONVERT_FORMATS, conversionReportSchema } from "./report.js";

/*
 * The HTTP contract of conversion (shared spec interfaces.md): the document and options a
 * client sends, and what the preview and the import answer. Typed once here; the server
 * validates with these (so OpenAPI documents them) and the web app imports the types.
 */

const MB = MAX_INPUT_BYTES / 1024 / 1024;

export const convertOptionsSchema = z.strictObject({
  cycleStart: z.iso.date().optional(),
  cycleEnd: z.iso.date().optional(),
  fiscalYearStart: z.number().int().min(1).max(12).optional(),
  linkColumn: z
    .string()
    .min(1)
    .max(200)
    .optional()
    .describe("tracker exports: the column that links an initiative to a priority"),
  map: z
    .record(z.string().min(1).max(200), z.string().min(1).max(60))
    .optional()
    .describe("spreadsheets: column name → field (objective, keyResult, owner, team, target…)"),
});

export const convertDocumentShape = {
  source: z.string().trim().min(1).max(260).describe("the file name, used in messages and the report"),
  format: z.enum(["auto", ...CONVERT_FORMATS]).default("auto"),
  text: z.string().optional().describe("the document as text (markdown, CSV)"),
  base64: z
    .string()
    .optional()
    .describe(`the document's bytes in base64 (any format; xlsx needs it); at most ${MB} MB`),
  options: convertOptionsSchema.optional(),
};

export const convertPreviewBody = z
  .strictObject(convertDocumentShape)
  .refine((b) => (b.text === undefined) !== (b.base64 === undefined), {
    message: "send the document as exactly one of text or base64",
    path: ["text"],
  });

export const confirmationSchema = z.object({
  line: z.number().int(),
  // The builder's Confirmation["what"] (owner, no-owner, placeholder, theme, output, vague, pointer, …):
  // a string here so that a new kind of confirmation does not break the route's response.
  what: z.string(),
  text: z.string(),
});

const mergeCountsSchema = z.object({
  added: z.number().int(),
  updated: z.number().int(),
  kept: z.number().int(),
});
export const mergeSummarySchema = z.record(z.string(), mergeCountsSchema);

export const convertPreviewResponse = z.object({
  report: conversionReportSchema,
  plan: planSchema,
  confirmations: z.array(confirmationSchema),
  summary: z.array(z.string()).describe("the text summary a person reads, one line each"),
  /** In a workspace: what merging the plan would add, update and keep. */
  merge: mergeSummarySchema.optional(),
});

/**
 * An import sends the document again, or the plan of its preview as a person corrected it
 * (owners and kinds fixed in the web app); a plan is validated exactly as `import` does.
 */
const importShape = {
  ...convertDocumentShape,
  plan: z
    .record(z.string(), z.unknown())
    .optional()
    .describe("the previewed plan, corrected; replaces converting the document"),
};
const oneSource = (b: { text?: string; base64?: string; plan?: unknown }) =>
  [b.text, b.base64, b.plan].filter((x) => x !== undefined).length === 1;
const oneSourceIssue = { message: "send exactly one of text, base64 or plan", path: ["plan"] };

export const convertImportBody = z
  .strictObject({
    ...importShape,
    mode: z
      .enum(["merge", "replace"])
      .default("merge")
      .describe(
        "merge: add and update entries by id, keep the rest; replace: the workspace becomes the plan",
      ),
  })
  .refine(oneSource, oneSourceIssue);

export const convertCreateBody = z
  .strictObject({
    ...importShape,
    slug: z.string().regex(/^[a-z0-9][a-z0-9-]{0,62}$/, { message: "must be a workspace slug" }),
    name: z.string().trim().min(1).max(200).optional(),
  })
  .refine(oneSource, oneSourceIssue);

export type ConvertPreviewBody = z.input<typeof convertPreviewBody>;
export type ConvertPreviewResponse = z.infer<typeof convertPreviewResponse>;
export type ConvertImportBody = z.input<typeof convertImportBody>;
export type ConvertCreateBody = z.input<typeof convertCreateBody>;
export type MergeSummaryResponse = z.infer<typeof mergeSummarySchema>;
