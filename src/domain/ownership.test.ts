import { describe, expect, it } from "vitest";
import { metricsOwnedBy, ownsInitiative, ownsMetric, ownsPriority, personIdsFor } from "./ownership.js";

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

  it("owns a metric it is the named owner of; a named owner takes it from the priority's owner", () => {
    const ana = personIdsFor("ana@example.com", people);
    const ben = personIdsFor("ben@example.com", people);
    const priorities = [{ id: "grow", owner: "ana" }];
    expect(ownsMetric({ owner: "ben", priorities: ["grow"] }, priorities, ben)).toBe(true);
    expect(ownsMetric({ owner: "ben", priorities: ["grow"] }, priorities, ana)).toBe(false);
    expect(ownsMetric({ owner: "ana" }, [], ana)).toBe(true);
  });

  it("lists the metrics a person owns, by owner or by priority", () => {
    const plan = {
      people,
      priorities: [{ id: "grow", owner: "ana" }],
      metrics: [
        { id: "m1", owner: "ana" },
        { id: "m2", priorities: ["grow"] },
        { id: "m3", owner: "ben", priorities: ["grow"] },
        { id: "m4" },
      ],
    };
    expect(metricsOwnedBy("ana@example.com", plan).map((m) => m.id)).toEqual(["m1", "m2"]);
    expect(metricsOwnedBy("ben@example.com", plan).map((m) => m.id)).toEqual(["m3"]);
    expect(metricsOwnedBy("nobody@example.com", plan)).toEqual([]);
  });
});
