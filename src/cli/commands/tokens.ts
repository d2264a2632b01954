import type { Command } from "commander";
import { AppError } from "../../domain/errors.js";
import { authConfig } from "../../server/auth/auth-config.js";
import { type CliIO, EXIT } from "../io.js";
import type { OpenCliDatabase } from "./auth-database.js";

/** `throughline tokens create --workspace SLUG --role ROLE [--name N]` */
export function registerTokens(
  program: Command,
  io: CliIO,
  setExit: (code: number) => void,
  open: OpenCliDatabase,
): void {
  const tokens = program.command("tokens").description("manage API tokens");
  tokens
    .command("create")
    .description("create an API token for one workspace and print it once")
    .requiredOption("--workspace <slug>", "the workspace it can reach")
    .requiredOption("--role <role>", "viewer, contributor, editor or admin")
    .option("--name <name>", "a name to recognise it by in the audit log and the token list")
    .option("--data <dir>", "the embedded database folder, when DATABASE_URL is not set", "./data")
    .action(async (options: { workspace: string; role: string; name?: string; data: string }) => {
      setExit(await tokensCreate(options, io, open));
    });
}

export async function tokensCreate(
  options: { workspace: string; role: string; name?: string; data: string },
  io: CliIO,
  open: OpenCliDatabase,
): Promise<number> {
  // Loaded here, not at start-up, so `lint` never pays for the account code.
  const { checkRole, issueApiToken } = await import("../../server/auth/accounts.js");
  const role = checkRole(options.role, "--role");
  const database = await open({ data: options.data, env: io.env });
  try {
    const workspace = await database.findWorkspace(options.workspace);
    if (!workspace) throw new AppError("not_found", `No workspace ${options.workspace}.`);
    const { token, secret } = await issueApiToken(
      database.db,
      { workspaceId: workspace.id, role, name: options.name, createdBy: "command line" },
      authConfig(),
    );
    io.out(`${secret}\n`);
    io.err(
      `Created ${token.role} token "${token.name}" for ${workspace.slug}. It is shown only once: store it now.\n`,
    );
    return EXIT.ok;
  } finally {
    await database.close();
  }
}
