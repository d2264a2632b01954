import { mkdtemp, readFile, rm, stat, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { CliIO } from "../../src/cli/io.js";
import { main } from "../../src/cli/main.js";
import { conversionReportSchema } from "../../src/convert/report.js";
import { fakeIO } from "../support/fake-io.js";

const fixtures = join(import.meta.dirname, "../fixtures/convert");

/** The real file system (convert reads bytes), with output captured and today fixed. */
function diskIO(env: Record<string, string | undefined> = {}) {
  const captured = { out: "", err: "" };
  const io: CliIO = {
    out: (t) => {
      captured.out += t;
    },
    err: (t) => {
      captured.err += t;
    },
    readFile: (path) => readFile(path, "utf8"),
    readBytes: async (path) => new Uint8Array(await readFile(path)),
    writeFile: (path, text) => writeFile(path, text),
    readStdin: async () => "",
    color: false,
    env,
    today: () => "2026-06-01",
  };
  return { io, captured };
}

const exists = (path: string) =>
  stat(path).then(
    () => true,
    () => false,
  );

describe("throughline convert", () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), "convert-"));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it("writes the plan and the report, and prints the summary with source lines on stderr", async () => {
    const { io, captured } = diskIO();
    const plan = join(dir, "plan.yaml");
    const report = join(dir, "report.json");
    const code = await main(
      [
        "convert",
        join(fixtures, "nested-roles.md"),
        "-o",
        plan,
        "--report",
        report,
        "--fiscal-year-start",
        "02",
      ],
      io,
    );
    expect(code).toBe(0);
    expect(captured.out).toBe("");
    expect(captured.err).toMatch(/nested-roles\.md: 8 objectives \(2 top level\), 12 key results/);
    expect(captured.err).toMatch(/cycle 2026-05-01 – 2026-07-31\n/);
    expect(captured.err).toMatch(
      /nested-roles\.md:22: placeholder: "Setup finished without a call for X% of stores"/,
    );
    expect(captured.err).toMatch(/nested-roles\.md:30: owner: .*owned by a team \(Platform team\)/);
    const parsed = conversionReportSchema.parse(JSON.parse(await readFile(report, "utf8")));
    expect(parsed).toMatchObject({ from: "markdown", cycle: { assumed: false }, initiatives: 0 });
    expect(parsed.objectives[1]).toMatchObject({
      level: 2,
      parent: 0,
      ownersAsWritten: ["CRO"],
      owners: ["cro"],
    });

    const lint = diskIO();
    expect([0, 1]).toContain(await main(["lint", plan], lint.io));
  });

  it("picks the reader by extension and writes the plan to stdout without -o", async () => {
    const { io, captured } = diskIO();
    expect(await main(["convert", join(fixtures, "people.mdx")], io)).toBe(0);
    expect(captured.out).toMatch(/^version: 1\n/);
    expect(captured.out).toContain("name: Ines Duarte");
    expect(captured.err).toMatch(/5 objectives/);
  });

  it("reads plain-text notes (.txt) as markdown", async () => {
    const doc = join(dir, "okrs.txt");
    await writeFile(doc, "Q2 2027\n\n1. **Ana: Faster support**\n   KR: First reply under 1 hour\n");
    const { io, captured } = diskIO();
    expect(await main(["convert", doc], io)).toBe(0);
    expect(captured.err).toMatch(/1 objective \(1 top level\), 1 key result/);
  });

  it("says what it assumed when the document states no period, and how to set it", async () => {
    const doc = join(dir, "no-period.md");
    await writeFile(doc, "# Objectives\n\n- **Ana: Grow repeat orders**\n  - Repeat order rate to 40%\n");
    const { io, captured } = diskIO();
    const report = join(dir, "no-period.json");
    expect(await main(["convert", doc, "--report", report], io)).toBe(0);
    expect(JSON.parse(await readFile(report, "utf8")).cycle).toEqual({
      start: "2026-04-01",
      end: "2026-06-30",
      assumed: true,
    });
    expect(captured.err).toMatch(/no period: assumed the current calendar quarter.*--cycle-start/);
  });

  it.each([
    [
      "a binary file",
      "binary.md",
      Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 13, 0x49, 0x48]),
      /binary file/,
    ],
    ["an empty document", "empty.md", Buffer.from("  \n\n"), /empty/],
    [
      "a document with no objectives",
      "prose.md",
      Buffer.from("# Notes\n\nJust some prose.\n"),
      /found no objectives/,
    ],
    ["a file of unknown type", "okrs.pdf", Buffer.from("%PDF-1.4"), /cannot tell the format/],
  ])("refuses %s with a clear message, exit 2, and writes nothing", async (_what, name, bytes, message) => {
    const file = join(dir, name);
    await writeFile(file, bytes);
    const out = join(dir, `${name}.yaml`);
    const report = join(dir, `${name}.json`);
    const { io, captured } = diskIO();
    expect(await main(["convert", file, "-o", out, "--report", report], io)).toBe(2);
    expect(captured.err).toMatch(message);
    expect(captured.err).toContain(name);
    expect(await exists(out)).toBe(false);
    expect(await exists(report)).toBe(false);
  });

  it("refuses a 50 MB file before reading it as a document", async () => {
    const file = join(dir, "huge.md");
    await writeFile(file, Buffer.alloc(50 * 1024 * 1024, "a"));
    const out = join(dir, "huge.yaml");
    const { io, captured } = diskIO();
    expect(await main(["convert", file, "-o", out], io)).toBe(2);
    expect(captured.err).toMatch(/huge\.md: 50\.0 MB is too large to convert \(the limit is 2\.0 MB\)/);
    expect(await exists(out)).toBe(false);
  });

  it.each([
    [["--cycle-start", "2026-01-01"], /--cycle-start and --cycle-end go together/],
    [["--cycle-start", "2026-01-01", "--cycle-end", "2026-02-30"], /--cycle-end must be a real calendar day/],
    [["--fiscal-year-start", "13"], /--fiscal-year-start must be a month number/],
    [["--from", "pdf"], /--from must be auto or one of/],
  ])("rejects bad options %j", async (flags, message) => {
    const { io, captured } = fakeIO({ "okrs.md": "- **Ana: Grow**\n  - KR: 10% more\n" });
    expect(await main(["convert", "okrs.md", ...flags], io)).toBe(2);
    expect(captured.err).toMatch(message);
  });

  it("round trip: convert → import → export → lint agrees with lint of the converted plan", async () => {
    const data = join(dir, "data");
    const plan = join(dir, "trip.yaml");
    const exported = join(dir, "exported.yaml");
    const { io } = diskIO();
    expect(await main(["convert", join(fixtures, "team-objectives.md"), "-o", plan], io)).toBe(0);
    const imported = diskIO();
    expect(await main(["import", plan, "-w", "clinics", "--data", data], imported.io)).toBe(0);
    const exporting = diskIO();
    expect(await main(["export", "-w", "clinics", "--data", data], exporting.io)).toBe(0);
    await writeFile(exported, exporting.captured.out);
    const lintOf = async (file: string) => {
      const run = diskIO();
      const code = await main(["lint", file, "--format", "json", "--as-of", "2030-08-01"], run.io);
      const report = JSON.parse(run.captured.out);
      return {
        code,
        index: report.index,
        findings: report.findings.map((f: { rule: string; subject: unknown }) => [f.rule, f.subject]),
      };
    };
    const before = await lintOf(plan);
    const after = await lintOf(exported);
    expect([0, 1]).toContain(before.code);
    expect(after).toEqual(before);
    expect(exporting.captured.out).toContain("x-role: true");
  }, 120_000);
});
