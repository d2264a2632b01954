import { describe, expect, it } from "vitest";
import { readTarget } from "./read-target.js";

describe("readTarget", () => {
  it.each([
    ["Grow net revenue retention to 115%", { target: 115, unit: "%" }],
    ["Median first response under 2 hours", { target: 2 }],
    ["Repeat purchase rate from 30% to 60%", { target: 60, baseline: 30, unit: "%" }],
    ["99.95% availability", { target: 99.95, unit: "%" }],
    ["Drive $561k in incremental revenue", { target: 561_000, unit: "$" }],
    ["Hire, or have strong candidates for, more than 75% of open roles", { target: 75, unit: "%" }],
  ])("reads %j", (text, expected) => {
    expect(readTarget(text)).toEqual(expected);
  });

  it.each([
    "Launch the setup wizard",
    "Grow from 3 to 5 regions and cut churn to 2%", // two readings: none rather than a wrong one
    "20% increase in MQLs and 10% in SAOs",
  ])("gives no target for %j", (text) => {
    expect(readTarget(text)).toBeUndefined();
  });
});
