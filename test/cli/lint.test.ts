import { describe, expect, it } from "vitest";
import { main } from "../../src/cli/main.js";
import { fakeIO } from "../support/fake-io.js";

const PLAN = `version: 1
organisation: Test Co
asOf: 2026-06-01
cycle:
  name: FY2026
  start: 2026-01-01
  end: 2026-12-31
people:
  - id: ana
    name: Ana
teams:
  - id: product
    name: Product
    capacity: 10
priorities:
  - id: win-retail
    title: Win mid-market retailers
    owner: ana
  - id: no-owner
    title: Grow enterprise accounts
`;

async function run(args: string[], files: Record<string, string> = { "plan.yaml": PLAN }) {
  const { io, captured } = fakeIO(files);
  const code = await main(args, io);
  return { code, ...captured };
}

describe("throughline lint", () => {
  it("prints one compiler-style line per finding and a summary, and exits 1 on errors", async () => {
    const { code, out } = await run(["lint", "plan.yaml"]);
    expect(code).toBe(1);
    expect(out).toMatch(
      /^plan\.yaml:19:5 error priority-no-owner Priority "Grow enterprise accounts" has no owner$/m,
    );
    expect(out).toMatch(/plan\.yaml: Execution Gap Index \d+(\.\d)? — \d+ errors?, \d+ warnings?, \d+ info/);
  });

  it("prints the JSON contract with locations", async () => {
    const { code, out } = await run(["lint", "plan.yaml", "--format", "json"]);
    expect(code).toBe(1);
    const report = JSON.parse(out);
    expect(Object.keys(report.index.dimensions)).toHaveLength(8);
    const finding = report.findings.find((f: { rule: string }) => f.rule === "priority-no-owner");
    expect(finding).toMatchObject({
      severity: "error",
      dimension: "ownership",
      subject: { type: "priority", id: "no-owner" },
      location: { line: 19, column: 5 },
    });
    expect(typeof finding.suggestion).toBe("string");
  });

  it("prints a markdown report grouped by priority with actions", async () => {
    const { out } = await run(["lint", "plan.yaml", "--format", "markdown"]);
    expect(out).toContain("# Execution gap report — Test Co");
    expect(out).toContain("## Execution Gap Index:");
    expect(out).toContain("### Grow enterprise accounts");
    expect(out).toContain("**Action:**");
  });

  it("exits 2 with every problem and its line, and prints no analysis, for an invalid plan", async () => {
    const broken = PLAN.replace("    owner: ana", "    ownr: ana").replace(
      "  - id: product",
      "  - id: product\n    name: P\n    capacity: 1\n  - id: product",
    );
    const { code, out } = await run(["lint", "plan.yaml"], { "plan.yaml": broken });
    expect(code).toBe(2);
    expect(out).toContain('unknown key "ownr" — did you mean "owner"?');
    expect(out).toMatch(/plan\.yaml:15:9 error teams\[1\]\.id "product" is used twice \(first at line 12\)/);
    expect(out).not.toContain("Execution Gap Index");
    expect(out).toContain("not a valid plan — 2 problems");
  });

  it("exits 2 for broken YAML, naming the line", async () => {
    const { code, out } = await run(["lint", "plan.yaml"], {
      "plan.yaml": "version: 1\nteams: [\n  - id: x\n",
    });
    expect(code).toBe(2);
    expect(out).toMatch(/plan\.yaml:\d+:\d+ error not valid YAML\/JSON/);
  });

  it("exits 2 for a missing file and for a bad --as-of", async () => {
    expect((await run(["lint", "nope.yaml"])).code).toBe(2);
    const bad = await run(["lint", "plan.yaml", "--as-of", "2026-02-30"]);
    expect(bad.code).toBe(2);
    expect(bad.err).toContain("--as-of must be a real calendar day");
  });

  it("analyses as of the given day", async () => {
    // Before the cycle is 45 days old, no review is overdue yet; later it is.
    const early = JSON.parse(
      (await run(["lint", "plan.yaml", "--format", "json", "--as-of", "2026-01-10"])).out,
    );
    const late = JSON.parse(
      (await run(["lint", "plan.yaml", "--format", "json", "--as-of", "2026-09-10"])).out,
    );
    const overdue = (report: { findings: { rule: string }[] }) =>
      report.findings.filter((f) => f.rule === "review-overdue").length;
    expect(overdue(early)).toBe(0);
    expect(overdue(late)).toBeGreaterThan(0);
  });

  it("exits 0 without errors, and 1 when warnings exceed --max-warnings", async () => {
    // No errors left: the unowned priority is gone and the other has an outcome metric.
    const clean = `${PLAN.replace(/ {2}- id: no-owner\n {4}title: Grow enterprise accounts\n/, "")}metrics:
  - id: nps
    name: Retail NPS
    kind: outcome
    direction: up
    priorities: [win-retail]
    checkins:
      - { date: 2026-05-20, value: 31 }
`;
    const ok = await run(["lint", "plan.yaml"], { "plan.yaml": clean });
    expect(ok.code).toBe(0);
    const strict = await run(["lint", "plan.yaml", "--max-warnings", "0"], { "plan.yaml": clean });
    expect(ok.out).toMatch(/[1-9]\d* warnings?/);
    expect(strict.code).toBe(1);
  });

  it("lints several files: JSON gives one object per file", async () => {
    const { out } = await run(["lint", "a.yaml", "b.yaml", "--format", "json"], {
      "a.yaml": PLAN,
      "b.yaml": PLAN,
    });
    const reports = JSON.parse(out);
    expect(reports.map((r: { file: string }) => r.file)).toEqual(["a.yaml", "b.yaml"]);
  });

  it("reads JSON plans", async () => {
    const json = JSON.stringify(
      {
        version: 1,
        organisation: "J",
        asOf: "2026-06-01",
        cycle: { name: "C", start: "2026-01-01", end: "2026-12-31" },
        people: [],
        teams: [],
        priorities: [{ id: "p", title: "Win mid-market retailers" }],
      },
      null,
      2,
    );
    const { code, out } = await run(["lint", "plan.json", "--format", "json"], { "plan.json": json });
    expect(code).toBe(1);
    expect(JSON.parse(out).findings.some((f: { location?: unknown }) => f.location)).toBe(true);
  });
});

