import fastifyCookie from "@fastify/cookie";
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { AppError, isAppError } from "../../domain/errors.js";
import { OWNABLE, type OwnableCollection } from "../../domain/ownership.js";
import type { Permission } from "../../domain/roles.js";
import { isPermission, isWorkspacePermission } from "../../domain/roles.js";
import { type AuthDb, authDb, findLiveApiToken, findRole, touchApiToken } from "../../store/index.js";
import { decide, roleWithoutMembership } from "../policy.js";
import type { Actor, WorkspaceAccess } from "./actor.js";
import type { AuthBackend } from "./auth-backend.js";
import { type AuthConfig, authConfig } from "./auth-config.js";
import { hashSecret, hasPrefix, sameSecret } from "./secrets.js";
import { clearSessionCookie, readSessionCookie } from "./session-cookie.js";
import { resumeSession } from "./sessions.js";

declare module "fastify" {
  interface FastifyContextConfig {
    /** What the route needs (src/domain/roles.ts). Every route under /api/v1 must declare one. */
    permission?: Permission;
  }
  interface FastifyRequest {
    /** Who is asking; undefined for anonymous requests to public routes. */
    actor?: Actor;
    /** For workspace routes: the workspace and the actor's role in it. */
    access?: WorkspaceAccess;
  }
  interface FastifyInstance {
    auth: AuthRuntime;
  }
}

export interface AuthRuntime {
  db: AuthDb;
  backend: AuthBackend;
  config: AuthConfig;
  /** Every /api/v1 route with the permission it declared, in registration order. */
  routes: { method: string; url: string; permission: Permission }[];
}

export const API_PREFIX = "/api/v1";
/** The API reference UI (@fastify/swagger-ui): static pages, public, registered by a plugin that cannot declare permissions. */
export const PUBLIC_DOCS_PREFIX = `${API_PREFIX}/docs`;
const UNSAFE = new Set(["POST", "PUT", "PATCH", "DELETE"]);
export const CSRF_HEADER = "x-csrf-token";

/**
 * Installs authentication and the policy on the server, before any route is registered:
 * - every /api/v1 route must declare `config.permission` or registration fails;
 * - each request is authenticated (session cookie or bearer token), cookie writes must carry
 *   the CSRF token, and the policy decides before the body is even read.
 */
export async function installAuth(
  app: FastifyInstance,
  backend: AuthBackend,
  overrides: Partial<AuthConfig> = {},
): Promise<AuthRuntime> {
  const runtime: AuthRuntime = { db: authDb(backend.db), backend, config: authConfig(overrides), routes: [] };
  await app.register(fastifyCookie);
  app.decorate("auth", runtime);
  app.decorateRequest("actor", undefined);
  app.decorateRequest("access", undefined);

  app.addHook("onRoute", (route) => {
    if (!route.url.startsWith(API_PREFIX) || route.url.startsWith(PUBLIC_DOCS_PREFIX)) return;
    const permission = (route.config as { permission?: unknown } | undefined)?.permission;
    const methods = Array.isArray(route.method) ? route.method : [route.method];
    if (methods.every((m) => m === "HEAD" || m === "OPTIONS")) return;
    if (!isPermission(permission))
      throw new Error(
        `Route ${methods.join(",")} ${route.url} declares no permission: add config: { permission: … } (src/domain/roles.ts).`,
      );
    if (isWorkspacePermission(permission) && !route.url.includes(":ws"))
      throw new Error(`Route ${route.url} needs ${permission} but has no :ws parameter.`);
    for (const method of methods)
      if (method !== "HEAD") runtime.routes.push({ method, url: route.url, permission });
  });

  app.addHook("onRequest", async (request, reply) => {
    const url = request.routeOptions.url;
    if (!url?.startsWith(API_PREFIX) || url.startsWith(PUBLIC_DOCS_PREFIX)) return;
    const permission = request.routeOptions.config.permission;
    if (!isPermission(permission)) throw new AppError("forbidden", "This route declares no permission.");
    if (permission === "public") return;
    request.actor = await authenticate(request, reply, runtime);
    if (request.actor?.kind === "user" && UNSAFE.has(request.method)) checkCsrf(request, request.actor);
    await authorize(request, permission, runtime);
  });
  // Runs before the error handler turns the error into problem+json: 429s say when to retry.
  app.addHook("onError", async (_request, reply, error) => {
    const retryAfter = isAppError(error) ? error.details.retryAfter : undefined;
    if (error instanceof AppError && error.code === "rate_limited" && typeof retryAfter === "number")
      reply.header("retry-after", String(retryAfter));
  });
  return runtime;
}

