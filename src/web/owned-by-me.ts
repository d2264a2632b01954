import { ownsInitiative, ownsPriority, personIdsFor } from "../domain/ownership";
import type { Item } from "./api";
import { useSession } from "./session";

export type Owns = (collection: "priorities" | "initiatives", id: string) => boolean;

/**
 * Whether the signed-in person owns a priority or an initiative, by the rule the server
 * enforces for contributors (src/domain/ownership.ts), from entries the page already loaded.
 */
export function useOwns(entries: { people: Item[]; priorities: Item[]; initiatives: Item[] }): Owns {
  const email = useSession().user?.email;
  const personIds = email
    ? personIdsFor(email, entries.people as { id: string; email?: string }[])
    : new Set<string>();
  return (collection, id) => {
    if (personIds.size === 0) return false;
    const entry = entries[collection].find((e) => e.id === id);
    if (!entry) return false;
    return collection === "priorities"
      ? ownsPriority(entry as { id: string; owner?: string | string[] }, personIds)
      : ownsInitiative(entry as { owner?: string }, personIds);
  };
}
