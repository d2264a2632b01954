import { type ChildProcess, spawn } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { currentHolder, lockDataDir, startTimeOf } from "./data-lock.js";

/* Issue 15.2: a lock dies with its holder; a live holder always keeps it. */
describe("the embedded database's lock", () => {
  let other: ChildProcess;
  beforeAll(async () => {
    // A live process that is not Throughline's lock holder (a pid a dead server's lock may name).
    other = spawn(process.execPath, ["-e", "setInterval(() => {}, 1000)"], { stdio: "ignore" });
    await new Promise((resolve) => other.once("spawn", resolve));
  });
  afterAll(() => {
    other.kill();
  });

  const folder = () => mkdtempSync(join(tmpdir(), "throughline-lock-"));
  const writeLock = (dir: string, holder: unknown) =>
    writeFileSync(
      join(dir, "throughline.lock"),
      typeof holder === "string" ? holder : JSON.stringify(holder),
    );
  const boot = () => currentHolder().bootId;

  it("is taken over when it names a live pid that is another process than the one that locked", () => {
    const dir = folder();
    const pid = other.pid as number;
    writeLock(dir, { pid, startTime: "1", bootId: boot() });
    const unlock = lockDataDir(dir);
    expect(JSON.parse(readFileSync(join(dir, "throughline.lock"), "utf8")).pid).toBe(process.pid);
    unlock();
    expect(existsSync(join(dir, "throughline.lock"))).toBe(false);
  });

  it("is taken over when it names this process's own pid from an earlier life (a container's pid 1)", () => {
    const dir = folder();
    writeLock(dir, { pid: process.pid, startTime: "1", bootId: boot() });
    lockDataDir(dir)();
    writeLock(dir, { ...currentHolder(), bootId: "an earlier boot" });
    lockDataDir(dir)();
  });

  it("is taken over when its process is gone", () => {
    const dir = folder();
    writeLock(dir, { pid: 2 ** 22 + 17, startTime: "5", bootId: boot() });
    lockDataDir(dir)();
  });

  it("refuses while the process that holds it lives, naming it", () => {
    const dir = folder();
    const pid = other.pid as number;
    writeLock(dir, { pid, startTime: startTimeOf(pid), bootId: boot() });
    expect(() => lockDataDir(dir)).toThrow(
      new RegExp(`in use by another Throughline process \\(pid ${pid}\\)`),
    );
  });

  it("refuses a second open in the same process", () => {
    const dir = folder();
    const unlock = lockDataDir(dir);
    expect(() => lockDataDir(dir)).toThrow(/already open in this process/);
    unlock();
  });
});
