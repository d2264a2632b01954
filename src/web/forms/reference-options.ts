import type { ReferenceTarget } from "./field-hints";

/** One choice in a picker: the id it stores and the words a person recognises. */
export interface Option {
  value: string;
  label: string;
}

export type ReferenceOptions = Record<ReferenceTarget, Option[]>;

type Listed = { id?: unknown; name?: unknown; title?: unknown; summary?: unknown; date?: unknown };

const LONGEST = 80;

/** The pickers' choices, from the plan as GET /plan returns it (loaded once per page). */
export function referenceOptions(plan: Record<string, unknown>): ReferenceOptions {
  const list = (section: string, label: (x: Listed) => unknown): Option[] =>
    ((plan[section] ?? []) as Listed[]).map((x) => {
      const text = String(label(x) ?? x.id);
      return { value: String(x.id), label: text.length > LONGEST ? `${text.slice(0, LONGEST - 1)}…` : text };
    });
  return {
    people: list("people", (x) => x.name),
    teams: list("teams", (x) => x.name),
    priorities: list("priorities", (x) => x.title),
    metrics: list("metrics", (x) => x.name),
    initiatives: list("initiatives", (x) => x.title),
    insights: list("insights", (x) => `${String(x.date)}: ${String(x.summary)}`),
  };
}

/** The label of an id, or the id itself when it names nothing in the plan. */
export function optionLabel(options: readonly Option[], value: string): string {
  return options.find((o) => o.value === value)?.label ?? value;
}
