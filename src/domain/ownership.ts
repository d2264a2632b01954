/*
 * What a contributor owns. A user is a plan person when the person's `email` matches the
 * user's e-mail (case-insensitively). They own a priority whose owner is that person (or a list
 * that includes them), an initiative whose owner is that person, and a metric whose `owner` is
 * that person — or, for a metric without an owner, one linked to a priority they own. Here in the domain because the server
 * enforces it and the web app shows contributors the forms it allows: one reading for both.
 */

export type OwnableCollection = "priorities" | "initiatives" | "metrics";
export const OWNABLE: readonly OwnableCollection[] = ["priorities", "initiatives", "metrics"];

export interface PersonLike {
  id: string;
  email?: string | null;
}
export interface PriorityLike {
  id: string;
  owner?: string | string[] | null;
}

/** The plan person ids that stand for this e-mail address in a workspace. */
export function personIdsFor(email: string, people: readonly PersonLike[]): Set<string> {
  const wanted = email.trim().toLowerCase();
  const ids = new Set<string>();
  for (const person of people)
    if (person.email && person.email.trim().toLowerCase() === wanted) ids.add(person.id);
  return ids;
}

export function ownsPriority(
  priority: { id?: string; owner?: string | string[] | null },
  personIds: ReadonlySet<string>,
): boolean {
  const owner = priority.owner;
  if (typeof owner === "string") return personIds.has(owner);
  return Array.isArray(owner) && owner.some((id) => personIds.has(id));
}

export function ownsInitiative(
  initiative: { owner?: string | string[] | null },
  personIds: ReadonlySet<string>,
): boolean {
  return ownsPriority(initiative, personIds);
}

export function ownsMetric(
  metric: { priorities?: string[] | null; owner?: string | null },
  priorities: readonly PriorityLike[],
  personIds: ReadonlySet<string>,
): boolean {
  // A named owner is the one who checks in; the priority's owner no longer is.
  if (metric.owner) return personIds.has(metric.owner);
  const linked = new Set(metric.priorities ?? []);
  return priorities.some((priority) => linked.has(priority.id) && ownsPriority(priority, personIds));
}

/** Decides ownership of one item from the facts the store gathered (store/auth/item-owners.ts). */
export function ownsFromFacts(
  collection: OwnableCollection,
  email: string,
  facts: {
    item: Record<string, unknown>;
    people: readonly PersonLike[];
    linkedPriorities: readonly PriorityLike[];
  },
): boolean {
  const personIds = personIdsFor(email, facts.people);
  if (personIds.size === 0) return false;
  if (collection === "priorities") return ownsPriority(facts.item as unknown as PriorityLike, personIds);
  if (collection === "initiatives") return ownsInitiative(facts.item as { owner?: string | null }, personIds);
  return ownsMetric(
    facts.item as { priorities?: string[] | null; owner?: string | null },
    facts.linkedPriorities,
    personIds,
  );
}

export interface MetricLike {
  id: string;
  owner?: string | null;
  priorities?: string[] | null;
}

/** The metrics a signed-in person owns in a plan (the rows of their check-in form). */
export function metricsOwnedBy<M extends MetricLike>(
  email: string,
  plan: { people: readonly PersonLike[]; priorities: readonly PriorityLike[]; metrics?: readonly M[] | null },
): M[] {
  const personIds = personIdsFor(email, plan.people);
  if (personIds.size === 0) return [];
  return (plan.metrics ?? []).filter((m) => ownsMetric(m, plan.priorities, personIds));
}
