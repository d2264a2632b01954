import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { convertDocument } from "../../src/convert/index.js";
import { loadPlan } from "../../src/plan/load-plan.js";
import { serialisePlan } from "../../src/plan/serialise-plan.js";

/* Original fixtures, one per markdown shape the reader supports (test/fixtures/convert). */

const dir = join(import.meta.dirname, "../fixtures/convert");

async function convert(name: string, options: Parameters<typeof convertDocument>[3] = {}) {
  const result = await convertDocument(name, readFileSync(join(dir, name)), "auto", {
    today: "2026-06-01",
    ...options,
  });
  const loaded = loadPlan(serialisePlan(result.plan, "yaml"), { format: "yaml" });
  if (!loaded.ok) throw new Error(`${name}: ${JSON.stringify(loaded.problems)}`);
  return result;
}

const outline = (r: Awaited<ReturnType<typeof convert>>) =>
  r.report.objectives.map((o) => [o.title, o.level, o.parent, o.ownersAsWritten, o.keyResults.length]);

describe("markdown shapes", () => {
  it("nested role-prefixed bold items under HTML headings, with KRs under KRs and results after =>", async () => {
    const r = await convert("nested-roles.md", { fiscalYearStart: 2 });
    expect(outline(r)).toEqual([
      ["Loyal regional grocers", 1, null, ["CEO"], 2],
      ["Renew every grocery account that is up this quarter.", 2, 0, ["CRO"], 2],
      ["Give every grocer a named success manager.", 3, 1, ["VP Customer Success"], 1],
      ["Answer store managers faster", 2, 0, ["Director of Support"], 1],
      ["Self-serve store setup.", 2, 0, ["Head of Product, Onboarding"], 2],
      ["Predictable cash", 2, 0, ["CFO"], 2],
      ["Quality", 1, null, ["CEO"], 1],
      ["Fewer outages for store tills", 2, 6, ["Platform team"], 1],
    ]);
    // FY27 starting in February: Q2 is May–July 2026.
    expect(r.report.cycle).toEqual({ start: "2026-05-01", end: "2026-07-31", assumed: false });
    const renewals = r.plan.metrics?.find((m) => m.name.startsWith("95% of renewals"));
    expect(renewals?.checkins?.[0]).toMatchObject({ value: 80, note: "80%" });
    expect(r.plan.people.find((p) => p.id === "cro")).toEqual({ id: "cro", name: "CRO", "x-role": true });
    expect(r.plan.teams).toEqual([{ id: "platform-team", name: "Platform team" }]);
    expect(r.plan.priorities.find((p) => p.title.startsWith("Fewer outages"))).toMatchObject({
      team: "platform-team",
      owner: "platform-team",
    });
    const kr = (text: string) =>
      r.report.objectives.flatMap((o) => o.keyResults).find((k) => k.text.startsWith(text));
    expect(kr("Setup finished without a call")).toMatchObject({ placeholder: true, target: null });
    expect(kr("TBD")).toMatchObject({ kind: "placeholder", placeholder: true, target: null });
    expect(kr("Close the books")?.kind).not.toBe("placeholder");
    expect(r.plan.metrics?.find((m) => m.name.startsWith("Close the books"))?.owner).toBe("controller");
  });

  it("numbered OKR headings with link-only KRs, scores and statuses, and KRs that point at other objectives", async () => {
    const r = await convert("okr-headings.md");
    expect(outline(r)).toEqual([
      ["Make checkout dependable for large merchants", 1, null, [], 3],
      ["Hire and grow a strong platform team", 1, null, [], 3],
    ]);
    const kinds = r.report.objectives.map((o) => o.keyResults.map((k) => k.kind));
    expect(kinds[0]?.[2]).toBe("pointer");
    expect(kinds[1]?.[2]).toBe("pointer");
    expect(r.report.objectives[1]?.keyResults[1]).toMatchObject({ placeholder: true, target: null });
    expect(r.plan.metrics?.find((m) => m.name.startsWith("Cut failed checkouts"))).toMatchObject({
      target: 0.5,
      direction: "down",
      checkins: [expect.objectContaining({ value: 40 })],
    });
    // A fiscal label with no --fiscal-year-start: read as calendar, and said so.
    expect(r.report.cycle).toEqual({ start: "2026-01-01", end: "2026-03-31", assumed: true });
    expect(r.summary.join("\n")).toMatch(/--fiscal-year-start/);
  });

  it("bold bullets with `P0` - @handle - key results; @??? is nobody; owners roll up from key results", async () => {
    const r = await convert("handles.md");
    expect(outline(r)).toEqual([
      ["Newcomers find their first contribution within a week", 1, null, ["@rosa"], 2],
      ["The meetup programme runs itself", 1, null, ["@tomasz", "@rosa"], 3],
    ]);
    expect(r.plan.people.map((p) => p.id)).toEqual(["rosa", "tomasz"]);
    expect(r.report.cycle).toEqual({ start: "2031-04-01", end: "2031-06-30", assumed: false });
    expect(r.report.unmapped).toEqual([{ line: 17, text: "Last quarter's OKRs" }]);
    expect(r.confirmations.filter((c) => c.what === "owner" && c.text.includes("@???"))).toHaveLength(2);
  });

  it("team-prefixed bold objectives with KR lines joined by hard breaks and private-number placeholders", async () => {
    const r = await convert("team-objectives.md");
    expect(outline(r).map(([t, l, p, o, n]) => [String(t).slice(0, 20), l, p, o, n])).toEqual([
      ["Win the mid-size cli", 1, null, ["CEO"], 2],
      ["Close $N<sub>1</sub>", 2, 0, ["Sales (New Clinics)"], 2],
      ["More clinic managers", 2, 0, ["Marketing"], 1],
      ["A clinic-specific la", 3, 2, ["Design (Brand)"], 1],
      ["Dependable product.", 1, null, ["CEO"], 0],
      ["Releases that never ", 2, 4, ["VP Engineering"], 1],
    ]);
    expect(r.report.cycle).toEqual({ start: "2030-07-01", end: "2030-09-30", assumed: false });
    const placeholders = r.report.objectives.flatMap((o) => o.keyResults).filter((k) => k.placeholder);
    expect(placeholders.map((k) => k.text)).toEqual([
      "Run XXX discovery calls with clinic owners",
      "ZZZ clinic case studies published",
    ]);
    expect(r.plan.teams.map((t) => t.name)).toEqual(["Sales (New Clinics)", "Marketing", "Design (Brand)"]);
    expect(r.plan.people.map((p) => p.name)).toEqual(["CEO", "VP Engineering"]);
  });

  it("goal bullets with owners in parentheses and person headings with 'we'll know we're successful when' lists", async () => {
    const r = await convert("people.mdx");
    expect(outline(r)).toEqual([
      ["Raise support satisfaction for enterprise customers to 95%", 1, null, ["Support leads"], 0],
      ["Keep first-reply time under one hour", 1, null, ["Marta"], 0],
      ["Make renewals boring for every account we manage", 1, null, ["Ines Duarte"], 3],
      ["Untitled objective of Olu Bakare", 1, null, ["Olu Bakare"], 0],
      ["Help new customers reach their first report faster", 1, null, ["Karl Weiss"], 2],
    ]);
    expect(r.plan.teams).toEqual([{ id: "support-leads", name: "Support leads" }]);
    expect(r.confirmations.some((c) => c.what === "title" && c.line === 16)).toBe(true);
  });

  it("'Objective N: title (Owner: <TeamMember/>)' headings with ship lists as initiatives and anti-goals as stops", async () => {
    const r = await convert("objectives-ship.mdx");
    expect(outline(r)).toEqual([
      ["Search – Find any log line in seconds", 1, null, ["Priya Raman"], 0],
      ["Retention settings", 1, null, ["Jon Eriksen"], 0],
    ]);
    expect(r.report.initiatives).toBe(3);
    expect(r.plan.initiatives?.map((i) => [i.title, i.owner, i.priorities])).toEqual([
      [
        "Index the last seven days of logs by default",
        "priya-raman",
        ["search-find-any-log-line-in-seconds"],
      ],
      ["Add saved searches shared across a team", "jon-eriksen", ["search-find-any-log-line-in-seconds"]],
      ["Per-project retention periods", "jon-eriksen", ["retention-settings"]],
    ]);
    expect(r.plan.stops?.map((s) => [s.what, s.priority])).toEqual([
      ["No full-text search over archived logs this quarter", "search-find-any-log-line-in-seconds"],
      ["We will not build our own query language", "search-find-any-log-line-in-seconds"],
    ]);
  });

  it("key-result tables read by their header (owner, baseline, target, current)", async () => {
    const r = await convert("table.md");
    expect(outline(r)).toEqual([
      ["Deliveries arrive when promised", 1, null, ["Sam Okafor"], 3],
      ["Cheaper last mile", 1, null, ["Logistics team"], 1],
    ]);
    const onTime = r.plan.metrics?.find((m) => m.name === "On-time delivery rate");
    expect(onTime).toMatchObject({ baseline: 88, target: 97, unit: "%", owner: "sam-okafor" });
    expect(onTime?.checkins?.[0]?.value).toBe(91);
    expect(r.report.cycle).toEqual({ start: "2027-07-01", end: "2027-12-31", assumed: false });
  });

  it("plain 'Role: objective' items where key results are marked KR:, bold owner prefixes, emoji in headings", async () => {
    const r = await convert("plain-roles.md");
    expect(outline(r)).toEqual([
      ["Double repeat purchases from small bakeries", 1, null, ["CEO"], 2],
      ["Make every bakery owner hear about reorders.", 2, 0, ["CMO"], 1],
      ["Sell the annual plan to existing bakeries.", 2, 0, ["CRO"], 1],
      ["Fast, boring releases", 1, null, ["CTO"], 1],
    ]);
    expect(r.plan.metrics?.find((m) => m.name.startsWith("Repeat purchase rate"))).toMatchObject({
      baseline: 30,
      target: 60,
      unit: "%",
    });
  });

  it("'Owner:' lines, rationale paragraphs and 'Key results' / 'What we'll ship' sub-headings", async () => {
    const r = await convert("key-results-heading.mdx");
    expect(outline(r)).toEqual([["Make dashboards load instantly", 1, null, ["Mei Tanaka"], 2]]);
    expect(r.plan.initiatives?.map((i) => [i.title, i.owner])).toEqual([
      ["Query result cache", "mei-tanaka"],
    ]);
    expect(r.report.unmapped).toEqual([]);
  });

  it("marker items with nested lists (ship, success-when, anti-goals), emoji goal headings, a bold KR paragraph", async () => {
    const r = await convert("nested-markers.mdx");
    expect(outline(r)).toEqual([
      ["Teams adopt experiments without help", 1, null, [], 2],
      ["Reliable results", 1, null, [], 1],
    ]);
    expect(r.plan.initiatives?.map((i) => [i.title, i.priorities])).toEqual([
      ["A guided experiment setup", ["teams-adopt-experiments-without-help"]],
      ["Templates for the five most common tests", ["teams-adopt-experiments-without-help"]],
    ]);
    expect(r.plan.stops?.map((s) => [s.what, s.priority])).toEqual([
      ["Bayesian and frequentist engines side by side", "reliable-results"],
    ]);
    expect(r.report.unmapped).toEqual([]);
  });

  it("numbered headings that become objectives through their fields: Owner, Why, Status and key-result lists", async () => {
    const r = await convert("fields.md");
    expect(outline(r)).toEqual([
      ["Double activation of self-serve signups", 1, null, ["@noor"], 2],
      ["Pricing page that sells the team plan", 1, null, [], 1],
    ]);
    expect(r.plan.metrics?.[0]).toMatchObject({ baseline: 22, target: 44, unit: "%" });
    expect(r.plan.priorities[0]?.owner).toBe("noor");
    expect(r.report.cycle).toEqual({ start: "2033-04-01", end: "2033-06-30", assumed: false });
  });
});
