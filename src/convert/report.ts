import { z } from "zod";

/*
 * The conversion report: the contract of `convert --report` and of the API's conversion
 * preview (shared spec interfaces.md, "The conversion report"). Scripts read every field, so
 * it is typed once here and imported by the CLI, the server and the web app.
 */

export const CONVERT_FORMATS = ["markdown", "csv", "xlsx", "jira-csv", "linear-csv"] as const;
export type ConvertFormat = (typeof CONVERT_FORMATS)[number];

export const KEY_RESULT_KINDS = ["outcome", "output", "vague", "placeholder", "pointer"] as const;

export const reportKeyResultSchema = z.object({
  text: z.string(),
  line: z.number().int(),
  kind: z.enum(KEY_RESULT_KINDS),
  target: z.number().nullable(),
  placeholder: z.boolean(),
});

export const reportObjectiveSchema = z.object({
  title: z.string(),
  line: z.number().int(),
  /** 1 is top level. */
  level: z.number().int().min(1),
  /** Index in `objectives` of the objective this one sits under, or null. */
  parent: z.number().int().nullable(),
  ownersAsWritten: z.array(z.string()),
  /** The person ids they became. */
  owners: z.array(z.string()),
  theme: z.boolean(),
  keyResults: z.array(reportKeyResultSchema),
});

export const conversionReportSchema = z.object({
  source: z.string(),
  from: z.enum(CONVERT_FORMATS),
  cycle: z.object({ start: z.string(), end: z.string(), assumed: z.boolean() }),
  objectives: z.array(reportObjectiveSchema),
  initiatives: z.number().int(),
  assumptions: z.array(z.string()),
  unmapped: z.array(z.object({ line: z.number().int(), text: z.string() })),
});

export type ReportKeyResult = z.infer<typeof reportKeyResultSchema>;
export type ReportObjective = z.infer<typeof reportObjectiveSchema>;
export type ConversionReport = z.infer<typeof conversionReportSchema>;
