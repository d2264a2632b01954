import type { Command } from "commander";
import { authConfig } from "../../server/auth/auth-config.js";
import { type CliIO, EXIT, UsageError } from "../io.js";
import type { OpenCliDatabase } from "./auth-database.js";

/** `throughline users add EMAIL [--name N] [--admin] --password-stdin` */
export function registerUsers(
  program: Command,
  io: CliIO,
  setExit: (code: number) => void,
  open: OpenCliDatabase,
): void {
  const users = program.command("users").description("manage the people who can sign in");
  users
    .command("add")
    .description("create a user; --admin makes an instance administrator (admin of every workspace)")
    .argument("<email>", "their e-mail address, which they sign in with")
    .option("--name <name>", "their name (default: the part of the e-mail before @)")
    .option("--admin", "make them an instance administrator")
    .option("--password-stdin", "read the password from standard input (required; never from an argument)")
    .option("--data <dir>", "the embedded database folder, when DATABASE_URL is not set", "./data")
    .action(
      async (
        email: string,
        options: { name?: string; admin?: boolean; passwordStdin?: boolean; data: string },
      ) => {
        setExit(await usersAdd(email, options, io, open));
      },
    );
}

export async function usersAdd(
  email: string,
  options: { name?: string; admin?: boolean; passwordStdin?: boolean; data: string },
  io: CliIO,
  open: OpenCliDatabase,
): Promise<number> {
  // A password on the command line would stay in shell history and the process list.
  if (!options.passwordStdin)
    throw new UsageError(
      'users add needs --password-stdin: pipe the password in, e.g. `printf %s "$PW" | throughline users add …`',
    );
  const password = (await io.readStdin()).replace(/\r?\n$/, "");
  const database = await open({ data: options.data, env: io.env });
  try {
    // Loaded here, not at start-up: password hashing is only for this command.
    const { addUser } = await import("../../server/auth/accounts.js");
    const user = await addUser(
      database.db,
      { email, name: options.name, password, isAdmin: Boolean(options.admin) },
      authConfig(),
    );
    io.out(`Added ${user.email} (${user.name})${user.isAdmin ? " as an instance administrator" : ""}.\n`);
    return EXIT.ok;
  } finally {
    await database.close();
  }
}
