import type { FastifyInstance, FastifyRequest } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import {
  digestSettingsBody,
  digestSettingsResponse,
  mailListResponse,
  subscriptionBody,
  subscriptionResponse,
  unsubscribeQuery,
} from "../../domain/digest.js";
import { AppError } from "../../domain/errors.js";
import { isTimeZone } from "../../jobs/digest-schedule.js";
import type { Store } from "../../store/index.js";
import {
  digestSettings,
  isOptedOut,
  listMail,
  setOptOut,
  unsubscribeByToken,
  updateDigestSettings,
} from "../../store/index.js";
import { actorName } from "../http-helpers.js";
import { wsParams } from "../request-schemas.js";

function userOf(request: FastifyRequest): { id: string; email: string } {
  const actor = request.actor;
  if (actor?.kind !== "user")
    throw new AppError("forbidden", "Only a person signed in has a digest, not an API token.");
  return { id: actor.user.id, email: actor.user.email };
}

/**
 * The weekly digest: its schedule (admins), each person's subscription (their own), the mails
 * sent (your own; admins see all), and the one-click unsubscribe link mails carry (RFC 8058).
 */
export async function digestRoutes(app: FastifyInstance, { store }: { store: Store }): Promise<void> {
  // RFC 8058: mail clients POST "List-Unsubscribe=One-Click" as a form.
  app.addContentTypeParser(
    "application/x-www-form-urlencoded",
    { parseAs: "string", bodyLimit: 1024 },
    (_r, body, done) => done(null, String(body)),
  );
  const r = app.withTypeProvider<ZodTypeProvider>();
  const workspaceId = async (slug: string) => (await store.workspaces.workspaceVersion(slug)).id;
  const present = (s: Awaited<ReturnType<typeof digestSettings>>) => ({
    enabled: s.enabled,
    day: s.day,
    hour: s.hour,
    timeZone: s.timeZone,
    lastPeriod: s.lastPeriod,
  });

  r.get(
    "/workspaces/:ws/digest/settings",
    {
      config: { permission: "workspace:read" },
      schema: {
        tags: ["digest"],
        summary: "When the weekly digest goes out: ISO weekday, hour and time zone",
        params: wsParams,
        response: { 200: digestSettingsResponse },
      },
    },
    async (request) =>
      present(await digestSettings(store.db, await workspaceId(request.params.ws), new Date())),
  );

  r.put(
    "/workspaces/:ws/digest/settings",
    {
      config: { permission: "workspace:admin" },
      schema: {
        tags: ["digest"],
        summary: "Set the weekly digest's day, hour and time zone, or turn it off (admins)",
        params: wsParams,
        body: digestSettingsBody,
        response: { 200: digestSettingsResponse },
      },
    },
    async (request) => {
      if (!isTimeZone(request.body.timeZone))
        throw new AppError("invalid_request", "The time zone is not one this server knows", {
          problems: [
            {
              path: ["timeZone"],
              message: `"${request.body.timeZone}" is not an IANA time zone such as Europe/Berlin`,
            },
          ],
        });
      const id = await workspaceId(request.params.ws);
      const before = present(await digestSettings(store.db, id, new Date()));
      const after = present(await updateDigestSettings(store.db, id, request.body, new Date()));
      await store.workspaces.appendAudit({
        workspaceId: id,
        actor: actorName(request),
        action: "update",
        entityType: "digest-settings",
        entityId: request.params.ws,
        before,
        after,
      });
      return after;
    },
  );

  r.get(
    "/workspaces/:ws/digest/subscription",
    {
      config: { permission: "workspace:read" },
      schema: {
        tags: ["digest"],
        summary: "Whether you receive this workspace's weekly digest",
        params: wsParams,
        response: { 200: subscriptionResponse },
      },
    },
    async (request) => {
      // An API token is nobody in particular: it receives no digest.
      if (request.actor?.kind !== "user") return { optedOut: true };
      return {
        optedOut: await isOptedOut(store.db, await workspaceId(request.params.ws), userOf(request).id),
      };
    },
  );

  r.put(
    "/workspaces/:ws/digest/subscription",
    {
      config: { permission: "workspace:read" },
      schema: {
        tags: ["digest"],
        summary: "Opt out of (or back into) this workspace's weekly digest: your own subscription",
        params: wsParams,
        body: subscriptionBody,
        response: { 200: subscriptionResponse },
      },
    },
    async (request) => {
      const me = userOf(request);
      const id = await workspaceId(request.params.ws);
      await setOptOut(store.db, id, me.id, request.body.optedOut);
      await store.workspaces.appendAudit({
        workspaceId: id,
        actor: me.email,
        action: request.body.optedOut ? "opt-out" : "opt-in",
        entityType: "digest-subscription",
        entityId: me.email,
        before: null,
        after: request.body,
      });
      return { optedOut: request.body.optedOut };
    },
  );

  r.get(
    "/workspaces/:ws/digest/mail",
    {
      config: { permission: "workspace:read" },
      schema: {
        tags: ["digest"],
        summary: "The latest digests and reminders sent to you (admins: to everyone), newest first",
        params: wsParams,
        response: { 200: mailListResponse },
      },
    },
    async (request) => {
      const id = await workspaceId(request.params.ws);
      const admin = request.access?.role === "admin";
      if (!admin && request.actor?.kind !== "user") return { items: [] };
      const mails = await listMail(store.db, id, admin ? {} : { userId: userOf(request).id });
      return { items: mails.map(({ userId: _u, ...m }) => m) };
    },
  );

  r.get(
    "/unsubscribe",
    {
      config: { permission: "public" },
      schema: {
        tags: ["digest"],
        summary:
          "The page an unsubscribe link opens: a button that confirms (a GET never unsubscribes: link scanners follow links)",
        querystring: unsubscribeQuery,
        produces: ["text/html"],
      },
    },
    async (request, reply) => {
      const token = encodeURIComponent(request.query.token);
      return reply
        .type("text/html; charset=utf-8")
        .send(
          `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Unsubscribe</title></head><body><main><h1>Stop the weekly digest?</h1><form method="post" action="/api/v1/unsubscribe?token=${token}"><input type="hidden" name="List-Unsubscribe" value="One-Click"><button type="submit">Unsubscribe</button></form></main></body></html>`,
        );
    },
  );

  r.post(
    "/unsubscribe",
    {
      config: { permission: "public" },
      schema: {
        tags: ["digest"],
        summary:
          "One-click unsubscribe (RFC 8058): the token from the mail opts its person out of that workspace's digest",
        querystring: unsubscribeQuery,
        body: z.string().optional().describe("List-Unsubscribe=One-Click"),
        consumes: ["application/x-www-form-urlencoded"],
        response: { 200: z.object({ unsubscribed: z.literal(true) }) },
      },
    },
    async (request) => {
      const done = await unsubscribeByToken(store.db, request.query.token);
      if (!done) throw new AppError("not_found", "This unsubscribe link is not known");
      await store.workspaces.appendAudit({
        workspaceId: done.workspaceId,
        actor: "unsubscribe-link",
        action: "opt-out",
        entityType: "digest-subscription",
        entityId: done.userId,
        before: null,
        after: { optedOut: true },
      });
      return { unsubscribed: true as const };
    },
  );
}
