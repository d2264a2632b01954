import { describe, expect, it } from "vitest";
import { main } from "../../src/cli/main.js";
import { RULES } from "../../src/engine/registry.js";
import { fakeIO } from "../support/fake-io.js";

describe("throughline explain", () => {
  it("explains a rule: what fires it, why, how to close it, its thresholds", async () => {
    const { io, captured } = fakeIO();
    expect(await main(["explain", "priority-no-owner"], io)).toBe(0);
    expect(captured.out).toContain("priority-no-owner (error, ownership)");
    expect(captured.out).toContain("Fires when");
    expect(captured.out).toContain("Why it matters");
    expect(captured.out).toContain("How to close it");
  });

  it("lists every rule without an argument", async () => {
    const { io, captured } = fakeIO();
    expect(await main(["explain"], io)).toBe(0);
    for (const rule of RULES) expect(captured.out).toContain(rule.id);
  });

  it("rejects an unknown rule with exit 2 and a suggestion", async () => {
    const { io, captured } = fakeIO();
    expect(await main(["explain", "priority-no-ownr"], io)).toBe(2);
    expect(captured.err).toContain('did you mean "priority-no-owner"');
  });
});

describe("throughline usage", () => {
  it("exits 2 on an unknown command or option, 0 on --help", async () => {
    expect(await main(["frobnicate"], fakeIO().io)).toBe(2);
    expect(await main(["lint", "--bogus", "x.yaml"], fakeIO().io)).toBe(2);
    const { io, captured } = fakeIO();
    expect(await main(["--help"], io)).toBe(0);
    expect(captured.out).toContain("lint");
  });
});
