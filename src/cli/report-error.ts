import { isAppError } from "../domain/errors.js";
import { describeProblem } from "./format/text-report.js";
import { type CliIO, EXIT, UsageError } from "./io.js";

/**
 * The one place the command line turns errors into messages and exit codes: usage and
 * input problems exit 2, failed operations 1. Unknown errors show their message, not a stack.
 */
export function reportError(error: unknown, io: CliIO): number {
  if (error instanceof UsageError) {
    io.err(`throughline: ${error.message}\n`);
    return EXIT.invalid;
  }
  if (isAppError(error)) {
    const lines = [`throughline: ${error.message}`];
    for (const p of error.problems)
      lines.push(
        `  ${p.line !== undefined ? `line ${p.line}, column ${p.column ?? 1}: ` : ""}${describeProblem(p)}`,
      );
    io.err(`${lines.join("\n")}\n`);
    const invalid = ["invalid_plan", "invalid_request", "malformed_request", "payload_too_large"].includes(
      error.code,
    );
    return invalid ? EXIT.invalid : EXIT.failed;
  }
  io.err(`throughline: ${(error as Error)?.message ?? String(error)}\n`);
  if (io.env.THROUGHLINE_DEBUG && error instanceof Error && error.stack) io.err(`${error.stack}\n`);
  return EXIT.failed;
}
