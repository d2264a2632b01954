// biome-ignore lint/suspicious/noExplicitAny: plan-format objects are read field by field
type Plan = Record<string, any>;

export interface MapNode {
  id: string;
  type: "priority" | "initiative" | "metric";
  label: string;
  layer: number;
  x: number;
  y: number;
  /** Node width: priorities beneath others are indented, so narrower. */
  width: number;
  /** Level in the objective tree (0: top level); 0 for initiatives and metrics. */
  depth: number;
  /** Live priorities beneath this one that the chosen levels hide. */
  hidden: number;
}

export interface MapLayout {
  nodes: MapNode[];
  /** Priority → initiative → metric links. */
  edges: [string, string][];
  /** Parent → child links between priorities (the objective tree). */
  treeEdges: [string, string][];
  height: number;
  /** Levels of the objective tree among live priorities (1 without `parent` fields). */
  levels: number;
}

const NODE_WIDTH = 330;
const INDENT = 22;

/**
 * A layered layout: the objective tree (company → function → team objectives, depth-first,
 * indented by level), then initiatives, then metrics, each layer ordered by the mean position
 * of its parents. `levels` collapses the tree: priorities deeper than it are hidden, and the
 * work and metrics linked to them hang on their nearest shown ancestor.
 */
export function layoutMap(plan: Plan, rowGap = 44, options: { levels?: number } = {}): MapLayout {
  const live: Plan[] = plan.priorities.filter((p: Plan) => (p.status ?? "committed") === "committed");
  const byId = new Map<string, Plan>(live.map((p) => [p.id, p]));
  // A live priority whose parent is not live (or absent) is a root of the drawn tree.
  const children = new Map<string, Plan[]>();
  const roots: Plan[] = [];
  for (const p of live) {
    const parent = p.parent !== undefined && p.parent !== p.id ? byId.get(p.parent) : undefined;
    if (parent) children.set(parent.id, [...(children.get(parent.id) ?? []), p]);
    else roots.push(p);
  }
  const depthOf = new Map<string, number>();
  const ordered: Plan[] = [];
  const visit = (p: Plan, depth: number) => {
    if (depthOf.has(p.id)) return; // a loop (refused by validation) cannot recurse forever
    depthOf.set(p.id, depth);
    ordered.push(p);
    for (const c of children.get(p.id) ?? []) visit(c, depth + 1);
  };
  for (const r of roots) visit(r, 0);
  // Priorities caught in a loop without a root are still shown, at the top level.
  for (const p of live) visit(p, 0);
  const levels = Math.max(1, ...[...depthOf.values()].map((d) => d + 1));
  const shownLevels = Math.max(1, Math.min(options.levels ?? levels, levels));
  const shown = ordered.filter((p) => (depthOf.get(p.id) ?? 0) < shownLevels);
  /** The nearest shown priority at or above one (live priorities only). */
  const shownAncestor = (id: string): string | undefined => {
    let p = byId.get(id);
    while (p && (depthOf.get(p.id) ?? 0) >= shownLevels) p = byId.get(p.parent);
    return p?.id;
  };
  const hiddenBeneath = (id: string): number =>
    (children.get(id) ?? []).reduce(
      (n, c) => n + ((depthOf.get(c.id) ?? 0) >= shownLevels ? 1 : 0) + hiddenBeneath(c.id),
      0,
    );

  const initiatives = (plan.initiatives ?? []).filter((i: Plan) =>
    ["active", "paused", undefined].includes(i.status),
  );
  const metrics = (plan.metrics ?? []).filter((m: Plan) =>
    (m.priorities ?? []).some((p: string) => byId.has(p)),
  );
  const edges: [string, string][] = [];
  const order = new Map<string, number>(shown.map((p, i) => [`priority:${p.id}`, i]));
  const place = (items: Plan[], type: "initiative" | "metric") =>
    items
      .map((it) => {
        const parents = [
          ...new Set(
            (it.priorities ?? []).map((p: string) => shownAncestor(p)).filter((p: string | undefined) => p),
          ),
        ] as string[];
        for (const p of parents) edges.push([`priority:${p}`, `${type}:${it.id}`]);
        const mean = parents.length
          ? parents.reduce((s: number, p: string) => s + (order.get(`priority:${p}`) ?? 0), 0) /
            parents.length
          : shown.length;
        return { it, mean };
      })
      .sort((a, b) => a.mean - b.mean)
      .map(({ it }) => it);
  const layers: [Plan[], "priority" | "initiative" | "metric"][] = [
    [shown, "priority"],
    [place(initiatives, "initiative"), "initiative"],
    [place(metrics, "metric"), "metric"],
  ];
  // The priority column widens with the tree's depth, so deep trees keep readable labels.
  const treeWidth = NODE_WIDTH + (shownLevels - 1) * INDENT;
  const colX = [10, treeWidth + 55, treeWidth + 430];
  const nodes: MapNode[] = [];
  let height = 0;
  layers.forEach(([items, type], layer) => {
    items.forEach((it, i) => {
      const depth = type === "priority" ? (depthOf.get(it.id) ?? 0) : 0;
      nodes.push({
        id: it.id,
        type,
        label: it.title ?? it.name,
        layer,
        x: colX[layer] + depth * INDENT,
        y: 30 + i * rowGap,
        width: type === "priority" ? treeWidth - depth * INDENT : NODE_WIDTH,
        depth,
        hidden: type === "priority" ? hiddenBeneath(it.id) : 0,
      });
      height = Math.max(height, 60 + i * rowGap);
    });
  });
  const treeEdges: [string, string][] = shown
    .filter((p) => (depthOf.get(p.id) ?? 0) > 0 && byId.has(p.parent))
    .map((p) => [`priority:${p.parent}`, `priority:${p.id}`]);
  return { nodes, edges, treeEdges, height, levels };
}

/** Total width of the drawing for a layout. */
export function mapWidth(layout: MapLayout): number {
  return Math.max(...layout.nodes.map((n) => n.x + n.width), 1100) + 10;
}
