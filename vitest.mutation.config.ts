import { defineConfig } from "vitest/config";

// The tests that exercise the engine and the domain without a database: what Stryker runs
// against each mutant (stryker.config.mjs).
export default defineConfig({
  test: {
    include: [
      "src/engine/**/*.test.ts",
      "src/domain/**/*.test.ts",
      "src/plan/**/*.test.ts",
      "test/gap-index.property.test.ts",
      "test/examples.test.ts",
      "test/cli/lint.test.ts",
      "test/cli/json-output.test.ts",
    ],
    testTimeout: 30_000,
  },
});
