import { describe, expect, it } from "vitest";
import { findingsOf } from "../../../test/support/make-plan.js";

const base = {
  people: [{ id: "ana", name: "Ana" }],
  priorities: [{ id: "p", title: "Win retail", owner: "ana", reviewEvery: "30d" }],
  initiatives: [{ id: "i", title: "Store app", priorities: ["p"], status: "done" as const }],
};
const run = (reviews: object[], extra: object = {}) =>
  findingsOf("review-overdue", { ...base, reviews: reviews as never, ...extra });

describe("review-overdue", () => {
  // asOf 2026-06-01; 30 days before is 2026-05-02.
  it("does not fire when the last review is exactly the cadence old, fires one day later", () => {
    expect(run([{ id: "r", date: "2026-05-02", priority: "p", items: [] }])).toEqual([]);
    const found = run([{ id: "r", date: "2026-05-01", priority: "p", items: [] }]);
    expect(found).toHaveLength(1);
    expect(found[0].suggestion).toContain("Ana");
  });

  it("counts a review holding an item for one of its initiatives, whatever that initiative's status", () => {
    expect(run([{ id: "r", date: "2026-05-20", items: [{ initiative: "i" }] }])).toEqual([]);
  });

  it("ignores reviews after asOf and, with none, compares with the cycle start", () => {
    expect(run([{ id: "r", date: "2026-06-10", priority: "p", items: [] }])).toHaveLength(1);
    expect(run([], { cycle: { name: "C", start: "2026-05-02", end: "2026-12-31" } })).toEqual([]);
    expect(run([], { cycle: { name: "C", start: "2026-05-01", end: "2026-12-31" } })).toHaveLength(1);
  });

  it("uses each priority's own cadence", () => {
    const weekly = { ...base, priorities: [{ ...base.priorities[0], reviewEvery: "2w" }] };
    // 2w is 14 days: 2026-05-18 is exactly 14 days before asOf.
    const at = (date: string) =>
      findingsOf("review-overdue", { ...weekly, reviews: [{ id: "r", date, priority: "p", items: [] }] });
    expect(at("2026-05-18")).toEqual([]);
    expect(at("2026-05-17")).toHaveLength(1);
  });
});

describe("review-overdue on a tree of objectives", () => {
  const tree = [
    { id: "co", title: "Win retail", reviewEvery: "30d" },
    { id: "fn", title: "Sales: retail pipeline", parent: "co", reviewEvery: "30d" },
  ];
  it("judges only the top level, and a review of a priority beneath it counts as its last review", () => {
    expect(findingsOf("review-overdue", { priorities: tree }).map((f) => f.subject.id)).toEqual(["co"]);
    const reviewed = findingsOf("review-overdue", {
      priorities: tree,
      reviews: [{ id: "r", date: "2026-05-20", priority: "fn", items: [] }],
    });
    expect(reviewed).toEqual([]);
    // Exactly at the cadence (30 days before asOf 2026-06-01) is not overdue; a day more is.
    const at = (date: string) =>
      findingsOf("review-overdue", {
        priorities: tree,
        reviews: [{ id: "r", date, priority: "fn", items: [] }],
      });
    expect(at("2026-05-02")).toEqual([]);
    expect(at("2026-05-01").map((f) => f.evidence.lastReview)).toEqual(["2026-05-01"]);
  });
});
