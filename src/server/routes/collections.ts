import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { ENTITY_SECTIONS, type EntitySection } from "../../domain/plan-schema.js";
import type { Permission } from "../../domain/roles.js";
import type { Store } from "../../store/index.js";
import { VersionedCache } from "../analysis-cache.js";
import { actorName, etag, ifMatch, sendWithEtag } from "../http-helpers.js";
import { createBody, itemParams, itemResponse, pageQuery, patchBody, wsParams } from "../request-schemas.js";

/** Who may create, edit and delete in each collection (shared spec interfaces.md, "Roles"). */
const WRITE_PERMISSIONS: Record<EntitySection, { create: Permission; edit: Permission; remove: Permission }> =
  {
    people: { create: "workspace:edit", edit: "workspace:edit", remove: "workspace:edit" },
    teams: { create: "workspace:edit", edit: "workspace:edit", remove: "workspace:edit" },
    priorities: { create: "workspace:edit", edit: "workspace:edit-owned", remove: "workspace:edit" },
    metrics: { create: "workspace:edit", edit: "workspace:edit-owned", remove: "workspace:edit" },
    initiatives: { create: "workspace:edit", edit: "workspace:edit-owned", remove: "workspace:edit" },
    stops: { create: "workspace:edit", edit: "workspace:edit", remove: "workspace:edit" },
    promises: { create: "workspace:edit", edit: "workspace:edit", remove: "workspace:edit" },
    // Contributors post insights and review answers.
    insights: { create: "workspace:contribute", edit: "workspace:edit", remove: "workspace:edit" },
    decisions: { create: "workspace:edit", edit: "workspace:edit", remove: "workspace:edit" },
    reviews: { create: "workspace:contribute", edit: "workspace:edit", remove: "workspace:edit" },
  };

/** List, create, read, edit and delete for each of the plan's ten entity collections. */
export async function collectionRoutes(app: FastifyInstance, { store }: { store: Store }): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const pages = new VersionedCache(256);
  for (const section of ENTITY_SECTIONS) {
    const base = `/workspaces/:ws/${section}`;
    const item = itemResponse(section);
    const can = WRITE_PERMISSIONS[section];

    r.get(
      base,
      {
        config: { permission: "workspace:read" },
        schema: {
          tags: [section],
          summary: `List ${section}, in plan order (cursor pagination)`,
          params: wsParams,
          querystring: pageQuery,
          response: { 200: z.object({ items: z.array(item), nextCursor: z.string().nullable() }) },
        },
      },
      async (request, reply) => {
        // Pages are cached by workspace version, like the analysis: the version check is one
        // indexed read, and a page for a version never changes.
        const ws = await store.workspaces.workspaceVersion(request.params.ws);
        const key = `${ws.id}:${ws.version}:${section}:${request.query.limit ?? ""}:${request.query.cursor ?? ""}`;
        let body = pages.get(key);
        if (body === undefined) {
          body = JSON.stringify(await store.workspaces.list(request.params.ws, section, request.query));
          pages.set(key, body);
        }
        return reply
          .header("etag", etag(ws.version))
          .type("application/json; charset=utf-8")
          .send(body as never);
      },
    );

    r.post(
      base,
      {
        config: { permission: can.create },
        schema: {
          tags: [section],
          summary: `Create one of ${section} (Idempotency-Key supported)`,
          params: wsParams,
          body: createBody(section),
          response: { 201: item },
        },
      },
      async (request, reply) => {
        const created = await store.workspaces.create(request.params.ws, section, request.body, {
          actor: actorName(request),
        });
        return sendWithEtag(reply, created.version, created, 201);
      },
    );

    r.get(
      `${base}/:id`,
      {
        config: { permission: "workspace:read" },
        schema: {
          tags: [section],
          summary: `One of ${section}; its version is the ETag`,
          params: itemParams,
          response: { 200: item },
        },
      },
      async (request, reply) => {
        const found = await store.workspaces.get(request.params.ws, section, request.params.id);
        return sendWithEtag(reply, found.version, found);
      },
    );

    r.patch(
      `${base}/:id`,
      {
        config: { permission: can.edit },
        schema: {
          tags: [section],
          summary: `Change fields of one of ${section} (If-Match required; null removes an optional field)`,
          params: itemParams,
          body: patchBody(section),
          response: { 200: item },
        },
      },
      async (request, reply) => {
        const expectedVersion = ifMatch(request, true);
        const updated = await store.workspaces.update(
          request.params.ws,
          section,
          request.params.id,
          request.body as Record<string, unknown>,
          {
            actor: actorName(request),
            expectedVersion,
          },
        );
        return sendWithEtag(reply, updated.version, updated);
      },
    );

    r.delete(
      `${base}/:id`,
      {
        config: { permission: can.remove },
        schema: {
          tags: [section],
          summary: `Delete one of ${section} (If-Match required)`,
          params: itemParams,
        },
      },
      async (request, reply) => {
        const expectedVersion = ifMatch(request, true);
        await store.workspaces.remove(request.params.ws, section, request.params.id, {
          actor: actorName(request),
          expectedVersion,
        });
        return reply.code(204).send();
      },
    );
  }
}
