import type { Command } from "commander";
import { type CliIO, EXIT } from "../io.js";
import { starterPlan } from "../starter-plan.js";

export function registerInit(program: Command, io: CliIO, setExit: (code: number) => void): void {
  program
    .command("init")
    .description("write a commented starter plan")
    .argument("[file]", "where to write it", "plan.yaml")
    .option("--force", "overwrite the file if it exists")
    .action(async (file: string, options: { force?: boolean }) => {
      setExit(await init(file, Boolean(options.force), io));
    });
}

export async function init(file: string, force: boolean, io: CliIO): Promise<number> {
  try {
    await io.writeFile(file, starterPlan(io.today()), { exclusive: !force });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "EEXIST") {
      io.err(`${file} already exists; nothing was written (use --force to overwrite it)\n`);
      return EXIT.failed;
    }
    throw error;
  }
  io.out(`Wrote a starter plan to ${file}. Next: throughline lint ${file}\n`);
  return EXIT.ok;
}
