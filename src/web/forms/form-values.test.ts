import { describe, expect, it } from "vitest";
import type { EntitySection } from "../../domain/plan-schema";
import { sectionForm } from "./field-spec";
import { fromFormValues, type MapRow, type ObjectValue, suggestId, toFormValues } from "./form-values";

const ENTRIES: [EntitySection, Record<string, unknown>][] = [
  [
    "initiatives",
    {
      id: "soc2",
      title: "SOC 2",
      owner: "dan",
      priorities: ["enterprise-ready"],
      status: "active",
      start: "2026-02-01",
      allocation: { "product-eng": 4, "finance-ops": 0.5 },
      "x-tracker": { key: "SEC-1" },
    },
  ],
  [
    "priorities",
    {
      id: "p",
      title: "P",
      owner: ["maya", "raj"],
      status: "committed",
      reviewEvery: "2w",
      resistance: [
        {
          id: "r1",
          area: "incentives",
          description: "d",
          change: { kind: "process", description: "c", owner: "tom", due: "2026-06-30", status: "planned" },
        },
        { id: "r2", area: "culture", description: "e" },
      ],
    },
  ],
  [
    "promises",
    {
      id: "p",
      statement: "s",
      milestones: [{ team: "sales", what: "w", date: "2026-03-01", customerFacing: true, done: false }],
    },
  ],
  ["teams", { id: "sales", name: "Sales", capacity: 0, scorecard: [{ metric: "arr", weight: 2 }] }],
  ["reviews", { id: "r", date: "2026-01-05", items: [{ initiative: "soc2", stillInvest: "no" }] }],
];

describe("form values", () => {
  it("give back the entry they were made from, for every kind of field", () => {
    for (const [section, entry] of ENTRIES) {
      const { fields, excluded } = sectionForm(section);
      const read = fromFormValues(fields, toFormValues(fields, entry, excluded));
      expect(read.problems, section).toEqual([]);
      expect(read.entry, section).toEqual(entry);
    }
  });

  it("keep x- keys aside and leave the excluded ones out", () => {
    const { fields, excluded } = sectionForm("metrics");
    const metric = { id: "m", name: "M", kind: "outcome", direction: "up", checkins: [], "x-a": 1 };
    const form = toFormValues(fields, metric, excluded);
    expect(form.extras).toEqual({ "x-a": 1 });
    expect(fromFormValues(fields, form).entry).toEqual({
      id: "m",
      name: "M",
      kind: "outcome",
      direction: "up",
      "x-a": 1,
    });
  });

  it("start a new entry on the schema's defaults", () => {
    const { fields } = sectionForm("initiatives");
    expect(toFormValues(fields, undefined).values).toMatchObject({
      status: "active",
      title: "",
      priorities: [],
    });
  });

  it("read empty inputs as absent and leave bad numbers for the schema to name", () => {
    const { fields } = sectionForm("teams");
    const form = toFormValues(fields, { id: "t", name: "T", capacity: 3 });
    const edited: ObjectValue = { ...form, values: { ...form.values, name: "  ", capacity: "lots" } };
    expect(fromFormValues(fields, edited).entry).toEqual({ id: "t", capacity: "lots" });
  });

  it("drop an optional group left empty and report a map row without its team", () => {
    const priority = sectionForm("priorities").fields;
    const form = toFormValues(priority, {
      id: "p",
      title: "P",
      resistance: [{ id: "r", area: "skills", description: "d" }],
    });
    expect(fromFormValues(priority, form).entry.resistance).toEqual([
      { id: "r", area: "skills", description: "d" },
    ]);

    const initiative = sectionForm("initiatives").fields;
    const rows: MapRow[] = [
      { key: "", value: "2" },
      { key: "sales", value: "" },
    ];
    const bad = toFormValues(initiative, { id: "i", title: "I" });
    const read = fromFormValues(initiative, { ...bad, values: { ...bad.values, allocation: rows } });
    expect(read.problems).toEqual([
      { path: ["allocation"], message: "has a row with no team chosen" },
      { path: ["allocation", "sales"], message: "needs a number" },
    ]);
  });

  it("suggest ids people would write", () => {
    expect(suggestId("Inès' Sales Ops — EMEA!")).toBe("ines-sales-ops-emea");
    expect(suggestId("x".repeat(70))).toHaveLength(64);
  });
});
