import type { EntitySection, Metric, Plan } from "../domain/plan-schema.js";

/*
 * A plan in the database: the workspace row holds the top-level fields, one table per entity
 * section holds the entries (plan-format objects in `data`, ordered by `position`), and a
 * metric's check-ins and definition history live in their own append-only tables.
 */

export type Item = Record<string, unknown> & { id: string };

/** Top-level plan fields kept on the workspace row. */
export interface WorkspaceFields {
  organisation: string;
  asOf?: string;
  cycle: Plan["cycle"];
  rules?: Plan["rules"];
  /** Top-level x- keys. */
  extensions?: Record<string, unknown>;
}

export function workspaceFieldsOf(plan: Plan): WorkspaceFields {
  const extensions = Object.fromEntries(Object.entries(plan).filter(([k]) => k.startsWith("x-")));
  return {
    organisation: plan.organisation,
    asOf: plan.asOf,
    cycle: plan.cycle,
    rules: plan.rules,
    extensions: Object.keys(extensions).length ? extensions : undefined,
  };
}

/** What an entity's row stores: the entry without the parts kept in their own tables. */
export function rowData(section: EntitySection, item: Item): Item {
  if (section !== "metrics") return item;
  const { checkins: _c, history: _h, ...rest } = item as Item & Partial<Metric>;
  return rest as Item;
}

/** Sections in plan-file order (people before teams…), the order a plan is assembled in. */
export function sectionItems(plan: Plan, section: EntitySection): Item[] {
  return ((plan[section] ?? []) as unknown as Item[]).slice();
}

/** Same JSON, key order aside: whether a write changed an entry. */
export function sameData(a: unknown, b: unknown): boolean {
  return stableJson(a) === stableJson(b);
}

function stableJson(value: unknown): string {
  return JSON.stringify(value, (_key, v) =>
    v && typeof v === "object" && !Array.isArray(v)
      ? Object.fromEntries(
          Object.entries(v as Record<string, unknown>).sort(([x], [y]) => (x < y ? -1 : x > y ? 1 : 0)),
        )
      : v,
  );
}
