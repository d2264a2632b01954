import { describe, expect, it } from "vitest";
import { isPlaceholder, parseCellDate, parseCellNumber, splitOwners } from "./cell-values.js";

describe("spreadsheet cells", () => {
  it("reads numbers with their unit kept", () => {
    expect(parseCellNumber("$1.2M")).toEqual({ value: 1_200_000, unit: "$" });
    expect(parseCellNumber("45%")).toEqual({ value: 45, unit: "%" });
    expect(parseCellNumber("1,200")).toEqual({ value: 1200 });
    expect(parseCellNumber("3.5 days")).toEqual({ value: 3.5, unit: "days" });
    expect(parseCellNumber("€250k")).toEqual({ value: 250_000, unit: "€" });
    expect(parseCellNumber("(12)")).toEqual({ value: -12 });
    expect(parseCellNumber("2 bn")).toEqual({ value: 2e9 });
    expect(parseCellNumber("5 members")).toEqual({ value: 5, unit: "members" });
  });

  it("refuses what is not a number", () => {
    for (const text of ["lots", "", "Q3", "1.2.3", "12-15"]) expect(parseCellNumber(text)).toBeUndefined();
  });

  it("recognises placeholders where a value belongs", () => {
    for (const text of ["X", "$X", "TBD", "xxx", "[N13]", "?", "-"]) expect(isPlaceholder(text)).toBe(true);
    for (const text of ["10", "Xbox", "Tim"]) expect(isPlaceholder(text)).toBe(false);
  });

  it("reads the date spellings of spreadsheets and trackers", () => {
    expect(parseCellDate("2026-06-30")).toBe("2026-06-30");
    expect(parseCellDate("2026-04-06T00:00:00.000Z")).toBe("2026-04-06");
    expect(parseCellDate("02/Mar/26 9:12 AM")).toBe("2026-03-02");
    expect(parseCellDate("12 March 2026")).toBe("2026-03-12");
    expect(parseCellDate("Mar 12, 2026")).toBe("2026-03-12");
    expect(parseCellDate("30/06/2026")).toBe("2026-06-30");
    expect(parseCellDate("06/30/2026")).toBe("2026-06-30");
    expect(parseCellDate("2026-02-30")).toBeUndefined();
    expect(parseCellDate("soon")).toBeUndefined();
  });

  it("splits owner lists", () => {
    expect(splitOwners("Ana & Ben")).toEqual(["Ana", "Ben"]);
    expect(splitOwners("Ana, Ben and Cleo")).toEqual(["Ana", "Ben", "Cleo"]);
    expect(splitOwners("Sales / Marketing")).toEqual(["Sales", "Marketing"]);
    expect(splitOwners("TBD")).toEqual([]);
    expect(splitOwners("Alexandra Andersen")).toEqual(["Alexandra Andersen"]);
  });
});
