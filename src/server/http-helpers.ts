import type { FastifyReply, FastifyRequest } from "fastify";
import { AppError } from "../domain/errors.js";
import { auditActor } from "./auth/actor.js";
import "./auth/install-auth.js";

/** An item's or workspace's version as a strong ETag. */
export function etag(version: number): string {
  return `"${version}"`;
}

/** The version named by If-Match; 428 when it is required and missing. */
export function ifMatch(request: FastifyRequest, required: boolean): number | undefined {
  const header = request.headers["if-match"];
  if (header === undefined || header === "") {
    if (required)
      throw new AppError(
        "precondition_required",
        "Send If-Match with the ETag you read, so no one's change is overwritten",
        {
          problems: [{ path: ["If-Match"], message: "is required for this request" }],
        },
      );
    return undefined;
  }
  const value = String(header).trim().replace(/^W\//, "").replace(/^"|"$/g, "");
  const version = Number(value);
  if (!Number.isInteger(version) || version < 0)
    throw new AppError("precondition_required", `If-Match ${header} is not an ETag this API gave`, {
      problems: [{ path: ["If-Match"], message: 'must be the ETag of the item, e.g. "3"' }],
    });
  return version;
}

/** Who writes, for the audit log (auth's naming: e-mail, token:<name>, or system). */
export function actorName(request: FastifyRequest): string {
  return auditActor(request.actor);
}

export function sendWithEtag(
  reply: FastifyReply,
  version: number,
  body: unknown,
  status = 200,
): FastifyReply {
  return reply.code(status).header("etag", etag(version)).send(body);
}
