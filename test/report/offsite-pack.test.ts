import { extractText, getDocumentProxy } from "unpdf";
import { describe, expect, it } from "vitest";
import { main } from "../../src/cli/main.js";
import { analyse } from "../../src/engine/analyse.js";
import { proposeMoves } from "../../src/engine/moves/propose-moves.js";
import type { Dimension } from "../../src/engine/types.js";
import { offsiteReport } from "../../src/report/offsite-model.js";
import { offsitePdf } from "../../src/report/offsite-pdf.js";
import { examplePlan, exampleText } from "../support/acme.js";
import { fakeIO } from "../support/fake-io.js";

/** The PDF's text, pages joined, whitespace collapsed (a line break may fall anywhere). */
async function pdfText(bytes: Uint8Array): Promise<{ pages: number; text: string }> {
  const doc = await getDocumentProxy(new Uint8Array(bytes));
  const { totalPages, text } = await extractText(doc, { mergePages: true });
  return { pages: totalPages, text: text.replace(/\s+/g, " ") };
}

describe("the offsite pack (PDF)", () => {
  it("holds every section, with names not ids, from `report --pdf`", async () => {
    const { io, bytes, captured } = fakeIO({ "acme.yaml": exampleText() });
    expect(await main(["report", "acme.yaml", "--pdf", "pack.pdf"], io)).toBe(0);
    expect(captured.err).toContain("Wrote the offsite pack to pack.pdf");
    const pdf = bytes.get("pack.pdf");
    if (!pdf) throw new Error("no PDF written");
    expect(Buffer.from(pdf).subarray(0, 5).toString()).toBe("%PDF-");
    const { pages, text } = await pdfText(pdf);
    expect(pages).toBeGreaterThan(2);
    const plan = examplePlan();
    const analysis = analyse(plan);
    for (const heading of [
      "Acme Analytics",
      `As of ${plan.asOf}`,
      "Top moves",
      "Findings by priority",
      "Across the whole plan",
      "Capacity by team",
      "Promise timelines",
      "Stop list",
    ])
      expect(text).toContain(heading);
    expect(text).toContain(String(analysis.index.overall));
    expect(text).toContain("Measurement and incentives");
    // The first move by its names, and the index after it.
    const { moves } = proposeMoves(plan, { previous: analysis });
    expect(text).toContain(`Index after: ${moves[0].indexAfter}`);
    expect(text).toContain('Stop "Legacy custom report builder"');
    // Owners by name; team scores; a promise and its milestones; a stop not carried out.
    expect(text).toContain("Owner: Raj Patel, Lena Okafor");
    expect(text).toMatch(/116 \/ 110 FTE · gap \d+(\.\d)?/);
    expect(text).toContain("Square POS customers connect in one click");
    expect(text).toContain("not carried out: the initiative is still active");
    expect(text).not.toContain("live-in-days");
  });

  it("marks not-assessed dimensions as such, never as a score", async () => {
    const plan = examplePlan();
    const analysis = analyse(plan);
    const marked = {
      ...analysis,
      index: { ...analysis.index, notAssessed: ["timelines", "learning"] as Dimension[] },
    };
    const { text } = await pdfText(await offsitePdf(offsiteReport(plan, plan.asOf ?? "", marked)));
    expect(text).toContain("not assessed");
    expect(text).toContain("Not assessed: Timelines, Learning loop");
    const without = await pdfText(await offsitePdf(offsiteReport(plan, plan.asOf ?? "", analysis)));
    expect(without.text).not.toContain("not assessed");
  });

  it("writes the same sections in markdown without --pdf", async () => {
    const { io, captured } = fakeIO({ "acme.yaml": exampleText() });
    expect(await main(["report", "acme.yaml"], io)).toBe(0);
    for (const heading of [
      "## Top moves",
      "## Priorities",
      "## Across the whole plan",
      "## Capacity and gap by team",
      "## Promises",
      "## Stop list",
    ])
      expect(captured.out).toContain(heading);
  });
});
