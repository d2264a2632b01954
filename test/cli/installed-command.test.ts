import { execFile, spawn } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";
import { main } from "../../src/cli/main.js";
import { openStore } from "../../src/store/index.js";
import { EXAMPLES } from "../support/acme.js";
import { fakeIO } from "../support/fake-io.js";

/*
 * The command as users run it: bin/throughline.js, which runs the bundled build
 * (scripts/bundle-cli.mjs; `npm test` builds first). It must behave exactly as the sources do.
 */
const ROOT = join(import.meta.dirname, "..", "..");
const BIN = join(ROOT, "bin", "throughline.js");
const run = promisify(execFile);

async function throughline(args: string[], cwd = ROOT) {
  if (!existsSync(join(ROOT, "dist", "cli-bundle", "main.js")))
    throw new Error("The command line is not built: npm run build");
  try {
    const { stdout, stderr } = await run(process.execPath, [BIN, ...args], {
      cwd,
      maxBuffer: 64 * 1024 * 1024,
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

describe("bin/throughline.js (the bundled command line)", () => {
  it("prints the package's version", async () => {
    const { version } = JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8"));
    expect((await throughline(["--version"])).stdout.trim()).toBe(version);
  });

  it("lints the example exactly as the sources do, with the same exit code", async () => {
    const file = join(EXAMPLES, "acme.yaml");
    const bundled = await throughline(["lint", file, "--format", "json", "--as-of", "2026-06-01"]);
    const { io, captured } = fakeIO({ [file]: readFileSync(file, "utf8") });
    const code = await main(["lint", file, "--format", "json", "--as-of", "2026-06-01"], io);
    expect(bundled.code).toBe(code);
    expect(bundled.stdout).toBe(captured.out);
  });

  it("exits 2 with every problem and its line for a broken plan, loading the exact YAML parser on demand", async () => {
    const dir = mkdtempSync(join(tmpdir(), "throughline-bin-"));
    writeFileSync(
      join(dir, "bad.yaml"),
      "version: 1\norganisation: X\nteams:\n  - id: a\n    nmae: A\n  - [\n",
    );
    const { code, stdout } = await throughline(["lint", "bad.yaml"], dir);
    expect(code).toBe(2);
    expect(stdout).toMatch(/bad\.yaml:\d+:\d+/);
    expect(stdout).not.toMatch(/Execution Gap Index/);
  });

  it("explains a rule and writes a starter plan that lints", async () => {
    expect((await throughline(["explain", "too-many-priorities"])).stdout).toMatch(/too-many-priorities/);
    const dir = mkdtempSync(join(tmpdir(), "throughline-bin-"));
    expect((await throughline(["init"], dir)).code).toBe(0);
    expect((await throughline(["lint", "plan.yaml"], dir)).code).toBeLessThan(2);
  });

  it("serves the demo workspace and the built web app, and stops cleanly on SIGTERM", async () => {
    const dir = mkdtempSync(join(tmpdir(), "throughline-bin-"));
    const child = spawn(
      process.execPath,
      [BIN, "serve", "--demo", "--port", "0", "--data", join(dir, "data")],
      {
        cwd: dir,
      },
    );
    let output = "";
    child.stdout.on("data", (chunk) => {
      output += chunk;
    });
    const exited = new Promise<number | null>((resolve) => child.on("exit", resolve));
    try {
      await expect.poll(() => output, { timeout: 120_000 }).toMatch(/running at (http:\/\/\S+)/);
      const url = output.match(/running at (http:\/\/\S+)/)?.[1];
      const home = await fetch(`${url}/`);
      expect(home.status).toBe(200);
      expect(await home.text()).toMatch(/<div id="root">|<script type="module"/);
    } finally {
      child.kill("SIGTERM");
    }
    expect(await exited).toBe(0);
    // The demo was loaded from examples/ (found from the bundle), and the folder was released.
    const store = await openStore({ dataDir: join(dir, "data") });
    try {
      expect((await store.workspaces.getWorkspace("demo")).organisation).toMatch(/Acme/);
    } finally {
      await store.close();
    }
  }, 180_000);
});
