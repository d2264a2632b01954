import type { PlanIssue } from "./plan-issue.js";

/**
 * Typed errors with stable codes. Every layer throws these; one place per surface turns them
 * into output (server/problem-details.ts for HTTP problem+json, cli/report-error.ts for the
 * command line). The code is the contract; the message is for people.
 */
export const ERROR_CODES = {
  invalid_plan: 422,
  invalid_request: 422,
  malformed_request: 400,
  not_found: 404,
  conflict: 409,
  stale_version: 412,
  precondition_required: 428,
  payload_too_large: 413,
  unauthenticated: 401,
  forbidden: 403,
  rate_limited: 429,
  idempotency_mismatch: 422,
  database_locked: 409,
  internal: 500,
} as const;
export type ErrorCode = keyof typeof ERROR_CODES;

/** A problem located in the input: a field path, and for plan files a line and column. */
export interface Problem extends PlanIssue {
  line?: number;
  column?: number;
}

export class AppError extends Error {
  readonly code: ErrorCode;
  readonly problems: Problem[];
  /** Extra data a surface may show (e.g. the current item for a stale write). */
  readonly details: Record<string, unknown>;

  constructor(
    code: ErrorCode,
    message: string,
    options: { problems?: Problem[]; details?: Record<string, unknown> } = {},
  ) {
    super(message);
    this.name = "AppError";
    this.code = code;
    this.problems = options.problems ?? [];
    this.details = options.details ?? {};
  }

  get status(): number {
    return ERROR_CODES[this.code];
  }
}

export function isAppError(error: unknown): error is AppError {
  return error instanceof AppError;
}
