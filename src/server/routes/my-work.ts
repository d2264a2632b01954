import type { FastifyInstance, FastifyRequest } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { myWorkResponse } from "../../domain/my-work.js";
import { todayUtc } from "../../domain/primitives.js";
import { analyse } from "../../engine/analyse.js";
import { toJsonReport } from "../../engine/json-report.js";
import { findingChanges, findingKey, myWork } from "../../engine/my-work.js";
import type { Store } from "../../store/index.js";
import { markSeen, readSeenMark } from "../../store/index.js";
import { wsParams } from "../request-schemas.js";

/** The signed-in person behind a request (a token is nobody in particular). */
function person(request: FastifyRequest): { id: string; email: string } | undefined {
  const actor = request.actor;
  return actor?.kind === "user" ? { id: actor.user.id, email: actor.user.email } : undefined;
}

/** My work: what the signed-in person owes in a workspace, and what changed since they last looked. */
export async function myWorkRoutes(
  app: FastifyInstance,
  { store, today = todayUtc }: { store: Store; today?: () => string },
): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const current = async (slug: string) => {
    const { plan, workspace } = await store.workspaces.readPlan(slug);
    const asOf = plan.asOf ?? today();
    return { plan, workspace, asOf, report: toJsonReport(analyse(plan, { asOf })) };
  };

  r.get(
    "/workspaces/:ws/my-work",
    {
      config: { permission: "workspace:read" },
      schema: {
        tags: ["my work"],
        summary:
          "What you owe in this workspace (stale check-ins, reviews due, review answers not acted on, findings about what you own) and what changed since you last marked it seen",
        params: wsParams,
        response: { 200: myWorkResponse },
      },
    },
    async (request) => {
      const { plan, workspace, asOf, report } = await current(request.params.ws);
      const me = person(request);
      const work = myWork(plan, report.findings, me?.email ?? "");
      const seen = me ? await readSeenMark(store.db, workspace.id, me.id) : undefined;
      const { opened, closed } = seen
        ? findingChanges(seen.findings, report.findings)
        : { opened: [], closed: [] };
      const activity = seen
        ? (await store.workspaces.listAudit(request.params.ws, { since: seen.seenAt, limit: 100 })).items
            .filter((a) => a.actor !== me?.email)
            .slice(0, 20)
            .map(({ seq, at, actor, action, entityType, entityId }) => ({
              seq,
              at,
              actor,
              action,
              entityType,
              entityId,
            }))
        : [];
      return {
        asOf,
        ...work,
        changes: {
          since: seen?.seenAt ?? null,
          indexThen: seen?.overall ?? null,
          indexNow: report.index.overall,
          opened: opened.slice(0, 50),
          closed: closed.slice(0, 50),
          activity,
        },
      };
    },
  );

  r.post(
    "/workspaces/:ws/my-work/seen",
    {
      config: { permission: "workspace:read" },
      schema: {
        tags: ["my work"],
        summary: "Mark My work as seen now: the next visit lists what changed after this",
        params: wsParams,
        response: { 204: z.null().describe("Marked") },
      },
    },
    async (request, reply) => {
      const me = person(request);
      if (me) {
        const { workspace, report } = await current(request.params.ws);
        await markSeen(store.db, workspace.id, me.id, {
          version: workspace.version,
          overall: report.index.overall,
          findings: report.findings.map(findingKey),
        });
      }
      return reply.code(204).send(null);
    },
  );
}