describe("throughline init", () => {
  it("writes a starter plan that lints as a valid plan, and never overwrites silently", async () => {
    const { io, captured, files } = fakeIO({});
    expect(await main(["init", "mine.yaml"], io)).toBe(0);
    expect(files.get("mine.yaml")).toContain("# A Throughline plan");
    const code = await main(["lint", "mine.yaml"], io);
    expect(code).not.toBe(2);
    expect(await main(["init", "mine.yaml"], io)).toBe(1);
    expect(captured.err).toContain("already exists");
  });

  it.each(["2026-12-02", "2027-02-28", "2028-02-29", "2030-07-31"])(
    "dates the starter plan from the day it is written (%s): linted that day, nothing is overdue or stale",
    async (today) => {
      const { io, captured, files } = fakeIO({}, { today });
      expect(await main(["init", "mine.yaml"], io)).toBe(0);
      expect(files.get("mine.yaml")).toContain(`start: ${today}`);
      captured.out = "";
      expect(await main(["lint", "mine.yaml", "--format", "json"], io)).not.toBe(2);
      const rules = JSON.parse(captured.out).findings.map((f: { rule: string }) => f.rule);
      const dated = [
        "metric-stale",
        "review-overdue",
        "resistance-unaddressed",
        "stop-not-enforced",
        "promise-broken",
        "insight-unused",
      ];
      expect(rules.filter((r: string) => dated.includes(r))).toEqual([]);
    },
  );
});
