import { describe, expect, it } from "vitest";
import { findingsOf } from "../../../test/support/make-plan.js";

const base = {
  priorities: [{ id: "p", title: "Win retail" }],
  initiatives: [
    { id: "app", title: "Store app", priorities: ["p"] },
    { id: "crm", title: "CRM", priorities: ["p"] },
  ],
};
const full = { connection: "Serves retail", learning: "Stores want offline", stillInvest: "yes" };
const run = (reviews: object[]) => findingsOf("review-incomplete", { ...base, reviews: reviews as never });

describe("review-incomplete", () => {
  it("fires for an item that leaves a question unanswered (blank counts as missing), on the initiative", () => {
    const found = run([
      {
        id: "r1",
        date: "2026-05-01",
        items: [
          { initiative: "app", ...full, learning: "  " },
          { initiative: "crm", ...full },
        ],
      },
    ]);
    expect(found).toHaveLength(1);
    expect(found[0].subject).toEqual({ type: "initiative", id: "app" });
    expect(found[0].path).toEqual(["reviews", 0, "items", 0]);
    expect(found[0].message).toContain("what it teaches about the segment");
  });

  it("gathers several reviews of one initiative into one finding", () => {
    const found = run([
      { id: "r1", date: "2026-04-01", items: [{ initiative: "app", ...full, stillInvest: undefined }] },
      { id: "r2", date: "2026-05-01", items: [{ initiative: "app", ...full, connection: undefined }] },
    ]);
    expect(found).toHaveLength(1);
    expect((found[0].evidence.reviews as unknown[]).length).toBe(2);
  });

  it("counts only the last item for an initiative within a review", () => {
    expect(
      run([{ id: "r1", date: "2026-05-01", items: [{ initiative: "app" }, { initiative: "app", ...full }] }]),
    ).toEqual([]);
  });
});
