import type { FastifyInstance, FastifyRequest } from "fastify";
import { AppError } from "../domain/errors.js";
import type { Store, WriteClaim, WriteClaimSlot } from "../store/index.js";
import { requestHash, writeClaims } from "../store/index.js";
import type { Actor } from "./auth/actor.js";
import { API_PREFIX } from "./auth/install-auth.js";
import { sendProblem } from "./problem-details.js";

declare module "fastify" {
  interface FastifyRequest {
    idempotency?: WriteClaim & { renew?: NodeJS.Timeout };
    writeClaimSlot?: WriteClaimSlot;
  }
}

/**
 * POSTs whose answer must never be replayed, or that change nothing (docs/decisions.md):
 * a sign-in and the first-run setup and accepting an invitation each set a fresh session
 * cookie; a password change signs other sessions out and answers with a new cookie too;
 * inspecting an invitation only reads.
 */
export const NOT_IDEMPOTENT = /\/(session|session\/password|setup|invites\/accept|invites\/inspect)$/;

/**
 * Idempotency-Key on every side-effecting POST of the API. The first request with a key runs
 * and its answer is stored in the database; a retry with the same key and body gets that
 * answer without writing again; the same key with another body is a 422. Keys are per caller
 * and route. A pending key belongs to the request running it: its write's transaction marks
 * it written, its server renews a short lease while it runs, and a key whose request died
 * before writing (a crash, kill -9) is taken over by the next retry (store/idempotency/).
 */
export function installIdempotency(app: FastifyInstance, store: Store): void {
  app.decorateRequest("idempotency", undefined);
  app.decorateRequest("writeClaimSlot", undefined);

  // The slot travels with the request to the store's transactions (AsyncLocalStorage).
  app.addHook("onRequest", (request, _reply, done) => {
    const slot: WriteClaimSlot = {};
    request.writeClaimSlot = slot;
    writeClaims.run(slot, done);
  });

  app.addHook("preHandler", async (request, reply) => {
    if (request.method !== "POST" || !applies(request)) return;
    const key = request.headers["idempotency-key"];
    if (typeof key !== "string" || key === "") return;
    if (key.length > 200)
      return sendProblem(
        reply,
        new AppError("invalid_request", "Idempotency-Key is longer than 200 characters"),
        request,
      );
    const scope = idempotencyScope(request.actor, request.url);
    const hash = requestHash(request.body);
    const claim = await store.workspaces.claimIdempotencyKey(scope, key, hash);
    if (claim.state === "claimed") {
      const held: WriteClaim = { scope, key, owner: claim.owner };
      if (request.writeClaimSlot) request.writeClaimSlot.claim = held;
      const leaseMs = store.workspaces.idempotencyLeaseMs;
      const renew = setInterval(
        () => {
          store.workspaces.renewIdempotencyLease(scope, key, claim.owner).catch(() => {});
        },
        Math.max(100, Math.floor(leaseMs / 3)),
      );
      renew.unref();
      request.idempotency = { ...held, renew };
      return;
    }
    if (claim.requestHash !== hash)
      return sendProblem(
        reply,
        new AppError(
          "idempotency_mismatch",
          "This Idempotency-Key was already used with a different request body",
        ),
        request,
      );
    if (claim.state === "pending") {
      reply.header("retry-after", String(claim.retryAfter));
      return sendProblem(
        reply,
        new AppError("conflict", "A request with this Idempotency-Key is still running; retry shortly"),
        request,
      );
    }
    reply.header("idempotent-replayed", "true");
    if (claim.state === "written")
      // The change was committed, but the server running it stopped before storing its answer.
      return reply.code(200).send({
        status: "completed",
        detail:
          "The request with this Idempotency-Key was completed, but its answer was lost when its server stopped. Read the resource to see the result.",
      });
    return reply.code(claim.status).type("application/json; charset=utf-8").send(claim.body);
  });

  app.addHook("onSend", async (request, reply, payload) => {
    const claim = stopRenewing(request);
    if (!claim) return payload;
    if (reply.statusCode >= 500)
      await store.workspaces.releaseIdempotencyKey(claim.scope, claim.key, claim.owner);
    else {
      let body: unknown = payload;
      if (typeof payload === "string") {
        try {
          body = JSON.parse(payload);
        } catch {
          body = payload;
        }
      }
      await store.workspaces.completeIdempotencyKey(
        claim.scope,
        claim.key,
        reply.statusCode,
        body,
        claim.owner,
      );
    }
    return payload;
  });
  // A request that ends without an answer (the client went away) stops renewing its lease.
  app.addHook("onResponse", async (request) => {
    stopRenewing(request);
  });
}

/**
 * Keys are per caller and route: the caller by identity (a user's or a token's id, never a
 * name two tokens can share), the route by its path.
 */
export function idempotencyScope(actor: Actor | undefined, url: string): string {
  const caller = !actor
    ? "anonymous"
    : actor.kind === "user"
      ? `user:${actor.user.id}`
      : `token:${actor.token.id}`;
  return `${caller}|${url.split("?")[0]}`;
}

function applies(request: FastifyRequest): boolean {
  const path = request.url.split("?")[0] ?? "";
  return path.startsWith(`${API_PREFIX}/`) && !NOT_IDEMPOTENT.test(path);
}

function stopRenewing(request: FastifyRequest): WriteClaim | undefined {
  const claim = request.idempotency;
  if (!claim) return undefined;
  request.idempotency = undefined;
  clearInterval(claim.renew);
  if (request.writeClaimSlot) request.writeClaimSlot.claim = undefined;
  return { scope: claim.scope, key: claim.key, owner: claim.owner };
}
