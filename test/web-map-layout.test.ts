import { describe, expect, it } from "vitest";
import { layoutMap } from "../src/web/map-layout.js";

describe("strategy map layout", () => {
  const plan = {
    priorities: [
      { id: "a", title: "A" },
      { id: "b", title: "B" },
      { id: "old", title: "Old", status: "retired" },
    ],
    initiatives: [
      { id: "serves-b", title: "Serves B", priorities: ["b"] },
      { id: "serves-a", title: "Serves A", priorities: ["a"] },
      { id: "orphan", title: "Orphan" },
      { id: "done", title: "Done", priorities: ["a"], status: "done" },
    ],
    metrics: [
      { id: "m-b", name: "M B", priorities: ["b"] },
      { id: "m-old", name: "M Old", priorities: ["old"] },
    ],
  };

  it("lays out live priorities, live initiatives and their metrics in three columns", () => {
    const { nodes } = layoutMap(plan);
    expect(nodes.filter((n) => n.layer === 0).map((n) => n.id)).toEqual(["a", "b"]);
    expect(nodes.filter((n) => n.layer === 2).map((n) => n.id)).toEqual(["m-b"]);
    expect(nodes.some((n) => n.id === "done")).toBe(false);
  });

  it("orders each layer by its parents' positions, orphans last, so edges rarely cross", () => {
    const { nodes, edges } = layoutMap(plan);
    expect(nodes.filter((n) => n.layer === 1).map((n) => n.id)).toEqual(["serves-a", "serves-b", "orphan"]);
    expect(edges).toContainEqual(["priority:b", "initiative:serves-b"]);
    expect(edges.some(([, to]) => to === "initiative:orphan")).toBe(false);
  });
});
