import type { FastifyInstance, FastifyRequest } from "fastify";
import { AppError } from "../../domain/errors.js";
import type { AuthDb, Member } from "../../store/index.js";
import {
  type AuthAuditEntry,
  addMember,
  appendAuthAudit,
  createInvite,
  findApiToken,
  findUserByEmail,
  listApiTokens,
  listInvites,
  listMembers,
  lockAdmins,
  removeMember,
  revokeApiToken,
  revokeInvite,
  setRole,
} from "../../store/index.js";
import { checkEmail, checkRole, issueApiToken } from "./accounts.js";
import { auditActor, type WorkspaceAccess } from "./actor.js";
import { addMemberBody, createInviteBody, createTokenBody, patchMemberBody } from "./auth-schemas.js";
import { API_PREFIX } from "./install-auth.js";
import { hashSecret, newSecret } from "./secrets.js";

/*
 * Workspace administration: members, invitations and API tokens (admin only). Every change
 * and its audit log entry are written in one transaction; secrets are returned once and never
 * logged.
 */

type Body = Record<string, unknown>;
const bodyOf = (request: FastifyRequest): Body =>
  request.body && typeof request.body === "object" ? (request.body as Body) : {};
const param = (request: FastifyRequest, name: string) =>
  (request.params as Record<string, string>)[name] ?? "";
const accessOf = (request: FastifyRequest): WorkspaceAccess => {
  if (!request.access) throw new AppError("not_found", "No such workspace.");
  return request.access;
};

/** Where people open links: the configured public URL, else the address this request used. */
export function baseUrl(request: FastifyRequest): string {
  const configured = request.server.auth.config.publicUrl;
  return (configured ?? `${request.protocol}://${request.host}`).replace(/\/+$/, "");
}

