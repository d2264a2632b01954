import type { Command } from "commander";
import { AppError } from "../../domain/errors.js";
import { loadPlan } from "../../plan/load-plan.js";
import { serialisePlan } from "../../plan/serialise-plan.js";
import { paint } from "../format/colour.js";
import { textProblems } from "../format/text-report.js";
import { type CliIO, EXIT, UsageError } from "../io.js";
import { openCliStore, withDataOption } from "./database-options.js";

export function registerImportExport(program: Command, io: CliIO, setExit: (code: number) => void): void {
  withDataOption(
    program
      .command("import")
      .description("load a plan file into a workspace, atomically (an invalid file changes nothing)")
      .argument("<file>", "a plan file (YAML or JSON)")
      .requiredOption(
        "-w, --workspace <slug>",
        "the workspace (created, named after the plan's organisation, if missing)",
      ),
  ).action(async (file: string, options: { workspace: string; data: string }) => {
    setExit(await importPlan(file, options, io));
  });

  withDataOption(
    program
      .command("export")
      .description("write a workspace as a plan file to standard output")
      .requiredOption("-w, --workspace <slug>", "the workspace")
      .option("-f, --format <format>", "yaml or json", "yaml"),
  ).action(async (options: { workspace: string; format: string; data: string }) => {
    setExit(await exportPlan(options, io));
  });

  withDataOption(
    program.command("migrate").description("apply database migrations (serve also does this on start)"),
  ).action(async (options: { data: string }) => {
    const store = await openCliStore(io, options.data);
    await store.close();
    io.out(
      `Database up to date (${store.kind === "postgres" ? "PostgreSQL" : `embedded, ${store.location}`}).\n`,
    );
    setExit(EXIT.ok);
  });
}

export async function importPlan(
  file: string,
  options: { workspace: string; data: string },
  io: CliIO,
): Promise<number> {
  let text: string;
  try {
    text = await io.readFile(file);
  } catch {
    throw new UsageError(`cannot read ${file}`);
  }
  const loaded = loadPlan(text, { fileName: file });
  if (!loaded.ok) {
    io.err(
      textProblems(file, loaded.problems, paint(io.color)).replace(
        "nothing was analysed",
        "nothing was imported",
      ),
    );
    return EXIT.invalid;
  }
  const store = await openCliStore(io, options.data);
  try {
    const { workspace, created } = await store.workspaces.replacePlan(options.workspace, loaded.plan, {
      actor: "cli",
    });
    io.out(
      `${created ? "Created" : "Replaced"} workspace ${workspace.slug} (${workspace.name}) from ${file}: version ${workspace.version}.\n`,
    );
    return EXIT.ok;
  } finally {
    await store.close();
  }
}

export async function exportPlan(
  options: { workspace: string; format: string; data: string },
  io: CliIO,
): Promise<number> {
  if (options.format !== "yaml" && options.format !== "json")
    throw new UsageError(`--format must be yaml or json, not "${options.format}"`);
  const store = await openCliStore(io, options.data);
  try {
    const { plan } = await store.workspaces.readPlan(options.workspace);
    io.out(serialisePlan(plan, options.format));
    return EXIT.ok;
  } catch (error) {
    if (error instanceof AppError && error.code === "not_found")
      throw new AppError("not_found", `No workspace "${options.workspace}" in this database`);
    throw error;
  } finally {
    await store.close();
  }
}
