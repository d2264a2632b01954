import { z } from "zod";
import { dateSchema, idSchema } from "./primitives.js";

/*
 * The changes a what-if simulates and a move proposes (shared spec interfaces.md, "What-if and
 * moves"): one schema validates the API body, types the engine, and documents both in OpenAPI.
 */

const fteAmount = z.number().finite().positive({ message: "must be more than 0" });

export const stopChangeSchema = z
  .strictObject({
    op: z.literal("stop"),
    initiative: idSchema,
    /**
     * The priorities the stop makes room for (recorded as stops linked to them). Additive to the
     * contract; default: the live priorities the initiative serves.
     */
    priorities: z.array(idSchema).optional(),
  })
  .describe("Stop an initiative: status stopped, its allocations freed, a stop recorded");

export const ownerChangeSchema = z
  .strictObject({
    op: z.literal("owner"),
    priority: idSchema,
    person: idSchema,
  })
  .describe("Make one person the single owner of a priority");

export const dropChangeSchema = z
  .strictObject({
    op: z.literal("drop"),
    priority: idSchema,
  })
  .describe("Retire a priority");

export const moveChangeSchema = z
  .strictObject({
    op: z.literal("move"),
    from: idSchema,
    to: idSchema,
    team: idSchema,
    fte: fteAmount,
  })
  .describe("Move FTE of one team's allocation from one initiative to another");

export const planChangeSchema = z.discriminatedUnion("op", [
  stopChangeSchema,
  ownerChangeSchema,
  dropChangeSchema,
  moveChangeSchema,
]);

export type StopChange = z.infer<typeof stopChangeSchema>;
export type OwnerChange = z.infer<typeof ownerChangeSchema>;
export type DropChange = z.infer<typeof dropChangeSchema>;
export type MoveChange = z.infer<typeof moveChangeSchema>;
export type PlanChange = z.infer<typeof planChangeSchema>;
export const PLAN_CHANGE_OPS = ["stop", "owner", "drop", "move"] as const;

/** `POST /what-if` and `POST /apply`: at most 100 changes, so one request cannot stall a server. */
export const planChangesBody = z.strictObject({
  changes: z.array(planChangeSchema).min(1, { message: "must hold at least one change" }).max(100),
  asOf: dateSchema.optional(),
});
export type PlanChangesBody = z.infer<typeof planChangesBody>;

/** A change as one line a person reads: `stop legacy-reports`, `owner enterprise-ready=ana`. */
export function describeChange(change: PlanChange): string {
  switch (change.op) {
    case "stop":
      return `stop ${change.initiative}${change.priorities?.length ? ` (for ${change.priorities.join(", ")})` : ""}`;
    case "owner":
      return `owner ${change.priority}=${change.person}`;
    case "drop":
      return `drop ${change.priority}`;
    case "move":
      return `move ${change.fte} FTE of ${change.team} from ${change.from} to ${change.to}`;
  }
}

/** The key two equal changes share (a stop's priorities aside: one initiative is stopped once). */
export function changeKey(change: PlanChange): string {
  switch (change.op) {
    case "stop":
      return `stop:${change.initiative}`;
    case "owner":
      return `owner:${change.priority}:${change.person}`;
    case "drop":
      return `drop:${change.priority}`;
    case "move":
      return `move:${change.from}:${change.to}:${change.team}:${change.fte}`;
  }
}
