import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import {
  type ConvertPreviewBody,
  convertCreateBody,
  convertImportBody,
  convertPreviewBody,
  convertPreviewResponse,
} from "../../convert/api-schemas.js";
import { type BuildResult, ConvertError, convertDocument, MAX_INPUT_BYTES } from "../../convert/index.js";
import { mergePlans } from "../../convert/merge-plan.js";
import { AppError } from "../../domain/errors.js";
import type { Plan } from "../../domain/plan-schema.js";
import type { Store } from "../../store/index.js";
import { importConverted } from "../../store/index.js";
import { actorName, ifMatch, sendWithEtag } from "../http-helpers.js";
import { sendProblem, toAppError } from "../problem-details.js";
import { workspaceResponse, wsParams } from "../request-schemas.js";
import { presentWorkspace } from "./workspaces.js";

/*
 * Converting a strategy document over HTTP: preview (nothing written), import into a
 * workspace (merge or replace), and create a workspace from a document. The document comes
 * as text or base64 in JSON; the converter is the same one `throughline convert` runs.
 */

const MB = (n: number) => `${Math.round(n / 1024 / 1024)} MB`;
/** Base64 makes bytes a third larger; the rest of the body (options, a corrected plan) gets room too. */
const BODY_LIMIT = Math.ceil((MAX_INPUT_BYTES * 4) / 3) + 4 * 1024 * 1024;

const importResponse = z.object({
  workspace: workspaceResponse,
  created: z.boolean(),
  summary: z.record(z.string(), z.object({ added: z.number(), updated: z.number(), kept: z.number() })),
});

export async function convertRoutes(app: FastifyInstance, { store }: { store: Store }): Promise<void> {
  // An upload over the limit is refused before it is read, with the limit in the message.
  app.setErrorHandler((error, request, reply) => {
    const appError = toAppError(error);
    // Only Fastify's own refusal of the body gets the general message; ours already name the file.
    if (appError.code === "payload_too_large" && !(error instanceof AppError))
      return sendProblem(
        reply,
        new AppError(
          "payload_too_large",
          `The document is too large to convert: the limit is ${MB(MAX_INPUT_BYTES)}. Export only the sheet or period you need; nothing was written.`,
        ),
        request,
      );
    if (appError.status >= 500) request.log.error({ err: error }, "request failed");
    return sendProblem(reply, appError, request);
  });
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.post(
    "/convert/preview",
    {
      bodyLimit: BODY_LIMIT,
      config: { permission: "signed-in" },
      schema: {
        tags: ["convert"],
        summary: "Convert a strategy document into a plan and its report; nothing is written",
        body: convertPreviewBody,
        response: { 200: convertPreviewResponse },
      },
    },
    async (request) => present(await convert(request.body)),
  );

  r.post(
    "/workspaces/:ws/convert/preview",
    {
      bodyLimit: BODY_LIMIT,
      config: { permission: "workspace:read" },
      schema: {
        tags: ["convert"],
        summary:
          "Preview converting a document into this workspace: the plan, its report, and what a merge would add, update and keep; nothing is written",
        params: wsParams,
        body: convertPreviewBody,
        response: { 200: convertPreviewResponse },
      },
    },
    async (request) => {
      const result = await convert(request.body);
      const { plan } = await store.workspaces.readPlan(request.params.ws);
      return { ...present(result), merge: mergePlans(plan, result.plan).summary };
    },
  );

  r.post(
    "/workspaces/:ws/convert/import",
    {
      bodyLimit: BODY_LIMIT,
      config: { permission: "workspace:edit" },
      schema: {
        tags: ["convert"],
        summary:
          "Import a document (or its corrected preview plan) into this workspace: merge by id (default) or replace; If-Match optional",
        params: wsParams,
        body: convertImportBody,
        response: { 200: importResponse },
      },
    },
    async (request, reply) => {
      const expectedVersion = ifMatch(request, false);
      const plan = await planOf(request.body);
      const result = await importConverted(
        store.workspaces,
        { slug: request.params.ws, plan, mode: request.body.mode, source: request.body.source },
        { actor: actorName(request), ...(expectedVersion !== undefined ? { expectedVersion } : {}) },
      );
      return sendWithEtag(reply, result.workspace.version, {
        workspace: presentWorkspace(result.workspace),
        created: result.created,
        summary: result.summary,
      });
    },
  );

  r.post(
    "/convert/workspaces",
    {
      bodyLimit: BODY_LIMIT,
      config: { permission: "instance-admin" },
      schema: {
        tags: ["convert"],
        summary: "Create a workspace from a document (or its corrected preview plan)",
        body: convertCreateBody,
        response: { 201: importResponse },
      },
    },
    async (request, reply) => {
      const plan = await planOf(request.body);
      const result = await importConverted(
        store.workspaces,
        {
          slug: request.body.slug,
          ...(request.body.name ? { name: request.body.name } : {}),
          plan,
          mode: "create",
          source: request.body.source,
        },
        { actor: actorName(request) },
      );
      return sendWithEtag(
        reply,
        result.workspace.version,
        { workspace: presentWorkspace(result.workspace), created: true, summary: result.summary },
        201,
      );
    },
  );
}

function present(result: BuildResult) {
  return {
    report: result.report,
    plan: result.plan,
    confirmations: result.confirmations,
    summary: result.summary,
  };
}

/** The plan to write: the corrected preview plan as sent (the store validates it), or the document converted. */
async function planOf(body: ConvertPreviewBody & { plan?: Record<string, unknown> }): Promise<Plan> {
  if (body.plan) return body.plan as unknown as Plan;
  return (await convert(body)).plan;
}

async function convert(body: ConvertPreviewBody): Promise<BuildResult> {
  const bytes = documentBytes(body);
  if (bytes.byteLength > MAX_INPUT_BYTES)
    throw new AppError(
      "payload_too_large",
      `${body.source}: ${(bytes.byteLength / 1024 / 1024).toFixed(1)} MB is too large to convert (the limit is ${MB(MAX_INPUT_BYTES)}); nothing was written`,
      {
        problems: [
          { path: ["body", body.base64 !== undefined ? "base64" : "text"], message: "is too large" },
        ],
      },
    );
  try {
    return await convertDocument(body.source, bytes, body.format ?? "auto", body.options ?? {});
  } catch (error) {
    if (!(error instanceof ConvertError)) throw error;
    // A format's own size limit (input-guard.ts) is a too-large upload like the body limit.
    const tooLarge = /is too large to convert/.test(error.message);
    throw new AppError(tooLarge ? "payload_too_large" : "invalid_request", error.message, {
      problems: [
        {
          path: ["body", body.base64 !== undefined ? "base64" : "text"],
          message: error.message,
          ...(error.line !== undefined ? { line: error.line } : {}),
        },
      ],
    });
  }
}

function documentBytes(body: ConvertPreviewBody): Uint8Array {
  if (body.text !== undefined) return new TextEncoder().encode(body.text);
  const b64 = (body.base64 ?? "").replace(/\s+/g, "");
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(b64))
    throw new AppError("invalid_request", "base64 is not valid base64", {
      problems: [{ path: ["body", "base64"], message: "is not valid base64" }],
    });
  return new Uint8Array(Buffer.from(b64, "base64"));
}
