import type { Role } from "../../domain/roles.js";
import type { ApiToken } from "../../store/auth/api-tokens.js";
import type { User } from "../../store/auth/users.js";

/** Who is asking: a person with a session cookie, or an API token of one workspace. */
export type Actor =
  | { kind: "user"; user: User; session: { idHash: string; csrfToken: string } }
  | { kind: "token"; token: ApiToken };

/** How the audit log names an actor: a user by id and e-mail, a token by its name. */
export interface AuditActor {
  type: "user" | "token" | "system";
  id: string | null;
  label: string;
}

export function auditActor(actor: Actor | undefined): AuditActor {
  if (!actor) return { type: "system", id: null, label: "system" };
  if (actor.kind === "user") return { type: "user", id: actor.user.id, label: actor.user.email };
  return { type: "token", id: actor.token.id, label: `token ${actor.token.name}` };
}

/** What the policy found about the workspace a request is about. */
export interface WorkspaceAccess {
  workspaceId: string;
  slug: string;
  role: Role;
}
