import { describe, expect, it } from "vitest";
import { findingsOf } from "../../../test/support/make-plan.js";

const teams = [
  { id: "marketing", name: "Marketing", capacity: 5 },
  { id: "service", name: "Service", capacity: 5 },
  { id: "product", name: "Product", capacity: 5 },
];
const run = (milestones: object[], priority?: string) =>
  findingsOf("promise-out-of-step", {
    teams,
    priorities: [{ id: "p", title: "Win retail", status: "retired" }],
    promises: [{ id: "launch", statement: "Same-day setup", priority, milestones }] as never,
  });

describe("promise-out-of-step", () => {
  it("fires when a readiness milestone not done comes after the earliest customer-facing one, naming the team and days", () => {
    const found = run(
      [
        { team: "marketing", what: "Campaign", date: "2026-09-01", customerFacing: true },
        { team: "marketing", what: "Sales pitch", date: "2026-10-01", customerFacing: true },
        { team: "service", what: "Agents trained", date: "2026-09-22" },
        { team: "product", what: "Feature ready", date: "2026-08-15" },
      ],
      "p",
    );
    expect(found).toHaveLength(1);
    expect(found[0].evidence.lagging).toEqual([
      { team: "service", what: "Agents trained", date: "2026-09-22", daysLate: 21 },
    ]);
    expect(found[0].suggestion).toContain('Service\'s "Agents trained" forward 21 days');
    expect(found[0].scope.teams).toEqual(["service"]);
  });

  it("does not fire on the same day, when the late milestone is done, or without a customer-facing milestone", () => {
    expect(
      run([
        { team: "marketing", what: "Go", date: "2026-09-01", customerFacing: true },
        { team: "service", what: "T", date: "2026-09-01" },
      ]),
    ).toEqual([]);
    expect(
      run([
        { team: "marketing", what: "Go", date: "2026-09-01", customerFacing: true },
        { team: "service", what: "T", date: "2026-09-30", done: true },
      ]),
    ).toEqual([]);
    expect(run([{ team: "service", what: "T", date: "2026-09-30" }])).toEqual([]);
  });
});
