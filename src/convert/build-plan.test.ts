import { describe, expect, it } from "vitest";
import { loadPlan } from "../plan/load-plan.js";
import { serialisePlan } from "../plan/serialise-plan.js";
import { buildPlan } from "./build-plan.js";
import { parsePeriods } from "./cycle.js";
import type { Draft, DraftKeyResult, DraftObjective } from "./draft.js";
import { conversionReportSchema } from "./report.js";

const kr = (text: string, line: number, extra: Partial<DraftKeyResult> = {}): DraftKeyResult => ({
  text,
  line,
  ownersAsWritten: [],
  ...extra,
});
const objective = (title: string, line: number, extra: Partial<DraftObjective> = {}): DraftObjective => ({
  title,
  line,
  level: 1,
  parent: null,
  ownersAsWritten: [],
  keyResults: [],
  stops: [],
  ...extra,
});
const draft = (objectives: DraftObjective[], extra: Partial<Draft> = {}): Draft => ({
  source: "okrs.md",
  from: "markdown",
  periods: [{ text: "FY27-Q1", line: 1 }],
  objectives,
  initiatives: [],
  unmapped: [],
  assumptions: [],
  ...extra,
});

/** The plan must load (lint exits 0 or 1, never 2) after a YAML round trip. */
function expectValid(plan: ReturnType<typeof buildPlan>["plan"]) {
  const loaded = loadPlan(serialisePlan(plan, "yaml"), { format: "yaml" });
  if (!loaded.ok) throw new Error(JSON.stringify(loaded.problems, null, 2));
  return loaded.plan;
}

