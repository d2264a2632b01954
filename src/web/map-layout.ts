// biome-ignore lint/suspicious/noExplicitAny: plan-format objects are read field by field
type Plan = Record<string, any>;

export interface MapNode {
  id: string;
  type: "priority" | "initiative" | "metric";
  label: string;
  layer: number;
  x: number;
  y: number;
}

/** A layered layout: priorities, then initiatives, then metrics, each layer ordered by the mean position of its parents. */
export function layoutMap(
  plan: Plan,
  rowGap = 44,
): { nodes: MapNode[]; edges: [string, string][]; height: number } {
  const live = plan.priorities.filter((p: Plan) => (p.status ?? "committed") === "committed");
  const ids = new Set(live.map((p: Plan) => p.id));
  const initiatives = (plan.initiatives ?? []).filter((i: Plan) =>
    ["active", "paused", undefined].includes(i.status),
  );
  const metrics = (plan.metrics ?? []).filter((m: Plan) =>
    (m.priorities ?? []).some((p: string) => ids.has(p)),
  );
  const edges: [string, string][] = [];
  const order = new Map<string, number>(live.map((p: Plan, i: number) => [`priority:${p.id}`, i]));
  const place = (items: Plan[], type: "initiative" | "metric") =>
    items
      .map((it) => {
        const parents = (it.priorities ?? []).filter((p: string) => ids.has(p));
        for (const p of parents) edges.push([`priority:${p}`, `${type}:${it.id}`]);
        const mean = parents.length
          ? parents.reduce((s: number, p: string) => s + (order.get(`priority:${p}`) ?? 0), 0) /
            parents.length
          : live.length;
        return { it, mean };
      })
      .sort((a, b) => a.mean - b.mean)
      .map(({ it }) => it);
  const layers: [Plan[], "priority" | "initiative" | "metric"][] = [
    [live, "priority"],
    [place(initiatives, "initiative"), "initiative"],
    [place(metrics, "metric"), "metric"],
  ];
  const colX = [10, 385, 760];
  const nodes: MapNode[] = [];
  let height = 0;
  layers.forEach(([items, type], layer) => {
    items.forEach((it, i) => {
      nodes.push({ id: it.id, type, label: it.title ?? it.name, layer, x: colX[layer], y: 30 + i * rowGap });
      height = Math.max(height, 60 + i * rowGap);
    });
  });
  return { nodes, edges, height };
}
