import { describe, expect, it } from "vitest";
import { findingsOf } from "../../../test/support/make-plan.js";

const base = {
  teams: [{ id: "product", name: "Product", capacity: 10 }],
  priorities: [{ id: "p", title: "Win retail" }],
  initiatives: [{ id: "app", title: "Store app", priorities: ["p"], allocation: { product: 2 } }],
};
const review = (date: string, stillInvest: string, id = "r") => ({
  id,
  date,
  items: [{ initiative: "app", stillInvest }],
});
const run = (reviews: object[], extra: object = {}) =>
  findingsOf("review-not-acted-on", { ...base, reviews: reviews as never, ...extra });

describe("review-not-acted-on", () => {
  // asOf 2026-06-01; 14 days before is 2026-05-18.
  it("does not fire exactly 14 days after a no, fires at 15 naming the allocation to release", () => {
    expect(run([review("2026-05-18", "no")])).toEqual([]);
    const found = run([review("2026-05-17", "no")]);
    expect(found).toHaveLength(1);
    expect(found[0].suggestion).toContain("Product 2 FTE");
  });

  it("reads the most recent answer: a later yes overrides an old no", () => {
    expect(run([review("2026-03-01", "no", "r1"), review("2026-04-01", "yes", "r2")])).toEqual([]);
    expect(run([review("2026-03-01", "yes", "r1"), review("2026-04-01", "no", "r2")])).toHaveLength(1);
  });

  it("does not fire once a stop names the initiative or it is no longer live", () => {
    const stop = {
      id: "s",
      what: "Store app",
      initiative: "app",
      decided: "2026-05-20",
      effective: "2026-06-30",
    };
    expect(run([review("2026-04-01", "no")], { stops: [stop] })).toEqual([]);
    expect(
      run([review("2026-04-01", "no")], { initiatives: [{ ...base.initiatives[0], status: "stopped" }] }),
    ).toEqual([]);
  });
});
