import { describe, expect, it } from "vitest";
import { makePlan } from "../../test/support/make-plan.js";
import { AnalysisContext, hasPassedOn, isKnownOn, planAsOf } from "./context.js";

/*
 * The plan as it stood on asOf, tested directly: which dated records count, and which
 * metric definition changes are undone. Day boundaries are exact: "on asOf" counts.
 */
const ASOF = "2026-06-01";

const metric = (extra: Record<string, unknown> = {}) => ({
  id: "m",
  name: "NPS",
  kind: "outcome" as const,
  direction: "up" as const,
  baseline: 10,
  target: 40,
  due: "2026-12-31",
  priorities: ["p"],
  ...extra,
});

const planWith = (extra: Record<string, unknown>) =>
  makePlan({ priorities: [{ id: "p", title: "Win retail" }], ...extra } as never);

describe("which day counts", () => {
  it("knows a record dated on asOf, not one dated the day after", () => {
    expect(isKnownOn("2026-05-31", ASOF)).toBe(true);
    expect(isKnownOn(ASOF, ASOF)).toBe(true);
    expect(isKnownOn("2026-06-02", ASOF)).toBe(false);
  });

  it("counts a date as passed only when it is before asOf", () => {
    expect(hasPassedOn("2026-05-31", ASOF)).toBe(true);
    expect(hasPassedOn(ASOF, ASOF)).toBe(false);
    expect(hasPassedOn("2026-06-02", ASOF)).toBe(false);
    const ctx = new AnalysisContext(planWith({}), ASOF);
    expect([ctx.known(ASOF), ctx.passed(ASOF), ctx.passed("2026-05-31"), ctx.known("2026-06-02")]).toEqual([
      true,
      false,
      true,
      false,
    ]);
  });
});

describe("planAsOf", () => {
  it("keeps insights, decisions, reviews and check-ins dated on asOf, drops later ones", () => {
    const plan = planWith({
      insights: [
        { id: "on", date: ASOF, summary: "on the day" },
        { id: "after", date: "2026-06-02", summary: "the day after" },
      ],
      decisions: [
        { id: "d-on", date: ASOF, statement: "on the day", kind: "invest" },
        { id: "d-after", date: "2026-06-02", statement: "after", kind: "invest" },
      ],
      reviews: [
        { id: "r-on", date: ASOF, items: [] },
        { id: "r-after", date: "2026-06-02", items: [] },
      ],
      metrics: [
        metric({
          checkins: [
            { date: "2026-05-01", value: 12 },
            { date: ASOF, value: 15 },
            { date: "2026-06-02", value: 99 },
          ],
        }),
      ],
    });
    const asOf = planAsOf(plan, ASOF);
    expect(asOf.insights?.map((x) => x.id)).toEqual(["on"]);
    expect(asOf.decisions?.map((x) => x.id)).toEqual(["d-on"]);
    expect(asOf.reviews?.map((x) => x.id)).toEqual(["r-on"]);
    expect(asOf.metrics?.[0].checkins?.map((c) => c.value)).toEqual([12, 15]);
    // Nothing later: the same objects, untouched.
    expect(planAsOf(plan, "2026-12-31").metrics?.[0]).toBe(plan.metrics?.[0]);
  });

  it("keeps a stop decided on asOf and drops one decided after", () => {
    const plan = planWith({
      stops: [
        { id: "on", what: "Custom reports", decided: ASOF, effective: "2026-07-01" },
        { id: "after", what: "Partner portal", decided: "2026-06-02", effective: "2026-07-01" },
      ],
    });
    expect(planAsOf(plan, ASOF).stops?.map((s) => s.id)).toEqual(["on"]);
  });

  it("undoes a later definition change with the from of the earliest later entry", () => {
    const plan = planWith({
      metrics: [
        metric({
          target: 60,
          history: [
            { date: "2026-03-01", field: "target", from: 20, to: 30 }, // before: stays
            { date: ASOF, field: "target", from: 30, to: 40 }, // on the day: stays
            { date: "2026-09-01", field: "target", from: 50, to: 60 }, // later, listed first
            { date: "2026-07-01", field: "target", from: 40, to: 50 }, // the earliest later one
          ],
        }),
      ],
    });
    const m = planAsOf(plan, ASOF).metrics?.[0];
    expect(m?.target).toBe(40);
    expect(m?.history?.map((h) => h.date)).toEqual(["2026-03-01", ASOF]);
    // The original is not changed.
    expect(plan.metrics?.[0].target).toBe(60);
  });

  it("undoes each field on its own, removes a field that did not exist, and ignores what it cannot undo", () => {
    const plan = planWith({
      metrics: [
        metric({
          unit: "points",
          due: "2026-11-30",
          direction: "down",
          history: [
            { date: "2026-07-01", field: "unit", to: "points" }, // added later: absent before
            { date: "2026-07-01", field: "due", from: "2026-12-31", to: "2026-11-30" },
            { date: "2026-07-01", field: "direction", to: "down" }, // no from: the field stays
            { date: "2026-07-01", field: "baseline", from: "ten", to: 10 }, // wrong type: ignored
            { date: "2026-07-01", field: "owner", from: "ana", to: "raj" }, // not undoable: ignored
          ],
        }),
      ],
    });
    const m = planAsOf(plan, ASOF).metrics?.[0] as Record<string, unknown>;
    expect("unit" in m).toBe(false);
    expect(m.due).toBe("2026-12-31");
    expect(m.direction).toBe("down");
    expect(m.baseline).toBe(10);
  });

  it("feeds the rules: a check-in after asOf changes nothing, one on asOf counts", () => {
    const ctx = (checkinDate: string) =>
      new AnalysisContext(
        planWith({ metrics: [metric({ checkins: [{ date: checkinDate, value: 20 }] })] }),
        ASOF,
      );
    expect(ctx(ASOF).metrics.get("m")?.checkins).toHaveLength(1);
    expect(ctx("2026-06-02").metrics.get("m")?.checkins).toHaveLength(0);
  });
});
