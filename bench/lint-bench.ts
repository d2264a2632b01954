import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { generatePlanYaml, type Size } from "./generate-plan.js";

/*
 * Whole-process lint time and peak memory against a floor measured in the same run: node
 * merely loading the same file with js-yaml. Reported as ratios; never a pass/fail test.
 */

const ROOT = join(import.meta.dirname, "..");
const RSS = join(ROOT, "bench", "report-rss.cjs");

interface Sample {
  seconds: number;
  peakMb: number;
}

function measure(args: string[]): Sample {
  const start = process.hrtime.bigint();
  const child = spawnSync(process.execPath, ["--require", RSS, ...args], {
    cwd: ROOT,
    encoding: "utf8",
    maxBuffer: 1024 * 1024 * 1024,
    stdio: ["ignore", "ignore", "pipe"],
  });
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  const match = /peak-rss-kb=(\d+)/.exec(child.stderr ?? "");
  if (!match) throw new Error(`no peak RSS reported: ${child.stderr}`);
  return { seconds, peakMb: Number(match[1]) / 1024 };
}

function median(samples: Sample[]): Sample {
  const by = (k: keyof Sample) =>
    [...samples].map((s) => s[k]).sort((a, b) => a - b)[Math.floor(samples.length / 2)];
  return { seconds: by("seconds"), peakMb: by("peakMb") };
}

const round = (n: number, d = 2) => Math.round(n * 10 ** d) / 10 ** d;

export async function run(): Promise<Record<string, unknown>> {
  const dir = mkdtempSync(join(tmpdir(), "throughline-bench-"));
  const sizes: Size[] = ["S", "M", "L", "XL", "XL2"];
  const rows: Record<string, unknown>[] = [];
  const lintTimes: Record<string, number> = {};
  for (const size of sizes) {
    const file = join(dir, `${size}.yaml`);
    const text = generatePlanYaml(size);
    writeFileSync(file, text);
    const runs = 3;
    const lint = median(
      Array.from({ length: runs }, () => measure(["bin/throughline.js", "lint", file, "--format", "json"])),
    );
    const floor = median(
      Array.from({ length: runs }, () =>
        measure([
          "-e",
          `require("js-yaml").load(require("fs").readFileSync(${JSON.stringify(file)}, "utf8"))`,
        ]),
      ),
    );
    const core = median(
      Array.from({ length: runs }, () =>
        measure([
          "-e",
          `const y = require("js-yaml"); y.load(require("fs").readFileSync(${JSON.stringify(file)}, "utf8"), { schema: y.CORE_SCHEMA })`,
        ]),
      ),
    );
    lintTimes[size] = lint.seconds;
    rows.push({
      size,
      mb: round(text.length / 1e6, 1),
      lintSeconds: round(lint.seconds),
      floorSeconds: round(floor.seconds),
      timeRatio: round(lint.seconds / floor.seconds),
      coreSchemaSeconds: round(core.seconds),
      lintPeakMb: Math.round(lint.peakMb),
      floorPeakMb: Math.round(floor.peakMb),
      memoryRatio: round(lint.peakMb / floor.peakMb),
    });
  }
  console.log(
    "\nlint, whole process, vs node loading the same file with js-yaml (goals: time ≤ 2.0×, memory ≤ 1.5×)",
  );
  console.table(rows);
  const scaling = round(lintTimes.XL2 / lintTimes.XL);
  console.log(`XL2 (twice XL) / XL lint time: ${scaling} (goal ≤ 2.2)`);
  const result = { rows, xl2OverXl: scaling };
  mkdirSync(join(ROOT, "bench", "out"), { recursive: true });
  writeFileSync(join(ROOT, "bench", "out", "lint.json"), JSON.stringify(result, null, 2));
  return result;
}
