import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import type { Store } from "../../store/index.js";
import { actorName, sendWithEtag } from "../http-helpers.js";
import { checkinBody, itemParams, itemResponse } from "../request-schemas.js";

export async function checkinRoutes(app: FastifyInstance, { store }: { store: Store }): Promise<void> {
  app.withTypeProvider<ZodTypeProvider>().post(
    "/workspaces/:ws/metrics/:id/checkins",
    {
      config: { permission: "workspace:contribute" },
      schema: {
        tags: ["metrics"],
        summary: "Record a check-in (append-only; Idempotency-Key supported). Returns the metric",
        params: itemParams,
        body: checkinBody,
        response: { 201: itemResponse("metrics") },
      },
    },
    async (request, reply) => {
      const metric = await store.workspaces.addCheckin(request.params.ws, request.params.id, request.body, {
        actor: actorName(request),
      });
      return sendWithEtag(reply, metric.version, metric, 201);
    },
  );
}
