import { spawnSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parseExamples, parseKinds, readLabels } from "../scripts/calibrate/labels.js";
import { bestMatch } from "../scripts/calibrate/scoring.js";
import { calibrateWording } from "../scripts/calibrate/wording.js";

/* An original labelled folder in the shape of ../shared/real-okrs (never the real one). */
const HEADER = [
  "source",
  "objective_id",
  "objective_title",
  "owner_as_written",
  "owner_count",
  "key_result_count",
  "kr_examples",
  "theme_like",
  "kr_kinds",
  "level",
  "parent_id",
  "notes",
].join("\t");
const row = (source: string, id: string, title: string, examples: string, theme: string, kinds: string) =>
  [source, id, title, "", "1", "2", examples, theme, kinds, "1", "", ""].join("\t");

function folder(): string {
  const dir = mkdtempSync(join(tmpdir(), "throughline-calibrate-"));
  writeFileSync(
    join(dir, "labels.tsv"),
    [
      HEADER,
      row(
        "a.md",
        "a1",
        "CEO: Dependable platform",
        "Hire 2 SREs || Publish the on-call runbook",
        "yes",
        "2 output",
      ),
      row(
        "a.md",
        "a2",
        "CRO: Grow EMEA pipeline",
        "Pipeline at 3x target || Hire 2 AEs",
        "no",
        "1 outcome, 1 output",
      ),
      row("b.md", "b1", "Observability", "(no KRs)", "yes", "0 KRs"),
      row("b.md", "b2", "Make invoices predictable", "Ship the invoice preview", "no", "1 outcome"),
      row("b.md", "b3", "(no title)", "", "n/a", "0 KRs"),
    ].join("\n"),
  );
  return dir;
}

describe("calibrate: reading labels", () => {
  it("reads kind counts and example key results", () => {
    expect([...parseKinds("2 outcome, 1 output, 1 pointer")]).toEqual([
      ["outcome", 2],
      ["output", 1],
      ["pointer", 1],
    ]);
    expect(parseKinds("0 KRs").size).toBe(0);
    expect(parseExamples("... 3 new contributors || Ship X")).toEqual(["3 new contributors", "Ship X"]);
    expect(parseExamples("(no direct KRs; 6 child objectives)")).toEqual([]);
    const rows = readLabels(folder());
    expect(rows.map((r) => r.theme)).toEqual([true, false, true, false, undefined]);
  });

  it("matches judged kinds to label counts as well as they can be", () => {
    const labelled = new Map([
      ["outcome", 2],
      ["output", 1],
    ] as const);
    expect(bestMatch(["output", "outcome"], labelled)).toBe(2);
    expect(bestMatch(["output", "output"], labelled)).toBe(1);
    expect(bestMatch(["vague"], labelled)).toBe(0);
  });
});

describe("calibrateWording", () => {
  it("prints and returns theme precision and recall, leave-one-out, and kind agreement", () => {
    const lines: string[] = [];
    const result = calibrateWording(folder(), (l) => lines.push(l));
    expect(result.objectives).toBe(5);
    expect(result.documents).toEqual(["a.md", "b.md"]);
    expect(result.theme).toEqual({ tp: 2, fp: 0, fn: 0, tn: 2 });
    expect(result.themeLeaveOneOut.tp + result.themeLeaveOneOut.fn).toBe(2);
    // a1: both output (2/2); a2: outcome + output (2/2); b2: output where readers saw outcome (0/1).
    expect(result.kinds.examples).toBe(5);
    expect(result.kinds.matched).toBe(4);
    expect(result.kinds.outcomeOnly).toBe(1);
    expect(result.kinds.outcomeCalledOutput).toBe(1);
    expect(lines.join("\n")).toContain("theme: precision 1.00, recall 1.00");
    expect(lines.join("\n")).toContain("key-result kinds: agreement 0.80 (4 of 5");
  });

  it("npm run calibrate skips with one line and exit 0 when the folder is absent", () => {
    const missing = join(tmpdir(), "throughline-no-such-folder");
    const run = spawnSync(process.execPath, ["--import", "tsx", "scripts/calibrate.ts", missing], {
      cwd: join(import.meta.dirname, ".."),
      encoding: "utf8",
    });
    expect(run.status).toBe(0);
    expect(run.stdout.trim().split("\n")).toHaveLength(1);
    expect(run.stdout).toContain("calibrate: skipped");
  });
});
