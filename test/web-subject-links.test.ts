import { describe, expect, it } from "vitest";
import { ENTITY_SINGULAR } from "../src/domain/entity-sections.js";
import { SUBJECT_TYPES } from "../src/engine/types.js";
import { initialOwner, subjectHref } from "../src/web/format.js";
import { resolveWorkspaceRoute } from "../src/web/routes.js";

/*
 * Every finding's "Open …" link must land on a page that exists, for every subject type the
 * engine can report — not only those the demo happens to produce ("Open plan" once went to
 * /edit/priorities/plan, a 404).
 */
describe("finding subject links", () => {
  const priorities = [{ id: "grow", resistance: [{ id: "sales-comp" }] }];

  it.each(SUBJECT_TYPES.map((type) => [type]))("a %s subject opens a page that exists", (type) => {
    const id = type === "resistance" ? "sales-comp" : type === "plan" ? "plan" : `some-${type}`;
    const href = subjectHref("acme", { type, id }, priorities);
    const route = resolveWorkspaceRoute(href);
    expect(route.kind, href).not.toBe("unknown");
    expect(route.kind, href).not.toBe("dashboard");
    if (route.kind === "edit") {
      // An entry form opens the subject itself, in the section whose entries are of its type.
      expect(ENTITY_SINGULAR[route.section], href).toBe(type);
      expect(route.id).toBe(id);
    }
    if (route.kind === "priority") expect(href).toMatch(/\/priorities\/(grow|some-priority)/);
  });

  it("opens a resistance item on the page of the priority that holds it", () => {
    expect(subjectHref("acme", { type: "resistance", id: "sales-comp" }, priorities)).toBe(
      "/w/acme/priorities/grow#resistance-sales-comp",
    );
    expect(
      resolveWorkspaceRoute(subjectHref("acme", { type: "resistance", id: "gone" }, priorities)),
    ).toEqual({
      kind: "entries",
      section: "priorities",
    });
  });

  it("tells unknown pages and sections apart from real ones", () => {
    expect(resolveWorkspaceRoute("/w/acme/nowhere").kind).toBe("unknown");
    expect(resolveWorkspaceRoute("/w/acme/edit/plans/plan").kind).toBe("unknown");
    expect(resolveWorkspaceRoute("/w/acme").kind).toBe("dashboard");
    expect(resolveWorkspaceRoute("/w/acme/capacity#team-x")).toEqual({ kind: "page", page: "capacity" });
  });
});

describe("owner picker", () => {
  const people = [{ id: "ana" }, { id: "raj" }];
  it("starts on the suggested person, else on nobody", () => {
    expect(initialOwner(people, "raj")).toBe("raj");
    expect(initialOwner(people, "gone")).toBe("");
    expect(initialOwner(people, null)).toBe("");
  });
});
