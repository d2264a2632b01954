import { type ChildProcess, spawn } from "node:child_process";
import { join } from "node:path";

const ROOT = join(import.meta.dirname, "..", "..");
const CLI = join(ROOT, "test", "support", "run-cli.ts");

export interface ServeProcess {
  child: ChildProcess;
  url: string;
  /** Everything it printed so far (logs are JSON lines at LOG_LEVEL=info). */
  output(): string;
  /** Resolves with the first output line matching, as it is printed. */
  waitFor(pattern: RegExp): Promise<string>;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

/** `throughline serve` from the sources, as its own process, on a free port. */
export async function startServe(args: string[], env: Record<string, string> = {}): Promise<ServeProcess> {
  const child = spawn(process.execPath, ["--import", "tsx", CLI, "serve", "--port", "0", ...args], {
    cwd: ROOT,
    env: { ...process.env, LOG_LEVEL: "info", ...env },
  });
  let text = "";
  const waiters: { pattern: RegExp; resolve: (line: string) => void }[] = [];
  const scan = () => {
    for (const waiter of [...waiters]) {
      const line = text.split("\n").find((l) => waiter.pattern.test(l));
      if (line !== undefined) {
        waiters.splice(waiters.indexOf(waiter), 1);
        waiter.resolve(line);
      }
    }
  };
  child.stdout?.on("data", (chunk) => {
    text += chunk;
    scan();
  });
  child.stderr?.on("data", (chunk) => {
    text += chunk;
    scan();
  });
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.once("exit", (code, signal) => resolve({ code, signal })),
  );
  const waitFor = (pattern: RegExp) =>
    new Promise<string>((resolve, reject) => {
      waiters.push({ pattern, resolve });
      scan();
      void exited.then(() => reject(new Error(`serve exited before printing ${pattern}:\n${text}`)));
    });
  const line = await waitFor(/Throughline is running at (http:\/\/\S+)/);
  const url = (/running at (http:\/\/\S+)/.exec(line)?.[1] ?? "").replace("localhost", "127.0.0.1");
  return { child, url, output: () => text, waitFor, exited };
}
