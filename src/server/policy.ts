import type { Permission, Role } from "../domain/roles.js";
import { isWorkspacePermission, roleAllows } from "../domain/roles.js";
import type { Actor } from "./auth/actor.js";

/*
 * The one policy: from who is asking (a user or a token), their role in the workspace the
 * route is about, and for contributors whether they own the item, decide whether the request
 * goes on. Everything it needs is gathered beforehand (src/server/auth/authorize.ts), so the
 * decision itself is a plain function that the authorization matrix test exercises.
 */

export type Decision =
  | { allow: true }
  | { allow: false; code: "unauthenticated" | "forbidden" | "not_found"; message: string };

export interface PolicyInput {
  permission: Permission;
  actor: Actor | undefined;
  /**
   * For workspace permissions: the actor's role in the workspace, or undefined when the
   * workspace does not exist or the actor has no access to it (the two must look the same).
   */
  role?: Role;
  /** For `workspace:edit-owned`, asked only of contributors: does the actor own the item? */
  owns?: () => Promise<boolean>;
}

const allow: Decision = { allow: true };

export async function decide(input: PolicyInput): Promise<Decision> {
  const { permission, actor } = input;
  if (permission === "public") return allow;
  if (!actor) return { allow: false, code: "unauthenticated", message: "Sign in or send an API token." };
  if (permission === "signed-in") return allow;
  if (permission === "user")
    return actor.kind === "user"
      ? allow
      : {
          allow: false,
          code: "forbidden",
          message: "Only a person signed in can do this, not an API token.",
        };
  if (permission === "instance-admin")
    return actor.kind === "user" && actor.user.isAdmin
      ? allow
      : { allow: false, code: "forbidden", message: "Only an instance administrator can do this." };
  if (!isWorkspacePermission(permission))
    return { allow: false, code: "forbidden", message: "This route declares no known permission." };
  // Not a member (or no such workspace): answer as if it did not exist, never 403.
  if (!input.role) return { allow: false, code: "not_found", message: "No such workspace." };
  if (roleAllows(input.role, permission)) return allow;
  if (
    permission === "workspace:edit-owned" &&
    input.role === "contributor" &&
    input.owns &&
    (await input.owns())
  )
    return allow;
  return { allow: false, code: "forbidden", message: forbiddenMessage(input.role, permission) };
}

function forbiddenMessage(role: Role, permission: Permission): string {
  const need: Record<string, string> = {
    "workspace:contribute": "a contributor",
    "workspace:edit-owned": "an editor, or a contributor who owns the item",
    "workspace:edit": "an editor",
    "workspace:admin": "an admin",
  };
  return `Your role in this workspace is ${role}; this needs ${need[permission] ?? "a stronger role"}.`;
}

/** The role an actor has in a workspace, before membership rows are consulted. */
export function roleWithoutMembership(actor: Actor, workspaceId: string): Role | undefined {
  if (actor.kind === "token") return actor.token.workspaceId === workspaceId ? actor.token.role : undefined;
  return actor.user.isAdmin ? "admin" : undefined;
}
