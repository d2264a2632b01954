import { describe, expect, it } from "vitest";
import { main } from "../../src/cli/main.js";
import { exampleText } from "../support/acme.js";
import { fakeIO } from "../support/fake-io.js";

async function run(args: string[]) {
  const { io, captured, files } = fakeIO({ "acme.yaml": exampleText() });
  const code = await main(args, io);
  return { code, ...captured, files };
}

describe("throughline what-if", () => {
  it("shows the index before → after, the FTE freed by team name, and what closed, in the order given", async () => {
    const { code, out, files } = await run([
      "what-if",
      "acme.yaml",
      "--stop",
      "custom-themes",
      "--owner",
      "pos-partners=priya",
    ]);
    expect(code).toBe(1); // the plan still has errors after these two changes
    expect(out).toMatch(/Execution Gap Index 61\.2 → \d+(\.\d)? \(-\d+(\.\d)?\)/);
    expect(out).toContain("Freed: Product & Engineering 6 FTE and Design 2 FTE");
    expect(out.indexOf('Stop "Custom dashboard themes"')).toBeLessThan(
      out.indexOf('Make Priya Raman the owner of "Grow through POS partners"'),
    );
    expect(out).toMatch(/Closed \(\d+\)\n(.*\n)*.*owner-overloaded Raj Patel owns 3 live priorities/);
    expect(files.get("acme.yaml")).toBe(exampleText());
  });

  it("answers the contract in JSON: before, after, freed, closed and opened", async () => {
    const { code, out } = await run([
      "what-if",
      "acme.yaml",
      "--stop",
      "legacy-report-builder",
      "--format",
      "json",
    ]);
    expect(code).toBe(1);
    const json = JSON.parse(out);
    expect(Object.keys(json).sort()).toEqual(["after", "before", "closed", "freed", "opened"]);
    expect(json.freed).toEqual({ "product-eng": 14 });
    expect(json.after.overall).toBeLessThan(json.before.overall);
    const closed = json.closed.map((f: { rule: string }) => f.rule);
    expect(closed).toEqual(
      expect.arrayContaining(["team-over-capacity", "stop-not-enforced", "orphan-initiative"]),
    );
    expect(json.closed[0].location).toEqual({ line: expect.any(Number), column: expect.any(Number) });
  });

  it("reports a bad id in the user's own words, with a likely id, and exits 2 having simulated nothing", async () => {
    const { code, out, err } = await run([
      "what-if",
      "acme.yaml",
      "--stop",
      "custom-theme",
      "--drop",
      "enterprise-ready",
      "--owner",
      "pos-partners=Priya",
    ]);
    expect(code).toBe(2);
    expect(out).toBe("");
    expect(err).toContain(
      '--stop custom-theme: no initiative "custom-theme" in the plan — did you mean "custom-themes"?',
    );
    expect(err).toContain(
      '--owner pos-partners=Priya: no person "Priya" in the plan — did you mean "priya"?',
    );
    expect(err).not.toContain("enterprise-ready");
  });

  it("refuses usage mistakes with exit 2: no change, a malformed --owner or --move", async () => {
    expect((await run(["what-if", "acme.yaml"])).err).toContain("needs at least one change");
    const owner = await run(["what-if", "acme.yaml", "--owner", "pos-partners"]);
    expect(owner.code).toBe(2);
    expect(owner.err).toContain("--owner takes PRIORITY=PERSON");
    const move = await run(["what-if", "acme.yaml", "--move", "a:b:marketing:lots"]);
    expect(move.code).toBe(2);
    expect(move.err).toContain("--move takes FROM:TO:TEAM:FTE");
    expect((await run(["what-if", "missing.yaml", "--stop", "x"])).code).toBe(2);
  });

  it("has --help naming every change and the exit codes", async () => {
    const { code, out } = await run(["what-if", "--help"]);
    expect(code).toBe(0);
    for (const flag of ["--stop", "--owner", "--drop", "--move", "--format", "Exit codes"])
      expect(out).toContain(flag);
  });
});

describe("throughline lint --moves", () => {
  it("adds the moves to the JSON contract, each with actions, freed, closes and the index after", async () => {
    const { out } = await run(["lint", "acme.yaml", "--moves", "--format", "json"]);
    const json = JSON.parse(out);
    expect(json.moves.length).toBeGreaterThan(0);
    for (const m of json.moves) {
      expect(m.actions.length).toBeGreaterThan(0);
      expect(typeof m.indexAfter).toBe("number");
      expect(m.closes.length).toBeGreaterThan(0);
    }
    expect(json.moves.at(-1).indexAfter).toBeLessThan(json.index.overall);
    // Every finding carries actions, possibly none.
    expect(json.findings.every((f: { actions: unknown }) => Array.isArray(f.actions))).toBe(true);
    const overload = json.findings.find((f: { rule: string }) => f.rule === "team-over-capacity");
    expect(overload.actions).toEqual([{ op: "stop", initiative: "legacy-report-builder" }]);
  });

  it("prints the moves in text after the findings, with names", async () => {
    const { out } = await run(["lint", "acme.yaml", "--moves"]);
    expect(out).toMatch(/Moves, in the order to take them \(index now 61\.2\):\n {2}1\. /);
    expect(out).toMatch(
      /Stop "Legacy custom report builder"\n\s+→ index \d+(\.\d)?, closes \d+ findings, frees Product & Engineering 14 FTE/,
    );
    const plain = await run(["lint", "acme.yaml"]);
    expect(plain.out).not.toContain("Moves");
  });
});

describe("throughline lint --format markdown", () => {
  it("files plan-wide findings in their own section, names owners, and gives every team's score", async () => {
    const { out } = await run(["lint", "acme.yaml", "--format", "markdown", "--moves"]);
    const planWide = out.indexOf("## Across the whole plan");
    expect(planWide).toBeGreaterThan(0);
    expect(out.indexOf("`too-many-priorities`")).toBeGreaterThan(planWide);
    expect(out).toContain("Owner: Raj Patel, Lena Okafor");
    expect(out).not.toMatch(/Owner: (?!nobody)[a-z-]+(,|\n| ·)/);
    expect(out).toContain("## Top moves");
    expect(out).toMatch(/\| Product & Engineering \| 110 \| 116 ⚠ \| \d+(\.\d)? \| \d+ \|/);
    expect(out).toContain("## Stop list");
    expect(out).toContain("## Promises");
  });
});
