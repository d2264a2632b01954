import { describe, expect, it } from "vitest";
import { examplePlan } from "../../test/support/acme.js";
import { analyse } from "./analyse.js";
import { toJsonReport } from "./json-report.js";
import { findingChanges, findingKey, myWork } from "./my-work.js";

describe("my work", () => {
  const plan = examplePlan();
  const { findings } = toJsonReport(analyse(plan));

  it("gives an owner of a priority its stale metrics and the findings about what they own, and nothing else", () => {
    const raj = myWork(plan, findings, "RAJ@acme.example");
    expect(raj.personIds).toEqual(["raj"]);
    expect(raj.staleCheckins.map((i) => i.finding.subject.id)).toEqual(
      expect.arrayContaining(["time-to-first-dashboard", "activation"]),
    );
    const subjects = [...raj.staleCheckins, ...raj.reviewsDue, ...raj.notActedOn, ...raj.findings].map(
      (i) => `${i.finding.subject.type}:${i.finding.subject.id}`,
    );
    expect(subjects).not.toContain("priority:win-midmarket-retail");
    expect(raj.staleCheckins.find((i) => i.finding.subject.id === "activation")?.title).toBe(
      "Onboarding tasks completed",
    );
  });

  it("owes nothing to someone who is no plan person", () => {
    const nobody = myWork(plan, findings, "nobody@example.com");
    expect(nobody).toMatchObject({ personIds: [], staleCheckins: [], findings: [] });
  });

  it("a metric's named owner gets its stale check-in instead of the priority's owner", () => {
    const moved = structuredClone(plan);
    const metric = moved.metrics?.find((m) => m.id === "activation");
    if (metric) metric.owner = "maya";
    const after = toJsonReport(analyse(moved)).findings;
    expect(
      myWork(moved, after, "maya@acme.example").staleCheckins.map((i) => i.finding.subject.id),
    ).toContain("activation");
    expect(
      myWork(moved, after, "raj@acme.example").staleCheckins.map((i) => i.finding.subject.id),
    ).not.toContain("activation");
  });

  it("tells the findings opened and closed since a list of keys", () => {
    const keys = findings.slice(1).map(findingKey);
    const changes = findingChanges([...keys, "gone rule priority x"], findings);
    expect(changes.opened).toEqual([findings[0]]);
    expect(changes.closed).toEqual(["gone rule priority x"]);
  });
});
