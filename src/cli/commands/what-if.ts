import type { Command } from "commander";
import type { PlanChange } from "../../domain/plan-change.js";
import { formatPath } from "../../domain/plan-issue.js";
import type { Plan } from "../../domain/plan-schema.js";
import { isCalendarDate } from "../../domain/primitives.js";
import { toJsonWhatIf } from "../../engine/json-report.js";
import { actionText, freedText } from "../../engine/moves/action-text.js";
import { DIMENSIONS, type Finding } from "../../engine/types.js";
import { whatIf } from "../../engine/what-if/what-if.js";
import { type Paint, paint } from "../format/colour.js";
import { writeJson } from "../format/json-output.js";
import { type CliIO, EXIT, UsageError } from "../io.js";
import { readPlanFile } from "../plan-file.js";

const FORMATS = ["text", "json"] as const;

/** Each change with the option as the user wrote it, so a bad id is reported in their words. */
interface WrittenChange {
  change: PlanChange;
  written: string;
}

export function registerWhatIf(program: Command, io: CliIO, setExit: (code: number) => void): void {
  // The changes in the order they were given, whatever option wrote them.
  const changes: WrittenChange[] = [];
  const add = (flag: string, parse: (value: string) => PlanChange) => (value: string) => {
    changes.push({ change: parse(value), written: `${flag} ${value}` });
    return value;
  };
  program
    .command("what-if")
    .description(
      "the analysis after changes to a plan, without writing anything: FTE freed, index before → after",
    )
    .argument("<plan>", "a plan file (YAML or JSON)")
    .option(
      "--stop <initiative>",
      "stop an initiative (repeatable)",
      add("--stop", (v) => ({ op: "stop", initiative: v })),
    )
    .option(
      "--owner <priority=person>",
      "make a person the priority's owner (repeatable)",
      add("--owner", parseOwner),
    )
    .option(
      "--drop <priority>",
      "retire a priority (repeatable)",
      add("--drop", (v) => ({ op: "drop", priority: v })),
    )
    .option(
      "--move <from:to:team:fte>",
      "move FTE of a team from one initiative to another (repeatable)",
      add("--move", parseMove),
    )
    .option("-f, --format <format>", "text or json", "text")
    .option("--as-of <date>", "the analysis day (YYYY-MM-DD); default: the plan's asOf, else today")
    .addHelpText(
      "after",
      [
        "",
        "Examples:",
        "  throughline what-if plan.yaml --stop legacy-reports",
        "  throughline what-if plan.yaml --owner enterprise-ready=ana --drop customer-experience --format json",
        "  throughline what-if plan.yaml --move brand-refresh:retail-campaign:marketing:3",
        "",
        "Exit codes: 0 the plan after the changes has no errors, 1 it still has errors, 2 invalid input",
        "(an unreadable or invalid plan, or a change naming something the plan does not hold).",
        "",
      ].join("\n"),
    )
    .action(async (file: string, raw: { format: string; asOf?: string }) => {
      setExit(await runWhatIf(file, changes, raw, io));
    });
}

function parseOwner(value: string): PlanChange {
  const [priority, person, ...rest] = value.split("=");
  if (!priority || !person || rest.length)
    throw new UsageError(`--owner takes PRIORITY=PERSON (e.g. --owner enterprise-ready=ana), not "${value}"`);
  return { op: "owner", priority, person };
}

function parseMove(value: string): PlanChange {
  const [from, to, team, amount, ...rest] = value.split(":");
  const fte = Number(amount);
  if (!from || !to || !team || rest.length || !(fte > 0))
    throw new UsageError(
      `--move takes FROM:TO:TEAM:FTE with FTE a number above 0 (e.g. --move brand-refresh:retail-campaign:marketing:3), not "${value}"`,
    );
  return { op: "move", from, to, team, fte };
}

export async function runWhatIf(
  file: string,
  written: readonly WrittenChange[],
  raw: { format: string; asOf?: string },
  io: CliIO,
): Promise<number> {
  if (!(FORMATS as readonly string[]).includes(raw.format))
    throw new UsageError(`--format must be one of ${FORMATS.join(", ")}, not "${raw.format}"`);
  if (raw.asOf !== undefined && !isCalendarDate(raw.asOf))
    throw new UsageError(`--as-of must be a real calendar day written YYYY-MM-DD, not "${raw.asOf}"`);
  if (written.length === 0)
    throw new UsageError("what-if needs at least one change: --stop, --owner, --drop or --move");
  const p = paint(io.color);
  const loaded = await readPlanFile(file, io, p);
  if (!loaded) return EXIT.invalid;
  const asOf = raw.asOf ?? loaded.plan.asOf ?? io.today();
  const result = whatIf(
    loaded.plan,
    written.map((w) => w.change),
    { asOf },
  );
  if (!result.ok) {
    const lines = result.problems.map((problem) => {
      const index = typeof problem.path[1] === "number" ? problem.path[1] : -1;
      // A --move names four things; the others name one, which the option already shows.
      const field = written[index]?.change.op === "move" ? formatPath(problem.path.slice(2)) : "";
      return `${p.bold(file)} ${p.red("error")} ${written[index]?.written ?? formatPath(problem.path)}: ${field ? `${field}: ` : ""}${problem.message}`;
    });
    io.err(`${lines.join("\n")}\n${p.red("✖")} nothing was simulated\n`);
    return EXIT.invalid;
  }
  if (raw.format === "json") {
    let text = "";
    writeJson(toJsonWhatIf(result, loaded.locate), (chunk) => {
      text += chunk;
    });
    io.out(`${text}\n`);
  } else io.out(textWhatIf(file, loaded.plan, written, result, p));
  return result.analysis.findings.some((f) => f.severity === "error") ? EXIT.failed : EXIT.ok;
}

function textWhatIf(
  file: string,
  plan: Plan,
  written: readonly WrittenChange[],
  result: Extract<ReturnType<typeof whatIf>, { ok: true }>,
  p: Paint,
): string {
  const delta = Math.round((result.after.overall - result.before.overall) * 10) / 10;
  const lines = [
    `${p.bold(file)}: what if`,
    ...written.map((w) => `  ${actionText(w.change, plan)}`),
    "",
    `Execution Gap Index ${result.before.overall} → ${p.bold(String(result.after.overall))} (${delta > 0 ? "+" : ""}${delta})`,
  ];
  for (const d of DIMENSIONS) {
    const [b, a] = [result.before.dimensions[d], result.after.dimensions[d]];
    if (b !== a) lines.push(`  ${d.padEnd(16)} ${b} → ${a}`);
  }
  const freed = Object.fromEntries(Object.entries(result.freed).filter(([, n]) => n > 0));
  lines.push(`Freed: ${Object.keys(freed).length ? freedText(freed, plan) : "nothing"}`);
  const loaded = Object.entries(result.freed).filter(([, n]) => n < 0);
  if (loaded.length)
    lines.push(`Newly committed: ${freedText(Object.fromEntries(loaded.map(([t, n]) => [t, -n])), plan)}`);
  const list = (title: string, mark: string, findings: Finding[]) => {
    lines.push("", `${title} (${findings.length})`);
    for (const f of findings) lines.push(`  ${mark} ${f.severity} ${p.dim(f.rule)} ${f.message}`);
  };
  list("Closed", p.green("✔"), result.closed);
  list("Opened", p.red("✖"), result.opened);
  return `${lines.join("\n")}\n`;
}
