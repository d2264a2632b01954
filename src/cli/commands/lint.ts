import type { Command } from "commander";
import { isCalendarDate } from "../../domain/primitives.js";
import { analyse } from "../../engine/analyse.js";
import { populationOf, subjectNamer } from "../../engine/finding-groups.js";
import { type JsonMove, type JsonReport, toJsonMoves, toJsonReport } from "../../engine/json-report.js";
import { proposeMoves } from "../../engine/moves/propose-moves.js";
import { loadPlan } from "../../plan/load-plan.js";
import { paint } from "../format/colour.js";
import { writeJson } from "../format/json-output.js";
import { markdownReport } from "../format/markdown-report.js";
import { textMoves } from "../format/text-moves.js";
import { describeProblem, textFindings, textProblems, textSummary } from "../format/text-report.js";
import { type CliIO, EXIT, UsageError } from "../io.js";

const FORMATS = ["text", "json", "markdown"] as const;
type Format = (typeof FORMATS)[number];

export interface LintOptions {
  format: Format;
  asOf?: string;
  maxWarnings?: number;
  /** Also propose the coherent set of moves (engine/moves/propose-moves.ts). */
  moves?: boolean;
  /** List every finding of a rule that fires on many subjects (text output). */
  expand?: boolean;
}

type FileResult =
  | { file: string; ok: true; report: JsonReport & { moves?: JsonMove[] }; markdown?: string }
  | { file: string; ok: false; problems: ReturnType<typeof jsonProblems> };

export function registerLint(program: Command, io: CliIO, setExit: (code: number) => void): void {
  program
    .command("lint")
    .description("validate plan files and report every execution gap, with the action that closes it")
    .argument("<file...>", "plan files (YAML or JSON)")
    .option("-f, --format <format>", "text, json or markdown", "text")
    .option(
      "--as-of <date>",
      "the day the analysis treats as today (YYYY-MM-DD); default: the plan's asOf, else today",
    )
    .option("--max-warnings <n>", "exit 1 when there are more warnings than this")
    .option("--moves", "also propose the few moves that close most of the gap, in the order to take them")
    .option(
      "--expand",
      "list each finding of a rule that fires on many subjects, instead of one line for them",
    )
    .addHelpText(
      "after",
      "\nExit codes: 0 no errors, 1 the analysis found errors (or too many warnings), 2 invalid input.\n",
    )
    .action(async (files: string[], raw: RawLintOptions) => {
      setExit(await lint(files, parseLintOptions(raw), io));
    });
}

type RawLintOptions = {
  format: string;
  asOf?: string;
  maxWarnings?: string;
  moves?: boolean;
  expand?: boolean;
};

export function parseLintOptions(raw: RawLintOptions): LintOptions {
  if (!(FORMATS as readonly string[]).includes(raw.format))
    throw new UsageError(`--format must be one of ${FORMATS.join(", ")}, not "${raw.format}"`);
  if (raw.asOf !== undefined && !isCalendarDate(raw.asOf))
    throw new UsageError(`--as-of must be a real calendar day written YYYY-MM-DD, not "${raw.asOf}"`);
  let maxWarnings: number | undefined;
  if (raw.maxWarnings !== undefined) {
    maxWarnings = Number(raw.maxWarnings);
    if (!Number.isInteger(maxWarnings) || maxWarnings < 0)
      throw new UsageError(`--max-warnings must be a whole number of 0 or more, not "${raw.maxWarnings}"`);
  }
  return {
    format: raw.format as Format,
    asOf: raw.asOf,
    maxWarnings,
    moves: raw.moves === true,
    expand: raw.expand === true,
  };
}

function jsonProblems(problems: { path: readonly (string | number)[]; line?: number; column?: number }[]) {
  return problems.map((p) => ({
    line: p.line ?? 1,
    column: p.column ?? 1,
    path: [...p.path],
    message: describeProblem(p as Parameters<typeof describeProblem>[0]),
  }));
}

/** Lints each file; returns the exit code. Invalid files print their problems and no analysis. */
export async function lint(files: readonly string[], options: LintOptions, io: CliIO): Promise<number> {
  const p = paint(io.color);
  const results: FileResult[] = [];
  let text = "";
  for (const file of files) {
    let source: string;
    try {
      source = await io.readFile(file);
    } catch (error) {
      const reason =
        (error as NodeJS.ErrnoException).code === "ENOENT" ? "no such file" : (error as Error).message;
      const problems = [{ path: [], message: `cannot read the file: ${reason}`, line: 1, column: 1 }];
      results.push({ file, ok: false, problems: jsonProblems(problems) });
      if (options.format === "text") text += textProblems(file, problems, p);
      continue;
    }
    const loaded = loadPlan(source, { fileName: file });
    if (!loaded.ok) {
      results.push({ file, ok: false, problems: jsonProblems(loaded.problems) });
      if (options.format === "text") text += textProblems(file, loaded.problems, p);
      continue;
    }
    const asOf = options.asOf ?? loaded.plan.asOf ?? io.today();
    const result = analyse(loaded.plan, { asOf });
    const report: JsonReport & { moves?: JsonMove[] } = toJsonReport(result, loaded.locate);
    const moves = options.moves ? proposeMoves(loaded.plan, { asOf, previous: result }).moves : undefined;
    if (moves) report.moves = toJsonMoves(moves, loaded.plan, loaded.locate);
    results.push({
      file,
      ok: true,
      report,
      markdown:
        options.format === "markdown" ? markdownReport(loaded.plan, asOf, result, { moves }) : undefined,
    });
    if (options.format === "text") {
      text +=
        textFindings(file, report, p, {
          expand: options.expand,
          population: populationOf(loaded.plan, asOf),
          nameOf: subjectNamer(loaded.plan),
        }) + textSummary(file, report, p);
      if (report.moves) text += textMoves(report.index.overall, report.moves, loaded.plan, p);
    }
  }

  if (options.format === "text") io.out(text);
  else if (options.format === "markdown") {
    io.out(
      results
        .map((r) =>
          r.ok
            ? (r.markdown ?? "")
            : `# ${r.file}: not a valid plan\n\n${r.problems.map((x) => `- line ${x.line}, column ${x.column}: ${x.message}`).join("\n")}\n`,
        )
        .join("\n---\n\n"),
    );
  } else {
    // One file: the contract object itself. Several: one object per file, each naming its file.
    const shaped = results.map((r) => (r.ok ? r.report : { valid: false, problems: r.problems }));
    const body = files.length === 1 ? shaped[0] : results.map((r, i) => ({ file: r.file, ...shaped[i] }));
    // Written in pieces, not as one string: on large plans the report is megabytes.
    let pending = "";
    writeJson(body, (chunk) => {
      pending += chunk;
      if (pending.length >= 64 * 1024) {
        io.out(pending);
        pending = "";
      }
    });
    io.out(`${pending}\n`);
  }

  if (results.some((r) => !r.ok)) return EXIT.invalid;
  const findings = results.flatMap((r) => (r.ok ? r.report.findings : []));
  if (findings.some((f) => f.severity === "error")) return EXIT.failed;
  const warnings = findings.filter((f) => f.severity === "warning").length;
  if (options.maxWarnings !== undefined && warnings > options.maxWarnings) {
    io.err(`${warnings} warnings, more than --max-warnings ${options.maxWarnings}\n`);
    return EXIT.failed;
  }
  return EXIT.ok;
}