async function authenticate(
  request: FastifyRequest,
  reply: FastifyReply,
  runtime: AuthRuntime,
): Promise<Actor | undefined> {
  const header = request.headers.authorization;
  if (header !== undefined) {
    const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
    const secret = match?.[1];
    const token =
      secret && hasPrefix(secret, "apiToken")
        ? await findLiveApiToken(runtime.db, hashSecret(secret))
        : undefined;
    if (!token) {
      reply.header("www-authenticate", 'Bearer error="invalid_token"');
      throw new AppError("unauthenticated", "The API token is not valid: unknown, mistyped or revoked.");
    }
    await touchApiToken(runtime.db, token.id, runtime.config.now());
    return { kind: "token", token };
  }
  const sessionId = readSessionCookie(request, runtime.config);
  if (!sessionId) return undefined;
  const session = await resumeSession(runtime.db, sessionId, runtime.config);
  if (!session) {
    clearSessionCookie(request, reply, runtime.config);
    return undefined;
  }
  return {
    kind: "user",
    user: session.user,
    session: { idHash: session.idHash, csrfToken: session.csrfToken },
  };
}

function checkCsrf(request: FastifyRequest, actor: Extract<Actor, { kind: "user" }>): void {
  const sent = request.headers[CSRF_HEADER];
  if (typeof sent !== "string" || !sameSecret(sent, actor.session.csrfToken))
    throw new AppError(
      "forbidden",
      "This write needs the X-CSRF-Token header with the token returned when you signed in (GET /api/v1/session shows it again).",
    );
}

async function authorize(
  request: FastifyRequest,
  permission: Permission,
  runtime: AuthRuntime,
): Promise<void> {
  const actor = request.actor;
  let role: WorkspaceAccess["role"] | undefined;
  if (actor && isWorkspacePermission(permission)) {
    const slug = (request.params as Record<string, string | undefined>).ws ?? "";
    const workspace = await runtime.backend.findWorkspace(slug);
    if (workspace) {
      role =
        roleWithoutMembership(actor, workspace.id) ??
        (actor.kind === "user" ? await findRole(runtime.db, workspace.id, actor.user.id) : undefined);
      if (role) request.access = { workspaceId: workspace.id, slug: workspace.slug, role };
    }
  }
  const decision = await decide({
    permission,
    actor,
    role,
    owns: async () => {
      const target = ownedTarget(request);
      if (!target || !request.access || actor?.kind !== "user") return false;
      const owns = await runtime.backend.ownsItem(
        request.access.workspaceId,
        target.collection,
        target.id,
        actor.user.email,
      );
      // An absent item: let the route answer 404, as it would for an editor.
      return owns ?? true;
    },
  });
  if (!decision.allow) throw new AppError(decision.code, decision.message);
}

/** The item a `workspace:edit-owned` route is about: `/workspaces/:ws/<collection>/:<param>`. */
function ownedTarget(request: FastifyRequest): { collection: OwnableCollection; id: string } | undefined {
  const url = request.routeOptions.url ?? "";
  const match = /\/workspaces\/:ws\/([a-z-]+)\/:([A-Za-z]+)$/.exec(url);
  if (!match) return undefined;
  const collection = match[1] as OwnableCollection;
  const id = (request.params as Record<string, string | undefined>)[match[2]];
  return OWNABLE.includes(collection) && id ? { collection, id } : undefined;
}
