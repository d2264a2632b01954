import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { AppError } from "../../domain/errors.js";
import { planAsOf } from "../../engine/context.js";
import { loadPlan } from "../../plan/load-plan.js";
import { serialisePlan } from "../../plan/serialise-plan.js";
import type { Store } from "../../store/index.js";
import { actorName, ifMatch, sendWithEtag } from "../http-helpers.js";
import { analysisQuery, workspaceResponse, wsParams } from "../request-schemas.js";
import { presentWorkspace } from "./workspaces.js";

const YAML_TYPES = ["application/yaml", "application/x-yaml", "text/yaml", "text/x-yaml", "text/plain"];

/**
 * The whole workspace as a plan file. The body is read as text (YAML or JSON) so that every
 * problem of an invalid plan is reported with its line and column, like `lint`.
 */
export async function planRoutes(
  app: FastifyInstance,
  { store, planBodyLimit }: { store: Store; planBodyLimit: number },
): Promise<void> {
  // Encapsulated: only these routes read JSON as text.
  app.removeContentTypeParser("application/json");
  const asText = (_req: unknown, body: string, done: (err: Error | null, body?: string) => void) =>
    done(null, body);
  app.addContentTypeParser("application/json", { parseAs: "string", bodyLimit: planBodyLimit }, asText);
  app.addContentTypeParser(YAML_TYPES, { parseAs: "string", bodyLimit: planBodyLimit }, asText);
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get(
    "/workspaces/:ws/plan",
    {
      config: { permission: "workspace:read" },
      schema: {
        tags: ["plan"],
        summary:
          "The workspace as a plan file (YAML by default; JSON with Accept: application/json); ?asOf=DATE: as it stood that day (records dated later left out)",
        params: wsParams,
        querystring: analysisQuery,
        produces: ["application/yaml", "application/json"],
      },
    },
    async (request, reply) => {
      const read = await store.workspaces.readPlan(request.params.ws);
      const { workspace } = read;
      const asOf = request.query.asOf;
      const plan = asOf ? { ...planAsOf(read.plan, asOf), asOf } : read.plan;
      const json =
        /application\/json/.test(request.headers.accept ?? "") && !/yaml/.test(request.headers.accept ?? "");
      reply.type(json ? "application/json; charset=utf-8" : "application/yaml; charset=utf-8");
      reply.header("content-disposition", `inline; filename="${workspace.slug}.${json ? "json" : "yaml"}"`);
      return sendWithEtag(reply, workspace.version, serialisePlan(plan, json ? "json" : "yaml"));
    },
  );

  r.put(
    "/workspaces/:ws/plan",
    {
      config: { permission: "workspace:edit" },
      schema: {
        tags: ["plan"],
        summary: "Replace the whole workspace with a plan file, in one transaction (If-Match optional)",
        params: wsParams,
        body: z.string().describe("A plan file, YAML or JSON"),
        consumes: ["application/yaml", "application/json"],
        response: { 200: workspaceResponse },
      },
    },
    async (request, reply) => {
      const expectedVersion = ifMatch(request, false);
      const text = typeof request.body === "string" ? request.body : "";
      if (text.trim() === "")
        throw new AppError("malformed_request", "Send the plan file as the request body");
      const format = /json/.test(request.headers["content-type"] ?? "") ? "json" : "yaml";
      const loaded = loadPlan(text, { format });
      if (!loaded.ok)
        throw new AppError("invalid_plan", "The plan is not valid; nothing was changed", {
          problems: loaded.problems,
        });
      const { workspace, created } = await store.workspaces.replacePlan(request.params.ws, loaded.plan, {
        actor: actorName(request),
        expectedVersion,
      });
      return sendWithEtag(reply, workspace.version, presentWorkspace(workspace), created ? 201 : 200);
    },
  );
}
