import { describe, expect, it } from "vitest";
import { findPlaceholders } from "./index.js";

describe("findPlaceholders", () => {
  it.each([
    ["Grow revenue from X to Y", ["from X to Y"]],
    ["Reach $X in new ARR", ["$X"]],
    ["X% of trials convert", ["X%"]],
    ["Owner: TBD", ["TBD"]],
    ["Target to be determined with finance", ["to be determined"]],
    ["[N13] interested inquiries", ["[N13]"]],
    ["N<sub>6</sub> WAU of the cloud edition", ["N<sub>6</sub>"]],
    ["Reach $N<sub>5</sub> in new IARR", ["$N<sub>5</sub>"]],
    ["ZZZ developer testimonials, XXX podcast guests", ["ZZZ", "XXX"]],
    ["`PX` - @??? - Onboard contributors", ["@???"]],
    ["X", ["X"]],
    ["Hit [number] signups", ["[number]"]],
  ])("finds the placeholders in %j", (text, expected) => {
    expect(findPlaceholders(text)).toEqual(expected);
  });

  it.each([
    "Grow revenue from $1M to $2M",
    "Launch on X (formerly Twitter)",
    "Support Xcode and Xamarin projects",
    "Ship v2 of the N-tier connector",
    "Hire 3 engineers in Q3 FY26",
    "",
  ])("finds none in %j", (text) => {
    expect(findPlaceholders(text)).toEqual([]);
  });
});
