import type { FastifyInstance } from "fastify";
import { AppError } from "../domain/errors.js";
import type { Store } from "../store/index.js";
import { requestHash } from "../store/index.js";
import { auditActor } from "./auth/actor.js";
import { sendProblem } from "./problem-details.js";

declare module "fastify" {
  interface FastifyRequest {
    idempotency?: { scope: string; key: string };
  }
}

/** Routes whose answer must never be replayed (a sign-in sets a fresh session). */
const NEVER_REPLAYED = /\/(session|setup|invites\/accept)$/;

/**
 * POST with an Idempotency-Key: the first request with a key runs and its answer is stored in
 * the database; a retry with the same key and body gets that answer without writing again; the
 * same key with another body is a 422. Keys are per caller and route.
 */
export function installIdempotency(app: FastifyInstance, store: Store): void {
  app.addHook("preHandler", async (request, reply) => {
    if (request.method !== "POST") return;
    const key = request.headers["idempotency-key"];
    if (typeof key !== "string" || key === "" || NEVER_REPLAYED.test(request.url)) return;
    if (key.length > 200)
      return sendProblem(
        reply,
        new AppError("invalid_request", "Idempotency-Key is longer than 200 characters"),
        request,
      );
    const scope = `${auditActor(request.actor)}|${request.url.split("?")[0]}`;
    const hash = requestHash(request.body);
    const claim = await store.workspaces.claimIdempotencyKey(scope, key, hash);
    if (claim.state === "claimed") {
      request.idempotency = { scope, key };
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
    if (claim.state === "pending")
      return sendProblem(
        reply,
        new AppError("conflict", "A request with this Idempotency-Key is still running; retry shortly"),
        request,
      );
    reply.header("idempotent-replayed", "true");
    return reply.code(claim.status).type("application/json; charset=utf-8").send(claim.body);
  });

  app.addHook("onSend", async (request, reply, payload) => {
    const claim = request.idempotency;
    if (!claim) return payload;
    request.idempotency = undefined;
    if (reply.statusCode >= 500) await store.workspaces.releaseIdempotencyKey(claim.scope, claim.key);
    else {
      let body: unknown = payload;
      if (typeof payload === "string") {
        try {
          body = JSON.parse(payload);
        } catch {
          body = payload;
        }
      }
      await store.workspaces.completeIdempotencyKey(claim.scope, claim.key, reply.statusCode, body);
    }
    return payload;
  });
}
