import { describe, expect, it } from "vitest";
import { examplePlan } from "../../../test/support/acme.js";
import { makePlan } from "../../../test/support/make-plan.js";
import { analyse } from "../analyse.js";
import { proposeMoves } from "./propose-moves.js";

describe("proposeMoves", () => {
  it("keeps a move only when simulating it lowers the index, whatever the estimate said", () => {
    // Six live priorities (one too many). Retiring the weakest closes too-many-priorities but
    // turns the five initiatives serving it into orphans: the index would rise.
    const full = (i: number) => ({
      id: `p${i}`,
      title: `Get retailer segment ${i} live in a day`,
      owner: `o${i}`,
      segment: "Mid-market retail",
      outcome: "Live in a day",
      rightToWin: "Our connectors",
      resistance: [
        {
          id: `r${i}`,
          area: "process" as const,
          description: "Setup is sold as a project",
          change: {
            kind: "process" as const,
            description: "Fixed setup",
            owner: `o${i}`,
            due: "2026-12-01",
            status: "planned" as const,
          },
        },
      ],
    });
    const plan = makePlan({
      people: Array.from({ length: 6 }, (_, i) => ({ id: `o${i}`, name: `Owner ${i}` })),
      teams: [{ id: "product", name: "Product", capacity: 100 }],
      priorities: Array.from({ length: 6 }, (_, i) => full(i)),
      metrics: Array.from({ length: 6 }, (_, i) => ({
        id: `m${i}`,
        name: `Days to first dashboard ${i}`,
        kind: "outcome" as const,
        direction: "down" as const,
        target: 5,
        priorities: [`p${i}`],
        checkins: i === 0 ? [] : [{ date: "2026-05-20", value: 9 }],
      })),
      initiatives: Array.from({ length: 5 }, (_, i) => ({
        id: `w${i}`,
        title: `Work ${i}`,
        // Five owners: five pieces of work (one owner's initiatives serving one priority count
        // once towards the index, docs/gap-index.md).
        owner: `o${i}`,
        priorities: ["p0"],
        allocation: { product: 2 },
      })),
      stops: Array.from({ length: 6 }, (_, i) => ({
        id: `s${i}`,
        what: `Old thing ${i}`,
        priority: `p${i}`,
        decided: "2026-01-10",
        effective: "2026-02-01",
      })),
      reviews: Array.from({ length: 6 }, (_, i) => ({
        id: `rv${i}`,
        date: "2026-05-20",
        priority: `p${i}`,
        items: [],
      })),
    });
    const before = analyse(plan);
    expect(before.findings.map((f) => f.rule)).toContain("too-many-priorities");
    const { moves } = proposeMoves(plan);
    expect(moves.flatMap((m) => m.actions)).not.toContainEqual({ op: "drop", priority: "p0" });
    let index = before.index.overall;
    for (const m of moves) {
      expect(m.indexAfter).toBeLessThan(index);
      index = m.indexAfter;
    }
  });

  it("never hands a priority to someone who already owns the limit", () => {
    // Raj owns three live priorities; "Get new customers live in days" is shared by Raj and
    // Lena, and the rule suggests Raj: the move must name Lena, or no one.
    const { moves } = proposeMoves(examplePlan(), { limit: 12 });
    const owners = moves.flatMap((m) => m.actions).filter((a) => a.op === "owner");
    expect(owners.map((a) => a.person)).not.toContain("raj");
    expect(owners).toContainEqual({ op: "owner", priority: "live-in-days", person: "lena" });
  });

  it("stops an initiative once, for every priority it makes room for", () => {
    const { moves } = proposeMoves(examplePlan(), { limit: 12 });
    const stops = moves.flatMap((m) => m.actions).filter((a) => a.op === "stop");
    expect(new Set(stops.map((s) => s.initiative)).size).toBe(stops.length);
  });
});
