import { readFileSync } from "node:fs";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { loadPlan } from "../../plan/load-plan.js";
import { serialisePlan } from "../../plan/serialise-plan.js";
import { type BuildResult, ConvertError, convertDocument } from "../index.js";

const FIXTURES = join(import.meta.dirname, "..", "..", "..", "test", "fixtures", "convert");
const fixture = (name: string) => new Uint8Array(readFileSync(join(FIXTURES, name)));
const text = (s: string) => new TextEncoder().encode(s);
const TODAY = { today: "2026-05-01" };

/** The plan must load as lint loads it (exit 0 or 1, never 2) after a YAML round trip. */
function expectLints(result: BuildResult) {
  const loaded = loadPlan(serialisePlan(result.plan, "yaml"), { format: "yaml" });
  if (!loaded.ok) throw new Error(JSON.stringify(loaded.problems, null, 2));
  return loaded.plan;
}

describe("OKR spreadsheets (csv)", () => {
  it("turns the fixture into a valid plan: objectives grouped, parent tree, numbers with units", async () => {
    const result = await convertDocument("okrs.csv", fixture("okrs.csv"), "auto", TODAY);
    const plan = expectLints(result);
    expect(result.report.from).toBe("csv");
    const titles = result.report.objectives.map((o) => [o.title, o.level, o.parent]);
    expect(titles).toEqual([
      ["Make onboarding the reason small clinics stay", 1, null],
      ["Win the multi-site dental groups", 1, null],
      ["Give site managers one view of every chair", 2, 1],
      ["Customer excellence", 1, null],
    ]);
    expect(result.report.objectives[0]?.keyResults).toHaveLength(3);
    const arr = plan.metrics?.find((m) => m.name.startsWith("Grow ARR"));
    expect(arr).toMatchObject({ baseline: 1_200_000, target: 2_500_000, unit: "$" });
    const retention = plan.metrics?.find((m) => m.name.startsWith("Raise 60-day"));
    expect(retention).toMatchObject({ baseline: 71, target: 85, unit: "%", due: "2026-06-30" });
    expect(retention?.checkins?.[0]?.value).toBe(74);
    expect(plan.metrics?.find((m) => m.name === "Weekly active site managers")).toMatchObject({
      baseline: 1200,
      target: 4000,
    });
    const pilots = result.report.objectives[1]?.keyResults[1];
    expect(pilots).toMatchObject({ placeholder: true, target: null });
    expect(result.report.objectives[1]?.keyResults[1]).toBeDefined();
    expect(plan.metrics?.find((m) => m.name.startsWith("Signed pilots"))?.owner).toBe("hannah-okafor");
    // Key results owned by two people: the objective's owner is not guessed, it is asked for.
    expect(result.report.objectives[0]?.ownersAsWritten).toEqual([]);
    expect(result.confirmations).toContainEqual(expect.objectContaining({ line: 2, what: "no-owner" }));
    expect(result.report.objectives[3]?.theme).toBe(true);
    expect(plan.teams.map((t) => t.name).sort()).toEqual(["Product", "Sales", "Support"]);
  });

  it("reports bad rows and cells by row number and converts the rest", async () => {
    const result = await convertDocument("okrs.csv", fixture("okrs.csv"), "csv", TODAY);
    expect(result.report.unmapped).toEqual([
      { line: 8, text: 'row 8: current "lots" is not a number' },
      { line: 9, text: "row 9: no objective or key result in this row: 2026 Q2" },
    ]);
    expect(result.summary.join("\n")).toContain("okrs.csv:9:");
  });

  it("finds the header below a title row, in other spellings, with ; as delimiter", async () => {
    const csv = [
      "Q3 goals for the platform team;;;",
      "OKR;KR;Assignee;Goal",
      "Keep checkout fast for every shopper;p95 checkout latency under 300 ms;Mina Cho;300 ms",
    ].join("\n");
    const result = await convertDocument("platform.csv", text(csv), "csv", TODAY);
    expectLints(result);
    expect(result.report.objectives).toHaveLength(1);
    expect(result.plan.metrics?.[0]).toMatchObject({ target: 300, unit: "ms", direction: "down" });
    expect(result.report.assumptions).toContainEqual(
      expect.stringContaining('row 2 is the header: "OKR" as objective'),
    );
    // The one owner of all its key results owns the objective too, and the report says so.
    expect(result.report.objectives[0]?.ownersAsWritten).toEqual(["Mina Cho"]);
    expect(result.report.assumptions).toContainEqual(
      expect.stringContaining("all owned by Mina Cho, so it is too"),
    );
  });

  it("takes --map for columns named otherwise, and refuses an unknown field by name", async () => {
    const csv =
      "Aim,Measure of success,Person\nBecome the default for rural clinics,Rural clinics signed: 40,Ola\n";
    const noHeader = convertDocument("aims.csv", text(csv), "csv", TODAY);
    await expect(noHeader).rejects.toThrow(/no recognisable OKR header.*"Objective" or "Key result"/);
    await expect(noHeader).rejects.toThrow(/Row 1 has: Aim, Measure of success, Person/);
    const mapped = await convertDocument("aims.csv", text(csv), "csv", {
      ...TODAY,
      map: { Aim: "objective", "Measure of success": "key result", Person: "owner" },
    });
    expectLints(mapped);
    expect(mapped.report.objectives[0]).toMatchObject({ title: "Become the default for rural clinics" });
    expect(mapped.report.objectives[0]?.keyResults[0]?.text).toBe("Rural clinics signed: 40");
    await expect(convertDocument("aims.csv", text(csv), "csv", { map: { Aim: "purpose" } })).rejects.toThrow(
      /"purpose" is not a field; use one of objective, keyResult/,
    );
    await expect(
      convertDocument("aims.csv", text(csv), "csv", { map: { Ambition: "objective" } }),
    ).rejects.toThrow(/--map names "ambition", which is not a column/);
  });

  it("reads a Type/Title/Parent sheet: rows are objectives or key results by their type", async () => {
    const csv = [
      "ID,Type,Title,Parent,Owner",
      "C1,Objective,Be the clinic software staff recommend,,Dana Ruiz",
      "C1.1,Key result,Staff NPS from 20 to 45,C1,Dana Ruiz",
      "S1,Objective,Make sales cycles for groups shorter,C1,Eli Park",
      "S1.1,KR,Median days to close group deals from 90 to 45,S1,Eli Park",
      "X9,Milestone,Launch party,,",
    ].join("\n");
    const result = await convertDocument("tree.csv", text(csv), "csv", TODAY);
    expectLints(result);
    expect(result.report.objectives.map((o) => [o.title, o.level, o.parent, o.keyResults.length])).toEqual([
      ["Be the clinic software staff recommend", 1, null, 1],
      ["Make sales cycles for groups shorter", 2, 0, 1],
    ]);
    expect(result.plan.priorities[1]?.parent).toBe(result.plan.priorities[0]?.id);
    expect(result.report.unmapped[0]?.text).toMatch(/^row 6: type "Milestone" is neither/);
  });

  it("keeps a parent loop out of the tree and says where", async () => {
    const csv = "Objective,Parent\nA grows,B grows\nB grows,A grows\n";
    const result = await convertDocument("loop.csv", text(csv), "csv", TODAY);
    expectLints(result);
    expect(result.report.unmapped.some((u) => u.line === 3 && /loop/.test(u.text))).toBe(true);
  });
});

