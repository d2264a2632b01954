import { describe, expect, it } from "vitest";
import { createBody, patchBody } from "./entry-bodies";

const KEYS = ["id", "title", "owner", "start", "end", "priorities"];

describe("request bodies", () => {
  it("PATCH: a cleared optional field is null, x- keys go back as they were, the id stays out", () => {
    const original = { id: "i", title: "Old", owner: "dan", start: "2026-01-01", "x-tracker": { id: 7 } };
    const entry = { id: "i", title: "New", start: "2026-01-01", "x-tracker": { id: 7 } };
    expect(patchBody(original, entry, KEYS)).toEqual({
      title: "New",
      owner: null,
      start: "2026-01-01",
      "x-tracker": { id: 7 },
    });
  });

  it("PATCH: a field absent before and after is not sent; excluded keys never are", () => {
    const original = { id: "m", name: "M", checkins: [{ date: "2026-01-01", value: 1 }] };
    const entry = { id: "m", name: "M", checkins: [] };
    expect(patchBody(original, entry, ["id", "name", "unit"], ["checkins", "history"])).toEqual({
      name: "M",
    });
  });

  it("POST: the entry without anything undefined", () => {
    expect(createBody({ id: "i", title: "T", owner: undefined, "x-a": 1 })).toEqual({
      id: "i",
      title: "T",
      "x-a": 1,
    });
  });
});
