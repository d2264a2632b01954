import { describe, expect, it } from "vitest";
import { main } from "../../src/cli/main.js";
import { progressBar } from "../../src/cli/progress.js";
import { fakeIO } from "../support/fake-io.js";

function bigSheet(rows: number): string {
  const lines = ["Objective,Key result,Owner,Baseline,Target"];
  for (let i = 0; i < rows; i++)
    lines.push(
      `Objective ${Math.floor(i / 5)} for the site groups,Raise measure ${i},Person ${i % 40},${i % 50}%,${(i % 50) + 10}%`,
    );
  return lines.join("\n");
}

function withBytes(files: Record<string, string>, progress: boolean) {
  const fake = fakeIO(files);
  fake.io.readBytes = async (path) => new TextEncoder().encode(await fake.io.readFile(path));
  fake.io.progress = progress;
  return fake;
}

describe("convert progress", () => {
  it("draws a progress bar on a terminal for a 10,000-row spreadsheet, then erases it", async () => {
    const { io, captured, files } = withBytes({ "big.csv": bigSheet(10_000) }, true);
    expect(await main(["convert", "big.csv", "-o", "big.yaml"], io)).toBe(0);
    expect(captured.err).toMatch(/\rConverting big\.csv \[#{24}\] 100% 10,001\/10,001 rows/);
    expect(captured.err).toContain("\r\u001b[2K");
    expect(captured.err).toMatch(/big\.csv: 2000 objectives/);
    expect(files.get("big.yaml")).toContain("Raise measure 9999");
  }, 60_000);

  it("stays quiet when standard error is not a terminal (piped, CI)", async () => {
    const { io, captured } = withBytes({ "big.csv": bigSheet(10_000) }, false);
    expect(await main(["convert", "big.csv", "-o", "big.yaml"], io)).toBe(0);
    expect(captured.err).not.toContain("\r");
    expect(captured.err).not.toMatch(/\[#*\.*\]/);
  }, 60_000);

  it("redraws at most every interval, always at the end, and not at all for short documents", () => {
    const { io, captured } = fakeIO();
    io.progress = true;
    let t = 0;
    const bar = progressBar(io, "Converting x", { now: () => t, intervalMs: 100, minTotal: 2000 });
    bar.update(0, 5000);
    t = 50;
    bar.update(500, 5000); // too soon: skipped
    t = 150;
    bar.update(1000, 5000);
    bar.update(5000, 5000); // the end is always drawn
    expect(
      captured.err
        .split("\r")
        .filter(Boolean)
        .map((s) => s.match(/\d+%/)?.[0]),
    ).toEqual(["0%", "20%", "100%"]);
    bar.finish();
    const short = fakeIO();
    short.io.progress = true;
    const quiet = progressBar(short.io, "Converting y");
    quiet.update(10, 100);
    quiet.finish();
    expect(short.captured.err).toBe("");
  });
});
