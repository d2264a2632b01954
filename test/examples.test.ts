import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { ENTITY_SECTIONS } from "../src/domain/entity-sections.js";
import { analyse } from "../src/engine/analyse.js";
import { toJsonReport } from "../src/engine/json-report.js";
import { RULES } from "../src/engine/registry.js";
import { loadPlan } from "../src/plan/load-plan.js";

const examples = join(import.meta.dirname, "..", "examples");
function load(name: string) {
  const loaded = loadPlan(readFileSync(join(examples, name), "utf8"), { fileName: name });
  if (!loaded.ok) throw new Error(`${name} is invalid: ${JSON.stringify(loaded.problems)}`);
  return loaded;
}

describe("examples/acme.yaml", () => {
  const loaded = load("acme.yaml");
  const result = analyse(loaded.plan);
  const report = toJsonReport(result, loaded.locate);

  it("is a valid plan that uses every section of the format", () => {
    for (const section of [...ENTITY_SECTIONS, "rules"])
      expect(loaded.plan[section as keyof typeof loaded.plan], section).toBeTruthy();
  });

  it("trips at least 15 different rules — in fact every rule of the engine", () => {
    const fired = new Set(result.findings.map((f) => f.rule));
    expect(fired.size).toBeGreaterThanOrEqual(15);
    expect([...RULES.map((r) => r.id)].filter((id) => !fired.has(id))).toEqual([]);
  });

  it("places every finding at a line and column of the file", () => {
    for (const f of report.findings) expect(f.location, `${f.rule} ${f.subject.id}`).toBeDefined();
  });

  it("applies the plan's rule overrides", () => {
    expect(result.findings.find((f) => f.rule === "decision-without-evidence")?.severity).toBe("warning");
    expect(result.findings.some((f) => f.rule === "work-spread-thin" && f.subject.id === "finance-ops")).toBe(
      true,
    );
  });
});

describe("examples/acme-aligned.yaml", () => {
  it("is the same company with no errors and no warnings", () => {
    const { plan } = load("acme-aligned.yaml");
    const result = analyse(plan);
    expect(plan.organisation).toBe(load("acme.yaml").plan.organisation);
    expect(result.findings.filter((f) => f.severity !== "info")).toEqual([]);
    expect(result.index.overall).toBe(0);
  });
});
