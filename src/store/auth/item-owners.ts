import type { Kysely } from "kysely";
import {
  type OwnableCollection,
  ownsInitiative,
  ownsMetric,
  ownsPriority,
  personIdsFor,
} from "../../server/auth/ownership.js";
import type { Database } from "../schema.js";

type Data = Record<string, unknown>;

/**
 * Whether the user with `email` owns an item of the workspace (rules in server/auth/ownership.ts);
 * undefined when the item does not exist.
 */
export async function ownsItem(
  db: Kysely<Database>,
  workspaceId: string,
  collection: OwnableCollection,
  itemId: string,
  email: string,
): Promise<boolean | undefined> {
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
  const personIds = personIdsFor(
    email,
    people.map((p) => p.data as { id: string; email?: string }),
  );
  if (personIds.size === 0) return false;
  if (collection === "priorities")
    return ownsPriority(item as { id: string; owner?: string | string[] }, personIds);
  if (collection === "initiatives") return ownsInitiative(item as { owner?: string }, personIds);
  const linked = Array.isArray(item.priorities) ? (item.priorities as string[]) : [];
  if (linked.length === 0) return false;
  const priorities = await db
    .selectFrom("priorities")
    .select("data")
    .where("workspace_id", "=", workspaceId)
    .where("id", "in", linked)
    .execute();
  return ownsMetric(
    { priorities: linked },
    priorities.map((p) => p.data as { id: string; owner?: string | string[] }),
    personIds,
  );
}
