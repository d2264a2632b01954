import { readFile, writeFile } from "node:fs/promises";

/** What a command may touch of the outside world; tests pass a fake. */
export interface CliIO {
  out(text: string): void;
  err(text: string): void;
  readFile(path: string): Promise<string>;
  /** The file's bytes (binary documents such as spreadsheets); optional so fakes may omit it. */
  readBytes?(path: string): Promise<Uint8Array>;
  writeFile(path: string, text: string, options?: { exclusive?: boolean }): Promise<void>;
  readStdin(): Promise<string>;
  /** Colour output (a TTY without NO_COLOR, or FORCE_COLOR). */
  color: boolean;
  env: Record<string, string | undefined>;
  /** Today as YYYY-MM-DD; injected so output is reproducible in tests. */
  today(): string;
}

export function processIO(): CliIO {
  const env = process.env;
  const color = env.FORCE_COLOR ? env.FORCE_COLOR !== "0" : Boolean(process.stdout.isTTY) && !env.NO_COLOR;
  return {
    out: (text) => process.stdout.write(text),
    err: (text) => process.stderr.write(text),
    readFile: (path) => readFile(path, "utf8"),
    readBytes: async (path) => new Uint8Array(await readFile(path)),
    writeFile: (path, text, options) =>
      writeFile(path, text, { encoding: "utf8", flag: options?.exclusive ? "wx" : "w" }),
    readStdin: async () => {
      const chunks: Buffer[] = [];
      for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
      return Buffer.concat(chunks).toString("utf8");
    },
    color,
    env,
    today: () => new Date().toISOString().slice(0, 10),
  };
}

/** Exit codes of the command line contract (shared spec interfaces.md). */
export const EXIT = { ok: 0, failed: 1, invalid: 2 } as const;

/** Thrown by commands for a usage or input problem: printed as is, exit 2. */
export class UsageError extends Error {}
