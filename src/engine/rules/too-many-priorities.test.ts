import { describe, expect, it } from "vitest";
import { findingsOf } from "../../../test/support/make-plan.js";
import type { PlanInput } from "../../domain/plan-schema.js";

const priorities = (n: number) =>
  Array.from({ length: n }, (_, i) => ({ id: `p${i + 1}`, title: `Priority ${i + 1}` }));

/** An outcome metric for each priority with `checkins[i]` check-ins inside the cycle. */
const metrics = (checkins: number[]): PlanInput["metrics"] =>
  checkins.map((n, i) => ({
    id: `m${i + 1}`,
    name: `Metric ${i + 1}`,
    kind: "outcome" as const,
    direction: "up" as const,
    priorities: [`p${i + 1}`],
    checkins: Array.from({ length: n }, (_, k) => ({ date: `2026-0${k + 2}-01`, value: k })),
  }));

describe("too-many-priorities", () => {
  it("does not fire at exactly 5 live priorities", () => {
    expect(findingsOf("too-many-priorities", { priorities: priorities(5) })).toEqual([]);
  });

  it("does not count priorities that are not live", () => {
    const found = findingsOf("too-many-priorities", {
      priorities: [...priorities(5), { id: "x", title: "Later", status: "proposed" }],
    });
    expect(found).toEqual([]);
  });

  it("fires at 6 on the plan, listing them and naming the one with the least evidence of progress", () => {
    const found = findingsOf("too-many-priorities", {
      priorities: priorities(6),
      metrics: metrics([3, 2, 0, 1, 2, 4]),
    });
    expect(found).toHaveLength(1);
    const [f] = found;
    expect(f.subject).toEqual({ type: "plan", id: "plan" });
    expect(f.path).toEqual(["priorities"]);
    expect(f.severity).toBe("warning");
    expect(f.evidence).toMatchObject({ count: 6, max: 5, leastProgress: ["p3"] });
    expect((f.evidence.priorities as { id: string; title: string }[]).map((p) => p.id)).toEqual([
      "p1",
      "p2",
      "p3",
      "p4",
      "p5",
      "p6",
    ]);
    expect(f.suggestion).toContain('"Priority 3" (0 check-ins on 1 outcome/business metric)');
    expect(f.scope.priorities).toEqual(["p3"]);
  });

  it("ignores check-ins after asOf and on output metrics; ties go to fewer metrics, then id", () => {
    const found = findingsOf("too-many-priorities", {
      priorities: priorities(7),
      metrics: [
        ...(metrics([1, 1, 1, 1, 1, 0, 0]) ?? []),
        // After asOf (2026-06-01): does not count as progress.
        {
          id: "late",
          name: "Late",
          kind: "business",
          direction: "up",
          priorities: ["p6"],
          checkins: [
            { date: "2026-07-01", value: 1 },
            { date: "2026-08-01", value: 2 },
          ],
        },
        {
          id: "out",
          name: "Output",
          kind: "output",
          direction: "up",
          priorities: ["p7"],
          checkins: [
            { date: "2026-03-01", value: 1 },
            { date: "2026-04-01", value: 1 },
          ],
        },
      ],
    });
    // p6 and p7 have no check-ins that count; p7 has fewer outcome/business metrics, so it comes first.
    expect(found[0].evidence.leastProgress).toEqual(["p7", "p6"]);
  });

  it("follows a `max` override and can be turned off", () => {
    const plan = { priorities: priorities(7) };
    expect(
      findingsOf("too-many-priorities", { ...plan, rules: { "too-many-priorities": { max: 7 } } }),
    ).toEqual([]);
    expect(
      findingsOf("too-many-priorities", { ...plan, rules: { "too-many-priorities": { max: 6 } } }),
    ).toHaveLength(1);
    expect(findingsOf("too-many-priorities", { ...plan, rules: { "too-many-priorities": "off" } })).toEqual(
      [],
    );
  });
});

describe("too-many-priorities on a tree of objectives", () => {
  const teams = [
    { id: "product", name: "Product", capacity: 10 },
    { id: "sales", name: "Sales", capacity: 10 },
  ];
  const top = [{ id: "co", title: "Win retail" }];
  const owned = (team: string, n: number, status: "committed" | "proposed" = "committed") =>
    Array.from({ length: n }, (_, i) => ({
      id: `${team}-${i}`,
      title: `${team} ${i}`,
      parent: "co",
      team,
      status,
    }));

  it("counts only top-level priorities for the plan, however many sit beneath", () => {
    expect(
      findingsOf("too-many-priorities", { teams, priorities: [...top, ...owned("product", 5)] }),
    ).toEqual([]);
  });

  it("fires per team with more than maxPerTeam live priorities of its own, not at exactly the limit", () => {
    const found = findingsOf("too-many-priorities", {
      teams,
      priorities: [
        ...top,
        ...owned("product", 6),
        ...owned("sales", 5),
        ...owned("sales", 3, "proposed").map((p) => ({ ...p, id: `x${p.id}` })),
      ],
    });
    expect(found.map((f) => f.subject)).toEqual([{ type: "team", id: "product" }]);
    expect(found[0].evidence).toMatchObject({ count: 6, maxPerTeam: 5, leastProgress: ["product-0"] });
    expect(found[0].message).toContain("Product carries 6 live priorities of its own (at most 5)");
    expect(found[0].scope.teams).toEqual(["product"]);
  });

  it("reads maxPerTeam from the plan's rules", () => {
    const found = findingsOf("too-many-priorities", {
      teams,
      priorities: [...top, ...owned("sales", 3)],
      rules: { "too-many-priorities": { maxPerTeam: 2 } },
    });
    expect(found.map((f) => f.subject.id)).toEqual(["sales"]);
  });
});
