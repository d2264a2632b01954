import { describe, expect, it } from "vitest";
import { isTimeZone, latestPeriod, zonedInstant } from "./digest-schedule.js";

describe("when the weekly digest is due", () => {
  const monday8 = { day: 1, hour: 8, timeZone: "UTC" };

  it("is the latest Monday 08:00 that has passed", () => {
    // Wednesday 2 December 2026.
    expect(latestPeriod(monday8, new Date("2026-12-02T12:00:00Z"))).toEqual({
      period: "2026-11-30",
      dueAt: new Date("2026-11-30T08:00:00Z"),
    });
    // Monday before eight is still last week's period; at eight it is this week's.
    expect(latestPeriod(monday8, new Date("2026-11-30T07:59:00Z")).period).toBe("2026-11-23");
    expect(latestPeriod(monday8, new Date("2026-11-30T08:00:00Z")).period).toBe("2026-11-30");
  });

  it("counts the day and hour in the workspace's time zone", () => {
    const berlin = { day: 1, hour: 9, timeZone: "Europe/Berlin" };
    // 08:30 UTC on Monday is 09:30 in Berlin (winter time): due.
    expect(latestPeriod(berlin, new Date("2026-11-30T08:30:00Z"))).toEqual({
      period: "2026-11-30",
      dueAt: new Date("2026-11-30T08:00:00Z"),
    });
    // Sunday 23:30 UTC is already Monday 00:30 in Tokyo… but before 09:00 there.
    expect(
      latestPeriod({ day: 1, hour: 9, timeZone: "Asia/Tokyo" }, new Date("2026-11-29T23:30:00Z")).period,
    ).toBe("2026-11-23");
  });

  it("finds the instant of a local time across daylight saving", () => {
    expect(zonedInstant("2026-07-06", 9, "Europe/Berlin").toISOString()).toBe("2026-07-06T07:00:00.000Z");
    expect(zonedInstant("2026-12-07", 9, "America/New_York").toISOString()).toBe("2026-12-07T14:00:00.000Z");
  });

  it("knows time zone names", () => {
    expect(isTimeZone("Europe/Berlin")).toBe(true);
    expect(isTimeZone("Mars/Olympus")).toBe(false);
  });
});
