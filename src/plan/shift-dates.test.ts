import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { analyse } from "../engine/analyse.js";
import { loadPlan } from "./load-plan.js";
import { redateToToday, shiftPlanDates } from "./shift-dates.js";

const ACME = join(import.meta.dirname, "..", "..", "examples", "acme.yaml");

function acme() {
  const loaded = loadPlan(readFileSync(ACME, "utf8"));
  if (!loaded.ok) throw new Error("examples/acme.yaml does not load");
  return loaded.plan;
}

describe("shiftPlanDates", () => {
  it("moves every date of the plan by the same number of days and nothing else", () => {
    const plan = acme();
    const moved = shiftPlanDates(plan, 10);
    expect(moved.cycle.start).toBe("2026-01-11");
    expect(moved.asOf).toBe("2026-09-25");
    const checkin = plan.metrics?.find((m) => m.checkins?.length)?.checkins?.[0];
    const movedCheckin = moved.metrics?.find((m) => m.checkins?.length)?.checkins?.[0];
    expect(checkin && movedCheckin).toBeTruthy();
    expect(movedCheckin?.value).toBe(checkin?.value);
    expect(Date.parse(movedCheckin?.date ?? "") - Date.parse(checkin?.date ?? "")).toBe(10 * 86_400_000);
    expect(moved.stops?.[0]?.decided).not.toBe(plan.stops?.[0]?.decided);
    expect(moved.priorities[0]?.title).toBe(plan.priorities[0]?.title);
    // The input is left alone.
    expect(plan.cycle.start).toBe("2026-01-01");
  });

  it("across a month and a year boundary", () => {
    const plan = { ...acme(), asOf: "2026-12-31" };
    expect(shiftPlanDates(plan, 1).asOf).toBe("2027-01-01");
    expect(shiftPlanDates(plan, -365).asOf).toBe("2025-12-31");
  });
});

describe("redateToToday", () => {
  it("puts the plan's asOf on today and unpins it, so the analysis is the same on the day it is loaded", () => {
    const plan = acme();
    const moved = redateToToday(plan, "2027-03-02");
    expect(moved.asOf).toBeUndefined();
    const before = analyse(plan, { asOf: plan.asOf ?? "" });
    const after = analyse(moved, { asOf: "2027-03-02" });
    expect(after.index.overall).toBe(before.index.overall);
    expect(after.findings.map((f) => `${f.rule}:${f.subject.id}`)).toEqual(
      before.findings.map((f) => `${f.rule}:${f.subject.id}`),
    );
  });
});
