/*
 * Reading a labelled OKR folder (labels.tsv, as ../shared/real-okrs/README.md describes it):
 * one row per objective with its title, whether readers called it a bare theme, example key
 * results separated by "||" and the counts of key-result kinds.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { KeyResultKind } from "../../src/engine/classify/index.js";

export interface LabelledObjective {
  source: string;
  id: string;
  title: string;
  /** undefined when the objective has no title ("n/a"). */
  theme: boolean | undefined;
  /** The example key results written for this objective (may be fewer than it has). */
  examples: string[];
  /** How many of its key results readers gave each kind. */
  kinds: Map<KeyResultKind, number>;
}

const KINDS: ReadonlySet<string> = new Set(["outcome", "output", "vague", "placeholder", "pointer"]);

/** "2 outcome, 1 output" → {outcome: 2, output: 1}; "0 KRs" → {}. */
export function parseKinds(cell: string): Map<KeyResultKind, number> {
  const kinds = new Map<KeyResultKind, number>();
  for (const part of cell.split(",")) {
    const m = /^\s*(\d+)\s+(\w+)\s*$/.exec(part);
    if (m && KINDS.has(m[2]) && Number(m[1]) > 0) kinds.set(m[2] as KeyResultKind, Number(m[1]));
  }
  return kinds;
}

/** Example key results: split on "||"; notes in parentheses and elisions are not examples. */
export function parseExamples(cell: string): string[] {
  if (cell.trim().startsWith("(")) return [];
  return cell
    .split("||")
    .map((e) => e.replace(/^\s*(?:\.\.\.|…)\s*/, "").trim())
    .filter((e) => e.length > 0);
}

/** The rows of `dir`/labels.tsv, by column name. */
export function readLabels(dir: string): LabelledObjective[] {
  const [header, ...lines] = readFileSync(join(dir, "labels.tsv"), "utf8").split(/\r?\n/);
  const cols = header.split("\t");
  const at = (name: string) => {
    const i = cols.indexOf(name);
    if (i < 0) throw new Error(`labels.tsv has no column "${name}"`);
    return i;
  };
  const c = {
    source: at("source"),
    id: at("objective_id"),
    title: at("objective_title"),
    theme: at("theme_like"),
    examples: at("kr_examples"),
    kinds: at("kr_kinds"),
  };
  return lines
    .filter((l) => l.trim().length > 0)
    .map((line) => {
      const cells = line.split("\t");
      const theme = cells[c.theme]?.trim();
      return {
        source: cells[c.source],
        id: cells[c.id],
        title: cells[c.title] ?? "",
        theme: theme === "yes" ? true : theme === "no" ? false : undefined,
        examples: parseExamples(cells[c.examples] ?? ""),
        kinds: parseKinds(cells[c.kinds] ?? ""),
      };
    });
}
