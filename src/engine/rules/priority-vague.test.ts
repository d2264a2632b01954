import { describe, expect, it } from "vitest";
import { findingsOf } from "../../../test/support/make-plan.js";
import { isBareTheme } from "./priority-vague.js";

const specific = {
  id: "p1",
  title: "Win mid-market logistics firms",
  segment: "Mid-market logistics",
  outcome: "Ship on time",
  rightToWin: "Our routing data",
};
const metric = {
  id: "m1",
  name: "On-time rate",
  kind: "outcome" as const,
  direction: "up" as const,
  priorities: ["p1"],
};
const stop = {
  id: "s1",
  what: "Enterprise RFPs",
  priority: "p1",
  decided: "2026-01-10",
  effective: "2026-02-01",
};

describe("priority-vague", () => {
  it("does not fire for a specific priority, or with one element missing", () => {
    expect(
      findingsOf("priority-vague", { priorities: [specific], metrics: [metric], stops: [stop] }),
    ).toEqual([]);
    expect(findingsOf("priority-vague", { priorities: [specific], metrics: [metric] })).toEqual([]);
    expect(
      findingsOf("priority-vague", {
        priorities: [{ ...specific, segment: "   " }],
        metrics: [metric],
        stops: [stop],
      }),
    ).toEqual([]);
  });

  it("fires at exactly 2 missing elements and lists them (blank text counts as missing)", () => {
    const found = findingsOf("priority-vague", {
      priorities: [{ ...specific, rightToWin: "  " }],
      metrics: [{ ...metric, kind: "output" }],
      stops: [stop],
    });
    expect(found).toHaveLength(1);
    expect(found[0].severity).toBe("warning");
    expect(found[0].evidence).toEqual({ missing: ["rightToWin", "metric"], bareTheme: false, minMissing: 2 });
    expect(found[0].message).toBe(
      'Priority "Win mid-market logistics firms" is vague: it has no right to win and no outcome or business metric',
    );
  });

  it("ignores a stop decided after asOf", () => {
    const found = findingsOf("priority-vague", {
      priorities: [{ ...specific, segment: undefined }],
      metrics: [metric],
      stops: [{ ...stop, decided: "2026-07-01", effective: "2026-07-01" }],
    });
    expect(found[0].evidence.missing).toEqual(["segment", "stop"]);
  });

  it("fires for a bare-theme title even when nothing else is missing", () => {
    const found = findingsOf("priority-vague", {
      priorities: [{ ...specific, title: "Customer Experience & Growth" }],
      metrics: [metric],
      stops: [stop],
    });
    expect(found).toHaveLength(1);
    expect(found[0].evidence).toMatchObject({ missing: [], bareTheme: true });
    expect(found[0].message).toContain("its title is a bare theme");
  });

  it("reads a bare theme as 1–3 words all from the list", () => {
    expect(isBareTheme("Growth")).toBe(true);
    expect(isBareTheme("digital-transformation")).toBe(true);
    expect(isBareTheme("OPERATIONAL EXCELLENCE")).toBe(true);
    expect(isBareTheme("Customer experience and quality")).toBe(false); // 4 words
    expect(isBareTheme("Growth in Germany")).toBe(false);
    expect(isBareTheme("Growth 2026")).toBe(false);
    expect(isBareTheme("---")).toBe(false);
  });

  it("does not fire for a priority that is not live", () => {
    expect(
      findingsOf("priority-vague", { priorities: [{ id: "p1", title: "Growth", status: "proposed" }] }),
    ).toEqual([]);
  });

  it("follows a `minMissing` override", () => {
    const plan = { priorities: [{ ...specific, segment: undefined }], metrics: [metric], stops: [stop] };
    expect(findingsOf("priority-vague", plan)).toEqual([]);
    expect(
      findingsOf("priority-vague", { ...plan, rules: { "priority-vague": { minMissing: 1 } } }),
    ).toHaveLength(1);
    const two = { ...plan, stops: [] };
    expect(findingsOf("priority-vague", { ...two, rules: { "priority-vague": { minMissing: 3 } } })).toEqual(
      [],
    );
  });
});

describe("priority-vague and the wording classifier", () => {
  it("names the words that made the title a bare theme", () => {
    const [f] = findingsOf("priority-vague", {
      priorities: [
        { id: "p", title: "Customer Experience", segment: "Retail", outcome: "x", rightToWin: "y" },
      ],
    });
    expect(f.evidence).toMatchObject({ bareTheme: true, themeWords: ["Customer", "Experience"] });
    expect(f.message).toContain(
      'its title is a bare theme ("Customer" and "Experience" names an area, not a choice)',
    );
  });
});

describe("priority-vague on a tree of objectives", () => {
  const top = {
    id: "co",
    title: "Win mid-market retail",
    segment: "Mid-market retailers",
    outcome: "Live in a day",
    rightToWin: "Our connectors",
  };
  it("lets an objective beneath inherit segment, outcome and right to win from its ancestors", () => {
    const found = findingsOf("priority-vague", {
      priorities: [
        top,
        { id: "fn", title: "Sales: sign 40 mid-market retailers by June", parent: "co" },
        { id: "tm", title: "SDRs book 200 first meetings with retail buyers", parent: "fn" },
      ],
      // The team objective's own stop and its metric also count for those above it.
      metrics: [
        { id: "m", name: "Retailers live", kind: "outcome", direction: "up", priorities: ["tm"] },
      ] as never,
      stops: [
        { id: "s", what: "Trade shows", priority: "tm", decided: "2026-02-01", effective: "2026-02-01" },
      ],
    });
    expect(found).toEqual([]);
  });
  it("does not inherit from a priority that is not its ancestor", () => {
    const found = findingsOf("priority-vague", {
      priorities: [top, { id: "other", title: "Sales: sign 40 mid-market retailers by June" }],
    });
    expect(found.find((f) => f.subject.id === "other")?.evidence.missing).toEqual([
      "segment",
      "outcome",
      "rightToWin",
      "metric",
      "stop",
    ]);
  });
});
