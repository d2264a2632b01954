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

/** What each problem means and what to do, served at its `type` (/problems/<code>). */
const MEANINGS: Record<ErrorCode, string> = {
  invalid_plan:
    "The plan file breaks a rule of the plan format. Each entry of errors[] names the line, column and field; fix them and send the whole file again. Nothing was changed.",
  invalid_request:
    "A field of the request is not valid. errors[] names each field and what it must be. Nothing was changed.",
  malformed_request:
    "The request could not be read at all: not valid JSON or YAML, a URL that cannot be decoded, or a body nested far too deep. Nothing was changed.",
  not_found: "There is no such item, or it is in a workspace you cannot see.",
  conflict:
    "The change conflicts with what is stored, for example an id or slug that is taken. Nothing was changed.",
  stale_version:
    "The item changed since you read it (If-Match is older than the current version). Read it again, reapply your change and retry.",
  precondition_required:
    "This change needs an If-Match header with the version you read (the ETag of your GET).",
  payload_too_large: "The request body is larger than this endpoint accepts.",
  unauthenticated: "Sign in, or send a valid API token as Authorization: Bearer.",
  forbidden: "Your role does not allow this, or a cookie write came without its CSRF token.",
  rate_limited: "Too many attempts. Retry-After says how many seconds to wait.",
  idempotency_mismatch:
    "The Idempotency-Key was already used for a different request. Use a new key for a new request.",
  database_locked:
    "Another Throughline process holds the embedded database. Stop it, or use PostgreSQL for several servers.",
  internal: "Something went wrong on the server. It has been logged; retrying may help.",
};

const slugOf = (code: ErrorCode) => code.replaceAll("_", "-");

/** The relative `type` of a problem: resolved against the API's address, it is served by registerProblemPages. */
export const problemType = (code: ErrorCode) => `/problems/${slugOf(code)}`;

const escapeHtml = (text: string) =>
  text.replaceAll("&", "&amp;").replaceAll("<", "&lt;").replaceAll(">", "&gt;").replaceAll('"', "&quot;");

/**
 * Serves the page behind each problem `type` (RFC 9457: a type should resolve to
 * documentation for people), so the link in every error body leads somewhere.
 */
export function registerProblemPages(app: FastifyInstance): void {
  const bySlug = new Map((Object.keys(TITLES) as ErrorCode[]).map((code) => [slugOf(code), code]));
  app.get("/problems/:code", { schema: { hide: true } }, async (request, reply) => {
    const code = bySlug.get((request.params as { code: string }).code);
    if (!code) throw new AppError("not_found", "No such problem type");
    const title = escapeHtml(TITLES[code]);
    return reply
      .type("text/html; charset=utf-8")
      .send(
        `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${title} — Throughline</title></head><body><main><h1>${title}</h1><p>HTTP ${ERROR_CODES[code]}, code <code>${code}</code>.</p><p>${escapeHtml(MEANINGS[code])}</p><p><a href="/api/v1/docs">API reference</a></p></main></body></html>`,
      );
  });
}

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
    type: problemType(error.code),
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
