import type { Command } from "commander";
import type { ConvertOptions } from "../../convert/index.js";
import { CONVERT_FORMATS, type ConvertFormat } from "../../convert/report.js";
import { isCalendarDate } from "../../domain/primitives.js";
import { serialisePlan } from "../../plan/serialise-plan.js";
import { type CliIO, EXIT, UsageError } from "../io.js";

interface RawConvertOptions {
  from: string;
  output?: string;
  report?: string;
  cycleStart?: string;
  cycleEnd?: string;
  fiscalYearStart?: string;
  map?: string[];
  link?: string;
}

export interface ConvertCommandOptions extends ConvertOptions {
  from: ConvertFormat | "auto";
  output?: string;
  report?: string;
}

export function registerConvert(program: Command, io: CliIO, setExit: (code: number) => void): void {
  program
    .command("convert")
    .description(
      "turn a strategy document (markdown OKRs, an OKR spreadsheet, a tracker export) into a plan file, with a report of what was mapped, assumed and needs confirmation",
    )
    .argument("<file>", "the document (.md, .mdx, .csv, .xlsx)")
    .option("--from <format>", `auto, ${CONVERT_FORMATS.join(", ")}`, "auto")
    .option("-o, --output <plan>", "write the plan here (.yaml or .json); default: standard output")
    .option("--report <report.json>", "write the conversion report (JSON) here")
    .option("--cycle-start <date>", "the cycle's first day (YYYY-MM-DD), with --cycle-end")
    .option("--cycle-end <date>", "the cycle's last day (YYYY-MM-DD), with --cycle-start")
    .option("--fiscal-year-start <MM>", "the month your fiscal year starts (1-12), for labels like FY21-Q3")
    .option("--map <column=field...>", "spreadsheet columns: read COLUMN as FIELD")
    .option("--link <column>", "tracker exports: the column that links an issue to a priority")
    .addHelpText(
      "after",
      "\nThe summary (counts, assumptions, what needs confirmation) goes to standard error.\nExit codes: 0 converted, 2 the document could not be read (nothing is written).\n",
    )
    .action(async (file: string, raw: RawConvertOptions) => {
      setExit(await convert(file, parseConvertOptions(raw, io.today()), io));
    });
}

export function parseConvertOptions(raw: RawConvertOptions, today: string): ConvertCommandOptions {
  const from = raw.from as ConvertCommandOptions["from"];
  if (from !== "auto" && !(CONVERT_FORMATS as readonly string[]).includes(from))
    throw new UsageError(`--from must be auto or one of ${CONVERT_FORMATS.join(", ")}, not "${raw.from}"`);
  if ((raw.cycleStart === undefined) !== (raw.cycleEnd === undefined))
    throw new UsageError("--cycle-start and --cycle-end go together: give both, or neither");
  for (const [flag, value] of [
    ["--cycle-start", raw.cycleStart],
    ["--cycle-end", raw.cycleEnd],
  ] as const)
    if (value !== undefined && !isCalendarDate(value))
      throw new UsageError(`${flag} must be a real calendar day written YYYY-MM-DD, not "${value}"`);
  if (raw.cycleStart && raw.cycleEnd && raw.cycleStart > raw.cycleEnd)
    throw new UsageError(`--cycle-start ${raw.cycleStart} is after --cycle-end ${raw.cycleEnd}`);
  let fiscalYearStart: number | undefined;
  if (raw.fiscalYearStart !== undefined) {
    fiscalYearStart = Number(raw.fiscalYearStart);
    if (!/^\d{1,2}$/.test(raw.fiscalYearStart) || fiscalYearStart < 1 || fiscalYearStart > 12)
      throw new UsageError(
        `--fiscal-year-start must be a month number from 01 to 12, not "${raw.fiscalYearStart}"`,
      );
  }
  const map: Record<string, string> = {};
  for (const pair of raw.map ?? []) {
    const at = pair.lastIndexOf("=");
    if (at <= 0 || at === pair.length - 1) throw new UsageError(`--map takes COLUMN=FIELD, not "${pair}"`);
    map[pair.slice(0, at).trim()] = pair.slice(at + 1).trim();
  }
  return {
    from,
    today,
    ...(raw.output ? { output: raw.output } : {}),
    ...(raw.report ? { report: raw.report } : {}),
    ...(raw.cycleStart ? { cycleStart: raw.cycleStart, cycleEnd: raw.cycleEnd } : {}),
    ...(fiscalYearStart ? { fiscalYearStart } : {}),
    ...(Object.keys(map).length ? { map } : {}),
    ...(raw.link ? { linkColumn: raw.link } : {}),
  };
}

/** Converts one document; returns the exit code. Nothing is written unless the conversion succeeds. */
export async function convert(file: string, options: ConvertCommandOptions, io: CliIO): Promise<number> {
  let bytes: Uint8Array;
  try {
    bytes = io.readBytes ? await io.readBytes(file) : new TextEncoder().encode(await io.readFile(file));
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new UsageError(
      `cannot read ${file}: ${code === "ENOENT" ? "no such file" : code === "EISDIR" ? "it is a folder" : (error as Error).message}`,
    );
  }
  // Loaded on demand: the markdown parser is not something `lint` should pay for at start.
  const { ConvertError, convertDocument } = await import("../../convert/index.js");
  let result: Awaited<ReturnType<typeof convertDocument>>;
  try {
    result = await convertDocument(file, bytes, options.from, options);
  } catch (error) {
    if (error instanceof ConvertError) {
      io.err(
        `throughline: ${error.line ? `${file}:${error.line}: ` : ""}${error.message}; nothing was written\n`,
      );
      return EXIT.invalid;
    }
    throw error;
  }
  const format = options.output && /\.json$/i.test(options.output) ? "json" : "yaml";
  const planText = serialisePlan(result.plan, format);
  if (options.report) await io.writeFile(options.report, `${JSON.stringify(result.report, null, 2)}\n`);
  if (options.output) await io.writeFile(options.output, planText);
  else io.out(planText);
  io.err(`${result.summary.join("\n")}\n`);
  if (options.output)
    io.err(
      `Wrote ${options.output}${options.report ? ` and ${options.report}` : ""}. Next: throughline lint ${options.output}\n`,
    );
  return EXIT.ok;
}
