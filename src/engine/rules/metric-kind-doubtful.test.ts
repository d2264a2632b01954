import { describe, expect, it, vi } from "vitest";
import { findingsOf } from "../../../test/support/make-plan.js";

// The rule's own logic, whatever the wording classifier's word lists say: names starting
// with "Launch" or "Hire" read as output, "maybe" as vague, everything else as outcome.
vi.mock("../classify/index.js", async (importOriginal) => {
  const real = await importOriginal<typeof import("../classify/index.js")>();
  return {
    ...real,
    judgeKeyResult: (text: string) => {
      const verb = /^(launch|hire)\b/i.exec(text);
      if (verb) return { kind: "output", words: [verb[0]] };
      if (/maybe/i.test(text)) return { kind: "vague", words: ["maybe"] };
      if (/silent/i.test(text)) return { kind: "output", words: [] };
      return { kind: "outcome", words: [] };
    },
  };
});

const priorities = [
  { id: "p1", title: "Win mid-market" },
  { id: "old", title: "Old bet", status: "retired" as const },
];
const metric = (id: string, name: string, kind: string, links = ["p1"]) =>
  ({ id, name, kind, direction: "up", target: 1, priorities: links }) as never;

describe("metric-kind-doubtful", () => {
  it("fires when an outcome or business metric's name reads as output, naming the deciding words", () => {
    const found = findingsOf("metric-kind-doubtful", {
      priorities,
      metrics: [
        metric("a", "Launch the partner portal", "outcome"),
        metric("b", "Hire 3 engineers", "business"),
      ],
    });
    expect(found.map((f) => f.subject.id)).toEqual(["a", "b"]);
    expect(found[0].severity).toBe("warning");
    expect(found[0].dimension).toBe("measurement");
    expect(found[0].message).toBe(
      'Metric "Launch the partner portal" is declared outcome, but its name describes output ("Launch")',
    );
    expect(found[0].evidence).toEqual({
      declared: "outcome",
      judged: "output",
      words: ["Launch"],
      priorities: ["p1"],
    });
    expect(found[1].suggestion).toContain(
      'declare "Hire 3 engineers" kind output and link an outcome metric to "Win mid-market"',
    );
  });

  it("does not fire for a metric declared output or efficiency, whatever its name", () => {
    const found = findingsOf("metric-kind-doubtful", {
      priorities,
      metrics: [metric("a", "Launch X", "output"), metric("b", "Hire people", "efficiency")],
    });
    expect(found).toEqual([]);
  });

  it("does not fire for an outcome name, a vague one, or an output judgement without deciding words", () => {
    const found = findingsOf("metric-kind-doubtful", {
      priorities,
      metrics: [
        metric("a", "Stores reordering weekly", "outcome"),
        metric("b", "Maybe more customers", "outcome"),
        metric("c", "Silent output", "outcome"),
      ],
    });
    expect(found).toEqual([]);
  });

  it("does not fire for a metric linked to no live priority", () => {
    const found = findingsOf("metric-kind-doubtful", {
      priorities,
      metrics: [metric("a", "Launch X", "outcome", ["old"]), metric("b", "Launch Y", "outcome", [])],
    });
    expect(found).toEqual([]);
  });

  it("reads the kind as it stood on asOf", () => {
    const found = findingsOf("metric-kind-doubtful", {
      priorities,
      metrics: [
        {
          ...(metric("a", "Launch X", "output") as object),
          history: [{ date: "2026-07-01", field: "kind", from: "outcome", to: "output" }],
        } as never,
      ],
    });
    expect(found.map((f) => f.subject.id)).toEqual(["a"]);
  });
});
