import type { FastifyInstance } from "fastify";
import { AppError } from "../domain/errors.js";
import { findUnsafeInput } from "../domain/primitives.js";

/*
 * Before any route validates or copies a request: a body nested absurdly deep is refused as
 * unreadable (400), and NUL characters or lone surrogates in the body, the query or the path
 * as a 422 naming the field — the same check plan files get (domain/primitives.ts), so
 * nothing that PostgreSQL or an export would choke on gets in by either door.
 */
export function installUnsafeInputCheck(app: FastifyInstance): void {
  app.addHook("preValidation", async (request) => {
    const parts = [
      ["body", request.body],
      ["query", request.query],
      ["params", request.params],
    ] as const;
    for (const [where, value] of parts) {
      // Plan uploads arrive as text; the plan loader checks them after parsing, with line:column.
      if (where === "body" && typeof value === "string") continue;
      const unsafe = findUnsafeInput(value);
      if (!unsafe) continue;
      if (unsafe.kind === "nesting")
        throw new AppError(
          "malformed_request",
          `The request ${where} ${unsafe.message}; nothing was changed`,
        );
      throw new AppError("invalid_request", `The request ${where} is not valid; nothing was changed`, {
        problems: [
          { path: where === "body" ? unsafe.path : [where, ...unsafe.path], message: unsafe.message },
        ],
      });
    }
  });
}
