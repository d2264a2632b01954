import { describe, expect, it } from "vitest";
import { loadPlan } from "../plan/load-plan.js";

/** The problems `lint` reports for a plan whose `priorities` and `metrics` are given. */
function problems(priorities: string, metrics = "[]"): string[] {
  const text = [
    "version: 1",
    "organisation: Hints Co",
    "cycle: { name: c, start: 2026-01-01, end: 2026-12-31 }",
    "people: [{ id: ceo, name: Chris Example }, { id: ana, name: Ana Lima }]",
    "teams: [{ id: sales, name: Sales }]",
    `priorities: ${priorities}`,
    `metrics: ${metrics}`,
  ].join("\n");
  const loaded = loadPlan(text, { fileName: "plan.yaml" });
  if (loaded.ok) return [];
  return loaded.problems.map((p) => `${p.line}:${p.path ?? ""} ${p.message}`);
}

describe("messages that say what was meant", () => {
  it("a wrong-case id: one problem, with did you mean", () => {
    const found = problems('[{ id: p, title: Win, owner: "CEO" }]');
    expect(found).toHaveLength(1);
    expect(found[0]).toContain('did you mean "ceo"?');
  });

  it("a person's name where an id belongs: names the id", () => {
    const found = problems('[{ id: p, title: Win, owner: "Ana Lima" }]');
    expect(found).toHaveLength(1);
    expect(found[0]).toContain('did you mean "ana"? (Ana Lima; references use ids, not names)');
  });

  it("a team where a person is expected: says it is a team", () => {
    const found = problems("[{ id: p, title: Win, owner: [sales, ana] }]");
    expect(found).toEqual([expect.stringContaining('"sales" is a team, and a person is expected here')]);
  });

  it("a near-miss id: did you mean the closest", () => {
    expect(problems("[{ id: p, title: Win, owner: anna }]")[0]).toContain('did you mean "ana"?');
  });

  it("a duplicate id does not repeat the word id", () => {
    const found = problems("[{ id: p, title: A }, { id: p, title: B }]");
    expect(found).toEqual([expect.stringContaining('"p" is used twice (first at line 6)')]);
    expect(found[0]).not.toMatch(/id id/);
  });

  it.each([
    ["17%", 'write 17 and give the metric unit: "%"'],
    ["$1.2M", 'write the number alone (1200000) and give the metric unit: "USD"'],
    ["1,200", "write it without separators (1200)"],
  ])("a number written as %s says what to write", (target, hint) => {
    const found = problems("[]", `[{ id: m, name: M, kind: outcome, direction: up, target: "${target}" }]`);
    expect(found).toEqual([expect.stringContaining(hint)]);
  });
});
