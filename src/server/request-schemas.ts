import { z } from "zod";
import {
  checkinShape,
  ENTITY_SECTIONS,
  type EntitySection,
  SECTION_SCHEMAS,
  SECTION_SHAPES,
} from "../domain/plan-schema.js";
import { dateSchema, idSchema } from "../domain/primitives.js";
import { entity } from "../domain/unknown-keys.js";

/*
 * Request and response schemas of the HTTP API, built from the domain's plan-format shapes:
 * the same definitions validate plan files, API bodies, and generate the OpenAPI document.
 */

export const createBody = (section: EntitySection) => SECTION_SCHEMAS[section];

/** PATCH: any field of the entity; null removes an optional field. The id cannot change. */
export const patchBody = (section: EntitySection) =>
  entity(
    Object.fromEntries(
      Object.entries(SECTION_SHAPES[section])
        .filter(
          ([key]) => key !== "id" && !(section === "metrics" && (key === "checkins" || key === "history")),
        )
        .map(([key, schema]) => [key, (schema as z.ZodType).nullable().optional()]),
    ),
  );

/** An item as the API returns it: the plan-format fields plus its version. */
export const itemResponse = (section: EntitySection) =>
  z
    .looseObject({ ...SECTION_SHAPES[section], version: z.number().int() })
    .describe(`A ${section} entry with its version`);

export const checkinBody = entity(checkinShape);

export const slugSchema = z
  .string()
  .regex(/^[a-z0-9][a-z0-9-]{0,62}$/, { message: "must be a workspace slug" });
export const wsParams = z.object({ ws: slugSchema });
export const itemParams = z.object({ ws: slugSchema, id: idSchema });
export const pageQuery = z.strictObject({
  limit: z.coerce.number().int().min(1).max(500).optional(),
  cursor: z.string().max(200).optional(),
});
export const analysisQuery = z.strictObject({
  asOf: dateSchema.optional(),
  /** Paging and filters of findings (additive: without them the answer is the whole contract). */
  limit: z.coerce.number().int().min(1).max(1000).optional(),
  cursor: z.string().max(200).optional(),
  rule: z.string().max(400).optional(),
  severity: z
    .string()
    .regex(/^(error|warning|info)(,(error|warning|info))*$/)
    .optional(),
  subject: z.string().max(200).optional(),
});
export const auditQuery = z.strictObject({
  limit: z.coerce.number().int().min(1).max(500).optional(),
  cursor: z.string().max(200).optional(),
  entityType: z.string().max(40).optional(),
  entityId: z.string().max(64).optional(),
  actor: z.string().max(320).optional(),
  since: z.iso.datetime({ offset: true }).or(dateSchema).optional(),
  until: z.iso.datetime({ offset: true }).or(dateSchema).optional(),
});

export const workspaceResponse = z.object({
  role: z.enum(["viewer", "contributor", "editor", "admin"]).optional(),
  slug: z.string(),
  name: z.string(),
  organisation: z.string(),
  version: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export const createWorkspaceBody = z.strictObject({
  slug: slugSchema,
  name: z.string().trim().min(1).max(200),
});
export const patchWorkspaceBody = z.strictObject({
  slug: slugSchema.optional(),
  name: z.string().trim().min(1).max(200).optional(),
});

export const problemResponse = z
  .object({
    type: z.string(),
    title: z.string(),
    status: z.number(),
    code: z.string(),
    detail: z.string(),
    errors: z.array(
      z.object({
        path: z.string(),
        message: z.string(),
        line: z.number().optional(),
        column: z.number().optional(),
      }),
    ),
  })
  .describe("application/problem+json (RFC 9457)");

export { ENTITY_SECTIONS };
