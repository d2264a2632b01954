import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { ConvertError, convertDocument } from "../../src/convert/index.js";
import { loadPlan } from "../../src/plan/load-plan.js";
import { serialisePlan } from "../../src/plan/serialise-plan.js";

/*
 * Whatever markdown arrives, convert either refuses it with a ConvertError or writes a plan
 * that loads (lint exits 0 or 1, never 2): ids unique, every reference resolved, dates real.
 */

const words = fc.constantFrom(
  "Grow",
  "revenue",
  "CEO",
  "VP, IT",
  "Sales (Inside)",
  "@ana",
  "@???",
  "X",
  "$X",
  "TBD",
  "N<sub>2</sub>",
  "[N13]",
  "to 95%",
  "under 2 hours",
  "=> 50%",
  "==> DONE",
  "KR:",
  "CRO KR:",
  "Owner:",
  "FY21-Q3",
  "2019 Q3",
  "Q1 2030",
  "(Alan, Steven)",
  '<TeamMember name="Ana Lima" />',
  "–",
  ":",
  "**",
  "`P0` -",
  "[link](https://example.com)",
  "🎯",
  "é",
  "ł",
);
const text = fc.array(words, { minLength: 1, maxLength: 8 }).map((w) => w.join(" "));
const line = fc.oneof(
  text.map((t) => `# ${t}`),
  text.map((t) => `### ${t}`),
  text.map((t) => `#### Objective 1: ${t}`),
  text.map((t) => `- **${t}**`),
  text.map((t) => `1. **${t}:** ${t}`),
  text.map((t) => `    1. ${t}`),
  text.map((t) => `        - ${t}`),
  text.map((t) => `  - KR: ${t}`),
  text.map((t) => `**We'll know we're successful when**: ${t}`),
  text.map((t) => `**What we'll ship:**\n\n- ${t}`),
  text.map((t) => `**Anti-goals:**\n\n- ${t}`),
  text.map((t) => `| Key result | Owner | Target |\n|---|---|---|\n| ${t} | ${t} | 5 |`),
  text,
  fc.constant(""),
);

describe("convert on arbitrary markdown", () => {
  it("refuses with a ConvertError or writes a plan that loads", async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(line, { minLength: 1, maxLength: 25 }), async (lines) => {
        const bytes = new TextEncoder().encode(lines.join("\n"));
        try {
          const { plan, report } = await convertDocument("doc.md", bytes, "markdown", {
            today: "2026-06-01",
          });
          const loaded = loadPlan(serialisePlan(plan, "yaml"), { format: "yaml" });
          if (!loaded.ok) throw new Error(JSON.stringify(loaded.problems.slice(0, 3)));
          expect(report.objectives).toHaveLength(plan.priorities.length);
        } catch (error) {
          if (!(error instanceof ConvertError)) throw error;
        }
      }),
      { numRuns: 150 },
    );
  }, 120_000);
});
