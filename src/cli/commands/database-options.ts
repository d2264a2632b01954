import type { Command } from "commander";
import type { Store } from "../../store/index.js";
import type { CliIO } from "../io.js";

/** Every database command selects its database the same way: DATABASE_URL, else --data DIR. */
export function withDataOption(command: Command): Command {
  return command.option(
    "--data <dir>",
    "the embedded database folder, used when DATABASE_URL is not set",
    "./data",
  );
}

/** Opens and migrates the store (loaded on demand: `lint` never pays for the database code). */
export async function openCliStore(io: CliIO, data: string): Promise<Store> {
  const { openStore } = await import("../../store/index.js");
  const lease = Number(io.env.THROUGHLINE_IDEMPOTENCY_LEASE_MS);
  const store = await openStore({
    databaseUrl: io.env.DATABASE_URL || undefined,
    dataDir: data,
    // How long a pending Idempotency-Key survives its server's silence (default 15 s).
    idempotencyLeaseMs: Number.isInteger(lease) && lease > 0 ? lease : undefined,
  });
  try {
    await store.migrate();
  } catch (error) {
    await store.close();
    throw error;
  }
  return store;
}
