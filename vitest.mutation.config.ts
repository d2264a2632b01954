import { defineConfig } from "vitest/config";

// The tests that exercise the engine and the domain without a database: what Stryker runs
// against each mutant (stryker.config.mjs).
export default defineConfig({
  test: {
    // The unit tests beside the code: each mutant reruns the ones covering it, so heavy
    // suites (CLI, examples, property tests) would multiply the run time for little gain.
    include: ["src/engine/**/*.test.ts", "src/domain/**/*.test.ts", "src/plan/**/*.test.ts"],
    testTimeout: 30_000,
  },
});
