import { spawn } from "node:child_process";
import { existsSync, mkdtempSync } from "node:fs";
import { connect } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";

/*
 * `npm start` as a process manager or container runtime runs it: SIGTERM goes to npm, and the
 * server it started must stop too and free its port (it once kept running on it). The build
 * step (prestart) is skipped here: `npm test` has just built.
 */
const ROOT = join(import.meta.dirname, "..", "..");

function portOpen(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect({ host: "127.0.0.1", port });
    socket.once("connect", () => {
      socket.destroy();
      resolve(true);
    });
    socket.once("error", () => resolve(false));
  });
}

describe("npm start", () => {
  it("stops the server when npm is sent SIGTERM, freeing its port", async () => {
    expect(existsSync(join(ROOT, "dist", "cli-bundle", "main.js")), "npm run build first").toBe(true);
    const dir = mkdtempSync(join(tmpdir(), "throughline-start-"));
    const npm = spawn(
      "npm",
      ["start", "--ignore-scripts", "--", "--port", "0", "--data", join(dir, "data")],
      {
        cwd: ROOT,
        env: { ...process.env, npm_config_update_notifier: "false" },
      },
    );
    let output = "";
    npm.stdout.on("data", (chunk) => {
      output += chunk;
    });
    npm.stderr.on("data", (chunk) => {
      output += chunk;
    });
    const exited = new Promise<void>((resolve) => npm.on("exit", () => resolve()));
    await expect.poll(() => output, { timeout: 120_000 }).toMatch(/running at http:\/\/[\w.]+:(\d+)/);
    const port = Number(output.match(/running at http:\/\/[\w.]+:(\d+)/)?.[1]);
    expect(await portOpen(port)).toBe(true);
    npm.kill("SIGTERM");
    await exited;
    // The server lets go of the port as it exits; wait for that event, not for a fixed time.
    await expect.poll(() => portOpen(port), { timeout: 60_000, interval: 200 }).toBe(false);
  }, 240_000);
});
