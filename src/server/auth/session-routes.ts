import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import type { User } from "../../store/index.js";
import { deleteUserSessions, listUserWorkspaceIds } from "../../store/index.js";
import { acceptInvite, changePassword, completeSetup, inspectInvite, needsSetup } from "./accounts.js";
import {
  acceptInviteBody,
  inviteTokenBody,
  passwordChangeBody,
  setupBody,
  signInBody,
} from "./auth-schemas.js";
import { API_PREFIX } from "./install-auth.js";
import { clearSessionCookie, readSessionCookie, setSessionCookie } from "./session-cookie.js";
import { endSession, startSession } from "./sessions.js";
import { checkCredentials } from "./sign-in.js";

/*
 * Signing in and out, first-run setup and accepting invitations. Sign-in always starts a new
 * session with a new random id (an id planted before sign-in is never promoted) and returns
 * the CSRF token that cookie-authenticated writes must send back in X-CSRF-Token.
 */

const doc = (summary: string, body?: unknown) => ({ tags: ["auth"], summary, ...(body ? { body } : {}) });

type Body = { token?: unknown; email?: unknown; name?: unknown; password?: unknown } & Record<
  string,
  unknown
>;
const bodyOf = (request: FastifyRequest): Body =>
  request.body && typeof request.body === "object" ? (request.body as Body) : {};
const accountFields = (body: Body) => ({
  token: body.token,
  email: body.email,
  name: body.name,
  password: body.password,
});

async function signedIn(request: FastifyRequest, reply: FastifyReply, user: User) {
  const { db, config } = request.server.auth;
  // Sign-in replaces whatever session this browser had.
  const previous = readSessionCookie(request, config);
  if (previous) await endSession(db, previous);
  const session = await startSession(db, user.id, config);
  setSessionCookie(request, reply, session.sessionId, session.expiresAt, config);
  return { user, csrfToken: session.csrfToken, expiresAt: session.expiresAt.toISOString() };
}

export async function registerSessionRoutes(app: FastifyInstance): Promise<void> {
  const { db, config } = app.auth;
  // The holder of a valid invitation may see which workspace it is for, by slug and name.
  const workspaceOf = (id: string) =>
    db.selectFrom("workspaces").select(["slug", "name"]).where("id", "=", id).executeTakeFirst();

  app.post(
    `${API_PREFIX}/session`,
    {
      config: { permission: "public" },
      schema: doc("Sign in: sets the session cookie, returns the CSRF token", signInBody),
    },
    async (request, reply) => {
      const body = bodyOf(request);
      const email = typeof body.email === "string" ? body.email : "";
      const password = typeof body.password === "string" ? body.password : "";
      const user = await checkCredentials(db, { email, password, ip: request.ip }, config);
      return signedIn(request, reply, user);
    },
  );

  app.get(
    `${API_PREFIX}/session`,
    {
      config: { permission: "signed-in" },
      schema: doc("Who you are (and the CSRF token again, for a session)"),
    },
    async (request) => {
      const actor = request.actor;
      if (actor?.kind === "token") {
        const { id, name, role, workspaceId } = actor.token;
        return { token: { id, name, role, workspaceId } };
      }
      if (!actor) return {};
      return {
        user: actor.user,
        csrfToken: actor.session.csrfToken,
        workspaceIds: actor.user.isAdmin ? "all" : await listUserWorkspaceIds(db, actor.user.id),
      };
    },
  );

  app.delete(
    `${API_PREFIX}/session`,
    { config: { permission: "user" }, schema: doc("Sign out") },
    async (request, reply) => {
      const sessionId = readSessionCookie(request, config);
      if (sessionId) await endSession(db, sessionId);
      clearSessionCookie(request, reply, config);
      return reply.code(204).send();
    },
  );

  app.delete(
    `${API_PREFIX}/sessions`,
    { config: { permission: "user" }, schema: doc("Sign out everywhere") },
    async (request, reply) => {
      if (request.actor?.kind === "user") await deleteUserSessions(db, request.actor.user.id);
      clearSessionCookie(request, reply, config);
      return reply.code(204).send();
    },
  );

  app.post(
    `${API_PREFIX}/session/password`,
    {
      config: { permission: "user" },
      schema: doc("Change your password (signs out your other sessions)", passwordChangeBody),
    },
    async (request, reply) => {
      const actor = request.actor;
      if (actor?.kind !== "user") return reply.code(204).send();
      const body = bodyOf(request);
      await changePassword(
        db,
        {
          user: actor.user,
          currentPassword: body.currentPassword,
          newPassword: body.newPassword,
          keepSessionHash: actor.session.idHash,
          ip: request.ip,
        },
        config,
      );
      return reply.code(204).send();
    },
  );

  app.get(
    `${API_PREFIX}/setup`,
    {
      config: { permission: "public" },
      schema: doc("Whether the first administrator is still to be created"),
    },
    async () => ({
      needed: await needsSetup(db),
    }),
  );

  app.post(
    `${API_PREFIX}/setup`,
    {
      config: { permission: "public" },
      schema: doc("Create the first administrator with the one-time link", setupBody),
    },
    async (request, reply) => {
      const body = bodyOf(request);
      const user = await completeSetup(db, accountFields(body), config);
      reply.code(201);
      return signedIn(request, reply, user);
    },
  );

  app.post(
    `${API_PREFIX}/invites/inspect`,
    { config: { permission: "public" }, schema: doc("What an invitation offers", inviteTokenBody) },
    async (request) => {
      const invite = await inspectInvite(db, bodyOf(request).token, config);
      return {
        role: invite.role,
        email: invite.email,
        expiresAt: invite.expiresAt,
        workspace: await workspaceOf(invite.workspaceId),
      };
    },
  );

  app.post(
    `${API_PREFIX}/invites/accept`,
    {
      config: { permission: "public" },
      schema: doc("Accept an invitation: join (creating the account if new) and sign in", acceptInviteBody),
    },
    async (request, reply) => {
      const { user, invite } = await acceptInvite(
        db,
        { ...accountFields(bodyOf(request)), ip: request.ip },
        config,
      );
      return {
        ...(await signedIn(request, reply, user)),
        role: invite.role,
        workspace: await workspaceOf(invite.workspaceId),
      };
    },
  );
}
