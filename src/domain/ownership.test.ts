import { describe, expect, it } from "vitest";
import { ownsInitiative, ownsMetric, ownsPriority, personIdsFor } from "./ownership.js";

const people = [
  { id: "ana", email: "Ana@Example.com" },
  { id: "ben", email: "ben@example.com" },
  { id: "cy" },
];

describe("what a contributor owns", () => {
  it("maps a user to plan people by e-mail, ignoring case", () => {
    expect([...personIdsFor("ana@example.COM ", people)]).toEqual(["ana"]);
    expect(personIdsFor("nobody@example.com", people).size).toBe(0);
  });

  it("owns a priority it owns alone or shares, not one owned by a team or someone else", () => {
    const ana = personIdsFor("ana@example.com", people);
    expect(ownsPriority({ id: "p", owner: "ana" }, ana)).toBe(true);
    expect(ownsPriority({ id: "p", owner: ["ben", "ana"] }, ana)).toBe(true);
    expect(ownsPriority({ id: "p", owner: "ben" }, ana)).toBe(false);
    expect(ownsPriority({ id: "p", owner: "product" }, ana)).toBe(false);
    expect(ownsPriority({ id: "p" }, ana)).toBe(false);
  });

  it("owns an initiative it owns", () => {
    const ben = personIdsFor("ben@example.com", people);
    expect(ownsInitiative({ owner: "ben" }, ben)).toBe(true);
    expect(ownsInitiative({ owner: "ana" }, ben)).toBe(false);
    expect(ownsInitiative({}, ben)).toBe(false);
  });

  it("owns a metric linked to a priority it owns", () => {
    const ana = personIdsFor("ana@example.com", people);
    const priorities = [
      { id: "grow", owner: "ana" },
      { id: "keep", owner: "ben" },
    ];
    expect(ownsMetric({ priorities: ["keep", "grow"] }, priorities, ana)).toBe(true);
    expect(ownsMetric({ priorities: ["keep"] }, priorities, ana)).toBe(false);
    expect(ownsMetric({}, priorities, ana)).toBe(false);
  });
});
