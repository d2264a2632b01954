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

describe("strategy map of an objective tree", () => {
  const plan = {
    priorities: [
      { id: "co", title: "Company" },
      { id: "fn", title: "Function", parent: "co", team: "product" },
      { id: "tm", title: "Team", parent: "fn", team: "product" },
      { id: "other", title: "Other company objective" },
      { id: "retired", title: "Retired", parent: "co", status: "retired" },
    ],
    initiatives: [
      { id: "team-work", title: "Team work", priorities: ["tm"] },
      { id: "other-work", title: "Other work", priorities: ["other"] },
    ],
    metrics: [{ id: "kr", name: "Team KR", priorities: ["tm"] }],
  };

  it("draws company, function and team objectives depth-first, indented by level, with tree edges", () => {
    const layout = layoutMap(plan);
    expect(layout.levels).toBe(3);
    const tree = layout.nodes.filter((n) => n.type === "priority");
    expect(tree.map((n) => [n.id, n.depth])).toEqual([
      ["co", 0],
      ["fn", 1],
      ["tm", 2],
      ["other", 0],
    ]);
    expect(tree[1].x).toBeGreaterThan(tree[0].x);
    expect(tree[2].x + tree[2].width).toBe(tree[0].x + tree[0].width);
    expect(layout.treeEdges).toEqual([
      ["priority:co", "priority:fn"],
      ["priority:fn", "priority:tm"],
    ]);
    expect(layout.edges).toContainEqual(["priority:tm", "initiative:team-work"]);
  });

  it("collapses levels: deeper objectives are hidden and their work hangs on the nearest shown one", () => {
    const layout = layoutMap(plan, 44, { levels: 1 });
    const tree = layout.nodes.filter((n) => n.type === "priority");
    expect(tree.map((n) => n.id)).toEqual(["co", "other"]);
    expect(tree[0].hidden).toBe(2);
    expect(layout.treeEdges).toEqual([]);
    expect(layout.edges).toContainEqual(["priority:co", "initiative:team-work"]);
    expect(layout.edges).toContainEqual(["priority:co", "metric:kr"]);
    // Work of the first company objective sits above the other one's.
    const work = layout.nodes.filter((n) => n.type === "initiative").map((n) => n.id);
    expect(work).toEqual(["team-work", "other-work"]);
    expect(layoutMap(plan, 44, { levels: 2 }).nodes.find((n) => n.id === "fn")?.hidden).toBe(1);
  });

  it("reads a flat plan as one level", () => {
    expect(layoutMap({ priorities: [{ id: "a", title: "A" }] }).levels).toBe(1);
  });
});
