import { describe, expect, it } from "vitest";
import { findingsOf } from "../../../test/support/make-plan.js";

const teams = [
  { id: "marketing", name: "Marketing", capacity: 5 },
  { id: "service", name: "Service", capacity: 5 },
];
const run = (milestones: object[]) =>
  findingsOf("promise-broken", {
    teams,
    promises: [{ id: "launch", statement: "Same-day setup", milestones }] as never,
  });

describe("promise-broken", () => {
  // asOf is 2026-06-01.
  it("fires once a customer-facing date has passed with a readiness milestone open, whatever its own date", () => {
    const found = run([
      { team: "marketing", what: "Campaign", date: "2026-05-31", customerFacing: true, done: true },
      { team: "service", what: "Agents trained", date: "2026-07-01" },
    ]);
    expect(found).toHaveLength(1);
    expect(found[0].suggestion).toContain("Service");
    expect(found[0].scope.teams).toEqual(["service"]);
  });

  it("does not fire on the customer-facing day itself, or when every readiness milestone is done", () => {
    expect(
      run([
        { team: "marketing", what: "Campaign", date: "2026-06-01", customerFacing: true },
        { team: "service", what: "Agents trained", date: "2026-05-01" },
      ]),
    ).toEqual([]);
    expect(
      run([
        { team: "marketing", what: "Campaign", date: "2026-05-01", customerFacing: true },
        { team: "service", what: "Agents trained", date: "2026-04-01", done: true },
      ]),
    ).toEqual([]);
  });
});
