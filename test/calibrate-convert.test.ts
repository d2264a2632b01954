import { copyFile, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { calibrateConvert } from "../scripts/calibrate/convert.js";

/* The converter's calibration on a labelled folder made of the original fixtures. */

const fixtures = join(import.meta.dirname, "fixtures/convert");
const header =
  "source\tobjective_id\tobjective_title\towner_as_written\towner_count\tkey_result_count\tkr_examples\ttheme_like\tkr_kinds\tlevel\tparent_id\tnotes";
const rows = [
  // team-objectives.md: right level, parent and counts.
  ["team-objectives.md", "t-1", "CEO: Win the mid-size clinics.", "CEO", 1, 2, "", "no", "2 outcome", 1, ""],
  [
    "team-objectives.md",
    "t-1.1",
    "Marketing: More clinic managers hear about us",
    "Marketing",
    1,
    1,
    "",
    "no",
    "1 outcome",
    2,
    "t-1",
  ],
  // A wrong key-result count and a wrong parent, on purpose.
  ["team-objectives.md", "t-2", "CEO: Dependable product.", "CEO", 1, 3, "", "no", "", 1, ""],
  [
    "team-objectives.md",
    "t-2.1",
    "VP Engineering: Releases that never surprise clinics.",
    "VP Engineering",
    1,
    1,
    "",
    "no",
    "1 outcome",
    2,
    "t-1",
  ],
  // Not in the document at all.
  ["team-objectives.md", "t-9", "Sales: An objective nobody wrote", "Sales", 1, 0, "", "no", "", 1, ""],
];

async function printed(run: () => Promise<void>): Promise<string[]> {
  const lines: string[] = [];
  const log = vi.spyOn(console, "log").mockImplementation((line: unknown) => {
    lines.push(String(line));
  });
  try {
    await run();
  } finally {
    log.mockRestore();
  }
  return lines;
}

describe("npm run calibrate: convert", () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), "calibrate-"));
    await copyFile(join(fixtures, "team-objectives.md"), join(dir, "team-objectives.md"));
    await writeFile(join(dir, "labels.tsv"), `${[header, ...rows.map((r) => r.join("\t"))].join("\n")}\n`);
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it("prints per document: found, level and parent, owners, key-result counts", async () => {
    const lines = await printed(() => calibrateConvert(dir));
    const row = lines.find((l) => l.startsWith("team-objectives.md")) ?? "";
    // 4 of 5 found; level+parent 3/5, owners 4/5, KR counts 3/5 (of the labelled objectives).
    expect(row.split(/\s+/).slice(1, 5)).toEqual(["4/5", "60%", "80%", "60%"]);
  });

  it("skips cleanly when the folder has no labels", async () => {
    expect((await printed(() => calibrateConvert(join(dir, "absent")))).join("\n")).toMatch(/skipped/);
  });
});
