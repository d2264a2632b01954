import { Loading, useAsync } from "../components";
import { Link, navigate } from "../router";
import { loadPlanAndAnalysis, type Plan, worstFor } from "./plan-data";

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
  width = 1100,
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
  const colX = [40, width / 2 - 140, width - 320];
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

export function MapPage({ ws }: { ws: string }) {
  const { data, error } = useAsync(() => loadPlanAndAnalysis(ws), [ws]);
  if (!data) return <Loading error={error} />;
  const { nodes, edges, height } = layoutMap(data.plan);
  const at = new Map(nodes.map((n) => [`${n.type}:${n.id}`, n]));
  const href = (n: MapNode) =>
    n.type === "priority" ? `/w/${ws}/priorities/${n.id}` : `/w/${ws}/edit/${n.type}s/${n.id}`;
  return (
    <article>
      <h1>Strategy map</h1>
      <p className="muted">
        Priorities → initiatives → metrics. Each node is coloured by its worst finding. Orphan initiatives sit
        at the bottom, unlinked.
      </p>
      <div className="map-scroll">
        <svg className="chart map" viewBox={`0 0 1100 ${height}`} role="img" aria-label="Strategy map">
          {edges.map(([a, b]) => {
            const s = at.get(a);
            const t = at.get(b);
            if (!s || !t) return null;
            return (
              <path
                key={`${a}-${b}`}
                d={`M${s.x + 260},${s.y} C${s.x + 330},${s.y} ${t.x - 70},${t.y} ${t.x},${t.y}`}
                className="edge"
              />
            );
          })}
          {nodes.map((n) => (
            <a
              key={`${n.type}:${n.id}`}
              href={href(n)}
              className={`node node-${worstFor(data.analysis, n.type, n.id)}`}
              aria-label={`${n.type} ${n.label}`}
              onClick={(e) => {
                e.preventDefault();
                navigate(href(n));
              }}
            >
              <rect x={n.x} y={n.y - 15} width={260} height={30} rx={6} />
              <text x={n.x + 10} y={n.y + 5}>
                {n.label.length > 36 ? `${n.label.slice(0, 35)}…` : n.label}
              </text>
            </a>
          ))}
        </svg>
      </div>
      <p>
        <Link to={`/w/${ws}`}>Back to the dashboard</Link>
      </p>
    </article>
  );
}
