/**
 * `npm run bench`: every benchmark, each printing ratios against a floor measured in the same
 * run. Add a benchmark by adding its module here.
 */
import { execSync } from "node:child_process";

const BENCHMARKS: { name: string; load: () => Promise<{ run(): Promise<unknown> }> }[] = [
  { name: "lint", load: () => import("./lint-bench.js") },
  { name: "server", load: () => import("./server-bench.js") },
  { name: "web", load: () => import("./web-bench.js") },
  { name: "rhythm", load: () => import("./rhythm-bench.js") },
  { name: "classify", load: () => import("./classify-bench.js") },
];

execSync("npm run build", { stdio: "inherit" });
const only = process.argv[2];
for (const bench of BENCHMARKS) {
  if (only && bench.name !== only) continue;
  console.log(`\n== ${bench.name} ==`);
  await (await bench.load()).run();
}
