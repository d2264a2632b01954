// Mutation testing of the engine and the domain (docs/testing.md). Not part of CI's time
// budget: `npm run mutation` for everything, or a subset with
// `npx stryker run --mutate src/engine/gap-index.ts --concurrency 1`.
/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  testRunner: "vitest",
  vitest: { configFile: "vitest.mutation.config.ts", related: false },
  mutate: ["src/engine/**/*.ts", "src/domain/**/*.ts", "!src/**/*.test.ts"],
  coverageAnalysis: "perTest",
  reporters: ["clear-text", "progress", "html"],
  htmlReporter: { fileName: "reports/mutation/index.html" },
  concurrency: 1,
  timeoutMS: 60_000,
  // The machine running it may be busy: the first (coverage) run may take a while.
  dryRunTimeoutMinutes: 60,
  tempDirName: ".stryker-tmp",
  cleanTempDir: "always",
  thresholds: { high: 85, low: 70, break: null },
};
