import { ENTITY_SECTIONS, type EntitySection } from "../domain/entity-sections.js";
import type { Plan } from "../domain/plan-schema.js";

/*
 * Merging a converted plan into a workspace's plan (docs/decisions.md, "Importing a converted
 * document"): entries are matched by id; an imported entry adds what is new and updates the
 * fields it carries on one that exists, keeping the fields it does not carry; every entry the
 * import does not mention is kept. The workspace keeps its organisation name and cycle.
 * Pure: the store validates the result and writes it in one transaction.
 */

type Section = EntitySection;

export interface MergeCounts {
  added: number;
  updated: number;
  kept: number;
}

export type MergeSummary = Partial<Record<Section, MergeCounts>>;

type Entry = { id: string } & Record<string, unknown>;

export function mergePlans(base: Plan, incoming: Plan): { plan: Plan; summary: MergeSummary } {
  const plan = structuredClone(base);
  const sections = plan as unknown as Record<Section, Entry[] | undefined>;
  const summary: MergeSummary = {};
  for (const section of ENTITY_SECTIONS) {
    const add = (incoming as unknown as Record<Section, Entry[] | undefined>)[section] ?? [];
    const existing = sections[section] ?? [];
    if (add.length === 0 && existing.length === 0) continue;
    const index = new Map(existing.map((e, i) => [e.id, i]));
    const counts: MergeCounts = { added: 0, updated: 0, kept: existing.length };
    for (const entry of add) {
      const at = index.get(entry.id);
      if (at === undefined) {
        index.set(entry.id, existing.push(structuredClone(entry)) - 1);
        counts.added++;
        continue;
      }
      const before = existing[at] as Entry;
      existing[at] = mergeEntry(before, entry);
      counts.updated++;
      counts.kept--;
    }
    sections[section] = existing;
    summary[section] = counts;
  }
  return { plan, summary };
}

/** Fields the import carries win; check-ins are a series, so they are joined by date instead. */
function mergeEntry(before: Entry, incoming: Entry): Entry {
  const merged: Entry = { ...before, ...structuredClone(incoming) };
  const a = before.checkins as { date: string }[] | undefined;
  const b = incoming.checkins as { date: string }[] | undefined;
  if (a && b) {
    const byDate = new Map(a.map((c) => [c.date, c]));
    for (const c of b) byDate.set(c.date, c);
    merged.checkins = [...byDate.values()].sort((x, y) => x.date.localeCompare(y.date));
  }
  return merged;
}
