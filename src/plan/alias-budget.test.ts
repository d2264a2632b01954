import jsYaml from "js-yaml";
import { describe, expect, it } from "vitest";
import { aliasBomb } from "../../test/support/hostile.js";
import { checkAliasExpansion } from "./alias-budget.js";
import { loadPlan } from "./load-plan.js";

const parse = (text: string) => jsYaml.load(text, { schema: jsYaml.CORE_SCHEMA });

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

describe("alias expansion budget", () => {
  it("lets a few aliases used as shorthand through", () => {
    expect(checkAliasExpansion(parse("a: &x [1, 2, 3]\nb: *x\nc: [*x, *x]\n"))).toEqual({ ok: true });
    expect(checkAliasExpansion(parse(PLAN))).toEqual({ ok: true });
  });

  it("refuses aliases that would add more nodes than the budget", () => {
    expect(checkAliasExpansion(parse(aliasBomb(3)), 100)).toEqual({ ok: false, reason: "budget" });
    expect(checkAliasExpansion(parse(aliasBomb(3)), 100_000)).toEqual({ ok: true });
  });

  it("refuses a list or map that contains itself", () => {
    expect(checkAliasExpansion(parse("a: &x [1, *x]\n"))).toEqual({ ok: false, reason: "cycle" });
    expect(checkAliasExpansion(parse("a: &x {b: *x}\n"))).toEqual({ ok: false, reason: "cycle" });
  });

  it("refuses a 1 KB bomb in a plan at once, at the first alias, before any walk", () => {
    // Ten levels: ten billion nodes if anything walked it expanded (the test would not end).
    const text = PLAN + aliasBomb(10);
    expect(text.length).toBeLessThan(2048);
    const loaded = loadPlan(text, { fileName: "plan.yaml" });
    expect(loaded.ok).toBe(false);
    if (loaded.ok) return;
    expect(loaded.problems).toHaveLength(1);
    expect(loaded.problems[0]).toMatchObject({ line: 16, column: 12 });
    expect(loaded.problems[0].message).toMatch(/aliases would expand this plan by more than 10,000/);
  });

  it("refuses a self-containing alias in a plan instead of walking it forever", () => {
    const loaded = loadPlan(`${PLAN}x-loop: &loop [*loop]\n`, { fileName: "plan.yaml" });
    expect(loaded.ok).toBe(false);
    if (!loaded.ok) expect(loaded.problems[0].message).toMatch(/contains it/);
  });
});
