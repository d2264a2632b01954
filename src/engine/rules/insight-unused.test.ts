import { describe, expect, it } from "vitest";
import { findingsOf } from "../../../test/support/make-plan.js";

const run = (date: string, decisions: object[] = [], rules?: object) =>
  findingsOf("insight-unused", {
    people: [{ id: "ana", name: "Ana" }],
    priorities: [{ id: "p", title: "Win retail", owner: "ana" }],
    insights: [{ id: "churn", date, summary: "Stores churn after month 2", priorities: ["p"] }],
    decisions: decisions as never,
    rules: rules as never,
  });

describe("insight-unused", () => {
  // asOf is 2026-06-01; 30 days before is 2026-05-02.
  it("does not fire for an insight exactly 30 days old, fires at 31 naming whom to take it to", () => {
    expect(run("2026-05-02")).toEqual([]);
    const found = run("2026-05-01");
    expect(found).toHaveLength(1);
    expect(found[0].suggestion).toContain("Ana");
  });

  it("does not fire once a decision cites it, unless that decision is dated after asOf", () => {
    const decision = (date: string) => ({
      id: "d",
      date,
      statement: "Invest in onboarding",
      kind: "invest",
      evidence: ["churn"],
    });
    expect(run("2026-01-01", [decision("2026-05-01")])).toEqual([]);
    expect(run("2026-01-01", [decision("2026-07-01")])).toHaveLength(1);
  });

  it("honours the days threshold", () => {
    expect(run("2026-05-01", [], { "insight-unused": { days: 60 } })).toEqual([]);
  });
});