export async function registerAccessRoutes(app: FastifyInstance): Promise<void> {
  const { db, config } = app.auth;
  const ws = `${API_PREFIX}/workspaces/:ws`;
  const admin = (summary: string, body?: unknown) => ({
    config: { permission: "workspace:admin" as const },
    schema: { tags: ["access"], summary, ...(body ? { body } : {}) },
  });
  const audit = (
    trx: AuthDb,
    request: FastifyRequest,
    entry: Omit<AuthAuditEntry, "workspaceId" | "actor">,
  ) =>
    appendAuthAudit(trx, {
      ...entry,
      workspaceId: accessOf(request).workspaceId,
      actor: auditActor(request.actor),
    });
  const inTransaction = <T>(work: (trx: AuthDb) => Promise<T>): Promise<T> => db.transaction().execute(work);

  async function memberOr404(trx: AuthDb, workspaceId: string, userId: string): Promise<Member> {
    const member = (await listMembers(trx, workspaceId)).find((m) => m.userId === userId);
    if (!member) throw new AppError("not_found", "No such member in this workspace.");
    return member;
  }
  /** Refuses to leave the workspace without an admin; the admins' rows stay locked until commit. */
  async function keepAnAdmin(trx: AuthDb, workspaceId: string, member: Member) {
    const admins = await lockAdmins(trx, workspaceId);
    if (admins.includes(member.userId) && admins.length <= 1)
      throw new AppError("conflict", "This is the workspace's last admin: make someone else admin first.");
  }

  // Members
  app.get(`${ws}/members`, admin("Members and their roles"), async (request) => ({
    items: await listMembers(db, accessOf(request).workspaceId),
  }));

  app.post(
    `${ws}/members`,
    admin("Add an existing user with a role", addMemberBody),
    async (request, reply) => {
      const { workspaceId } = accessOf(request);
      const body = bodyOf(request);
      const email = checkEmail(body.email);
      const role = checkRole(body.role);
      const user = await findUserByEmail(db, email);
      if (!user)
        throw new AppError(
          "invalid_request",
          `No user has the e-mail ${email}: send an invitation instead.`,
          {
            problems: [{ path: ["email"], message: "belongs to no user; invite them (POST …/invites)" }],
          },
        );
      const member = await inTransaction(async (trx) => {
        await addMember(trx, { workspaceId, userId: user.id, role, now: config.now() });
        const added = await memberOr404(trx, workspaceId, user.id);
        await audit(trx, request, {
          action: "create",
          entityType: "member",
          entityId: user.id,
          before: null,
          after: added,
        });
        return added;
      });
      return reply.code(201).send(member);
    },
  );

  app.patch(`${ws}/members/:userId`, admin("Change a member's role", patchMemberBody), async (request) => {
    const { workspaceId } = accessOf(request);
    const role = checkRole(bodyOf(request).role);
    return inTransaction(async (trx) => {
      const before = await memberOr404(trx, workspaceId, param(request, "userId"));
      if (role !== "admin") await keepAnAdmin(trx, workspaceId, before);
      await setRole(trx, workspaceId, before.userId, role);
      const after = await memberOr404(trx, workspaceId, before.userId);
      await audit(trx, request, {
        action: "update",
        entityType: "member",
        entityId: before.userId,
        before,
        after,
      });
      return after;
    });
  });

  app.delete(`${ws}/members/:userId`, admin("Remove a member"), async (request, reply) => {
    const { workspaceId } = accessOf(request);
    await inTransaction(async (trx) => {
      const before = await memberOr404(trx, workspaceId, param(request, "userId"));
      await keepAnAdmin(trx, workspaceId, before);
      await removeMember(trx, workspaceId, before.userId);
      await audit(trx, request, {
        action: "delete",
        entityType: "member",
        entityId: before.userId,
        before,
        after: null,
      });
    });
    return reply.code(204).send();
  });

  // Invitations
  app.get(`${ws}/invites`, admin("Invitations, open and used"), async (request) => ({
    items: await listInvites(db, accessOf(request).workspaceId),
  }));

  app.post(
    `${ws}/invites`,
    admin("Invite someone: a one-time link (e-mailed when SMTP is set up)", createInviteBody),
    async (request, reply) => {
      const { workspaceId, slug } = accessOf(request);
      const body = bodyOf(request);
      const role = checkRole(body.role);
      // Required: whoever accepts becomes this address, which may be a plan person's.
      const email = checkEmail(body.email);
      const secret = newSecret("invite");
      const now = config.now();
      const invite = await inTransaction(async (trx) => {
        const created = await createInvite(trx, {
          workspaceId,
          role,
          email,
          tokenHash: hashSecret(secret),
          createdBy: auditActor(request.actor),
          now,
          expiresAt: new Date(now.getTime() + config.inviteMs),
        });
        await audit(trx, request, {
          action: "create",
          entityType: "invite",
          entityId: created.id,
          before: null,
          after: created,
        });
        return created;
      });
      // The secret travels in the fragment, which browsers never send to servers or in Referer.
      const url = `${baseUrl(request)}/invite#token=${secret}`;
      let emailed = false;
      if (email && config.mailer) {
        await config.mailer.send({
          to: email,
          subject: `You are invited to ${slug} on Throughline`,
          text: `You have been invited to the workspace ${slug} as ${role}.\n\nOpen this link to join (valid until ${invite.expiresAt}):\n${url}\n`,
        });
        emailed = true;
      }
      return reply.code(201).send({ invite, token: secret, url, emailed });
    },
  );

  app.delete(`${ws}/invites/:inviteId`, admin("Withdraw an open invitation"), async (request, reply) => {
    const { workspaceId } = accessOf(request);
    const id = param(request, "inviteId");
    await inTransaction(async (trx) => {
      const before = (await listInvites(trx, workspaceId)).find((i) => i.id === id);
      if (!before || !(await revokeInvite(trx, workspaceId, id, config.now())))
        throw new AppError("not_found", "No open invitation with this id in this workspace.");
      await audit(trx, request, {
        action: "delete",
        entityType: "invite",
        entityId: id,
        before,
        after: { ...before, revokedAt: config.now().toISOString() },
      });
    });
    return reply.code(204).send();
  });

  // API tokens
  app.get(`${ws}/tokens`, admin("API tokens (never their secrets)"), async (request) => ({
    items: await listApiTokens(db, accessOf(request).workspaceId),
  }));

  app.post(
    `${ws}/tokens`,
    admin("Create an API token: its secret is returned once", createTokenBody),
    async (request, reply) => {
      const { workspaceId } = accessOf(request);
      const body = bodyOf(request);
      const { token, secret } = await inTransaction(async (trx) => {
        const issued = await issueApiToken(
          trx,
          { workspaceId, role: body.role, name: body.name, createdBy: auditActor(request.actor) },
          config,
        );
        await audit(trx, request, {
          action: "create",
          entityType: "token",
          entityId: issued.token.id,
          before: null,
          after: issued.token,
        });
        return issued;
      });
      return reply.code(201).send({ ...token, token: secret });
    },
  );

  app.delete(`${ws}/tokens/:tokenId`, admin("Revoke an API token"), async (request, reply) => {
    const { workspaceId } = accessOf(request);
    const id = param(request, "tokenId");
    await inTransaction(async (trx) => {
      const before = await findApiToken(trx, workspaceId, id);
      if (!before || !(await revokeApiToken(trx, workspaceId, id, config.now())))
        throw new AppError("not_found", "No live API token with this id in this workspace.");
      const after = await findApiToken(trx, workspaceId, id);
      await audit(trx, request, { action: "delete", entityType: "token", entityId: id, before, after });
    });
    return reply.code(204).send();
  });
}
