import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { applyResponse, movesResponse, whatIfResponse } from "../../domain/analysis-schema.js";
import { contributorMayApply } from "../../domain/change-ownership.js";
import { AppError } from "../../domain/errors.js";
import { planChangesBody } from "../../domain/plan-change.js";
import type { Plan } from "../../domain/plan-schema.js";
import { todayUtc } from "../../domain/primitives.js";
import { analyse } from "../../engine/analyse.js";
import { toJsonMoves, toJsonWhatIf } from "../../engine/json-report.js";
import { proposeMoves } from "../../engine/moves/propose-moves.js";
import { whatIf } from "../../engine/what-if/what-if.js";
import { offsiteReport } from "../../report/offsite-model.js";
import { offsitePdf } from "../../report/offsite-pdf.js";
import type { Store } from "../../store/index.js";
import { applyPlanChanges } from "../../store/index.js";
import { actorName, etag, ifMatch } from "../http-helpers.js";
import { analysisQuery, wsParams } from "../request-schemas.js";

/**
 * Deciding what to change: simulate changes (what-if), the coherent set of moves, and apply
 * changes as one audited write. Simulating writes nothing, so a viewer may do it.
 */
export async function decideRoutes(
  app: FastifyInstance,
  { store, today = todayUtc }: { store: Store; today?: () => string },
): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  // Moves cost a few analyses: kept per workspace version (valid across servers, like the
  // analysis cache: the version lives in the database), the 32 most recent.
  const movesCache = new Map<string, ReturnType<typeof movesBody>>();

  r.post(
    "/workspaces/:ws/what-if",
    {
      config: { permission: "workspace:read" },
      schema: {
        tags: ["analysis"],
        summary:
          "Simulate changes (stop, owner, drop, move): FTE freed, the index before → after, findings closed and opened. Writes nothing",
        params: wsParams,
        body: planChangesBody,
        response: { 200: whatIfResponse },
      },
    },
    async (request) => {
      const { plan } = await store.workspaces.readPlan(request.params.ws);
      const result = whatIf(plan, request.body.changes, { asOf: request.body.asOf ?? plan.asOf ?? today() });
      if (!result.ok)
        throw new AppError("invalid_request", "A change names something the plan does not hold", {
          problems: result.problems,
        });
      return toJsonWhatIf(result);
    },
  );

  r.get(
    "/workspaces/:ws/analysis/moves",
    {
      config: { permission: "workspace:read" },
      schema: {
        tags: ["analysis"],
        summary:
          "The few moves that close most of the gap, in the order to take them, each with what it frees, the findings it closes and the index after",
        params: wsParams,
        querystring: analysisQuery,
        response: { 200: movesResponse },
      },
    },
    async (request, reply) => {
      const { plan, workspace } = await store.workspaces.readPlan(request.params.ws);
      const asOf = request.query.asOf ?? plan.asOf ?? today();
      const key = `${workspace.id}:${workspace.version}:${asOf}`;
      let body = movesCache.get(key);
      if (!body) {
        body = movesBody(plan, asOf);
        movesCache.set(key, body);
        for (const old of movesCache.keys()) if (movesCache.size > 32) movesCache.delete(old);
      }
      return reply.header("etag", etag(workspace.version)).send(body);
    },
  );

  r.get(
    "/workspaces/:ws/offsite-pack",
    {
      config: { permission: "workspace:read" },
      schema: {
        tags: ["analysis"],
        summary:
          "The offsite pack as a PDF: index and dimensions, top moves, findings by priority with their actions, capacity by team, promise timelines and the stop list",
        params: wsParams,
        querystring: analysisQuery,
        produces: ["application/pdf"],
      },
    },
    async (request, reply) => {
      const { plan, workspace } = await store.workspaces.readPlan(request.params.ws);
      const asOf = request.query.asOf ?? plan.asOf ?? today();
      const analysis = analyse(plan, { asOf });
      const { moves } = proposeMoves(plan, { asOf, previous: analysis });
      const pdf = await offsitePdf(offsiteReport(plan, asOf, analysis, moves));
      return reply
        .header("etag", etag(workspace.version))
        .header("content-disposition", `attachment; filename="${workspace.slug}-offsite-pack-${asOf}.pdf"`)
        .type("application/pdf")
        .send(pdf);
    },
  );

  r.post(
    "/workspaces/:ws/apply",
    {
      // Contributors may apply what they could edit themselves; checked against the plan below.
      config: { permission: "workspace:contribute" },
      schema: {
        tags: ["analysis"],
        summary:
          "Apply changes (the operations of what-if) as one audited change. If-Match with the workspace ETag guards against applying to a plan that changed since it was simulated",
        params: wsParams,
        body: planChangesBody,
        response: { 200: applyResponse },
      },
    },
    async (request, reply) => {
      const role = request.access?.role;
      const actor = request.actor;
      const authorize = (plan: Plan) => {
        if (role !== "contributor") return;
        const email = actor?.kind === "user" ? actor.user.email : undefined;
        const reasons = request.body.changes.map((c, i) => ({
          i,
          why: email ? contributorMayApply(c, plan, email) : "an API token owns nothing",
        }));
        const refused = reasons.filter((x) => x.why !== undefined);
        if (refused.length)
          throw new AppError(
            "forbidden",
            "Your role in this workspace is contributor; these changes need an editor",
            {
              problems: refused.map((x) => ({ path: ["changes", x.i], message: x.why ?? "" })),
            },
          );
      };
      const { workspace, result } = await applyPlanChanges(
        store.workspaces,
        request.params.ws,
        request.body.changes,
        {
          actor: actorName(request),
          expectedVersion: ifMatch(request, false),
          asOf: request.body.asOf,
          today,
          authorize,
        },
      );
      return reply
        .header("etag", etag(workspace.version))
        .send({ ...toJsonWhatIf(result), version: workspace.version });
    },
  );
}

export function movesBody(plan: Plan, asOf: string) {
  const result = proposeMoves(plan, { asOf });
  return { moves: toJsonMoves(result.moves, plan), before: result.before, after: result.after };
}
