import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { AppError, ERROR_CODES, type ErrorCode, isAppError, type Problem } from "../domain/errors.js";

/*
 * The one place HTTP errors are shaped: every failure leaves as application/problem+json
 * (RFC 9457) with a stable `code` and `errors[]` of { path, message } (line and column for
 * plan files). Bad input is always a 4xx; only our own faults are 5xx, and they say nothing
 * about internals.
 */

const TITLES: Record<ErrorCode, string> = {
  invalid_plan: "The plan is not valid",
  invalid_request: "The request is not valid",
  malformed_request: "The request could not be read",
  not_found: "Not found",
  conflict: "Conflict with the current state",
  stale_version: "The item has changed since you read it",
  precondition_required: "If-Match is required",
  payload_too_large: "The request is too large",
  unauthenticated: "Not signed in",
  forbidden: "Not allowed",
  rate_limited: "Too many requests",
  idempotency_mismatch: "The Idempotency-Key was used for a different request",
  database_locked: "The database is in use",
  internal: "Something went wrong on our side",
};

export interface ProblemBody {
  type: string;
  title: string;
  status: number;
  code: ErrorCode;
  detail: string;
  instance?: string;
  errors: { path: string; message: string; line?: number; column?: number }[];
  [extension: string]: unknown;
}

export function problemBody(error: AppError, instance?: string): ProblemBody {
  return {
    type: `https://throughline.dev/problems/${error.code.replaceAll("_", "-")}`,
    title: TITLES[error.code],
    status: error.status,
    code: error.code,
    detail: error.message,
    ...(instance ? { instance } : {}),
    errors: error.problems.map(toErrorEntry),
    ...error.details,
  };
}

function toErrorEntry(p: Problem) {
  const path = p.path
    .map((x) => (typeof x === "number" ? `[${x}]` : x))
    .join(".")
    .replaceAll(".[", "[");
  return {
    path,
    message: p.message,
    ...(p.line !== undefined ? { line: p.line, column: p.column ?? 1 } : {}),
  };
}

export function sendProblem(reply: FastifyReply, error: AppError, request?: FastifyRequest): FastifyReply {
  if (error.code === "rate_limited" && typeof error.details.retryAfter === "number")
    reply.header("retry-after", String(error.details.retryAfter));
  return reply.code(error.status).type("application/problem+json").send(problemBody(error, request?.url));
}

/** Turns whatever was thrown into an AppError with the right status. */
export function toAppError(error: unknown): AppError {
  if (isAppError(error)) return error;
  const e = error as FastifyError & { validationContext?: string };
  if (e.validation) {
    const where = e.validationContext ?? "body";
    if (where === "params") return new AppError("not_found", "No such item");
    return new AppError("invalid_request", `The request ${where} is not valid`, {
      problems: e.validation.map((v) => ({
        path: [
          where,
          ...String(v.instancePath ?? "")
            .split("/")
            .filter(Boolean),
        ],
        message: v.message ?? "is not valid",
      })),
    });
  }
  switch (e.code) {
    case "FST_ERR_CTP_BODY_TOO_LARGE":
      return new AppError("payload_too_large", "The request body is larger than this endpoint accepts");
    case "FST_ERR_CTP_INVALID_MEDIA_TYPE":
      return new AppError("malformed_request", "Send application/json (or, for a plan, application/yaml)");
    case "FST_ERR_CTP_EMPTY_JSON_BODY":
    case "FST_ERR_CTP_INVALID_JSON_BODY":
      return new AppError("malformed_request", `The body is not valid JSON: ${e.message}`);
    case "FST_ERR_CTP_INVALID_CONTENT_LENGTH":
      return new AppError("malformed_request", "The Content-Length does not match the body");
  }
  if (e instanceof SyntaxError || e.statusCode === 400)
    return new AppError("malformed_request", `The request could not be read: ${e.message}`);
  if (e.statusCode === 413) return new AppError("payload_too_large", "The request body is too large");
  if (e.statusCode && e.statusCode >= 400 && e.statusCode < 500) {
    const code = (Object.entries(ERROR_CODES).find(([, s]) => s === e.statusCode)?.[0] ??
      "invalid_request") as ErrorCode;
    return new AppError(code, e.message);
  }
  return new AppError("internal", "An unexpected error happened; it has been logged");
}

export function installProblemDetails(
  app: FastifyInstance,
  options: { notFound?: (request: FastifyRequest, reply: FastifyReply) => FastifyReply | undefined } = {},
): void {
  app.setErrorHandler((error, request, reply) => {
    const appError = toAppError(error);
    if (appError.status >= 500) request.log.error({ err: error }, "request failed");
    return sendProblem(reply, appError, request);
  });
  app.setNotFoundHandler(
    (request, reply) =>
      options.notFound?.(request, reply) ??
      sendProblem(
        reply,
        new AppError("not_found", `No route ${request.method} ${request.url.split("?")[0]}`),
        request,
      ),
  );
}
