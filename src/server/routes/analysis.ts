import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { todayUtc } from "../../domain/primitives.js";
import type { Store } from "../../store/index.js";
import { AnalysisCache } from "../analysis-cache.js";
import { etag } from "../http-helpers.js";
import { analysisQuery, wsParams } from "../request-schemas.js";

const snapshot = z.object({
  version: z.number().int(),
  takenAt: z.string(),
  asOf: z.string(),
  overall: z.number(),
  dimensions: z.record(z.string(), z.number()),
  counts: z.record(z.string(), z.number()),
});

export async function analysisRoutes(
  app: FastifyInstance,
  { store, today = todayUtc }: { store: Store; today?: () => string },
): Promise<void> {
  const cache = new AnalysisCache();
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get(
    "/workspaces/:ws/analysis",
    {
      config: { permission: "workspace:read" },
      schema: {
        tags: ["analysis"],
        summary:
          "The Execution Gap Index and every finding: the JSON contract of `lint --format json`, without location",
        params: wsParams,
        querystring: analysisQuery,
      },
    },
    async (request, reply) => {
      // The cheap check first: the workspace's version. Without ?asOf the day is the plan's
      // own asOf (fixed for a version) or today, so "default@today" keys it as well.
      const requested = request.query.asOf ?? `default@${today()}`;
      const ws = await store.workspaces.workspaceVersion(request.params.ws);
      let version = ws.version;
      let body = cache.get(cache.key(ws.id, version, requested));
      if (!body) {
        const { plan, workspace } = await store.workspaces.readPlan(request.params.ws);
        version = workspace.version;
        const key = cache.key(workspace.id, version, requested);
        body = cache.get(key) ?? cache.compute(key, plan, request.query.asOf ?? plan.asOf ?? today());
      }
      return reply.header("etag", etag(version)).type("application/json; charset=utf-8").send(body);
    },
  );

  r.get(
    "/workspaces/:ws/analysis/date",
    {
      config: { permission: "workspace:read" },
      schema: {
        tags: ["analysis"],
        summary:
          "The day the workspace is analysed as of: the plan's pinned asOf, else today (the server's UTC day)",
        params: wsParams,
        response: {
          200: z.object({
            asOf: z.string().describe("YYYY-MM-DD"),
            pinned: z.boolean().describe("true when the plan pins asOf"),
            today: z.string().describe("the server's day, YYYY-MM-DD (UTC)"),
          }),
        },
      },
    },
    async (request) => {
      const { plan } = await store.workspaces.readPlan(request.params.ws);
      const day = today();
      return { asOf: plan.asOf ?? day, pinned: plan.asOf !== undefined, today: day };
    },
  );

  r.get(
    "/workspaces/:ws/analysis/history",
    {
      config: { permission: "workspace:read" },
      schema: {
        tags: ["analysis"],
        summary: "The index over time: one snapshot per change of the workspace",
        params: wsParams,
        response: { 200: z.object({ items: z.array(snapshot) }) },
      },
    },
    async (request) => ({ items: await store.workspaces.listSnapshots(request.params.ws) }),
  );
}
