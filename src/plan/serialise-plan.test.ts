import { readFileSync } from "node:fs";
import { join } from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { makePlan } from "../../test/support/make-plan.js";
import { loadPlan } from "./load-plan.js";
import { serialisePlan } from "./serialise-plan.js";

const examples = join(import.meta.dirname, "..", "..", "examples");

function reload(text: string, format: "yaml" | "json") {
  const loaded = loadPlan(text, { format });
  if (!loaded.ok) throw new Error(JSON.stringify(loaded.problems));
  return loaded.plan;
}

describe("serialisePlan", () => {
  for (const name of ["acme.yaml", "acme-aligned.yaml"]) {
    for (const format of ["yaml", "json"] as const) {
      it(`round-trips examples/${name} as ${format}: same plan, then the same bytes`, () => {
        const original = loadPlan(readFileSync(join(examples, name), "utf8"), { fileName: name });
        if (!original.ok) throw new Error("example invalid");
        const once = serialisePlan(original.plan, format);
        const plan = reload(once, format);
        expect(plan).toEqual(original.plan);
        expect(serialisePlan(plan, format)).toBe(once);
      });
    }
  }

  it("writes keys in the format's order and leaves out defaults", () => {
    const text = serialisePlan(
      makePlan({
        people: [{ id: "ana", name: "Ana" }],
        priorities: [{ id: "p", owner: "ana", title: "Win", status: "committed", reviewEvery: "30d" }],
      }),
      "yaml",
    );
    expect(text).toContain("priorities:\n  - id: p\n    title: Win\n    owner: ana\n");
    expect(text).not.toContain("status: committed");
    expect(text).not.toContain("reviewEvery");
    expect(text.indexOf("version: 1")).toBe(0);
  });

  it("quotes text that would read as another type, and keeps x- keys", () => {
    const plan = makePlan({
      people: [{ id: "ana", name: "yes", "x-slack": "@ana" } as never],
      teams: [{ id: "t", name: "12", capacity: 1 }],
      priorities: [{ id: "p", title: "Win: the #1 segment, now", segment: "  padded  " }],
    });
    const text = serialisePlan(plan, "yaml");
    expect(reload(text, "yaml")).toEqual(plan);
    expect(text).toContain('name: "yes"');
    expect(text).toContain("x-slack:");
  });

  it("round-trips generated plans with awkward text", () => {
    const text = fc.string({ minLength: 1, maxLength: 20 }).filter((s) => s.trim().length > 0);
    fc.assert(
      fc.property(fc.array(text, { minLength: 1, maxLength: 5 }), (titles) => {
        const plan = makePlan({
          priorities: titles.map((title, i) => ({ id: `p${i}`, title, outcome: title })),
          insights: titles.map((summary, i) => ({
            id: `i${i}`,
            date: "2026-01-01",
            summary,
            priorities: [`p${i}`],
          })),
        });
        for (const format of ["yaml", "json"] as const) {
          const once = serialisePlan(plan, format);
          expect(reload(once, format)).toEqual(plan);
          expect(serialisePlan(reload(once, format), format)).toBe(once);
        }
      }),
      { numRuns: 200 },
    );
  });
});
