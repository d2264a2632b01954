import { z } from "zod";

/** The weekly digest's settings and records as the API reads and writes them. */

export const digestSettingsBody = z.strictObject({
  enabled: z.boolean(),
  day: z.number().int().min(1).max(7).describe("ISO weekday: 1 Monday … 7 Sunday"),
  hour: z.number().int().min(0).max(23),
  timeZone: z.string().min(1).max(64).describe("an IANA time zone, e.g. Europe/Berlin"),
});

export const digestSettingsResponse = digestSettingsBody.extend({
  lastPeriod: z.string().nullable().describe("the period of the last digest sent (its local date)"),
});

export const subscriptionBody = z.strictObject({ optedOut: z.boolean() });
export const subscriptionResponse = z.object({ optedOut: z.boolean() });

export const mailRecordSchema = z.object({
  seq: z.number().int(),
  kind: z.string(),
  period: z.string(),
  recipient: z.string(),
  subject: z.string(),
  body: z.string(),
  state: z.string().describe("sending, sent"),
  transport: z.string().describe("smtp, or log when SMTP_URL is not set"),
  createdAt: z.string(),
});
export const mailListResponse = z.object({ items: z.array(mailRecordSchema) });

export const unsubscribeQuery = z.strictObject({ token: z.string().min(10).max(200) });
