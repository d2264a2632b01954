import { describe, expect, it } from "vitest";
import { postgresVerdict } from "./postgres-check.js";

describe("the PostgreSQL half of the test run", () => {
  it("fails on CI without PostgreSQL, says it was skipped elsewhere, and is silent when it ran", () => {
    expect(postgresVerdict(false, true).fail).toMatch(/CI needs PostgreSQL/);
    expect(postgresVerdict(false, false)).toEqual({
      notice: expect.stringMatching(/was SKIPPED \(PGlite only\)/),
    });
    expect(postgresVerdict(true, true)).toEqual({});
    expect(postgresVerdict(true, false)).toEqual({});
  });
});
