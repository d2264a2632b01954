import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { addDays, daysBetween, durationDays, findUnsafeInput, isCalendarDate } from "./primitives.js";

describe("calendar days", () => {
  it("accepts real days and rejects impossible ones, leap years included", () => {
    expect(["2024-02-29", "2000-02-29", "2026-12-31", "2026-01-01"].map(isCalendarDate)).toEqual([
      true,
      true,
      true,
      true,
    ]);
    expect(
      ["2023-02-29", "1900-02-29", "2026-04-31", "2026-13-01", "2026-00-10", "2026-1-01", "26-01-01"].map(
        isCalendarDate,
      ),
    ).toEqual([false, false, false, false, false, false, false]);
  });

  it("counts the days between two dates as the calendar does", () => {
    expect(daysBetween("2026-02-28", "2026-03-01")).toBe(1);
    expect(daysBetween("2024-02-28", "2024-03-01")).toBe(2);
    expect(daysBetween("2026-11-25", "2026-10-26")).toBe(-30);
    expect(daysBetween("1999-12-31", "2000-01-01")).toBe(1);
  });

  it("agrees with addDays for any date and offset", () => {
    const day = fc
      .integer({ min: Date.UTC(1800, 0, 1), max: Date.UTC(2400, 0, 1) })
      .map((ms) => new Date(ms).toISOString().slice(0, 10));
    fc.assert(
      fc.property(day, fc.integer({ min: -100_000, max: 100_000 }), (date, days) => {
        const later = addDays(date, days);
        expect(isCalendarDate(later)).toBe(true);
        expect(daysBetween(date, later)).toBe(days);
      }),
    );
  });

  it("reads durations in days and weeks", () => {
    expect(durationDays("30d")).toBe(30);
    expect(durationDays("2w")).toBe(14);
  });
});

describe("findUnsafeInput", () => {
  it("names the first NUL, lone surrogate or __proto__ key by its path", () => {
    expect(findUnsafeInput({ a: [{ b: "ok" }, { c: "x\u0000" }] })).toMatchObject({
      kind: "text",
      path: ["a", 1, "c"],
    });
    expect(findUnsafeInput({ a: "\ud800" })?.message).toMatch(/surrogate/);
    expect(findUnsafeInput({ a: "\udc00x" })?.message).toMatch(/surrogate/);
    expect(findUnsafeInput({ "k\u0000": 1 })).toMatchObject({ path: ["k\u0000"] });
    expect(findUnsafeInput(JSON.parse('{"x": {"__proto__": 1}}'))).toMatchObject({
      path: ["x", "__proto__"],
    });
    // A proper pair (an emoji) is text like any other.
    expect(findUnsafeInput({ a: "ok \ud83d\ude00", b: [1, null, true] })).toBeUndefined();
  });

  it("refuses nesting past the limit without recursing", () => {
    let deep: unknown = [];
    for (let i = 0; i < 100_000; i++) deep = [deep];
    expect(findUnsafeInput(deep)).toMatchObject({ kind: "nesting", path: Array(64).fill(0) });
    let ok: unknown = "leaf";
    for (let i = 0; i < 64; i++) ok = { k: ok };
    expect(findUnsafeInput(ok)).toBeUndefined();
  });
});
