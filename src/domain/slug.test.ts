import { describe, expect, it } from "vitest";
import { ID_PATTERN } from "./primitives.js";
import { childId, slug } from "./slug.js";

describe("ids from text", () => {
  it("folds accents and joins words", () => {
    expect(slug("Błaszkiewicz & Café — Nordics")).toBe("blaszkiewicz-cafe-nordics");
  });

  it("makes a valid child id under a prefix, within 64 characters, cut at a word", () => {
    expect(childId("sales", "Double qualified pipeline!")).toBe("sales-double-qualified-pipeline");
    const long = childId("a-rather-long-team-id", "word ".repeat(40));
    expect(long.length).toBeLessThanOrEqual(64);
    expect(long).toMatch(ID_PATTERN);
    expect(long.endsWith("-")).toBe(false);
    expect(childId("sales", "!!!")).toBe("sales");
  });
});
