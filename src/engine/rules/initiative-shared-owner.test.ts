import { describe, expect, it } from "vitest";
import { findingsOf } from "../../../test/support/make-plan.js";

const people = [
  { id: "ana", name: "Ana" },
  { id: "bo", name: "Bo" },
];
const priorities = [{ id: "p1", title: "Win mid-market", owner: "ana" }];

describe("initiative-shared-owner", () => {
  it("fires for a live initiative owned by a list of several people, naming them", () => {
    const found = findingsOf("initiative-shared-owner", {
      people,
      priorities,
      initiatives: [
        { id: "i1", title: "Self-serve onboarding", owner: ["ana", "bo"], priorities: ["p1"] },
        { id: "i2", title: "Partner portal", owner: ["bo", "ana"], status: "paused" },
      ],
    });
    expect(found.map((f) => f.subject.id)).toEqual(["i1", "i2"]);
    expect(found[0].severity).toBe("warning");
    expect(found[0].dimension).toBe("ownership");
    expect(found[0].evidence).toEqual({ owners: ["ana", "bo"] });
    expect(found[0].message).toBe(
      'Initiative "Self-serve onboarding" is owned by 2 people (Ana and Bo): a shared owner is no owner',
    );
    expect(found[0].suggestion).toContain("Make one of Ana and Bo the owner");
  });

  it("does not fire for one owner, a one-person list, a repeated name or an initiative that is not live", () => {
    const found = findingsOf("initiative-shared-owner", {
      people,
      priorities,
      initiatives: [
        { id: "one", title: "A", owner: "ana" },
        { id: "list-of-one", title: "B", owner: ["ana"] },
        { id: "repeated", title: "C", owner: ["bo", "bo"] },
        { id: "done", title: "D", owner: ["ana", "bo"], status: "done" },
        { id: "stopped", title: "E", owner: ["ana", "bo"], status: "stopped" },
        { id: "proposed", title: "F", owner: ["ana", "bo"], status: "proposed" },
      ],
    });
    expect(found).toEqual([]);
  });

  it("is not also reported as having no owner, and an empty list is no owner rather than shared", () => {
    const plan = {
      people,
      priorities,
      initiatives: [
        { id: "shared", title: "A", owner: ["ana", "bo"] },
        { id: "empty", title: "B", owner: [] },
      ],
    };
    expect(findingsOf("initiative-no-owner", plan).map((f) => f.subject.id)).toEqual(["empty"]);
    expect(findingsOf("initiative-shared-owner", plan).map((f) => f.subject.id)).toEqual(["shared"]);
  });
});
