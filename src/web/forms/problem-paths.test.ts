import { describe, expect, it } from "vitest";
import { sectionForm } from "./field-spec";
import { toFormValues } from "./form-values";
import { entryPath, fieldId, fieldTargets, placeProblems } from "./problem-paths";

describe("problem paths", () => {
  it("read the API's paths as paths into the entry", () => {
    expect(entryPath("milestones[0].date", "promises")).toEqual(["milestones", 0, "date"]);
    expect(entryPath("initiatives[3].end", "initiatives")).toEqual(["end"]);
    expect(entryPath("allocation.product-eng", "initiatives")).toEqual(["allocation", "product-eng"]);
    expect(entryPath("body.title", "initiatives")).toEqual(["title"]);
    expect(entryPath("", "initiatives")).toEqual([]);
  });

  it("put each problem on the deepest field shown, and keep the rest for the summary", () => {
    const { fields } = sectionForm("promises");
    const form = toFormValues(fields, {
      id: "p",
      statement: "s",
      milestones: [
        { team: "sales", what: "w", date: "2026-01-01" },
        { team: "nope", what: "w", date: "2026-02-30" },
      ],
    });
    const targets = fieldTargets(fields, form);
    expect(targets.get("milestones[1].date")).toEqual({
      label: "Milestone 2 › Date",
      inputId: "field-milestones-1-date",
    });
    const placed = placeProblems(
      [
        { path: ["milestones", 1, "date"], message: "must be a real calendar day" },
        { path: ["milestones", 1, "team"], message: 'names team "nope"' },
        { path: ["milestones", 1, "team"], message: "second" },
        { path: ["milestones", 7, "what"], message: "a row that is gone" },
        { path: ["colour"], message: 'unknown key "colour"' },
      ],
      targets,
    );
    expect(placed.byField).toEqual({
      "milestones[1].date": ["must be a real calendar day"],
      "milestones[1].team": ['names team "nope"', "second"],
      milestones: ["a row that is gone"],
    });
    expect(placed.unplaced).toEqual([{ path: ["colour"], message: 'unknown key "colour"' }]);
  });

  it("reach map rows by their key and lists of ids as one field", () => {
    const { fields } = sectionForm("initiatives");
    const form = toFormValues(fields, {
      id: "i",
      title: "I",
      priorities: ["a", "b"],
      allocation: { sales: -1 },
    });
    const placed = placeProblems(
      [
        { path: ["allocation", "sales"], message: "must be 0 or more" },
        { path: ["priorities", 1], message: 'names priority "b", which is not in the plan' },
      ],
      fieldTargets(fields, form),
    );
    expect(placed.byField).toEqual({
      "allocation.sales": ["must be 0 or more"],
      priorities: ['names priority "b", which is not in the plan'],
    });
    expect(fieldId("allocation.sales")).toBe("field-allocation-sales");
  });
});
