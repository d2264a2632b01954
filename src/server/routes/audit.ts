import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import type { Store } from "../../store/index.js";
import { auditQuery, wsParams } from "../request-schemas.js";

export async function auditRoutes(app: FastifyInstance, { store }: { store: Store }): Promise<void> {
  app.withTypeProvider<ZodTypeProvider>().get(
    "/workspaces/:ws/audit",
    {
      config: { permission: "workspace:admin" },
      schema: {
        tags: ["audit"],
        summary: "Every write: who, when, what, before and after (newest first; filters and cursor)",
        params: wsParams,
        querystring: auditQuery,
      },
    },
    async (request) => store.workspaces.listAudit(request.params.ws, request.query),
  );
}
