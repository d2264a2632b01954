/**
 * `npm run calibrate [DIR]`: how the wording classifiers (and other readers of real
 * documents) agree with a labelled folder — by default ../shared/real-okrs, which lives
 * outside the repository. Skips with one line, exit 0, when the folder is absent.
 * Add a section by importing its function and listing it in SECTIONS.
 */
import { existsSync } from "node:fs";
import { join, resolve } from "node:path";
import { calibrateConvert } from "./calibrate/convert.js";
import { calibrateWording } from "./calibrate/wording.js";

const SECTIONS: ((dir: string) => unknown)[] = [calibrateWording, calibrateConvert];

const dir = resolve(process.argv[2] ?? join(import.meta.dirname, "..", "..", "shared", "real-okrs"));
if (!existsSync(join(dir, "labels.tsv"))) {
  console.log(`calibrate: skipped, no labelled documents at ${dir} (they are kept outside the repository)`);
} else {
  for (const section of SECTIONS) await section(dir);
}