describe("buildPlan", () => {
  const sample = draft([
    objective("Win the regional grocers", 3, {
      ownersAsWritten: ["CEO"],
      keyResults: [
        kr("Grow net revenue retention to 115%", 4, {
          target: 115,
          unit: "%",
          score: { value: 80, unit: "%", text: "80%" },
        }),
        kr("Ship the pricing calculator", 5, { ownersAsWritten: ["@mira"] }),
        kr("Reach $X in expansion ARR", 6),
        kr("TBD", 7),
        kr("Trial to paid conversion", 8, { placeholders: ["TBD"] }),
      ],
      stops: [{ text: "No new enterprise pilots this quarter", line: 8 }],
    }),
    objective("Sales (Inside Sales): Shorten the sales cycle", 10, {
      level: 2,
      parent: 0,
      title: "Shorten the sales cycle",
      ownersAsWritten: ["Sales (Inside Sales)"],
      keyResults: [kr("Median days to close under 30", 11, { target: 30, ownersAsWritten: ["VP Sales"] })],
    }),
    objective("Shorten the sales cycle", 13, { level: 2, parent: 0, ownersAsWritten: ["Ana Lima", "@mira"] }),
  ]);

  it("makes a valid plan whose ids are slugged and unique", () => {
    const { plan } = buildPlan(sample, { fiscalYearStart: 2 });
    const valid = expectValid(plan);
    expect(valid.priorities.map((p) => p.id)).toEqual([
      "win-the-regional-grocers",
      "shorten-the-sales-cycle",
      "shorten-the-sales-cycle-2",
    ]);
    expect(valid.priorities[1]?.parent).toBe("win-the-regional-grocers");
  });

  it("turns roles into people marked as roles, handles and names into people, and keeps a team a team", () => {
    const { plan, report } = buildPlan(sample, { fiscalYearStart: 2 });
    expect(plan.people).toEqual([
      { id: "ceo", name: "CEO", "x-role": true },
      { id: "mira", name: "mira" },
      { id: "vp-sales", name: "VP Sales", "x-role": true },
      { id: "ana-lima", name: "Ana Lima" },
    ]);
    expect(plan.teams).toEqual([{ id: "sales-inside-sales", name: "Sales (Inside Sales)" }]);
    const teamOwned = plan.priorities[1];
    expect(teamOwned).toMatchObject({ team: "sales-inside-sales", owner: "sales-inside-sales" });
    expect(plan.people.some((p) => p.name.startsWith("Sales"))).toBe(false);
    expect(plan.priorities[2]?.owner).toEqual(["ana-lima", "mira"]);
    expect(report.objectives[1]).toMatchObject({ ownersAsWritten: ["Sales (Inside Sales)"], owners: [] });
    expect(report.objectives[0]?.owners).toEqual(["ceo"]);
  });

  it("maps key results to metrics with owner, target and kind, scores to check-ins, and flags placeholders", () => {
    const { plan, report, confirmations } = buildPlan(sample, { fiscalYearStart: 2 });
    const [nrr, ship, arr, tbd] = plan.metrics ?? [];
    expect(nrr).toMatchObject({
      kind: "business",
      target: 115,
      unit: "%",
      direction: "up",
      priorities: ["win-the-regional-grocers"],
    });
    expect(nrr?.checkins).toEqual([{ date: "2026-04-30", value: 80, note: "80%" }]);
    expect(ship?.owner).toBe("mira");
    expect(arr?.target).toBeUndefined();
    expect(tbd?.kind).toBe("output");
    const krs = report.objectives[0]?.keyResults ?? [];
    expect(krs.map((k) => k.placeholder)).toEqual([false, false, true, true, true]);
    expect(krs[4]).toMatchObject({ target: null, placeholder: true });
    expect(krs[3]?.kind).toBe("placeholder");
    expect(krs[0]?.target).toBe(115);
    expect(confirmations.filter((c) => c.what === "placeholder").map((c) => c.line)).toEqual([6, 7, 8]);
    expect(plan.metrics?.find((m) => m.name.startsWith("Median"))).toMatchObject({
      owner: "vp-sales",
      direction: "down",
    });
  });

  it("turns anti-goals into stops on the objective, dated at the cycle start", () => {
    const { plan } = buildPlan(sample, { fiscalYearStart: 2 });
    expect(plan.stops).toEqual([
      expect.objectContaining({
        what: "No new enterprise pilots this quarter",
        priority: "win-the-regional-grocers",
        decided: "2026-02-01",
        effective: "2026-02-01",
      }),
    ]);
  });

  it("writes a report that matches the contract, in document order with levels and parents", () => {
    const { report } = buildPlan(sample, { fiscalYearStart: 2 });
    expect(conversionReportSchema.parse(report)).toEqual(report);
    expect(report.objectives.map((o) => [o.level, o.parent])).toEqual([
      [1, null],
      [2, 0],
      [2, 0],
    ]);
    expect(report.cycle).toEqual({ start: "2026-02-01", end: "2026-04-30", assumed: false });
  });

  it("takes the cycle from options first, then labels, else assumes the current quarter and says how to set it", () => {
    expect(buildPlan(sample, { cycleStart: "2026-01-01", cycleEnd: "2026-06-30" }).report.cycle).toEqual({
      start: "2026-01-01",
      end: "2026-06-30",
      assumed: false,
    });
    const guessed = buildPlan(sample, {});
    expect(guessed.report.cycle).toEqual({ start: "2027-01-01", end: "2027-03-31", assumed: true });
    expect(guessed.report.assumptions[0]).toMatch(/--fiscal-year-start/);
    const none = buildPlan(draft(sample.objectives, { periods: [] }), { today: "2026-11-20" });
    expect(none.report.cycle).toEqual({ start: "2026-10-01", end: "2026-12-31", assumed: true });
    expect(none.report.assumptions[0]).toMatch(/no period.*--cycle-start/);
    expect(none.summary.join("\n")).toMatch(/cycle 2026-10-01 – 2026-12-31 \(assumed\)/);
  });

  it("lists what needs confirmation with source lines in the summary", () => {
    const { summary } = buildPlan(sample, { fiscalYearStart: 2 });
    const text = summary.join("\n");
    expect(text).toMatch(/3 objectives \(1 top level\), 6 key results → 6 metrics/);
    expect(text).toMatch(/okrs\.md:6: placeholder/);
    expect(text).toMatch(/okrs\.md:10: owner: .*owned by a team/);
  });
});

describe("quarter labels", () => {
  const one = (text: string, fy?: number) => parsePeriods(text, fy).map((p) => [p.start, p.end]);
  it("reads fiscal, calendar and half-year labels", () => {
    expect(one("FY21-Q3", 2)).toEqual([["2020-08-01", "2020-10-31"]]);
    expect(one("FY20-Q2 OKRs", 2)).toEqual([["2019-05-01", "2019-07-31"]]);
    expect(one("FY24 Q2")).toEqual([["2024-04-01", "2024-06-30"]]);
    expect(one("FY24-Q2-Q3", 2)).toEqual([
      ["2023-05-01", "2023-07-31"],
      ["2023-08-01", "2023-10-31"],
    ]);
    expect(one("2019 Q3")).toEqual([["2019-07-01", "2019-09-30"]]);
    expect(one("2019Q1 objectives")).toEqual([["2019-01-01", "2019-03-31"]]);
    expect(one("CY19-Q4 OKRs")).toEqual([["2019-10-01", "2019-12-31"]]);
    expect(one("Q1 2019")).toEqual([["2019-01-01", "2019-03-31"]]);
    expect(one("H2 2020")).toEqual([["2020-07-01", "2020-12-31"]]);
    expect(one("Q2 in fiscal year 2020, which runs from 2020-05-01 to 2020-07-31")).toEqual([
      ["2020-05-01", "2020-07-31"],
    ]);
    expect(one("Quarterly objectives")).toEqual([]);
  });
});
