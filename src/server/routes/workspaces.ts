import type { FastifyInstance, FastifyRequest } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { AppError, isAppError } from "../../domain/errors.js";
import type { Role } from "../../domain/roles.js";
import type { Store, Workspace } from "../../store/index.js";
import { authDb, listUserWorkspaceIds } from "../../store/index.js";
import { actorName, etag, ifMatch, sendWithEtag } from "../http-helpers.js";
import { createWorkspaceBody, patchWorkspaceBody, workspaceResponse, wsParams } from "../request-schemas.js";

export function presentWorkspace(ws: Workspace, role?: Role) {
  return {
    ...(role ? { role } : {}),
    slug: ws.slug,
    name: ws.name,
    organisation: ws.organisation,
    version: ws.version,
    createdAt: ws.createdAt,
    updatedAt: ws.updatedAt,
  };
}

/*
 * Slugs are unique across the instance, so refusing a taken one is unavoidable; what the
 * refusal must not do is tell a workspace admin that a workspace they cannot see exists.
 * A slug taken by an invisible workspace answers exactly like a reserved word, so
 * "not available" proves nothing (docs/decisions.md).
 */
const RESERVED_SLUGS = new Set([
  "admin",
  "api",
  "app",
  "docs",
  "help",
  "invite",
  "new",
  "problems",
  "settings",
  "setup",
  "w",
  "www",
]);
const slugUnavailable = (slug: string) =>
  new AppError("conflict", `The slug "${slug}" is not available; choose another.`, {
    problems: [{ path: ["slug"], message: "is not available" }],
  });

/** The workspaces a request may see: all without auth or for instance admins; else its memberships. */
async function visible(store: Store, request: FastifyRequest, all: Workspace[]): Promise<Workspace[]> {
  const actor = request.actor;
  if (!actor || (actor.kind === "user" && actor.user.isAdmin)) return all;
  if (actor.kind === "token") return all.filter((w) => w.id === actor.token.workspaceId);
  const ids = new Set(await listUserWorkspaceIds(authDb(store.db), actor.user.id));
  return all.filter((w) => ids.has(w.id));
}

export async function workspaceRoutes(app: FastifyInstance, { store }: { store: Store }): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get(
    "/workspaces",
    {
      config: { permission: "signed-in" },
      schema: {
        tags: ["workspaces"],
        summary: "The workspaces you can see",
        response: { 200: z.object({ items: z.array(workspaceResponse) }) },
      },
    },
    async (request) => ({
      items: (await visible(store, request, await store.workspaces.listWorkspaces())).map((w) =>
        presentWorkspace(w),
      ),
    }),
  );

  r.post(
    "/workspaces",
    {
      config: { permission: "instance-admin" },
      schema: {
        tags: ["workspaces"],
        summary: "Create an empty workspace",
        body: createWorkspaceBody,
        response: { 201: workspaceResponse },
      },
    },
    async (request, reply) => {
      // Only instance administrators create workspaces, and they are admin of every one.
      if (RESERVED_SLUGS.has(request.body.slug)) throw slugUnavailable(request.body.slug);
      const ws = await store.workspaces.createWorkspace(request.body, { actor: actorName(request) });
      return sendWithEtag(reply, ws.version, presentWorkspace(ws), 201);
    },
  );

  r.get(
    "/workspaces/:ws",
    {
      config: { permission: "workspace:read" },
      schema: {
        tags: ["workspaces"],
        summary: "One workspace",
        params: wsParams,
        response: { 200: workspaceResponse },
      },
    },
    async (request, reply) => {
      const ws = await store.workspaces.getWorkspace(request.params.ws);
      // The caller's own role, so the web app shows only the controls it may use.
      return sendWithEtag(reply, ws.version, presentWorkspace(ws, request.access?.role));
    },
  );

  r.patch(
    "/workspaces/:ws",
    {
      config: { permission: "workspace:admin" },
      schema: {
        tags: ["workspaces"],
        summary: "Rename a workspace or change its slug (If-Match required)",
        params: wsParams,
        body: patchWorkspaceBody,
        response: { 200: workspaceResponse },
      },
    },
    async (request, reply) => {
      const expectedVersion = ifMatch(request, true);
      const slug = request.body.slug;
      if (slug !== undefined && slug !== request.params.ws && RESERVED_SLUGS.has(slug))
        throw slugUnavailable(slug);
      try {
        const ws = await store.workspaces.updateWorkspace(request.params.ws, request.body, {
          actor: actorName(request),
          expectedVersion,
        });
        return sendWithEtag(reply, ws.version, presentWorkspace(ws));
      } catch (error) {
        if (slug !== undefined && isAppError(error) && error.code === "conflict") {
          const other = await store.workspaces.findWorkspace(slug);
          if (other && (await visible(store, request, [other])).length === 0) throw slugUnavailable(slug);
        }
        throw error;
      }
    },
  );

  r.delete(
    "/workspaces/:ws",
    {
      config: { permission: "workspace:admin" },
      schema: {
        tags: ["workspaces"],
        summary: "Delete a workspace and everything in it (If-Match required)",
        params: wsParams,
      },
    },
    async (request, reply) => {
      const expectedVersion = ifMatch(request, true);
      await store.workspaces.deleteWorkspace(request.params.ws, {
        actor: actorName(request),
        expectedVersion,
      });
      return reply
        .code(204)
        .header("etag", etag(expectedVersion ?? 0))
        .send();
    },
  );
}
