import { describe, expect, it } from "vitest";
import { findingsOf, makePlan } from "../../test/support/make-plan.js";
import { analyse } from "./analyse.js";
import { GROUP_MIN, groupFindings, populationOf } from "./finding-groups.js";
import { RULES } from "./registry.js";

const f = (rule: string, id: string, severity: "error" | "warning" | "info" = "warning") => ({
  rule,
  severity,
  subject: { type: "priority" as const, id },
});

describe("groupFindings", () => {
  it(`folds a rule with ${GROUP_MIN} or more subjects into one entry where its first finding was`, () => {
    const findings = [f("a", "p1"), f("b", "p1"), f("b", "p2"), f("b", "p3"), f("b", "p4"), f("c", "p9")];
    const entries = groupFindings(findings);
    expect(entries.map((e) => (e.kind === "group" ? `group ${e.group.rule}` : e.finding.rule))).toEqual([
      "a",
      "group b",
      "c",
    ]);
    const group = entries[1].kind === "group" ? entries[1].group : undefined;
    expect(group?.findings.map((x) => x.subject.id)).toEqual(["p1", "p2", "p3", "p4"]);
    expect(group?.headline).toBe("4 priorities fire b: p1, p2, p3 and 1 more");
  });

  it("keeps fewer subjects apart, and never groups across severities", () => {
    const few = [f("b", "p1"), f("b", "p2"), f("b", "p3")];
    expect(groupFindings(few).every((e) => e.kind === "finding")).toBe(true);
    const mixed = [f("b", "p1", "error"), f("b", "p2"), f("b", "p3"), f("b", "p4")];
    expect(groupFindings(mixed).every((e) => e.kind === "finding")).toBe(true);
  });

  it("counts the subjects each rule looked at: top-level rules over live top-level priorities", () => {
    const plan = makePlan({
      priorities: [
        ...Array.from({ length: 5 }, (_, i) => ({ id: `p${i}`, title: `P${i}` })),
        { id: "child", title: "Child", parent: "p0" },
        { id: "old", title: "Old", status: "retired" as const },
      ],
    });
    const population = populationOf(plan, "2026-06-01");
    expect(population).toMatchObject({ livePriorities: 6, liveTopLevel: 5 });
    const noStops = analyse(plan).findings.filter((x) => x.rule === "priority-no-stops");
    const [entry] = groupFindings(noStops, { population });
    expect(entry.kind === "group" && entry.group.headline).toBe(
      "5 of 5 priorities have no stop: p0, p1, p2 and 2 more",
    );
    const vague = findingsOf("priority-vague", { priorities: plan.priorities });
    const [v] = groupFindings(vague, { population });
    expect(v.kind === "group" && v.group.headline).toMatch(/^6 of 6 priorities are vague/);
  });

  it("has words for every rule of the engine", () => {
    for (const rule of RULES) {
      const [entry] = groupFindings([1, 2, 3, 4].map((i) => f(rule.id, `p${i}`)));
      expect(entry.kind === "group" && entry.group.headline, rule.id).not.toContain("fire ");
    }
  });
});

describe("populationOf", () => {
  it("reads a plan as the API returns it, with default statuses not written out", () => {
    const raw = {
      version: 1,
      organisation: "x",
      cycle: { name: "c", start: "2026-01-01", end: "2026-12-31" },
      people: [],
      teams: [],
      priorities: [
        { id: "a", title: "A" },
        { id: "b", title: "B", status: "proposed" },
      ],
      initiatives: [{ id: "i", title: "I" }],
    } as never;
    expect(populationOf(raw, "2026-06-01")).toMatchObject({
      livePriorities: 1,
      liveTopLevel: 1,
      liveInitiatives: 1,
    });
  });
});
