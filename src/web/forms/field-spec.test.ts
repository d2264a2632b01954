import { describe, expect, it } from "vitest";
import { ENTITY_SECTIONS } from "../../domain/plan-schema";
import { type FieldSpec, sectionForm } from "./field-spec";

const field = (fields: FieldSpec[], key: string) => fields.find((f) => f.key === key);

function allFields(fields: FieldSpec[]): FieldSpec[] {
  return fields.flatMap((f) =>
    f.control.kind === "rows" || f.control.kind === "group" ? [f, ...allFields(f.control.fields)] : [f],
  );
}

describe("forms generated from the plan schemas", () => {
  it("give every field of every section a control of its own (no JSON fallback needed today)", () => {
    for (const section of ENTITY_SECTIONS) {
      const kinds = allFields(sectionForm(section).fields).map((f) => `${f.key}:${f.control.kind}`);
      expect(
        kinds.filter((k) => k.endsWith(":json")),
        section,
      ).toEqual([]);
    }
  });

  it("make references pickers of the list they point into", () => {
    const initiative = sectionForm("initiatives").fields;
    // An initiative's owner may be a list too (initiative-shared-owner reports it).
    expect(field(initiative, "owner")?.control).toEqual({ kind: "reference-or-list", to: "people" });
    expect(field(initiative, "metrics")?.control).toEqual({ kind: "reference-list", to: "metrics" });
    const priority = sectionForm("priorities").fields;
    expect(field(priority, "parent")?.control).toEqual({ kind: "reference", to: "priorities" });
    expect(field(priority, "team")?.control).toEqual({ kind: "reference", to: "teams" });
    expect(field(sectionForm("metrics").fields, "owner")?.control).toEqual({
      kind: "reference",
      to: "people",
    });
    expect(field(sectionForm("stops").fields, "team")?.control).toEqual({ kind: "reference", to: "teams" });
    expect(field(sectionForm("decisions").fields, "team")?.control).toEqual({
      kind: "reference",
      to: "teams",
    });
    expect(field(sectionForm("teams").fields, "capacity")).toMatchObject({ optional: true });
    expect(field(initiative, "priorities")?.control).toEqual({ kind: "reference-list", to: "priorities" });
    expect(field(initiative, "allocation")?.control).toEqual({ kind: "reference-map", to: "teams" });
    expect(field(sectionForm("priorities").fields, "owner")?.control).toEqual({
      kind: "reference-or-list",
      to: "people",
    });
    expect(field(sectionForm("decisions").fields, "evidence")?.control).toEqual({
      kind: "reference-list",
      to: "insights",
    });
    const milestones = field(sectionForm("promises").fields, "milestones")?.control;
    expect(milestones?.kind === "rows" && field(milestones.fields, "team")?.control).toEqual({
      kind: "reference",
      to: "teams",
    });
  });

  it("read types, optionality and defaults from the schema", () => {
    const initiative = sectionForm("initiatives").fields;
    expect(field(initiative, "title")).toMatchObject({
      optional: false,
      control: { kind: "text", long: false },
    });
    expect(field(initiative, "start")).toMatchObject({ optional: true, control: { kind: "date" } });
    expect(field(initiative, "status")).toMatchObject({ optional: true, defaultValue: "active" });
    expect(field(initiative, "status")?.control.kind).toBe("choice");
    expect(field(sectionForm("teams").fields, "capacity")?.control).toEqual({ kind: "number" });
    expect(field(sectionForm("stops").fields, "reason")?.control).toEqual({ kind: "text", long: true });
  });

  it("leave a metric's check-ins and history out (append-only through the API)", () => {
    const metrics = sectionForm("metrics");
    expect(metrics.fields.map((f) => f.key)).not.toContain("checkins");
    expect(metrics.fields.map((f) => f.key)).not.toContain("history");
    expect(metrics.excluded).toEqual(["checkins", "history"]);
  });
});
