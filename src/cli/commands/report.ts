import type { Command } from "commander";
import { isCalendarDate } from "../../domain/primitives.js";
import { analyse } from "../../engine/analyse.js";
import { proposeMoves } from "../../engine/moves/propose-moves.js";
import { offsiteReport } from "../../report/offsite-model.js";
import { paint } from "../format/colour.js";
import { renderMarkdown } from "../format/markdown-report.js";
import { type CliIO, EXIT, UsageError } from "../io.js";
import { readPlanFile } from "../plan-file.js";

export function registerReport(program: Command, io: CliIO, setExit: (code: number) => void): void {
  program
    .command("report")
    .description(
      "the offsite pack: index and dimensions, top moves, findings by priority with their actions, capacity by team, promises and the stop list",
    )
    .argument("<plan>", "a plan file (YAML or JSON)")
    .option("--pdf <file>", "write the pack as a PDF to this file")
    .option("-o, --output <file>", "write the markdown to this file instead of standard output")
    .option("--as-of <date>", "the analysis day (YYYY-MM-DD); default: the plan's asOf, else today")
    .addHelpText(
      "after",
      [
        "",
        "Examples:",
        "  throughline report plan.yaml --pdf offsite.pdf",
        "  throughline report plan.yaml > offsite.md",
        "",
        "Exit codes: 0 written, 1 the file could not be written, 2 invalid input.",
        "",
      ].join("\n"),
    )
    .action(async (file: string, raw: { pdf?: string; output?: string; asOf?: string }) => {
      setExit(await report(file, raw, io));
    });
}

export async function report(
  file: string,
  options: { pdf?: string; output?: string; asOf?: string },
  io: CliIO,
): Promise<number> {
  if (options.asOf !== undefined && !isCalendarDate(options.asOf))
    throw new UsageError(`--as-of must be a real calendar day written YYYY-MM-DD, not "${options.asOf}"`);
  const loaded = await readPlanFile(file, io, paint(io.color));
  if (!loaded) return EXIT.invalid;
  const asOf = options.asOf ?? loaded.plan.asOf ?? io.today();
  const analysis = analyse(loaded.plan, { asOf });
  const { moves } = proposeMoves(loaded.plan, { asOf, previous: analysis });
  const model = offsiteReport(loaded.plan, asOf, analysis, moves);
  if (options.pdf) {
    // pdfkit loads only for a PDF: every other command stays as quick to start as before.
    const { offsitePdf } = await import("../../report/offsite-pdf.js");
    if (!io.writeBytes) throw new UsageError("this command line cannot write binary files");
    await io.writeBytes(options.pdf, await offsitePdf(model));
    io.err(`Wrote the offsite pack to ${options.pdf}\n`);
  }
  const markdown = renderMarkdown(model, true);
  if (options.output) await io.writeFile(options.output, markdown);
  else if (!options.pdf) io.out(markdown);
  return EXIT.ok;
}
