import type { Role } from "../../domain/roles.js";
import type { ApiToken, User } from "../../store/index.js";

/** Who is asking: a person with a session cookie, or an API token of one workspace. */
export type Actor =
  | { kind: "user"; user: User; session: { idHash: string; csrfToken: string } }
  | { kind: "token"; token: ApiToken };

/**
 * How the audit log names an actor: a user by e-mail (unique, and what people recognise), a
 * token as `token:<name>`; "system" for writes no one made through the API.
 */
export function auditActor(actor: Actor | undefined): string {
  if (!actor) return "system";
  if (actor.kind === "user") return actor.user.email;
  return `token:${actor.token.name}`;
}

/** What the policy found about the workspace a request is about. */
export interface WorkspaceAccess {
  workspaceId: string;
  slug: string;
  role: Role;
}
