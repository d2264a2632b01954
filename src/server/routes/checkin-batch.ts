import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import {
  checkinBatchBody,
  checkinBatchResponse,
  uploadQuery,
  uploadResponse,
} from "../../domain/checkins.js";
import { AppError } from "../../domain/errors.js";
import { checkinRowsFromSheet, readSheet, sheetKind } from "../../plan/checkin-sheet.js";
import type { Store } from "../../store/index.js";
import { recordCheckins } from "../../store/index.js";
import { actorName } from "../http-helpers.js";
import { wsParams } from "../request-schemas.js";

const SHEET_TYPES = [
  "text/csv",
  "application/csv",
  "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
];

/**
 * Check-ins in bulk: the check-in form's one request, and an uploaded CSV/XLSX sheet (a
 * preview with `dryRun=true`, then the write). Both are all-or-nothing unless the uploader
 * chose to skip the invalid rows.
 */
export async function checkinBatchRoutes(
  app: FastifyInstance,
  { store, sheetBodyLimit = 10 * 1024 * 1024 }: { store: Store; sheetBodyLimit?: number },
): Promise<void> {
  // Encapsulated: only these routes read sheets, as bytes.
  app.addContentTypeParser(
    SHEET_TYPES,
    { parseAs: "buffer", bodyLimit: sheetBodyLimit },
    (_req, body, done) => done(null, body),
  );
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.post(
    "/workspaces/:ws/checkins",
    {
      config: { permission: "workspace:contribute" },
      schema: {
        tags: ["metrics"],
        summary:
          "Record check-ins for many metrics in one request: all of them or none (Idempotency-Key supported)",
        params: wsParams,
        body: checkinBatchBody,
        response: { 201: checkinBatchResponse },
      },
    },
    async (request, reply) => {
      const result = await recordCheckins(store.workspaces, request.params.ws, request.body.checkins, {
        actor: actorName(request),
      });
      return reply.code(201).send(result);
    },
  );

  r.post(
    "/workspaces/:ws/checkins/upload",
    {
      config: { permission: "workspace:contribute" },
      schema: {
        tags: ["metrics"],
        summary:
          "Upload a CSV or XLSX sheet of check-ins (columns: metric id or name, date, value, note). dryRun=true previews; any invalid row writes nothing unless skipInvalid=true",
        params: wsParams,
        querystring: uploadQuery,
        body: z.any().describe("the sheet: text/csv, or an .xlsx file"),
        consumes: SHEET_TYPES,
        response: { 200: uploadResponse, 201: uploadResponse },
      },
    },
    async (request, reply) => {
      const kind = sheetKind(request.headers["content-type"]);
      // The validator hands the body over as a clone: a Uint8Array rather than the Buffer read.
      const bytes = request.body instanceof Uint8Array ? Buffer.from(request.body) : undefined;
      if (!kind || !bytes)
        throw new AppError("malformed_request", "Send the sheet as text/csv or as an .xlsx file");
      let raw: Awaited<ReturnType<typeof readSheet>>;
      try {
        raw = await readSheet(bytes, kind);
      } catch (error) {
        throw new AppError(
          "invalid_request",
          `The file could not be read as ${kind.toUpperCase()}: ${(error as Error).message}`,
          {
            problems: [{ path: ["file"], message: (error as Error).message }],
          },
        );
      }
      const { plan } = await store.workspaces.readPlan(request.params.ws);
      const { rows, problems } = checkinRowsFromSheet(raw, plan.metrics ?? []);
      const { dryRun, skipInvalid } = request.query;
      if (dryRun || rows.length === 0 || (problems.length > 0 && !skipInvalid)) {
        if (!dryRun && problems.length > 0)
          throw new AppError(
            "invalid_request",
            `${problems.length} row(s) of the sheet are not valid; nothing was recorded`,
            {
              problems: problems.map((p) => ({
                path: [`row ${p.row}`, ...(p.column ? [p.column] : [])],
                message: p.message,
              })),
              details: { rows, problems },
            },
          );
        return { dryRun: true, rows, problems, recorded: 0 };
      }
      const result = await recordCheckins(
        store.workspaces,
        request.params.ws,
        rows.map(({ metric, date, value, note }) => ({ metric, date, value, ...(note ? { note } : {}) })),
        { actor: actorName(request) },
      );
      return reply.code(201).send({
        dryRun: false,
        rows,
        problems,
        recorded: result.recorded,
        workspaceVersion: result.workspaceVersion,
      });
    },
  );
}
