import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["src/**/*.test.ts", "test/**/*.test.ts"],
    // Fails on CI without PostgreSQL; elsewhere says at the end that its half was skipped.
    globalSetup: ["test/support/postgres-check.ts"],
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
