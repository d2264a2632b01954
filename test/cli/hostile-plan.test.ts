import { describe, expect, it } from "vitest";
import { main } from "../../src/cli/main.js";
import { fakeIO } from "../support/fake-io.js";
import { aliasBomb } from "../support/hostile.js";

const PLAN = `version: 1
organisation: Test Co
asOf: 2026-06-01
cycle:
  name: FY2026
  start: 2026-01-01
  end: 2026-12-31
people:
  - id: ana
    name: Ana
priorities:
  - id: p1
    title: One
    owner: ana
`;

async function run(args: string[], text: string) {
  const { io, captured } = fakeIO({ "plan.yaml": text });
  const code = await main(args, io);
  return { code, ...captured };
}

describe("hostile plan files on the command line", () => {
  it("refuses a YAML alias bomb with exit 2 and the line:column of its first alias", async () => {
    for (const command of [
      ["lint", "plan.yaml"],
      ["import", "plan.yaml", "-w", "t", "--data", "memory"],
    ]) {
      const { code, err, out } = await run(command, PLAN + aliasBomb(10));
      expect(code, command[0]).toBe(2);
      expect(err + out).toMatch(/plan\.yaml:16:12 .*aliases would expand this plan/);
    }
  });

  it("refuses NUL characters and lone surrogates with exit 2 at their line:column", async () => {
    const nul = PLAN.replace("title: One", 'title: "One\\0"');
    for (const command of [
      ["lint", "plan.yaml"],
      ["import", "plan.yaml", "-w", "t", "--data", "memory"],
    ]) {
      const { code, err, out } = await run(command, nul);
      expect(code, command[0]).toBe(2);
      expect(err + out).toMatch(/plan\.yaml:13:12 .*NUL character/);
    }
    const surrogate = await run(["lint", "plan.yaml"], PLAN.replace("name: Ana", 'name: "An\\uD800a"'));
    expect(surrogate.code).toBe(2);
    expect(surrogate.err + surrogate.out).toMatch(/plan\.yaml:10:11 .*lone UTF-16 surrogate/);
  });

  it("refuses keys named like Object.prototype members as unknown keys", async () => {
    for (const key of ["toString", "constructor", "__proto__"]) {
      const { code, err, out } = await run(
        ["lint", "plan.yaml"],
        PLAN.replace("    owner: ana", `    owner: ana\n    ${key}: x`),
      );
      expect(code, key).toBe(2);
      expect(err + out).toMatch(new RegExp(`plan\\.yaml:15:5 .*unknown key "${key}"`));
    }
  });
});
