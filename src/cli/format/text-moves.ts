import type { Plan } from "../../domain/plan-schema.js";
import type { JsonMove } from "../../engine/json-report.js";
import { freedText } from "../../engine/moves/action-text.js";
import type { Paint } from "./colour.js";

/** `lint --moves` in text: each move, in the order to take it, with what it frees and closes. */
export function textMoves(indexBefore: number, moves: readonly JsonMove[], plan: Plan, p: Paint): string {
  if (moves.length === 0) return `${p.bold("Moves:")} none found that lowers the index.\n`;
  const lines = [`${p.bold("Moves")}, in the order to take them (index now ${indexBefore}):`];
  moves.forEach((m, i) => {
    const freed = Object.fromEntries(Object.entries(m.freed).filter(([, n]) => n > 0));
    lines.push(
      `  ${i + 1}. ${m.summary}`,
      `     → index ${p.bold(String(m.indexAfter))}, closes ${m.closes.length} ${m.closes.length === 1 ? "finding" : "findings"}${Object.keys(freed).length ? `, frees ${freedText(freed, plan)}` : ""}`,
    );
    for (const f of m.closes) lines.push(`       ${p.green("✔")} ${p.dim(f.rule)} ${f.message}`);
    for (const f of m.opens) lines.push(`       ${p.red("✖")} opens ${p.dim(f.rule)} ${f.message}`);
  });
  return `${lines.join("\n")}\n`;
}
