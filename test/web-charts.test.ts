import { describe, expect, it } from "vitest";
import { dateTicks, dayNumber, niceTicks, projectAt } from "../src/web/chart-scales.js";

describe("chart axis ticks", () => {
  it("cover the data with round steps", () => {
    expect(niceTicks(21, 40)).toEqual([20, 25, 30, 35, 40]);
    expect(niceTicks(0, 100)).toEqual([0, 20, 40, 60, 80, 100]);
    expect(niceTicks(104.5, 111.1)).toEqual([104, 106, 108, 110, 112]);
  });

  it("round fractional steps to their precision", () => {
    expect(niceTicks(0.12, 0.43)).toEqual([0.1, 0.2, 0.3, 0.4, 0.5]);
  });

  it("give a flat series a range around its value", () => {
    const ticks = niceTicks(50, 50);
    expect(ticks[0]).toBeLessThan(50);
    expect(ticks[ticks.length - 1]).toBeGreaterThan(50);
  });

  it("projects a trend to a later date by least squares", () => {
    const points = [
      { x: 0, y: 10 },
      { x: 10, y: 20 },
      { x: 20, y: 30 },
    ];
    expect(projectAt(points, 40)).toBeCloseTo(50);
    expect(projectAt([{ x: 0, y: 1 }], 10)).toBeUndefined();
  });
});

describe("dated x axis", () => {
  it("labels ticks with dates, first and last day included", () => {
    const ticks = dateTicks(dayNumber("2026-09-01"), dayNumber("2026-12-01T15:00:00Z"));
    expect(ticks[0]?.label).toBe("2026-09-01");
    expect(ticks[ticks.length - 1]?.label).toBe("2026-12-01");
    expect(ticks.length).toBeGreaterThanOrEqual(3);
    expect(ticks.length).toBeLessThanOrEqual(4);
    for (const t of ticks) expect(t.label).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    const xs = ticks.map((t) => t.x);
    expect([...xs].sort((a, b) => a - b)).toEqual(xs);
  });

  it("shows one date when every snapshot is from one day", () => {
    expect(dateTicks(dayNumber("2026-12-02T08:00:00Z"), dayNumber("2026-12-02T17:00:00Z"))).toEqual([
      { x: dayNumber("2026-12-02T08:00:00Z"), label: "2026-12-02" },
    ]);
  });
});
