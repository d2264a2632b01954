import { describe, expect, it } from "vitest";
import { convertDocument } from "../src/convert/index.js";
import { validatePlan } from "../src/store/index.js";
import { applyFixes, openFlags, type Preview, previewTree } from "../src/web/import-preview.js";

const csv = [
  "Objective,Key result,Owner,Target",
  "Customer excellence,Publish the support handbook,Sam Oduya,1",
  "Customer excellence,First-reply time under 2 hours,Ada Brook,2",
  "Win rural clinics,Rural clinics signed,Sales,40",
].join("\n");

async function preview(): Promise<Preview> {
  const r = await convertDocument("okrs.csv", new TextEncoder().encode(csv), "csv", { today: "2026-05-01" });
  return { report: r.report, plan: r.plan, confirmations: r.confirmations, summary: r.summary };
}

describe("the import page's preview", () => {
  it("shows each objective with its flags and each key result with the metric it became", async () => {
    const rows = previewTree(await preview());
    expect(rows.map((r) => [r.title, r.flags])).toEqual([
      ["Customer excellence", ["theme", "no owner"]],
      ["Win rural clinics", ["team as owner"]],
    ]);
    const p = await preview();
    const metrics = p.plan.metrics ?? [];
    expect(rows[0]?.keyResults.map((k) => [k.text, k.metricId])).toEqual([
      ["Publish the support handbook", metrics[0]?.id],
      ["First-reply time under 2 hours", metrics[1]?.id],
    ]);
    expect(rows[0]?.keyResults[0]?.metricKind).toBe(metrics[0]?.kind);
  });

  it("applies the owners and kinds a person fixed; the corrected plan is valid", async () => {
    const p = await preview();
    const rows = previewTree(p);
    const [first, second] = rows;
    const metric = first?.keyResults[0]?.metricId as string;
    const before = openFlags(rows, { owners: {}, kinds: {} });
    const owners = {
      [first?.priorityId as string]: { person: "ada-brook" },
      [second?.priorityId as string]: { newPerson: "Lena Ruiz" },
    };
    // Both owner flags close; the theme is the person's to reword, so it stays.
    expect(openFlags(rows, { owners, kinds: {} })).toBe(before - 2);
    // "Publish the support handbook" reads as output: choosing its kind closes that flag too.
    const output = rows[0]?.keyResults.find((k) => k.kind === "output");
    expect(output?.metricId).toBe(metric);
    const fixes = { owners, kinds: { [metric]: "efficiency" as const } };
    expect(openFlags(rows, fixes)).toBe(before - 3);
    const plan = applyFixes(p.plan, fixes);
    expect(plan.priorities.map((x) => x.owner)).toEqual(["ada-brook", "lena-ruiz"]);
    expect(plan.people.find((x) => x.id === "lena-ruiz")?.name).toBe("Lena Ruiz");
    expect(plan.metrics?.find((m) => m.id === metric)?.kind).toBe("efficiency");
    expect(validatePlan(plan)).toEqual([]);
    // The preview itself is left as it was (the person can still go back).
    expect(p.plan.priorities[0]?.owner).toBeUndefined();
  });
});
