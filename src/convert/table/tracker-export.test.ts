import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { loadPlan } from "../../plan/load-plan.js";
import { serialisePlan } from "../../plan/serialise-plan.js";
import { type BuildResult, convertDocument } from "../index.js";

const FIXTURES = join(import.meta.dirname, "..", "..", "..", "test", "fixtures", "convert");
const fixture = (name: string) => new Uint8Array(readFileSync(join(FIXTURES, name)));
const TODAY = { today: "2026-05-01" };

function expectLints(result: BuildResult) {
  const loaded = loadPlan(serialisePlan(result.plan, "yaml"), { format: "yaml" });
  if (!loaded.ok) throw new Error(JSON.stringify(loaded.problems, null, 2));
  return loaded.plan;
}

describe("Jira exports", () => {
  it("makes epics initiatives, rolls issues and sub-tasks up, maps statuses, dates and teams", async () => {
    const result = await convertDocument("jira.csv", fixture("jira-export.csv"), "auto", TODAY);
    const plan = expectLints(result);
    expect(result.report.from).toBe("jira-csv");
    const initiatives = plan.initiatives ?? [];
    expect(initiatives.map((i) => [i.title, i.status, i.owner, i.start, i.end])).toEqual([
      ["Self-serve clinic onboarding", "active", "priya-natarajan", "2026-03-02", "2026-06-30"],
      ["Multi-site group dashboard", "proposed", "leo-brandt", "2026-03-10", "2026-09-30"],
      ["Legacy fax integration", "stopped", "oskar-lind", "2026-01-12", "2026-03-01"],
      ["Rotate database credentials", "paused", undefined, "2026-03-15", undefined],
    ]);
    // Teams are kept as teams, never turned into people.
    expect(plan.teams.map((t) => t.name)).toEqual(["Onboarding squad", "Groups squad", "Platform"]);
    expect(plan.people.map((p) => p.name)).not.toContain("Platform");
    expect(result.report.assumptions).toContainEqual(
      "4 issue(s) rolled up into the epic they belong to; each epic is one initiative",
    );
    expect(result.report.unmapped).toEqual([
      expect.objectContaining({ line: 10, text: expect.stringMatching(/^row 10: no title/) }),
    ]);
  });

  it("says initiatives are unlinked, and how to link them, when no --link column is named", async () => {
    const result = await convertDocument("jira.csv", fixture("jira-export.csv"), "jira-csv", TODAY);
    expect(result.plan.initiatives?.every((i) => !i.priorities?.length)).toBe(true);
    expect(result.report.assumptions.join("\n")).toMatch(/initiatives are unlinked.*--link "Epic Link"/);
  });

  it("links initiatives to priorities by the column named with --link (repeated Labels columns too)", async () => {
    const result = await convertDocument("jira.csv", fixture("jira-export.csv"), "jira-csv", {
      ...TODAY,
      linkColumn: "labels",
    });
    const plan = expectLints(result);
    expect(plan.priorities.map((p) => p.title)).toEqual(["onboarding", "multi-site", "legacy"]);
    const byTitle = new Map(plan.initiatives?.map((i) => [i.title, i.priorities]));
    expect(byTitle.get("Self-serve clinic onboarding")).toEqual(["onboarding"]);
    expect(byTitle.get("Multi-site group dashboard")).toEqual(["multi-site"]);
    expect(byTitle.get("Rotate database credentials")).toBeUndefined();
    expect(result.report.assumptions.join("\n")).toContain(
      'several labels values (onboarding, retention); linked to the first, "onboarding"',
    );
  });

  it("refuses a --link column the export does not have, naming the columns it has", async () => {
    await expect(
      convertDocument("jira.csv", fixture("jira-export.csv"), "jira-csv", { linkColumn: "Initiative" }),
    ).rejects.toThrow(
      /--link "Initiative" is not a column of this export; the columns are: Summary, Issue key/,
    );
  });
});

describe("Linear exports", () => {
  it("makes projects initiatives and links them by project", async () => {
    const result = await convertDocument("linear.csv", fixture("linear-export.csv"), "auto", {
      ...TODAY,
      linkColumn: "Initiatives",
    });
    const plan = expectLints(result);
    expect(result.report.from).toBe("linear-csv");
    expect(plan.initiatives?.map((i) => [i.title, i.status, i.owner, i.priorities])).toEqual([
      ["Multi-site dashboard", "active", "ines-varga", ["win-dental-groups"]],
      ["Guided import", "active", "tomas-ferreira", ["clinics-stay"]],
      ["Retire fax gateway", "stopped", "oskar-lind", undefined],
      ["Rotate database credentials", "paused", "oskar-lind", undefined],
    ]);
    // A sub-issue outside any project rolls into its parent rather than becoming a second initiative.
    expect(plan.initiatives?.map((i) => i.title)).not.toContain("Rotate staging keys");
    expect(result.report.assumptions).toContainEqual(
      expect.stringContaining('status "Canceled" read as stopped'),
    );
    expect(result.report.assumptions).toContainEqual(
      expect.stringContaining(
        'project "Multi-site dashboard" has no lead of its own; owner taken as Ines Varga',
      ),
    );
  });

  it("gives issues without a project their own initiative, statuses mapped to the plan's", async () => {
    const csv = [
      "ID,Title,Status,Assignee,Team,Creator,Created,Due Date",
      "A-1,Audit log export,Todo,Kai,Core,Kai,2026-04-01T10:00:00Z,2026-05-30",
      "A-2,Remove legacy API v1,Duplicate,,Core,Kai,2026-04-02T10:00:00Z,",
      "A-3,Faster search,Shipping soon,Kai,Core,Kai,2026-04-03T10:00:00Z,",
    ].join("\n");
    const result = await convertDocument("linear.csv", new TextEncoder().encode(csv), "auto", TODAY);
    const plan = expectLints(result);
    expect(plan.initiatives?.map((i) => [i.title, i.status])).toEqual([
      ["Audit log export", "proposed"],
      ["Remove legacy API v1", "stopped"],
      ["Faster search", "active"],
    ]);
    expect(result.report.assumptions).toContainEqual(
      'status "Shipping soon" read as active (1 item): not a status this converter knows',
    );
  });
});
