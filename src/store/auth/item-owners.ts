import type { Kysely } from "kysely";
import type { Database } from "../schema.js";

type Data = Record<string, unknown>;

export interface OwnershipFacts {
  item: Data;
  /** The workspace's people (id, email). */
  people: { id: string; email?: string }[];
  /** For a metric: the priorities it is linked to. */
  linkedPriorities: { id: string; owner?: string | string[] }[];
}

/** What deciding ownership of an item needs; undefined when the item does not exist. */
export async function ownershipFacts(
  db: Kysely<Database>,
  workspaceId: string,
  collection: "priorities" | "initiatives" | "metrics",
  itemId: string,
): Promise<OwnershipFacts | undefined> {
  const row = await db
    .selectFrom(collection)
    .select("data")
    .where("workspace_id", "=", workspaceId)
    .where("id", "=", itemId)
    .executeTakeFirst();
  if (!row) return undefined;
  const item = row.data as Data;
  const people = await db
    .selectFrom("people")
    .select("data")
    .where("workspace_id", "=", workspaceId)
    .execute();
  const linked =
    collection === "metrics" && Array.isArray(item.priorities) ? (item.priorities as string[]) : [];
  const priorities =
    linked.length === 0
      ? []
      : await db
          .selectFrom("priorities")
          .select("data")
          .where("workspace_id", "=", workspaceId)
          .where("id", "in", linked)
          .execute();
  return {
    item,
    people: people.map((p) => p.data as { id: string; email?: string }),
    linkedPriorities: priorities.map((p) => p.data as { id: string; owner?: string | string[] }),
  };
}
