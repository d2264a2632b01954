import { describe, expect, it } from "vitest";
import { findingsOf } from "../../../test/support/make-plan.js";

const priorities = [
  { id: "p1", title: "Win mid-market" },
  { id: "p2", title: "Win enterprise" },
  { id: "old", title: "Old bet", status: "retired" as const },
];

describe("team-over-capacity", () => {
  it("does not fire at exactly its capacity, even with floating-point sums", () => {
    const found = findingsOf("team-over-capacity", {
      teams: [{ id: "product", name: "Product", capacity: 0.3 }],
      priorities,
      initiatives: [
        { id: "a", title: "A", priorities: ["p1"], allocation: { product: 0.1 } },
        { id: "b", title: "B", priorities: ["p1"], allocation: { product: 0.2 } },
      ],
    });
    expect(found).toEqual([]);
  });

  it("counts only live initiatives, and a stop's frees does not reduce the load", () => {
    const plan = {
      teams: [{ id: "product", name: "Product", capacity: 5 }],
      priorities,
      initiatives: [
        { id: "a", title: "A", priorities: ["p1"], allocation: { product: 3 } },
        { id: "b", title: "B", priorities: ["p1"], status: "paused" as const, allocation: { product: 2 } },
        { id: "c", title: "C", status: "stopped" as const, allocation: { product: 4 } },
        { id: "d", title: "D", status: "proposed" as const, allocation: { product: 4 } },
      ],
    };
    expect(findingsOf("team-over-capacity", plan)).toEqual([]);
    const over = findingsOf("team-over-capacity", {
      ...plan,
      initiatives: [
        ...plan.initiatives,
        { id: "e", title: "E", priorities: ["p2"], allocation: { product: 0.5 } },
      ],
      stops: [
        {
          id: "s",
          what: "E",
          initiative: "e",
          frees: { product: 0.5 },
          decided: "2026-01-01",
          effective: "2026-09-01",
        },
      ],
    });
    expect(over).toHaveLength(1);
    expect(over[0].evidence).toMatchObject({ committed: 5.5, capacity: 5, overloadPercent: 110 });
  });

  it("reports the load and names the initiatives to stop: orphans first, then fewest live priorities, larger first", () => {
    const found = findingsOf("team-over-capacity", {
      teams: [
        { id: "product", name: "Product", capacity: 24 },
        { id: "sales", name: "Sales", capacity: 10 },
      ],
      priorities,
      initiatives: [
        { id: "core", title: "Core platform", priorities: ["p1", "p2"], allocation: { product: 12 } },
        { id: "one-a", title: "Mid-market onboarding", priorities: ["p1"], allocation: { product: 5 } },
        { id: "one-b", title: "Enterprise SSO", priorities: ["p2"], allocation: { product: 2, sales: 1 } },
        { id: "legacy", title: "Legacy reports v3", priorities: ["old"], allocation: { product: 4 } },
        { id: "gone", title: "Gone", status: "done", allocation: { product: 8 } },
        { id: "zero", title: "Zero", allocation: { product: 0 } },
        { id: "tiny", title: "Tiny", priorities: ["p1"], allocation: { product: 8 } },
      ],
    });
    expect(found).toHaveLength(1);
    const [f] = found;
    expect(f.subject).toEqual({ type: "team", id: "product" });
    expect(f.severity).toBe("error");
    expect(f.message).toBe("Product is committed to 31 FTE against 24 (129%)");
    expect(f.evidence).toMatchObject({ committed: 31, capacity: 24, overload: 7, overloadPercent: 129 });
    expect((f.evidence.initiatives as { id: string; fte: number }[]).map((i) => [i.id, i.fte])).toEqual([
      ["core", 12],
      ["one-a", 5],
      ["one-b", 2],
      ["legacy", 4],
      ["tiny", 8],
    ]);
    // Overload 7: the orphan (4) first, then the largest single-priority one (tiny, 8) covers it.
    expect(f.evidence.toStop).toEqual(["legacy", "tiny"]);
    expect(f.suggestion).toBe(
      'Stop "Legacy reports v3" (orphan, 4 FTE) and "Tiny" (serves 1 live priority, 8 FTE), or remove their Product allocation, to free 12 FTE against an overload of 7 FTE.',
    );
  });

  it("a team with capacity 0 and any load fires with no percentage", () => {
    const found = findingsOf("team-over-capacity", {
      teams: [{ id: "ops", name: "Ops", capacity: 0 }],
      priorities,
      initiatives: [{ id: "a", title: "A", priorities: ["p1"], allocation: { ops: 1 } }],
    });
    expect(found[0].evidence.overloadPercent).toBeNull();
    expect(found[0].message).toBe("Ops is committed to 1 FTE against a capacity of 0");
  });
});
