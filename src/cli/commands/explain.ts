import type { Command } from "commander";
import { closestName } from "../../domain/unknown-keys.js";
import { RULES } from "../../engine/registry.js";
import type { RuleDefinition } from "../../engine/types.js";
import { paint } from "../format/colour.js";
import { type CliIO, EXIT, UsageError } from "../io.js";

export function registerExplain(program: Command, io: CliIO, setExit: (code: number) => void): void {
  program
    .command("explain")
    .description("why a rule exists, what fires it and how to close it (no rule: list them all)")
    .argument("[rule]", "a rule id, e.g. team-over-capacity")
    .action((id: string | undefined) => {
      setExit(explain(id, io));
    });
}

export function explain(id: string | undefined, io: CliIO): number {
  const p = paint(io.color);
  if (!id) {
    const width = Math.max(...RULES.map((r) => r.id.length));
    io.out(
      `${RULES.map((r) => `${r.id.padEnd(width)}  ${r.severity.padEnd(7)}  ${r.dimension.padEnd(15)}  ${r.summary}`).join("\n")}\n`,
    );
    return EXIT.ok;
  }
  const rule = RULES.find((r) => r.id === id);
  if (!rule) {
    const guess = closestName(
      id,
      RULES.map((r) => r.id),
    );
    throw new UsageError(
      `unknown rule "${id}"${guess ? ` — did you mean "${guess}"?` : ""}. Run \`throughline explain\` to list the rules.`,
    );
  }
  io.out(describeRule(rule, p.bold));
  return EXIT.ok;
}

function describeRule(rule: RuleDefinition, bold: (s: string) => string): string {
  const lines = [
    `${bold(rule.id)} (${rule.severity}, ${rule.dimension})`,
    "",
    `${bold("Fires when")}  ${rule.summary}`,
    "",
    `${bold("Why it matters")}  ${rule.rationale}`,
    "",
    `${bold("How to close it")}  ${rule.howToClose}`,
  ];
  const thresholds = Object.entries(rule.thresholds.shape);
  if (thresholds.length) {
    const defaults = rule.thresholds.parse({}) as Record<string, unknown>;
    lines.push("", bold("Thresholds (override in the plan's `rules:` section)"));
    for (const [name, schema] of thresholds)
      lines.push(
        `  ${name} = ${String(defaults[name])}  ${(schema as { description?: string }).description ?? ""}`.trimEnd(),
      );
    lines.push(
      "",
      `  e.g. rules: { ${rule.id}: { ${thresholds[0][0]}: ${String(defaults[thresholds[0][0]])} } }`,
    );
  }
  lines.push(
    "",
    `Turn it off with  rules: { ${rule.id}: off }  or change its severity with  rules: { ${rule.id}: info }`,
  );
  return `${lines.join("\n")}\n`;
}
