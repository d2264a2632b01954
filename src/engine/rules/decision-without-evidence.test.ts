import { describe, expect, it } from "vitest";
import { findingsOf } from "../../../test/support/make-plan.js";

const insights = [
  { id: "early", date: "2026-03-01", summary: "Stores churn", priorities: ["p"] },
  { id: "late", date: "2026-07-01", summary: "Later finding" },
];
const run = (kind: string, evidence?: string[]) =>
  findingsOf("decision-without-evidence", {
    priorities: [{ id: "p", title: "Win retail" }],
    insights,
    decisions: [
      { id: "d", date: "2026-05-01", statement: "Cut the reseller channel", kind, priority: "p", evidence },
    ] as never,
  });

describe("decision-without-evidence", () => {
  it("fires (as info) for a cut, deprioritise, stop, invest or pivot citing no insight, suggesting candidates", () => {
    for (const kind of ["cut", "deprioritise", "stop", "invest", "pivot"]) expect(run(kind)).toHaveLength(1);
    const [found] = run("cut");
    expect(found.severity).toBe("info");
    expect(found.suggestion).toContain("early");
  });

  it("treats a decision citing only insights dated after asOf as citing none", () => {
    expect(run("cut", ["late"])).toHaveLength(1);
  });

  it("does not fire for continue, or when an insight is cited", () => {
    expect(run("continue")).toEqual([]);
    expect(run("cut", ["early"])).toEqual([]);
  });
});
