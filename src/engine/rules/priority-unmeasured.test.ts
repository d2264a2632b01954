import { describe, expect, it } from "vitest";
import { findingsOf } from "../../../test/support/make-plan.js";

const priorities = [{ id: "p", title: "Win retail", outcome: "Stores reorder weekly" }];
const metric = (kind: string, links = ["p"]) => ({
  id: `m-${kind}`,
  name: kind,
  kind,
  direction: "up",
  priorities: links,
});

describe("priority-unmeasured", () => {
  it("fires when a live priority has only output/efficiency metrics or none, and names what to add", () => {
    const found = findingsOf("priority-unmeasured", {
      priorities,
      metrics: [metric("output"), metric("efficiency")] as never,
    });
    expect(found).toHaveLength(1);
    expect(found[0].message).toContain('(only "output" (output), "efficiency" (efficiency))');
    expect(found[0].suggestion).toContain('"Stores reorder weekly"');
    expect(findingsOf("priority-unmeasured", { priorities })).toHaveLength(1);
  });

  it("does not fire with an outcome or a business metric, or for a priority that is not live", () => {
    expect(findingsOf("priority-unmeasured", { priorities, metrics: [metric("outcome")] as never })).toEqual(
      [],
    );
    expect(findingsOf("priority-unmeasured", { priorities, metrics: [metric("business")] as never })).toEqual(
      [],
    );
    expect(
      findingsOf("priority-unmeasured", { priorities: [{ ...priorities[0], status: "achieved" }] }),
    ).toEqual([]);
  });
});

describe("priority-unmeasured on a tree of objectives", () => {
  const tree = [
    { id: "co", title: "Win retail" },
    { id: "fn", title: "Sales: retail pipeline", parent: "co" },
    { id: "tm", title: "Retail SDRs", parent: "fn", status: "committed" as const },
  ];
  it("counts an outcome metric of a live priority beneath it, at any depth, and judges only the top level", () => {
    expect(findingsOf("priority-unmeasured", { priorities: tree }).map((f) => f.subject.id)).toEqual(["co"]);
    const deep = { ...metric("outcome", ["tm"]) };
    expect(findingsOf("priority-unmeasured", { priorities: tree, metrics: [deep] as never })).toEqual([]);
  });
  it("does not count a metric of a priority beneath it that is not live", () => {
    const retired = tree.map((p) => (p.id === "tm" ? { ...p, status: "retired" as const } : p));
    const found = findingsOf("priority-unmeasured", {
      priorities: retired,
      metrics: [metric("outcome", ["tm"])] as never,
    });
    expect(found.map((f) => f.subject.id)).toEqual(["co"]);
  });
});
