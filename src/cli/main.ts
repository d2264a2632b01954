import { Command, CommanderError } from "commander";
import { openStoreForCli } from "./commands/auth-database.js";
import { registerConvert } from "./commands/convert.js";
import { registerExplain } from "./commands/explain.js";
import { registerImportExport } from "./commands/import-export.js";
import { registerInit } from "./commands/init.js";
import { registerLint } from "./commands/lint.js";
import { registerServe } from "./commands/serve.js";
import { registerTokens } from "./commands/tokens.js";
import { registerUsers } from "./commands/users.js";
import { type CliIO, EXIT, processIO } from "./io.js";
import { PACKAGE_VERSION } from "./package-root.js";
import { reportError } from "./report-error.js";

/** Runs the `throughline` command line; returns the exit code (0, 1 or 2). */
export async function main(argv: readonly string[], io: CliIO = processIO()): Promise<number> {
  let exitCode: number = EXIT.ok;
  const setExit = (code: number) => {
    exitCode = code;
  };
  const program = new Command()
    .name("throughline")
    .description(
      "Throughline: write your strategy as data and see where the organisation is not set up to carry it.",
    )
    .version(PACKAGE_VERSION)
    .exitOverride()
    .showHelpAfterError()
    .configureOutput({ writeOut: (s) => io.out(s), writeErr: (s) => io.err(s) });
  registerLint(program, io, setExit);
  registerExplain(program, io, setExit);
  registerInit(program, io, setExit);
  registerServe(program, io, setExit);
  registerImportExport(program, io, setExit);
  registerConvert(program, io, setExit);
  registerUsers(program, io, setExit, openStoreForCli);
  registerTokens(program, io, setExit, openStoreForCli);
  for (const command of program.commands)
    command.exitOverride().configureOutput({ writeOut: (s) => io.out(s), writeErr: (s) => io.err(s) });

  try {
    await program.parseAsync([...argv], { from: "user" });
  } catch (error) {
    if (error instanceof CommanderError) {
      // --help and --version end with code 0; anything else commander rejects is a usage error.
      return error.exitCode === 0 ? EXIT.ok : EXIT.invalid;
    }
    return reportError(error, io);
  }
  return exitCode;
}
