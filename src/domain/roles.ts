/*
 * Roles per workspace and the permissions routes declare (shared spec interfaces.md, "Roles").
 * Pure data and decisions: the server's policy (src/server/policy.ts) gathers who is asking
 * and what they touch, and asks `roleAllows` here.
 */

/** Workspace roles, weakest first: each role can do everything the ones before it can. */
export const ROLES = ["viewer", "contributor", "editor", "admin"] as const;
export type Role = (typeof ROLES)[number];

export function isRole(value: unknown): value is Role {
  return typeof value === "string" && (ROLES as readonly string[]).includes(value);
}

/** True when `role` is at least `minimum` (admin ≥ editor ≥ contributor ≥ viewer). */
export function roleAtLeast(role: Role, minimum: Role): boolean {
  return ROLES.indexOf(role) >= ROLES.indexOf(minimum);
}

/**
 * What a route needs. Every route under /api/v1 declares exactly one of these in
 * `config.permission`; a route without one refuses to register.
 *
 * - `public`: anyone, signed in or not (sign-in, first-run setup, accepting an invite, the API description).
 * - `signed-in`: any user session or API token.
 * - `user`: a person signed in with a session (not a token): their own password and sessions.
 * - `instance-admin`: an instance administrator (creating workspaces).
 * - `workspace:read`: viewer and up.
 * - `workspace:contribute`: contributor and up: check-ins, insights, review answers.
 * - `workspace:edit-owned`: an editor, or a contributor who owns the item (see `ownsItem` in the policy).
 * - `workspace:edit`: editor and up: every item and the whole plan.
 * - `workspace:admin`: admin: members, invites, tokens, the audit log, the workspace itself.
 */
export const PERMISSIONS = [
  "public",
  "signed-in",
  "user",
  "instance-admin",
  "workspace:read",
  "workspace:contribute",
  "workspace:edit-owned",
  "workspace:edit",
  "workspace:admin",
] as const;
export type Permission = (typeof PERMISSIONS)[number];

export function isPermission(value: unknown): value is Permission {
  return typeof value === "string" && (PERMISSIONS as readonly string[]).includes(value);
}

/** Permissions that are about one workspace: the route has a `{ws}` parameter. */
export function isWorkspacePermission(permission: Permission): boolean {
  return permission.startsWith("workspace:");
}

/** The least role that holds a workspace permission outright (without owning the item). */
export const MINIMUM_ROLE: Record<Extract<Permission, `workspace:${string}`>, Role> = {
  "workspace:read": "viewer",
  "workspace:contribute": "contributor",
  "workspace:edit-owned": "editor",
  "workspace:edit": "editor",
  "workspace:admin": "admin",
};

/**
 * Whether a member with `role` may do what `permission` names. `ownsItem` matters only for
 * `workspace:edit-owned`: a contributor may edit what it owns.
 */
export function roleAllows(role: Role, permission: Permission, ownsItem = false): boolean {
  if (!isWorkspacePermission(permission)) return false;
  const minimum = MINIMUM_ROLE[permission as keyof typeof MINIMUM_ROLE];
  if (roleAtLeast(role, minimum)) return true;
  return permission === "workspace:edit-owned" && role === "contributor" && ownsItem;
}
