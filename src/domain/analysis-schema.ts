import { z } from "zod";
import { planChangeSchema } from "./plan-change.js";

/*
 * The analysis contract (shared spec rules.md "Output", interfaces.md "What-if and moves") as
 * zod schemas, for the OpenAPI document and the response validation of the routes that answer
 * with it.
 */

export const indexSchema = z
  .object({
    overall: z.number(),
    dimensions: z.record(z.string(), z.number()),
    priorities: z.record(z.string(), z.number()),
    teams: z.record(z.string(), z.number()),
    notAssessed: z.array(z.string()).optional(),
  })
  .describe("The Execution Gap Index: overall, per dimension, per priority and per team");

export const findingSchema = z
  .object({
    rule: z.string(),
    severity: z.enum(["error", "warning", "info"]),
    dimension: z.string(),
    subject: z.object({ type: z.string(), id: z.string() }),
    message: z.string(),
    evidence: z.record(z.string(), z.unknown()),
    suggestion: z.string(),
    actions: z.array(planChangeSchema).describe("The suggestion as changes what-if accepts"),
    location: z.object({ line: z.number(), column: z.number() }).optional(),
  })
  .describe("One finding");

const freedSchema = z.record(z.string(), z.number()).describe("FTE freed per team id");

export const whatIfResponse = z.object({
  before: indexSchema,
  after: indexSchema,
  freed: freedSchema,
  closed: z.array(findingSchema),
  opened: z.array(findingSchema),
});

export const moveSchema = z.object({
  actions: z.array(planChangeSchema),
  summary: z.string().describe("The actions as one sentence, with names"),
  freed: freedSchema,
  closes: z.array(findingSchema),
  opens: z.array(findingSchema),
  indexAfter: z.number(),
});

export const movesResponse = z.object({
  moves: z.array(moveSchema).describe("In the order they should be taken"),
  before: indexSchema,
  after: indexSchema.describe("The index once every move is taken"),
});

export const applyResponse = whatIfResponse.extend({
  version: z.number().int().describe("The workspace version the changes produced"),
});
