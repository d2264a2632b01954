import { describe, expect, it } from "vitest";
import { examplePlan } from "../../../test/support/acme.js";
import type { Plan } from "../../domain/plan-schema.js";
import { analyse } from "../analyse.js";
import { findingKey, whatIf } from "./what-if.js";

const acme = examplePlan();
const asOf = acme.asOf ?? "2026-09-15";
const keys = (fs: readonly { rule: string; subject: { type: string; id: string } }[]) =>
  fs.map(findingKey).sort();

/** The plan with an initiative stopped by hand, as a person would edit the file. */
function stoppedByHand(plan: Plan, id: string, priorities: string[]): Plan {
  const initiative = plan.initiatives?.find((i) => i.id === id);
  if (!initiative) throw new Error(id);
  const { allocation, ...rest } = initiative;
  const stops = priorities.length
    ? priorities.map((priority, i) => ({
        id: i === 0 ? `stop-${id}` : `stop-${id}-${i + 1}`,
        what: initiative.title,
        initiative: id,
        priority,
        decided: asOf,
        effective: asOf,
        ...(i === 0 ? { frees: allocation } : {}),
      }))
    : [
        {
          id: `stop-${id}`,
          what: initiative.title,
          initiative: id,
          decided: asOf,
          effective: asOf,
          frees: allocation,
        },
      ];
  return {
    ...plan,
    initiatives: plan.initiatives?.map((i) => (i.id === id ? { ...rest, status: "stopped" as const } : i)),
    stops: [...(plan.stops ?? []), ...stops],
  };
}

describe("what-if", () => {
  it("of stopping an initiative equals linting the plan with it stopped by hand", () => {
    const result = whatIf(acme, [{ op: "stop", initiative: "custom-themes" }], { asOf });
    if (!result.ok) throw new Error(JSON.stringify(result.problems));
    const byHand = analyse(stoppedByHand(acme, "custom-themes", []), { asOf });
    expect(result.after).toEqual(byHand.index);
    expect(result.analysis.findings).toEqual(byHand.findings);
    expect(result.before).toEqual(analyse(acme, { asOf }).index);
    expect(result.after.overall).toBeLessThan(result.before.overall);
    // Custom dashboard themes holds Product & Engineering 6 FTE and Design 2 FTE.
    expect(result.freed).toEqual({ "product-eng": 6, design: 2 });
    expect(keys(result.closed)).toContain("orphan-initiative\u0000initiative\u0000custom-themes");
    expect(keys(result.closed)).toContain("review-not-acted-on\u0000initiative\u0000custom-themes");
    expect(result.opened).toEqual([]);
  });

  it("records a stop for each live priority the stopped initiative served", () => {
    const result = whatIf(acme, [{ op: "stop", initiative: "pricing-page" }], { asOf });
    if (!result.ok) throw new Error("invalid");
    const served = acme.initiatives?.find((i) => i.id === "pricing-page")?.priorities ?? [];
    expect(served.length).toBeGreaterThan(0);
    expect(result.analysis.findings).toEqual(
      analyse(stoppedByHand(acme, "pricing-page", served), { asOf }).findings,
    );
  });

  it("reports closed and opened findings of an owner change and a drop, nothing written", () => {
    const before = structuredClone(acme);
    const result = whatIf(
      acme,
      [
        { op: "owner", priority: "customer-experience", person: "raj" },
        { op: "drop", priority: "ai-forecasting" },
      ],
      { asOf },
    );
    if (!result.ok) throw new Error("invalid");
    expect(keys(result.closed)).toContain("priority-no-owner\u0000priority\u0000customer-experience");
    expect(keys(result.closed)).toContain("priority-unmeasured\u0000priority\u0000ai-forecasting");
    // Raj already owns three live priorities: a fourth keeps him overloaded, never fixes it.
    expect(keys(result.analysis.findings)).toContain("owner-overloaded\u0000person\u0000raj");
    expect(result.freed).toEqual({});
    expect(acme).toEqual(before);
  });

  it("moves FTE between initiatives: the team's total stays, nothing is freed", () => {
    const result = whatIf(
      acme,
      [{ op: "move", from: "brand-refresh", to: "retail-campaign", team: "marketing", fte: 3 }],
      { asOf },
    );
    if (!result.ok) throw new Error("invalid");
    expect(result.freed).toEqual({});
    const moved = result.plan.initiatives?.find((i) => i.id === "retail-campaign");
    expect(moved?.allocation?.marketing).toBe(9);
    expect(result.plan.initiatives?.find((i) => i.id === "brand-refresh")?.allocation).toEqual({});
    expect(result.analysis.findings).toEqual(analyse(result.plan, { asOf }).findings);
  });

  it("names every bad reference with its path and a likely id, and applies nothing", () => {
    const result = whatIf(
      acme,
      [
        { op: "stop", initiative: "custom-theme" },
        { op: "owner", priority: "enterprise-ready", person: "product-eng" },
        { op: "move", from: "brand-refresh", to: "retail-campaign", team: "marketing", fte: 30 },
      ],
      { asOf },
    );
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems).toEqual([
      {
        path: ["changes", 0, "initiative"],
        message: 'no initiative "custom-theme" in the plan — did you mean "custom-themes"?',
      },
      {
        path: ["changes", 1, "person"],
        message: '"product-eng" is a team, not a person: a priority\'s owner is one person',
      },
      {
        path: ["changes", 2, "fte"],
        message: '"brand-refresh" holds 3 FTE of marketing, less than the 30 to move',
      },
    ]);
  });
});
