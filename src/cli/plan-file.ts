import { type LoadedPlan, loadPlan } from "../plan/load-plan.js";
import type { Paint } from "./format/colour.js";
import { textProblems } from "./format/text-report.js";
import type { CliIO } from "./io.js";

/**
 * Reads and validates one plan file for the commands that take exactly one (what-if, report).
 * An unreadable or invalid file prints every problem at its line:column and gives undefined:
 * the command then exits 2 without analysing anything.
 */
export async function readPlanFile(file: string, io: CliIO, p: Paint): Promise<LoadedPlan | undefined> {
  let source: string;
  try {
    source = await io.readFile(file);
  } catch (error) {
    const reason =
      (error as NodeJS.ErrnoException).code === "ENOENT" ? "no such file" : (error as Error).message;
    io.err(
      textProblems(file, [{ path: [], message: `cannot read the file: ${reason}`, line: 1, column: 1 }], p),
    );
    return undefined;
  }
  const loaded = loadPlan(source, { fileName: file });
  if (!loaded.ok) {
    io.err(textProblems(file, loaded.problems, p));
    return undefined;
  }
  return loaded;
}
