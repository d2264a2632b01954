import type { FastifyInstance } from "fastify";
import { expect } from "vitest";
import type { Permission, Role } from "../../../src/domain/roles.js";

/*
 * The authorization matrix: every route the server registered (app.auth.routes, filled as
 * routes register) × every kind of caller → the status the policy must give. Expectations come
 * from the declared permission and the roles table, never from the handlers.
 */

export const ACTORS = [
  "anonymous",
  "revoked token",
  "viewer",
  "contributor who owns the item",
  "contributor who does not",
  "editor",
  "admin",
  "instance administrator",
  "member of another workspace",
  "viewer token",
  "editor token",
] as const;
export type ActorName = (typeof ACTORS)[number];

const ROLE_OF: Partial<Record<ActorName, Role>> = {
  viewer: "viewer",
  "contributor who owns the item": "contributor",
  "contributor who does not": "contributor",
  editor: "editor",
  admin: "admin",
  "instance administrator": "admin",
  "viewer token": "viewer",
  "editor token": "editor",
};
const IS_TOKEN = new Set<ActorName>(["revoked token", "viewer token", "editor token"]);

export type Expected = "allowed" | 401 | 403 | 404;

/** What the policy must answer for this caller on a route with this permission. */
export function expected(permission: Permission, actor: ActorName, ownable: boolean): Expected {
  if (permission === "public") return "allowed";
  if (actor === "anonymous" || actor === "revoked token") return 401;
  if (permission === "signed-in") return "allowed";
  if (permission === "user") return IS_TOKEN.has(actor) ? 403 : "allowed";
  if (permission === "instance-admin") return actor === "instance administrator" ? "allowed" : 403;
  const role = ROLE_OF[actor];
  if (!role) return 404; // another workspace's member: the workspace does not exist for them
  const owns = ownable && actor === "contributor who owns the item";
  return ALLOWED[permission][role] || (permission === "workspace:edit-owned" && owns) ? "allowed" : 403;
}

// The roles table of interfaces.md, written out here rather than taken from the code under test.
const ALLOWED: Record<string, Record<Role, boolean>> = {
  "workspace:read": { viewer: true, contributor: true, editor: true, admin: true },
  "workspace:contribute": { viewer: false, contributor: true, editor: true, admin: true },
  "workspace:edit-owned": { viewer: false, contributor: false, editor: true, admin: true },
  "workspace:edit": { viewer: false, contributor: false, editor: true, admin: true },
  "workspace:admin": { viewer: false, contributor: false, editor: false, admin: true },
};

export interface RouteCase {
  method: string;
  url: string;
  permission: Permission;
}

export interface MatrixFixture {
  app: FastifyInstance;
  /** Headers for the caller: a fresh session or token for every case, so sign-outs and revocations stay local. */
  headers(actor: ActorName, method: string): Promise<Record<string, string>>;
  /** The concrete URL to call (parameters filled with items of the target workspace). */
  path(route: RouteCase): Promise<string>;
  /** Whether the route's item is one the owning contributor owns. */
  ownable(route: RouteCase): boolean;
  /** A body that reaches the handler (invalid bodies are fine: 4xx other than 401/403/404 proves access). */
  body(route: RouteCase): unknown;
  /** Text from the target workspace that must never appear in an answer to an outsider. */
  secrets: string[];
}

export async function checkCase(
  f: MatrixFixture,
  route: RouteCase,
  actor: ActorName,
): Promise<string | undefined> {
  const want = expected(route.permission, actor, f.ownable(route));
  const url = await f.path(route);
  const response = await f.app.inject({
    method: route.method as "GET",
    url,
    headers: await f.headers(actor, route.method),
    ...(route.method === "GET" || route.method === "DELETE" ? {} : { payload: f.body(route) as object }),
  });
  const status = response.statusCode;
  const where = `${route.method} ${route.url} as ${actor}: expected ${want}, got ${status} ${response.body.slice(0, 160)}`;
  if (status >= 500) return where;
  if (want === "allowed") {
    if (route.permission !== "public" && [401, 403, 404].includes(status)) return where;
    return undefined;
  }
  if (status !== want) return where;
  if (want === 404 || want === 401)
    for (const secret of f.secrets) if (response.body.includes(secret)) return `${where} — leaked ${secret}`;
  return undefined;
}

export async function runMatrix(f: MatrixFixture, routes: RouteCase[]): Promise<void> {
  const failures: string[] = [];
  for (const route of routes)
    for (const actor of ACTORS) {
      const failure = await checkCase(f, route, actor);
      if (failure) failures.push(failure);
    }
  expect(failures).toEqual([]);
}