describe("OKR workbooks (xlsx)", () => {
  async function workbook(build: (wb: ExcelJS.Workbook) => void): Promise<Uint8Array> {
    const wb = new ExcelJS.Workbook();
    build(wb);
    return new Uint8Array(await wb.xlsx.writeBuffer());
  }

  it("reads the sheet that has the header, with percent and currency cells as the sheet shows them", async () => {
    const bytes = await workbook((wb) => {
      wb.addWorksheet("Read me").addRow(["This workbook holds our H2 OKRs"]);
      const sheet = wb.addWorksheet("OKRs");
      sheet.addRow(["Objective", "Key result", "Owner", "Start", "Target", "Deadline"]);
      const r1 = sheet.addRow([
        "Make renewals effortless",
        "Gross retention",
        "Jo Hart",
        0.88,
        0.94,
        new Date(Date.UTC(2026, 11, 31)),
      ]);
      r1.getCell(4).numFmt = "0%";
      r1.getCell(5).numFmt = "0%";
      const r2 = sheet.addRow([null, "Expansion revenue from renewals", "Jo Hart", 150000, 400000, null]);
      r2.getCell(4).numFmt = '"$"#,##0';
      r2.getCell(5).numFmt = '"$"#,##0';
    });
    const result = await convertDocument("okrs.xlsx", bytes, "auto", TODAY);
    const plan = expectLints(result);
    expect(result.report.from).toBe("xlsx");
    expect(result.report.assumptions.some((a) => a.includes('of sheet "OKRs"'))).toBe(true);
    expect(result.report.objectives[0]?.keyResults.map((k) => k.text)).toEqual([
      "Gross retention",
      "Expansion revenue from renewals",
    ]);
    expect(plan.metrics?.[0]).toMatchObject({ baseline: 88, target: 94, unit: "%", due: "2026-12-31" });
    expect(plan.metrics?.[1]).toMatchObject({ baseline: 150000, target: 400000, unit: "$" });
    expect(result.report.objectives[0]?.keyResults[0]?.line).toBe(2);
  });

  it("names the sheets it looked in when none has a header", async () => {
    const bytes = await workbook((wb) => {
      wb.addWorksheet("Budget").addRow(["Line", "Amount"]);
      wb.addWorksheet("Notes").addRow(["Anything"]);
    });
    await expect(convertDocument("okrs.xlsx", bytes, "xlsx", TODAY)).rejects.toThrow(
      /no recognisable OKR header.*No sheet of 2 \("Budget", "Notes"\) has one/,
    );
  });

  it("refuses a file that is not a workbook", async () => {
    await expect(convertDocument("okrs.xlsx", text("Objective,KR\n"), "xlsx", TODAY)).rejects.toThrow(
      /not an \.xlsx workbook/,
    );
  });
});

describe("bad input", () => {
  it("refuses binary, empty and oversized input with a clear message", async () => {
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d]);
    await expect(convertDocument("logo.csv", png, "auto")).rejects.toThrow(/binary file/);
    await expect(convertDocument("empty.csv", new Uint8Array(), "auto")).rejects.toThrow(/empty/);
    await expect(convertDocument("blank.csv", text("\n \n"), "csv")).rejects.toThrow(/empty/);
    const big = new Uint8Array(50 * 1024 * 1024).fill(0x41);
    await expect(convertDocument("huge.csv", big, "csv")).rejects.toThrow(ConvertError);
    await expect(convertDocument("huge.csv", big, "csv")).rejects.toThrow(/50\.0 MB is too large/);
  });
});
